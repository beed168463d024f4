import { defineRule } from '../engine/rule.js';
import { dunningFees } from '../model/fees.js';
import { amountAtLeastZeroOption } from './support/options.js';

/** A formal demand to pay a few cents costs the operator more than it claims; it is a billing defect. */
export default defineRule({
  id: 'dunning-trivial-amount',
  scope: 'document',
  severity: 'error',
  description: 'A dunning letter demands less than a trivial amount (default 1.00).',
  docs: {
    why: 'A reminder or a formal notice ("mise en demeure") for a few cents, such as the real 0,01 € case, is almost always a rounding residue or a blank invoice sent to collection. It frightens the customer for nothing. Fees a collection agency adds on lines of their own (40 € of "frais de recouvrement" on a 0,01 € debt) do not make the debt less trivial: the rule judges the demand without them.',
    whatToDo:
      'Ask the operator to cancel the letter and to explain which invoice the amount comes from; nothing is owed until they do.',
    options: { minAmount: 'Demands strictly below this amount are flagged (in the document currency).' },
  },
  messages: {
    trivial: 'A dunning letter demands {{amount}}, less than {{minAmount}}.',
    trivialDebt: 'A dunning letter demands {{amount}} for the debt, less than {{minAmount}}, besides {{fees}} of fees.',
  },
  options: { minAmount: '1.00' },
  validateOptions: (options) => amountAtLeastZeroOption('minAmount', options.minAmount),
  checkDocument(doc, ctx) {
    if (doc.kind !== 'dunning') return;
    const demanded = doc.amountDue ?? doc.total;
    if (demanded === undefined) return;
    const minAmount = ctx.moneyOption('minAmount');
    // The fee lines of an agency's letter are added to the debt, which is what may be trivial.
    const fees = dunningFees(doc);
    // A demand of fees alone (no debt left) is the most trivial of all.
    const debt = fees !== undefined && !fees.gt(demanded) ? demanded.sub(fees) : demanded;
    // A zero demand is absurd too; a negative one is not a demand at all.
    if (debt.isNegative() || !debt.lt(minAmount)) return;
    if (debt === demanded) {
      ctx.report({ messageId: 'trivial', data: { amount: demanded, minAmount }, document: doc });
    } else {
      ctx.report({ messageId: 'trivialDebt', data: { amount: debt, minAmount, fees }, document: doc });
    }
  },
});
