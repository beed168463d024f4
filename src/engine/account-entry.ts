import { isBlankDocument } from '../model/blank.js';
import { dayNumberOrUndefined } from '../model/dates.js';
import type { BillingDocument } from '../model/document.js';
import type { Money } from '../model/money.js';
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
    contentHash: contentHash(doc, issueDay, dueDay, periodStartDay, periodEndDay),
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

/**
 * A 32-bit FNV-1a hash over what makes two documents "the same bill" (not where they were found):
 * the pre-filter; the content bytes (content-bytes.ts) decide.
 * It mixes numbers and characters directly: building a string per document cost a tenth of a
 * million-row run.
 */
function contentHash(doc: BillingDocument, ...days: (number | undefined)[]): number {
  let hash = FNV_OFFSET;
  hash = mixText(hash, doc.kind);
  for (const day of days) hash = mixDay(hash, day);
  hash = mixText(hash, doc.currency);
  hash = mixMoney(hash, doc.net);
  hash = mixMoney(hash, doc.tax);
  hash = mixMoney(hash, doc.total);
  hash = mixMoney(hash, doc.amountDue);
  for (const line of doc.lines) {
    hash = mixText(hash, line.description);
    hash = mixMoney(hash, line.net);
    hash = mixMoney(hash, line.tax);
    hash = mixMoney(hash, line.total);
  }
  return hash >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Marks an absent field, so that (absent, "0") and ("0", absent) hash differently. */
const ABSENT = 0x1f;

function mixCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function mixDay(hash: number, day: number | undefined): number {
  return day === undefined ? mixCode(hash, ABSENT) : mixCode(mixCode(hash, day), 2);
}

function mixText(hash: number, text: string | undefined): number {
  if (text === undefined) return mixCode(hash, ABSENT);
  let mixed = hash;
  for (let i = 0; i < text.length; i++) mixed = mixCode(mixed, text.charCodeAt(i));
  return mixCode(mixed, 0);
}

function mixMoney(hash: number, amount: Money | undefined): number {
  if (amount === undefined) return mixCode(hash, ABSENT);
  if (!amount.isCents) return mixText(hash, amount.toFixed());
  // Cents fit in 53 bits: mix the low and high 26-bit halves.
  const cents = amount.cents;
  const low = cents % 0x4000000;
  const high = (cents - low) / 0x4000000;
  return mixCode(mixCode(mixCode(hash, low), high), 1);
}
