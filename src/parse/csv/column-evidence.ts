/**
 * What a column's sampled values look like: how many of its filled cells read as dates, amounts,
 * document-kind words, currencies, rates, period ranges, phone numbers or bill statuses, and how
 * its values repeat (unique per row, or in runs of consecutive rows). Column roles are decided from
 * these profiles together with the header (see roles.ts); this module only measures.
 *
 * It runs once per file on a small sample (SAMPLE_FOR_ROLES rows), never on the hot path.
 */
import { parseAmount } from '../values/amounts.js';
import { parseDate } from '../values/dates.js';
import { documentKindFrom } from '../values/kinds.js';
import { statusFrom } from '../values/statuses.js';
import { parsePeriod } from './period.js';

/** Rows whose values decide the roles: enough to see a pattern, few enough to cost nothing. */
export const SAMPLE_FOR_ROLES = 200;

export interface ColumnProfile {
  /** Non-empty cells among the sampled rows. */
  readonly filled: number;
  readonly rows: number;
  readonly dates: number;
  readonly amounts: number;
  /** Amounts below zero. */
  readonly negatives: number;
  readonly kinds: number;
  readonly currencies: number;
  readonly periods: number;
  readonly phones: number;
  readonly statuses: number;
  /** Cells of one or two words (a label, not a text). */
  readonly shortCells: number;
  readonly distinct: number;
  /** Whether each value occurs on consecutive rows only (as a document's number does over its lines). */
  readonly repeatsInRuns: boolean;
  /** Raw values, trimmed, one per sampled row ('' when empty): for cross-column tests. */
  readonly values: readonly string[];
}

const CURRENCY_CELL = /^(?:[A-Z]{3}|€|\$|£|CHF|Fr\.)$/;
/**
 * A phone or line number: 9 to 15 digits, optionally a leading "+" and spaces, dots or dashes
 * between groups ("06 12 34 56 78", "+33 6 12 34 56 78", "0041 79 123 45 67", "(212) 555-0143").
 * No letters, no decimal part: an invoice number has letters or a fixed prefix, an amount decimals.
 */
const PHONE_SHAPE = /^\+?\(?\d{1,4}\)?(?:[ .-]?\(?\d{1,4}\)?){2,7}$/;

export function isPhoneNumber(cell: string): boolean {
  if (!PHONE_SHAPE.test(cell)) return false;
  const digits = cell.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  // National trunk prefix, or an international one: a plain 10-digit run without either is more
  // likely a customer number; those are accounts too, but not telling ones.
  return /^(?:\+|00|0[1-9])/.test(cell.replace(/^\(/, '0'));
}

function isCurrencyCell(cell: string): boolean {
  return CURRENCY_CELL.test(cell.toUpperCase()) || cell === '€' || cell === '$' || cell === '£';
}

/** Whether each distinct value occurs in one run of consecutive rows. */
function inRuns(values: readonly string[]): boolean {
  const ended = new Set<string>();
  let previous: string | undefined;
  for (const value of values) {
    if (value === '') continue;
    if (value !== previous) {
      if (ended.has(value)) return false;
      if (previous !== undefined) ended.add(previous);
      previous = value;
    }
  }
  return true;
}

/** The profile of column `column` over the sampled records. */
export function profileColumn(records: readonly (readonly string[])[], column: number): ColumnProfile {
  let filled = 0;
  let dates = 0;
  let amounts = 0;
  let negatives = 0;
  let kinds = 0;
  let currencies = 0;
  let periods = 0;
  let phones = 0;
  let statuses = 0;
  let shortCells = 0;
  const values: string[] = [];
  const distinct = new Set<string>();
  for (const record of records) {
    const cell = (record[column] ?? '').trim();
    values.push(cell);
    if (cell === '') continue;
    filled++;
    distinct.add(cell);
    if (cell.length > 120) continue;
    if (cell.split(/\s+/).length <= 2) shortCells++;
    if (parseDate(cell, 'dmy').ok || parseDate(cell, 'mdy').ok) dates++;
    else if (parsePeriod(cell, undefined).ok) periods++;
    const amount = /\d/.test(cell) && !isPhoneNumber(cell) ? parseAmount(cell, undefined) : undefined;
    if (amount !== undefined && (amount.ok || amount.ambiguous === true)) {
      amounts++;
      if (amount.ok && amount.money.isNegative()) negatives++;
    }
    if (isPhoneNumber(cell)) phones++;
    if (!/\d/.test(cell) && documentKindFrom(cell) !== undefined) kinds++;
    if (isCurrencyCell(cell)) currencies++;
    if (statusFrom(cell) !== undefined) statuses++;
  }
  return {
    filled,
    rows: records.length,
    dates,
    amounts,
    negatives,
    kinds,
    currencies,
    periods,
    phones,
    statuses,
    shortCells,
    distinct: distinct.size,
    repeatsInRuns: inRuns(values),
    values,
  };
}

/** Share of the filled cells that have a trait; 0 for an empty column. */
export function share(profile: ColumnProfile, count: number): number {
  return profile.filled === 0 ? 0 : count / profile.filled;
}
