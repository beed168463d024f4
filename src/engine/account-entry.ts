import { isBlankDocument } from '../model/blank.js';
import { dunningFees } from '../model/fees.js';
import { dayNumberOrUndefined } from '../model/dates.js';
import type { BillingDocument } from '../model/document.js';
import { contentBytes } from './content-bytes.js';
import { type ContentLog, NO_CONTENT } from './content-log.js';
import type { AccountEntry } from './timeline.js';

const NO_REFERENCES: readonly string[] = Object.freeze([]);

/**
 * The compact record account rules keep for a document (see AccountEntry). A numbered invoice's
 * exact content goes to `content`, for duplicate-invoice to compare when two share a number.
 */
export function toAccountEntry(doc: BillingDocument, content: ContentLog): AccountEntry {
  const issueDay = dayNumberOrUndefined(doc.issueDate);
  const dueDay = dayNumberOrUndefined(doc.dueDate);
  const periodStartDay = dayNumberOrUndefined(doc.periodStart);
  const periodEndDay = dayNumberOrUndefined(doc.periodEnd);
  return {
    kind: doc.kind,
    id: doc.id,
    account: doc.account,
    currency: doc.currency,
    issueDay,
    dueDay,
    periodStartDay,
    periodEndDay,
    effectiveDay: dayNumberOrUndefined(doc.effectiveDate),
    total: doc.total,
    amountDue: doc.amountDue,
    blank: isBlankDocument(doc),
    paid: doc.status === 'paid',
    fees: dunningFees(doc),
    contentRef:
      doc.kind === 'invoice' && doc.id !== undefined
        ? content.append(contentBytes(doc, [issueDay, dueDay, periodStartDay, periodEndDay]))
        : NO_CONTENT,
    references: doc.references.length === 0 ? NO_REFERENCES : doc.references,
    file: doc.source.file,
    line: doc.source.line,
    amountStyle: doc.amountStyle,
  };
}

/** The day that places an entry in its account's timeline. */
export function timelineDay(entry: AccountEntry): number | undefined {
  return entry.issueDay ?? entry.effectiveDay ?? entry.periodStartDay;
}

/** Date order, then file and line; entries without any date come after all dated ones, in file and line order. */
export function compareEntries(a: AccountEntry, b: AccountEntry): number {
  const dayA = timelineDay(a);
  const dayB = timelineDay(b);
  if (dayA !== dayB) {
    if (dayA === undefined) return 1;
    if (dayB === undefined) return -1;
    return dayA - dayB;
  }
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
