/**
 * The country whose VAT an export without a country column applies, from the evidence the file
 * gives (issue 12): the rates it states ("MwSt. 19 %" in a header, a "MwSt-Satz" column of 19 and
 * 7), its currency (CHF, GBP, PLN) and the language of its headers (German headers point to
 * Germany, Austria or Switzerland). The rates decide between the countries a language allows;
 * without them a language names its first country and the file is told that this is a guess.
 * French headers, or no evidence at all, leave the documents without a country: the VAT rule then
 * applies its `rates` option (France's by default), as before.
 *
 * Runs once per file on the header and the role sample; never on the hot path.
 */
import { normalizeLabel } from '../values/normalize.js';
import { isUkLine, ukPostcodeIn } from '../values/uk.js';
import type { ColumnMapping } from './columns.js';
import { headerWords } from './columns.js';
import { type HeaderLanguage, LANGUAGE_STEMS, NON_EURO_COUNTRIES, RATES_OF } from './country-vocabulary.js';

export interface FileCountry {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** False when only the headers' language pointed to it (another country writes that language). */
  readonly sure: boolean;
  /** What pointed to it, for the notice: "the headers are German and state 19 %". */
  readonly evidence: string;
}

/** The countries each header language is written in, the most likely first. */
const COUNTRIES_OF: Readonly<Record<HeaderLanguage, readonly string[]>> = {
  de: ['DE', 'AT', 'CH'],
  nl: ['NL', 'BE'],
  fr: ['FR', 'BE', 'CH', 'LU'],
  en: ['GB', 'IE'],
};
const LANGUAGE_NAMES: Readonly<Record<HeaderLanguage, string>> = {
  de: 'German',
  nl: 'Dutch',
  fr: 'French',
  en: 'English',
};
const CURRENCY_COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['CHF', 'CH'],
  ['GBP', 'GB'],
  ['PLN', 'PL'],
  ['INR', 'IN'],
]);
/** Rates are compared in hundredths of a percent: "5,5", "5.50" and "5.5" are one rate. */
const RATE = /^(\d{1,2})(?:[.,](\d{1,2}))?\s*%?$/;

function rateKey(text: string): number | undefined {
  const match = RATE.exec(text.trim());
  if (match === null) return undefined;
  const key = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return key === 0 ? undefined : key;
}

/** The nonzero rates the headers state ("MwSt. 19 %", "TVA 5,5%") and the rate column's values show. */
function statedRates(mapping: ColumnMapping, sample: readonly (readonly string[])[]): Set<number> {
  const rates = new Set<number>();
  for (const header of mapping.headers) {
    const words = headerWords(header);
    words.forEach((word, at) => {
      if (word !== 'pct' || at === 0) return;
      // "5,5 %" splits into "5" and "5": read the number as written instead.
      const written = /(\d{1,2}(?:[.,]\d{1,2})?)\s*%/.exec(header)?.[1];
      const key = rateKey(written ?? (words[at - 1] as string));
      if (key !== undefined) rates.add(key);
    });
  }
  const column = mapping.index.taxRate;
  if (column !== -1) {
    for (const record of sample.slice(0, 50)) {
      const key = rateKey(record[column] ?? '');
      if (key !== undefined) rates.add(key);
    }
  }
  return rates;
}

