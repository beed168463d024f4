import type { AccountEntry } from '../engine/timeline.js';
import { defineRule } from '../engine/rule.js';
import { isoFromDayNumber } from '../model/dates.js';
import { wholeNumberOption } from './support/options.js';

/** Arcep: from the termination request, the operator has ten clear days to end the contract (see `basis`). */
const LEGAL_NOTICE_DAYS = 10;

/**
 * Bills that keep coming after a résiliation. Only the account's first termination counts: an
 * account that later re-subscribed under the same number would be flagged; such histories
 * should be split by contract number.
 */
export default defineRule({
  id: 'billed-after-termination',
  scope: 'account',
  severity: 'error',
  description: 'An invoice bills a period after the contract was terminated, or comes long after it without a period.',
  docs: {
    why: 'Customers who terminated their contract keep receiving bills, then reminders, for a service that no longer exists. Each such bill has to be disputed, and unpaid ones are sent to collection.',
    whatToDo:
      'Send the operator the termination request or its confirmation, dispute the bill in writing, and have any automatic debit stopped.',
    basis:
      "Arcep (the French regulator), « Comment connaître sa durée d'engagement contractuel avec son opérateur ? »: from the termination request, the operator has ten clear days to end the contract. Code de la consommation article L224-39 sets it (a notice of at most ten days from the operator's receipt of the request, as telecom-infoconso.fr, the consumer site the Arcep ran, states it); billcheck's letters cite the operator's own termination confirmation first, then that article in the regulator's wording. billcheck uses the termination's own effective date, else its date plus ten days.",
    options: {
      graceDays:
        'An invoice without a period is flagged when issued more than this many days after the effective date (room for a final bill).',
    },
  },
  messages: {
    periodAfter:
      'The invoice bills a period starting on {{periodStart}}, after the termination took effect on {{effectiveDate}}.',
    issuedAfter:
      'The invoice was issued on {{issueDate}}, more than {{graceDays}} days after the termination took effect on {{effectiveDate}}, and bills no period.',
  },
  options: { graceDays: 31 },
  validateOptions: (options) => wholeNumberOption('graceDays', options.graceDays, 0),
  checkAccount(timeline, ctx) {
    const termination = firstTermination(timeline.entries);
    if (termination === undefined) return;
    const graceDays = ctx.options.graceDays;
    const evidence = {
      effectiveDate: isoFromDayNumber(termination.effectiveDay),
      terminationDate: isoFromDayNumber(termination.requestDay),
    };
    for (const entry of timeline.entries) {
      // A blank invoice bills nothing after the end; blank-invoice reports it on its own.
      if (entry.kind !== 'invoice' || entry.blank) continue;
      if (entry.periodStartDay !== undefined) {
        // A final bill for the days up to the end starts on or before it, whenever it is issued.
        const daysAfter = entry.periodStartDay - termination.effectiveDay;
        if (daysAfter > 0) {
          ctx.report({
            messageId: 'periodAfter',
            data: { ...evidence, periodStart: isoFromDayNumber(entry.periodStartDay), daysAfter },
            document: entry,
          });
        }
      } else if (entry.issueDay !== undefined) {
        const daysAfter = entry.issueDay - termination.effectiveDay;
        if (daysAfter > graceDays) {
          ctx.report({
            messageId: 'issuedAfter',
            data: { ...evidence, issueDate: isoFromDayNumber(entry.issueDay), graceDays, daysAfter },
            document: entry,
          });
        }
      }
    }
  },
});

interface Termination {
  /** When it was asked for (or confirmed). */
  readonly requestDay: number;
  readonly effectiveDay: number;
}

/** The termination that takes effect first; one without any date cannot be placed. */
function firstTermination(entries: readonly AccountEntry[]): Termination | undefined {
  let first: Termination | undefined;
  for (const entry of entries) {
    if (entry.kind !== 'termination') continue;
    const effectiveDay =
      entry.effectiveDay ?? (entry.issueDay === undefined ? undefined : entry.issueDay + LEGAL_NOTICE_DAYS);
    if (effectiveDay === undefined) continue;
    if (first === undefined || effectiveDay < first.effectiveDay)
      first = { requestDay: entry.issueDay ?? effectiveDay, effectiveDay };
  }
  return first;
}
