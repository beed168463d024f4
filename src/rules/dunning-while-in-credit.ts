import { timelineDay } from '../engine/account-entry.js';
import type { AccountEntry } from '../engine/rule.js';
import { defineRule } from '../engine/rule.js';
import { Money } from '../model/money.js';

/**
 * A dunning letter is unjustified when, by its date, credit notes and payments already cover
 * what it claims: the invoices it refers to, or, whatever it refers to, the whole account.
 */
export default defineRule({
  id: 'dunning-while-in-credit',
  scope: 'account',
  severity: 'error',
  description: 'A dunning letter is sent while credit notes and payments cover what was billed.',
  docs: {
    why: 'A customer who was promised a credit note (avoir), and received it, should not then receive a reminder for the very amount it cancels. Such letters come from collection systems that do not see credit notes, and they lead to fees, service cuts and debt collectors for nothing owed.',
    whatToDo: 'Answer the letter in writing with the credit note or payment references and ask the operator to withdraw it; keep proof of the credit note and of the payments.',
  },
  messages: {
    covered: 'A dunning letter claims invoices {{references}} although credit notes and payments of {{credited}} referring to them cover the {{billed}} they bill.',
    inCredit: 'A dunning letter was sent while the account owed nothing: {{credited}} credited or paid against {{billed}} billed by its date.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    const entries = timeline.entries;
    // Sums across currencies mean nothing; currency-mismatch reports such accounts.
    if (entries.some((entry) => entry.currency !== entries[0]?.currency)) return;
    const invoices = invoiceAmounts(entries);
    const creditsByInvoice = new Map<string, AccountEntry[]>();
    let billed = Money.ZERO;
    let credited = Money.ZERO;
    let billedUnknown = false;
    // An undated invoice may predate any letter: counting it as earlier errs toward not flagging.
    for (const entry of entries) if (timelineDay(entry) === undefined && entry.kind === 'invoice') addInvoice(entry);

    // Entries of one day are all "on or before" a letter of that day, whatever their order in the file.
    let start = 0;
    while (start < entries.length) {
      const day = timelineDay(entries[start] as AccountEntry);
      if (day === undefined) break; // undated entries sort last; an undated letter cannot be placed
      let end = start;
      for (; end < entries.length && timelineDay(entries[end] as AccountEntry) === day; end++) {
        const entry = entries[end] as AccountEntry;
        if (entry.kind === 'invoice') addInvoice(entry);
        else if (entry.kind === 'credit-note' || entry.kind === 'payment') addCredit(entry);
      }
      for (let i = start; i < end; i++) if (entries[i]?.kind === 'dunning') judge(entries[i] as AccountEntry);
      start = end;
    }

    function addInvoice(entry: AccountEntry): void {
      const amount = invoiceAmount(entry);
      if (amount === undefined) billedUnknown = true;
      else billed = billed.add(amount);
    }

    function addCredit(entry: AccountEntry): void {
      const amount = entry.total ?? entry.amountDue;
      if (amount === undefined) return;
      credited = credited.add(amount);
      for (const id of entry.references) {
        const credits = creditsByInvoice.get(id);
        if (credits === undefined) creditsByInvoice.set(id, [entry]);
        else credits.push(entry);
      }
    }

    function judge(letter: AccountEntry): void {
      const references = [...new Set(letter.references)];
      const covered = references.length > 0 ? coverOfReferences(references) : undefined;
      if (covered !== undefined) {
        ctx.report({ messageId: 'covered', data: { ...covered, references }, document: letter });
      } else if (!billedUnknown && isPositive(credited) && !credited.lt(billed)) {
        ctx.report({ messageId: 'inCredit', data: { billed, credited, references }, document: letter });
      }
    }

    /** What the referenced invoices bill and what credits referring to them repay, when the latter covers the former. */
    function coverOfReferences(references: readonly string[]): { billed: Money; credited: Money } | undefined {
      let referencedBilled = Money.ZERO;
      const credits = new Set<AccountEntry>(); // a credit note for two claimed invoices counts once
      for (const id of references) {
        const amount = invoices.get(id);
        if (amount === undefined) return undefined; // unknown invoice or amount: nothing to compare
        referencedBilled = referencedBilled.add(amount);
        for (const credit of creditsByInvoice.get(id) ?? []) credits.add(credit);
      }
      let referencedCredited = Money.ZERO;
      for (const credit of credits) referencedCredited = referencedCredited.add(credit.total ?? credit.amountDue ?? Money.ZERO);
      // Nothing credited covers nothing: a letter for a blank invoice is dunning-for-blank-invoice's finding.
      if (!isPositive(referencedCredited) || referencedCredited.lt(referencedBilled)) return undefined;
      return { billed: referencedBilled, credited: referencedCredited };
    }
  },
});

function isPositive(amount: Money): boolean {
  return amount.gt(Money.ZERO);
}

/** What an invoice bills; a blank one bills nothing, any other without an amount is unknown. */
function invoiceAmount(entry: AccountEntry): Money | undefined {
  return entry.total ?? entry.amountDue ?? (entry.blank ? Money.ZERO : undefined);
}

/** Each invoice id's amount (first copy wins: a re-sent invoice is not billed twice); ids of unknown amount are left out. */
function invoiceAmounts(entries: readonly AccountEntry[]): Map<string, Money> {
  const amounts = new Map<string, Money>();
  const unknown = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== 'invoice' || entry.id === undefined || amounts.has(entry.id) || unknown.has(entry.id)) continue;
    const amount = invoiceAmount(entry);
    if (amount === undefined) unknown.add(entry.id);
    else amounts.set(entry.id, amount);
  }
  return amounts;
}
