import { describe, expect, it } from 'vitest';
import type { AllowanceCharge } from '../../src/model/document.js';
import { Money } from '../../src/model/money.js';
import rule from '../../src/rules/net-total-mismatch.js';
import { doc, runRule } from '../helpers/builder.js';

const allowance = (amount: string): AllowanceCharge => ({ charge: false, amount: Money.parse(amount) });
const charge = (amount: string): AllowanceCharge => ({ charge: true, amount: Money.parse(amount) });

interface Case {
  lineNetTotal: string;
  net: string;
  allowanceTotal?: string;
  chargeTotal?: string;
  items?: AllowanceCharge[];
}

const eInvoice = ({ lineNetTotal, net, allowanceTotal, chargeTotal, items = [] }: Case) =>
  doc({
    net,
    extra: {
      lineNetTotal: Money.parse(lineNetTotal),
      allowanceTotal: allowanceTotal === undefined ? undefined : Money.parse(allowanceTotal),
      chargeTotal: chargeTotal === undefined ? undefined : Money.parse(chargeTotal),
      allowanceCharges: items,
    },
  });

describe('net-total-mismatch', () => {
  it('accepts lines − allowances + charges (EN 16931 BR-CO-13), as in ubl-tc434-example2', () => {
    const invoice = eInvoice({
      lineNetTotal: '1436.50',
      net: '1436.50',
      allowanceTotal: '100.00',
      chargeTotal: '100.00',
      items: [allowance('100.00'), charge('100.00')],
    });
    expect(runRule(rule, [invoice])).toEqual([]);
    expect(
      runRule(rule, [
        eInvoice({
          lineNetTotal: '6900',
          net: '7000',
          allowanceTotal: '100',
          chargeTotal: '200',
          items: [allowance('100'), charge('200')],
        }),
      ]),
    ).toEqual([]);
    expect(runRule(rule, [eInvoice({ lineNetTotal: '100.00', net: '100.00' })])).toEqual([]);
  });

  it('reports a net that forgets an allowance (BR-CO-13)', () => {
    const reported = runRule(rule, [
      eInvoice({ lineNetTotal: '1000.00', net: '1000.00', allowanceTotal: '50.00', items: [allowance('50.00')] }),
    ]);
    expect(reported.map((r) => r.messageId)).toEqual(['netMismatch']);
    expect(String(reported[0]?.data.expected)).toBe('950.00');
    expect(String(reported[0]?.data.difference)).toBe('50.00');
    expect(reported[0]?.data.en16931).toBe('BR-CO-13');
  });

  it('reports allowance and charge totals that are not their items (BR-CO-11, BR-CO-12)', () => {
    const reported = runRule(rule, [
      eInvoice({
        lineNetTotal: '1000.00',
        net: '990.00',
        allowanceTotal: '30.00',
        chargeTotal: '20.00',
        items: [allowance('10.00'), allowance('10.00'), charge('10.00')],
      }),
    ]);
    expect(reported.map((r) => [r.messageId, r.data.en16931, String(r.data.sum)])).toEqual([
      ['allowancesMismatch', 'BR-CO-11', '20.00'],
      ['chargesMismatch', 'BR-CO-12', '10.00'],
    ]);
  });

  it('reports allowances listed without a total, and a total without any allowance', () => {
    const missing = runRule(rule, [eInvoice({ lineNetTotal: '100.00', net: '90.00', items: [allowance('10.00')] })]);
    expect(missing.map((r) => r.messageId)).toEqual(['allowancesWithoutTotal', 'netMismatch']);
    const phantom = runRule(rule, [eInvoice({ lineNetTotal: '100.00', net: '95.00', allowanceTotal: '5.00' })]);
    expect(phantom.map((r) => r.messageId)).toEqual(['allowancesMismatch']);
  });

  it('does not apply to a bill without the e-invoice totals', () => {
    expect(runRule(rule, [doc({ net: '100.00', tax: '20.00', total: '120.00' })])).toEqual([]);
  });
});
