/**
 * Invoices by what they bill: the same period, currency and total. duplicate-invoice and
 * overlapping-period look every invoice of every account up this way; a string key per invoice
 * ("19723|19753|EUR|3999") was a tenth of the account rules' time, so the period goes into one
 * exact number and the few invoices of a period are compared directly.
 */
import type { AccountEntry } from '../../engine/timeline.js';
import type { Money } from '../../model/money.js';

/** Day numbers of four-digit years are below 2^22 in size: start × 2^24 + (end − start + 2^23) stays an exact integer. */
const SPAN_OFFSET = 2 ** 23;
const START_FACTOR = 2 ** 24;

interface Billed {
  readonly entry: AccountEntry;
  readonly total: Money | undefined;
}

export class PeriodTotals {
  private readonly byPeriod = new Map<number, Billed[]>();

  /**
   * The first invoice recorded with this period, currency and total (both absent totals count
   * as the same); when there is none, records this one and returns undefined.
   */
  firstSame(entry: AccountEntry, start: number, end: number, total: Money | undefined): AccountEntry | undefined {
    const period = start * START_FACTOR + (end - start + SPAN_OFFSET);
    const billed = this.byPeriod.get(period);
    if (billed === undefined) {
      this.byPeriod.set(period, [{ entry, total }]);
      return undefined;
    }
    for (const earlier of billed) {
      if (earlier.entry.currency !== entry.currency) continue;
      if (earlier.total === undefined ? total === undefined : total !== undefined && earlier.total.eq(total))
        return earlier.entry;
    }
    billed.push({ entry, total });
    return undefined;
  }
}
