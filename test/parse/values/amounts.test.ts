import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalSeparatorEvidence,
  parseAmount,
  parsePlainAmount,
  type AmountParse,
} from '../../../src/parse/values/amounts.js';
import { Decimal, MAX_AMOUNT_DIGITS } from '../../../src/model/money.js';

/** The parsed value as a canonical decimal string, or the refusal reason prefixed with "!". */
function valueOf(result: AmountParse): string {
  return result.ok ? result.money.toFixed(2) : `!${result.reason}`;
}

function read(raw: string, decimalSeparator?: ',' | '.'): string {
  return valueOf(parseAmount(raw, decimalSeparator));
}

describe('parseAmount: accepted forms', () => {
  it.each([
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1\u202f234,56', '1234.56'],
    ['1\u2009234,56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ["1'234.56", '1234.56'],
    ['1\u2019234.56', '1234.56'],
    ['1234.5', '1234.50'],
    ['1234', '1234.00'],
    ['39,99', '39.99'],
    ['0,01', '0.01'],
    ['149 000,00', '149000.00'],
    ['1.234.567,89', '1234567.89'],
    ['1,234,567', '1234567.00'],
    ['1 234 567', '1234567.00'],
    ['12,34,567.50', '1234567.50'],
    ['0,123', '0.123'],
    ['1234,567', '1234.567'],
    [',50', '0.50'],
    ['.5', '0.50'],
    ['007,50', '7.50'],
  ])('reads %j as %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });

  it.each([
    ['-12,00', '-12.00'],
    ['\u221212,00', '-12.00'],
    ['12,00-', '-12.00'],
    ['(12,00)', '-12.00'],
    ['( 1 234,56 € )', '-1234.56'],
    ['- 12,00 €', '-12.00'],
    ['-€12.00', '-12.00'],
    ['€-12.00', '-12.00'],
    ['12,00 € -', '-12.00'],
    ['+12,00', '12.00'],
    ['-0,00', '0.00'],
  ])('reads the negative form %j as %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });

  it.each([
    ['12,50 €', 'EUR', '€', false],
    ['12,50€', 'EUR', '€', false],
    ['€12.50', 'EUR', '€', true],
    ['EUR 12,50', 'EUR', 'EUR', true],
    ['12,50 eur', 'EUR', 'eur', false],
    ['12,50 euros', 'EUR', 'euros', false],
    ['$12.50', 'USD', '$', true],
    ['12.50 USD', 'USD', 'USD', false],
    ['US$12.50', 'USD', 'US$', true],
    ['£12.50', 'GBP', '£', true],
    ['12.50 GBP', 'GBP', 'GBP', false],
    ['CHF 12.50', 'CHF', 'CHF', true],
    ['Fr. 12.50', 'CHF', 'Fr.', true],
    ['12,50 zł', 'PLN', 'zł', false],
    ['12,50 PLN', 'PLN', 'PLN', false],
    ['₹12.50', 'INR', '₹', true],
    ['Rs.12.50', 'INR', 'Rs.', true],
    ['Rs. 12.50', 'INR', 'Rs.', true],
    ['12.50 INR', 'INR', 'INR', false],
  ])('reads the currency of %j', (raw, currency, symbol, before) => {
    const result = parseAmount(raw);
    expect(result).toMatchObject({ ok: true, currency, notation: { currencySymbol: symbol, symbolBefore: before } });
    expect(valueOf(result)).toBe('12.50');
  });

  it('leaves the currency out when none is written', () => {
    const result = parseAmount('12,50');
    expect(result.ok && result.currency).toBe(undefined);
    expect(result.ok && result.notation.currencySymbol).toBe(undefined);
  });

  it('reports how the amount was written', () => {
    expect(parseAmount('149 000,00 €')).toMatchObject({
      ok: true,
      notation: { decimalSeparator: ',', groupSeparator: ' ' },
    });
    expect(parseAmount('1\u202f234,56')).toMatchObject({ notation: { groupSeparator: ' ' } });
    expect(parseAmount('$149,000.00')).toMatchObject({ notation: { decimalSeparator: '.', groupSeparator: ',' } });
    expect(parseAmount("1'234.50")).toMatchObject({ notation: { groupSeparator: "'" } });
    expect(parseAmount('1\u2019234.50')).toMatchObject({ notation: { groupSeparator: "'" } });
    expect(parseAmount('1.234,56')).toMatchObject({ notation: { decimalSeparator: ',', groupSeparator: '.' } });
    const integer = parseAmount('1234');
    expect(integer).toMatchObject({ ok: true, notation: { groupSeparator: '' } });
    expect(integer.ok && integer.notation.decimalSeparator).toBe(undefined);
  });

  it('keeps sub-cent digits and long amounts exact', () => {
    expect(read('0,001')).toBe('0.001');
    expect(read('12 345 678 901 234 567 890,123')).toBe('12345678901234567890.123');
    expect(read('9'.repeat(MAX_AMOUNT_DIGITS))).toBe(`${'9'.repeat(MAX_AMOUNT_DIGITS)}.00`);
  });
});

describe('parseAmount: "1.234" and "1,234"', () => {
  it('refuses them as ambiguous without a known decimal separator', () => {
    for (const raw of ['1.234', '1,234', '-999,000', '€1.234']) {
      expect(parseAmount(raw)).toMatchObject({ ok: false, ambiguous: true });
    }
  });

  it('reads them with the column’s decimal separator', () => {
    expect(read('1.234', ',')).toBe('1234.00');
    expect(read('1.234', '.')).toBe('1.234');
    expect(read('1,234', ',')).toBe('1.234');
    expect(read('1,234', '.')).toBe('1234.00');
    expect(parseAmount('1.234', ',')).toMatchObject({ notation: { groupSeparator: '.' } });
  });

  it('lets an amount that proves its separator win over the hint', () => {
    expect(read('1.234,56', '.')).toBe('1234.56');
    expect(read('12,50', '.')).toBe('12.50');
  });
});

describe('parseAmount: refusals', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00a0', 'empty'],
    ['abc', 'letters in the amount'],
    ['12,50 francs', 'letters in the amount'],
    ['NaN', 'letters in the amount'],
    ['Infinity', 'letters in the amount'],
    ['-Infinity', 'letters in the amount'],
    ['1e5', 'exponent notation'],
    ['1.5E-3', 'exponent notation'],
    ['12,34.56,7', 'more than one decimal separator'],
    ['1.2.3', 'more than one decimal separator'],
    ['1,2,3', 'more than one decimal separator'],
    ['1 23,45', 'bad digit grouping'],
    ['12,3456.00', 'bad digit grouping'],
    ['1 2345', 'bad digit grouping'],
    ['0.123.456', 'more than one decimal separator'],
    ['1 234.567,89', 'mixed group separators'],
    ['12,', 'ends with a separator'],
    ['12,-', 'ends with a separator'],
    ['12.–', 'ends with a separator'],
    ['--12', 'more than one sign'],
    ['(-12,00)', 'more than one sign'],
    ['-12,00-', 'more than one sign'],
    ['(12,00', 'unbalanced parenthesis'],
    ['12,00)', 'unbalanced parenthesis'],
    ['€12 EUR', 'two currencies'],
    ['12-15', 'more than one number'],
    ['12€50', 'more than one number'],
    ['€', 'no digits'],
    ['-', 'no digits'],
    ['20 %', 'unexpected character "%" in the amount'],
    ['10/03/2024', 'unexpected character "/" in the amount'],
    ['1'.repeat(MAX_AMOUNT_DIGITS + 1), `more than ${MAX_AMOUNT_DIGITS} digits`],
  ])('refuses %j: %s', (raw, reason) => {
    expect(parseAmount(raw)).toEqual({ ok: false, reason });
  });

  it('refuses a megabyte string by its length, before reading its digits', () => {
    const huge = '1'.repeat(1_000_000);
    // The reason names the length, not the digit count: the guard comes first.
    expect(parseAmount(huge)).toEqual({ ok: false, reason: 'too long to be an amount' });
    expect(parseAmount(`${'1 '.repeat(500_000)},50`)).toEqual({ ok: false, reason: 'too long to be an amount' });
    expect(decimalSeparatorEvidence(huge)).toBe(undefined);
  });
});

