import { describe, expect, it } from 'vitest';
import { Money } from '../../src/model/money.js';
import rule from '../../src/rules/lines-total-mismatch.js';
import { netOfGrossText } from '../helpers/vat-oracle.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

/**
 * Cases from the official EN 16931 test set, ConnectingEurope/eInvoicing-EN16931,
 * test/Invoice-unit-UBL/BR-CO-10.xml: the lines' LineExtensionAmount against the document's,
 * and whether BR-CO-10 fires. BR-CO-10 is exact, which is this rule with roundingPerLine "0.00".
 */
const EN16931_BR_CO_10: { lines: string[]; net: string; fires: boolean }[] = [
  { lines: ['100.00'], net: '100', fires: false },
  { lines: ['0.00'], net: '0', fires: false },
  { lines: ['0'], net: '0', fires: false },
  { lines: ['110.00', '90.00'], net: '200', fires: false },
  { lines: ['110.00', '-90.00'], net: '20', fires: false },
  { lines: ['-110.00', '90.00'], net: '-20', fires: false },
  { lines: ['-100.00'], net: '-100', fires: false },
  { lines: ['110.00', '90.00'], net: '200.01', fires: true },
  { lines: ['-90.00'], net: '-91', fires: true },
];

const strict = { options: { roundingPerLine: '0.00' } };

