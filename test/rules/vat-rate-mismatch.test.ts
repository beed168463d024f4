import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/model/money.js';
import rule, { explainsInCents } from '../../src/rules/vat-rate-mismatch.js';
import { netFromGross, parseRates, taxAtRate, withinTolerance } from '../../src/rules/support/arithmetic.js';
import { netOfGross, taxOnNet } from '../helpers/vat-oracle.js';
import type { BillingDocument } from '../../src/model/document.js';
import type { DocInput, LineInput } from '../helpers/builder.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

const FRENCH_RATES = ['20', '10', '5.5', '2.1', '0'];
const FROM_OPTION = 'the "rates" option';

/** A document whose country the input told (the builder has no country of its own). */
const from = (country: string, input: DocInput): BillingDocument => ({ ...doc(input), country });

/** A tax-inclusive price split as operators do: HT = round(TTC / (1 + r)), TVA = TTC − HT. */
function splitGross(grossCents: number, percent: string): { net: string; tax: string; total: string } {
  const total = Money.fromCents(grossCents);
  const net = Money.parse(netOfGross(grossCents, percent));
  return { net: net.toFixed(), tax: total.sub(net).toFixed(), total: total.toFixed() };
}

/**
 * Cases from the official EN 16931 test set, ConnectingEurope/eInvoicing-EN16931,
 * test/Invoice-unit-UBL/BR-CO-17.xml (VAT breakdown: TaxableAmount, TaxAmount, Percent), as a line
 * that declares its rate. Test 4 (no rate) is left out: the rule needs a rate to check.
 */
const EN16931_BR_CO_17: { net: string; tax: string; rate: string; fires: boolean }[] = [
  { net: '1000', tax: '250', rate: '25', fires: false }, // test 1
  { net: '-6491.34', tax: '-1622.84', rate: '25', fires: false }, // test 2
  { net: '2141.05', tax: '299.75', rate: '14', fires: false }, // test 3
  { net: '2141.19', tax: '44.96', rate: '2.1', fires: false }, // test 5
  { net: '2141.19', tax: '0.0', rate: '0', fires: false }, // test 6
  { net: '-2141.19', tax: '-117.77', rate: '5.5', fires: false }, // test 7
  { net: '-25.00', tax: '0.00', rate: '0', fires: false }, // test 8
  { net: '1000', tax: '251', rate: '25', fires: true }, // test 9
  { net: '2141.19', tax: '43.91', rate: '2.1', fires: true }, // test 10
  { net: '6491.34', tax: '1622.84', rate: '25', fires: false }, // test 12
];

