/**
 * The corpus of export layouts (fixtures/csv/corpus, issue 12): customer areas of French, Belgian,
 * Swiss, German, British and American operators, telecom-expense platforms, operator bill-run
 * extracts and bank statements of seven banks. Each file's `.expected.json` lists the anomalies
 * planted in it ("ruleId documentId"), where its layout comes from, and what reading it must
 * show (payments found in a statement, rows set aside, notices).
 *
 * One test scores them all and prints a table: found / missed / false findings per file. The bar:
 * every planted anomaly found on its document, no false finding (an invalid-input is one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures/csv/corpus');

interface Expectation {
  readonly layout: string;
  readonly planted: readonly string[];
  readonly reading: {
    readonly payments?: number;
    readonly creditNotes?: number;
    readonly notBills?: number;
    readonly accounts?: number;
    readonly notices?: readonly string[];
    readonly idColumn?: string;
    readonly accountColumn?: string;
    readonly kindColumn?: string;
    readonly netColumn?: string;
  };
}

interface Report {
  findings: { ruleId: string; documentId?: string; line: number }[];
  files: {
    file: string;
    columns: { column: string; field?: string }[];
    notices: { code: string; message: string }[];
  }[];
}

interface Extract {
  documents: { kind: string; account: string }[];
}

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.csv'))
  .sort();

interface Score {
  file: string;
  found: number;
  missed: string[];
  falseFindings: string[];
  reading: string[];
}

async function score(file: string): Promise<Score> {
  const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.csv$/, '.expected.json')), 'utf8')) as Expectation;
  const path = join(DIR, file);
  const run = await runCli([path, '--format', 'json', '--today', '2025-06-01', '--no-config']);
  const report = JSON.parse(run.stdout) as Report;
  const got = report.findings.map((finding) => `${finding.ruleId} ${finding.documentId ?? `line ${finding.line}`}`);
  const missed = expected.planted.filter((story) => !got.includes(story));
  const falseFindings = got.filter((story) => !expected.planted.includes(story));

  // What the reading must show besides the findings.
  const reading: string[] = [];
  const extract = JSON.parse((await runCli(['extract', path])).stdout) as Extract;
  const count = (kind: string): number => extract.documents.filter((doc) => doc.kind === kind).length;
  const want = expected.reading;
  if (want.payments !== undefined && count('payment') !== want.payments)
    reading.push(`payments ${count('payment')} ≠ ${want.payments}`);
  if (want.creditNotes !== undefined && count('credit-note') !== want.creditNotes)
    reading.push(`credit notes ${count('credit-note')} ≠ ${want.creditNotes}`);
  if (want.accounts !== undefined) {
    const accounts = new Set(extract.documents.map((doc) => doc.account)).size;
    if (accounts !== want.accounts) reading.push(`accounts ${accounts} ≠ ${want.accounts}`);
  }
  const fileReading = report.files[0];
  const notices = fileReading?.notices ?? [];
  if (want.notBills !== undefined) {
    const said = notices.find((notice) => notice.code === 'not-bills')?.message ?? '';
    if (!said.startsWith(`${want.notBills} rows are not about bills`))
      reading.push(`not-bills "${said}", wanted ${want.notBills}`);
  }
  for (const code of want.notices ?? [])
    if (!notices.some((notice) => notice.code === code)) reading.push(`no ${code} notice`);
  const columnOf = (field: string): string | undefined =>
    fileReading?.columns.find((role) => role.field === field)?.column;
  const columns: [string, string | undefined][] = [
    ['id', want.idColumn],
    ['account', want.accountColumn],
    ['kind', want.kindColumn],
    ['net', want.netColumn],
  ];
  for (const [field, column] of columns) {
    if (column !== undefined && columnOf(field) !== column)
      reading.push(`${field} read from ${columnOf(field) ?? 'no column'}, not ${column}`);
  }
  return { file, found: expected.planted.length - missed.length, missed, falseFindings, reading };
}

describe('the corpus of export layouts', () => {
  it('has at least 25 layouts, each with its expectations and the public example it follows', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const file of files) {
      const expected = JSON.parse(
        readFileSync(join(DIR, file.replace(/\.csv$/, '.expected.json')), 'utf8'),
      ) as Expectation;
      expect(expected.layout.length, file).toBeGreaterThan(40);
    }
  });

  it('finds every planted anomaly on its document, and nothing else', { timeout: 120_000 }, async () => {
    const scores: Score[] = [];
    for (const file of files) scores.push(await score(file));
    const width = Math.max(...files.map((file) => file.length));
    const table = [
      `${'file'.padEnd(width)}  found  missed  false  reading`,
      ...scores.map(
        (s) =>
          `${s.file.padEnd(width)}  ${String(s.found).padStart(5)}  ${String(s.missed.length).padStart(6)}  ${String(s.falseFindings.length).padStart(5)}  ` +
          [...s.missed.map((m) => `missed ${m}`), ...s.falseFindings.map((f) => `false ${f}`), ...s.reading].join('; '),
      ),
    ];
    const totals = scores.reduce(
      (sum, s) => ({
        found: sum.found + s.found,
        missed: sum.missed + s.missed.length,
        false: sum.false + s.falseFindings.length,
      }),
      { found: 0, missed: 0, false: 0 },
    );
    table.push(
      `${'total'.padEnd(width)}  ${String(totals.found).padStart(5)}  ${String(totals.missed).padStart(6)}  ${String(totals.false).padStart(5)}`,
    );
    console.log(table.join('\n'));
    // The bar: nothing missed, nothing false, every reading as expected.
    expect(
      scores
        .filter((s) => s.missed.length > 0 || s.falseFindings.length > 0 || s.reading.length > 0)
        .map((s) => s.file),
    ).toEqual([]);
  });
});
