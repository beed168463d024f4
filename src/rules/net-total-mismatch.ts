import { defineRule } from '../engine/rule.js';
import type { AllowanceCharge } from '../model/document.js';
import { Money } from '../model/money.js';
import { allowancesOf, chargesOf, roundAsSchematron, sumOrUndefined } from './support/en16931.js';

const ITEM_TOTALS = [
  {
    items: allowancesOf,
    total: 'allowanceTotal',
    messageId: 'allowancesMismatch',
    missing: 'allowancesWithoutTotal',
    en16931: 'BR-CO-11',
  },
  {
    items: chargesOf,
    total: 'chargeTotal',
    messageId: 'chargesMismatch',
    missing: 'chargesWithoutTotal',
    en16931: 'BR-CO-12',
  },
] as const;

const amountsOf = (items: readonly AllowanceCharge[]): (Money | undefined)[] => items.map((item) => item.amount);

/**
 * The total without VAT of an e-invoice is built from parts it states: the lines' sum, minus the
 * document's allowances, plus its charges. A part that does not add up hides a discount that was
 * not granted or a fee that was not shown.
 */
export default defineRule({
  id: 'net-total-mismatch',
  scope: 'document',
  severity: 'error',
  description:
    'The total without VAT is not the lines minus allowances plus charges, or those totals are not their items (EN 16931 BR-CO-11 to 13).',
  docs: {
    why: 'An e-invoice states the sum of its lines (BT-106), its document-level allowances and charges one by one and in total (BT-107, BT-108), and the total without VAT (BT-109) computed from them. When they disagree, a discount promised on the invoice was not deducted, or a charge was added that no line explains, and the VAT and the amount to pay inherit the error.',
    whatToDo:
      'Recompute the total without VAT from the lines, allowances and charges the invoice lists, and ask the seller for a corrected invoice (type 384) or a credit note for the difference.',
    basis:
      'EN 16931-1 BR-CO-11 (BT-107 = Σ BT-92), BR-CO-12 (BT-108 = Σ BT-99), BR-CO-13 (BT-109 = BT-106 − BT-107 + BT-108), each rounded to two decimals as the EN 16931 validation artefacts do.',
  },
  messages: {
    allowancesMismatch:
      'The document-level allowances add up to {{sum}}, but their total (BT-107) says {{stated}} (difference {{difference}}).',
    chargesMismatch:
      'The document-level charges add up to {{sum}}, but their total (BT-108) says {{stated}} (difference {{difference}}).',
    allowancesWithoutTotal:
      'The invoice lists {{count}} document-level allowances ({{sum}}) but states no allowance total (BT-107).',
    chargesWithoutTotal:
      'The invoice lists {{count}} document-level charges ({{sum}}) but states no charge total (BT-108).',
    netMismatch:
      'Lines {{lineNetTotal}} − allowances {{allowanceTotal}} + charges {{chargeTotal}} = {{expected}}, but the total without VAT says {{net}} (difference {{difference}}).',
  },
  options: {},
  checkDocument(doc, ctx) {
    // Asked of every row of a CSV bill run: a document without any of these terms costs nothing.
    if (
      doc.lineNetTotal === undefined &&
      doc.allowanceCharges === undefined &&
      doc.allowanceTotal === undefined &&
      doc.chargeTotal === undefined
    )
      return;
    for (const { items, total, messageId, missing, en16931 } of ITEM_TOTALS) {
      const listed = items(doc);
      const stated = doc[total];
      const exactSum = sumOrUndefined(amountsOf(listed));
      if (exactSum === undefined) continue;
      const sum = roundAsSchematron(exactSum);
      if (stated === undefined) {
        if (listed.length > 0)
          ctx.report({ messageId: missing, data: { count: listed.length, sum, en16931 }, document: doc });
        continue;
      }
      // A document that does not list its allowances and charges at all cannot be held to their sum.
      if (listed.length === 0 && doc.allowanceCharges === undefined) continue;
      if (!sum.eq(stated))
        ctx.report({ messageId, data: { sum, stated, difference: stated.sub(sum), en16931 }, document: doc });
    }
    const { net, lineNetTotal } = doc;
    if (net === undefined || lineNetTotal === undefined) return;
    const allowanceTotal = doc.allowanceTotal ?? Money.ZERO;
    const chargeTotal = doc.chargeTotal ?? Money.ZERO;
    const expected = roundAsSchematron(lineNetTotal.sub(allowanceTotal).add(chargeTotal));
    if (expected.eq(net)) return;
    ctx.report({
      messageId: 'netMismatch',
      data: {
        lineNetTotal,
        allowanceTotal,
        chargeTotal,
        expected,
        net,
        difference: net.sub(expected),
        en16931: 'BR-CO-13',
      },
      document: doc,
    });
  },
});
