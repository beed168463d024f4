import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/total-mismatch.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

/**
 * Cases from the official EN 16931 test set, ConnectingEurope/eInvoicing-EN16931,
 * test/Invoice-unit-UBL/BR-CO-15.xml and BR-CO-15-2.xml: TaxExclusiveAmount (net), TaxAmount
 * in the document currency (tax), TaxInclusiveAmount (total), and whether the rule fires.
 */
const EN16931_BR_CO_15: { net: string; tax: string; total: string; currency: string; fires: boolean }[] = [
  { net: '1000', tax: '300', total: '1300', currency: 'NOK', fires: false },
  { net: '-100', tax: '300', total: '200', currency: 'NOK', fires: false },
  { net: '-100', tax: '100', total: '0.0', currency: 'NOK', fires: false },
  { net: '0.00', tax: '0', total: '0.0', currency: 'NOK', fires: false },
  { net: '1000.00', tax: '250', total: '1250.01', currency: 'NOK', fires: true },
  { net: '1000.00', tax: '0', total: '1250.00', currency: 'NOK', fires: true },
  { net: '-100.00', tax: '100', total: '0.01', currency: 'NOK', fires: true },
  // BR-CO-15-2.xml: a separate tax currency does not change the sum in the document currency.
  { net: '4000.00', tax: '675.00', total: '4675.00', currency: 'DKK', fires: false },
  { net: '5000.00', tax: '700.00', total: '5700.00', currency: 'DKK', fires: false },
  { net: '5000.00', tax: '715', total: '5700.00', currency: 'NOK', fires: true },
];

