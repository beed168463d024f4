import { defineRule } from '../engine/rule.js';
import { addDays, dayNumber } from '../model/dates.js';
import { wholeNumberOption } from './support/options.js';

/** A century ahead: further, "today + futureDays" would leave the four-digit years that ISO dates compare by. */
const MAX_FUTURE_DAYS = 36_500;

/** Days from `earlier` to `later`, both ISO dates. */
const daysBetween = (earlier: string, later: string): number => dayNumber(later) - dayNumber(earlier);

/** Dates that contradict each other make a due date or a billed period impossible to rely on. */
export default defineRule({
  id: 'date-inconsistency',
  scope: 'document',
  severity: 'error',
  description: 'A due date before the issue date, a period that ends before it starts, or an issue date in the future.',
  docs: {
    why: 'A payment cannot fall due before the bill exists: late fees or a reminder based on such a due date are unfounded. A period that ends before it starts cannot be billed, and a document dated in the future was not issued when it claims to be.',
    whatToDo:
      'Ask the operator for the correct dates; until then, count the payment deadline from the day you received the bill.',
    basis:
      'EN 16931 BR-29 and BR-30 (an invoicing period, of the invoice or of a line, ends on or after its start). In France an invoice is dated when it is issued (Code général des impôts, annex II, article 242 nonies A); between businesses it also states the payment date (Code de commerce, article L441-9).',
    options: {
      futureDays:
        'Days an issue date may be ahead of today before it is flagged. The default 1 absorbs time zones: a bill issued just after midnight in Paris or Nouméa is still dated tomorrow in UTC.',
    },
  },
  messages: {
    dueBeforeIssue: 'The due date {{dueDate}} comes before the issue date {{issueDate}}.',
    periodEndsBeforeStart: 'The billing period ends on {{periodEnd}}, before it starts on {{periodStart}}.',
    issuedInFuture: 'The issue date {{issueDate}} is in the future: today is {{today}}.',
  },
  options: { futureDays: 1 },
  validateOptions: (options) => wholeNumberOption('futureDays', options.futureDays, 0, MAX_FUTURE_DAYS),
  checkDocument(doc, ctx) {
    const { issueDate, dueDate, periodStart, periodEnd } = doc;
    // ISO dates compare as strings; the day count is computed only for a finding.
    if (issueDate !== undefined && dueDate !== undefined && dueDate < issueDate) {
      ctx.report({
        messageId: 'dueBeforeIssue',
        data: { issueDate, dueDate, days: daysBetween(dueDate, issueDate) },
        document: doc,
      });
    }
    if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
      ctx.report({
        messageId: 'periodEndsBeforeStart',
        data: { periodStart, periodEnd, days: daysBetween(periodEnd, periodStart) },
        document: doc,
      });
    }
    const futureDays = ctx.options.futureDays;
    if (issueDate !== undefined && issueDate > addDays(ctx.today, futureDays)) {
      ctx.report({
        messageId: 'issuedInFuture',
        data: { issueDate, today: ctx.today, days: daysBetween(ctx.today, issueDate), futureDays },
        document: doc,
      });
    }
  },
});
