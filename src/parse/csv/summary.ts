/**
 * Summary rows that spreadsheets and customer areas append to an export ("Total;;;;1 234,56 €",
 * "Sous-total 2024"): they add up the documents above and are no document themselves.
 */
import { normalizeLabel } from '../values/normalize.js';

const SUMMARY_WORDS: ReadonlySet<string> = new Set([
  'total',
  'totaux',
  'sous total',
  'total general',
  'grand total',
  'subtotal',
  'sub total',
  'totals',
  'summe',
  'gesamt',
  'gesamtsumme',
  'totaal',
]);

/** The label of a summary row: a total word, optionally followed by a year, currency or amount kind. */
function isSummaryLabel(cell: string): boolean {
  if (cell.length > 60) return false;
  const words = normalizeLabel(cell).split(' ');
  for (let length = Math.min(words.length, 2); length >= 1; length--) {
    if (!SUMMARY_WORDS.has(words.slice(0, length).join(' '))) continue;
    return words
      .slice(length)
      .every((word) => /^(?:\d{4}|ttc|ht|tva|vat|incl|excl|general|periode|period)$/.test(word));
  }
  return false;
}

/**
 * A row whose first filled cell is a total label and that names no date or document type.
 * `dated`: whether the row carries any date; a dated row is a document whatever its first cell says.
 */
export function isSummaryRow(record: readonly string[], dated: boolean, kindGiven: boolean): boolean {
  if (dated || kindGiven) return false;
  const first = record.find((cell) => cell.trim() !== '');
  return first !== undefined && isSummaryLabel(first.trim());
}
