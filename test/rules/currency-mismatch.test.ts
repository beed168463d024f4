import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/currency-mismatch.js';
import { doc, ordinaryYear, runRule } from '../helpers/builder.js';

describe('currency-mismatch', () => {
  it('flags the one bill in another currency, whichever position it has', () => {
    const docs = [doc({ id: 'ROAM-1', issueDate: '2022-12-05', total: '12.00', currency: 'CHF' }), ...ordinaryYear()];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'otherCurrency', documentId: 'ROAM-1' });
    expect(reported[0]?.data).toEqual({ currency: 'CHF', accountCurrency: 'EUR', accountDocuments: 12 });
  });

  it('reports every document in another currency once, of any kind', () => {
    const docs = [
      ...ordinaryYear(),
      doc({ kind: 'credit-note', id: 'AV-1', issueDate: '2024-01-10', total: '5.00', currency: 'GBP' }),
      doc({ kind: 'dunning', id: 'REM-1', issueDate: '2024-02-10', amountDue: '40.00', currency: 'USD' }),
    ];
    expect(runRule(rule, docs).map((r) => [r.documentId, r.data.currency])).toEqual([
      ['AV-1', 'GBP'],
      ['REM-1', 'USD'],
    ]);
  });

  it('takes the earlier currency as the account one on a tie', () => {
    const docs = [
      doc({ id: 'F1', issueDate: '2024-01-05', total: '10.00', currency: 'USD' }),
      doc({ id: 'F2', issueDate: '2024-02-05', total: '10.00', currency: 'EUR' }),
    ];
    expect(runRule(rule, docs).map((r) => r.documentId)).toEqual(['F2']);
  });

  it('does not count documents without an amount, whose currency is only a default', () => {
    const docs = [
      doc({ id: 'F1', issueDate: '2024-01-05', total: '10.00', currency: 'CHF' }),
      doc({ kind: 'termination', issueDate: '2024-02-01', effectiveDate: '2024-02-11' }),
      doc({ kind: 'dunning', issueDate: '2024-02-05', references: ['F1'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('compares each account with itself only', () => {
    const docs = [
      doc({ account: '0612345001', total: '10.00', currency: 'EUR' }),
      doc({ account: 'CH-4471', total: '10.00', currency: 'CHF' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});