describe('vat-rate-mismatch', () => {
  it.each(EN16931_BR_CO_17)('EN 16931 BR-CO-17: $net at $rate % is $tax', ({ net, tax, rate: percent, fires }) => {
    const reported = runRule(rule, [doc({ lines: [{ net, tax, taxRate: percent }] })]);
    expect(reported.map((r) => r.messageId)).toEqual(fires ? ['lineRateMismatch'] : []);
  });

  it('gives the evidence of a line taxed at another rate than the one it declares', () => {
    const reported = runRule(rule, [
      doc({ lines: [{ description: 'Kiosque presse', net: '10.00', tax: '2.00', taxRate: '2.1' }] }),
    ]);
    expect(reported).toHaveLength(1);
    const data = reported[0]?.data ?? {};
    expect(data.line).toBe(1);
    expect(data.rate).toBe('2.1');
    expect(String(data.tax)).toBe('2.00');
    expect(String(data.expected)).toBe('0.21');
  });

  it('accepts the 39,99 € TTC bill: 33,33 € HT and 6,66 € TVA', () => {
    expect(runRule(rule, [doc({ net: '33.33', tax: '6.66', total: '39.99' })])).toEqual([]);
    expect(runRule(rule, [doc({ tax: '6.66', total: '39.99' })], { options: { tolerance: '0.00' } })).toEqual([]);
  });

  it('flags a tax no French rate explains, with the evidence', () => {
    // 19,6 % was the French standard rate until 2013: 100,00 € HT, 19,60 € TVA.
    const reported = runRule(rule, [doc({ net: '100.00', tax: '19.60', total: '119.60' })]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('unexplained');
    expect(String(reported[0]?.data.tax)).toBe('19.60');
    expect(reported[0]?.data.rates).toEqual(FRENCH_RATES);
    expect(runRule(rule, [doc({ net: '33.33', tax: '6.00', total: '39.33' })])).toHaveLength(1);
  });

  it("takes the jurisdiction's rates from the options", () => {
    const norwegian = doc({ currency: 'NOK', net: '1000', tax: '250', total: '1250' });
    expect(runRule(rule, [norwegian], { options: { currencies: ['NOK'] } })).toHaveLength(1);
    expect(runRule(rule, [norwegian], { options: { currencies: ['NOK'], rates: ['25', '15', '12', '0'] } })).toEqual(
      [],
    );
  });

  it('checks only EUR bills by default: other currencies come from other tax systems', () => {
    // From fixtures/text: a Polish faktura at 23 %, Indian GST at 18 %, a US invoice with sales tax.
    const others = [
      doc({ id: 'F 5521K24/0387/14', currency: 'PLN', net: '279.58', tax: '64.30', total: '343.88' }),
      doc({ id: 'SNPL/24-25/0142', currency: 'INR', net: '22500.00', tax: '4050.00', total: '26550.00' }),
      doc({ id: '4721938', currency: 'USD', net: '269.50', tax: '23.24', total: '292.74' }),
    ];
    expect(runRule(rule, others)).toEqual([]);
    // Listed, a currency is checked against the configured rates.
    expect(runRule(rule, others, { options: { currencies: ['PLN'] } }).map((r) => r.documentId)).toEqual([
      'F 5521K24/0387/14',
    ]);
    expect(runRule(rule, others, { options: { currencies: ['pln'], rates: ['23', '8', '5', '0'] } })).toEqual([]);
  });

  it('needs the rates of another euro country set, since EUR bills are checked at French rates by default', () => {
    const german = doc({ id: 'RE-2024-03117', net: '84.03', tax: '15.97', total: '100.00' }); // 19 % MwSt
    const dutch = doc({ id: '2024-000153', net: '41.32', tax: '8.68', total: '50.00' }); // 21 % btw
    expect(runRule(rule, [german, dutch]).map((r) => r.documentId)).toEqual(['RE-2024-03117', '2024-000153']);
    expect(runRule(rule, [german], { options: { rates: ['19', '7', '0'] } })).toEqual([]);
    expect(runRule(rule, [dutch], { options: { rates: ['21', '9', '0'] } })).toEqual([]);
  });

  describe('with the country of the bill', () => {
    // From fixtures/text: Netzwelt's Rechnung (19 % MwSt), Odido's factuur (21 % btw), P4's faktura
    // (23 % VAT, in PLN) and Airtel's bill (CGST 9 % + SGST 9 % of 999,84, each rounded: 89,99 + 89,99).
    const german = { id: 'RE-2024-03117', net: '84.03', tax: '15.97', total: '100.00' };
    const dutch = { id: '901234567', net: '37.19', tax: '7.81', total: '45.00' };
    const polish = { id: 'F/10428731/02/24', currency: 'PLN', net: '1089.42', tax: '250.57', total: '1339.99' };
    const indian = { id: 'BM2413I004512387', currency: 'INR', net: '999.84', tax: '179.98', total: '1179.82' };

    it('accepts a German 19 % bill from Germany, which the French rates flag when the country is unknown', () => {
      expect(runRule(rule, [from('DE', german)])).toEqual([]);
      const unknown = runRule(rule, [doc(german)]);
      expect(unknown.map((r) => r.messageId)).toEqual(['unexplained']);
      expect(unknown[0]?.data.rates).toEqual(FRENCH_RATES);
      expect(unknown[0]?.data.source).toBe(FROM_OPTION);
    });

    it('accepts a Dutch 21 % bill from the Netherlands, and a country code in lower case', () => {
      expect(runRule(rule, [from('NL', dutch), from('nl', dutch)])).toEqual([]);
    });

    it('checks a Polish bill in PLN at the Polish rates, though PLN is not among the currencies', () => {
      expect(runRule(rule, [from('PL', polish)])).toEqual([]);
      // At 22 %, a rate Poland no longer has: 1 089,42 × 22 % = 239,67.
      const reported = runRule(rule, [from('PL', { ...polish, tax: '239.67', total: '1329.09' })]);
      expect(reported.map((r) => r.messageId)).toEqual(['unexplained']);
      expect(reported[0]?.data.rates).toEqual(['23', '8', '5', '0']);
      expect(reported[0]?.data.source).toBe('rates of Poland, PL');
      // Unknown country: a PLN bill is not checked at all, as before.
      expect(runRule(rule, [doc(polish)])).toEqual([]);
    });

    it('accepts an Indian GST bill at 18 % from India, CGST and SGST rounded each', () => {
      expect(runRule(rule, [from('IN', indian)])).toEqual([]);
      expect(
        runRule(rule, [from('IN', { ...indian, tax: '170.00', total: '1169.84' })]).map((r) => r.data.source),
      ).toEqual(['rates of India, IN']);
    });

    it('names the country whose rates a German bill at a French rate misses', () => {
      const reported = runRule(rule, [from('DE', { net: '100.00', tax: '20.00', total: '120.00' })]);
      expect(reported.map((r) => r.messageId)).toEqual(['unexplained']);
      expect(reported[0]?.data.rates).toEqual(['19', '7', '0']);
      expect(reported[0]?.data.source).toBe('rates of Germany, DE');
    });

    it("uses the country's rates for lines that declare none", () => {
      const lines: LineInput[] = [{ description: 'Glasfaser 250', net: '70.59', tax: '13.41' }];
      expect(runRule(rule, [from('DE', { lines })])).toEqual([]);
      const reported = runRule(rule, [doc({ lines })]);
      expect(reported.map((r) => [r.messageId, r.data.source])).toEqual([['lineUnexplained', FROM_OPTION]]);
    });

    it('falls back to the "rates" option, and its currencies, for a country the table lacks', () => {
      const american = { currency: 'USD', net: '269.50', tax: '23.24', total: '292.74' };
      expect(runRule(rule, [from('US', american)])).toEqual([]);
      expect(
        runRule(rule, [from('US', american)], { options: { currencies: ['USD'] } }).map((r) => r.data.source),
      ).toEqual([FROM_OPTION]);
      expect(
        runRule(rule, [from('NO', { net: '1000', tax: '250', total: '1250' })], {
          options: { rates: ['25', '15', '12', '0'] },
        }),
      ).toEqual([]);
    });

    it('applies the "rates" option to every document with useCountryRates false', () => {
      const options = { useCountryRates: false, rates: ['19', '7', '0'] };
      expect(runRule(rule, [from('DE', german), doc(german)], { options })).toEqual([]);
      const dutchFlagged = runRule(rule, [from('NL', dutch)], { options });
      expect(dutchFlagged.map((r) => r.data.source)).toEqual([FROM_OPTION]);
      // Nor does a known country lift the currency filter any more.
      expect(runRule(rule, [from('PL', polish)], { options: { useCountryRates: false } })).toEqual([]);
    });

    it('keeps the "rates" option for documents of unknown country when the country rates are on', () => {
      expect(runRule(rule, [doc(german)], { options: { rates: ['19', '7', '0'] } })).toEqual([]);
      expect(
        runRule(rule, [from('FR', german)], { options: { rates: ['19', '7', '0'] } }).map((r) => r.data.source),
      ).toEqual(['rates of France, FR']);
    });
  });

  it('refuses rates that are not percents and currencies that are not codes, naming the option', () => {
    expect(
      configRefusal(rule, {
        rates: ['19', '7', '0'],
        currencies: ['EUR', 'CHF'],
        tolerance: '0.02',
        roundingPerLine: '0',
        useCountryRates: false,
      }),
    ).toBeUndefined();
    expect(configRefusal(rule, { useCountryRates: 'no' })).toMatch(/useCountryRates.*expected a boolean/);
    // Before, "7%" was dropped without a word and every 7 % bill was reported.
    expect(configRefusal(rule, { rates: ['19', '7%'] })).toMatch(
      /rules\.vat-rate-mismatch\.options: "rates" lists "7%", which is not a rate in percent/,
    );
    expect(configRefusal(rule, { rates: ['19', '5,5'] })).toMatch(/"rates" lists "5,5"/);
    expect(configRefusal(rule, { rates: [] })).toMatch(/"rates" must list at least one rate/);
    expect(configRefusal(rule, { currencies: ['euro'] })).toMatch(
      /rules\.vat-rate-mismatch\.options: "currencies" lists "euro"/,
    );
    expect(configRefusal(rule, { tolerance: '-0.01' })).toMatch(/"tolerance" must be an amount of at least 0/);
    expect(configRefusal(rule, { roundingPerLine: '-1' })).toMatch(/"roundingPerLine" must be an amount of at least 0/);
  });

  it('checks a mixed-rate bill rate by rate when its lines declare their rates', () => {
    // A fibre bundle with press content at 2,1 %: 20 % of 30,00 + 2,1 % of 10,00 = 6,00 + 0,21.
    const lines: LineInput[] = [
      { description: 'Forfait Fibre', net: '30.00', taxRate: '20' },
      { description: 'Presse numérique', net: '10.00', taxRate: '2.1' },
    ];
    expect(runRule(rule, [doc({ net: '40.00', tax: '6.21', total: '46.21', lines })])).toEqual([]);
    const reported = runRule(rule, [doc({ net: '40.00', tax: '8.00', total: '48.00', lines })]);
    expect(reported.map((r) => r.messageId)).toEqual(['ratesMismatch']);
    expect(String(reported[0]?.data.expected)).toBe('6.21');
    expect(reported[0]?.data.rates).toEqual(['20', '2.1']);
  });

  it('tells a line taxed at 19,6 % once, not again as the document total of its lines (company export, INV-202410-L01)', () => {
    const lines: LineInput[] = [
      { description: 'Leased line 100 Mb/s', net: '2041.67', tax: '408.33', total: '2450.00', taxRate: '20' },
      { description: 'Static IP block /29', net: '25.00', tax: '4.90', total: '29.90', taxRate: '20' },
    ];
    const reported = runRule(rule, [doc({ net: '2066.67', tax: '413.23', total: '2479.90', lines })]);
    expect(reported.map((r) => r.messageId)).toEqual(['lineRateMismatch']);
    expect(reported[0]?.data.line).toBe(2);
    expect(String(reported[0]?.data.expected)).toBe('5.00');
  });

  it('accepts a box bill whose lines state no rate and whose tax mixes 20 % and 10 % (French TTC export)', () => {
    // Fibre 29,99 € TTC at 20 % (HT 24,99) and TV 10,00 € TTC at 10 % (HT 9,09): tax 5,00 + 0,91.
    const lines: LineInput[] = [
      { description: 'Abonnement Fibre', total: '29.99' },
      { description: 'Bouquet TV', total: '10.00' },
    ];
    expect(runRule(rule, [doc({ net: '34.08', tax: '5.91', total: '39.99', lines })])).toEqual([]);
  });

  it('still flags a several-line bill whose tax no mix of the rates gives', () => {
    const lines: LineInput[] = [
      { description: 'Abonnement Fibre', total: '29.99' },
      { description: 'Bouquet TV', total: '10.00' },
    ];
    const reported = runRule(rule, [doc({ net: '30.00', tax: '9.99', total: '39.99', lines })]);
    expect(reported.map((r) => r.messageId)).toEqual(['unexplainedMix']);
    expect(reported[0]?.data.lines).toBe(2);
  });

  it('does not flag a mixed-rate bill whose lines carry their own tax but no rate', () => {
    const lines: LineInput[] = [
      { description: 'Forfait Fibre', net: '30.00', tax: '6.00' },
      { description: 'Presse numérique', net: '10.00', tax: '0.21' },
    ];
    expect(runRule(rule, [doc({ net: '40.00', tax: '6.21', total: '46.21', lines })])).toEqual([]);
    const wrongLine = [{ description: 'Presse numérique', net: '10.00', tax: '1.50' }];
    expect(runRule(rule, [doc({ lines: wrongLine })]).map((r) => r.messageId)).toEqual(['lineUnexplained']);
  });

  it('skips the document when its lines declare several rates without every base', () => {
    const lines: LineInput[] = [{ net: '30.00', taxRate: '20' }, { taxRate: '2.1' }];
    expect(runRule(rule, [doc({ net: '40.00', tax: '6.21', total: '46.21', lines })])).toEqual([]);
  });

  it('needs a tax and a base', () => {
    expect(runRule(rule, [doc({ net: '33.33', total: '39.99' }), doc({ tax: '6.66' })])).toEqual([]);
  });

  it('compares magnitudes on credit notes', () => {
    expect(runRule(rule, [doc({ kind: 'credit-note', net: '-33.33', tax: '6.66', total: '39.99' })])).toEqual([]);
  });

  it('never flags a tax derived from a tax-inclusive price, at any French rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom(...FRENCH_RATES), (grossCents, percent) => {
        expect(runRule(rule, [doc(splitGross(grossCents, percent))])).toEqual([]);
        expect(runRule(rule, [doc(splitGross(grossCents, percent))], { options: { tolerance: '0.00' } })).toEqual([]);
      }),
    );
  });

  it('never flags a tax-inclusive bill whose HT was rounded line by line (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...FRENCH_RATES),
        (lineCents, percent) => {
          const lines = lineCents.map((cents) => {
            const { net, total } = splitGross(cents, percent);
            return { net, total };
          });
          const net = Money.sum(lines.map((line) => Money.parse(line.net)));
          const total = Money.sum(lines.map((line) => Money.parse(line.total)));
          const bill = doc({ net: net.toFixed(), tax: total.sub(net).toFixed(), total: total.toFixed(), lines });
          expect(runRule(rule, [bill])).toEqual([]);
        },
      ),
    );
  });

  it('never flags a mixed-rate bill computed per rate, priced with or without tax (property)', () => {
    const line = fc.record({
      cents: fc.integer({ min: 1, max: 20_000 }),
      percent: fc.constantFrom(...FRENCH_RATES),
      gross: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (specs) => {
        const lines: LineInput[] = specs.map(({ cents, percent, gross }) => {
          if (gross) return { ...splitGross(cents, percent), taxRate: percent };
          const net = Money.fromCents(cents);
          const tax = Money.parse(taxOnNet(cents, percent));
          return { net: net.toFixed(), tax: tax.toFixed(), total: net.add(tax).toFixed(), taxRate: percent };
        });
        const sum = (field: 'net' | 'tax' | 'total'): string =>
          Money.sum(lines.map((l) => Money.parse(l[field] ?? '0'))).toFixed();
        expect(runRule(rule, [doc({ net: sum('net'), tax: sum('tax'), total: sum('total'), lines })])).toEqual([]);
      }),
    );
  });
});

