import type { AmountStyle } from '../../model/document.js';
import { formatMoney } from '../../model/format.js';
import { Money } from '../../model/money.js';
import { escapeHtml } from './escape.js';

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
