/**
 * Reads an amount as people and exports write it: "1 234,56 €", "$1,234.56", "CHF 1'234.50",
 * "(12,00)", "12,00-". A hand-written scanner rather than a regex: this runs once per amount
 * cell of a million-row bill run, and a scanner both stays linear on hostile input and avoids
 * building intermediate strings.
 */
import { MAX_AMOUNT_DIGITS, Money } from '../../model/money.js';

/** How the amount was written (feeds the model's AmountStyle). */
export interface AmountNotation {
  /** undefined when the amount had no decimals. */
  decimalSeparator?: ',' | '.';
  /** ' ' stands for space, NBSP U+00A0, narrow NBSP U+202F, thin space. */
  groupSeparator?: '' | ' ' | '.' | ',' | "'";
  /** As written: '€', 'EUR', '$', 'USD', '£', 'CHF', 'zł', '₹', 'Rs.' … */
  currencySymbol?: string;
  symbolBefore?: boolean;
}

export type AmountParse =
  | { ok: true; money: Money; currency?: string; notation: AmountNotation }
  | { ok: false; reason: string; ambiguous?: true };

/** Enough for MAX_AMOUNT_DIGITS digits with grouping, a sign and a currency; checked before any scanning. */
const MAX_AMOUNT_TEXT_LENGTH = 4 * MAX_AMOUNT_DIGITS;

// Separator kinds, as char codes after folding look-alikes together.
const DOT = 0x2e;
const COMMA = 0x2c;
const SPACE = 0x20;
const APOSTROPHE = 0x27;

/** Currency words, upper-cased, to ISO 4217. "FR" and "RS" may carry their abbreviation dot. */
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['EUR', 'EUR'],
  ['EURO', 'EUR'],
  ['EUROS', 'EUR'],
  ['USD', 'USD'],
  ['GBP', 'GBP'],
  ['CHF', 'CHF'],
  ['FR', 'CHF'],
  ['SFR', 'CHF'],
  ['PLN', 'PLN'],
  ['ZŁ', 'PLN'],
  ['INR', 'INR'],
  ['RS', 'INR'],
  ['JPY', 'JPY'],
]);
const ABBREVIATED_WORDS: ReadonlySet<string> = new Set(['FR', 'SFR', 'RS']);

const CURRENCY_SIGNS: ReadonlyMap<number, string> = new Map([
  [0x20ac, 'EUR'], // €
  [0x24, 'USD'], // $
  [0xa3, 'GBP'], // £
  [0x20b9, 'INR'], // ₹
  [0xa5, 'JPY'], // ¥
]);

const LETTER = /\p{L}/u;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isSpaceLike(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x202f ||
    code === 0x2009 ||
    code === 0x2007 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d
  );
}

/** A separator that may sit between digits, folded to its kind; 0 when the char is none. */
function separatorKind(code: number): number {
  if (code === DOT || code === COMMA) return code;
  if (code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x2007) return SPACE;
  if (code === APOSTROPHE || code === 0x2019) return APOSTROPHE;
  return 0;
}

function isMinus(code: number): boolean {
  return code === 0x2d || code === 0x2212;
}

function isWordChar(code: number, char: string): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x80 && LETTER.test(char));
}

interface CurrencyMatch {
  readonly code: string;
  readonly written: string;
}

/** The currency sign or word starting at `start`, or undefined. */
function currencyAt(raw: string, start: number, end: number): CurrencyMatch | undefined {
  const code = raw.charCodeAt(start);
  const sign = CURRENCY_SIGNS.get(code);
  if (sign !== undefined) return { code: sign, written: raw[start] ?? '' };
  let stop = start;
  while (stop < end && isWordChar(raw.charCodeAt(stop), raw[stop] ?? '')) stop++;
  if (stop === start || stop - start > 5) return undefined;
  const word = raw.slice(start, stop).toUpperCase();
  if (word === 'US' && raw.charCodeAt(stop) === 0x24) return { code: 'USD', written: raw.slice(start, stop + 1) };
  const iso = CURRENCY_WORDS.get(word);
  if (iso === undefined) return undefined;
  const withDot = ABBREVIATED_WORDS.has(word) && stop < end && raw.charCodeAt(stop) === DOT;
  return { code: iso, written: raw.slice(start, withDot ? stop + 1 : stop) };
}

