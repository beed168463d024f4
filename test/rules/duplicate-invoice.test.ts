import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/duplicate-invoice.js';
import { doc, ordinaryYear, runRule } from '../helpers/builder.js';

const march = { issueDate: '2024-03-05', dueDate: '2024-03-20', periodStart: '2024-03-01', periodEnd: '2024-03-31' };

describe('duplicate-invoice', () => {
  it('flags one invoice number carrying two different bills, pointing at the first', () => {
    const docs = [
      doc({ id: 'FAC-2024-03', total: '39.99', ...march, file: 'janvier.csv', line: 4 }),
      doc({ id: 'FAC-2024-03', total: '59.99', ...march, file: 'mars.csv', line: 7 }),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'differentContent', documentId: 'FAC-2024-03', line: 7 });
    expect(reported[0]?.data.otherLocation).toBe('janvier.csv:4');
  });

  it('reports each distinct content once, and never an identical re-export', () => {
    const docs = [
      doc({ id: 'F1', total: '39.99', ...march }),
      doc({ id: 'F1', total: '39.99', ...march }),
      doc({ id: 'F1', total: '42.00', ...march }),
      doc({ id: 'F1', total: '42.00', ...march }),
    ];
    expect(runRule(rule, docs).map((r) => r.messageId)).toEqual(['differentContent']);
  });

  it('decides "same content" exactly: two bills that a 32-bit hash could not tell apart are still two', () => {
    // Found by a search over option names: the two lines' descriptions gave the two invoices one
    // 32-bit FNV-1a content hash, which once decided; the contents are now compared.
    const bill = (option: string) =>
      doc({
        id: 'FA-2024-0117',
        total: '42.50',
        issueDate: '2024-03-05',
        lines: [{ description: option, total: '42.50' }],
      });
    const first = bill('Option a3063f mensuelle');
    const second = bill('Option 1o2tn6m mensuelle');
    const reported = runRule(rule, [first, second, bill('Option a3063f mensuelle')]);
    expect(reported.map((r) => r.messageId)).toEqual(['differentContent']);
    expect(reported[0]?.line).toBe(second.source.line);
  });

  it('takes an export row and the text of the same bill for one bill, and names what differs otherwise', () => {
    // The export gives the total and the date; the bill's text adds its net, VAT and lines.
    const row = doc({ id: 'FB-2025-131554', total: '89.99', issueDate: '2025-04-12', file: 'export.csv' });
    const text = doc({
      id: 'FB-2025-131554',
      total: '89.99',
      net: '74.99',
      tax: '15.00',
      issueDate: '2025-04-12',
      dueDate: '2025-04-27',
      lines: [{ description: 'Forfait B&You 100 Go', total: '89.99' }],
      file: 'facture-avril.txt',
    });
    expect(runRule(rule, [row, text])).toEqual([]);
    const other = doc({ id: 'FB-2025-131554', total: '98.99', issueDate: '2025-04-12', file: 'relevé.csv' });
    const reported = runRule(rule, [row, text, other]);
    expect(reported.map((r) => [r.messageId, r.data.differs])).toEqual([['differentContent', 'total']]);
  });

  it('flags the same period and total billed under two numbers', () => {
    const docs = [
      doc({ id: 'F-0312', total: '45.90', ...march, line: 3 }),
      doc({ id: 'F-0398', total: '45.90', ...march, issueDate: '2024-03-28', line: 9 }),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'samePeriodAndTotal', documentId: 'F-0398' });
    expect(reported[0]?.data).toMatchObject({
      other: 'F-0312',
      otherLocation: 'test.csv:3',
      periodStart: '2024-03-01',
      periodEnd: '2024-03-31',
    });
    expect(String(reported[0]?.data.total)).toBe('45.90');
  });

  it('passes an invoice cancelled by a credit note and issued again', () => {
    const docs = [
      doc({ id: 'F-0312', total: '45.90', ...march }),
      doc({ kind: 'credit-note', id: 'AV-0040', total: '45.90', issueDate: '2024-03-27', references: ['F-0312'] }),
      doc({ id: 'F-0398', total: '45.90', ...march, issueDate: '2024-03-28' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('still flags when a credit note only partly covers the first invoice', () => {
    const docs = [
      doc({ id: 'F-0312', total: '45.90', ...march }),
      doc({ kind: 'credit-note', id: 'AV-0040', total: '5.00', issueDate: '2024-03-27', references: ['F-0312'] }),
      doc({ id: 'F-0398', total: '45.90', ...march, issueDate: '2024-03-28' }),
    ];
    expect(runRule(rule, docs).map((r) => r.messageId)).toEqual(['samePeriodAndTotal']);
  });

  it('passes a year of ordinary monthly bills, and the same period with a different total or currency', () => {
    const docs = [
      ...ordinaryYear(),
      doc({ id: 'G1', total: '45.90', ...march }),
      doc({ id: 'G2', total: '45.91', ...march }),
      doc({ id: 'G3', total: '45.90', ...march, currency: 'CHF' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('ignores other kinds, zero bills, bills without period, and other accounts', () => {
    const docs = [
      doc({ kind: 'credit-note', id: 'AV1', total: '10.00', ...march }),
      doc({ kind: 'credit-note', id: 'AV1', total: '12.00', ...march }),
      doc({ id: 'Z1', total: '0.00', ...march }),
      doc({ id: 'Z2', total: '0.00', ...march }),
      doc({ id: 'N1', total: '30.00', issueDate: '2024-03-05' }),
      doc({ id: 'N2', total: '30.00', issueDate: '2024-03-05' }),
      doc({ id: 'L1', total: '19.99', ...march, account: '0612345001' }),
      doc({ id: 'L2', total: '19.99', ...march, account: '0612345002' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('finds in a short history what it finds when the history is long (its shortcut, property)', () => {
    // Up to 16 entries a history is first screened pair by pair; past that the tables decide alone.
    // The same bills with 17 terminations after them (which this rule ignores) take the long way.
    const periods = [march, { ...march, periodStart: '2024-04-01', periodEnd: '2024-04-30' }, {}];
    const bill = fc.record({
      kind: fc.constantFrom('invoice' as const, 'invoice' as const, 'credit-note' as const),
      id: fc.constantFrom('F1', 'F2', 'F3', undefined),
      period: fc.constantFrom(...periods),
      total: fc.constantFrom('39.99', '42.00', '0.00', undefined),
      currency: fc.constantFrom('EUR', 'GBP'),
    });
    fc.assert(
      fc.property(fc.array(bill, { minLength: 2, maxLength: 10 }), (bills) => {
        const docs = bills.map((b, line) =>
          doc({ kind: b.kind, id: b.id, total: b.total, currency: b.currency, ...b.period, line: line + 2 }),
        );
        const padding = Array.from({ length: 17 }, (_, i) =>
          doc({ kind: 'termination', issueDate: '2025-01-01', line: 100 + i }),
        );
        expect(runRule(rule, docs)).toEqual(runRule(rule, [...docs, ...padding]));
      }),
      { numRuns: 1500 },
    );
  });
});
