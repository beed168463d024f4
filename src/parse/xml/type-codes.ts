/**
 * EN 16931 BT-3, the invoice type code (UNTDID 1001), and the model's `kind`.
 *
 * The codes EN 16931 allows fall in two families: those that reduce what the buyer owes (credit
 * notes, whatever their flavour) and those that bill (commercial invoice, corrected invoice,
 * self-billed, prepayment, factored…). billcheck keeps the code as written (`typeCode`) and tells
 * the two families apart in `kind`; a code outside both lists is read as an invoice and reported.
 */
import type { DocumentKind } from '../../model/document.js';

/** UNTDID 1001 codes of the credit-note family (EN 16931 code list, "credit note" entries). */
const CREDIT_NOTE_CODES: ReadonlySet<string> = new Set([
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
]);

/**
 * UNTDID 1001 codes of the invoice family that EN 16931 allows: 380 commercial invoice, 384
 * corrected invoice, 389 self-billed invoice, 386 prepayment, 393 factored, 326 partial, 383
 * debit note, 875–877 partial construction invoices, and the others of the code list.
 */
const INVOICE_CODES: ReadonlySet<string> = new Set([
  '71',
  '80',
  '82',
  '84',
  '102',
  '218',
  '219',
  '326',
  '331',
  '380',
  '382',
  '383',
  '384',
  '385',
  '386',
  '387',
  '388',
  '389',
  '390',
  '393',
  '394',
  '395',
  '456',
  '457',
  '527',
  '575',
  '623',
  '633',
  '751',
  '780',
  '875',
  '876',
  '877',
  '935',
]);

export interface KindFromCode {
  readonly kind: DocumentKind;
  /** False when the code is in neither family: the reader then reports it. */
  readonly known: boolean;
}

/**
 * The kind a BT-3 code means. A UBL CreditNote is a credit note whatever its code says; an
 * absent code is the syntax's default (Invoice: invoice, CreditNote: credit note).
 */
export function kindFromTypeCode(code: string | undefined, rootIsCreditNote: boolean): KindFromCode {
  if (rootIsCreditNote) return { kind: 'credit-note', known: code === undefined || CREDIT_NOTE_CODES.has(code) };
  if (code === undefined) return { kind: 'invoice', known: true };
  if (CREDIT_NOTE_CODES.has(code)) return { kind: 'credit-note', known: true };
  return { kind: 'invoice', known: INVOICE_CODES.has(code) };
}
