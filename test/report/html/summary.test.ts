import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import { summarizeFindings } from '../../../src/report/html/summary.js';
import { evidence } from '../sample.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'amount-ceiling',
    severity: 'error',
    message: 'm',
    file: 'a.csv',
    line: 2,
    evidence: evidence({}),
    ...overrides,
  };
}

const invoice = (line: number, amount: string, currency = 'EUR', account = 'L1'): Partial<Finding> => ({
  line,
  amount,
  currency,
  account,
  documentId: `F-${line}`,
  documentKind: 'invoice',
});

describe('summarizeFindings', () => {
  it('sums the flagged amounts per rule and per currency, exactly', () => {
    const summary = summarizeFindings(
      [
        finding({ ...invoice(2, '0.10') }),
        finding({ ...invoice(3, '0.20') }),
        finding({ ...invoice(4, '149000.00', 'GBP') }),
        finding({ ruleId: 'total-mismatch', ...invoice(5, '59.98') }),
      ],
      10,
    );
    const ceiling = summary.rules.find((r) => r.ruleId === 'amount-ceiling');
    // 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
    expect(ceiling?.atStake.get('EUR')?.toFixed(2)).toBe('0.30');
    expect(ceiling?.atStake.get('GBP')?.toFixed(2)).toBe('149000.00');
    expect(
      summary.rules
        .find((r) => r.ruleId === 'total-mismatch')
        ?.atStake.get('EUR')
        ?.toFixed(2),
    ).toBe('59.98');
    expect(summary.atStakeOverall.get('EUR')?.toFixed(2)).toBe('60.28');
  });

  it('counts a document once per rule and once overall, however many findings it has', () => {
    const summary = summarizeFindings(
      [
        finding({ ruleId: 'amount-spike', ...invoice(9, '149000.00') }),
        finding({ ruleId: 'amount-ceiling', ...invoice(9, '149000.00') }),
        finding({ ruleId: 'duplicate-invoice', ...invoice(9, '149000.00') }),
        finding({ ruleId: 'duplicate-invoice', ...invoice(9, '149000.00') }),
      ],
      10,
    );
    expect(summary.rules.find((r) => r.ruleId === 'duplicate-invoice')).toMatchObject({ findings: 2 });
    expect(
      summary.rules
        .find((r) => r.ruleId === 'duplicate-invoice')
        ?.atStake.get('EUR')
        ?.toFixed(2),
    ).toBe('149000.00');
    expect(summary.atStakeOverall.get('EUR')?.toFixed(2)).toBe('149000.00');
  });

  it('says how many flagged documents had no amount, and leaves unreadable rows out of the money', () => {
    const summary = summarizeFindings(
      [
        finding({ ruleId: 'billed-after-termination', documentKind: 'invoice', documentId: 'F-1', account: 'L1' }),
        finding({ ruleId: 'invalid-input', line: 7, message: 'the amount cannot be read' }),
      ],
      10,
    );
    expect(summary.rules.find((r) => r.ruleId === 'billed-after-termination')).toMatchObject({ withoutAmount: 1 });
    expect(summary.rules.find((r) => r.ruleId === 'invalid-input')?.atStake.size).toBe(0);
    expect(summary.unreadable.map((f) => f.line)).toEqual([7]);
  });

  it('ranks the accounts by findings, first seen first among equals, up to the limit', () => {
    const summary = summarizeFindings(
      [
        finding({ account: 'B' }),
        finding({ account: 'A', line: 3 }),
        finding({ account: 'A', line: 4, severity: 'warning' }),
        finding({ account: 'C', line: 5 }),
      ],
      2,
    );
    expect(summary.topAccounts).toEqual([
      { account: 'A', findings: 2, errors: 1 },
      { account: 'B', findings: 1, errors: 1 },
    ]);
    expect(summary.accountsWithFindings).toBe(3);
  });

  it('counts per severity within each rule and sorts rules by findings', () => {
    const summary = summarizeFindings(
      [
        finding({}),
        finding({ ruleId: 'x-rule', severity: 'warning' }),
        finding({ ruleId: 'x-rule', severity: 'info', line: 3 }),
      ],
      10,
    );
    expect(summary.rules.map((r) => r.ruleId)).toEqual(['x-rule', 'amount-ceiling']);
    expect([...(summary.rules[0]?.bySeverity ?? [])]).toEqual([
      ['warning', 1],
      ['info', 1],
    ]);
  });
});
