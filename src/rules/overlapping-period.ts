import type { AccountEntry } from '../engine/timeline.js';
import { defineRule } from '../engine/rule.js';
import { untrackedArray } from '../engine/untracked-array.js';
import { isoFromDayNumber } from '../model/dates.js';
import { hasTwoInvoices } from './support/invoices.js';
import { AccountLedger } from './support/ledger.js';
import { PeriodTotals } from './support/period-totals.js';

/** An invoice's period. A class, not an object literal: see AccountRule.checkAccount. */
class Billed {
  constructor(
    readonly entry: AccountEntry,
    readonly start: number,
    readonly end: number,
  ) {}
}

/**
 * The invoices whose periods can be compared, one per bill: copies and exact duplicates
 * (same number, or same period and total) are duplicate-invoice's findings, and a bill fully
 * cancelled by credit notes no longer bills its period.
 */
function billedPeriods(entries: readonly AccountEntry[]): Billed[] {
  const ledger = new AccountLedger(entries);
  const seenIds = new Set<string>();
  const seenPeriodTotals = new PeriodTotals();
  const billed = untrackedArray<Billed>();
  for (const entry of entries) {
    const { periodStartDay: start, periodEndDay: end } = entry;
    if (entry.kind !== 'invoice' || start === undefined || end === undefined || end < start) continue;
    if (entry.id !== undefined) {
      if (seenIds.has(entry.id) || ledger.isCancelled(entry.id)) continue;
      seenIds.add(entry.id);
    }
    if (seenPeriodTotals.firstSame(entry, start, end, entry.total) !== undefined) continue;
    billed.push(new Billed(entry, start, end));
  }
  return billed;
}

/** Two bills for the same days charge the service twice for the overlap. */
export default defineRule({
  id: 'overlapping-period',
  scope: 'account',
  severity: 'warning',
  description: 'Two invoices of one account bill overlapping periods with different totals.',
  docs: {
    why: 'A subscription is billed once per day of service. Two invoices whose periods overlap charge the overlapping days twice, unless the second one is a correction whose credit note is missing. Adjacent periods (1–31 March, then 1–30 April) do not overlap. The same period billed twice for the same total is reported by duplicate-invoice instead.',
    whatToDo:
      'Check the service dates on both invoices. Ask the operator for a credit note (avoir) for the days billed twice, or for the credit note that should have cancelled the first invoice.',
    basis: 'What was paid without being owed can be recovered (Code civil, art. 1302-1).',
  },
  messages: {
    overlap:
      'Invoice {{id}} bills {{periodStart}} to {{periodEnd}}, which overlaps invoice {{other}} ({{otherPeriodStart}} to {{otherPeriodEnd}}, at {{otherLocation}}): the days from {{overlapStart}} to {{overlapEnd}} are billed twice.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    // One invoice overlaps nothing: most accounts of a short bill run, without their tables (issue 19).
    if (!hasTwoInvoices(timeline.entries)) return;
    const billed = billedPeriods(timeline.entries);
    // Sorted by start, a period overlaps some earlier one exactly when it overlaps the one reaching furthest.
    billed.sort((a, b) => a.start - b.start || a.end - b.end);
    let reach: Billed | undefined;
    for (const current of billed) {
      if (reach !== undefined && reach.end >= current.start) {
        ctx.report({
          messageId: 'overlap',
          data: {
            id: current.entry.id ?? '(no number)',
            periodStart: isoFromDayNumber(current.start),
            periodEnd: isoFromDayNumber(current.end),
            other: reach.entry.id ?? '(no number)',
            otherPeriodStart: isoFromDayNumber(reach.start),
            otherPeriodEnd: isoFromDayNumber(reach.end),
            otherLocation: `${reach.entry.file}:${reach.entry.line}`,
            overlapStart: isoFromDayNumber(current.start),
            overlapEnd: isoFromDayNumber(Math.min(reach.end, current.end)),
            overlapDays: Math.min(reach.end, current.end) - current.start + 1,
          },
          document: current.entry,
        });
      }
      if (reach === undefined || current.end > reach.end) reach = current;
    }
  },
});
