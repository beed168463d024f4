import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/overlapping-period.js';
import { doc, ordinaryYear, runRule } from '../helpers/builder.js';

const bill = (id: string, periodStart: string, periodEnd: string, total: string, line?: number) =>
  doc({ id, periodStart, periodEnd, total, issueDate: periodStart, ...(line === undefined ? {} : { line }) });

describe('overlapping-period', () => {
  it('flags a bill whose period runs into an earlier one, with both periods and the overlap', () => {
    const docs = [
      bill('F-03', '2024-03-01', '2024-03-31', '39.99', 5),
      bill('F-03B', '2024-03-15', '2024-04-14', '41.20', 6),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'overlap', documentId: 'F-03B', line: 6 });
    expect(reported[0]?.data).toEqual({
      id: 'F-03B',
      periodStart: '2024-03-15',
      periodEnd: '2024-04-14',
      other: 'F-03',
      otherPeriodStart: '2024-03-01',
      otherPeriodEnd: '2024-03-31',
      otherLocation: 'test.csv:5',
      overlapStart: '2024-03-15',
      overlapEnd: '2024-03-31',
      overlapDays: 17,
    });
  });

  it('passes adjacent periods, such as twelve monthly bills or 1–31 March then 1–30 April', () => {
    const docs = [
      ...ordinaryYear(),
      bill('M', '2025-03-01', '2025-03-31', '40.00'),
      bill('A', '2025-04-01', '2025-04-30', '41.00'),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('counts a single shared day as an overlap, since periods include their last day', () => {
    const docs = [bill('M', '2025-03-01', '2025-03-31', '40.00'), bill('A', '2025-03-31', '2025-04-29', '41.00')];
    expect(runRule(rule, docs).map((r) => r.data.overlapDays)).toEqual([1]);
  });

  it('compares with the period reaching furthest, not only the previous one', () => {
    // A yearly bill, then a monthly bill inside it that starts after a shorter one ended.
    const docs = [
      bill('AN-2024', '2024-01-01', '2024-12-31', '480.00'),
      bill('F-02', '2024-02-01', '2024-02-29', '40.00'),
      bill('F-06', '2024-06-01', '2024-06-30', '40.00'),
    ];
    const reported = runRule(rule, docs);
    expect(reported.map((r) => [r.documentId, r.data.other])).toEqual([
      ['F-02', 'AN-2024'],
      ['F-06', 'AN-2024'],
    ]);
  });

  it('finds overlaps whatever order the input lists the bills in', () => {
    const docs = [
      bill('F-06', '2024-06-01', '2024-06-30', '40.00'),
      doc({
        id: 'AN-2024',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        total: '480.00',
        issueDate: '2024-07-01',
      }),
    ];
    expect(runRule(rule, docs).map((r) => r.documentId)).toEqual(['F-06']);
  });

  it("leaves duplicate-invoice's cases to it: copies, same number, same period and total", () => {
    const docs = [
      bill('F-03', '2024-03-01', '2024-03-31', '39.99'),
      bill('F-03', '2024-03-01', '2024-03-31', '39.99'),
      bill('F-03', '2024-03-10', '2024-04-09', '44.00'),
      bill('F-03-BIS', '2024-03-01', '2024-03-31', '39.99'),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('passes a corrected bill when a credit note cancelled the first one', () => {
    const docs = [
      bill('F-03', '2024-03-01', '2024-03-31', '39.99'),
      doc({ kind: 'credit-note', id: 'AV-7', total: '39.99', issueDate: '2024-04-02', references: ['F-03'] }),
      bill('F-03R', '2024-03-05', '2024-04-04', '35.00'),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('ignores bills without a full period, reversed periods, other kinds and other accounts', () => {
    const docs = [
      bill('F-03', '2024-03-01', '2024-03-31', '39.99'),
      doc({ id: 'X1', periodStart: '2024-03-10', total: '10.00' }),
      bill('X2', '2024-03-31', '2024-03-10', '10.00'),
      doc({ kind: 'credit-note', id: 'AV', periodStart: '2024-03-10', periodEnd: '2024-03-20', total: '5.00' }),
      doc({ id: 'Y1', account: 'A2', periodStart: '2024-03-10', periodEnd: '2024-03-20', total: '5.00' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('finds every overlap among thousands of bills of one account', () => {
    const docs = [];
    for (let i = 0; i < 20_000; i++) {
      const start = new Date(Date.UTC(2000, 0, 1 + i * 2)).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(2000, 0, 2 + i * 2)).toISOString().slice(0, 10);
      docs.push(bill(`F${i}`, start, end, '1.00'));
    }
    docs.push(
      doc({ id: 'ALL', periodStart: '2000-01-01', periodEnd: '2200-01-01', total: '9.00', issueDate: '1999-12-01' }),
    );
    // Every short bill lies inside ALL's period: one finding each, none missed on a long timeline.
    expect(runRule(rule, docs)).toHaveLength(20_000);
  });
});
