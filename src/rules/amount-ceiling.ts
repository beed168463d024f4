import { defineRule } from '../engine/rule.js';
import { currenciesOption, currencySet, firstProblem, positiveAmountOption } from './support/options.js';

/** No residential line costs tens of thousands a month: a bill above the ceiling is almost surely an error. */
export default defineRule({
  id: 'amount-ceiling',
  scope: 'document',
  severity: 'error',
  description: 'An invoice total is above a ceiling (default 10000.00, in EUR, USD, GBP or CHF).',
  docs: {
    why: 'A bill of 149 000 € on a residential line, a real case, comes from a unit or rating error, not from usage. Paying it, or letting it go to automatic debit, is hard to undo.',
    whatToDo:
      'Stop any automatic debit for this bill, dispute it in writing with the operator and ask for the detailed call records behind the amount.',
    options: {
      max: 'Invoice totals strictly above this amount are flagged (in the document currency). Raise it for business accounts.',
      currencies:
        'Only invoices in these currencies are checked. One ceiling cannot suit every currency: 10000 is a huge residential bill in euros, dollars, pounds or Swiss francs, an ordinary one in Indian rupees or Japanese yen. To check another currency, list it and set a `max` that suits it (one config per currency when they differ that much).',
    },
  },
  messages: {
    aboveCeiling: 'The invoice total {{amount}} is above the ceiling of {{max}}.',
  },
  options: { max: '10000.00', currencies: ['EUR', 'USD', 'GBP', 'CHF'] as readonly string[] },
  validateOptions: (options) =>
    firstProblem(positiveAmountOption('max', options.max), currenciesOption('currencies', options.currencies)),
  checkDocument(doc, ctx) {
    // The total is what the invoice bills; an amount due may carry earlier unpaid balances.
    if (doc.kind !== 'invoice' || doc.total === undefined) return;
    if (!currencySet(ctx.options.currencies).has(doc.currency)) return;
    const max = ctx.moneyOption('max');
    if (!doc.total.gt(max)) return;
    ctx.report({ messageId: 'aboveCeiling', data: { amount: doc.total, max }, document: doc });
  },
});
