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

/** A class, not an object literal: see AccountRule.checkAccount. */
class Billed {
  constructor(
    readonly entry: AccountEntry,
    readonly total: Money | undefined,
  ) {}

  /** Whether `entry` bills the same currency and total (both absent totals count as the same). */
  same(entry: AccountEntry, total: Money | undefined): boolean {
    if (this.entry.currency !== entry.currency) return false;
    return this.total === undefined ? total === undefined : total !== undefined && this.total.eq(total);
  }
}

export class PeriodTotals {
  /** The invoices of each period: one alone (nearly always), else all of them in order. */
  private readonly byPeriod = new Map<number, Billed | Billed[]>();

  /**
   * The first invoice recorded with this period, currency and total (both absent totals count
   * as the same); when there is none, records this one and returns undefined.
   */
  firstSame(entry: AccountEntry, start: number, end: number, total: Money | undefined): AccountEntry | undefined {
    const period = start * START_FACTOR + (end - start + SPAN_OFFSET);
    const billed = this.byPeriod.get(period);
    if (billed === undefined) {
      this.byPeriod.set(period, new Billed(entry, total));
      return undefined;
    }
    const earlier = billed instanceof Billed ? [billed] : billed;
    for (const other of earlier) if (other.same(entry, total)) return other.entry;
    earlier.push(new Billed(entry, total));
    if (earlier !== billed) this.byPeriod.set(period, earlier);
    return undefined;
  }
}
