import { Decimal as DecimalJs } from 'decimal.js';

/**
 * decimal.js rounds arithmetic results to 20 significant digits by default, which would
 * silently change a long amount. Money uses a copy configured wide enough for every amount
 * the parsers accept (they refuse more than MAX_AMOUNT_DIGITS digits).
 */
export const Decimal = DecimalJs.clone({ precision: 120, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = DecimalJs;

/** Amounts with more significant digits than this are reported as unreadable, not computed on. */
export const MAX_AMOUNT_DIGITS = 40;

/** What Money itself holds exactly (sums of parsed amounts stay far below the 120-digit precision). */
const MAX_EXACT_DIGITS = 100;

/**
 * An exact amount of money.
 *
 * decimal.js is the arithmetic of record. Most amounts on a bill have at most two decimals
 * and fit in a safe integer once counted in hundredths, so a Money keeps that integer
 * (`cents`) and computes with it directly: a million-row bill run cannot afford a Decimal
 * per amount (about 250 bytes and 60 ns per comparison). Anything else (sub-cent digits,
 * 400-digit amounts) keeps its exact decimal text and goes through decimal.js. Property tests
 * hold every fast path equal to decimal.js.
 */
export class Money {
  /** Value × 100 when that is a safe integer; NaN otherwise (then `exactText` holds the value). */
  readonly cents: number;
  private readonly exactText: string | undefined;

  private constructor(cents: number, exactText: string | undefined) {
    this.cents = cents;
    this.exactText = exactText;
  }

  static readonly ZERO = new Money(0, undefined);

  static fromCents(cents: number): Money {
    if (!Number.isSafeInteger(cents)) throw new RangeError(`not a safe integer number of cents: ${cents}`);
    return new Money(cents === 0 ? 0 : cents, undefined);
  }

  /**
   * From the parts of a written amount, without going through decimal.js:
   * the sign, the integer digits and the fraction digits (ASCII digits only).
   */
  static fromParts(negative: boolean, integerDigits: string, fractionDigits: string): Money {
    const intPart = integerDigits.replace(/^0+(?=\d)/, '') || '0';
    // A loop, not /0+$/: that regex is quadratic on a long run of zeros followed by another digit.
    let fractionEnd = fractionDigits.length;
    while (fractionEnd > 0 && fractionDigits.charCodeAt(fractionEnd - 1) === 0x30) fractionEnd--;
    const fraction = fractionDigits.slice(0, fractionEnd);
    if (fraction.length <= 2 && intPart.length <= 13) {
      // At most 13 + 2 ASCII digits: an integer below 2^53, which Number converts exactly.
      const cents = Number(intPart) * 100 + Number(fraction.padEnd(2, '0'));
      return Money.fromCents(negative ? -cents : cents);
    }
    if (intPart.length + fraction.length > MAX_EXACT_DIGITS) {
      // Past the configured precision decimal.js would round silently; refuse instead.
      throw new RangeError(`an amount may have at most ${MAX_EXACT_DIGITS} digits`);
    }
    const text = `${negative ? '-' : ''}${intPart}${fraction ? `.${fraction}` : ''}`;
    return Money.fromDecimal(new Decimal(text));
  }

  /** From a canonical decimal string such as "-12.5" or "149000.00" (no grouping, dot decimal). */
  static parse(text: string): Money {
    const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
    if (!match) throw new SyntaxError(`not a decimal amount: ${text}`);
    return Money.fromParts(match[1] === '-', match[2] ?? '0', match[3] ?? '');
  }

  static fromDecimal(value: Decimal): Money {
    if (!value.isFinite()) throw new RangeError('an amount must be finite');
    const hundredths = value.times(100);
    if (hundredths.isInteger() && hundredths.abs().lte(Number.MAX_SAFE_INTEGER)) {
      return Money.fromCents(hundredths.toNumber());
    }
    return new Money(Number.NaN, value.toFixed());
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = Money.ZERO;
    for (const amount of amounts) total = total.add(amount);
    return total;
  }

  /** True when the value is held as an integer number of hundredths (the fast path). */
  get isCents(): boolean {
    return !Number.isNaN(this.cents);
  }

  toDecimal(): Decimal {
    return this.exactText === undefined ? new Decimal(this.cents).dividedBy(100) : new Decimal(this.exactText);
  }

  add(other: Money): Money {
    if (this.isCents && other.isCents) {
      const cents = this.cents + other.cents;
      if (Number.isSafeInteger(cents)) return Money.fromCents(cents);
    }
    return Money.fromDecimal(this.toDecimal().plus(other.toDecimal()));
  }

  sub(other: Money): Money {
    return this.add(other.neg());
  }

  neg(): Money {
    return this.exactText === undefined ? Money.fromCents(-this.cents) : Money.fromDecimal(this.toDecimal().neg());
  }

  abs(): Money {
    return this.isNegative() ? this.neg() : this;
  }

  /** -1, 0 or 1. */
  compare(other: Money): number {
    if (this.isCents && other.isCents) return Math.sign(this.cents - other.cents);
    return this.toDecimal().comparedTo(other.toDecimal());
  }

  eq(other: Money): boolean {
    return this.compare(other) === 0;
  }

  lt(other: Money): boolean {
    return this.compare(other) < 0;
  }

  gt(other: Money): boolean {
    return this.compare(other) > 0;
  }

  isZero(): boolean {
    return this.exactText === undefined ? this.cents === 0 : this.toDecimal().isZero();
  }

  isNegative(): boolean {
    return this.exactText === undefined ? this.cents < 0 : this.exactText.startsWith('-');
  }

  /** Digits after the decimal point, trailing zeros ignored. */
  decimalPlaces(): number {
    if (this.exactText === undefined) return this.cents % 100 === 0 ? 0 : this.cents % 10 === 0 ? 1 : 2;
    return this.toDecimal().decimalPlaces();
  }

  /** The value multiplied by an exact factor (a VAT rate, a threshold ratio). */
  times(factor: DecimalJs.Value): Money {
    if (this.exactText === undefined && typeof factor === 'number' && Number.isInteger(factor)) {
      const cents = this.cents * factor;
      if (Number.isSafeInteger(cents)) return Money.fromCents(cents);
    }
    return Money.fromDecimal(this.toDecimal().times(factor));
  }

  /** The exact decimal string with at least `minDecimals` decimals: "149000.00", "0.001". */
  toFixed(minDecimals = 2): string {
    if (this.exactText === undefined) {
      const sign = this.cents < 0 ? '-' : '';
      const digits = String(Math.abs(this.cents)).padStart(3, '0');
      const intPart = digits.slice(0, -2);
      const fraction = digits.slice(-2);
      if (minDecimals >= 2) return `${sign}${intPart}.${fraction.padEnd(minDecimals, '0')}`;
      const trimmed = fraction.replace(/0+$/, '').padEnd(minDecimals, '0');
      return `${sign}${intPart}${trimmed ? `.${trimmed}` : ''}`;
    }
    const value = this.toDecimal();
    return value.toFixed(Math.max(minDecimals, value.decimalPlaces()));
  }

  toString(): string {
    return this.toFixed(2);
  }

  toJSON(): string {
    return this.toFixed(2);
  }
}
