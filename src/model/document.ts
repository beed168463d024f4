import type { Money } from './money.js';

export const DOCUMENT_KINDS = ['invoice', 'credit-note', 'dunning', 'payment', 'termination'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['paid', 'unpaid', 'overdue'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * How a dunning letter names itself ("Relance", "Mise en demeure", "Final Demand", "Letzte
 * Mahnung"), as one of the titles the readers know: a closed set rather than the input's text, so
 * that a letter can name the document in its own language, with its article and gender, and
 * nothing from the input needs sanitizing on the way.
 */
export const DUNNING_TITLES = [
  'reminder',
  'final-reminder',
  'final-notice',
  'final-demand',
  'formal-notice',
  'letter-before-action',
] as const;
export type DunningTitle = (typeof DUNNING_TITLES)[number];

export type InputFormat = 'csv' | 'text' | 'pdf' | 'xml' | 'mail';

/** Where a document came from: `line` is the 1-based physical line where it starts (a CSV header is line 1). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly format: InputFormat;
  /** PDF: the 1-based page the document starts on (a PDF may hold several bills). */
  readonly page?: number;
  /** PDF: the e-invoice XML the file carries (Factur-X, ZUGFeRD, XRechnung), by its attachment's name. */
  readonly embeddedInvoice?: { readonly name: string; readonly standard: 'Factur-X' | 'ZUGFeRD' | 'XRechnung' };
}

/** How the input wrote numeric dates: "15/01/2024" is dmy with "/"; ymd is ISO. */
export interface DateStyle {
  readonly order: 'dmy' | 'mdy' | 'ymd';
  readonly separator: '/' | '.' | '-';
}

/**
 * How the input wrote its amounts (and dates), so that reports write them back the same way
 * ("149 000,00 €" for a French export, "€149,000.00" or "149,000.00 EUR" for an English one).
 */
export interface AmountStyle {
  readonly decimalSeparator: ',' | '.';
  /** "" when the input used no grouping; " " stands for any space-like separator. */
  readonly groupSeparator: '' | ' ' | '.' | ',' | "'";
  /** "€", "$", "EUR"…; undefined when amounts were written bare (then the currency code is appended). */
  readonly currencySymbol?: string;
  readonly symbolBefore: boolean;
  /** Numeric dates as the input wrote them; undefined: ISO. */
  readonly dates?: DateStyle;
}

export interface DocumentLine {
  readonly description?: string;
  readonly net?: Money;
  readonly tax?: Money;
  readonly total?: Money;
  /** Kept as written-and-normalized decimal text: quantities are not money. */
  readonly quantity?: string;
  readonly unitPrice?: Money;
  /** Percent as a decimal string, e.g. "20" or "5.5". */
  readonly taxRate?: string;
  /** EN 16931 VAT category code (BT-151: S, Z, E, AE, K, G, O, L, M): the VAT breakdown groups lines by it. */
  readonly taxCategory?: string;
}

// ---- e-invoice fields (EN 16931), filled by the XML reader; see src/parse/xml/README.md ----

/** One row of an e-invoice's VAT breakdown (EN 16931 BG-23). */
export interface VatBreakdown {
  /** BT-118: S, Z, E, AE, K, G, O, L, M. */
  readonly category?: string;
  /** BT-119, percent as a decimal string; absent for category O. */
  readonly rate?: string;
  /** BT-116. */
  readonly taxableAmount?: Money;
  /** BT-117. */
  readonly taxAmount?: Money;
}

/** A document-level allowance (BG-20) or charge (BG-21). */
export interface AllowanceCharge {
  readonly charge: boolean;
  /** BT-92 / BT-99. */
  readonly amount?: Money;
  /** BT-95 / BT-102 and BT-96 / BT-103. */
  readonly taxCategory?: string;
  readonly taxRate?: string;
  /** BT-97 / BT-104. */
  readonly reason?: string;
}

/** The seller (BG-4) or buyer (BG-7) as far as billcheck uses it. */
export interface Party {
  readonly name?: string;
  /** BT-31 / BT-48. */
  readonly vatId?: string;
  /** BT-40 / BT-55, ISO 3166-1 alpha-2. */
  readonly country?: string;
}

/**
 * What the visible page of a Factur-X / ZUGFeRD PDF says, as the PDF reader reads it beside the
 * embedded XML: the rule factur-x-page-mismatch compares it with the document's own fields.
 */
export interface PageFacts {
  readonly id?: string;
  readonly issueDate?: string;
  readonly total?: Money;
  readonly amountDue?: Money;
}
// ---- end of e-invoice fields ----

/**
 * One invoice, credit note, dunning letter, payment or termination, as every parser produces it.
 * Absent is not zero: a missing amount stays undefined. Credit notes and payments store their
 * magnitude (positive); the kind says that they reduce what the customer owes.
 */
export interface BillingDocument {
  readonly kind: DocumentKind;
  /** Document number; undefined when the input gives none. */
  readonly id?: string;
  /** Customer / contract / line number; one default account per file when the input has none. */
  readonly account: string;
  /**
   * Other identifiers of the same customer the document names beside `account` (a bill's line
   * number beside its customer number): the identity stage joins accounts through them.
   */
  readonly accountAliases?: readonly string[];
  readonly operator?: string;
  readonly issueDate?: string;
  readonly dueDate?: string;
  readonly periodStart?: string;
  readonly periodEnd?: string;
  /** For a termination: the date it takes effect. */
  readonly effectiveDate?: string;
  /** ISO 4217 code. */
  readonly currency: string;
  /**
   * Set when nothing in the input said the currency (an English export of bare amounts read as
   * euros): an account whose other documents state one is read in that one, and a guess is never
   * a currency-mismatch (issue 13).
   */
  readonly currencyGuessed?: true;
  /**
   * ISO 3166-1 alpha-2 code of the country whose VAT applies, when the input says so with
   * confidence (the seller's VAT number, a country column, the language of the labels); undefined
   * when unsure. The currency cannot tell it: Germany, the Netherlands and France all bill in EUR
   * at different rates.
   */
  readonly country?: string;
  readonly net?: Money;
  readonly tax?: Money;
  readonly total?: Money;
  readonly amountDue?: Money;
  /**
   * What the total was rounded by, signed (EN 16931 BT-114): Indian invoices round the grand
   * total to the rupee, so net + tax + rounding = total.
   */
  readonly rounding?: Money;
  readonly lines: readonly DocumentLine[];
  /**
   * True when the bill has lines the reader did not read: the text of a bill is read from its
   * labelled totals, so its tax may mix several rates that no line shows.
   */
  readonly linesUnread?: boolean;
  /** Ids of the documents this one refers to (a dunning letter's invoices, a credit note's invoice). */
  readonly references: readonly string[];
  /** What the operator says of the bill, when the input has a status column (paid, unpaid, overdue). */
  readonly status?: DocumentStatus;
  /** A dunning letter's own title (its type cell, its title or subject); absent when it names itself no known way. */
  readonly dunningTitle?: DunningTitle;
  readonly source: SourceLocation;
  /** How the input wrote amounts; reporters use it to write amounts back. */
  readonly amountStyle?: AmountStyle;
  /** How many data rows (CSV) this document was built from; 1 for a text document. */
  readonly rows: number;

  // ---- e-invoice fields (EN 16931): absent for CSV and text input ----
  /** BT-3, the UNTDID 1001 code as written (380, 381, 384, 389…); `kind` says what billcheck makes of it. */
  readonly typeCode?: string;
  /** BT-106, sum of the lines' net amounts as the invoice states it. */
  readonly lineNetTotal?: Money;
  /** BT-107 and BT-108, the document-level allowances and charges in total. */
  readonly allowanceTotal?: Money;
  readonly chargeTotal?: Money;
  /** BG-20 / BG-21, each document-level allowance and charge. */
  readonly allowanceCharges?: readonly AllowanceCharge[];
  /** BT-113, the amount already paid. */
  readonly paidAmount?: Money;
  /** BT-114: unlike `rounding`, EN 16931 applies it to the amount due, not to the total. */
  readonly amountDueRounding?: Money;
  /**
   * True when the input defines the amount due as total − paid + rounding (EN 16931 BR-CO-16), so
   * that an absent paid amount or rounding means none. A CSV or text bill's "amount to pay" may
   * carry an earlier balance that it does not state: there the two are not compared.
   */
  readonly amountDueFollowsTotal?: boolean;
  /**
   * XRechnung's extension BG-DEX-09 (third-party payments, Σ BT-DEX-002): what a telecom operator
   * bills for others (mobile payments, premium services), added to the amount due (BR-DEX-09).
   */
  readonly thirdPartyPaymentTotal?: Money;
  /** BG-23. */
  readonly vatBreakdown?: readonly VatBreakdown[];
  readonly seller?: Party;
  readonly buyer?: Party;
  /**
   * The purchaser's own reference for the bill: BT-10 (buyer reference), else BT-13 (its purchase
   * order). A company's letters quote it, as its accounts payable file bills by it.
   */
  readonly purchaserReference?: string;
  /** BT-81, the UNTDID 4461 payment means code as written (49, 59: a direct debit). */
  readonly paymentMeansCode?: string;
  /** Filled by the PDF reader for a Factur-X whose page it read. */
  readonly pageFacts?: PageFacts;
  // ---- end of e-invoice fields ----
}
