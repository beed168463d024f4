import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/billed-after-termination.js';
import type { DocInput } from '../helpers/builder.js';
import { doc, ordinaryYear, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

const resiliation = (extra: DocInput = {}) =>
  doc({ kind: 'termination', id: 'RES-1', issueDate: '2023-06-15', ...extra });
const bill = (id: string, periodStart: string | undefined, issueDate: string, extra: DocInput = {}) =>
  doc({ id, issueDate, periodStart, total: '39.99', ...extra });

describe('billed-after-termination', () => {
  it('flags invoices for periods after the effective date (request + 10 days, L224-39)', () => {
    // Requested 2023-06-15, effective 2023-06-25: July to December are billed after it.
    const reported = runRule(rule, [...ordinaryYear(), resiliation()]);
    expect(reported.map((r) => r.documentId)).toEqual([
      'F2023-07',
      'F2023-08',
      'F2023-09',
      'F2023-10',
      'F2023-11',
      'F2023-12',
    ]);
    expect(reported[0]?.messageId).toBe('periodAfter');
    expect(reported[0]?.data).toMatchObject({
      effectiveDate: '2023-06-25',
      terminationDate: '2023-06-15',
      periodStart: '2023-07-01',
      daysAfter: 6,
    });
  });

  it("uses the termination's own effective date when it has one", () => {
    const reported = runRule(rule, [...ordinaryYear(), resiliation({ effectiveDate: '2023-09-30' })]);
    expect(reported.map((r) => r.documentId)).toEqual(['F2023-10', 'F2023-11', 'F2023-12']);
    expect(reported[0]?.data).toMatchObject({
      effectiveDate: '2023-09-30',
      terminationDate: '2023-06-15',
      daysAfter: 1,
    });
  });

  it('passes a final invoice for the period up to the end, issued after it', () => {
    const final = bill('F-FINAL', '2023-06-01', '2023-07-05', { periodEnd: '2023-06-25' });
    const startingOnTheDay = bill('F-LAST-DAY', '2023-06-25', '2023-07-06');
    expect(runRule(rule, [resiliation(), final, startingOnTheDay])).toEqual([]);
  });

  it('flags an invoice without a period only beyond graceDays after the effective date', () => {
    const within = bill('F-A', undefined, '2023-07-26'); // 31 days after 2023-06-25
    const beyond = bill('F-B', undefined, '2023-07-27');
    const reported = runRule(rule, [resiliation(), within, beyond]);
    expect(reported.map((r) => [r.documentId, r.messageId, r.data.daysAfter])).toEqual([['F-B', 'issuedAfter', 32]]);
    expect(reported[0]?.data).toMatchObject({ issueDate: '2023-07-27', graceDays: 31 });
    expect(runRule(rule, [resiliation(), within], { options: { graceDays: 10 } })).toHaveLength(1);
  });

  it('counts the first termination of the account', () => {
    const later = resiliation({ id: 'RES-2', issueDate: '2023-10-01' });
    const reported = runRule(rule, [later, ...ordinaryYear(), resiliation()]);
    expect(reported[0]?.data.effectiveDate).toBe('2023-06-25');
    expect(reported).toHaveLength(6);
  });

  it('takes a termination known only by its effective date (as --terminated adds it)', () => {
    const reported = runRule(rule, [...ordinaryYear(), doc({ kind: 'termination', effectiveDate: '2023-11-15' })]);
    expect(reported.map((r) => r.documentId)).toEqual(['F2023-12']);
    expect(reported[0]?.data).toMatchObject({
      effectiveDate: '2023-11-15',
      terminationDate: '2023-11-15',
      daysAfter: 16,
    });
  });

  it('skips a termination without any date, and accounts never terminated', () => {
    expect(runRule(rule, [...ordinaryYear(), doc({ kind: 'termination' })])).toEqual([]);
    expect(runRule(rule, ordinaryYear())).toEqual([]);
  });

  it('ignores credit notes, letters, blank invoices and undated invoices after the end', () => {
    const docs = [
      resiliation(),
      doc({ kind: 'credit-note', issueDate: '2023-09-01', periodStart: '2023-08-01', total: '39.99' }),
      doc({ kind: 'dunning', issueDate: '2023-09-10', amountDue: '39.99' }),
      doc({ id: 'F-BLANK', issueDate: '2023-09-05', periodStart: '2023-09-01' }),
      doc({ id: 'F-UNDATED', total: '39.99' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('keeps each account to its own termination', () => {
    const reported = runRule(rule, [
      ...ordinaryYear('A1'),
      ...ordinaryYear('B2'),
      resiliation({ account: 'B2', issueDate: '2023-11-20' }),
    ]);
    expect(reported.map((r) => r.documentId)).toEqual(['F2023-12']);
  });

  it('refuses a grace period that is not a whole number of days, naming the option', () => {
    expect(configRefusal(rule, { graceDays: 0 })).toBeUndefined();
    expect(configRefusal(rule, { graceDays: -1 })).toMatch(
      /rules\.billed-after-termination\.options: "graceDays" must be a whole number of at least 0, not -1/,
    );
    expect(configRefusal(rule, { graceDays: 31.5 })).toMatch(/"graceDays" must be a whole number/);
  });
});
