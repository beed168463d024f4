/**
 * The country whose VAT a text bill applies, when the text says so with confidence: first the
 * seller's VAT number (printed after a VAT label, its prefix names the country), then the
 * language of the labels found, when one language clearly dominates, the bill is in that
 * country's currency and nothing points to a neighbour that writes the same language (German in
 * Austria, Dutch in Belgium, French in Belgium or Switzerland). Undefined when unsure: the VAT
 * rules then fall back to their configured rates.
 *
 * Every line is read once, with anchored patterns of bounded length (no backtracking to speak of).
 */
import type { LabelDefinition } from './labels.js';
import type { TextLine, Word } from './lines.js';

/** Words (folded) that introduce a VAT or tax registration number. */
const VAT_WORDS: ReadonlySet<string> = new Set([
  'tva',
  'vat',
  'ust',
  'ustid',
  'ustidnr',
  'uid',
  'btw',
  'mwst',
  'iva',
  'piva',
  'nif',
  'cif',
  'nipc',
  'nip',
  'gstin',
  'umsatzsteuer',
  'intracommunautaire',
  'intracom',
]);
/** How far after its label a VAT number may start: "N° TVA intracommunautaire : FR 60 …". */
const WINDOW = 48;

/** Digits that may be grouped by a space, a dot or a dash, and that the next character does not continue. */
const grouped = (count: number): string => `(?:[ .-]?\\d){${count}}(?![ .-]?\\d)`;

/** EU-style VAT numbers by their two-letter prefix (sticky: tried at one position only). */
const PREFIXED: ReadonlyMap<string, { readonly country: string; readonly pattern: RegExp }> = new Map(
  (
    [
      ['FR', 'FR', `FR[ .-]?[0-9A-Z]{2}${grouped(9)}`],
      ['DE', 'DE', `DE${grouped(9)}`],
      ['AT', 'AT', `AT[ .-]?U${grouped(8)}`],
      ['NL', 'NL', `NL(?:[ .-]?\\d){9}[ .-]?B[ .-]?\\d{2}(?!\\d)`],
      ['BE', 'BE', `BE[ .-]?[01]${grouped(9)}`],
      ['LU', 'LU', `LU${grouped(8)}`],
      ['IT', 'IT', `IT${grouped(11)}`],
      ['ES', 'ES', `ES[ .-]?[0-9A-Z](?:[ .-]?\\d){7}[ .-]?[0-9A-Z](?![0-9A-Z])`],
      ['PT', 'PT', `PT${grouped(9)}`],
      ['PL', 'PL', `PL${grouped(10)}`],
      ['GB', 'GB', `GB(?:[ .-]?\\d){9}(?:(?:[ .-]?\\d){3})?(?![ .-]?\\d)`],
      ['IE', 'IE', `IE[ .-]?\\d[0-9A-Z+*]\\d{5}[A-W][A-I]?(?![0-9A-Z])`],
      ['CH', 'CH', `CHE[ .-]?\\d{3}[ .-]?\\d{3}[ .-]?\\d{3}(?!\\d)`],
    ] as const
  ).map(([prefix, country, source]) => [prefix, { country, pattern: new RegExp(source, 'y') }]),
);

/** Numbers without a country prefix that only one country issues, after their own label. */
const NATIONAL: ReadonlyMap<string, { readonly country: string; readonly pattern: RegExp }> = new Map([
  // Polish NIP: ten digits, "774-00-01-454" or "7792345678".
  ['nip', { country: 'PL', pattern: /(?:PL[ .-]?)?(?:\d[ .-]?){9}\d(?![ .-]?\d)/y }],
  // Indian GSTIN: state code, PAN, entity number, "Z", check character.
  ['gstin', { country: 'IN', pattern: /\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z](?![0-9A-Z])/y }],
]);

