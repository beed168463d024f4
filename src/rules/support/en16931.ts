/**
 * The arithmetic of EN 16931's business rules as its validation artefacts compute it
 * (ConnectingEurope/eInvoicing-EN16931, the schematron of each syntax): sums rounded to two
 * decimals with `round(x * 100) div 100`, some comparisons exact, some within one unit.
 */
import type { AllowanceCharge, BillingDocument, DocumentLine } from '../../model/document.js';
import { Decimal, Money } from '../../model/money.js';

/** EN 16931 writes every amount with at most two decimals (BR-DEC), whatever the currency. */
export const EN16931_DECIMALS = 2;

/**
 * XPath round(): half towards positive infinity (round(-0.125 × 100) = -12), which is what the
 * schematron does; it differs from half-up only on a negative tie.
 */
export function roundAsSchematron(amount: Money): Money {
  if (amount.isCents) return amount;
  const scaled = amount.toDecimal().times(100);
  return Money.fromDecimal(scaled.plus(new Decimal('0.5')).floor().dividedBy(100));
}

/** Sum of amounts, undefined when one is absent (absent is not zero; the reader reported it). */
export function sumOrUndefined(amounts: readonly (Money | undefined)[]): Money | undefined {
  let sum = Money.ZERO;
  for (const amount of amounts) {
    if (amount === undefined) return undefined;
    sum = sum.add(amount);
  }
  return sum;
}

export const allowancesOf = (doc: BillingDocument): AllowanceCharge[] =>
  (doc.allowanceCharges ?? []).filter((item) => !item.charge);
export const chargesOf = (doc: BillingDocument): AllowanceCharge[] =>
  (doc.allowanceCharges ?? []).filter((item) => item.charge);

/** Two percentages as the schematron compares them, as xs:decimal values ("20" = "20.00"). */
export function sameRate(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    return new Decimal(a).eq(new Decimal(b));
  } catch {
    return false;
  }
}

const sameCategory = (a: string | undefined, category: string): boolean => a?.trim() === category;

interface TaxedItem {
  readonly category?: string;
  readonly rate?: string;
}

function matches(item: TaxedItem, category: string, rate: string | undefined): boolean {
  return sameCategory(item.category, category) && (rate === undefined || sameRate(item.rate, rate));
}

/**
 * The taxable amount the lines, charges and allowances of a VAT category (and rate, for "S") give:
 * Σ BT-131 + Σ BT-99 − Σ BT-92 (BR-S-08 and its siblings). Undefined when an amount of it is
 * absent; `items` counts what was found, since BR-S-08 needs at least one.
 */
export function categoryBasis(
  doc: BillingDocument,
  category: string,
  rate: string | undefined,
): { basis: Money | undefined; items: number } {
  const lines = doc.lines.filter((line: DocumentLine) =>
    matches({ category: line.taxCategory, rate: line.taxRate }, category, rate),
  );
  const adjustments = (doc.allowanceCharges ?? []).filter((item) =>
    matches({ category: item.taxCategory, rate: item.taxRate }, category, rate),
  );
  const signed = [
    ...lines.map((line) => line.net),
    ...adjustments.map((item) => (item.charge ? item.amount : item.amount?.neg())),
  ];
  return { basis: sumOrUndefined(signed), items: signed.length };
}