describe('vat-rate-mismatch on a bill read from text, without its lines', () => {
  it('accepts a mix of the rates (19 % and 7 %) but not a tax above every rate', () => {
    const textDoc = (tax: string, total: string) => ({ ...doc({ net: '239.82', tax, total }), linesUnread: true });
    // 99,91 € at 19 % (18,98 €) + 139,91 € at 7 % (9,79 €): 28,77 €, between 7 % and 19 % of 239,82 €.
    expect(runRule(rule, [textDoc('28.77', '268.59')], { options: { rates: ['19', '7', '0'] } })).toEqual([]);
    expect(
      runRule(rule, [textDoc('60.00', '299.82')], { options: { rates: ['19', '7', '0'] } }).map((r) => r.messageId),
    ).toEqual(['unexplainedAnyMix']);
  });

  it('allows the mix only when the reader says the lines were not read', () => {
    const csvDoc = doc({ net: '239.82', tax: '28.77', total: '268.59' });
    expect(runRule(rule, [csvDoc], { options: { rates: ['19', '7', '0'] } }).map((r) => r.messageId)).toEqual([
      'unexplained',
    ]);
  });
});

describe('vat-rate-mismatch integer fast path', () => {
  it('agrees with the Money arithmetic on every cents amount', () => {
    const rates = parseRates(['20', '10', '5.5', '2.1', '0', '19', '7', '8.1']);
    const cents = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 });
    fc.assert(
      fc.property(
        fc.option(cents, { nil: undefined }),
        cents,
        fc.option(cents, { nil: undefined }),
        fc.integer({ min: 0, max: 5 }),
        (net, tax, total, allowed) => {
          fc.pre(net !== undefined || total !== undefined);
          const amounts = {
            net: net === undefined ? undefined : Money.fromCents(net),
            total: total === undefined ? undefined : Money.fromCents(total),
          };
          const taxMoney = Money.fromCents(tax);
          const allowedMoney = Money.fromCents(allowed);
          const reference = rates.some((rate) => {
            const expected = [];
            if (amounts.net) expected.push(taxAtRate(amounts.net, rate, 2));
            if (amounts.total) expected.push(amounts.total.sub(netFromGross(amounts.total, rate, 2)));
            return expected.some((e) => withinTolerance(taxMoney, e, allowedMoney));
          });
          expect(explainsInCents(amounts, taxMoney, rates, allowedMoney)).toBe(reference);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves an e-invoice with a VAT breakdown to vat-breakdown-mismatch: a document allowance changes the base', () => {
    // Lines 1000 at 20 %, a 100 allowance at 20 %: the VAT is 180, not the 200 the lines give.
    const lines = [{ net: '1000.00', taxRate: '20', taxCategory: 'S' }];
    const vatBreakdown = [
      { category: 'S', rate: '20', taxableAmount: Money.parse('900.00'), taxAmount: Money.parse('180.00') },
    ];
    expect(
      runRule(rule, [doc({ net: '900.00', tax: '180.00', total: '1080.00', lines, extra: { vatBreakdown } })]),
    ).toEqual([]);
    expect(
      runRule(rule, [doc({ net: '900.00', tax: '180.00', total: '1080.00', lines })]).map((r) => r.messageId),
    ).toEqual(['ratesMismatch']);
  });

  it('judges a one-row bill by its line as the document alone would be judged (property)', () => {
    // A bill run's row: one line repeating the document's amounts, no rate declared. The rule
    // checks the line and skips the document's own check; the document without its line must get
    // the same verdict, any amounts, TTC or HT pricing, right or wrong.
    const cents = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(cents, cents, fc.option(cents, { nil: undefined }), (netCents, taxCents, totalCents) => {
        const amounts = {
          net: Money.fromCents(netCents).toFixed(),
          tax: Money.fromCents(taxCents).toFixed(),
          ...(totalCents === undefined ? {} : { total: Money.fromCents(totalCents).toFixed() }),
        };
        const withLine = runRule(rule, [doc({ ...amounts, lines: [{ ...amounts, description: 'Forfait' }] })]);
        const alone = runRule(rule, [doc(amounts)]);
        expect(withLine.length > 0).toBe(alone.length > 0);
      }),
      { numRuns: 400 },
    );
    // And near the rates, where the verdicts change: taxes one cent around 20 % of the net.
    for (const netCents of [999, 2_499, 3_333, 10_000]) {
      for (const delta of [-1, 0, 1, 2]) {
        const taxCents = Math.round(netCents * 0.2) + delta;
        const amounts = { net: Money.fromCents(netCents).toFixed(), tax: Money.fromCents(taxCents).toFixed() };
        const withLine = runRule(rule, [doc({ ...amounts, lines: [{ ...amounts }] })]);
        expect(withLine.length > 0, `${netCents} ${taxCents}`).toBe(runRule(rule, [doc(amounts)]).length > 0);
      }
    }
  });
});