/** Words by which a VAT number is the customer's, not the seller's ("Customer GSTIN", "Ihre USt-IdNr."). */
const BUYER_WORDS: ReadonlySet<string> = new Set([
  'customer',
  'client',
  'buyer',
  'recipient',
  'acheteur',
  'destinataire',
  'votre',
  'kunde',
  'kunden',
  'ihre',
  'klant',
  'uw',
  'afnemer',
  'nabywca',
  'nabywcy',
]);

interface FoundNumber {
  readonly country: string;
  readonly buyer: boolean;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function matchesAt(pattern: RegExp, raw: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(raw);
}

/** The country of the first VAT number that starts within the window after a VAT label. */
function numberAfter(raw: string, label: Word): string | undefined {
  const national = NATIONAL.get(label.text);
  const end = Math.min(raw.length, label.end + WINDOW);
  for (let at = label.end; at < end; at++) {
    const code = raw.charCodeAt(at);
    if (!isAlphanumeric(code) || (at > 0 && isAlphanumeric(raw.charCodeAt(at - 1)))) continue;
    const prefixed = PREFIXED.get(raw.slice(at, at + 2));
    if (prefixed !== undefined && matchesAt(prefixed.pattern, raw, at)) return prefixed.country;
    if (national !== undefined && matchesAt(national.pattern, raw, at)) return national.country;
  }
  return undefined;
}

function isBuyers(line: TextLine, label: Word): boolean {
  const cell = line.cells.find((candidate) => candidate.start <= label.start && label.start < candidate.end);
  if (cell === undefined) return false;
  return line.words.some((word) => word.start >= cell.start && word.end <= cell.end && BUYER_WORDS.has(word.text));
}

function vatNumbers(lines: readonly TextLine[]): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const line of lines) {
    for (const word of line.words) {
      if (!VAT_WORDS.has(word.text)) continue;
      const country = numberAfter(line.raw, word);
      if (country !== undefined) found.push({ country, buyer: isBuyers(line, word) });
    }
  }
  return found;
}

/** One country for all the numbers, the seller's when the customer's differs; undefined when they disagree. */
function sellersCountry(found: readonly FoundNumber[]): string | undefined {
  const countries = (numbers: readonly FoundNumber[]): Set<string> => new Set(numbers.map((number) => number.country));
  const all = countries(found);
  if (all.size === 1) return [...all][0];
  const sellers = countries(found.filter((number) => !number.buyer));
  return sellers.size === 1 ? [...sellers][0] : undefined;
}

type Language = 'de' | 'nl' | 'pl' | 'fr' | 'en';

/**
 * Words that belong to one language's labels only. Words that several languages share ("total",
 * "datum", "netto", "periode", "date", "reference") are left out: they tell nothing.
 */
