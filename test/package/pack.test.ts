/**
 * What `npm pack` would publish: the built code, its types, the schemas, the licence and the
 * README, and nothing that points outside the package (source maps to unshipped sources) or that
 * only the repository needs (sources, tests, fixtures).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

interface PackEntry {
  readonly path: string;
}

function packedFiles(): string[] {
  // --ignore-scripts: `npm test` has just built dist/; pack must not rebuild it in the middle of the suite.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const [pack] = JSON.parse(out) as Array<{ files: PackEntry[] }>;
  return (pack?.files ?? []).map((file) => file.path).sort();
}

describe('npm pack', () => {
  const files = packedFiles();

  it('ships the entry points, the bin, the schemas, the licence and the README', () => {
    for (const needed of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/billcheck.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/check/parallel/worker.js',
      'schema/report.schema.json',
      'schema/config.schema.json',
    ]) {
      expect(files).toContain(needed);
    }
  });

  it('ships no source map, source, test or fixture', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /^(src|test|fixtures|bench|scripts)\//.test(file))).toEqual([]);
  });
});
