import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsvFinding, renderCsvHeader } from '../../src/report/csv.js';
import type { Finding } from '../../src/model/finding.js';
import { HOSTILE, RAW_UNSAFE, evidence, sampleResult, spike, trivialDunning } from './sample.js';

function table(findings: readonly Finding[]): string[][] {
  const text = renderCsvHeader() + findings.map(renderCsvFinding).join('');
  return parse(text, { record_delimiter: '\r\n' }) as string[][];
}

describe('CSV', () => {
  it('writes a header and one CRLF-terminated record per finding', () => {
    expect(renderCsvHeader()).toBe(
      'ruleId,severity,message,file,line,account,documentId,documentKind,date,amount,currency,evidence\r\n',
    );
    expect(renderCsvFinding(spike)).toBe(
      'amount-spike,warning,"149 000,00 € is 3 104× the median of the 11 earlier bills, 48,00 €.",invoices.csv,31,' +
        '0698765432,FA-2024-0311,invoice,2024-03-05,149000.00,EUR,"{""median"":""48.00"",""ratio"":3104,""earlierBills"":11}"\r\n',
    );
  });

  it('reads back cell for cell with an RFC 4180 parser, empty cells for absent fields', () => {
    const rows = table(sampleResult.findings);
    expect(rows).toHaveLength(1 + sampleResult.findings.length);
    expect(rows[1]).toEqual([
      'invalid-input',
      'error',
      'the amount cannot be read (column "Montant TTC": "12,3,4")',
      'invoices.csv',
      '7',
      '',
      '',
      '',
      '',
      '',
      '',
      '{"reason":"the amount cannot be read","column":"Montant TTC","value":"12,3,4"}',
    ]);
  });

  it('defuses input-derived cells a spreadsheet would run as formulas', () => {
    const finding: Finding = {
      ...trivialDunning,
      message: '=HYPERLINK("http://evil.example","relance")',
      account: '+33 6 12 34 56 78',
      documentId: '@SUM(A1:A9)',
      file: '-export.csv',
      evidence: evidence({ value: '=1+1' }),
    };
    const row = table([finding])[1]!;
    expect(row[2]).toBe(`'=HYPERLINK("http://evil.example","relance")`);
    expect(row[3]).toBe(`'-export.csv`);
    expect(row[5]).toBe(`'+33 6 12 34 56 78`);
    expect(row[6]).toBe(`'@SUM(A1:A9)`);
    // The evidence cell starts with "{", which no spreadsheet evaluates.
    expect(row[11]).toBe('{"value":"=1+1"}');
  });

  it('keeps a negative amount a number: billcheck writes that cell, not the input', () => {
    const row = table([{ ...trivialDunning, amount: '-12.00' }])[1]!;
    expect(row[9]).toBe('-12.00');
  });

  it('never writes control characters or bidi overrides from the input', () => {
    const text = renderCsvFinding({ ...trivialDunning, ...HOSTILE });
    expect(text.slice(0, -2)).not.toMatch(RAW_UNSAFE);
    expect(text.slice(0, -2)).not.toContain('\n');
  });
});
