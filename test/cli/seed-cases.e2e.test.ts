/**
 * The four stories that motivate billcheck, end to end through the built bin, in French and
 * English exports. Every seed case must be flagged with its rule, and no ordinary monthly
 * bill may get any finding.
 */
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  account?: string;
  documentId?: string;
  amount?: string;
  evidence: Record<string, unknown>;
}

interface JsonReport {
  version: number;
  valid: boolean;
  summary: { files: number; documents: number; rows: number; errors: number; warnings: number; infos: number };
  findings: JsonFinding[];
}

/** documentId → the rule ids expected on it; every other document must have none. */
const EXPECTED: Record<string, string[]> = {
  // Story 1: a blank invoice, then a formal notice to pay 0,01 € for it.
  'FAC-A1-202312': ['blank-invoice'],
  'MED-2024-031': ['dunning-for-blank-invoice', 'dunning-trivial-amount'],
  // Story 2: a credit note cancels the invoice, then a reminder for it anyway.
  'REL-2024-019': ['dunning-while-in-credit'],
  // Story 3: 149 000 € after a year of bills between 35 and 45 €.
  'FAC-A3-202401': ['amount-ceiling', 'amount-spike'],
  // Story 4: bills for periods after the termination took effect (15/01 + 10 days).
  'FAC-A4-202402': ['billed-after-termination'],
  'FAC-A4-202403': ['billed-after-termination'],
};

function rulesByDocument(report: JsonReport): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const finding of report.findings) {
    const key = finding.documentId ?? `line ${finding.line}`;
    (found[key] ??= []).push(finding.ruleId);
  }
  for (const ids of Object.values(found)) ids.sort();
  return found;
}

describe.each([
  ['French export (semicolons, 1 234,56, dd/mm/yyyy, CRLF)', 'fixtures/seed-cases.csv'],
  ['English export (commas, quoted 1,234.56, ISO dates)', 'fixtures/seed-cases-en.csv'],
])('seed cases: %s', (_name, file) => {
  const run = runBin([file, '--format', 'json', '--today', '2024-06-01']);
  const report = JSON.parse(run.stdout) as JsonReport;

  it('flags each seed story with its rule and nothing else', () => {
    expect(rulesByDocument(report)).toEqual(EXPECTED);
  });

  it('exits with 1 and reports the file as invalid', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(report.valid).toBe(false);
  });

  it('accounts for every data row', () => {
    expect(report.summary.files).toBe(1);
    expect(report.summary.rows).toBe(31);
    expect(report.summary.documents).toBe(31);
  });

  it('states the evidence of the spike and of the trivial demand', () => {
    const spike = report.findings.find((f) => f.ruleId === 'amount-spike');
    expect(spike?.amount).toBe('149000.00');
    expect(spike?.account).toBe('0612345003');
    expect(spike?.evidence.median).toBe('39.99');
    const trivial = report.findings.find((f) => f.ruleId === 'dunning-trivial-amount');
    expect(trivial?.amount).toBe('0.01');
    expect(trivial?.evidence.minAmount).toBe('1.00');
  });
});

describe('seed cases as a person reads them', () => {
  it('writes amounts the way the French export wrote them', () => {
    const run = runBin(['fixtures/seed-cases.csv', '--today', '2024-06-01'], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('149 000,00 €');
    expect(run.stdout).toContain('0,01 €');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });
});
