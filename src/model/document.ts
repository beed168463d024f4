import type { Money } from './money.js';

export const DOCUMENT_KINDS = ['invoice', 'credit-note', 'dunning', 'payment', 'termination'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['paid', 'unpaid', 'overdue'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export type InputFormat = 'csv' | 'text';

/** Where a document came from: `line` is the 1-based physical line where it starts (a CSV header is line 1). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly format: InputFormat;
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
}

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
  /** Ids of the documents this one refers to (a dunning letter's invoices, a credit note's invoice). */
  readonly references: readonly string[];
  /** What the operator says of the bill, when the input has a status column (paid, unpaid, overdue). */
  readonly status?: DocumentStatus;
  readonly source: SourceLocation;
  /** How the input wrote amounts; reporters use it to write amounts back. */
  readonly amountStyle?: AmountStyle;
  /** How many data rows (CSV) this document was built from; 1 for a text document. */
  readonly rows: number;
}
