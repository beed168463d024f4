import { defineRule } from '../engine/rule.js';
import { isBlankDocument } from '../model/blank.js';

/** An invoice that bills nothing is not a bill; it is what the seed 0,01 € mise en demeure was attached to. */
export default defineRule({
  id: 'blank-invoice',
  scope: 'document',
  severity: 'error',
  description: 'An invoice has no lines and no amount, or only zero amounts.',
  docs: {
    why: 'A blank invoice says nothing about what is owed, yet billing systems send it to collection like any other: the real 0,01 € formal notice was attached to one. It also hides the bill the customer should have received.',
    whatToDo:
      'Ask the operator for the complete invoice, or for written confirmation that nothing is owed for that period, before paying anything it is used to claim.',
  },
  messages: {
    empty: 'The invoice states no amount at all.',
    zero: 'The invoice bills nothing: every amount on it is zero.',
  },
  options: {},
  checkDocument(doc, ctx) {
    if (doc.kind !== 'invoice' || !isBlankDocument(doc)) return;
    const amounts =
      countAmounts(doc.net, doc.tax, doc.total, doc.amountDue) +
      doc.lines.reduce((n, line) => n + countAmounts(line.net, line.tax, line.total, line.unitPrice), 0);
    // Lines without any amount (a bare description) are still "nothing billed".
    if (amounts === 0) ctx.report({ messageId: 'empty', data: { lines: doc.lines.length }, document: doc });
    else ctx.report({ messageId: 'zero', data: { amounts, lines: doc.lines.length }, document: doc });
  },
});

function countAmounts(...amounts: readonly unknown[]): number {
  return amounts.reduce<number>((n, amount) => (amount === undefined ? n : n + 1), 0);
}
