/**
 * `npm run bench` end to end on tiny exports (issue 19): the pairs table, billcheck alone and the
 * profile summary, each from the real children. Timings are not asserted, only that each mode
 * measured what it says. Needs the build (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'billcheck-bench-run-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** bench/run.js with its exports and profiles in `dataDir`, one per test. */
function bench(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ['bench/run.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_DATA_DIR: dataDir, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))('npm run bench', () => {
  it('measures one shape in pairs, caches its export and reuses it', () => {
    const dataDir = join(folder, 'pairs');
    const first = bench(['--shape', 'english', '--rows', '600', '--pairs', '1'], dataDir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('generating');
    const lines = first.stdout.split('\n');
    expect(lines).toContain('note: no shape was measured at 1 000 000 rows; the targets are not judged');
    expect(lines.find((line) => line.startsWith('english '))).toMatch(
      /^english +600 +[\d.]+ +[\d.]+ +[\d.]+( +[\d ]+){4}$/,
    );
    expect(first.stdout).not.toContain('warning');
    expect(readdirSync(dataDir)).toEqual(['english-600r-50000a-s42-v3.csv']);
    const again = bench(['--shape', 'english', '--rows', '600', '--pairs', '1', '--billcheck-only'], dataDir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('reusing');
    expect(again.stdout).toMatch(/^english +600 +[\d.]+ +[\d ]+ +\d+$/m);
    expect(again.stdout).not.toContain('csv-parse');
  }, 120_000);

  it('prints where the time goes from one profiled run', () => {
    const dataDir = join(folder, 'profile');
    const result = bench(['--profile', '--shape', 'no-quotes', '--rows', '600'], dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no-quotes, 600 rows, billcheck --jobs 1 under --cpu-prof/m);
    // A dependency by its package name. Which ones a profile of 600 rows samples varies: csv-parse
    // reads few of a file without quotes (the line reader splits them), and once it was not sampled
    // at all (CI, Node 20, 4 December). test/bench/profile.test.ts names the groups exactly.
    expect(result.stdout).toMatch(/^ {2}(csv-parse|commander|chalk|decimal\.js|iconv-lite) +\d+ ms +[\d.]+ %$/m);
    expect(result.stdout).toMatch(/^ {2}parse\/csv +\d+ ms/m);
    expect(readdirSync(join(dataDir, 'profiles'))).toEqual(['no-quotes-600r-50000a-s42-v3.cpuprofile']);
  }, 120_000);

  it('measures an export given with --file, its delimiter read from its header, its rows counted', () => {
    // An export nobody generated (the check of issue 19 runs on such files): comma-delimited, 300 rows.
    const file = join(folder, 'given-export.csv');
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `INV-${1000 + i},C${String(i % 40).padStart(5, '0')},0${(i % 9) + 1}/03/2024,"Mobile plan",10.00,2.00,12.00`,
    );
    writeFileSync(file, `Invoice No,Customer ID,Issue date,Item,Net,VAT,Gross\n${rows.join('\n')}\n`);
    const dataDir = join(folder, 'given');
    const result = bench(['--file', file, '--pairs', '1'], dataDir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('(delimiter ",")');
    expect(result.stdout).toContain('— files given, median of 1 pair(s)');
    expect(result.stdout).toMatch(/^given-export\.csv +300 +[\d.]+ +[\d.]+ +[\d.]+( +[\d ]+){4}$/m);
    // billcheck read every row csv-parse counted: no warning.
    expect(result.stdout).not.toContain('warning');
    // Nothing generated: the given file is measured where it is.
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('refuses an unknown shape with exit code 2', () => {
    const result = bench(['--shape', 'two-lines'], join(folder, 'refused'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'bench: unknown shape "two-lines"; shapes: one-line, multi-line, many-accounts, deep-history, english, windows-1252, no-quotes\n',
    );
  });
});
