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
import { DIRECT_DEBIT_WORDS, OPERATOR_NAMES, OTHER_OPERATIONS, REFUND_WORDS } from './statement-vocabulary.js';

export type StatementRow =
  | { readonly bill: true; readonly kind: DocumentKind; readonly operator: string; readonly account?: string }
  | { readonly bill: false; readonly category: string };

const padded = (words: readonly string[]): string[] => words.map((word) => ` ${word} `);
const OPERATORS = padded(OPERATOR_NAMES);
const DEBITS = padded(DIRECT_DEBIT_WORDS);
const REFUNDS = padded(REFUND_WORDS);
const OTHERS = OTHER_OPERATIONS.map(([category, words]) => [category, padded(words)] as const);
const CARD = OTHERS.find(([category]) => category === 'card payments')?.[1] ?? [];

/** An account the label names: a phone number, or a customer/contract number after its word. */
const ACCOUNT_WORDS = 'client|contrat|compte|customer|account|acct|kundennr|kundennummer|kd nr|vertrag|ligne|line';
const NAMED_ACCOUNT = new RegExp(
  `\\b(?:${ACCOUNT_WORDS})\\s*(?:n|no|nr|num|#)?\\s*[:.]?\\s*([A-Z0-9][A-Z0-9-]{4,})`,
  'i',
);
/** 9 to 15 digits, single separators between them: "06 12 34 56 78", not "0612345678 -47,99". */
const PHONE_IN_TEXT = /(?:\+|00)?\d(?:[ .-]?\d){8,14}/g;

function namedAccount(text: string): string | undefined {
  for (const match of text.matchAll(PHONE_IN_TEXT)) {
    const candidate = match[0].trim();
    if (isPhoneNumber(candidate)) return candidate.replace(/[ .-]/g, '');
  }
  const named = NAMED_ACCOUNT.exec(text);
  return named?.[1];
}

function operatorIn(words: string): string | undefined {
  const at = OPERATORS.findIndex((name) => words.includes(name));
  return at === -1 ? undefined : (OPERATOR_NAMES[at] as string);
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
    const account = namedAccount(label);
    const base = account === undefined ? { operator } : { operator, account };
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
