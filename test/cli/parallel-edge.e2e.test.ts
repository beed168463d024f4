/**
 * Files made to trip a split read: what the first rows teach (date order, encoding, the column of
 * the invoice numbers) must hold in the second part, and problems there must be told with the
 * file's own line numbers, exactly as one reader of the whole file tells them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript without types
import { generate } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';
import { SPLIT_SMALL_FILES, sameFindings, variant } from '../helpers/parallel.js';

// Each case runs billcheck on exports of a few hundred kilobytes (one of 2.5 MB), twice or more.
describe('parallel reading of files made to trip it', { timeout: 120_000 }, () => {
  let generated = '';

  beforeAll(async () => {
    generated = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-edge-')), 'export.csv');
    await generate({ rows: 4_000, accounts: 500, seed: 11, out: generated });
  });

  it('numbers the lines of a quote left open to the end of the second half as the file does', async () => {
    // A last row whose description (8th cell) opens a quote that nothing closes.
    const unclosed = variant(generated, 'unclosed.csv', (lines) => {
      const plain = [...lines].reverse().find((line) => line !== '' && !line.includes('"')) as string;
      const opened = plain.split(';').map((cell, c) => (c === 0 ? `${cell}-X` : c === 7 ? `"${cell}` : cell));
      return [...lines.filter((line) => line !== ''), opened.join(';'), ''];
    });
    const run = await runCli([unclosed, '--format', 'json', '--today', '2026-01-01', '--jobs', '1'], {
      env: SPLIT_SMALL_FILES,
    });
    expect(run.stdout).toMatch(/not closed before the end of the file/);
    await sameFindings(unclosed);
  });

  it('reports a row longer than 1 MiB in the last range as one reader does: the rows before it checked, the file listed as not read', async () => {
    // The last row: the rows after a problem in any other range are read too (see WorkerPool.read).
    // The row itself moves the cuts, so the rows before it must weigh more than the row (1 MiB):
    // an export three times the others' length.
    const longer = join(dirname(generated), 'longer.csv');
    await generate({ rows: 12_000, accounts: 500, seed: 11, out: longer });
    const huge = variant(longer, 'huge-row.csv', (lines) =>
      lines.map((line, i) => (i === 12_000 ? `${line}${'x'.repeat(1_049_000)}` : line)),
    );
    const run = await runCli([huge, '--format', 'ndjson', '--today', '2026-01-01'], { env: SPLIT_SMALL_FILES });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 12001: a row longer than 1 MiB/);
    await sameFindings(huge);
  });

  it('tells a row longer than 1 MiB in the first half as one reader does, and reads the second half all the same, every time', async () => {
    const huge = variant(generated, 'huge-first-half.csv', (lines) =>
      lines.map((line, i) => (i === 2_000 ? `${line}${'x'.repeat(1_100_000)}` : line)),
    );
    const args = [huge, '--format', 'ndjson', '--today', '2026-01-01'];
    const alone = await runCli([...args, '--jobs', '1'], { env: SPLIT_SMALL_FILES });
    const runs = [await runCli(args, { env: SPLIT_SMALL_FILES }), await runCli(args, { env: SPLIT_SMALL_FILES })];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(alone.stderr);
    }
    // The second half's rows are checked too (one reader would have stopped): more rows, the same whichever thread ends first.
    const rows = (stdout: string) =>
      (JSON.parse(stdout.trimEnd().split('\n').at(-1) as string) as { summary: { rows: number } }).summary.rows;
    expect(rows(runs[0]!.stdout)).toBeGreaterThan(rows(alone.stdout));
    expect(runs[1]!.stdout.split('\n').sort()).toEqual(runs[0]!.stdout.split('\n').sort());
  });

  it('reads the second half with the date order the first rows showed (month first)', async () => {
    // Month-first dates: unambiguous in the first rows (20th), ambiguous in the rest (3rd).
    const header = 'Invoice number;Type;Account;Invoice date;Due date;Description;Net;VAT;Total';
    const rows = Array.from({ length: 4_000 }, (_, i) => {
      const day = i < 200 ? '20' : '03';
      return `INV-${i};Invoice;ACC-${i % 50};01/${day}/2024;02/${day}/2024;Mobile plan;10.00;2.00;12.00`;
    });
    const monthFirst = join(dirname(generated), 'month-first.csv');
    writeFileSync(monthFirst, [header, ...rows].join('\n'));
    await sameFindings(monthFirst, { today: '2024-02-20' });
  });

  it('decodes the second half as the first: a stray Windows-1252 byte in a UTF-8 export stays one bad row', async () => {
    // UTF-8 shows early ("Décodeur"); the second half's only non-ASCII byte is a Windows-1252 "é".
    const header = Buffer.from('Invoice number;Type;Account;Invoice date;Description;Net;VAT;Total\n');
    const row = (i: number, description: Buffer) =>
      Buffer.concat([
        Buffer.from(`INV-${i};Invoice;ACC-${i % 50};2024-03-05;`),
        description,
        Buffer.from(';10.00;2.00;12.00\n'),
      ]);
    const rows = Array.from({ length: 6_000 }, (_, i) =>
      row(
        i,
        i === 5
          ? Buffer.from('Location Décodeur TV', 'utf8')
          : i === 5_500
            ? Buffer.from([0x43, 0x61, 0x66, 0xe9])
            : Buffer.from('Mobile plan'),
      ),
    );
    const stray = join(dirname(generated), 'stray-byte.csv');
    writeFileSync(stray, Buffer.concat([header, ...rows]));
    const alone = await runCli([stray, '--format', 'json', '--today', '2026-01-01', '--jobs', '1'], {
      env: SPLIT_SMALL_FILES,
    });
    expect(alone.stdout).toMatch(/not valid UTF-8/);
    await sameFindings(stray);
  });

  it('keeps an invoice\'s rows together when a bare "Référence" column holds the invoice numbers', async () => {
    const header = 'Référence;Type;N° client;Date;Libellé;Montant HT;TVA;Montant TTC';
    // Invoices of 2 lines around one of 2 000 lines that spans the place where the file is cut (about 210 kB in).
    const rows: string[] = [];
    const invoice = (i: number, lines: number) => {
      for (let line = 0; line < lines; line++)
        rows.push(`F-${i};Facture;C-${i % 40};05/03/2024;Ligne ${line};10,00;2,00;12,00`);
    };
    for (let i = 0; i < 1_500; i++) invoice(i, 2);
    invoice(1_500, 2_000);
    for (let i = 1_501; i < 3_000; i++) invoice(i, 2);
    const bare = join(dirname(generated), 'bare-reference.csv');
    writeFileSync(bare, [header, ...rows].join('\n'));
    await sameFindings(bare);
  });
});