function refusal(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function unexpected(raw: string, at: number): { ok: false; reason: string } {
  const char = String.fromCodePoint(raw.codePointAt(at) ?? 0);
  if (LETTER.test(char)) return refusal('letters in the amount');
  return refusal(`unexpected character "${char}" in the amount`);
}

/** The written amount, taken apart; separators not yet given a meaning. */
interface Scan {
  readonly negative: boolean;
  /** Digit runs as [start, end) pairs, in order. */
  readonly runs: number[];
  /** Separator kinds between consecutive runs (runs.length / 2 - 1 of them). */
  readonly separators: number[];
  /** DOT or COMMA when the number began with it (",50"); 0 otherwise. */
  readonly leadingSeparator: number;
  readonly currency: CurrencyMatch | undefined;
  readonly symbolBefore: boolean;
}

/** What the separators mean. `ambiguous` is set for "1.234": a decimal or a group separator. */
interface Reading {
  readonly integerDigits: string;
  readonly fractionDigits: string;
  readonly decimalSeparator: number;
  readonly groupSeparator: number;
  readonly ambiguous: boolean;
}

type Failure = { ok: false; reason: string };

function scan(raw: string): Scan | Failure {
  if (raw.length > MAX_AMOUNT_TEXT_LENGTH) return refusal('too long to be an amount');
  let start = 0;
  let end = raw.length;
  while (start < end && isSpaceLike(raw.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(raw.charCodeAt(end - 1))) end--;
  if (start === end) return refusal('empty');

  let signs = 0;
  let negative = false;
  if (raw.charCodeAt(start) === 0x28) {
    if (raw.charCodeAt(end - 1) !== 0x29) return refusal('unbalanced parenthesis');
    signs = 1;
    negative = true;
    start++;
    end--;
  } else if (raw.charCodeAt(end - 1) === 0x29) {
    return refusal('unbalanced parenthesis');
  }

  let currency: CurrencyMatch | undefined;
  let symbolBefore = false;
  let i = start;
  for (;;) {
    if (i >= end) return refusal('no digits');
    const code = raw.charCodeAt(i);
    if (isDigit(code) || code === DOT || code === COMMA) break;
    if (isSpaceLike(code)) {
      i++;
    } else if (isMinus(code) || code === 0x2b) {
      if (++signs > 1) return refusal('more than one sign');
      negative = code !== 0x2b;
      i++;
    } else {
      const found = currencyAt(raw, i, end);
      if (found === undefined) return unexpected(raw, i);
      if (currency !== undefined) return refusal('two currencies');
      currency = found;
      symbolBefore = true;
      i += found.written.length;
    }
  }

  let leadingSeparator = 0;
  const first = raw.charCodeAt(i);
  if (first === DOT || first === COMMA) {
    if (!isDigit(raw.charCodeAt(i + 1))) return refusal('no digits');
    leadingSeparator = first;
    i++;
  }
  const runs: number[] = [];
  const separators: number[] = [];
  for (;;) {
    const runStart = i;
    while (i < end && isDigit(raw.charCodeAt(i))) i++;
    runs.push(runStart, i);
    if (i >= end) break;
    const kind = separatorKind(raw.charCodeAt(i));
    if (kind === 0 || !isDigit(raw.charCodeAt(i + 1))) {
      // A dot or comma that no digit follows ("12,-", "12.–"): a Swiss or German round amount
      // or a cut value, never a sign.
      if (kind === DOT || kind === COMMA) return refusal('ends with a separator');
      break;
    }
    separators.push(kind);
    i++;
  }

  const next = raw.charCodeAt(i);
  if ((next === 0x65 || next === 0x45) && i + 1 < end) {
    const after = raw.charCodeAt(i + 1);
    if (isDigit(after) || ((after === 0x2b || isMinus(after)) && isDigit(raw.charCodeAt(i + 2)))) {
      return refusal('exponent notation');
    }
  }

  while (i < end) {
    const code = raw.charCodeAt(i);
    if (isSpaceLike(code)) {
      i++;
    } else if (isMinus(code)) {
      if (++signs > 1) return refusal('more than one sign');
      negative = true;
      i++;
    } else if (isDigit(code) || code === DOT || code === COMMA) {
      return refusal('more than one number');
    } else {
      const found = currencyAt(raw, i, end);
      if (found === undefined) return unexpected(raw, i);
      if (currency !== undefined) return refusal('two currencies');
      currency = found;
      symbolBefore = false;
      i += found.written.length;
    }
  }
  return { negative, runs, separators, leadingSeparator, currency, symbolBefore };
}

/** Western grouping (1 234 567) or, with commas, Indian grouping (12,34,567). */
function isGrouped(runs: readonly number[], count: number, separator: number, raw: string): boolean {
  const head = (runs[1] ?? 0) - (runs[0] ?? 0);
  if (head < 1 || head > 3 || raw.charCodeAt(runs[0] ?? 0) === 0x30) return false;
  let western = true;
  for (let k = 1; k < count; k++) {
    if ((runs[2 * k + 1] ?? 0) - (runs[2 * k] ?? 0) !== 3) western = false;
  }
  if (western) return true;
  if (separator !== COMMA || count < 3 || head > 2) return false;
  for (let k = 1; k < count - 1; k++) {
    if ((runs[2 * k + 1] ?? 0) - (runs[2 * k] ?? 0) !== 2) return false;
  }
  return (runs[2 * count - 1] ?? 0) - (runs[2 * count - 2] ?? 0) === 3;
}

function digitsOf(raw: string, runs: readonly number[], from: number, to: number): string {
  if (to - from === 1) return raw.slice(runs[2 * from], runs[2 * from + 1]);
  let digits = '';
  for (let k = from; k < to; k++) digits += raw.slice(runs[2 * k], runs[2 * k + 1]);
  return digits;
}

function plain(
  integerDigits: string,
  fractionDigits: string,
  decimalSeparator: number,
  groupSeparator: number,
): Reading {
  return { integerDigits, fractionDigits, decimalSeparator, groupSeparator, ambiguous: false };
}

function read(raw: string, scanned: Scan): Reading | Failure {
  const { runs, separators, leadingSeparator } = scanned;
  const runCount = runs.length / 2;
  let digitCount = 0;
  for (let k = 0; k < runCount; k++) digitCount += (runs[2 * k + 1] ?? 0) - (runs[2 * k] ?? 0);
  if (digitCount > MAX_AMOUNT_DIGITS) return refusal(`more than ${MAX_AMOUNT_DIGITS} digits`);

  if (leadingSeparator !== 0) {
    if (separators.length > 0) return refusal('misplaced separators');
    return plain('0', digitsOf(raw, runs, 0, 1), leadingSeparator, 0);
  }
  if (separators.length === 0) {
    return plain(digitsOf(raw, runs, 0, 1), '', 0, 0);
  }

  const last = separators[separators.length - 1] ?? 0;
  const isDecimalCandidate = last === DOT || last === COMMA;
  const group = separators.length > 1 ? (separators[0] ?? 0) : 0;
  let sameAsLast = true;
  let lastRepeated = false;
  let mixedGroups = false;
  for (let k = 0; k < separators.length - 1; k++) {
    const separator = separators[k] ?? 0;
    if (separator === last) lastRepeated = true;
    else sameAsLast = false;
    if (separator !== group) mixedGroups = true;
  }
  if (isDecimalCandidate && lastRepeated && !sameAsLast) return refusal('more than one decimal separator');
  if (mixedGroups) return refusal('mixed group separators');

  if (!isDecimalCandidate || (separators.length > 1 && sameAsLast)) {
    // Every separator groups digits: "1 234 567", "1.234.567".
    if (!sameAsLast) return refusal('bad digit grouping');
    if (!isGrouped(runs, runCount, last, raw)) {
      return refusal(isDecimalCandidate ? 'more than one decimal separator' : 'bad digit grouping');
    }
    return plain(digitsOf(raw, runs, 0, runCount), '', 0, last);
  }

  if (separators.length > 1) {
    if (group === last) return refusal('more than one decimal separator');
    if (!isGrouped(runs, runCount - 1, group, raw)) return refusal('bad digit grouping');
  }
  const fractionDigits = digitsOf(raw, runs, runCount - 1, runCount);
  const integerDigits = digitsOf(raw, runs, 0, runCount - 1);
  // "1.234" and "1,234" read as well grouped thousands as decimals; "0,123" and "1234,567" do not.
  const ambiguous =
    separators.length === 1 &&
    fractionDigits.length === 3 &&
    integerDigits.length <= 3 &&
    integerDigits.charCodeAt(0) !== 0x30;
  return { integerDigits, fractionDigits, decimalSeparator: last, groupSeparator: group, ambiguous };
}

function separatorText(kind: number): '' | ' ' | '.' | ',' | "'" {
  switch (kind) {
    case DOT:
      return '.';
    case COMMA:
      return ',';
    case SPACE:
      return ' ';
    case APOSTROPHE:
      return "'";
    default:
      return '';
  }
}

/**
 * One written amount as exact Money. `decimalSeparator` is what the column or file is known to
 * use; it only settles "1.234" / "1,234", which are refused as ambiguous without it. An amount
 * that proves its own separator ("1.234,56") is read as written whatever the hint says.
 */
export function parseAmount(raw: string, decimalSeparator?: ',' | '.'): AmountParse {
  const scanned = scan(raw);
  if ('ok' in scanned) return scanned;
  const reading = read(raw, scanned);
  if ('ok' in reading) return reading;

  let { integerDigits, fractionDigits, decimalSeparator: decimal, groupSeparator: group } = reading;
  if (reading.ambiguous) {
    if (decimalSeparator === undefined) {
      return { ok: false, reason: 'ambiguous separator: thousands or decimals', ambiguous: true };
    }
    if (decimalSeparator.charCodeAt(0) !== decimal) {
      group = decimal;
      decimal = 0;
      integerDigits += fractionDigits;
      fractionDigits = '';
    }
  }

  const notation: AmountNotation = { groupSeparator: separatorText(group) };
  if (decimal !== 0) notation.decimalSeparator = decimal === DOT ? '.' : ',';
  const money = Money.fromParts(scanned.negative, integerDigits, fractionDigits);
  if (scanned.currency === undefined) return { ok: true, money, notation };
  notation.currencySymbol = scanned.currency.written;
  notation.symbolBefore = scanned.symbolBefore;
  return { ok: true, money, currency: scanned.currency.code, notation };
}

/**
 * Which decimal separator a written amount proves, if any: "12,50" → ',', "1,234.56" → '.',
 * "1.234.567" → ',' (dots group, so decimals must be commas), "1.234" and "1234" → undefined.
 */
export function decimalSeparatorEvidence(raw: string): ',' | '.' | undefined {
  const scanned = scan(raw);
  if ('ok' in scanned) return undefined;
  const reading = read(raw, scanned);
  if ('ok' in reading || reading.ambiguous) return undefined;
  if (reading.decimalSeparator === DOT) return '.';
  if (reading.decimalSeparator === COMMA) return ',';
  if (reading.groupSeparator === DOT) return ',';
  if (reading.groupSeparator === COMMA) return '.';
  return undefined;
}

/**
 * The fast path for the commonest cell of a bill run, "39,99", "-12.5" or "1234": an optional
 * minus, up to 13 digits, and optionally one "," or "." followed by one or two digits — which can
 * only be a decimal separator (grouping takes three digits). Anything else (grouping, currency,
 * spaces, more decimals) returns undefined for parseAmount to read. A property test holds it
 * equal to parseAmount.
 */
export function parsePlainAmount(cell: string): Money | undefined {
  const length = cell.length;
  let at = 0;
  let negative = false;
  if (length > 0 && cell.charCodeAt(0) === 45) {
    negative = true;
    at = 1;
  }
  let units = 0;
  let digits = 0;
  for (; at < length; at++) {
    const digit = cell.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    units = units * 10 + digit;
    digits++;
  }
  if (digits === 0 || digits > 13) return undefined;
  let cents = units * 100;
  if (at < length) {
    const separator = cell.charCodeAt(at);
    if (separator !== 44 && separator !== 46) return undefined;
    const decimals = length - at - 1;
    if (decimals < 1 || decimals > 2) return undefined;
    const first = cell.charCodeAt(at + 1) - 48;
    const second = decimals === 2 ? cell.charCodeAt(at + 2) - 48 : 0;
    if (first < 0 || first > 9 || second < 0 || second > 9) return undefined;
    cents += first * 10 + second;
  }
  return Money.fromCents(negative ? -cents : cents);
}
