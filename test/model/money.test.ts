import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, Money } from '../../src/model/money.js';

/**
 * Money keeps most amounts as integer hundredths and only falls back to decimal.js for the rest;
 * every operation must give exactly what decimal.js gives on the same values.
 */

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Values around every boundary of the fast path: small, near the safe-integer limit in cents, far beyond, sub-cent. */
const units = fc.oneof(
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.bigInt({ min: SAFE - 1000n, max: SAFE + 1000n }),
  fc.bigInt({ min: -SAFE - 1000n, max: -SAFE + 1000n }),
  fc.bigInt({ min: -(10n ** 36n), max: 10n ** 36n }),
);
const decimals = fc
  .tuple(units, fc.constantFrom(0, 1, 2, 2, 2, 3, 4))
  .map(([value, scale]) => new Decimal(value.toString()).dividedBy(new Decimal(10).pow(scale)));

/** A Money built from the written parts, the way the parsers build it. */
function moneyOf(value: Decimal): Money {
  const [intPart = '0', fraction = ''] = value.abs().toFixed().split('.');
  return Money.fromParts(value.isNegative(), intPart, fraction);
}

function same(money: Money, value: Decimal): boolean {
  return money.toDecimal().equals(value);
}

describe('Money agrees with decimal.js', () => {
  it('fromParts and parse keep the exact value', () => {
    fc.assert(
      fc.property(decimals, (value) => {
        expect(same(moneyOf(value), value)).toBe(true);
        expect(same(Money.parse(value.toFixed()), value)).toBe(true);
        expect(same(Money.fromDecimal(value), value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the fast path exactly when the value is a safe number of cents', () => {
    fc.assert(
      fc.property(decimals, (value) => {
        const hundredths = value.times(100);
        const fits = hundredths.isInteger() && hundredths.abs().lte(Number.MAX_SAFE_INTEGER);
        expect(moneyOf(value).isCents).toBe(fits);
        if (fits) expect(moneyOf(value).cents).toBe(hundredths.toNumber());
      }),
      { numRuns: 1000 },
    );
  });

  it('adds, subtracts, negates and takes absolute values exactly', () => {
    fc.assert(
      fc.property(decimals, decimals, (a, b) => {
        const [x, y] = [moneyOf(a), moneyOf(b)];
        expect(same(x.add(y), a.plus(b))).toBe(true);
        expect(same(x.sub(y), a.minus(b))).toBe(true);
        expect(same(x.neg(), a.neg())).toBe(true);
        expect(same(x.abs(), a.abs())).toBe(true);
        expect(same(Money.sum([x, y, x]), a.plus(b).plus(a))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('compares exactly', () => {
    fc.assert(
      fc.property(decimals, decimals, (a, b) => {
        const [x, y] = [moneyOf(a), moneyOf(b)];
        const expected = a.comparedTo(b);
        expect(x.compare(y)).toBe(expected);
        expect(x.eq(y)).toBe(expected === 0);
        expect(x.lt(y)).toBe(expected < 0);
        expect(x.gt(y)).toBe(expected > 0);
        expect(x.compare(x)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('compares values one cent apart at the edge of the safe range', () => {
    const top = Money.fromCents(Number.MAX_SAFE_INTEGER);
    const below = Money.fromCents(Number.MAX_SAFE_INTEGER - 1);
    const beyond = top.add(Money.fromCents(1));
    expect(beyond.isCents).toBe(false);
    expect(below.compare(top)).toBe(-1);
    expect(beyond.compare(top)).toBe(1);
    expect(top.neg().compare(beyond.neg())).toBe(1);
    expect(beyond.toFixed()).toBe('90071992547409.92');
  });

  it('writes the same decimal text as decimal.js', () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 5 }), (value, minDecimals) => {
        const expected = value.toFixed(Math.max(minDecimals, value.decimalPlaces()));
        expect(moneyOf(value).toFixed(minDecimals)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports sign, zero and decimal places like decimal.js', () => {
    fc.assert(
      fc.property(decimals, (value) => {
        const money = moneyOf(value);
        expect(money.isZero()).toBe(value.isZero());
        expect(money.isNegative()).toBe(value.isNegative() && !value.isZero());
        expect(money.decimalPlaces()).toBe(value.decimalPlaces());
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplies by exact factors', () => {
    fc.assert(
      fc.property(decimals, fc.constantFrom('0.2', '1.2', '0.055', '3104', '-1'), (value, factor) => {
        expect(same(moneyOf(value).times(factor), value.times(factor))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Money edge cases', () => {
  it('has a single zero, whatever sign or padding it was written with', () => {
    for (const zero of [
      Money.fromParts(true, '0', '00'),
      Money.parse('-0.000'),
      Money.fromCents(-0),
      Money.ZERO.neg(),
    ]) {
      expect(zero.isZero()).toBe(true);
      expect(zero.isNegative()).toBe(false);
      expect(zero.toFixed()).toBe('0.00');
      expect(Object.is(zero.cents, 0)).toBe(true);
    }
  });

  it('ignores leading zeros and trailing fraction zeros', () => {
    expect(Money.fromParts(false, '000123', '4500').toFixed()).toBe('123.45');
    expect(Money.fromParts(false, '', '5').toFixed()).toBe('0.50');
    expect(Money.fromParts(false, '0', '0010').toFixed()).toBe('0.001');
  });

  it('refuses more digits than it can hold exactly instead of rounding them away', () => {
    expect(() => Money.parse(`1.${'0'.repeat(100_000)}1`)).toThrow(RangeError);
    expect(Money.parse(`1.${'0'.repeat(100_000)}`).toFixed()).toBe('1.00');
    expect(Money.parse(`0.${'0'.repeat(90)}1`).toFixed()).toBe(`0.${'0'.repeat(90)}1`);
  });

  it('refuses what is not a canonical decimal or a safe number of cents', () => {
    expect(() => Money.parse('1,5')).toThrow(SyntaxError);
    expect(() => Money.parse('1e5')).toThrow(SyntaxError);
    expect(() => Money.fromCents(0.5)).toThrow(RangeError);
    expect(() => Money.fromDecimal(new Decimal(Infinity))).toThrow(RangeError);
  });
});
