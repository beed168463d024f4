/**
 * One convention per report: counts and dates are written as the report's language writes them,
 * whatever file they come from; amounts keep their bill's currency and decimals (src/model/format.ts).
 */
import type { AmountStyle } from '../model/document.js';
import { formatNumber } from '../model/format.js';
import type { Lang } from './lang.js';

/** French groups digits with a narrow no-break space (U+202F), as the Imprimerie nationale and CLDR do. */
const NARROW_NBSP = '\u202F';

const PLAIN: AmountStyle = { decimalSeparator: '.', groupSeparator: ',', symbolBefore: true };

/** A count or a ratio: 9976 → "9,976" (en) or "9 976" with U+202F (fr); 3.5 → "3.5" or "3,5". */
export function formatCount(value: number, lang: Lang): string {
  const english = formatNumber(value, PLAIN);
  if (lang === 'en') return english;
  return english.replace(/[.,]/g, (mark) => (mark === ',' ? NARROW_NBSP : ','));
}

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date in the one notation of the report: "05/01/2024" in French (day first, as every French
 * bill), "5 Jan 2024" in English (a month name: 06/01/2024 means June in the US, January in the UK).
 */
export function formatReportDate(iso: string, lang: Lang): string {
  const match = ISO_DATE.exec(iso);
  if (match === null) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (lang === 'fr') return `${day}/${month}/${year}`;
  return `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * How amounts are written when no bill says how (an example in `explain`, an e-invoice whose XML
 * has no printed style): "10 000,00 €" in French, "€10,000.00" in English.
 */
export function languageAmountStyle(lang: Lang): AmountStyle {
  return lang === 'fr' ? { decimalSeparator: ',', groupSeparator: ' ', symbolBefore: false } : PLAIN;
}
