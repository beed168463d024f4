import { defineRule } from '../engine/rule.js';
import type { BillingDocument, DocumentLine } from '../model/document.js';
import type { Money } from '../model/money.js';
import { currencyDecimals, lineRoundingAllowance, roundHalfUp, withinTolerance } from './support/arithmetic.js';
import { comparable } from './support/magnitudes.js';
import { amountAtLeastZeroOption } from './support/options.js';

type AmountField = 'net' | 'tax' | 'total';

/** The customer pays the total, so a total that the lines do not explain is reported first. */
const FIELDS: readonly AmountField[] = ['total', 'net', 'tax'];

const MESSAGE_IDS = { total: 'totalMismatch', net: 'netMismatch', tax: 'taxMismatch' } as const;

/**
 * The amount the lines' net sum is held to. An e-invoice states that sum itself (BT-106), exactly
 * (BR-CO-10); its net (BT-109) then includes the document's allowances and charges, which
 * net-total-mismatch checks (BR-CO-13). A document with allowances or charges but no such sum
 * has no amount the lines alone must make.
 */
function netTarget(doc: BillingDocument): { amount: Money | undefined; exact: boolean } {
  if (doc.lineNetTotal !== undefined) return { amount: doc.lineNetTotal, exact: true };
  const adjusted =
    doc.allowanceTotal !== undefined || doc.chargeTotal !== undefined || (doc.allowanceCharges ?? []).length > 0;
  return { amount: adjusted ? undefined : doc.net, exact: false };
}

/** The lines' sum of one amount; undefined unless every line has it, since absent is not zero. */
function lineSum(lines: readonly DocumentLine[], field: AmountField): Money | undefined {
  // From the first line's amount, not from zero: a one-line bill (a million in a bill run) adds nothing.
  let sum = lines[0]?.[field];
  for (let at = 1; at < lines.length && sum !== undefined; at++) {
    const amount = (lines[at] as DocumentLine)[field];
    sum = amount === undefined ? undefined : sum.add(amount);
  }
  return sum;
}

/** Lines that do not add up to the document mean a charge was added, dropped or changed between the detail and the total. */
export default defineRule({
  id: 'lines-total-mismatch',
  scope: 'document',
  severity: 'error',
  description: 'The lines do not add up to the document amount (EN 16931 BR-CO-10), beyond line-by-line rounding.',
  docs: {
    why: 'The total to pay must be the sum of the charges listed. When it is not, either a charge is missing from the detail (the customer pays for something not shown) or the detail lists charges that are not billed.',
    whatToDo: 'Add up the lines yourself, then ask the operator for the missing detail or a corrected invoice.',
    basis:
      'EN 16931 BR-CO-10 (sum of line net amounts = BT-106, exact); BR-CO-13 and BR-CO-15 carry it to the totals. In France the invoice must state each charge and its price (Code général des impôts, annex II, article 242 nonies A).',
    options: {
      roundingPerLine:
        'Rounding accepted for each line after the first, in the document currency. Operators round each line, then compute VAT (or the net, on tax-inclusive prices) once on the sum; each rounding is off by at most half a cent, which never adds up to more than one cent per extra line. A single-line document must match exactly.',
    },
  },
  messages: {
    totalMismatch:
      'The lines add up to {{sum}} with tax, but the document total is {{documentAmount}} (difference {{difference}}).',
    netMismatch:
      'The lines add up to {{sum}} without tax, but the document net is {{documentAmount}} (difference {{difference}}).',
    taxMismatch:
      'The lines add up to {{sum}} of tax, but the document tax is {{documentAmount}} (difference {{difference}}).',
    lineNetTotalMismatch:
      'The lines add up to {{sum}} without tax, but the sum of line net amounts (BT-106) says {{documentAmount}} (difference {{difference}}).',
  },
  options: { roundingPerLine: '0.01' },
  validateOptions: (options) => amountAtLeastZeroOption('roundingPerLine', options.roundingPerLine),
  checkDocument(doc, ctx) {
    // Lines the reader did not all read (a letter's fee lines, beside its debt) cannot add up to its amount.
    if (doc.lines.length === 0 || doc.linesUnread === true) return;
    const allowed = lineRoundingAllowance(ctx.moneyOption('roundingPerLine'), doc.lines.length);
    const places = currencyDecimals(doc.currency);
    for (const field of FIELDS) {
      const target = field === 'net' ? netTarget(doc) : undefined;
      const documentAmount = target === undefined ? doc[field] : target.amount;
      if (documentAmount === undefined) continue;
      const exactSum = lineSum(doc.lines, field);
      if (exactSum === undefined) continue;
      // Lines priced in fractions of a cent (per-minute usage) are billed rounded.
      const sum = comparable(doc.kind, roundHalfUp(exactSum, places));
      const expected = comparable(doc.kind, documentAmount);
      if (target?.exact === true) {
        if (!sum.eq(expected)) {
          const data = {
            lines: doc.lines.length,
            sum,
            documentAmount: expected,
            difference: expected.sub(sum),
            en16931: 'BR-CO-10',
          };
          ctx.report({ messageId: 'lineNetTotalMismatch', data, document: doc });
        }
        continue;
      }
      if (withinTolerance(sum, expected, allowed)) continue;
      // A document amount written with the lines' own sub-cent digits (0,0042 € on one line) adds up.
      if (withinTolerance(comparable(doc.kind, exactSum), expected, allowed)) continue;
      ctx.report({
        messageId: MESSAGE_IDS[field],
        data: { lines: doc.lines.length, sum, documentAmount: expected, difference: expected.sub(sum), allowed },
        document: doc,
      });
    }
  },
});
