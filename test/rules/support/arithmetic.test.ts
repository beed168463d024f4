import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, Money } from '../../../src/model/money.js';
import type { TaxRate } from '../../../src/rules/support/arithmetic.js';
import {
  currencyDecimals,
  lineRoundingAllowance,
  netFromGross,
  parseRate,
  parseRates,
  roundHalfUp,
  taxAtRate,
  withinTolerance,
} from '../../../src/rules/support/arithmetic.js';

const rate = (text: string): TaxRate => {
  const parsed = parseRate(text);
  if (parsed === undefined) throw new Error(`bad rate ${text}`);
  return parsed;
};

const FRENCH_RATES = ['20', '10', '5.5', '2.1', '0'];

/** The reference computations, in decimal.js only. */
const decimalTax = (amount: Money, percent: string): string =>
  amount.toDecimal().times(percent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const decimalNet = (gross: Money, percent: string): string =>
  gross
    .toDecimal()
    .dividedBy(new Decimal(percent).dividedBy(100).plus(1))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);

describe('currencyDecimals', () => {
  it('knows the currencies without cents or with thousandths, and defaults to 2', () => {
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('xpf')).toBe(0);
    expect(currencyDecimals('KWD')).toBe(3);
    expect(currencyDecimals('ZZZ')).toBe(2);
  });
});

describe('parseRate', () => {
  it('reads percents as exact fractions', () => {
    expect(parseRate('5.5')).toEqual({ text: '5.5', numerator: 55, denominator: 10 });
    expect(parseRate('20')).toEqual({ text: '20', numerator: 20, denominator: 1 });
    expect(parseRate(' 2.10 ')).toEqual({ text: '2.10', numerator: 210, denominator: 100 });
  });

  it('refuses what is not a canonical percent, and parseRates skips it', () => {
    for (const bad of ['5,5', '-1', 'abc', '1000', '', '20 %', '1.23456']) expect(parseRate(bad)).toBeUndefined();
    expect(parseRates(['20', 'vingt', '5.5']).map((r) => r.text)).toEqual(['20', '5.5']);
  });
});

describe('taxAtRate and netFromGross', () => {
  it('round half up, away from zero, as BR-CO-17 does', () => {
    expect(taxAtRate(Money.parse('33.33'), rate('20'), 2).toFixed()).toBe('6.67'); // 6.666
    expect(taxAtRate(Money.parse('0.25'), rate('10'), 2).toFixed()).toBe('0.03'); // 0.025, a tie
    expect(taxAtRate(Money.parse('-0.25'), rate('10'), 2).toFixed()).toBe('-0.03');
    // EN 16931 test set, test/Invoice-unit-UBL/BR-CO-17.xml, tests 5, 7 and 12.
    expect(taxAtRate(Money.parse('2141.19'), rate('2.1'), 2).toFixed()).toBe('44.96');
    expect(taxAtRate(Money.parse('-2141.19'), rate('5.5'), 2).toFixed()).toBe('-117.77');
    expect(taxAtRate(Money.parse('6491.34'), rate('25'), 2).toFixed()).toBe('1622.84');
  });

  it('derive the net of a tax-inclusive price: 39,99 € TTC is 33,33 € HT', () => {
    expect(netFromGross(Money.parse('39.99'), rate('20'), 2).toFixed()).toBe('33.33');
    expect(netFromGross(Money.parse('10.55'), rate('5.5'), 2).toFixed()).toBe('10.00');
    expect(netFromGross(Money.parse('1234'), rate('20'), 0).toFixed(0)).toBe('1028'); // JPY: 1028.33
  });

  it('round to the currency decimals, going through decimal.js off the cents fast path', () => {
    expect(roundHalfUp(Money.parse('0.125'), 2).toFixed()).toBe('0.13');
    expect(roundHalfUp(Money.parse('-0.125'), 2).toFixed()).toBe('-0.13');
    expect(roundHalfUp(Money.parse('12.345'), 3).toFixed(3)).toBe('12.345');
    expect(roundHalfUp(Money.parse('1234.50'), 0).toFixed(0)).toBe('1235');
    expect(roundHalfUp(Money.parse('39.99'), 2).toFixed()).toBe('39.99');
  });

  it('give on integer cents exactly what decimal.js gives (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...FRENCH_RATES, '25', '14', '19.6', '8.5', '0.9', '13.25'),
        (cents, percent) => {
          const amount = Money.fromCents(cents);
          expect(taxAtRate(amount, rate(percent), 2).toFixed()).toBe(decimalTax(amount, percent));
          expect(netFromGross(amount, rate(percent), 2).toFixed()).toBe(decimalNet(amount, percent));
        },
      ),
    );
  });

  it('give on sub-cent amounts what decimal.js gives (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.constantFrom(...FRENCH_RATES),
        (thousandths, percent) => {
          const amount = Money.fromDecimal(new Decimal(thousandths).dividedBy(1000));
          expect(taxAtRate(amount, rate(percent), 2).toFixed()).toBe(decimalTax(amount, percent));
          expect(netFromGross(amount, rate(percent), 2).toFixed()).toBe(decimalNet(amount, percent));
        },
      ),
    );
  });
});