describe('total-mismatch', () => {
  it.each(EN16931_BR_CO_15)('EN 16931 BR-CO-15: $net + $tax vs $total', ({ net, tax, total, currency, fires }) => {
    expect(runRule(rule, [doc({ net, tax, total, currency })]).length).toBe(fires ? 1 : 0);
  });

  it('reports the evidence of a two-cent gap on a consumer bill', () => {
    const reported = runRule(rule, [doc({ id: 'F2024-03', net: '33.33', tax: '6.66', total: '40.01' })]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('documentMismatch');
    const data = reported[0]?.data ?? {};
    expect(String(data.net)).toBe('33.33');
    expect(String(data.tax)).toBe('6.66');
    expect(String(data.expected)).toBe('39.99');
    expect(String(data.total)).toBe('40.01');
    expect(String(data.difference)).toBe('0.02');
  });

  it('accepts a TTC-priced bill whose HT and TVA were each rounded: 33,33 + 6,66 = 39,99', () => {
    expect(runRule(rule, [doc({ net: '33.33', tax: '6.66', total: '39.99' })])).toEqual([]);
  });

  it('needs all three amounts', () => {
    const docs = [
      doc({ net: '33.33', total: '50.00' }),
      doc({ tax: '6.66', total: '50.00' }),
      doc({ net: '33.33', tax: '6.66' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('checks each line that has net, tax and total', () => {
    const reported = runRule(rule, [
      doc({
        lines: [
          { description: 'Forfait mobile 100 Go', net: '16.66', tax: '3.33', total: '19.99' },
          { description: 'Option international', net: '5.00', tax: '1.00', total: '6.50' },
          { description: 'Communications hors forfait', net: '2.50' },
        ],
      }),
    ]);
    expect(reported.map((r) => r.messageId)).toEqual(['lineMismatch']);
    expect(reported[0]?.data.line).toBe(2);
    expect(reported[0]?.data.description).toBe('Option international');
    expect(String(reported[0]?.data.expected)).toBe('6.00');
    expect(String(reported[0]?.data.difference)).toBe('0.50');
  });

  it('tells a line mismatch once when the document amounts are the sums of the lines (company export, INV-202412-M05)', () => {
    const lines = [
      { description: 'Business Mobile 40 GB', net: '24.00', tax: '4.80', total: '28.80' },
      { description: 'International calls', net: '3.50', tax: '0.70', total: '4.90' },
    ];
    const reported = runRule(rule, [doc({ net: '27.50', tax: '5.50', total: '33.70', lines })]);
    expect(reported.map((r) => r.messageId)).toEqual(['lineMismatch']);
    expect(reported[0]?.data.line).toBe(2);
  });

  it('still reports a document total that is wrong beyond what its lines explain', () => {
    const lines = [
      { description: 'Business Mobile 40 GB', net: '24.00', tax: '4.80', total: '28.80' },
      { description: 'International calls', net: '3.50', tax: '0.70', total: '4.90' },
    ];
    const reported = runRule(rule, [doc({ net: '27.50', tax: '5.50', total: '43.70', lines })]);
    expect(reported.map((r) => r.messageId)).toEqual(['lineMismatch', 'documentMismatch']);
    expect(String(reported[1]?.data.difference)).toBe('10.70');
  });

  it('reports a one-row document once, as the document, not also as its line 1', () => {
    const row = { description: 'Fibre Pro', net: '41.67', tax: '8.33', total: '55.00' };
    const reported = runRule(rule, [doc({ ...row, lines: [row] })]);
    expect(reported.map((r) => r.messageId)).toEqual(['documentMismatch']);
  });

  it('compares magnitudes on a credit note exported with signed amounts', () => {
    const credit = doc({ kind: 'credit-note', net: '-16.66', tax: '-3.33', total: '19.99' });
    expect(runRule(rule, [credit])).toEqual([]);
    expect(runRule(rule, [doc({ kind: 'credit-note', net: '16.66', tax: '3.33', total: '20.99' })])).toHaveLength(1);
  });

  it("rounds a sub-cent sum to the currency before comparing (the sub-cent digits are sub-cent-amount's business)", () => {
    expect(runRule(rule, [doc({ net: '33.334', tax: '6.66', total: '39.99' })])).toEqual([]);
    expect(runRule(rule, [doc({ currency: 'JPY', net: '1000', tax: '100', total: '1100' })])).toEqual([]);
  });

  it('accepts a sub-cent total that is exactly net + tax: per-minute calls 3,2625 + 0,6525 = 3,915 (exact-amounts.csv)', () => {
    expect(runRule(rule, [doc({ net: '3.2625', tax: '0.6525', total: '3.915' })])).toEqual([]);
    expect(runRule(rule, [doc({ kind: 'credit-note', net: '-0.0042', tax: '-0.0008', total: '-0.005' })])).toEqual([]);
    expect(runRule(rule, [doc({ net: '3.2625', tax: '0.6525', total: '3.925' })])).toHaveLength(1);
  });

  it('honours a configured tolerance', () => {
    const docs = [doc({ net: '100.00', tax: '20.00', total: '120.01' })];
    expect(runRule(rule, docs)).toHaveLength(1);
    expect(runRule(rule, docs, { options: { tolerance: '0.01' } })).toEqual([]);
  });

  it('refuses a negative tolerance, naming the option', () => {
    expect(configRefusal(rule, { tolerance: '0.01' })).toBeUndefined();
    // A negative tolerance would flag every bill, even one that adds up exactly.
    expect(configRefusal(rule, { tolerance: '-0.01' })).toMatch(
      /rules\.total-mismatch\.options: "tolerance" must be an amount of at least 0/,
    );
  });
});

describe('total-mismatch with a printed round-off', () => {
  it('accepts net + tax + round-off = total, and still flags a total off by more', async () => {
    const { Money } = await import('../../src/model/money.js');
    const rounded = {
      ...doc({ net: '104625.00', tax: '18832.50', total: '123457.00', currency: 'INR' }),
      rounding: Money.parse('-0.50'),
    };
    expect(runRule(rule, [rounded])).toEqual([]);
    const wrong = { ...rounded, total: Money.parse('123456.00') };
    expect(runRule(rule, [wrong]).map((r) => r.messageId)).toEqual(['documentMismatch']);
  });
});
