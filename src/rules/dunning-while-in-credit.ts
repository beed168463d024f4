import { timelineDay } from '../engine/account-entry.js';
import type { AccountEntry, MessageData } from '../engine/rule.js';
import { defineRule } from '../engine/rule.js';
import { Money } from '../model/money.js';
import { firstInvoiceById, hasDunningLetter, invoiceAmount } from './support/invoices.js';

/** How far back, in entries, a letter without references looks for the invoice it claims. */
const MAX_LOOKBACK = 400;

/**
 * A dunning letter is unjustified when, by its date, credit notes and payments already cover
 * what it claims: the invoices it refers to, or, whatever it refers to, the whole account.
 */
/** How evidence names a credit note or payment: its number, else its place (a letter names the documents it encloses). */
function nameOfEntry(entry: AccountEntry): string {
  return entry.id ?? `${entry.file}:${entry.line}`;
}

export default defineRule({
  id: 'dunning-while-in-credit',
  scope: 'account',
  severity: 'error',
  description: 'A dunning letter is sent while credit notes and payments cover what was billed.',
  docs: {
    why: 'A customer who was promised a credit note (avoir), and received it, should not then receive a reminder for the very amount it cancels. Such letters come from collection systems that do not see credit notes, and they lead to fees, service cuts and debt collectors for nothing owed.',
    whatToDo:
      'Answer the letter in writing with the credit note or payment references and ask the operator to withdraw it; keep proof of the credit note and of the payments.',
  },
  messages: {
    covered:
      'A dunning letter claims {{claimed}} although credit notes and payments of {{credited}} made against it already cover the {{billed}} billed.',
    inCredit:
      'A dunning letter was sent while the account owed nothing: {{credited}} credited or paid against {{billed}} billed by its date.',
    markedPaid: "A dunning letter claims {{claimed}}, which the operator's own documents mark as paid.",
    partlyCovered:
      'A dunning letter claims {{claimed}}, though credit notes and payments of {{credited}} made against {{covering}} already cover the {{billed}} billed there: that part is demanded while in credit.',
    creditMatchesDemand:
      'A dunning letter demands {{billed}}, the amount of invoice {{invoice}}, although a credit note or payment of {{credited}} issued since covers it.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    const entries = timeline.entries;
    if (!hasDunningLetter(entries)) return;
    // Sums across currencies mean nothing; currency-mismatch reports such accounts.
    if (entries.some((entry) => entry.currency !== entries[0]?.currency)) return;
    const invoices = firstInvoiceById(entries);
    const creditsByInvoice = new Map<string, AccountEntry[]>();
    /** Credit notes and payments that name no invoice (an export without a reference column), by the letter's date. */
    const freeCredits: AccountEntry[] = [];
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
      for (let i = start; i < end; i++) if (entries[i]?.kind === 'dunning') judge(entries[i] as AccountEntry, end);
      start = end;
    }

    function addInvoice(entry: AccountEntry): void {
      const amount = amountBilled(entry);
      if (amount === undefined) billedUnknown = true;
      else billed = billed.add(amount);
    }

    function addCredit(entry: AccountEntry): void {
      const amount = entry.total ?? entry.amountDue;
      if (amount === undefined) return;
      credited = credited.add(amount);
      if (entry.references.length === 0) freeCredits.push(entry);
      for (const id of entry.references) {
        const credits = creditsByInvoice.get(id);
        if (credits === undefined) creditsByInvoice.set(id, [entry]);
        else credits.push(entry);
      }
    }

    function judge(letter: AccountEntry, dayEnd: number): void {
      const references = [...new Set(letter.references)];
      const covered = references.length > 0 ? coverOfReferences(references) : undefined;
      // The operator's own status column says the claimed bills are paid (issue 12): nothing is owed.
      const paid = references.length > 0 && references.every((id) => invoices.get(id)?.paid === true);
      if (covered === undefined && paid) {
        const claimed = `${references.length === 1 ? 'invoice' : 'invoices'} ${references.join(', ')}`;
        ctx.report({ messageId: 'markedPaid', data: { references, claimed }, document: letter });
      } else if (covered !== undefined) {
        const claimed = `${references.length === 1 ? 'invoice' : 'invoices'} ${references.join(', ')}`;
        ctx.report({ messageId: 'covered', data: { ...covered, references, claimed }, document: letter });
      } else if (!billedUnknown && isPositive(credited) && !credited.lt(billed)) {
        ctx.report({ messageId: 'inCredit', data: { billed, credited, references }, document: letter });
      } else if (references.length > 1) {
        const part = coverOfPart(references);
        if (part !== undefined && !demandsOnlyTheRest(letter, references, part.invoices)) {
          const claimed = `invoices ${references.join(', ')}`;
          const covering = `${part.invoices.length === 1 ? 'invoice' : 'invoices'} ${part.invoices.join(', ')}`;
          const { invoices: coveredInvoices, ...amounts } = part;
          const data = { ...amounts, coveredInvoices, references, claimed, covering };
          ctx.report({ messageId: 'partlyCovered', data, document: letter });
        }
      } else if (references.length === 0) {
        const matched = coverOfDemand(letter, dayEnd);
        if (matched !== undefined) ctx.report({ messageId: 'creditMatchesDemand', data: matched, document: letter });
      }
    }

    /**
     * A letter naming a covered invoice beside unpaid ones, whose debt (its fees apart) is no more
     * than what the unpaid ones bill, demands only what is owed (review: "FA-1, FA-2" named, 30,00 €
     * demanded for the unpaid FA-2 of 30,00 €): naming the covered one is no demand while in credit.
     */
    function demandsOnlyTheRest(
      letter: AccountEntry,
      references: readonly string[],
      covered: readonly string[],
    ): boolean {
      const demanded = letter.amountDue ?? letter.total;
      if (demanded === undefined) return false;
      const debt = letter.fees !== undefined && letter.fees.lt(demanded) ? demanded.sub(letter.fees) : demanded;
      let rest = Money.ZERO;
      for (const id of references) {
        if (covered.includes(id)) continue;
        const invoice = invoices.get(id);
        const amount = invoice === undefined ? undefined : amountBilled(invoice);
        if (amount === undefined) return false;
        rest = rest.add(amount);
      }
      return !debt.gt(rest);
    }

    /**
     * A letter that names no invoice (customer-area exports rarely carry references): the invoice
     * it claims is taken to be the latest earlier one of exactly the demanded amount; a credit note
     * or payment of at least that amount, dated between that invoice and the letter and tied to no
     * other invoice, covers it.
     */
    function coverOfDemand(letter: AccountEntry, dayEnd: number): MessageData | undefined {
      const demanded = letter.amountDue ?? letter.total;
      if (demanded === undefined || !isPositive(demanded)) return undefined;
      let credit: AccountEntry | undefined;
      const lowest = Math.max(0, dayEnd - MAX_LOOKBACK);
      for (let i = dayEnd - 1; i >= lowest; i--) {
        const entry = entries[i] as AccountEntry;
        const isFreeCredit =
          (entry.kind === 'credit-note' || entry.kind === 'payment') && entry.references.length === 0;
        if (isFreeCredit && credit === undefined && entry.total !== undefined && !entry.total.lt(demanded))
          credit = entry;
        if (entry.kind !== 'invoice' || entry.total === undefined || !entry.total.eq(demanded)) continue;
        if (entry.id !== undefined) {
          for (const referring of creditsByInvoice.get(entry.id) ?? []) {
            if (credit === undefined && referring.total !== undefined && !referring.total.lt(demanded))
              credit = referring;
          }
        }
        if (credit === undefined) return undefined;
        return {
          billed: entry.total,
          credited: credit.total,
          invoice: entry.id ?? `line ${entry.line}`,
          coveredBy: [nameOfEntry(credit)],
        };
      }
      return undefined;
    }

    /**
     * A credit note or payment that names no invoice, of exactly what the claimed invoice bills and
     * dated on or after it, repays that invoice (issue 13: a customer-area export has no reference
     * column, while the agency's letter names the invoice).
     */
    function freeCreditFor(
      invoice: AccountEntry,
      amount: Money,
      taken: ReadonlySet<AccountEntry>,
    ): AccountEntry | undefined {
      const since = timelineDay(invoice);
      if (since === undefined || !isPositive(amount)) return undefined;
      return freeCredits.find((credit) => {
        const day = timelineDay(credit);
        const repaid = credit.total ?? credit.amountDue;
        return !taken.has(credit) && day !== undefined && day >= since && repaid !== undefined && repaid.eq(amount);
      });
    }

    /**
     * A letter for several invoices, not all covered (issue 13: "les factures FA-1 et FA-2 restent
     * impayées" where an avoir cancels FA-1): the invoices of it that credits covering each alone
     * repay. A credit naming several invoices is left to coverOfReferences: how it splits is unknown.
     */
    function coverOfPart(
      references: readonly string[],
    ): { invoices: string[]; billed: Money; credited: Money; coveredBy: string[] } | undefined {
      const part = { invoices: [] as string[], billed: Money.ZERO, credited: Money.ZERO, coveredBy: [] as string[] };
      const taken = new Set<AccountEntry>();
      for (const id of references) {
        const invoice = invoices.get(id);
        const amount = invoice === undefined ? undefined : amountBilled(invoice);
        if (invoice === undefined || amount === undefined || !isPositive(amount)) continue;
        const own = (creditsByInvoice.get(id) ?? []).filter((credit) => credit.references.length === 1);
        const credits = own.length > 0 || creditsByInvoice.has(id) ? own : [freeCreditFor(invoice, amount, taken)];
        let repaid = Money.ZERO;
        for (const credit of credits) {
          if (credit === undefined || taken.has(credit)) continue;
          repaid = repaid.add(credit.total ?? credit.amountDue ?? Money.ZERO);
        }
        if (!isPositive(repaid) || repaid.lt(amount)) continue;
        part.invoices.push(id);
        part.billed = part.billed.add(amount);
        part.credited = part.credited.add(repaid);
        for (const credit of credits) {
          if (credit === undefined || taken.has(credit)) continue;
          taken.add(credit);
          part.coveredBy.push(nameOfEntry(credit));
        }
      }
      return part.invoices.length === 0 ? undefined : part;
    }

    /** What the referenced invoices bill and what credits referring to them repay, when the latter covers the former. */
    function coverOfReferences(
      references: readonly string[],
    ): { billed: Money; credited: Money; coveredBy: string[] } | undefined {
      let referencedBilled = Money.ZERO;
      const credits = new Set<AccountEntry>(); // a credit note for two claimed invoices counts once
      for (const id of references) {
        const invoice = invoices.get(id);
        const amount = invoice === undefined ? undefined : amountBilled(invoice);
        if (amount === undefined) return undefined; // unknown invoice or amount: nothing to compare
        referencedBilled = referencedBilled.add(amount);
        const referring = creditsByInvoice.get(id) ?? [];
        for (const credit of referring) credits.add(credit);
        if (referring.length === 0) {
          const free = freeCreditFor(invoice as AccountEntry, amount, credits);
          if (free !== undefined) credits.add(free);
        }
      }
      let referencedCredited = Money.ZERO;
      for (const credit of credits)
        referencedCredited = referencedCredited.add(credit.total ?? credit.amountDue ?? Money.ZERO);
      // Nothing credited covers nothing: a letter for a blank invoice is dunning-for-blank-invoice's finding.
      if (!isPositive(referencedCredited) || referencedCredited.lt(referencedBilled)) return undefined;
      return { billed: referencedBilled, credited: referencedCredited, coveredBy: [...credits].map(nameOfEntry) };
    }
  },
});

function isPositive(amount: Money): boolean {
  return amount.gt(Money.ZERO);
}

/** What an invoice bills; a blank one bills nothing, any other without an amount is unknown. */
function amountBilled(entry: AccountEntry): Money | undefined {
  return invoiceAmount(entry) ?? (entry.blank ? Money.ZERO : undefined);
}