describe('lineRoundingAllowance', () => {
  it('allows nothing for one line and one unit per further line', () => {
    const cent = Money.parse('0.01');
    expect(lineRoundingAllowance(cent, 0).toFixed()).toBe('0.00');
    expect(lineRoundingAllowance(cent, 1).toFixed()).toBe('0.00');
    expect(lineRoundingAllowance(cent, 3).toFixed()).toBe('0.02');
  });

  /** The bound the rules rely on: rounding line by line versus once on the sum, both ways a bill is priced. */
  it('covers every drift between rounding per line and rounding the sum (property)', () => {
    const cent = Money.parse('0.01');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50_000, max: 500_000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...FRENCH_RATES),
        (lineCents, percent) => {
          const lines = lineCents.map((cents) => Money.fromCents(cents));
          const sum = Money.sum(lines);
          const allowed = lineRoundingAllowance(cent, lines.length);
          // Priced without tax: VAT per line, or once on the sum.
          const taxPerLine = Money.sum(lines.map((net) => taxAtRate(net, rate(percent), 2)));
          expect(withinTolerance(taxPerLine, taxAtRate(sum, rate(percent), 2), allowed)).toBe(true);
          // Priced with tax: net per line, or once from the total.
          const netPerLine = Money.sum(lines.map((gross) => netFromGross(gross, rate(percent), 2)));
          expect(withinTolerance(netPerLine, netFromGross(sum, rate(percent), 2), allowed)).toBe(true);
        },
      ),
    );
  });

  it('is tight enough that two cents on a two-line bill are not a rounding', () => {
    // The largest per-line drift on two lines is one cent: 0.25 + 0.25 at 10 % gives 0.03 + 0.03 per line, 0.05 on the sum.
    const lines = [Money.parse('0.25'), Money.parse('0.25')];
    const perLine = Money.sum(lines.map((net) => taxAtRate(net, rate('10'), 2)));
    expect(perLine.sub(taxAtRate(Money.sum(lines), rate('10'), 2)).toFixed()).toBe('0.01');
    expect(
      withinTolerance(Money.parse('0.07'), Money.parse('0.05'), lineRoundingAllowance(Money.parse('0.01'), 2)),
    ).toBe(false);
  });
});

describe('withinTolerance', () => {
  it('with no tolerance, is exact equality as decimal.js says it, cents or sub-cent digits (property)', () => {
    // Amounts with 0 to 4 decimals: the one-line shortcut (equality) must agree with |a − b| ≤ 0.
    const amount = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([units, places]) => Money.parse(new Decimal(units).dividedBy(10 ** places).toFixed(places)));
    fc.assert(
      fc.property(amount, amount, fc.boolean(), (a, b, same) => {
        const right = same ? Money.parse(a.toFixed()) : b;
        const expected = a.toDecimal().minus(right.toDecimal()).abs().lte(0);
        expect(withinTolerance(a, right, Money.ZERO)).toBe(expected);
        expect(withinTolerance(a, right, Money.parse('0.00'))).toBe(expected);
      }),
    );
  });
});
