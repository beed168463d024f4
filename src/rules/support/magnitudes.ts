/**
 * The model stores credit notes and payments as magnitudes (DESIGN.md), while an export may
 * still sign some of their amounts; rules that compare such amounts compare magnitudes.
 */
import type { DocumentKind } from '../../model/document.js';
import type { Money } from '../../model/money.js';

export function isStoredAsMagnitude(kind: DocumentKind): boolean {
  return kind === 'credit-note' || kind === 'payment';
}

/** The amount as a document of this kind should be compared: a credit's magnitude, anything else as is. */
export function comparable(kind: DocumentKind, amount: Money): Money {
  return isStoredAsMagnitude(kind) ? amount.abs() : amount;
}

export interface TaxedAmounts {
  readonly net?: Money;
  readonly tax?: Money;
  readonly total?: Money;
}

/** Net, tax and total of a document or one of its lines, made comparable for the document's kind. */
export function comparableAmounts(kind: DocumentKind, amounts: TaxedAmounts): TaxedAmounts {
  if (!isStoredAsMagnitude(kind)) return amounts;
  return { net: amounts.net?.abs(), tax: amounts.tax?.abs(), total: amounts.total?.abs() };
}
