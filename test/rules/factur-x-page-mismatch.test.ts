import { describe, expect, it } from 'vitest';
import { Money } from '../../src/model/money.js';
import rule from '../../src/rules/factur-x-page-mismatch.js';
import { doc, runRule } from '../helpers/builder.js';

/** A Factur-X invoice whose XML says FA-2026-0042 of 2026-10-05, 120.00 due 120.00. */
const facturX = (pageFacts: { id?: string; issueDate?: string; total?: string; amountDue?: string }) =>
  doc({
    id: 'FA-2026-0042',
    issueDate: '2026-10-05',
    total: '120.00',
    amountDue: '120.00',
    extra: {
      pageFacts: {
        id: pageFacts.id,
        issueDate: pageFacts.issueDate,
        total: pageFacts.total === undefined ? undefined : Money.parse(pageFacts.total),
        amountDue: pageFacts.amountDue === undefined ? undefined : Money.parse(pageFacts.amountDue),
      },
    },
  });

describe('factur-x-page-mismatch', () => {
  it('accepts a page that says what the XML says, the number written with other separators', () => {
    expect(
      runRule(rule, [facturX({ id: 'FA 2026 0042', issueDate: '2026-10-05', total: '120.00', amountDue: '120.0' })]),
    ).toEqual([]);
  });

  it('reports a page total different from the XML total, with both values', () => {
    const reported = runRule(rule, [facturX({ total: '1200.00' })]);
    expect(reported.map((r) => r.messageId)).toEqual(['totalMismatch']);
    expect(String(reported[0]?.data.xml)).toBe('120.00');
    expect(String(reported[0]?.data.page)).toBe('1200.00');
  });

  it('reports each field that differs: number, date and amount due', () => {
    const reported = runRule(rule, [
      facturX({ id: 'FA-2026-0043', issueDate: '2026-10-06', total: '120.00', amountDue: '12.00' }),
    ]);
    expect(reported.map((r) => [r.messageId, r.data.xml, r.data.page].map(String))).toEqual([
      ['idMismatch', 'FA-2026-0042', 'FA-2026-0043'],
      ['issueDateMismatch', '2026-10-05', '2026-10-06'],
      ['amountDueMismatch', '120.00', '12.00'],
    ]);
  });

  it('says nothing of what the page does not show, nor of a document without a page', () => {
    expect(runRule(rule, [facturX({})])).toEqual([]);
    expect(runRule(rule, [doc({ id: 'X', total: '5.00' })])).toEqual([]);
  });
});
