/**
 * The VAT (or GST) rates in force per country, for the documents whose country the input told:
 * standard, reduced and zero rates, in percent. A bill from any of these countries is checked
 * against its own rates, whatever its currency.
 */
import type { TaxRate } from './arithmetic.js';
import { parseRates } from './arithmetic.js';

export interface CountryRates {
  /** English name, for messages: "Germany (DE)". */
  readonly name: string;
  readonly rates: readonly TaxRate[];
}

const TABLE: readonly (readonly [code: string, name: string, rates: readonly string[]])[] = [
  ['FR', 'France', ['20', '10', '5.5', '2.1', '0']],
  ['DE', 'Germany', ['19', '7', '0']],
  ['AT', 'Austria', ['20', '13', '10', '0']],
  ['NL', 'the Netherlands', ['21', '9', '0']],
  ['BE', 'Belgium', ['21', '12', '6', '0']],
  ['LU', 'Luxembourg', ['17', '14', '8', '3', '0']],
  ['IT', 'Italy', ['22', '10', '5', '4', '0']],
  ['ES', 'Spain', ['21', '10', '4', '0']],
  ['PT', 'Portugal', ['23', '13', '6', '0']],
  ['PL', 'Poland', ['23', '8', '5', '0']],
  ['GB', 'the United Kingdom', ['20', '5', '0']],
  ['IE', 'Ireland', ['23', '13.5', '9', '0']],
  // Since 1 January 2024.
  ['CH', 'Switzerland', ['8.1', '3.8', '2.6', '0']],
  // GST slabs; a CGST + SGST pair adds up to one of them.
  ['IN', 'India', ['28', '18', '12', '5', '3', '0.25', '0']],
];

const BY_CODE: ReadonlyMap<string, CountryRates> = new Map(
  TABLE.map(([code, name, rates]) => [code, { name, rates: parseRates(rates) }]),
);

/** The rates of a country (ISO 3166-1 alpha-2, any case), or undefined when the table does not have it. */
export function countryRates(code: string): CountryRates | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** The countries the table knows, for the docs. */
export const COUNTRIES_WITH_RATES: readonly string[] = TABLE.map(([code]) => code);
