import { defineRule } from '../engine/rule.js';

/** No residential line costs tens of thousands a month: a bill above the ceiling is almost surely an error. */
export default defineRule({
  id: 'amount-ceiling',
  scope: 'document',
  severity: 'error',
  description: 'An invoice total is above a ceiling (default 10000.00).',
  docs: {
    why: 'A bill of 149 000 € on a residential line, a real case, comes from a unit or rating error, not from usage. Paying it, or letting it go to automatic debit, is hard to undo.',
    whatToDo: 'Stop any automatic debit for this bill, dispute it in writing with the operator and ask for the detailed call records behind the amount.',
    options: { max: 'Invoice totals strictly above this amount are flagged (in the document currency). Raise it for business accounts.' },
  },
  messages: {
    aboveCeiling: 'The invoice total {{amount}} is above the ceiling of {{max}}.',
  },
  options: { max: '10000.00' },
  checkDocument(doc, ctx) {
    // The total is what the invoice bills; an amount due may carry earlier unpaid balances.
    if (doc.kind !== 'invoice' || doc.total === undefined) return;
    const max = ctx.moneyOption('max');
    if (!doc.total.gt(max)) return;
    ctx.report({ messageId: 'aboveCeiling', data: { amount: doc.total, max }, document: doc });
  },
});