const LANGUAGE_WORDS: ReadonlyMap<Language, readonly string[]> = new Map<Language, readonly string[]>([
  [
    'de',
    [
      'rechnung',
      'rechnungs',
      'rechnungsnummer',
      'rechnungsnr',
      'rechnungsdatum',
      'ausstellungsdatum',
      'rechnungsbetrag',
      'gutschrift',
      'gutschriftsnummer',
      'gutschriftsbetrag',
      'mahnung',
      'mahnnummer',
      'unser',
      'zeichen',
      'referenz',
      'ihre',
      'kundennummer',
      'kunden',
      'kundennr',
      'vertragskonto',
      'buchungskonto',
      'vertragsnummer',
      'vertrag',
      'rufnummer',
      'falligkeitsdatum',
      'fallig',
      'zahlbar',
      'zahlungsziel',
      'bis',
      'zum',
      'leistungszeitraum',
      'abrechnungszeitraum',
      'zeitraum',
      'wirksam',
      'kundigung',
      'beendet',
      'vertragsende',
      'gesamtbetrag',
      'bruttobetrag',
      'gesamtsumme',
      'summe',
      'endbetrag',
      'endpreis',
      'betrag',
      'gesamt',
      'zahlen',
      'zahlender',
      'zahlbetrag',
      'offener',
      'offene',
      'forderung',
      'erhalten',
      'gezahlter',
      'nettobetrag',
      'zwischensumme',
      'mwst',
      'mehrwertsteuer',
      'umsatzsteuer',
      'ust',
      'vorheriger',
      'vorsaldo',
      'einzelpreis',
      'stuckpreis',
      'bereits',
      'bezahlt',
      'anzahlung',
      'rundung',
      'idnr',
      'ustid',
      'steuernummer',
      'steuer',
      'stammkapital',
      'zzgl',
      'ohne',
      'exkl',
      'inkl',
    ],
  ],
  [
    'nl',
    [
      'factuur',
      'factuurnummer',
      'factuurnr',
      'factuurdatum',
      'factuurperiode',
      'facturatieperiode',
      'factuurbedrag',
      'creditnota',
      'creditnotanummer',
      'creditbedrag',
      'aanmaning',
      'onze',
      'referentie',
      'uw',
      'klantnummer',
      'klant',
      'klantnr',
      'contractnummer',
      'telefoonnummer',
      'vervaldatum',
      'uiterste',
      'betaaldatum',
      'betalen',
      'omstreeks',
      'opgezegd',
      'einddatum',
      'ingangsdatum',
      'totaal',
      'totaalbedrag',
      'bedrage',
      'bedrag',
      'openstaand',
      'betaald',
      'vorige',
      'eenheidsprijs',
      'prijs',
      'afronding',
      'btw',
      'subtotaal',
    ],
  ],
  [
    'pl',
    [
      'faktura',
      'faktury',
      'rachunek',
      'numer',
      'klienta',
      'konta',
      'abonenta',
      'kod',
      'wystawienia',
      'termin',
      'płatnosci',
      'platnosci',
      'zapłaty',
      'zaplaty',
      'okres',
      'rozliczeniowy',
      'wartosc',
      'razem',
      'suma',
      'naleznosc',
      'naleznosci',
      'ogołem',
      'ogolem',
      'kwota',
      'pozostało',
      'pozostalo',
      'zapłacono',
      'zaplacono',
      'podatek',
      'nip',
      'regon',
    ],
  ],
  [
    'fr',
    [
      'facture',
      'avoir',
      'relance',
      'demeure',
      'notre',
      'nos',
      'courrier',
      'dossier',
      'compte',
      'contrat',
      'ligne',
      'identifiant',
      'emission',
      'edition',
      'facturation',
      'emise',
      'editee',
      'edite',
      'etabli',
      'etablie',
      'echeance',
      'limite',
      'paiement',
      'reglement',
      'payer',
      'regler',
      'avant',
      'preleve',
      'prelevee',
      'prelevement',
      'consommation',
      'facturee',
      'prendra',
      'effet',
      'resiliation',
      'resiliee',
      'resilie',
      'ttc',
      'montant',
      'cette',
      'votre',
      'toutes',
      'taxes',
      'comprises',
      'aupres',
      'prestations',
      'facturees',
      'abonnements',
      'achats',
      'vos',
      'mois',
      'somme',
      'reste',
      'restant',
      'solde',
      'reclame',
      'impaye',
      'impayee',
      'totale',
      'paye',
      'regle',
      'rembourse',
      'remboursement',
      'ht',
      'hors',
      'sous',
      'tva',
      'dont',
      'deja',
      'recu',
      'recus',
      'acompte',
      'precedent',
      'ancien',
      'anterieur',
      'unitaire',
      'prix',
      'indemnite',
      'forfaitaire',
      'frais',
      'recouvrement',
      'penalites',
      'incluse',
      'comprise',
    ],
  ],
  [
    'en',
    [
      'invoice',
      'bill',
      'number',
      'customer',
      'relationship',
      'phone',
      'issue',
      'issued',
      'dated',
      'due',
      'payment',
      'pay',
      'payable',
      'please',
      'billing',
      'statement',
      'covered',
      'termination',
      'including',
      'excluding',
      'grand',
      'charges',
      'amount',
      'value',
      'taxable',
      'assessable',
      'outstanding',
      'balance',
      'owed',
      'paid',
      'received',
      'previous',
      'brought',
      'unit',
      'cost',
      'price',
      'share',
      'sales',
      'round',
      'rounding',
      'registration',
      'subtotal',
      'vat',
      'tax',
      'gst',
      'cgst',
      'sgst',
      'igst',
      'reminder',
      'regarding',
      'account',
    ],
  ],
]);

