import { defineRule } from '../engine/rule.js';
import { Money } from '../model/money.js';
import { roundAsSchematron } from './support/en16931.js';

/**
 * What is asked for payment must follow from the total and what was already paid: an amount due
 * above it bills twice what a prepayment settled, one below it is an unexplained write-off.
 */
export default defineRule({
  id: 'amount-due-mismatch',
  scope: 'document',
  severity: 'error',
  description: 'The amount due is not the total minus the amount paid plus the rounding (EN 16931 BR-CO-16).',
  docs: {
    why: 'An e-invoice states its total with VAT (BT-112), what was already paid (BT-113, a deposit or prepayment) and a rounding (BT-114); the amount due (BT-115) must follow from them. A different amount due is the amount the buyer is asked to pay, so the error costs money: a prepayment not deducted is paid twice.',
    whatToDo:
      'Pay the total minus what you already paid, and ask the seller to correct the amount due (a corrected invoice, type 384).',
    basis:
      'EN 16931-1 BR-CO-16 (BT-115 = BT-112 − BT-113 + BT-114), rounded to two decimals as the EN 16931 validation artefacts do; the XRechnung extension adds its third-party payments (BR-DEX-09: + Σ BT-DEX-002). Checked only on documents whose input defines the amount due so (e-invoices): on a printed bill the amount to pay may carry an earlier balance.',
  },
  messages: {
    amountDueMismatch:
      'Total {{total}} − paid {{paid}} + rounding {{rounding}} = {{expected}}, but the amount due says {{amountDue}} (difference {{difference}}).',
    amountDueWithThirdPartyMismatch:
      'Total {{total}} − paid {{paid}} + rounding {{rounding}} + third-party payments {{thirdParty}} = {{expected}}, but the amount due says {{amountDue}} (difference {{difference}}).',
  },
  options: {},
  checkDocument(doc, ctx) {
    const { total, amountDue } = doc;
    if (doc.amountDueFollowsTotal !== true || total === undefined || amountDue === undefined) return;
    // In EN 16931 an absent paid amount or rounding is none (the schematron's branches without them).
    const paid = doc.paidAmount ?? Money.ZERO;
    const rounding = doc.amountDueRounding ?? Money.ZERO;
    // XRechnung's third-party payments (BR-DEX-09) are part of what is due.
    const thirdParty = doc.thirdPartyPaymentTotal;
    const owed = roundAsSchematron(total.sub(paid).add(thirdParty ?? Money.ZERO));
    if (roundAsSchematron(amountDue.sub(rounding)).eq(owed)) return;
    const expected = owed.add(rounding);
    ctx.report({
      messageId: thirdParty === undefined ? 'amountDueMismatch' : 'amountDueWithThirdPartyMismatch',
      data: {
        total,
        paid,
        rounding,
        expected,
        amountDue,
        difference: amountDue.sub(expected),
        thirdParty,
        en16931: thirdParty === undefined ? 'BR-CO-16' : 'BR-DEX-09',
      },
      document: doc,
    });
  },
});
