/**
 * Rows of a bank statement or ledger, classified from their wording and sign: an operator's
 * direct debit (or any payment to an operator) is a payment of its bill, an operator's refund a
 * credit note; every other row (card payments, transfers, a salary) is not about bills and is
 * only counted, so that the report can say so in one line.
 */
import type { DocumentKind } from '../../model/document.js';
import type { Money } from '../../model/money.js';
import { normalizeLabel } from '../values/normalize.js';
import { isPhoneNumber } from './column-evidence.js';
import {
  BANK_DETAIL_HEADER,
  DIRECT_DEBIT_WORDS,
  OPERATOR_NAMES,
  OTHER_OPERATIONS,
  REFUND_WORDS,
} from './statement-vocabulary.js';

export type StatementRow =
  | {
      readonly bill: true;
      readonly kind: DocumentKind;
      readonly operator: string;
      /** The customer or line number the wording names, else an account named after the operator. */
      readonly account: string;
      /** The bill the wording names ("FACTURE 24050012", "Rg-Nr. 2405123456"), when it names one. */
      readonly reference?: string;
    }
  | { readonly bill: false; readonly category: string };

const padded = (words: readonly string[]): string[] => words.map((word) => ` ${word} `);
const OPERATORS = padded(OPERATOR_NAMES);
const DEBITS = padded(DIRECT_DEBIT_WORDS);
const REFUNDS = padded(REFUND_WORDS);
const OTHERS = OTHER_OPERATIONS.map(([category, words]) => [category, padded(words)] as const);
const CARD = OTHERS.find(([category]) => category === 'card payments')?.[1] ?? [];

/** An account the label names: a customer/contract/line number after its word. */
const ACCOUNT_WORDS =
  'client|contrat|compte|customer|account|acct|kundennr|kundennummer|kunden[ .-]?nr|kd[ .-]?nr|vertrag|' +
  'vertragsnummer|rufnummer|anschluss|klantnummer|klantnr|ligne|line';
const NAMED_ACCOUNT = new RegExp(
  `\\b(?:${ACCOUNT_WORDS})\\s*(?:n°|n|no|nr|num|#)?\\.?\\s*[:.]?\\s*((?=[A-Z-]*\\d)[A-Z0-9][A-Z0-9-]{4,})`,
  'i',
);
/** The bill a debit pays, after its word. */
const BILL_WORDS = 'facture|fact|rechnung|rechnungsnr|rg[ .-]?nr|invoice|inv|factuur|factuurnr|bill';
const NAMED_BILL = new RegExp(
  `\\b(?:${BILL_WORDS})\\s*(?:n°|n|no|nr|num|#)?\\.?\\s*[:.]?\\s*((?=[A-Z/-]*\\d)[A-Z0-9][A-Z0-9/-]{3,})`,
  'i',
);
/** 9 to 15 digits, single separators between them: "06 12 34 56 78", not "0612345678 -47,99". */
const PHONE_IN_TEXT = /(?<![\p{L}\d])(?:\+|00)?\d(?:[ .-]?\d){8,14}(?![\p{L}\d])/gu;
/** "05/2024" after "Rechnung" is the month billed, not a bill's number. */
const MONTH = /^\d{1,2}[/.-]\d{2,4}$/;
/**
 * The tagged fields of a SEPA direct debit that name the mandate, the creditor or the bank's own
 * reference ("RUM : ORA000123", "MDT/0612345678", "ICS : FR54ZZZ008373", "REF/2405…", "ID EMETTEUR/…",
 * "MANDAT FM-0663223344"), IBANs and SEPA creditor ids: none of them is the customer's line, though
 * their digits may look like one. They are cut out of the wording before an account is looked for.
 */
const MANDATE_FIELD = new RegExp(
  '\\b(?:RUM|ICS|MDT|MANDAT|MANDATE|MANDATSREF(?:ERENZ)?|MREF|CRED|EREF|KREF|REF|ID\\s+EMETTEUR|ID\\s+CREANCIER|ID|ECH|' +
    'GLAEUBIGER[- ]?ID|GL\u00C4UBIGER[- ]?ID)(?![\\p{L}])\\s*[:/.]?\\s*[:/]?\\s*(?=[\\p{L}./+-]*\\d)[\\p{L}\\d][\\p{L}\\d./+-]*',
  'giu',
);
const IBAN_OR_CREDITOR_ID = /\b[A-Z]{2}\d{2}(?:ZZZ)?[A-Z0-9]{8,30}\b/g;

/** The wording without the mandate's and creditor's identifiers. */
function withoutMandate(text: string): string {
  return text.replace(MANDATE_FIELD, ' ').replace(IBAN_OR_CREDITOR_ID, ' ');
}

function namedAccount(text: string): string | undefined {
  for (const match of text.matchAll(PHONE_IN_TEXT)) {
    const candidate = match[0].trim();
    if (isPhoneNumber(candidate)) return candidate.replace(/[ .-]/g, '');
  }
  return NAMED_ACCOUNT.exec(text)?.[1];
}

