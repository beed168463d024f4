/**
 * Amounts inside a line of text, and the choice of the bill's net, tax, total and amount due
 * among the labelled ones. In a line, an amount must look like money: it has decimals or a
 * currency; a bare integer is a quantity, a year, a customer or phone number, never an amount.
 */
import type { AmountStyle } from '../../model/document.js';
import type { Money } from '../../model/money.js';
import { type AmountNotation, decimalSeparatorEvidence, parseAmount } from '../values/amounts.js';

export interface AmountToken {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly money: Money;
  readonly currency?: string;
  readonly notation: AmountNotation;
}

/** A span that cannot hold an amount (a date found first). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const CURRENCY_SIGNS = new Set(['€', '$', '£', '₹']);
const CURRENCY_WORDS = new Set(['eur', 'euro', 'euros', 'usd', 'gbp', 'chf', 'pln', 'zł', 'inr', 'rs']);

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isSpaceLike(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function isMinus(char: string | undefined): boolean {
  return char === '-' || char === '−';
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The letters of the word starting at `at`, lower case (at most 6 looked at). */
function wordAt(line: string, at: number): string {
  let end = at;
  while (end < line.length && end - at < 7 && /\p{L}/u.test(line[end] ?? '')) end++;
  return line.slice(at, end).toLowerCase();
}

/** Length of a currency sign or word at `at`, or 0. */
function currencyLengthAt(line: string, at: number): number {
  const char = line[at];
  if (char !== undefined && CURRENCY_SIGNS.has(char)) return 1;
  const word = wordAt(line, at);
  if (word.length > 0 && CURRENCY_WORDS.has(word) && !isWordChar(line[at + word.length])) return word.length;
  return 0;
}

/** End of the digits and separators of a number starting at `start`. */
function numberEnd(line: string, start: number): number {
  let i = start;
  while (i < line.length && isDigit(line.charCodeAt(i))) i++;
  for (;;) {
    const code = line.charCodeAt(i);
    if ((code === 0x2e || code === 0x2c || code === 0x27) && isDigit(line.charCodeAt(i + 1))) {
      i++;
      while (i < line.length && isDigit(line.charCodeAt(i))) i++;
      continue;
    }
    // A single space groups thousands only before exactly three digits: "1 234,56" but not "01 23 45".
    if (
      isSpaceLike(code) &&
      isDigit(line.charCodeAt(i + 1)) &&
      isDigit(line.charCodeAt(i + 2)) &&
      isDigit(line.charCodeAt(i + 3)) &&
      !isDigit(line.charCodeAt(i + 4))
    ) {
      i += 4;
      continue;
    }
    return i;
  }
}

function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start);
}

/** Start of a currency word ending at `end` ("EUR 12,00", "Rs. 1,234.00"), or undefined. */
function currencyWordStartBefore(line: string, end: number): number | undefined {
  // Only the rupee's abbreviation is written with a dot.
  const wordEnd = line[end - 1] === '.' ? end - 1 : end;
  let start = wordEnd;
  while (start > 0 && wordEnd - start < 5 && /\p{L}/u.test(line[start - 1] ?? '')) start--;
  const word = line.slice(start, wordEnd).toLowerCase();
  if (start === wordEnd || isWordChar(line[start - 1]) || !CURRENCY_WORDS.has(word)) return undefined;
  if (wordEnd !== end && word !== 'rs') return undefined;
  return start;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
}

/** Finds one candidate at a digit, with its sign and currency; undefined when it is no amount. */
function candidateAt(line: string, digitStart: number): { candidate?: Candidate; next: number } {
  const bodyEnd = numberEnd(line, digitStart);
  const after = line[bodyEnd];
  // "12h30", "5Go", "3x", "2024-03", "10/12": the number is part of something else.
  if (after !== undefined && /[\p{L}\p{N}_/]/u.test(after) && currencyLengthAt(line, bodyEnd) === 0)
    return { next: bodyEnd };
  if (after === '-' && isDigit(line.charCodeAt(bodyEnd + 1))) return { next: bodyEnd };
  let end = bodyEnd;
  let probe = end;
  if (isSpaceLike(line.charCodeAt(probe))) probe++;
  if (line[probe] === '%' || line[probe] === '‰') return { next: probe + 1 };
  const currencyAfter = currencyLengthAt(line, probe);
  if (currencyAfter > 0) {
    end = probe + currencyAfter;
  }
  // A price per unit ("0,35 €/min", "49,99 €/mois") is no amount of the bill.
  let rest = end;
  if (isSpaceLike(line.charCodeAt(rest))) rest++;
  if (line[rest] === '/') return { next: rest };
  if (isMinus(line[end]) && !isDigit(line.charCodeAt(end + 1)) && !isWordChar(line[end + 1])) end++;

  let start = digitStart;
  let back = start;
  if (isSpaceLike(line.charCodeAt(back - 1))) back--;
  if (back > 0 && CURRENCY_SIGNS.has(line[back - 1] ?? '')) start = back - 1;
  else start = currencyWordStartBefore(line, back) ?? start;
  if (isMinus(line[start - 1]) && !isWordChar(line[start - 2])) start--;
  return { candidate: { start, end }, next: end };
}

