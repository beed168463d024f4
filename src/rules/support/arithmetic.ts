/**
 * Rounding and VAT arithmetic shared by the rules that check a bill's sums: the currency's
 * number of decimals, half-up rounding (EN 16931 BR-CO-17 rounds "half up"), tax at a rate,
 * the net behind a tax-inclusive price, and the rounding a bill may accumulate line by line.
 *
 * Bills are checked by the million, so amounts held as integer cents are computed in integers;
 * anything else goes through decimal.js. A property test holds both paths equal.
 */
import { Decimal, Money } from '../../model/money.js';

/** ISO 4217 currencies whose minor unit is not the hundredth; every other code has 2 decimals. */
const CURRENCY_DECIMALS: ReadonlyMap<string, number> = new Map([
  ['BIF', 0],
  ['CLP', 0],
  ['DJF', 0],
  ['GNF', 0],
  ['ISK', 0],
  ['JPY', 0],
  ['KMF', 0],
  ['KRW', 0],
  ['PYG', 0],
  ['RWF', 0],
  ['UGX', 0],
  ['VND', 0],
  ['VUV', 0],
  ['XAF', 0],
  ['XOF', 0],
  ['XPF', 0],
  ['BHD', 3],
  ['IQD', 3],
  ['JOD', 3],
  ['KWD', 3],
  ['LYD', 3],
  ['OMR', 3],
  ['TND', 3],
]);

export function currencyDecimals(currency: string): number {
  // Asked for every amount of every document: the common answer skips the map and the case fold.
  if (currency === 'EUR') return 2;
  return CURRENCY_DECIMALS.get(currency.toUpperCase()) ?? 2;
}

/** A VAT rate in percent, kept as an exact fraction: "5.5" → 55 / 10. */
export interface TaxRate {
  /** As written in the options or on the line: "5.5". */
  readonly text: string;
  readonly numerator: number;
  readonly denominator: number;
}

const RATE_PATTERN = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** A percent such as "20", "5.5" or "2.10"; undefined for anything else (a rate is never above 999). */
export function parseRate(text: string): TaxRate | undefined {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const denominator = 10 ** fraction.length;
  return { text: text.trim(), numerator: Number(match[1]) * denominator + Number(fraction || '0'), denominator };
}

/** Parses a list of rates, skipping the ones that are not rates (the config refuses them; code calling a rule directly may not). */
export function parseRates(texts: readonly string[]): TaxRate[] {
  const rates: TaxRate[] = [];
  for (const text of texts) {
    const rate = parseRate(text);
    if (rate !== undefined) rates.push(rate);
  }
  return rates;
}

/** round(q / d) half away from zero, for integers with d > 0; undefined when it would leave safe integers. */
function divideRoundHalfUp(q: number, d: number): number | undefined {
  const doubled = 2 * Math.abs(q) + d;
  if (!Number.isSafeInteger(q) || !Number.isSafeInteger(doubled)) return undefined;
  const divisor = 2 * d;
  // `%` is exact on integers, so the floor is too (a float division could round up to the next integer).
  const quotient = (doubled - (doubled % divisor)) / divisor;
  return q < 0 ? -quotient : quotient;
}

/** `amount × numerator / denominator`, rounded half up to `places` decimals. */
function scaleAndRound(amount: Money, numerator: number, denominator: number, places: number): Money {
  if (places === 2 && amount.isCents) {
    const cents = divideRoundHalfUp(amount.cents * numerator, denominator);
    if (cents !== undefined) return Money.fromCents(cents);
  }
  const exact = amount.toDecimal().times(numerator).dividedBy(denominator);
  return Money.fromDecimal(exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
}

/** The amount rounded half up (away from zero on a tie) to `places` decimals. */
export function roundHalfUp(amount: Money, places: number): Money {
  if (amount.isCents && places >= 2) return amount;
  return scaleAndRound(amount, 1, 1, places);
}

/** The tax on a net amount at a rate, rounded half up: round(net × rate / 100). */
export function taxAtRate(net: Money, rate: TaxRate, places: number): Money {
  return scaleAndRound(net, rate.numerator, rate.denominator * 100, places);
}

/** taxAtRate in whole cents (2 decimals): what taxAtRate computes for a cents amount; undefined past safe integers. */
export function taxAtRateInCents(netCents: number, rate: TaxRate): number | undefined {
  return divideRoundHalfUp(netCents * rate.numerator, rate.denominator * 100);
}

/** netFromGross in whole cents (2 decimals), likewise. */
export function netFromGrossInCents(grossCents: number, rate: TaxRate): number | undefined {
  const hundredDenominators = rate.denominator * 100;
  return divideRoundHalfUp(grossCents * hundredDenominators, hundredDenominators + rate.numerator);
}

/** The net behind a tax-inclusive amount, rounded half up: round(gross / (1 + rate / 100)). */
export function netFromGross(gross: Money, rate: TaxRate, places: number): Money {
  const hundredDenominators = rate.denominator * 100;
  return scaleAndRound(gross, hundredDenominators, hundredDenominators + rate.numerator, places);
}

/**
 * How far a sum of individually rounded lines may legally drift from a document amount computed
 * once on their sum: each rounding is off by at most half a unit, so within one rate a group of
 * n ≥ 2 lines drifts by at most ⌊(n + 1) / 2⌋ units and a lone line by none; over all groups
 * that never exceeds n − 1 units. `perLine` is that unit (0.01 for the cent).
 */
export function lineRoundingAllowance(perLine: Money, lineCount: number): Money {
  return lineCount <= 1 ? Money.ZERO : perLine.times(lineCount - 1);
}

/** |a − b| ≤ allowed. */
export function withinTolerance(a: Money, b: Money, allowed: Money): boolean {
  // No tolerance (a one-line bill's): equality, without the difference's two amounts made.
  if (allowed.isZero()) return a.eq(b);
  return !a.sub(b).abs().gt(allowed);
}
