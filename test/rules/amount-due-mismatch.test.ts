import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/amount-due-mismatch.js';
import { Money } from '../../src/model/money.js';
import { doc, runRule } from '../helpers/builder.js';

const eInvoice = (total: string, amountDue: string, paid?: string, rounding?: string) =>
  doc({
    total,
    amountDue,
    extra: {
      amountDueFollowsTotal: true,
      paidAmount: paid === undefined ? undefined : Money.parse(paid),
      amountDueRounding: rounding === undefined ? undefined : Money.parse(rounding),
    },
  });

describe('amount-due-mismatch', () => {
  it('accepts total − paid + rounding (EN 16931 BR-CO-16)', () => {
    expect(runRule(rule, [eInvoice('1200.00', '200.00', '1000.00')])).toEqual([]);
    expect(runRule(rule, [eInvoice('1200.00', '1200.00')])).toEqual([]);
    expect(runRule(rule, [eInvoice('1200.00', '0.00', '1200.00')])).toEqual([]);
    expect(runRule(rule, [eInvoice('99.98', '100.00', undefined, '0.02')])).toEqual([]);
  });

  it('reports a prepayment that was not deducted, with the standard rule id', () => {
    const reported = runRule(rule, [eInvoice('1200.00', '1200.00', '1000.00')]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('amountDueMismatch');
    const data = reported[0]?.data ?? {};
    expect(String(data.expected)).toBe('200.00');
    expect(String(data.amountDue)).toBe('1200.00');
    expect(String(data.difference)).toBe('1000.00');
    expect(data.en16931).toBe('BR-CO-16');
  });

  it('reports an amount due that no rounding explains', () => {
    expect(runRule(rule, [eInvoice('99.98', '100.00', undefined, '0.01')])).toHaveLength(1);
    expect(runRule(rule, [eInvoice('1200.00', '1199.99')])).toHaveLength(1);
  });

  it('leaves alone a bill whose amount to pay may carry an earlier balance (no EN 16931 semantics)', () => {
    expect(runRule(rule, [doc({ total: '50.00', amountDue: '80.00' })])).toEqual([]);
  });

  it('needs both the total and the amount due', () => {
    expect(runRule(rule, [doc({ total: '50.00', extra: { amountDueFollowsTotal: true } })])).toEqual([]);
  });

  it("adds XRechnung's third-party payments to what is due (BR-DEX-09), as in its test case 05.01a", () => {
    const telecom = (amountDue: string) =>
      doc({
        total: '336.90',
        amountDue,
        extra: { amountDueFollowsTotal: true, thirdPartyPaymentTotal: Money.parse('29.96') },
      });
    expect(runRule(rule, [telecom('366.86')])).toEqual([]);
    const reported = runRule(rule, [telecom('336.90')]);
    expect(reported.map((r) => [r.messageId, r.data.en16931, String(r.data.expected)])).toEqual([
      ['amountDueWithThirdPartyMismatch', 'BR-DEX-09', '366.86'],
    ]);
  });
});