/**
 * The written amounts of one line, outside the spans given (dates). `decimalSeparator` is what
 * the document is known to use; "1.234" is skipped without it.
 */
export function scanAmounts(
  line: string,
  excluded: readonly Span[],
  decimalSeparator: ',' | '.' | undefined,
): AmountToken[] {
  const tokens: AmountToken[] = [];
  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (!isDigit(code)) {
      i++;
      continue;
    }
    const before = line[i - 1];
    // Inside a word, a reference or a longer number: "F2024", "FA-123", "N°12", "1.5.3".
    if (
      isWordChar(before) ||
      before === '/' ||
      (before === '.' && currencyWordStartBefore(line, i) === undefined) ||
      before === ',' ||
      before === '_' ||
      before === '°' ||
      before === '#' ||
      (isMinus(before) && isWordChar(line[i - 2]))
    ) {
      i = numberEnd(line, i);
      continue;
    }
    const { candidate, next } = candidateAt(line, i);
    i = Math.max(next, i + 1);
    if (candidate === undefined || insideAny(excluded, candidate.start, candidate.end)) continue;
    const raw = line.slice(candidate.start, candidate.end);
    const parsed = parseAmount(raw, decimalSeparator);
    if (!parsed.ok) continue;
    if (parsed.notation.decimalSeparator === undefined && parsed.currency === undefined) continue;
    tokens.push({
      start: candidate.start,
      end: candidate.end,
      raw,
      money: parsed.money,
      currency: parsed.currency,
      notation: parsed.notation,
    });
  }
  return tokens;
}

/** The decimal separator most written amounts of the text prove, so that "1.234" can be read. */
export function documentDecimalSeparator(
  lines: readonly { raw: string; excluded: readonly Span[] }[],
): ',' | '.' | undefined {
  let commas = 0;
  let dots = 0;
  for (const line of lines) {
    for (const token of scanAmounts(line.raw, line.excluded, undefined)) {
      const evidence = decimalSeparatorEvidence(token.raw);
      if (evidence === ',') commas++;
      else if (evidence === '.') dots++;
    }
  }
  if (commas === dots) return undefined;
  return commas > dots ? ',' : '.';
}

/** How the document wrote its amounts, from the amounts chosen and, for grouping, all amounts. */
export function amountStyleOf(
  chosen: readonly AmountToken[],
  all: readonly AmountToken[],
  decimal: ',' | '.' | undefined,
): AmountStyle | undefined {
  const first = chosen[0] ?? all[0];
  if (first === undefined) return undefined;
  const decimalSeparator =
    chosen.find((t) => t.notation.decimalSeparator)?.notation.decimalSeparator ??
    decimal ??
    first.notation.decimalSeparator ??
    '.';
  const grouped = all.find((t) => t.notation.groupSeparator !== undefined && t.notation.groupSeparator !== '');
  const groupSeparator = grouped?.notation.groupSeparator ?? (decimalSeparator === ',' ? ' ' : ',');
  const withSymbol =
    chosen.find((t) => t.notation.currencySymbol !== undefined) ??
    all.find((t) => t.notation.currencySymbol !== undefined);
  if (withSymbol?.notation.currencySymbol === undefined)
    return { decimalSeparator, groupSeparator, symbolBefore: false };
  return {
    decimalSeparator,
    groupSeparator,
    currencySymbol: withSymbol.notation.currencySymbol,
    symbolBefore: withSymbol.notation.symbolBefore ?? false,
  };
}