/** "free mobile" → "Free Mobile": the account of an operator's debits that name no customer number. */
function operatorAccount(operator: string): string {
  return operator.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

function operatorIn(words: string): string | undefined {
  const at = OPERATORS.findIndex((name) => words.includes(name));
  return at === -1 ? undefined : (OPERATOR_NAMES[at] as string);
}

/**
 * A statement column that holds the bank's own details, never an operation's wording: the account
 * the statement is of ("Auftragskonto", "accountNum", "Numéro de compte"), the other party's IBAN and
 * BIC, the mandate and creditor ids ("Mandatsreferenz", "Glaeubiger ID"), the bank's references, the balance.
 */
export function isBankDetailHeader(header: string): boolean {
  return BANK_DETAIL_HEADER.test(` ${normalizeLabel(header)} `);
}

/** Classifies one row from its label (and transaction-type cell) and its signed amount. */
export function classifyStatementRow(label: string, type: string | undefined, amount: Money | undefined): StatementRow {
  const text = `${label} ${type ?? ''}`;
  const words = ` ${normalizeLabel(text.length > 300 ? text.slice(0, 300) : text)} `;
  const operator = operatorIn(words);
  const outgoing = amount === undefined || amount.isNegative();
  // "CB ORANGE STORE": a phone bought in a shop is paid by card, it is no bill's payment.
  const byCard = CARD.some((phrase) => words.includes(phrase)) && !DEBITS.some((word) => words.includes(word));
  if (operator !== undefined && !byCard) {
    const wording = withoutMandate(label.length > 600 ? label.slice(0, 600) : label);
    const account = namedAccount(wording) ?? operatorAccount(operator);
    const named = NAMED_BILL.exec(wording)?.[1];
    const bill = named === undefined || MONTH.test(named) ? undefined : named;
    const base =
      bill === undefined || bill === account ? { operator, account } : { operator, account, reference: bill };
    if (!outgoing && REFUNDS.some((word) => words.includes(word))) return { bill: true, kind: 'credit-note', ...base };
    if (outgoing) return { bill: true, kind: 'payment', ...base };
  }
  for (const [category, phrases] of OTHERS) {
    if (phrases.some((phrase) => words.includes(phrase))) return { bill: false, category };
  }
  if (!outgoing && DEBITS.some((word) => words.includes(word))) {
    return { bill: false, category: 'direct debits to others' };
  }
  return { bill: false, category: outgoing ? 'other payments' : 'other income' };
}

/** Counts the rows that are not about bills, by category, for one line of the report. */
export class NotBillTally {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(category: string): void {
    this.total++;
    this.counts.set(category, (this.counts.get(category) ?? 0) + 1);
  }

  /** "312 rows are not about bills: card payments, transfers"; undefined when there were none. */
  sentence(): string | undefined {
    if (this.total === 0) return undefined;
    const byCount = [...this.counts].sort((a, b) => b[1] - a[1]);
    const categories = byCount.map(([category, count]) => `${category} (${count})`);
    return `${this.total} ${this.total === 1 ? 'row is' : 'rows are'} not about bills: ${categories.join(', ')}`;
  }
}

/** Days within which the same debit taken twice is a double debit, not next month's bill. */
const DOUBLE_DEBIT_DAYS = 10;
/** Debits remembered: a statement has a few per operator and month; a hostile file millions. */
const MAX_REMEMBERED_DEBITS = 10_000;
const DAY_MS = 86_400_000;

export interface StatementDebit {
  readonly operator: string | undefined;
  readonly account: string | undefined;
  readonly total: Money | undefined;
  readonly currency: string | undefined;
  readonly references: readonly string[] | undefined;
  readonly issueDate: string | undefined;
}

/**
 * An operator's debit taken twice: the same operator, account, amount and bill reference a few
 * days apart. No bill rule sees it (a payment has no number or period for duplicate-invoice to
 * compare), so the reader says it, naming both rows.
 */
export class DoubleDebits {
  private readonly seen = new Map<string, { readonly date: string; readonly line: number }>();

  /** The warning's sentence when this debit repeats one taken a few days before; undefined otherwise. */
  check(debit: StatementDebit, line: number): string | undefined {
    const { operator, total, issueDate } = debit;
    if (operator === undefined || total === undefined || issueDate === undefined || total.isZero()) return undefined;
    const reference = debit.references?.[0] ?? '';
    const key = `${operator}\u0000${debit.account ?? ''}\u0000${total.abs().toFixed(2)}\u0000${reference}`;
    const earlier = this.seen.get(key);
    if (this.seen.size < MAX_REMEMBERED_DEBITS || earlier !== undefined) this.seen.set(key, { date: issueDate, line });
    if (earlier === undefined) return undefined;
    const days = Math.abs(Date.parse(issueDate) - Date.parse(earlier.date)) / DAY_MS;
    if (!(days <= DOUBLE_DEBIT_DAYS)) return undefined;
    const bill = reference === '' ? '' : `, bill ${reference}`;
    return (
      `the same debit twice: ${operator} ${total.abs().toFixed(2)} ${debit.currency ?? 'EUR'}${bill} ` +
      `on line ${earlier.line} (${earlier.date}) and line ${line} (${issueDate}): ` +
      'the bill may have been paid twice; ask the operator to refund one'
    );
  }
}
