import { defineRule } from '../engine/rule.js';
import type { BillingDocument, VatBreakdown } from '../model/document.js';
import { Decimal, Money } from '../model/money.js';
import { categoryBasis, roundAsSchematron, sumOrUndefined } from './support/en16931.js';

/** BR-x-08 of each VAT category whose taxable amount must equal its lines exactly (BR-S-08 allows one unit). */
const CATEGORY_RULES: ReadonlyMap<string, string> = new Map([
  ['Z', 'BR-Z-08'],
  ['E', 'BR-E-08'],
  ['AE', 'BR-AE-08'],
  ['K', 'BR-IC-08'],
  ['G', 'BR-G-08'],
  ['O', 'BR-O-08'],
]);

/**
 * The validation artefacts accept a difference below one unit of the currency (the UBL
 * schematron of BR-CO-17 and BR-S-08). The CII schematron of BR-CO-17 accepts exactly one unit
 * as well; a rule cannot follow both on the same amounts, and billcheck takes the stricter bound,
 * which two CII tests of the standard's test set accept (fixtures/einvoice/en16931/README.md).
 */
const ONE_UNIT = Money.fromCents(100);

const withinOneUnit = (a: Money, b: Money): boolean => a.sub(b).abs().lt(ONE_UNIT);

/** round(|BT-116| × BT-119 / 100) to two decimals, as BR-CO-17 computes it. */
function taxOf(taxableAmount: Money, rate: string): Money {
  const exact = taxableAmount.abs().toDecimal().times(new Decimal(rate)).dividedBy(100);
  return roundAsSchematron(Money.fromDecimal(exact));
}

/** BR-CO-17: a zero rate (or none, category O) has a zero tax; any other is base × rate within one unit. */
function rateProblem(row: VatBreakdown): { expected: Money } | undefined {
  const { taxableAmount, taxAmount, rate } = row;
  if (taxAmount === undefined) return undefined;
  const zeroRate = rate === undefined || new Decimal(rate).round().isZero();
  if (zeroRate) {
    // The schematron rounds the tax to a whole unit here: 0.40 passes, 0.50 does not.
    return taxAmount.toDecimal().round().isZero() ? undefined : { expected: Money.ZERO };
  }
  if (taxableAmount === undefined) return undefined;
  const expected = taxOf(taxableAmount, rate);
  return withinOneUnit(taxAmount.abs(), expected) ? undefined : { expected };
}

/** BR-S-08 and siblings: the breakdown's taxable amount against the lines, allowances and charges of its category. */
function basisProblem(doc: BillingDocument, row: VatBreakdown): { expected: Money; en16931: string } | undefined {
  const category = row.category?.trim();
  const { taxableAmount } = row;
  if (category === undefined || taxableAmount === undefined) return undefined;
  // Without lines or adjustments there is nothing to sum: a document read without them is not held to them.
  if (doc.lines.length === 0 && (doc.allowanceCharges ?? []).length === 0) return undefined;
  // A line without a category (a Factur-X EXTENDED group line, whose sub-lines carry it) may be in any.
  if (doc.lines.some((line) => line.taxCategory === undefined)) return undefined;
  if (category === 'S') {
    if (row.rate === undefined) return undefined;
    const { basis, items } = categoryBasis(doc, 'S', row.rate);
    if (items > 0 && basis === undefined) return undefined;
    const expected = basis ?? Money.ZERO;
    return items > 0 && withinOneUnit(taxableAmount, expected) ? undefined : { expected, en16931: 'BR-S-08' };
  }
  const en16931 = CATEGORY_RULES.get(category);
  // BR-Z-08 and the others sum over the lines; on a document without lines the schematron does not hold.
  if (en16931 === undefined || doc.lines.length === 0) return undefined;
  const { basis } = categoryBasis(doc, category, undefined);
  if (basis === undefined || basis.eq(taxableAmount)) return undefined;
  return { expected: basis, en16931 };
}

/**
 * The VAT breakdown is what the buyer deducts and the seller declares: each category's tax must
 * follow from its base and rate, each base from the lines of that category, and their sum must be
 * the invoice's VAT.
 */
export default defineRule({
  id: 'vat-breakdown-mismatch',
  scope: 'document',
  severity: 'error',
  description:
    "A VAT breakdown's tax or taxable amount does not follow from its rate and lines, or the breakdown does not add up to the VAT total (EN 16931 BR-CO-14, BR-CO-17, BR-S-08…).",
  docs: {
    why: 'An e-invoice gives its VAT per category and rate (BG-23): the taxable amount, the rate and the tax. The buyer deducts that tax and the seller declares it, so a tax that is not the base times the rate, a base that is not the lines of that category, or a breakdown that does not add up to the VAT total (BT-110) means a VAT amount that one of them declares wrongly.',
    whatToDo:
      'Recompute the tax of each category from its lines and rate; ask the seller for a corrected invoice before deducting the VAT.',
    basis:
      'EN 16931-1 BR-CO-14 (BT-110 = Σ BT-117), BR-CO-17 (BT-117 = BT-116 × BT-119 / 100, rounded; the validation artefacts accept less than one unit of difference), BR-S-08 (per standard rate, BT-116 = Σ BT-131 + Σ BT-99 − Σ BT-92, within one unit), BR-Z-08, BR-E-08, BR-AE-08, BR-IC-08, BR-G-08, BR-O-08 (the same sum per category, exact).',
  },
  messages: {
    taxTotalMismatch:
      'The VAT breakdown adds up to {{sum}}, but the VAT total (BT-110) says {{tax}} (difference {{difference}}).',
    rateMismatch:
      'VAT category {{category}} at {{rate}} %: {{taxableAmount}} × {{rate}} % = {{expected}}, but the breakdown says {{taxAmount}}.',
    basisMismatch:
      'VAT category {{category}}{{rateText}}: the lines, charges and allowances of the category add up to {{expected}}, but the breakdown says {{taxableAmount}}.',
  },
  options: {},
  checkDocument(doc, ctx) {
    const breakdown = doc.vatBreakdown;
    if (breakdown === undefined || breakdown.length === 0) return;
    if (doc.tax !== undefined) {
      const exactSum = sumOrUndefined(breakdown.map((row) => row.taxAmount));
      const sum = exactSum === undefined ? undefined : roundAsSchematron(exactSum);
      if (sum !== undefined && !sum.eq(doc.tax)) {
        ctx.report({
          messageId: 'taxTotalMismatch',
          data: { sum, tax: doc.tax, difference: doc.tax.sub(sum), en16931: 'BR-CO-14' },
          document: doc,
        });
      }
    }
    for (const row of breakdown) {
      const where = {
        category: row.category ?? '',
        rate: row.rate ?? '',
        taxableAmount: row.taxableAmount,
        taxAmount: row.taxAmount,
      };
      const rate = rateProblem(row);
      if (rate !== undefined)
        ctx.report({
          messageId: 'rateMismatch',
          data: { ...where, expected: rate.expected, en16931: 'BR-CO-17' },
          document: doc,
        });
      const basis = basisProblem(doc, row);
      if (basis !== undefined) {
        const rateText = row.rate === undefined ? '' : ` at ${row.rate} %`;
        ctx.report({
          messageId: 'basisMismatch',
          data: { ...where, rateText, expected: basis.expected, en16931: basis.en16931 },
          document: doc,
        });
      }
    }
  },
});
