/**
 * `--jobs N` reads a large file in N byte ranges, the first on the main thread and the others in
 * worker threads (two by default on a machine with two cores); it must find exactly what the
 * main thread alone finds, line numbers and row counts included: ranges start on record
 * boundaries (never inside a quoted field) and never cut a document's rows apart.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript without types
import { generate } from '../../bench/generate.js';
import { runBin } from '../helpers/cli.js';
import { sameFindings } from '../helpers/parallel.js';

describe('parallel reading (--jobs)', () => {
  let generated = '';

  beforeAll(async () => {
    generated = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-')), 'export.csv');
    // Quoted descriptions with ";" and "" inside, multi-line invoices, planted anomalies.
    await generate({ rows: 10_000, accounts: 500, seed: 7, out: generated });
  });

  it('finds the same as the main thread alone on a generated export', () => {
    sameFindings(generated);
  });

  it('finds the same when a small file (read on the main thread alone) shares accounts with a split one', () => {
    // Rows of the generated export re-billed under other numbers: the same periods and totals
    // twice, which only a timeline holding both files' entries can see.
    const rows = readFileSync(generated, 'utf8').split('\n');
    const rebilled = [rows[0], ...rows.slice(5000, 5060).map((row) => `X${row}`)].join('\n');
    const small = join(dirname(generated), 'rebilled.csv');
    writeFileSync(small, `${rebilled}\n`);
    const onlyTheLargeFileSplits = { BILLCHECK_PARALLEL_MIN_BYTES: '100000' };
    const found = runBin([small, generated, '--format', 'json', '--today', '2026-01-01'], { env: onlyTheLargeFileSplits });
    const report = JSON.parse(found.stdout) as { findings: { ruleId: string; file: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'duplicate-invoice' && f.file === small).length).toBeGreaterThan(10);
    sameFindings([small, generated], { jobs: [], env: onlyTheLargeFileSplits, formats: ['json', 'text'] });
  });

  it('finds the same with three threads, and by default', () => {
    sameFindings(generated, { jobs: ['--jobs', '3'], formats: ['json', 'text'] });
    sameFindings(generated, { jobs: [], formats: ['json', 'text'] });
  });

  it('finds the same on a file with sub-cent and huge amounts, which workers send as exact text', () => {
    sameFindings('fixtures/csv/exact-amounts.csv');
  });

  it('finds the same on the seed export and on a Windows-1252 export', () => {
    sameFindings('fixtures/seed-cases.csv');
    sameFindings('fixtures/customer-area-windows-1252.csv');
  });

  it('finds the same on exports with a byte-order mark, comma decimals in English, and Windows-1252', () => {
    for (const file of ['fixtures/csv/fr-utf8-bom.csv', 'fixtures/csv/en-comma.csv', 'fixtures/csv/fr-windows-1252.csv', 'fixtures/company-export-en.csv']) {
      sameFindings(file);
    }
  });

  it('finds the same on a file whose rows hold quoted line breaks and broken rows', () => {
    sameFindings('fixtures/hostile/broken-rows.csv');
  });
});
