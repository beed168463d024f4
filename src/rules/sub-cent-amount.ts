import { defineRule } from '../engine/rule.js';
import type { BillingDocument } from '../model/document.js';
import type { Money } from '../model/money.js';
import { currencyDecimals } from './support/arithmetic.js';
import { lineRepeatsDocument } from './support/single-line.js';

const DOCUMENT_FIELDS = ['net', 'tax', 'total', 'amountDue'] as const;
/** Unit prices are left out: a per-minute or per-megabyte price legitimately has more decimals. */
const LINE_FIELDS = ['net', 'tax', 'total'] as const;

/** Enough to show what is wrong without printing a thousand call records. */
const MAX_LISTED = 5;

/** Shared by every clean bill, so frozen: a caller that pushed to it would taint the next answer. */
const NONE: readonly string[] = Object.freeze([]);

/** Amounts held in whole cents have at most two decimals: the answer for almost every bill, without a closure or a string. */
function allInCents(doc: BillingDocument): boolean {
  // Each field by name, not in a loop over their names: a keyed load a field, a million bills (issue 19).
  if (doc.net?.isCents === false || doc.tax?.isCents === false) return false;
  if (doc.total?.isCents === false || doc.amountDue?.isCents === false) return false;
  for (const line of doc.lines) {
    if (line.net?.isCents === false || line.tax?.isCents === false || line.total?.isCents === false) return false;
  }
  return true;
}

/** "total 12.345", "item 3 net 0.0833": where each offending amount is, with its exact value. */
export function subCentAmounts(doc: BillingDocument, places: number): readonly string[] {
  if (places >= 2 && allInCents(doc)) return NONE;
  const found: string[] = [];
  const check = (where: string, amount: Money | undefined): void => {
    if (amount !== undefined && amount.decimalPlaces() > places) found.push(`${where} ${amount.toFixed(places)}`);
  };
  for (const field of DOCUMENT_FIELDS) check(field, doc[field]);
  // A one-row document's line repeats the document's own amounts: listing them twice adds nothing.
  if (lineRepeatsDocument(doc)) return found;
  doc.lines.forEach((line, index) => {
    for (const field of LINE_FIELDS) check(`item ${index + 1} ${field}`, line[field]);
  });
  return found;
}

/** An amount in fractions of a cent cannot be paid as written; it shows that rounding was skipped somewhere. */
export default defineRule({
  id: 'sub-cent-amount',
  scope: 'document',
  severity: 'warning',
  description: 'An amount has more decimals than its currency has (EUR: 2, JPY: 0, KWD: 3).',
  docs: {
    why: 'Nobody can pay 12,345 €. An amount with more decimals than the currency means that the billing system printed an unrounded intermediate value; the amount actually debited will be rounded somewhere, and the sums on the bill may no longer add up.',
    whatToDo:
      'Ask the operator for the rounded amount that will be debited, and check that the totals add up once rounded.',
    basis:
      'EN 16931 BR-DEC rules (at most two decimals for the document totals, the VAT breakdown and the line net amounts); the currency minor units of ISO 4217. Unit prices may have more decimals and are not checked.',
  },
  messages: {
    subCent: 'Amounts with more than the {{decimals}} decimals of {{currency}}: {{amounts}}.',
    subCentMany: 'Amounts with more than the {{decimals}} decimals of {{currency}}: {{amounts}} and {{more}} more.',
  },
  options: {},
  checkDocument(doc, ctx) {
    const decimals = currencyDecimals(doc.currency);
    const found = subCentAmounts(doc, decimals);
    if (found.length === 0) return;
    const data = { count: found.length, decimals, currency: doc.currency, amounts: found.slice(0, MAX_LISTED) };
    if (found.length <= MAX_LISTED) ctx.report({ messageId: 'subCent', data, document: doc });
    else ctx.report({ messageId: 'subCentMany', data: { ...data, more: found.length - MAX_LISTED }, document: doc });
  },
});
