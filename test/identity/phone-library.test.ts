// The test files share one module graph (vitest.config.ts: isolate false), where another file may
// have loaded the library already: the check runs in a process of its own, on the built code.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = (path: string): string => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

describe('libphonenumber, loaded on first use', () => {
  it('is not loaded by customer numbers and French lines, nationally or internationally written, then is by other lines', () => {
    const script = `
      const { accountKey } = await import(${JSON.stringify(dist('identity/account-key.js'))});
      const { phoneLibraryLoaded } = await import(${JSON.stringify(dist('identity/phone-library.js'))});
      const seen = [];
      const key = (raw) => { const k = accountKey(raw).key; seen.push([raw, k, phoneLibraryLoaded()]); };
      for (const raw of ['0612345678', 'C-104233', 'F202001-0000010', '+33612345678', '0033 6 12 34 56 78', '+44 20 7946 0958', '06 12 34 56 78']) key(raw);
      process.stdout.write(JSON.stringify(seen));`;
    const seen = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    );
    expect(seen).toEqual([
      ['0612345678', 'tel:+33612345678', false],
      ['C-104233', 'id:C104233', false],
      ['F202001-0000010', 'id:F2020010000010', false],
      // French lines in international form too (E.164 exports, issue 19).
      ['+33612345678', 'tel:+33612345678', false],
      ['0033 6 12 34 56 78', 'tel:+33612345678', false],
      // A line written with spaces or in international form takes the library: loaded then, and read right.
      ['+44 20 7946 0958', 'tel:+442079460958', true],
      ['06 12 34 56 78', 'tel:+33612345678', true],
    ]);
  });

  it('is imported, other than for its types, by phone-library.ts alone', () => {
    // Any other import of its values would load it in every thread again, whatever the input.
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const importers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts'))
      .filter((path) =>
        /^\s*import\s+(?!type\b)[^;]*from\s+'libphonenumber-js[^']*'/m.test(readFileSync(join(src, path), 'utf8')),
      )
      .map((path) => path.split('\\').join('/'));
    expect(importers).toEqual([]);
    expect(readFileSync(join(src, 'identity', 'phone-library.ts'), 'utf8')).toContain("('libphonenumber-js')");
  });
});