const LANGUAGE_OF_WORD: ReadonlyMap<string, Language> = new Map(
  [...LANGUAGE_WORDS].flatMap(([language, words]) => words.map((word): [string, Language] => [word, language])),
);

const languageCache = new Map<LabelDefinition, Language | null>();

function languageOf(label: LabelDefinition): Language | undefined {
  let language = languageCache.get(label);
  if (language === undefined) {
    language = null;
    for (const word of label.words) {
      const found = LANGUAGE_OF_WORD.get(word);
      if (found !== undefined) {
        language = found;
        break;
      }
    }
    languageCache.set(label, language);
  }
  return language ?? undefined;
}

/** The language of most distinct labels, when it has two or more and at least twice any other's. */
function dominantLanguage(labels: readonly LabelDefinition[]): Language | undefined {
  const seen = new Set<LabelDefinition>();
  const counts = new Map<Language, number>();
  for (const label of labels) {
    if (seen.has(label)) continue;
    seen.add(label);
    const language = languageOf(label);
    if (language !== undefined) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < 2 || (second !== undefined && first[1] < 2 * second[1])) return undefined;
  return first[0];
}

/** Neighbours that write the same language, by what their bills print. */
const AUSTRIAN = /\bATU ?\d{8}\b|\bUID\b|Österreich|Austria\b/u;
const BELGIAN = /\bBE[ .]?[01]\d{3}|\b(?:BTW|btw|Btw)[- ]?(?:nr|nummer)\.? ?BE\b|Belgi(?:ë|que|en|um)/u;
const SWISS = /\bCHE[ .-]?\d{3}|\bCHF\b|Schweiz|Suisse|Svizzera/u;

function mentions(lines: readonly TextLine[], pattern: RegExp): boolean {
  return lines.some((line) => pattern.test(line.raw));
}

/** Per language: the country it points to, its currency, and the neighbours that rule it out. */
const BY_LANGUAGE: ReadonlyMap<
  Language,
  { readonly country: string; readonly currency: string; readonly unless: readonly RegExp[] }
> = new Map([
  ['de', { country: 'DE', currency: 'EUR', unless: [AUSTRIAN, SWISS] }],
  ['nl', { country: 'NL', currency: 'EUR', unless: [BELGIAN] }],
  ['pl', { country: 'PL', currency: 'PLN', unless: [] }],
  ['fr', { country: 'FR', currency: 'EUR', unless: [BELGIAN, SWISS] }],
]);

/**
 * The country whose VAT applies to the bill, or undefined when the text does not tell it with
 * confidence. `labels` are the labels matched in the text (one entry per match).
 */
export function detectCountry(
  lines: readonly TextLine[],
  labels: readonly LabelDefinition[],
  currency: string,
): string | undefined {
  const numbers = vatNumbers(lines);
  // Numbers that disagree (a cross-border bill) leave the country open: the language cannot settle it.
  if (numbers.length > 0) return sellersCountry(numbers);
  const language = dominantLanguage(labels);
  const guess = language === undefined ? undefined : BY_LANGUAGE.get(language);
  if (guess === undefined || guess.currency !== currency) return undefined;
  if (guess.unless.some((pattern) => mentions(lines, pattern))) return undefined;
  return guess.country;
}
