import type { AccountEntry } from '../engine/timeline.js';
import { defineRule } from '../engine/rule.js';
import { hasDunningLetter } from './support/invoices.js';

/** Collection started on an invoice that bills nothing: the seed 0,01 € mise en demeure. */
export default defineRule({
  id: 'dunning-for-blank-invoice',
  scope: 'account',
  severity: 'error',
  description: 'A dunning letter refers to an invoice that is blank or has a zero total.',
  docs: {
    why: 'A reminder or formal notice for an invoice that bills nothing claims a debt that does not exist; the real 0,01 € mise en demeure referred to a blank invoice. It shows that collection runs without looking at the bill.',
    whatToDo: 'Answer in writing that the referenced invoice bills nothing, ask the operator to withdraw the letter and to stop any collection based on it.',
  },
  messages: {
    blankInvoice: 'A dunning letter claims invoice {{invoiceId}}, which bills nothing.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    if (!hasDunningLetter(timeline.entries)) return;
    const billsNothing = invoicesBillingNothing(timeline.entries);
    if (billsNothing.size === 0) return;
    for (const letter of timeline.entries) {
      if (letter.kind !== 'dunning') continue;
      for (const invoiceId of new Set(letter.references)) {
        if (billsNothing.get(invoiceId) === true) ctx.report({ messageId: 'blankInvoice', data: { invoiceId }, document: letter });
      }
    }
  },
});

/** Invoice id → true when every copy with that id bills nothing (a corrected re-issue is a real bill). */
function invoicesBillingNothing(entries: readonly AccountEntry[]): Map<string, boolean> {
  const nothing = new Map<string, boolean>();
  for (const entry of entries) {
    if (entry.kind !== 'invoice' || entry.id === undefined) continue;
    const blank = entry.blank || entry.total?.isZero() === true;
    nothing.set(entry.id, (nothing.get(entry.id) ?? true) && blank);
  }
  return nothing;
}
