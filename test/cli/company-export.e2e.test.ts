/**
 * A company's telecom-expense export that the rule authors did not write against: English labels,
 * commas, quoted "1,234.56" amounts, US dates, nine lines (mobiles, fibre, a leased line of
 * 2,450.00 a month, a SIP trunk) over fourteen months, multi-row invoices priced with and without
 * tax, payments, credit notes and a cancellation. Each anomaly planted in it must be found under
 * its rule, and nothing else anywhere: the expected findings live next to the fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FILE = 'fixtures/company-export-en.csv';

interface Expected {
  today: string;
  findings: { documentId: string; ruleId: string; why: string }[];
}

interface Report {
  valid: boolean;
  summary: { files: number; documents: number; rows: number; errors: number; warnings: number };
  findings: {
    ruleId: string;
    documentId?: string;
    line: number;
    account?: string;
    message: string;
    evidence: Record<string, unknown>;
  }[];
}

const expected = JSON.parse(readFileSync('fixtures/company-export-en.expected.json', 'utf8')) as Expected;

/** "documentId ruleId", sorted: a finding reported twice, or on the wrong document, shows up as a difference. */
const pairs = (findings: readonly { documentId?: string; ruleId: string; line?: number }[]): string[] =>
  findings.map((f) => `${f.documentId ?? `line ${f.line}`} ${f.ruleId}`).sort();

describe('company export in English', async () => {
  const run = await runCli([FILE, '--format', 'json', '--today', expected.today]);
  const report = JSON.parse(run.stdout) as Report;

  it('finds exactly the planted anomalies, each once, and nothing else', () => {
    expect(pairs(report.findings)).toEqual(pairs(expected.findings));
  });

  it('plants one anomaly for every rule a CSV export can show', async () => {
    const listed = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { rules: { id: string }[] };
    const planted = new Set(expected.findings.map((f) => f.ruleId));
    // Multi-row CSV documents take their amounts as the sums of their rows: their lines always add up.
    // The e-invoice rules need what only an e-invoice states (BT-106 to BT-115, its VAT breakdown, a Factur-X page).
    const eInvoiceOnly = [
      'amount-due-mismatch',
      'factur-x-page-mismatch',
      'net-total-mismatch',
      'vat-breakdown-mismatch',
    ];
    expect(listed.rules.map((r) => r.id).filter((id) => !planted.has(id))).toEqual(
      [...eInvoiceOnly, 'lines-total-mismatch'].sort(),
    );
  });

  it('reads every row and exits 1', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(report.valid).toBe(false);
    expect(report.summary).toMatchObject({ files: 1, rows: 247, documents: 178 });
  });

  it('keeps the large ordinary bills of the leased line out of amount-spike', () => {
    const leased = report.findings.filter((f) => f.account === 'CT-60900-01').map((f) => f.ruleId);
    expect(leased.sort()).toEqual(['amount-ceiling', 'vat-rate-mismatch']);
  });

  it("states the evidence in the sentence, in the export's own notation", () => {
    const message = (ruleId: string): string => report.findings.find((f) => f.ruleId === ruleId)?.message ?? '';
    expect(message('amount-spike')).toContain('€1,852.80');
    expect(message('amount-spike')).toContain('€28.80');
    expect(message('amount-ceiling')).toContain('€14,450.00');
    expect(message('billed-after-termination')).toContain('25 Oct 2024');
    expect(message('dunning-time-barred')).toContain('20 Mar 2024');
    expect(message('vat-rate-mismatch')).toContain('Static IP block /29');
  });
});
