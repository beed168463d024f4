import { defineRule } from '../engine/rule.js';
import type { BillingDocument } from '../model/document.js';
import { Money } from '../model/money.js';
import { currencyDecimals, roundHalfUp, withinTolerance } from './support/arithmetic.js';
import type { TaxedAmounts } from './support/magnitudes.js';
import { comparable } from './support/magnitudes.js';
import { amountAtLeastZeroOption } from './support/options.js';
import { lineRepeatsDocument } from './support/single-line.js';

interface Mismatch {
  readonly net: Money;
  readonly tax: Money;
  readonly expected: Money;
  readonly total: Money;
  readonly difference: Money;
}

/** Net + tax against the total; a credit note's or payment's as magnitudes (see support/magnitudes). */
function mismatch(
  amounts: TaxedAmounts,
  doc: BillingDocument,
  tolerance: Money,
  rounding = Money.ZERO,
): Mismatch | undefined {
  const { net, tax, total } = amounts;
  if (net === undefined || tax === undefined || total === undefined) return undefined;
  // Sub-cent net or tax (flagged by sub-cent-amount) are shown rounded, so the total is compared with the rounded sum.
  // A printed round-off (EN 16931 BT-114, e.g. Indian bills rounded to the rupee) is part of the sum.
  const sum = net.add(tax).add(rounding);
  const expected = comparable(doc.kind, roundHalfUp(sum, currencyDecimals(doc.currency)));
  const actual = comparable(doc.kind, total);
  if (withinTolerance(actual, expected, tolerance)) return undefined;
  // A total written with the same sub-cent digits as its parts (3,2625 + 0,6525 = 3,915) adds up.
  if (
    total.decimalPlaces() > currencyDecimals(doc.currency) &&
    withinTolerance(actual, comparable(doc.kind, sum), tolerance)
  )
    return undefined;
  return { net, tax, expected, total, difference: actual.sub(expected) };
}

/** A total that is not net + tax means that one of the three amounts is wrong, and the customer cannot know which. */
export default defineRule({
  id: 'total-mismatch',
  scope: 'document',
  severity: 'error',
  description: 'Net + tax differs from the total (EN 16931 BR-CO-15), to the cent.',
  docs: {
    why: 'The total with VAT must be the total without VAT plus the VAT: rounding happens when each of those amounts is computed, never in the addition. A bill whose three amounts disagree has been edited by hand or computed from different data, and the amount to pay cannot be trusted.',
    whatToDo:
      'Ask the operator which amount is right and for a corrected invoice; pay the smallest consistent amount meanwhile.',
    basis:
      'EN 16931 BR-CO-15 (BT-112 = BT-109 + BT-110, exact). In France the invoice must state the total without VAT and the VAT per rate (Code général des impôts, annex II, article 242 nonies A).',
    options: {
      tolerance:
        'Largest accepted difference between net + tax and the total (document currency). "0.00": exact, as BR-CO-15 requires.',
    },
  },
  messages: {
    documentMismatch:
      'Net {{net}} + tax {{tax}} = {{expected}}, but the total says {{total}} (difference {{difference}}).',
    lineMismatch:
      'Item {{line}} ("{{description}}"): net {{net}} + tax {{tax}} = {{expected}}, but the line total says {{total}} (difference {{difference}}).',
  },
  options: { tolerance: '0.00' },
  validateOptions: (options) => amountAtLeastZeroOption('tolerance', options.tolerance),
  checkDocument(doc, ctx) {
    const tolerance = ctx.moneyOption('tolerance');
    const found = mismatch(doc, doc, tolerance, doc.rounding);
    // A one-line document whose line is the document itself (one CSV row) is one mismatch, told once.
    if (lineRepeatsDocument(doc)) {
      if (found !== undefined)
        ctx.report({ messageId: 'documentMismatch', data: { ...found, en16931: 'BR-CO-15' }, document: doc });
      return;
    }
    let lineDifferences: Money | undefined;
    doc.lines.forEach((line, index) => {
      const lineFound = mismatch(line, doc, tolerance);
      if (lineFound === undefined) return;
      lineDifferences = (lineDifferences ?? Money.ZERO).add(lineFound.difference);
      ctx.report({
        messageId: 'lineMismatch',
        data: { ...lineFound, line: index + 1, description: line.description ?? '' },
        document: doc,
      });
    });
    // Document amounts summed from the lines inherit the lines' mismatch: the lines already told it.
    if (found === undefined || (lineDifferences !== undefined && lineDifferences.eq(found.difference))) return;
    ctx.report({ messageId: 'documentMismatch', data: { ...found, en16931: 'BR-CO-15' }, document: doc });
  },
});
