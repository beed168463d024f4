import type { BillingDocument } from './document.js';
import type { Money } from './money.js';

const absentOrZero = (amount: Money | undefined): boolean => amount === undefined || amount.isZero();

/**
 * A blank document: no lines and no amount at all, or only zero amounts.
 * The 0,01 € mise en demeure of the seed story was attached to such an invoice.
 * (Asked of every document of a bill run: plain checks, no array of amounts.)
 */
export function isBlankDocument(doc: BillingDocument): boolean {
  if (!absentOrZero(doc.net) || !absentOrZero(doc.tax) || !absentOrZero(doc.total) || !absentOrZero(doc.amountDue))
    return false;
  for (const line of doc.lines) {
    if (
      !absentOrZero(line.net) ||
      !absentOrZero(line.tax) ||
      !absentOrZero(line.total) ||
      !absentOrZero(line.unitPrice)
    )
      return false;
  }
  return true;
}
