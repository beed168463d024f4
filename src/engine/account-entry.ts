import { isBlankDocument } from '../model/blank.js';
import { dayNumberOrUndefined } from '../model/dates.js';
import type { BillingDocument } from '../model/document.js';
import type { AccountEntry } from './rule.js';

const NO_REFERENCES: readonly string[] = Object.freeze([]);

/** The compact record account rules keep for a document (see AccountEntry). */
export function toAccountEntry(doc: BillingDocument): AccountEntry {
  return {
    kind: doc.kind,
    id: doc.id,
    account: doc.account,
    currency: doc.currency,
    issueDay: dayNumberOrUndefined(doc.issueDate),
    dueDay: dayNumberOrUndefined(doc.dueDate),
    periodStartDay: dayNumberOrUndefined(doc.periodStart),
    periodEndDay: dayNumberOrUndefined(doc.periodEnd),
    effectiveDay: dayNumberOrUndefined(doc.effectiveDate),
    total: doc.total,
    amountDue: doc.amountDue,
    blank: isBlankDocument(doc),
    contentKey: contentKey(doc),
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

/** Date order; entries without any date keep their input order after those of the same file. */
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

/** 32-bit FNV-1a over what makes two documents "the same bill" (not where they were found). */
function contentKey(doc: BillingDocument): number {
  const parts: string[] = [
    doc.kind,
    doc.issueDate ?? '',
    doc.dueDate ?? '',
    doc.periodStart ?? '',
    doc.periodEnd ?? '',
    doc.currency,
    doc.net?.toFixed() ?? '',
    doc.tax?.toFixed() ?? '',
    doc.total?.toFixed() ?? '',
    doc.amountDue?.toFixed() ?? '',
  ];
  for (const line of doc.lines) {
    parts.push(line.description ?? '', line.net?.toFixed() ?? '', line.tax?.toFixed() ?? '', line.total?.toFixed() ?? '');
  }
  return fnv1a(parts.join('\u0000'));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
