/**
 * The bench's shapes of bill run (issue 19): each generated export has the one thing its shape
 * changes, and billcheck reads every row of it (a shape billcheck misread would time a
 * different job). Small files: these hold the generator, not the timings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark is plain JavaScript without types
import { generate } from '../../bench/generate.js';
// @ts-expect-error -- the benchmark is plain JavaScript without types
import { SHAPES, shapeNamed } from '../../bench/shapes.js';
import { runCli } from '../helpers/cli.js';

const ROWS = 3_000;
const folder = mkdtempSync(join(tmpdir(), 'billcheck-bench-shapes-'));
interface Shape {
  readonly name: string;
  readonly accounts: number;
  readonly delimiter: string;
  readonly generator: object;
}
const shapes = SHAPES as readonly Shape[];
const files = new Map<string, string>();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(async () => {
  for (const shape of shapes) {
    const out = join(folder, `${shape.name}.csv`);
    await generate({ rows: ROWS, accounts: shape.accounts, seed: 42, out, shape: shape.generator });
    files.set(shape.name, out);
  }
  // Drawing many-accounts' 500 000 account profiles takes a second or more on a busy machine.
}, 120_000);

/** The data rows of a shape's export, as arrays of cells. */
function rowsOf(name: string, encoding: 'utf8' | 'windows-1252' = 'utf8'): string[][] {
  const text = iconv.decode(readFileSync(files.get(name) as string), encoding);
  const [, ...rows] = parse(text, { delimiter: (shapeNamed(name) as Shape).delimiter }) as string[][];
  return rows;
}

const countBy = (values: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};
const invoices = (rows: string[][]) => rows.filter((row) => row[1] === 'Facture' || row[1] === 'Invoice');

describe('bench shapes', () => {
  it('has seven shapes with distinct names', () => {
    expect(new Set(shapes.map((shape) => shape.name)).size).toBe(7);
    expect(() => shapeNamed('two-lines')).toThrow(/unknown shape "two-lines"; shapes: one-line, multi-line/);
  });

  it('one-line: every invoice has one row', () => {
    const counts = countBy(invoices(rowsOf('one-line')).map((row) => row[0] as string));
    expect(Math.max(...counts.values())).toBe(1);
  });

  it('multi-line: invoices of one, two and three rows', () => {
    const counts = countBy(invoices(rowsOf('multi-line')).map((row) => row[0] as string));
    expect(new Set(counts.values())).toEqual(new Set([1, 2, 3]));
  });

  it('many-accounts: the first 3 000 rows are 3 000 accounts billed once', () => {
    const accounts = countBy(rowsOf('many-accounts').map((row) => row[2] as string));
    expect(accounts.size).toBe(ROWS);
  });

  it('deep-history: 100 accounts, each billed every day', () => {
    const rows = invoices(rowsOf('deep-history'));
    const accounts = countBy(rows.map((row) => row[2] as string));
    expect(accounts.size).toBe(100);
    const first = rows.filter((row) => row[2] === rows[0]?.[2]);
    const periods = [...new Set(first.map((row) => row[5]))];
    expect(periods.slice(0, 3)).toEqual(['01/01/2020', '02/01/2020', '03/01/2020']);
    // A one-day period, billed the day after.
    expect(first[0]?.slice(3, 7)).toEqual(['02/01/2020', '16/01/2020', '01/01/2020', '01/01/2020']);
  });

  it('deep-history: a run too long for 2020–2025 starts earlier, its last bill still in 2025', async () => {
    // 2 accounts × 1–3 rows a day: 20 000 rows are a decade of days or more, more than 2020–2025 holds.
    const out = join(folder, 'deep-long.csv');
    await generate({ rows: 20_000, accounts: 2, seed: 42, out, shape: shapeNamed('deep-history').generator });
    const [, ...rows] = parse(readFileSync(out, 'utf8'), { delimiter: ';' }) as string[][];
    const years = rows.map((row) => Number((row[3] as string).slice(-4)));
    expect(Math.min(...years)).toBeLessThan(2016);
    // Moved back no further than needed: the last bills fall in 2025 or in the year before.
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2024);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
  });

  it('english: comma-delimited, English labels, every amount quoted as 1,234.56', () => {
    const text = readFileSync(files.get('english') as string, 'utf8');
    expect(text.split('\n', 1)[0]).toBe(
      'Invoice number,Type,Account number,Invoice date,Due date,Period start,Period end,Description,Net amount,VAT,Total,Reference',
    );
    expect(text).toMatch(/,"\d,\d{3}\.\d{2}",/);
    expect(text).not.toMatch(/\d,\d{2}[,;\n]/);
    const rows = rowsOf('english');
    expect(rows.every((row) => row.length === 12)).toBe(true);
    for (const row of invoices(rows))
      for (const amount of row.slice(8, 11)) expect(amount).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
    const quotedAmounts = text.split('\n')[1]?.match(/"[\d,.-]+"/g);
    expect(quotedAmounts).toHaveLength(3);
  });

  it('windows-1252: the French export, byte for byte in Windows-1252', () => {
    const bytes = readFileSync(files.get('windows-1252') as string);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    // "Échéance" in the header: É and é as single bytes.
    expect(bytes.includes(Buffer.from([0x63, 0x68, 0xe9, 0x61]))).toBe(true);
    const french = readFileSync(files.get('multi-line') as string, 'utf8');
    expect(iconv.decode(bytes, 'windows-1252')).toBe(french.replaceAll('\u202f', '\u00a0'));
  });

  it('no-quotes: not one quote character, and no delimiter inside a field', () => {
    const bytes = readFileSync(files.get('no-quotes') as string);
    expect(bytes.includes(0x22)).toBe(false);
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines.every((line) => line.split(';').length === 12)).toBe(true);
    // The same rows as today's export otherwise: only the descriptions that needed quotes differ.
    const french = rowsOf('multi-line');
    const bare = rowsOf('no-quotes');
    expect(bare.map((row) => row[0])).toEqual(french.map((row) => row[0]));
    expect(bare.map((row) => row[10])).toEqual(french.map((row) => row[10]));
  });

  it.each(shapes.map((shape) => shape.name))(
    'billcheck reads every row of %s',
    async (name: string) => {
      const result = await runCli([
        files.get(name) as string,
        '--format',
        'json',
        '--today',
        '2026-12-01',
        '--jobs',
        '1',
      ]);
      const report = JSON.parse(result.stdout) as {
        summary: { rows: number };
        findings: { ruleId: string }[];
        fatal: unknown[];
      };
      expect(report.fatal).toEqual([]);
      expect(report.summary.rows).toBe(ROWS);
      expect(report.findings.filter((finding) => finding.ruleId === 'invalid-input')).toEqual([]);
    },
    60_000,
  );
});