describe('lines-total-mismatch', () => {
  it.each(EN16931_BR_CO_10)('EN 16931 BR-CO-10: lines $lines vs net $net', ({ lines, net, fires }) => {
    const invoice = doc({ net, lines: lines.map((amount) => ({ net: amount })) });
    expect(runRule(rule, [invoice], strict).length).toBe(fires ? 1 : 0);
  });

  it('reports a missing charge with its evidence', () => {
    const reported = runRule(rule, [
      doc({
        total: '64.98',
        lines: [
          { description: 'Forfait Fibre', total: '39.99' },
          { description: 'Décodeur TV', total: '5.00' },
        ],
      }),
    ]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('totalMismatch');
    const data = reported[0]?.data ?? {};
    expect(data.lines).toBe(2);
    expect(String(data.sum)).toBe('44.99');
    expect(String(data.documentAmount)).toBe('64.98');
    expect(String(data.difference)).toBe('19.99');
  });

  it('compares net, tax and total each with its own kind of line amount', () => {
    const reported = runRule(rule, [
      doc({
        net: '40.00',
        tax: '8.00',
        total: '48.00',
        lines: [
          { net: '33.33', tax: '6.67', total: '40.00' },
          { net: '5.00', tax: '1.00', total: '6.00' },
        ],
      }),
    ]);
    expect(reported.map((r) => r.messageId).sort()).toEqual(['netMismatch', 'taxMismatch', 'totalMismatch']);
  });

  it("compares nothing when the reader did not read every line (a letter's fees beside its debt, issue 13)", () => {
    const lines = [{ description: 'Frais de recouvrement', total: '40.00' }];
    const letter = { kind: 'dunning' as const, id: 'MED-1', total: '59.99', lines };
    expect(runRule(rule, [doc({ ...letter, extra: { linesUnread: true } })])).toEqual([]);
    expect(runRule(rule, [doc(letter)]).map((finding) => finding.messageId)).toEqual(['totalMismatch']);
  });

  it('compares nothing when a line lacks the amount (absent is not zero)', () => {
    const invoice = doc({ total: '60.00', lines: [{ total: '39.99' }, { description: 'Hors forfait' }] });
    expect(runRule(rule, [invoice])).toEqual([]);
    expect(runRule(rule, [doc({ total: '60.00' })])).toEqual([]);
  });

  it('accepts a TTC-priced bill whose HT was derived line by line and once on the total', () => {
    // 39,99 € and 5,00 € TTC at 20 %: 33,33 + 4,17 = 37,50 HT per line, 44,99 / 1,2 = 37,49 HT on the total.
    const invoice = doc({
      net: '37.49',
      total: '44.99',
      lines: [
        { net: '33.33', total: '39.99' },
        { net: '4.17', total: '5.00' },
      ],
    });
    expect(runRule(rule, [invoice])).toEqual([]);
    expect(runRule(rule, [invoice], strict)).toHaveLength(1);
  });

  it('accepts the per-line drift of any TTC-priced bill, up to one cent per extra line', () => {
    const prices = ['39.99', '5.00', '2.99', '9.99', '0.99', '14.99'].map((price) => Money.parse(price));
    const total = Money.sum(prices);
    const invoice = doc({
      net: netOfGrossText(total.toFixed(2), '20'),
      total: total.toFixed(),
      lines: prices.map((price) => ({ net: netOfGrossText(price.toFixed(2), '20'), total: price.toFixed() })),
    });
    expect(runRule(rule, [invoice])).toEqual([]);
    // The drift is real (61,64 € HT line by line, 61,63 € on the total): only the allowance accepts it.
    expect(runRule(rule, [invoice], strict).map((r) => r.messageId)).toEqual(['netMismatch']);
  });

  it('catches two cents on a single-line bill and more than one cent per extra line', () => {
    expect(runRule(rule, [doc({ total: '40.01', lines: [{ total: '39.99' }] })])).toHaveLength(1);
    const threeLines = [{ total: '10.00' }, { total: '10.00' }, { total: '10.00' }];
    expect(runRule(rule, [doc({ total: '30.02', lines: threeLines })])).toEqual([]);
    const reported = runRule(rule, [doc({ total: '30.03', lines: threeLines })]);
    expect(reported).toHaveLength(1);
    expect(String(reported[0]?.data.allowed)).toBe('0.02');
  });

  it('rounds lines priced in fractions of a cent before comparing', () => {
    const usage = [{ net: '0.0833' }, { net: '0.0833' }, { net: '0.0833' }];
    expect(runRule(rule, [doc({ net: '0.25', lines: usage })], strict)).toEqual([]);
  });

  it("accepts a document amount that keeps the lines' own sub-cent digits (exact-amounts.csv)", () => {
    const credit = doc({
      kind: 'credit-note',
      net: '-0.0042',
      tax: '-0.0008',
      total: '-0.005',
      lines: [{ net: '-0.0042', tax: '-0.0008', total: '-0.005' }],
    });
    expect(runRule(rule, [credit], strict)).toEqual([]);
    const calls = [{ net: '16.66' }, { net: '3.2625' }];
    expect(runRule(rule, [doc({ net: '19.9225', lines: calls })], strict)).toEqual([]);
    expect(runRule(rule, [doc({ net: '19.9325', lines: calls })], strict)).toHaveLength(1);
  });

  it('compares magnitudes on a credit note whose lines are signed', () => {
    const credit = doc({ kind: 'credit-note', total: '25.00', lines: [{ total: '-20.00' }, { total: '-5.00' }] });
    expect(runRule(rule, [credit])).toEqual([]);
  });

  it('refuses a negative rounding allowance, naming the option', () => {
    expect(configRefusal(rule, { roundingPerLine: '0' })).toBeUndefined();
    expect(configRefusal(rule, { roundingPerLine: '-0.01' })).toMatch(
      /rules\.lines-total-mismatch\.options: "roundingPerLine" must be an amount of at least 0/,
    );
  });

  describe('e-invoices (EN 16931 BR-CO-10)', () => {
    const lines = [{ net: '19.90' }, { net: '9.85' }, { net: '0.01' }];

    it('holds the lines to the sum of line net amounts (BT-106) exactly, not within line rounding', () => {
      expect(runRule(rule, [doc({ net: '29.76', lines, extra: { lineNetTotal: Money.parse('29.76') } })])).toEqual([]);
      const reported = runRule(rule, [doc({ net: '29.77', lines, extra: { lineNetTotal: Money.parse('29.77') } })]);
      expect(reported.map((r) => r.messageId)).toEqual(['lineNetTotalMismatch']);
      expect(reported[0]?.data.en16931).toBe('BR-CO-10');
      expect(String(reported[0]?.data.difference)).toBe('0.01');
    });

    it('does not hold the lines to a net that includes document-level allowances (BT-109)', () => {
      const invoice = doc({
        net: '19.76',
        lines,
        extra: { lineNetTotal: Money.parse('29.76'), allowanceTotal: Money.parse('10.00') },
      });
      expect(runRule(rule, [invoice])).toEqual([]);
      const withoutSum = doc({ net: '19.76', lines, extra: { allowanceTotal: Money.parse('10.00') } });
      expect(runRule(rule, [withoutSum])).toEqual([]);
    });
  });
});
