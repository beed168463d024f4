/**
 * A country cell of an export as an ISO 3166-1 alpha-2 code: "DE", "de", "DEU", "Allemagne",
 * "Germany", "Deutschland", "Duitsland" are all Germany. Names are compared in normalized form
 * (normalizeLabel: no case, no accents), in French, English, German and Dutch.
 */
import { normalizeLabel } from './normalize.js';

/** Code, then its names (alpha-3 code, French, English, German, Dutch, and common variants). */
const COUNTRIES: readonly (readonly [code: string, names: string])[] = [
  ['FR', 'FRA|France|Frankreich|Frankrijk|République française'],
  ['DE', 'DEU|Allemagne|Germany|Deutschland|Duitsland|Bundesrepublik Deutschland'],
  ['AT', 'AUT|Autriche|Austria|Österreich|Oostenrijk'],
  ['NL', 'NLD|Pays-Bas|Netherlands|The Netherlands|Niederlande|Nederland|Holland'],
  ['BE', 'BEL|Belgique|Belgium|Belgien|België'],
  ['LU', 'LUX|Luxembourg|Luxemburg'],
  ['IT', 'ITA|Italie|Italy|Italien|Italië|Italia'],
  ['ES', 'ESP|Espagne|Spain|Spanien|Spanje|España'],
  ['PT', 'PRT|Portugal'],
  ['PL', 'POL|Pologne|Poland|Polen|Polska'],
  ['GB', 'GBR|UK|Royaume-Uni|United Kingdom|Great Britain|Vereinigtes Königreich|Großbritannien|Verenigd Koninkrijk'],
  ['IE', 'IRL|Irlande|Ireland|Irland|Ierland'],
  ['CH', 'CHE|Suisse|Switzerland|Schweiz|Zwitserland|Svizzera'],
  ['IN', 'IND|Inde|India|Indien|Indië'],
  ['MC', 'MCO|Monaco'],
  ['DK', 'DNK|Danemark|Denmark|Dänemark|Denemarken'],
  ['SE', 'SWE|Suède|Sweden|Schweden|Zweden'],
  ['FI', 'FIN|Finlande|Finland|Finnland'],
  ['NO', 'NOR|Norvège|Norway|Norwegen|Noorwegen'],
  ['GR', 'GRC|EL|Grèce|Greece|Griechenland|Griekenland'],
  ['CZ', 'CZE|Tchéquie|République tchèque|Czechia|Czech Republic|Tschechien|Tsjechië'],
  ['US', 'USA|États-Unis|United States|United States of America|Vereinigte Staaten|Verenigde Staten'],
  ['CA', 'CAN|Canada|Kanada'],
];

const BY_NAME: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([code, names]) => names.split('|').map((name): [string, string] => [normalizeLabel(name), code])),
);

const TWO_LETTERS = /^[A-Za-z]{2}$/;

/** The alpha-2 code a cell names, or undefined when it names no country billcheck knows. */
export function countryCodeOf(cell: string): string | undefined {
  const text = cell.trim();
  if (TWO_LETTERS.test(text)) {
    const code = text.toUpperCase();
    // The EU's VAT prefix for Greece and the common name of the United Kingdom.
    return code === 'EL' ? 'GR' : code === 'UK' ? 'GB' : code;
  }
  if (text.length > 60) return undefined;
  return BY_NAME.get(normalizeLabel(text));
}
