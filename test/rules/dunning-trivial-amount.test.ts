import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dunning-trivial-amount.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

describe('dunning-trivial-amount', () => {
  it('flags a mise en demeure for 0,01 €', () => {
    const reported = runRule(rule, [doc({ kind: 'dunning', id: 'MED-1', amountDue: '0.01' })]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('trivial');
    expect(String(reported[0]?.data.amount)).toBe('0.01');
    expect(String(reported[0]?.data.minAmount)).toBe('1.00');
  });

  it("judges an agency's demand without the fee lines it adds: 0,01 € of debt and 40 € of fees", () => {
    // The iQera-style mise en demeure of a tryout: "Principal restant dû 0,01 € / Frais de recouvrement 40,00 € / Total 40,01 €".
    const notice = doc({
      kind: 'dunning',
      id: 'IQ-24-0088417',
      amountDue: '40.01',
      lines: [{ description: 'Frais de recouvrement', total: '40.00' }],
    });
    const reported = runRule(rule, [notice]);
    expect(reported.map((finding) => finding.messageId)).toEqual(['trivialDebt']);
    expect(String(reported[0]?.data.amount)).toBe('0.01');
    expect(String(reported[0]?.data.fees)).toBe('40.00');
    // A real debt with fees on top is no trivial demand, nor is a line that names no fee.
    const real = doc({
      kind: 'dunning',
      amountDue: '99.98',
      lines: [{ description: 'Frais de recouvrement', total: '40.00' }],
    });
    const item = doc({
      kind: 'dunning',
      amountDue: '40.01',
      lines: [{ description: 'Forfait mobile', total: '40.00' }],
    });
    expect(runRule(rule, [real, item])).toEqual([]);
    // Fees alone, no debt left: the most trivial demand of all.
    const feesOnly = doc({
      kind: 'dunning',
      amountDue: '40.00',
      lines: [{ description: 'Frais de recouvrement', total: '40.00' }],
    });
    expect(runRule(rule, [feesOnly]).map((finding) => String(finding.data.amount))).toEqual(['0.00']);
  });

  it('uses the total when the letter has no separate amount due', () => {
    expect(runRule(rule, [doc({ kind: 'dunning', total: '0.99' })])).toHaveLength(1);
  });

  it('passes a reminder for a real debt and one at exactly the threshold', () => {
    const docs = [doc({ kind: 'dunning', amountDue: '59.98' }), doc({ kind: 'dunning', amountDue: '1.00' })];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('ignores invoices for small amounts and letters without an amount', () => {
    const docs = [doc({ kind: 'invoice', total: '0.01' }), doc({ kind: 'dunning' })];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('honours a configured threshold', () => {
    const docs = [doc({ kind: 'dunning', amountDue: '4.50' })];
    expect(runRule(rule, docs, { options: { minAmount: '5.00' } })).toHaveLength(1);
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('refuses a negative threshold, naming the option', () => {
    expect(configRefusal(rule, { minAmount: '0' })).toBeUndefined();
    expect(configRefusal(rule, { minAmount: '-1.00' })).toMatch(
      /rules\.dunning-trivial-amount\.options: "minAmount" must be an amount of at least 0, not "-1\.00"/,
    );
  });
});
