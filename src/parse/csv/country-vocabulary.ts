/**
 * Data for telling an export's country from its headers (country.ts matches it): the stems of
 * header words per language, as the exports of the corpus write them (fixtures/csv/corpus), and
 * the VAT rates each country applies, in hundredths of a percent. Data only.
 *
 * The rates repeat those of the VAT rule's table (src/rules/support/vat-rates.ts) for the
 * countries a header language points to, with Switzerland's rates before 2024 as well, because a
 * reader must not reach into the rules: they only say which country a stated rate belongs to.
 */

export type HeaderLanguage = 'de' | 'nl' | 'fr' | 'en';

/** Stems (normalized: lower case, accents dropped) that start a header word of one language only. */
export const LANGUAGE_STEMS: readonly (readonly [HeaderLanguage, readonly string[]])[] = [
  [
    'de',
    [
      'rechnung',
      'betrag',
      'brutto',
      'netto',
      'mwst',
      'ust',
      'umsatzsteuer',
      'steuer',
      'kunde',
      'rufnummer',
      'anschluss',
      'mobilfunk',
      'datum',
      'zeitraum',
      'leistung',
      'fallig',
      'faellig',
      'zahlung',
      'gesamt',
      'vertrag',
      'buchung',
      'beschreibung',
      'bezeichnung',
      'menge',
      'einzelpreis',
      'satz',
      'waehrung',
      'wahrung',
    ],
  ],
  [
    'nl',
    [
      'factuur',
      'bedrag',
      'btw',
      'vervaldatum',
      'vervaldag',
      'klant',
      'omschrijving',
      'totaal',
      'bedrag',
      'periode van',
      'telefoonnummer',
      'abonnement',
    ],
  ],
  [
    'fr',
    [
      'facture',
      'montant',
      'ttc',
      'ht',
      'tva',
      'echeance',
      'client',
      'libelle',
      'periode',
      'avoir',
      'numero',
      'ligne',
      'statut',
      'reglement',
    ],
  ],
  ['en', ['invoice', 'amount', 'total', 'due', 'customer', 'account', 'vat', 'tax', 'description', 'charge', 'bill']],
];

/** The standard and reduced VAT rates (hundredths of a percent) of the countries a header language points to. */
export const RATES_OF: ReadonlyMap<string, readonly number[]> = new Map([
  ['FR', [2000, 1000, 550, 210]],
  ['DE', [1900, 700]],
  ['AT', [2000, 1300, 1000]],
  // 8.1, 3.8, 2.6 since 1 January 2024; 7.7, 3.7, 2.5 before.
  ['CH', [810, 380, 260, 770, 370, 250]],
  ['NL', [2100, 900]],
  ['BE', [2100, 1200, 600]],
  ['LU', [1700, 1400, 800, 300]],
  ['GB', [2000, 500]],
  ['IE', [2300, 1350, 900]],
]);

/** Countries whose bills are not in euros: an export in EUR is none of theirs. */
export const NON_EURO_COUNTRIES: ReadonlySet<string> = new Set(['CH', 'GB', 'PL', 'IN']);
