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

/** Lets the test split small files (the default threshold is 16 MB). */
const SPLIT_SMALL_FILES = { BILLCHECK_PARALLEL_MIN_BYTES: '0' };

function sameFindings(file: string | string[], jobs: string[] = ['--jobs', '2'], env: Record<string, string> = SPLIT_SMALL_FILES, today = '2026-01-01'): void {
  const args = [...[file].flat(), '--today', today, '--terminated', '2021-06-30'];
  const alone = runBin([...args, '--format', 'ndjson', '--jobs', '1'], { env });
  const parallel = runBin([...args, '--format', 'ndjson', ...jobs], { env });
  expect(parallel.stderr).toBe(alone.stderr);
  expect(parallel.code).toBe(alone.code);
  const lines = (text: string) => text.trimEnd().split('\n');
  // NDJSON lines stream in the order found; the summary line (last) must be identical.
  expect(lines(parallel.stdout).slice(0, -1).sort()).toEqual(lines(alone.stdout).slice(0, -1).sort());
  expect(lines(parallel.stdout).at(-1)).toBe(lines(alone.stdout).at(-1));
  // The text report is sorted and counts accounts: identical, line for line.
  expect(runBin([...args, ...jobs], { env }).stdout).toBe(runBin([...args, '--jobs', '1'], { env }).stdout);
}

/** The generated export with `edit` applied to its lines (header included, as line 0), as another file. */
function variant(source: string, name: string, edit: (lines: string[]) => string[], encoding: BufferEncoding = 'utf8'): string {
  const lines = readFileSync(source, 'utf8').split('\n');
  const out = join(dirname(source), name);
  writeFileSync(out, edit(lines).join('\n'), encoding);
  return out;
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
    sameFindings([small, generated], [], onlyTheLargeFileSplits);
    sameFindings([generated, small], [], onlyTheLargeFileSplits);
  });

  it('numbers the lines of a quote left open to the end of the second half as the file does', () => {
    // Opened in the description (8th cell) of a row near the end: no later quote closes it.
    const unclosed = variant(generated, 'unclosed.csv', (lines) =>
      lines.map((line, i) => (i === lines.length - 4 ? line.split(';').map((cell, c) => (c === 7 ? `"${cell.replaceAll('"', '')}` : cell)).join(';') : line)),
    );
    const run = runBin([unclosed, '--format', 'json', '--today', '2026-01-01', '--jobs', '1'], { env: SPLIT_SMALL_FILES });
    expect(run.stdout).toMatch(/not closed before the end of the file/);
    sameFindings(unclosed);
  });

  it('reports a row longer than 1 MiB in the second half as one reader does: the rows before it checked, the file listed as not read', () => {
    const huge = variant(generated, 'huge-row.csv', (lines) => lines.map((line, i) => (i === 15_600 ? `${line}${'x'.repeat(1_100_000)}` : line)));
    const run = runBin([huge, '--format', 'ndjson', '--today', '2026-01-01'], { env: SPLIT_SMALL_FILES });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 15601: a row longer than 1 MiB/);
    sameFindings(huge);
  });

  it('tells a row longer than 1 MiB in the first half as one reader does, and reads the second half all the same, every time', () => {
    const huge = variant(generated, 'huge-first-half.csv', (lines) => lines.map((line, i) => (i === 2_000 ? `${line}${'x'.repeat(1_100_000)}` : line)));
    const args = [huge, '--format', 'ndjson', '--today', '2026-01-01'];
    const alone = runBin([...args, '--jobs', '1'], { env: SPLIT_SMALL_FILES });
    const runs = [runBin(args, { env: SPLIT_SMALL_FILES }), runBin(args, { env: SPLIT_SMALL_FILES })];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(alone.stderr);
    }
    // The second half's rows are checked too (one reader would have stopped): more rows, the same whichever thread ends first.
    const rows = (stdout: string) => (JSON.parse(stdout.trimEnd().split('\n').at(-1) as string) as { summary: { rows: number } }).summary.rows;
    expect(rows(runs[0]!.stdout)).toBeGreaterThan(rows(alone.stdout));
    expect(runs[1]!.stdout.split('\n').sort()).toEqual(runs[0]!.stdout.split('\n').sort());
  });

  it('reads the second half with the date order the first rows showed (month first)', () => {
    // Month-first dates: unambiguous in the first rows (20th), ambiguous in the rest (3rd).
    const header = 'Invoice number;Type;Account;Invoice date;Due date;Description;Net;VAT;Total';
    const rows = Array.from({ length: 4000 }, (_, i) => {
      const day = i < 200 ? '20' : '03';
      return `INV-${i};Invoice;ACC-${i % 50};01/${day}/2024;02/${day}/2024;Mobile plan;10.00;2.00;12.00`;
    });
    const monthFirst = join(dirname(generated), 'month-first.csv');
    writeFileSync(monthFirst, [header, ...rows].join('\n'));
    sameFindings(monthFirst, ['--jobs', '2'], SPLIT_SMALL_FILES, '2024-02-20');
  });

  it('decodes the second half as the first: a stray Windows-1252 byte in a UTF-8 export stays one bad row', () => {
    // UTF-8 shows early ("Décodeur"); the second half's only non-ASCII byte is a Windows-1252 "é".
    const header = Buffer.from('Invoice number;Type;Account;Invoice date;Description;Net;VAT;Total\n');
    const row = (i: number, description: Buffer) =>
      Buffer.concat([Buffer.from(`INV-${i};Invoice;ACC-${i % 50};2024-03-05;`), description, Buffer.from(';10.00;2.00;12.00\n')]);
    const rows = Array.from({ length: 4000 }, (_, i) =>
      row(i, i === 5 ? Buffer.from('Location Décodeur TV', 'utf8') : i === 3000 ? Buffer.from([0x43, 0x61, 0x66, 0xe9]) : Buffer.from('Mobile plan')),
    );
    const stray = join(dirname(generated), 'stray-byte.csv');
    writeFileSync(stray, Buffer.concat([header, ...rows]));
    const alone = runBin([stray, '--format', 'json', '--today', '2026-01-01', '--jobs', '1'], { env: SPLIT_SMALL_FILES });
    expect(alone.stdout).toMatch(/not valid UTF-8/);
    sameFindings(stray);
  });

  it('keeps an invoice\'s rows together when a bare "Référence" column holds the invoice numbers', () => {
    const header = 'Référence;Type;N° client;Date;Libellé;Montant HT;TVA;Montant TTC';
    // Invoices of 2 lines around one of 600 lines that spans the middle of the file, where it is cut.
    const rows: string[] = [];
    const invoice = (i: number, lines: number) => {
      for (let line = 0; line < lines; line++) rows.push(`F-${i};Facture;C-${i % 40};05/03/2024;Ligne ${line};10,00;2,00;12,00`);
    };
    for (let i = 0; i < 600; i++) invoice(i, 2);
    invoice(600, 600);
    for (let i = 601; i < 1200; i++) invoice(i, 2);
    const bare = join(dirname(generated), 'bare-reference.csv');
    writeFileSync(bare, [header, ...rows].join('\n'));
    sameFindings(bare);
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

  it('finds the same on exports with a byte-order mark, comma decimals in English, and Windows-1252', () => {
    for (const file of ['fixtures/csv/fr-utf8-bom.csv', 'fixtures/csv/en-comma.csv', 'fixtures/csv/fr-windows-1252.csv', 'fixtures/company-export-en.csv']) {
      sameFindings(file);
    }
  });

  it('finds the same on a file whose rows hold quoted line breaks and broken rows', () => {
    sameFindings('fixtures/hostile/broken-rows.csv');
  });
});
