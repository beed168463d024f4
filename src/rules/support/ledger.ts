/**
 * What an account's invoices still owe, from the credit notes and payments that reference
 * them. Shared by the account rules that compare a demand with the debt behind it.
 */
import { timelineDay } from '../../engine/account-entry.js';
import type { AccountEntry } from '../../engine/timeline.js';
import { Money } from '../../model/money.js';
import { firstInvoiceById, invoiceAmount } from './invoices.js';
import { comparable } from './magnitudes.js';

/** What a credit note or payment takes off; `comparable` guards against a signed export. */
function reductionAmount(entry: AccountEntry): Money | undefined {
  const amount = entry.total ?? entry.amountDue;
  return amount === undefined ? undefined : comparable(entry.kind, amount);
}

/** One invoice's dated reductions in date order, with running sums for a binary search by day. */
interface DatedReductions {
  readonly days: readonly number[];
  /** `sums[i]` = the reductions up to and including `days[i]`. */
  readonly sums: readonly Money[];
}

interface DatedShare {
  readonly day: number;
  readonly share: Money;
}

/** The invoices' debt at a date, in their (single) currency. */
export interface Owed {
  readonly amount: Money;
  readonly currency: string;
}

export class AccountLedger {
  /** First invoice of each id: a second one under the same id is duplicate-invoice's business. */
  private invoicesById: ReadonlyMap<string, AccountEntry> | undefined;
  /** Made only for an account with credit notes or payments: most accounts of a bill run have none, and two Maps each were a tenth of the account rules' time (issue 19). */
  private dated: Map<string, DatedReductions> | undefined;
  private credited: Map<string, Money> | undefined;

  /** `entries` in timeline order (as AccountTimeline gives them), so "the first invoice" is the earliest. */
  constructor(private readonly entries: readonly AccountEntry[]) {
    let shares: Map<string, DatedShare[]> | undefined;
    for (const entry of entries) {
      if (entry.kind !== 'credit-note' && entry.kind !== 'payment') continue;
      shares ??= new Map();
      this.apply(entry, shares);
    }
    if (shares === undefined) return;
    const dated = (this.dated = new Map());
    for (const [id, list] of shares) dated.set(id, runningSums(list));
  }

  /** Built on first use: most accounts of a bill run have neither credit notes nor letters. */
  private get invoices(): ReadonlyMap<string, AccountEntry> {
    this.invoicesById ??= firstInvoiceById(this.entries);
    return this.invoicesById;
  }

  invoice(id: string): AccountEntry | undefined {
    return this.invoices.get(id);
  }

  /**
   * What the invoices still owe on `day`: their amounts minus the credit notes and payments
   * referencing them dated on or before `day` (undated ones cannot be placed and are left out).
   * Undefined when an id is unknown, an invoice has no amount, or the invoices mix currencies.
   */
  owedAt(ids: readonly string[], day: number): Owed | undefined {
    let amount = Money.ZERO;
    let currency: string | undefined;
    for (const id of new Set(ids)) {
      const invoice = this.invoices.get(id);
      const billed = invoice === undefined ? undefined : invoiceAmount(invoice);
      if (invoice === undefined || billed === undefined) return undefined;
      if (currency !== undefined && currency !== invoice.currency) return undefined;
      currency = invoice.currency;
      amount = amount.add(billed).sub(this.reducedBy(id, day));
    }
    return currency === undefined ? undefined : { amount, currency };
  }

  /** True when credit notes referencing the invoice (at any date) cover its whole amount: it was cancelled. */
  isCancelled(id: string): boolean {
    if (this.credited === undefined || this.credited.size === 0) return false;
    const invoice = this.invoices.get(id);
    const billed = invoice === undefined ? undefined : invoiceAmount(invoice);
    const credited = this.credited.get(id);
    return billed !== undefined && credited !== undefined && !credited.lt(billed);
  }

  private reducedBy(id: string, day: number): Money {
    const reductions = this.dated?.get(id);
    if (reductions === undefined) return Money.ZERO;
    // Last index whose day is <= `day`.
    let low = 0;
    let high = reductions.days.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if ((reductions.days[mid] ?? Infinity) <= day) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found < 0 ? Money.ZERO : (reductions.sums[found] ?? Money.ZERO);
  }

  /**
   * Spreads a reduction over the invoices it references, in the order it lists them: each takes
   * up to its own amount, the last takes the rest (an overpayment stays on the last invoice).
   * A reduction in another currency than the invoice cannot be netted against it.
   */
  private apply(entry: AccountEntry, shares: Map<string, DatedShare[]>): void {
    const amount = reductionAmount(entry);
    if (amount === undefined) return;
    const targets: AccountEntry[] = [];
    for (const id of new Set(entry.references)) {
      const invoice = this.invoices.get(id);
      if (invoice !== undefined && invoice.currency === entry.currency) targets.push(invoice);
    }
    const day = timelineDay(entry);
    let remaining = amount;
    for (const [index, invoice] of targets.entries()) {
      const billed = invoiceAmount(invoice);
      const cap = billed === undefined || billed.isNegative() ? Money.ZERO : billed;
      const share = index === targets.length - 1 || remaining.lt(cap) ? remaining : cap;
      remaining = remaining.sub(share);
      const id = invoice.id as string;
      if (entry.kind === 'credit-note') {
        const credited = (this.credited ??= new Map());
        credited.set(id, (credited.get(id) ?? Money.ZERO).add(share));
      }
      if (day === undefined) continue;
      const list = shares.get(id);
      if (list === undefined) shares.set(id, [{ day, share }]);
      else list.push({ day, share });
    }
  }
}

function runningSums(list: DatedShare[]): DatedReductions {
  // Timeline order already sorts by day; the (stable) sort only guards a caller that did not.
  list.sort((a, b) => a.day - b.day);
  const days: number[] = [];
  const sums: Money[] = [];
  let sum = Money.ZERO;
  for (const { day, share } of list) {
    sum = sum.add(share);
    days.push(day);
    sums.push(sum);
  }
  return { days, sums };
}