/** The language most of the headers' words are in, when one clearly leads. */
function headerLanguage(headers: readonly string[]): HeaderLanguage | undefined {
  const hits: Record<HeaderLanguage, number> = { de: 0, nl: 0, fr: 0, en: 0 };
  for (const header of headers.slice(0, 64)) {
    for (const word of normalizeLabel(header).split(' ')) {
      for (const [language, stems] of LANGUAGE_STEMS) {
        if (stems.some((stem) => word.startsWith(stem))) hits[language]++;
      }
    }
  }
  const ranked = (Object.entries(hits) as [HeaderLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked as [[HeaderLanguage, number], [HeaderLanguage, number]];
  return first[1] >= 2 && first[1] > 2 * second[1] ? first[0] : undefined;
}

/** The currency the sample's cells name, in its currency column or next to its amounts. */
function cellCurrency(mapping: ColumnMapping, sample: readonly (readonly string[])[]): string | undefined {
  const { currency, total, net } = mapping.index;
  for (const record of sample.slice(0, 20)) {
    const named = currency === -1 ? '' : (record[currency] ?? '').trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(named)) return named;
    const amount = `${total === -1 ? '' : (record[total] ?? '')} ${net === -1 ? '' : (record[net] ?? '')}`;
    if (/CHF|\bFr\./.test(amount)) return 'CHF';
    if (amount.includes('£')) return 'GBP';
    if (/zł|PLN/i.test(amount)) return 'PLN';
    if (amount.includes('€') || /EUR/.test(amount)) return 'EUR';
  }
  return undefined;
}

/** The first header that names a currency ("Amount (GBP)", "Total EUR"), and the code. */
function headerCurrency(headers: readonly string[]): { code: string; header: string } | undefined {
  for (const header of headers) {
    const code = /\b(CHF|GBP|PLN|EUR)\b/.exec(header.toUpperCase())?.[1];
    if (code !== undefined) return { code, header };
  }
  return undefined;
}

/** The currency the sample names in its cells, else in its headers. */
function sampleCurrency(mapping: ColumnMapping, sample: readonly (readonly string[])[]): string | undefined {
  return cellCurrency(mapping, sample) ?? headerCurrency(mapping.headers)?.code;
}

function fitsRates(country: string, rates: ReadonlySet<number>): boolean {
  const table = RATES_OF.get(country);
  return table !== undefined && [...rates].every((rate) => table.includes(rate));
}

const percent = (rates: ReadonlySet<number>): string =>
  [...rates].map((rate) => `${String(rate / 100).replace('.', ',')} %`).join(', ');

/**
 * The file's country, or undefined when a country column gives it per row, or the evidence is
 * French or missing (the VAT rule's own default then applies).
 */
/**
 * English headers over amounts that name no currency, in no currency column: British pounds,
 * US dollars or euros alike. The reader reads them as euros, and must say that it guessed.
 */
export function currencyUnsaid(mapping: ColumnMapping, sample: readonly (readonly string[])[]): boolean {
  if (mapping.index.currency !== -1 || headerLanguage(mapping.headers) !== 'en') return false;
  if (sampleCurrency(mapping, sample) !== undefined) return false;
  const { total, net } = mapping.index;
  return !sample
    .slice(0, 20)
    .some((record) => /[$¥₹]/.test(`${total === -1 ? '' : record[total]} ${net === -1 ? '' : record[net]}`));
}

/**
 * The currency a header names ("Amount (GBP)", "Total EUR") over amounts that name none, in no
 * currency column: stated by the file, so not a guess. Tryout 6: a Vodafone export headed
 * "Amount (GBP)" was read as bills of Great Britain in euros, and its £ collection letter then
 * looked like another currency.
 */
export function currencyFromHeaders(
  mapping: ColumnMapping,
  sample: readonly (readonly string[])[],
): FileCurrency | undefined {
  if (mapping.index.currency !== -1 || cellCurrency(mapping, sample) !== undefined) return undefined;
  const { total, net } = mapping.index;
  // Dollars, yen or rupees in the cells: the header's code is no longer the only word on it.
  const otherSign = sample
    .slice(0, 20)
    .some((record) => /[$¥₹]/.test(`${total === -1 ? '' : record[total]} ${net === -1 ? '' : record[net]}`));
  const named = otherSign ? undefined : headerCurrency(mapping.headers);
  return named === undefined
    ? undefined
    : { code: named.code, guessed: false, evidence: `the header "${named.header}" names it` };
}

/** The currency of a file whose amounts name none, when its values point to a country: not a guess then. */
export interface FileCurrency {
  readonly code: string;
  /** True when nothing pointed to it (the reader's default, euros): never compared with a stated currency. */
  readonly guessed: boolean;
  /** What pointed to it, for the notice: "the lines are UK numbers (07700 900123)". */
  readonly evidence?: string;
}

/**
 * For an English export whose amounts name no currency (currencyUnsaid): pounds when its values
 * are British, UK lines ("07700 900123", "+44 7700 900123") or UK postcodes in any column (issue
 * 13: a £ reminder on the same account then no longer looks like another currency).
 */
export function currencyFromValues(sample: readonly (readonly string[])[]): FileCurrency | undefined {
  for (const record of sample.slice(0, 20)) {
    for (const cell of record) {
      if (isUkLine(cell)) return { code: 'GBP', guessed: false, evidence: `the lines are UK numbers (${cell.trim()})` };
      const postcode = ukPostcodeIn(cell);
      if (postcode !== undefined)
        return { code: 'GBP', guessed: false, evidence: `the addresses have UK postcodes (${postcode})` };
    }
  }
  return undefined;
}

export function countryFromEvidence(
  mapping: ColumnMapping,
  sample: readonly (readonly string[])[],
): FileCountry | undefined {
  if (mapping.index.country !== -1) return undefined;
  const rates = statedRates(mapping, sample);
  const language = headerLanguage(mapping.headers);
  const currency = sampleCurrency(mapping, sample);
  const byCurrency = currency === undefined ? undefined : CURRENCY_COUNTRIES.get(currency);
  const languageName = language === undefined ? undefined : LANGUAGE_NAMES[language];
  const said = [
    ...(languageName === undefined ? [] : [`the headers are ${languageName}`]),
    ...(rates.size === 0 ? [] : [`they state ${percent(rates)}`]),
    ...(currency === undefined ? [] : [`the amounts are in ${currency}`]),
  ].join(', ');
  if (byCurrency !== undefined && (language === undefined || COUNTRIES_OF[language].includes(byCurrency))) {
    return { country: byCurrency, sure: true, evidence: said };
  }
  const candidates = (language === undefined ? [] : COUNTRIES_OF[language]).filter(
    (country) => currency !== 'EUR' || !NON_EURO_COUNTRIES.has(country),
  );
  if (rates.size > 0) {
    const fitting = candidates.filter((country) => fitsRates(country, rates));
    if (fitting.length >= 1) {
      const country = fitting[0] as string;
      return country === 'FR' ? undefined : { country, sure: fitting.length === 1, evidence: said };
    }
    return undefined;
  }
  const guess = candidates[0];
  if (guess === undefined || guess === 'FR' || language === 'en') return undefined;
  return { country: guess, sure: false, evidence: said };
}
