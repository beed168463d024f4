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
    whatToDo:
      'Answer in writing that the referenced invoice bills nothing, ask the operator to withdraw the letter and to stop any collection based on it.',
  },
  messages: {
    blankInvoice: 'A dunning letter claims invoice {{invoiceId}}, which bills nothing.',
    blankInvoices: 'A dunning letter claims {{count}} invoices that bill nothing: {{listed}}.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    if (!hasDunningLetter(timeline.entries)) return;
    const billsNothing = invoicesBillingNothing(timeline.entries);
    if (billsNothing.size === 0) return;
    for (const letter of timeline.entries) {
      if (letter.kind !== 'dunning') continue;
      // One finding per letter, listing its blank invoices: a letter naming thousands of them
      // is one absurd letter, not thousands of findings.
      const invoices = [...new Set(letter.references)].filter((id) => billsNothing.get(id) === true);
      const [invoiceId] = invoices;
      if (invoiceId === undefined) continue;
      if (invoices.length === 1) {
        ctx.report({ messageId: 'blankInvoice', data: { invoiceId, invoices }, document: letter });
      } else {
        const data = { invoiceId, invoices, count: invoices.length, listed: listed(invoices) };
        ctx.report({ messageId: 'blankInvoices', data, document: letter });
      }
    }
  },
});

/** Invoices a message names before it counts the rest. */
const NAMED_IN_MESSAGE = 5;

/** "F-1, F-2, F-3, F-4, F-5 and 12 more": the evidence keeps the whole list. */
function listed(ids: readonly string[]): string {
  const named = ids.slice(0, NAMED_IN_MESSAGE).join(', ');
  return ids.length <= NAMED_IN_MESSAGE ? named : `${named} and ${ids.length - NAMED_IN_MESSAGE} more`;
}

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
