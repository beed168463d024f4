import { defineRule } from '../engine/rule.js';
import { amountAtLeastZeroOption } from './support/options.js';

/** A formal demand to pay a few cents costs the operator more than it claims; it is a billing defect. */
export default defineRule({
  id: 'dunning-trivial-amount',
  scope: 'document',
  severity: 'error',
  description: 'A dunning letter demands less than a trivial amount (default 1.00).',
  docs: {
    why: 'A reminder or a formal notice ("mise en demeure") for a few cents, such as the real 0,01 € case, is almost always a rounding residue or a blank invoice sent to collection. It frightens the customer for nothing.',
    whatToDo:
      'Ask the operator to cancel the letter and to explain which invoice the amount comes from; nothing is owed until they do.',
    options: { minAmount: 'Demands strictly below this amount are flagged (in the document currency).' },
  },
  messages: {
    trivial: 'A dunning letter demands {{amount}}, less than {{minAmount}}.',
  },
  options: { minAmount: '1.00' },
  validateOptions: (options) => amountAtLeastZeroOption('minAmount', options.minAmount),
  checkDocument(doc, ctx) {
    if (doc.kind !== 'dunning') return;
    const demanded = doc.amountDue ?? doc.total;
    if (demanded === undefined) return;
    const minAmount = ctx.moneyOption('minAmount');
    // A zero demand is absurd too; a negative one is not a demand at all.
    if (demanded.isNegative() || !demanded.lt(minAmount)) return;
    ctx.report({ messageId: 'trivial', data: { amount: demanded, minAmount }, document: doc });
  },
});
