/**
 * Fault injection (issue 18): a directory whose files disappear, become unreadable or grow while
 * the run reads it. The run must finish, check every other file, and name each problem in one
 * line. The rows are shaped as fixtures/seed-cases.csv (a French customer-area export).
 */
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { check, resolveInputs } from '../../src/index.js';
import type { ResolvedInput } from '../../src/check/inputs.js';
import { defaultCheckOptions } from '../helpers/options.js';

const HEADER =
  'N° de facture;Type;N° client;Date de facture;Échéance;Libellé;Montant HT (€);TVA (€);Montant TTC (€);Référence';
const OPTIONS = defaultCheckOptions('2024-06-01');

function rows(prefix: string, count: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `${prefix}-${i};Facture;0612345${String(i % 900).padStart(3, '0')};${day}/01/2024;${day}/02/2024;Forfait mobile 5 Go;16,66;3,33;19,99;`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'billcheck-faults-'));
afterAll(() => {
  chmodSync(join(dir, 'c-unreadable.csv'), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

/** The same input, with `fault` run once its first chunk has been read. */
function withFault(input: ResolvedInput, fault: () => void): ResolvedInput {
  if (!('source' in input)) throw new Error('expected a file');
  const { source } = input;
  return {
    source: {
      ...source,
      async *open() {
        let first = true;
        for await (const chunk of source.open()) {
          yield chunk;
          if (first) fault();
          first = false;
        }
      },
    },
  };
}

describe('a run over a directory that changes under it', () => {
  it('finishes, checks every other file, and names each problem', async () => {
    const isRoot = process.getuid?.() === 0;
    writeFileSync(join(dir, 'a-first.csv'), `${HEADER}\n${rows('A', 3000)}`);
    writeFileSync(join(dir, 'b-vanishes.csv'), `${HEADER}\n${rows('B', 10)}`);
    writeFileSync(join(dir, 'c-unreadable.csv'), `${HEADER}\n${rows('C', 10)}`);
    writeFileSync(join(dir, 'd-grows.csv'), `${HEADER}\n${rows('D', 3000)}`);
    writeFileSync(join(dir, 'e-last.csv'), `${HEADER}\n${rows('E', 10)}`);
    const inputs = await resolveInputs([dir], Readable.from([]));
    expect(inputs).toHaveLength(5);

    const faulty = inputs.map((input, index) => {
      if (index === 0) {
        return withFault(input, () => {
          rmSync(join(dir, 'b-vanishes.csv'));
          if (isRoot) {
            // root reads a file of mode 000: a folder in its place is as unreadable as a file.
            rmSync(join(dir, 'c-unreadable.csv'));
            mkdirSync(join(dir, 'c-unreadable.csv'));
          } else {
            chmodSync(join(dir, 'c-unreadable.csv'), 0o000);
          }
        });
      }
      if (index === 3) return withFault(input, () => appendFileSync(join(dir, 'd-grows.csv'), rows('D', 500, 3000)));
      return input;
    });
    const fatal: string[] = [];
    const { result } = await check(faulty, OPTIONS, {
      onFatal: (problem) => fatal.push(`${problem.file}: ${problem.message}`),
    });

    const unreadable = isRoot ? 'cannot read: is a directory' : 'cannot read: permission denied';
    expect(fatal).toEqual([
      `${join(dir, 'b-vanishes.csv')}: cannot read: no such file`,
      `${join(dir, 'c-unreadable.csv')}: ${unreadable}`,
    ]);
    expect(result.fatal.map((problem) => problem.file)).toEqual([
      join(dir, 'b-vanishes.csv'),
      join(dir, 'c-unreadable.csv'),
    ]);
    expect(result.summary.files).toBe(3);
    expect(result.valid).toBe(false);
    // The grown file is read to its new end: every row it held when read is accounted for.
    expect(result.summary.rows).toBe(3000 + 3500 + 10);
    expect(result.summary.documents).toBe(result.summary.rows);
    expect(result.findings.filter((finding) => finding.ruleId === 'invalid-input')).toEqual([]);
  });
});