describe('decimalSeparatorEvidence', () => {
  it.each([
    ['12,50', ','],
    ['1.234,56', ','],
    ['1,234.56', '.'],
    ['12.5', '.'],
    ['0,123', ','],
    ['1.234.567', ','],
    ['1,234,567', '.'],
    ['€ 39,99', ','],
    ['1.234', undefined],
    ['1,234', undefined],
    ['1234', undefined],
    ['1 234', undefined],
    ['abc', undefined],
    ['1.2.3', undefined],
  ])('%j proves %s', (raw, expected) => {
    expect(decimalSeparatorEvidence(raw)).toBe(expected);
  });
});

/** Writes a canonical decimal string the way one locale would, with one of the negative forms. */
interface Notation {
  readonly decimal: ',' | '.';
  readonly group: string;
  readonly currency: readonly [before: string, after: string];
}

const NOTATIONS: readonly Notation[] = [
  { decimal: ',', group: ' ', currency: ['', ''] },
  { decimal: ',', group: '\u00a0', currency: ['', ' €'] },
  { decimal: ',', group: '\u202f', currency: ['', '€'] },
  { decimal: ',', group: '.', currency: ['', ' EUR'] },
  { decimal: ',', group: '', currency: ['EUR ', ''] },
  { decimal: '.', group: ',', currency: ['$', ''] },
  { decimal: '.', group: ',', currency: ['', ' USD'] },
  { decimal: '.', group: '', currency: ['£', ''] },
  { decimal: '.', group: "'", currency: ['CHF ', ''] },
  { decimal: '.', group: '\u2019', currency: ['Fr. ', ''] },
  { decimal: ',', group: ' ', currency: ['', ' zł'] },
  { decimal: '.', group: ',', currency: ['₹', ''] },
  { decimal: '.', group: ',', currency: ['Rs. ', ''] },
];

