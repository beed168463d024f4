import type { AmountStyle } from './document.js';
import type { Money } from './money.js';

const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['EUR', '€'],
  ['USD', '$'],
  ['GBP', '£'],
  ['CHF', 'CHF'],
  ['JPY', '¥'],
  ['INR', '₹'],
  ['PLN', 'zł'],
]);

/** Groups an integer's digits by three: "149000" → "149 000". */
function groupDigits(digits: string, separator: string): string {
  if (separator === '' || digits.length <= 3) return digits;
  const head = digits.length % 3;
  const groups = head > 0 ? [digits.slice(0, head)] : [];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}

/** A plain decimal string ("-1234.5") written in a style's separators: "-1 234,5". */
export function formatDecimalText(decimal: string, style: AmountStyle | undefined): string {
  const negative = decimal.startsWith('-');
  const [intPart = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const decimalSeparator = style?.decimalSeparator ?? '.';
  // Files whose amounts never reach a thousand show no grouping; a 149 000 € finding still needs it.
  const group = style?.groupSeparator || (decimalSeparator === ',' ? ' ' : ',');
  const grouped = groupDigits(intPart, group);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : decimalSeparator + fraction}`;
}

/**
 * An amount the way the input wrote amounts: "149 000,00 €" for a French export,
 * "€149,000.00" or "149,000.00 EUR" for English ones.
 */
export function formatMoney(amount: Money, currency: string, style: AmountStyle | undefined): string {
  const number = formatDecimalText(amount.toFixed(2), style);
  const symbol = style?.currencySymbol ?? CURRENCY_SYMBOLS.get(currency) ?? currency;
  const before =
    style?.currencySymbol !== undefined ? style.symbolBefore : style?.decimalSeparator !== ',' && symbol.length === 1;
  if (!before) return `${number} ${symbol}`;
  const separator = symbol.length > 1 ? ' ' : '';
  return number.startsWith('-') ? `-${symbol}${separator}${number.slice(1)}` : `${symbol}${separator}${number}`;
}

/** A count or ratio in the input's style: 3104 → "3 104" (French) or "3,104" (English). Never an amount: amounts are Money, see formatMoney. */
const PLAIN_INTEGER: Intl.NumberFormatOptions = { useGrouping: false, maximumFractionDigits: 0 };

export function formatNumber(input: number, style: AmountStyle | undefined): string {
  if (!Number.isFinite(input)) return String(input);
  // -0 (a ratio rounded from -0.2) is written 0.
  const value = input === 0 ? 0 : input;
  // Plain digits even past 1e21, where String() would switch to "5.0025e+21" (a ratio of two absurd amounts).
  const text = Number.isInteger(value)
    ? value.toLocaleString('en-US', PLAIN_INTEGER)
    : value.toFixed(value >= 10 ? 0 : 1).replace(/\.0$/, '');
  return formatDecimalText(text, style);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/** An ISO date the way the input wrote dates: "2024-01-15" → "15/01/2024" for a French export. */
export function formatDate(iso: string, style: AmountStyle | undefined): string {
  const dates = style?.dates;
  const match = ISO_DATE.exec(iso);
  if (dates === undefined || match === null) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const sep = dates.separator;
  if (dates.order === 'dmy') return `${day}${sep}${month}${sep}${year}`;
  if (dates.order === 'mdy') return `${month}${sep}${day}${sep}${year}`;
  return `${year}${sep}${month}${sep}${day}`;
}
