import { defineRule } from '../engine/rule.js';

/**
 * A warning, not an error: EN 16931 accepts an invoice with a negative total (its own test set
 * has them) and some operators print a month where refunds exceed charges as an invoice with a
 * negative total. It is still the wrong document: a credit should come as a credit note, and a
 * negative "amount to pay" sent to a direct debit or a collection process goes wrong.
 */
export default defineRule({
  id: 'negative-invoice',
  scope: 'document',
  severity: 'warning',
  description: 'An invoice (not a credit note) has a negative total.',
  docs: {
    why: 'An invoice states what the customer owes. A negative total means the operator owes the customer, which is what a credit note (avoir) is for; issued as an invoice, the credit is easily lost: it is not refunded, or a payment process treats the amount as a debt.',
    whatToDo:
      'Ask the operator to confirm that the amount is a credit in your favour, and to refund it or to issue a credit note; check that no debit is taken for it.',
    basis:
      'EN 16931 allows a negative invoice total; credits have their own document type, the credit note (UNTDID 1001 code 381).',
  },
  messages: {
    negativeTotal: 'The invoice total is negative: {{total}}.',
  },
  options: {},
  checkDocument(doc, ctx) {
    if (doc.kind !== 'invoice') return;
    // The total is what the invoice bills; a negative amount due only says an earlier credit is carried over.
    const total = doc.total ?? doc.net;
    if (total === undefined || !total.isNegative()) return;
    ctx.report({ messageId: 'negativeTotal', data: { total }, document: doc });
  },
});
