/**
 * What the UBL and CII mappings read, by EN 16931 business term, before it becomes a
 * BillingDocument: both syntaxes carry the same semantic model, so they share this shape.
 */
import type { AllowanceCharge, DocumentKind, DocumentLine, Party, VatBreakdown } from '../../model/document.js';
import type { Money } from '../../model/money.js';

/** A value that may name the buyer's account, with the business term it came from. */
export interface AccountCandidate {
  readonly term: 'BT-46' | 'BT-47' | 'BT-48' | 'BT-10' | 'BT-13' | 'BT-44';
  readonly value: string | undefined;
}

export interface EInvoiceFields {
  /** "UBL Invoice", "UBL CreditNote", "CII CrossIndustryInvoice". */
  readonly syntax: string;
  /** BT-24, the specification identifier (the Factur-X / XRechnung / Peppol profile). */
  readonly profile?: string;
  readonly kind: DocumentKind;
  readonly typeCode?: string;
  readonly id?: string;
  readonly issueDate?: string;
  readonly dueDate?: string;
  readonly periodStart?: string;
  readonly periodEnd?: string;
  readonly currency?: string;
  /** In billcheck's order of preference (see chooseAccount). */
  readonly accountCandidates: readonly AccountCandidate[];
  readonly references: readonly string[];
  readonly lineNetTotal?: Money;
  readonly allowanceTotal?: Money;
  readonly chargeTotal?: Money;
  readonly net?: Money;
  readonly tax?: Money;
  readonly total?: Money;
  readonly paidAmount?: Money;
  readonly amountDueRounding?: Money;
  readonly amountDue?: Money;
  readonly thirdPartyPaymentTotal?: Money;
  readonly allowanceCharges: readonly AllowanceCharge[];
  readonly vatBreakdown: readonly VatBreakdown[];
  readonly lines: readonly DocumentLine[];
  readonly seller: Party;
  readonly buyer: Party;
  /** BT-81. */
  readonly paymentMeansCode?: string;
}
