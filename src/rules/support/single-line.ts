/**
 * A one-row CSV document gets one line holding the document's own amounts. Rules that look at
 * both the document and its lines would tell the same fact twice; this says when to tell it once.
 */
import type { BillingDocument } from '../../model/document.js';
import type { Money } from '../../model/money.js';

/** Absent equals only absent: an amount missing on one side is not zero. */
export function sameAmount(a: Money | undefined, b: Money | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.eq(b);
}

/** True when the document has one line whose net, tax and total are the document's own. */
export function lineRepeatsDocument(doc: BillingDocument): boolean {
  const line = doc.lines[0];
  return (
    doc.lines.length === 1 &&
    line !== undefined &&
    sameAmount(line.net, doc.net) &&
    sameAmount(line.tax, doc.tax) &&
    sameAmount(line.total, doc.total)
  );
}
