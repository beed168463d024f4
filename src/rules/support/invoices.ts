/**
 * An account's invoices as the account rules look them up: by id, and by what they bill.
 */
import type { AccountEntry } from '../../engine/timeline.js';
import type { Money } from '../../model/money.js';

/** Whether an account has any dunning letter: the letter rules have nothing to judge in most accounts of a bill run. */
export function hasDunningLetter(entries: readonly AccountEntry[]): boolean {
  for (const entry of entries) if (entry.kind === 'dunning') return true;
  return false;
}

/** Whether an account has two invoices or more: the rules that compare invoices have nothing to compare in one. */
export function hasTwoInvoices(entries: readonly AccountEntry[]): boolean {
  let seen = 0;
  for (const entry of entries) if (entry.kind === 'invoice' && ++seen === 2) return true;
  return false;
}

/**
 * The first invoice of each id, from entries in timeline order: a second one under the same id
 * is a copy or a different bill, and either way duplicate-invoice's business.
 */
export function firstInvoiceById(entries: readonly AccountEntry[]): Map<string, AccountEntry> {
  const invoices = new Map<string, AccountEntry>();
  for (const entry of entries) {
    if (entry.kind === 'invoice' && entry.id !== undefined && !invoices.has(entry.id)) invoices.set(entry.id, entry);
  }
  return invoices;
}

/**
 * What an invoice bills. The total comes first: an invoice's amount due may carry an earlier
 * balance ("report de solde"), which the earlier invoice already counts.
 */
export function invoiceAmount(invoice: AccountEntry): Money | undefined {
  return invoice.total ?? invoice.amountDue;
}
