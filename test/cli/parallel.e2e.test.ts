/**
 * `--jobs N` reads a large file in N byte ranges, the first on the main thread and the others in
 * worker threads (two by default on a machine with two cores); it must find exactly what the
 * main thread alone finds, line numbers and row counts included: ranges start on record
 * boundaries (never inside a quoted field) and never cut a document's rows apart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript without types
import { generate } from '../../bench/generate.js';
import { runBin } from '../helpers/cli.js';

/** Lets the test split small files (the default threshold is 16 MB). */
const SPLIT_SMALL_FILES = { BILLCHECK_PARALLEL_MIN_BYTES: '0' };

function sameFindings(file: string, jobs: string[] = ['--jobs', '2']): void {
  const args = [file, '--format', 'ndjson', '--today', '2026-01-01'];
  const alone = runBin([...args, '--jobs', '1'], { env: SPLIT_SMALL_FILES });
  const parallel = runBin([...args, ...jobs], { env: SPLIT_SMALL_FILES });
  expect(parallel.stderr).toBe('');
  expect(parallel.code).toBe(alone.code);
  const lines = (text: string) => text.trimEnd().split('\n');
  // Findings may arrive in another order; the summary line (last) must be identical.
  expect(lines(parallel.stdout).slice(0, -1).sort()).toEqual(lines(alone.stdout).slice(0, -1).sort());
  expect(lines(parallel.stdout).at(-1)).toBe(lines(alone.stdout).at(-1));
}

describe('parallel reading (--jobs)', () => {
  let generated = '';

  beforeAll(async () => {
    generated = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-')), 'export.csv');
    // Quoted descriptions with ";" and "" inside, multi-line invoices, planted anomalies.
    await generate({ rows: 20_000, accounts: 500, seed: 7, out: generated });
  });

  it('finds the same as the main thread alone on a generated export', () => {
    sameFindings(generated);
  });

  it('finds the same with three threads, and by default', () => {
    sameFindings(generated, ['--jobs', '3']);
    sameFindings(generated, []);
  });

  it('finds the same on a file with sub-cent and huge amounts, which workers send as exact text', () => {
    sameFindings('fixtures/csv/exact-amounts.csv');
  });

  it('finds the same on the seed export and on a Windows-1252 export', () => {
    sameFindings('fixtures/seed-cases.csv');
    sameFindings('fixtures/customer-area-windows-1252.csv');
  });

  it('finds the same on a file whose rows hold quoted line breaks and broken rows', () => {
    sameFindings('fixtures/hostile/broken-rows.csv');
  });
});
