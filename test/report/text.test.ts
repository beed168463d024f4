import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { CheckResult } from '../../src/report/result.js';
import { renderText } from '../../src/report/text.js';
import { FRENCH_STYLE, HOSTILE, RAW_UNSAFE, cleanResult, sampleResult, trivialDunning } from './sample.js';

const styles = new Map([['invoices.csv', FRENCH_STYLE]]);
const ESC = '\u001b';

describe('renderText', () => {
  it('groups by file then account and ends with the summary', () => {
    // invoices.csv has a known French style, so amounts read "0,01 €"; export-en.csv has none,
    // so its amount is written as the engine writes amounts in messages (symbol first, dot decimal).
    expect(renderText(sampleResult, { color: false, styles })).toBe(
      [
        'invoices.csv',
        '    error    the amount cannot be read (column "Montant TTC": "12,3,4")  invalid-input',
        '             invoices.csv:7',
        '',
        '  Account 0612345001',
        '    error    The dunning letter claims invoice F-2024-002, which is blank.  dunning-for-blank-invoice',
        '             dunning letter MED-2024-031 of 10 Mar 2024, 0,01 €  invoices.csv:29',
        '    error    A dunning letter demands 0,01 €, less than 1,00 €.  dunning-trivial-amount',
        '             dunning letter MED-2024-031 of 10 Mar 2024, 0,01 €  invoices.csv:29',
        '',
        '  Account 0698765432',
        '    warning  149 000,00 € is 3 104× the median of the 11 earlier bills, 48,00 €.  amount-spike',
        '             invoice FA-2024-0311 of 5 Mar 2024, 149 000,00 €  invoices.csv:31',
        '',
        'export-en.csv',
        '  Account ACC-77',
        '    info     Net 49.98 + tax 9.99 = 59.97, but the total is 59.98.  total-mismatch',
        '             invoice INV-1042 of 1 Feb 2024, €59.98  export-en.csv:4',
        '',
        'fatal    missing.csv: cannot open the file (ENOENT)',
        '',
        '✖ 5 problems (3 errors, 1 warning, 1 info) in 31 documents, 3 accounts, 2 files; 1 file could not be checked',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(renderText(cleanResult, { color: false })).toBe('✔ No problems in 12 documents, 1 account, 1 file\n');
  });

  it('groups the thousands of a bill run in its summary line', () => {
    const billRun = {
      ...cleanResult,
      summary: { ...cleanResult.summary, documents: 501_236, rows: 1_000_000, accounts: 50_000 },
    };
    expect(renderText(billRun, { color: false })).toBe('✔ No problems in 501,236 documents, 50,000 accounts, 1 file\n');
  });

  it('does not claim success when a file could not be checked', () => {
    const result: CheckResult = {
      ...cleanResult,
      valid: false,
      fatal: [{ file: 'scan.pdf', message: 'not a CSV or text file' }],
    };
    expect(renderText(result, { color: false })).toBe(
      'fatal    scan.pdf: not a CSV or text file\n\n✖ 1 file could not be checked; no problems in 12 documents, 1 account, 1 file\n',
    );
    // On a terminal stderr has just shown the problem: the report does not repeat it.
    expect(renderText(result, { color: false, listFatal: false })).toBe(
      '✖ 1 file could not be checked; no problems in 12 documents, 1 account, 1 file\n',
    );
  });

  it('counts in the singular and omits infos when there are none', () => {
    const result: CheckResult = {
      findings: [trivialDunning],
      summary: { files: 1, documents: 1, rows: 1, accounts: 1, errors: 1, warnings: 0, infos: 0 },
      fatal: [],
      valid: false,
    };
    const text = renderText(result, { color: false });
    expect(text.endsWith('\n✖ 1 problem (1 error, 0 warnings) in 1 document, 1 account, 1 file\n')).toBe(true);
  });

  it('writes amounts as the messages do without a style, and a document without id or amount', () => {
    const bare: Finding = { ...trivialDunning, documentId: undefined, amount: undefined, date: undefined };
    const result: CheckResult = { ...sampleResult, findings: [trivialDunning, bare], fatal: [] };
    const lines = renderText(result, { color: false }).split('\n');
    expect(lines[3]).toBe('             dunning letter MED-2024-031 of 10 Mar 2024, €0.01  invoices.csv:29');
    expect(lines[5]).toBe('             dunning letter  invoices.csv:29');
  });

  it('names the 5 accounts with the most errors when there are many accounts', () => {
    const errorsByAccount: Array<[string, number]> = [
      ['L01', 1],
      ['L02', 4],
      ['L03', 2],
      ['L04', 4],
      ['L05', 3],
      ['L06', 1],
      ['L07', 2],
    ];
    const findings: Finding[] = [];
    for (const [account, count] of errorsByAccount) {
      for (let i = 0; i < count; i++) findings.push({ ...trivialDunning, account });
    }
    // Warnings do not make an account "worse".
    for (let i = 0; i < 9; i++) findings.push({ ...trivialDunning, account: 'L08', severity: 'warning' });
    const result: CheckResult = {
      findings,
      summary: { files: 1, documents: 400, rows: 400, accounts: 11, errors: 17, warnings: 9, infos: 0 },
      fatal: [],
      valid: false,
    };
    const lastLine = renderText(result, { color: false }).trimEnd().split('\n').at(-1);
    // Ties keep the order in which the accounts first appear (L02 before L04, L03 before L07).
    expect(lastLine).toBe(
      '  Worst accounts: L02 (4 errors), L04 (4 errors), L05 (3 errors), L03 (2 errors), L07 (2 errors)',
    );
    const fewAccounts = { ...result, summary: { ...result.summary, accounts: 10 } };
    expect(renderText(fewAccounts, { color: false })).not.toContain('Worst accounts');
  });

  it('never prints control characters, escape sequences or bidi overrides from the input', () => {
    const hostile: Finding = { ...trivialDunning, ...HOSTILE };
    const result: CheckResult = {
      ...sampleResult,
      findings: [hostile],
      fatal: [{ file: HOSTILE.file, message: HOSTILE.message }],
    };
    for (const color of [false, true]) {
      const text = renderText(result, { color, styles });
      const withoutOwnCodes = color ? text.replace(/\u001b\[\d+m/g, '') : text;
      expect(withoutOwnCodes).not.toMatch(RAW_UNSAFE);
      expect(withoutOwnCodes).toContain('Account \\u001B[2J\\u001B[H0612345001');
      expect(withoutOwnCodes).toContain('\\u202EF-2024-001\\u202C');
    }
  });

  it('colors only when asked', () => {
    expect(renderText(sampleResult, { color: false, styles })).not.toContain(ESC);
    const colored = renderText(sampleResult, { color: true, styles });
    expect(colored).toContain(`${ESC}[31merror  ${ESC}[39m`);
    expect(colored).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(colored).toContain(`${ESC}[2mdunning-trivial-amount${ESC}[22m`);
    // Same words once the colors are removed.
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(renderText(sampleResult, { color: false, styles }));
  });
});

describe('renderText: how files were read (issue 12)', () => {
  const reading: CheckResult = {
    ...cleanResult,
    readings: [
      {
        file: 'export.csv',
        inferred: true,
        columns: [
          { column: 'Numéro', field: 'account', decidedBy: 'values' },
          { column: 'Réf.', field: 'id', decidedBy: 'values' },
          { column: `Date${ESC}[2J`, field: 'issueDate', decidedBy: 'name' },
          { column: 'Memo' },
        ],
        notices: [
          {
            type: 'notice',
            file: 'export.csv',
            level: 'warning',
            code: 'column-role',
            message: 'column "Numéro" read as account: its values are phone numbers',
            map: "--map 'id=Numéro'",
          },
          {
            type: 'notice',
            file: 'export.csv',
            line: 9,
            level: 'info',
            code: 'repeated-header',
            message: 'a row that repeats the header (first on line 9) skipped: not data',
          },
        ],
      },
      {
        file: 'plain.csv',
        inferred: false,
        columns: [{ column: 'N° facture', field: 'id', decidedBy: 'name' }],
        notices: [],
      },
    ],
  };

  it('prints one columns line when roles were inferred, then each notice with the --map that settles it', () => {
    expect(renderText(reading, { color: false })).toBe(
      [
        'export.csv',
        '    columns  read as Numéro → account (values), Réf. → id (values), Date\\u001B[2J → issueDate',
        '    warning  column "Numéro" read as account: its values are phone numbers (--map \'id=Numéro\' settles it)',
        '    info     a row that repeats the header (first on line 9) skipped: not data  export.csv:9',
        '',
        '✔ No problems in 12 documents, 1 account, 1 file',
        '',
      ].join('\n'),
    );
  });

  it('says nothing of a file read by exact header names alone', () => {
    const plain: CheckResult = {
      ...cleanResult,
      readings: [reading.readings?.[1] as NonNullable<CheckResult['readings']>[number]],
    };
    expect(renderText(plain, { color: false })).toBe('✔ No problems in 12 documents, 1 account, 1 file\n');
  });
});