const NEGATIVE_FORMS: readonly ((amount: string, before: string, after: string) => string)[] = [
  (amount, before, after) => `-${before}${amount}${after}`,
  (amount, before, after) => `\u2212${before}${amount}${after}`,
  (amount, before, after) => `${before}-${amount}${after}`,
  (amount, before, after) => `${before}${amount}${after}-`,
  (amount, before, after) => `(${before}${amount}${after})`,
  (amount, before, after) => `- ${before}${amount}${after}`,
];

function group(digits: string, separator: string): string {
  if (separator === '') return digits;
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}

function written(value: Decimal, notation: Notation, negativeForm: number): string {
  const [intPart = '0', fraction] = value.abs().toFixed().split('.');
  const amount = `${group(intPart, notation.group)}${fraction === undefined ? '' : notation.decimal + fraction}`;
  const [before, after] = notation.currency;
  const form = NEGATIVE_FORMS[negativeForm];
  return value.isNegative() && form ? form(amount, before, after) : `${before}${amount}${after}`;
}

describe('parseAmount properties', () => {
  const amounts = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 4 }))
    .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)));

  it('reads back every amount written in every supported notation', () => {
    fc.assert(
      fc.property(
        amounts,
        fc.constantFrom(...NOTATIONS),
        fc.integer({ min: 0, max: NEGATIVE_FORMS.length - 1 }),
        (value, notation, negativeForm) => {
          const text = written(value, notation, negativeForm);
          const result = parseAmount(text, notation.decimal);
          expect(result.ok, text).toBe(true);
          if (result.ok) expect(result.money.toDecimal().equals(value), text).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever the string', () => {
    const amountish = fc.stringMatching(/^[-−+( ]{0,2}[€$£]?[0-9 .,'’\u00a0\u202f]{0,12}[€-]?\)?$/);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), amountish),
        fc.constantFrom(undefined, ',' as const, '.' as const),
        (raw, hint) => {
          const result = parseAmount(raw, hint);
          expect(typeof result.ok).toBe('boolean');
          decimalSeparatorEvidence(raw);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never reads a value that decimalSeparatorEvidence contradicts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9][0-9 .,]{0,10}[0-9]$/), (raw) => {
        const evidence = decimalSeparatorEvidence(raw);
        const result = parseAmount(raw);
        if (evidence !== undefined && result.ok && result.notation.decimalSeparator !== undefined) {
          expect(result.notation.decimalSeparator).toBe(evidence);
        }
      }),
    );
  });
});

describe('parsePlainAmount (the fast path)', () => {
  it('reads plain cells and leaves everything else to parseAmount', () => {
    expect(parsePlainAmount('39,99')?.toFixed()).toBe('39.99');
    expect(parsePlainAmount('-12.5')?.toFixed()).toBe('-12.50');
    expect(parsePlainAmount('149000')?.toFixed()).toBe('149000.00');
    for (const cell of [
      '1 234,56',
      '1.234',
      '1,234',
      '12,345',
      '€12',
      '12,',
      ',5',
      '+12',
      '−12',
      '12-',
      '(12)',
      '',
      '-',
      '1e5',
      '12345678901234',
    ]) {
      expect(parsePlainAmount(cell), cell).toBeUndefined();
    }
  });

  it('agrees with parseAmount on every cell it reads', () => {
    const cell = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,14}$/),
        fc.constantFrom('', ',', '.'),
        fc.stringMatching(/^\d{0,3}$/),
      )
      .map(
        ([negative, units, separator, decimals]) =>
          `${negative ? '-' : ''}${units}${separator}${separator ? decimals : ''}`,
      );
    fc.assert(
      fc.property(cell, fc.constantFrom(undefined, ',' as const, '.' as const), (text, known) => {
        const fast = parsePlainAmount(text);
        if (fast === undefined) return;
        const reference = parseAmount(text, known);
        expect(reference.ok).toBe(true);
        if (reference.ok) expect(fast.toDecimal().eq(reference.money.toDecimal())).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
