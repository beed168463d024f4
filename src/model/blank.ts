import type { BillingDocument } from './document.js';
import type { Money } from './money.js';

/**
 * A blank document: no lines and no amount at all, or only zero amounts.
 * The 0,01 € mise en demeure of the seed story was attached to such an invoice.
 */
export function isBlankDocument(doc: BillingDocument): boolean {
  const amounts: (Money | undefined)[] = [doc.net, doc.tax, doc.total, doc.amountDue];
  for (const line of doc.lines) amounts.push(line.net, line.tax, line.total, line.unitPrice);
  return amounts.every((amount) => amount === undefined || amount.isZero());
}
