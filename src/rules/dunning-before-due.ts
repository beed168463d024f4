import { type AccountEntry, defineRule } from '../engine/rule.js';
import { isoFromDayNumber } from '../model/dates.js';
import { firstInvoiceById, hasDunningLetter, invoiceAmount } from './support/invoices.js';

/** A reminder for an invoice that is not yet due demands money the customer does not owe yet. */
export default defineRule({
  id: 'dunning-before-due',
  scope: 'account',
  severity: 'error',
  description: 'A dunning letter is dated before the due date of an invoice it refers to.',
  docs: {
    why: 'Until its due date an invoice is not late: a reminder or a formal notice ("mise en demeure") sent earlier is a collection process started in error, and the fees or suspension threats it carries have no ground. A letter dated on the due date itself is not reported.',
    whatToDo:
      'Pay the invoice by its due date as usual and ask the operator to withdraw the letter and any fee attached to it.',
    basis: 'What is owed at a term cannot be demanded before it falls due (Code civil, art. 1305-2).',
  },
  messages: {
    beforeDue: 'A dunning letter dated {{letterDate}} claims invoice {{invoice}}, which is not due until {{dueDate}}.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    if (!hasDunningLetter(timeline.entries)) return;
    const invoices = firstInvoiceById(timeline.entries);
    for (const letter of timeline.entries) {
      const letterDay = letter.issueDay;
      if (letter.kind !== 'dunning' || letterDay === undefined) continue;
      // One finding per letter, about the invoice that falls due last; the others are listed.
      let latest: { id: string; dueDay: number } | undefined;
      const early: string[] = [];
      if (letter.references.length === 0) {
        const claimed = invoiceClaimedByAmount(timeline.entries, letter, letterDay);
        if (claimed !== undefined) {
          latest = claimed;
          early.push(claimed.id);
        }
      }
      for (const id of new Set(letter.references)) {
        const dueDay = invoices.get(id)?.dueDay;
        if (dueDay === undefined || dueDay <= letterDay) continue;
        early.push(id);
        if (latest === undefined || dueDay > latest.dueDay) latest = { id, dueDay };
      }
      if (latest === undefined) continue;
      ctx.report({
        messageId: 'beforeDue',
        data: {
          invoice: latest.id,
          dueDate: isoFromDayNumber(latest.dueDay),
          letterDate: isoFromDayNumber(letterDay),
          daysEarly: latest.dueDay - letterDay,
          invoices: early,
        },
        document: letter,
      });
    }
  },
});

/**
 * A letter that names no invoice (customer-area exports rarely carry references) claims the
 * latest earlier invoice of exactly the amount it demands. That guess is unsafe when an earlier
 * invoice of the same amount fell due recently (within RECENTLY_DUE_DAYS: reminders follow a due
 * date by weeks, not seasons): the letter may well be about that one, and nothing is claimed.
 */
/** How long after a due date a reminder may still be about that invoice, for a letter without references. */
const RECENTLY_DUE_DAYS = 90;

function invoiceClaimedByAmount(
  entries: readonly AccountEntry[],
  letter: AccountEntry,
  letterDay: number,
): { id: string; dueDay: number } | undefined {
  const demanded = letter.amountDue ?? letter.total;
  if (demanded === undefined || demanded.isZero() || demanded.isNegative()) return undefined;
  let claimed: AccountEntry | undefined;
  let sameAmountAlreadyDue = false;
  for (const entry of entries) {
    if (entry.kind !== 'invoice' || entry.issueDay === undefined || entry.issueDay > letterDay) continue;
    const billed = invoiceAmount(entry);
    if (billed === undefined || !billed.eq(demanded)) continue;
    const due = claimed?.dueDay ?? claimed?.issueDay;
    if (due !== undefined && due <= letterDay && letterDay - due <= RECENTLY_DUE_DAYS) sameAmountAlreadyDue = true;
    claimed = entry;
  }
  if (claimed?.dueDay === undefined || claimed.dueDay <= letterDay || sameAmountAlreadyDue) return undefined;
  return { id: claimed.id ?? `line ${claimed.line}`, dueDay: claimed.dueDay };
}
