import type { AmountStyle, DocumentKind } from '../../model/document.js';
import { formatDate, formatMoney } from '../../model/format.js';
import { Money } from '../../model/money.js';
import { escapeHtml } from './escape.js';

export const KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  invoice: 'invoice',
  'credit-note': 'credit note',
  dunning: 'dunning letter',
  payment: 'payment',
  termination: 'termination',
};

/** A finding's amount (a decimal string) as its file wrote amounts, escaped; undefined when it has none. */
export function writeAmountText(
  amount: string | undefined,
  currency: string | undefined,
  style: AmountStyle | undefined,
): string | undefined {
  if (amount === undefined) return undefined;
  let money: Money;
  try {
    money = Money.parse(amount);
  } catch {
    // Not a decimal string (never made by billcheck's rules): shown as it is rather than dropped.
    return escapeHtml(currency === undefined ? amount : `${amount} ${currency}`);
  }
  return writeMoney(money, currency, style);
}

export function writeMoney(money: Money, currency: string | undefined, style: AmountStyle | undefined): string {
  if (currency === undefined || currency === '') return escapeHtml(money.toFixed(2));
  return escapeHtml(formatMoney(money, currency, style));
}

/** An ISO date as the file wrote dates, in a <time> element whose datetime the table sorts by. */
export function writeDate(iso: string, style: AmountStyle | undefined): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatDate(iso, style))}</time>`;
}

/** "1 file", "5,000 accounts": the page is English, so are its thousands separators. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
