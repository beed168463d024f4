import { isBlankDocument } from '../model/blank.js';
import { dunningFees } from '../model/fees.js';
import { dayNumberOrUndefined } from '../model/dates.js';
import type { BillingDocument } from '../model/document.js';
import { type ContentLog, NO_CONTENT } from './content-log.js';
import type { AccountEntry } from './timeline.js';

const NO_REFERENCES: readonly string[] = Object.freeze([]);

/** Currencies of one country among those billcheck reads: they tell how a national phone number is meant. */
const CURRENCY_COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['GBP', 'GB'],
  ['CHF', 'CH'],
  ['USD', 'US'],
]);
/**
 * How an entry keeps a currency nothing in the input said (issue 13): a mark no ISO code has,
 * through the store and between threads, until withStatedCurrencies resolves it.
 */
const GUESSED = '?';

/** A currency as reports and rules see it: without the mark of a guess. */
export function plainCurrency(currency: string): string {
  return currency.endsWith(GUESSED) ? currency.slice(0, -GUESSED.length) : currency;
}

/**
 * The entries of one account timeline with each guessed currency resolved: the currency most of
 * the account's documents with an amount state (a £ reminder on the account of an export of bare
 * amounts), else the guess itself. A guess thus never stands against a stated currency.
 */
export function withStatedCurrencies(entries: AccountEntry[]): void {
  if (!entries.some((entry) => entry.currency.endsWith(GUESSED))) return;
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const stated = !entry.currency.endsWith(GUESSED) && (entry.total !== undefined || entry.amountDue !== undefined);
    if (stated) counts.set(entry.currency, (counts.get(entry.currency) ?? 0) + 1);
  }
  let usual: string | undefined;
  let most = 0;
  for (const [currency, count] of counts) {
    if (count > most) [usual, most] = [currency, count];
  }
  entries.forEach((entry, at) => {
    if (entry.currency.endsWith(GUESSED)) entries[at] = { ...entry, currency: usual ?? plainCurrency(entry.currency) };
  });
}

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
    currency: doc.currencyGuessed === true ? `${doc.currency}${GUESSED}` : doc.currency,
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
        ? content.appendContent(doc, [issueDay, dueDay, periodStartDay, periodEndDay])
        : NO_CONTENT,
    references: doc.references.length === 0 ? NO_REFERENCES : doc.references,
    file: doc.source.file,
    line: doc.source.line,
    amountStyle: doc.amountStyle,
    country: documentCountry(doc),
  };
}

/** The country a document's national phone numbers are read in: its own, else its currency's. */
export function documentCountry(doc: BillingDocument): string | undefined {
  return doc.country ?? CURRENCY_COUNTRIES.get(doc.currency);
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
