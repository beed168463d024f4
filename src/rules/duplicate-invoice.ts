import type { AccountEntry } from '../engine/timeline.js';
import { defineRule } from '../engine/rule.js';
import { isoFromDayNumber } from '../model/dates.js';
import { hasTwoInvoices } from './support/invoices.js';
import { AccountLedger } from './support/ledger.js';
import { PeriodTotals } from './support/period-totals.js';

const where = (entry: AccountEntry): string => `${entry.file}:${entry.line}`;

/** The first invoice of a number, and each other content seen under it. A class, not an object literal: see AccountRule.checkAccount. */
class SeenInvoice {
  /** The contents that differ from the first, in order; made on the first (rare) second invoice of the number. */
  private others: AccountEntry[] | undefined;

  constructor(readonly first: AccountEntry) {}

  get contents(): AccountEntry[] {
    return this.others === undefined ? [this.first] : [this.first, ...this.others];
  }

  add(entry: AccountEntry): void {
    (this.others ??= []).push(entry);
  }
}

/** Billing twice for the same thing is the most direct overcharge there is. */
/** Entries up to which twoInvoicesAlike compares every pair (quadratic: long histories take the tables). */
const SHORT_HISTORY = 16;

/**
 * Whether two invoices share a number, or a period and a total: what either finding needs (a
 * superset: currency, zero bills and cancellations are the tables' to judge).
 */
function twoInvoicesAlike(entries: readonly AccountEntry[]): boolean {
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i] as AccountEntry;
    if (a.kind !== 'invoice') continue;
    for (let j = i + 1; j < entries.length; j++) {
      const b = entries[j] as AccountEntry;
      if (b.kind !== 'invoice') continue;
      if (a.id !== undefined && a.id === b.id) return true;
      const samePeriod =
        a.periodStartDay !== undefined && a.periodStartDay === b.periodStartDay && a.periodEndDay === b.periodEndDay;
      if (samePeriod && a.total !== undefined && b.total !== undefined && a.total.eq(b.total)) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'duplicate-invoice',
  scope: 'account',
  severity: 'error',
  description:
    'The same invoice number twice with different content, or the same period and total billed under two numbers.',
  docs: {
    why: 'An invoice number identifies one bill: two different bills under one number cannot both be right, and the same period billed twice for the same total is usually paid twice without anyone noticing. An identical copy of an invoice (the same number and content, as when two exports overlap) is not reported, nor the same bill read from two sources that agree on every field both state (an export row and the PDF of the bill), and neither is an invoice fully cancelled by credit notes and issued again.',
    whatToDo:
      'Compare the two documents. Ask the operator which one stands and for a credit note (avoir) for the other; if both were paid, ask for a refund of the second payment.',
    basis:
      'An invoice number must identify the invoice uniquely (Code général des impôts, art. 242 nonies A; EN 16931 BT-1). A payment made twice without being owed can be recovered (Code civil, art. 1302-1).',
  },
  messages: {
    differentContent: 'Invoice {{id}} also appears at {{otherLocation}} with different content.',
    samePeriodAndTotal:
      'Invoice {{id}} bills the same period ({{periodStart}} to {{periodEnd}}) and total ({{total}}) as invoice {{other}} at {{otherLocation}}.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    // One invoice has nothing to be a copy of: most accounts of a short bill run (issue 19: 500 000
    // accounts of two bills, where this rule's tables per account were 170 ms of the end phase).
    if (!hasTwoInvoices(timeline.entries)) return;
    // A short history whose invoices share neither a number nor a period and total has no copy
    // either: two monthly bills, checked without the tables below.
    if (timeline.entries.length <= SHORT_HISTORY && !twoInvoicesAlike(timeline.entries)) return;
    const ledger = new AccountLedger(timeline.entries);
    // Distinct contents per id, as a short list: nearly every id has one content, and a Set each costs more.
    const byId = new Map<string, SeenInvoice>();
    const byPeriodAndTotal = new PeriodTotals();
    for (const entry of timeline.entries) {
      if (entry.kind !== 'invoice') continue;
      if (entry.id !== undefined) {
        const seen = byId.get(entry.id);
        if (seen === undefined) {
          byId.set(entry.id, new SeenInvoice(entry));
        } else {
          // Each distinct content once: a third copy identical to the second adds nothing. Contents
          // are compared exactly, on the fields both documents state (an export row and the PDF
          // of the same bill are one bill).
          const differences = seen.contents.map((other) => ctx.contentDifference(other, entry));
          if (!differences.includes(undefined)) {
            seen.add(entry);
            ctx.report({
              messageId: 'differentContent',
              data: {
                id: entry.id,
                other: seen.first.id,
                otherLocation: where(seen.first),
                differs: differences[0] as string,
              },
              document: entry,
            });
          }
          continue;
        }
      }
      if (entry.periodStartDay === undefined || entry.periodEndDay === undefined || entry.total === undefined) continue;
      // A zero bill billed twice costs nothing (blank-invoice covers it); a cancelled bill was already undone.
      if (entry.total.isZero() || (entry.id !== undefined && ledger.isCancelled(entry.id))) continue;
      const first = byPeriodAndTotal.firstSame(entry, entry.periodStartDay, entry.periodEndDay, entry.total);
      if (first !== undefined && first.id !== entry.id) {
        ctx.report({
          messageId: 'samePeriodAndTotal',
          data: {
            id: entry.id ?? '(no number)',
            other: first.id ?? '(no number)',
            otherLocation: where(first),
            periodStart: isoFromDayNumber(entry.periodStartDay),
            periodEnd: isoFromDayNumber(entry.periodEndDay),
            total: entry.total,
          },
          document: entry,
        });
      }
    }
  },
});
