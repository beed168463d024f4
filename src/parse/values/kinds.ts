/**
 * The document kind named by a type-column value ("Facture", "Avoir", "Relance") or by a
 * document title ("Lettre de relance — facture n° F-123").
 */
import type { DocumentKind, DunningTitle } from '../../model/document.js';
import { normalizeLabel } from './normalize.js';

/**
 * Phrases in normalized form (see normalizeLabel), by kind. Kinds are tried in this order because
 * titles combine words: a "rappel de facture" or "payment reminder" is a dunning letter, a
 * "facture d'avoir" a credit note, and a "facture de résiliation" bills termination fees: it is an
 * invoice, and reading it as the termination itself would invent a termination date.
 */
const KIND_PHRASES: readonly (readonly [DocumentKind, readonly string[]])[] = [
  [
    'dunning',
    [
      'relance',
      'rappel',
      'mise en demeure',
      'reminder',
      'dunning',
      'final notice',
      // "Dernier avis avant coupure / avant recouvrement": French utilities' and operators' last letter.
      'dernier avis',
      'past due notice',
      'past due',
      'overdue notice',
      'formal notice',
      // UK collections wording (a tryout's expense export: "Final Demand"); Citizens Advice and
      // agencies' letters use these titles for the last letters before court action.
      'final demand',
      'demand for payment',
      'letter before action',
      'letter before claim',
      'default notice',
      'collection notice',
      // Debt purchasers' and agencies' letter titles (Lowell UK's "Notice of outstanding balance", a
      // Consumer Credit Act "Notice of default"; EOS's "Zahlungsaufforderung" and "Forderungsaufstellung",
      // the statement of the claim): they quote the bills they are about, but they are no bills.
      'notice of outstanding balance',
      'notice of default',
      'zahlungsaufforderung',
      'forderungsaufstellung',
      'sommation de payer',
      'mahnung',
      'zahlungserinnerung',
      'aanmaning',
      'herinnering',
      'betalingsherinnering',
      'wezwanie do zaplaty',
      'wezwanie do zapłaty',
      'przypomnienie o platnosci',
      'upomnienie',
    ],
  ],
  [
    'credit-note',
    [
      'avoir',
      'credit note',
      'credit memo',
      'note de credit',
      'refund',
      'remboursement',
      'gutschrift',
      'creditnota',
      'creditfactuur',
      'faktura korygujaca',
      'korekta',
    ],
  ],
  [
    'payment',
    [
      'paiement',
      'reglement',
      'prelevement',
      'virement',
      'payment',
      'direct debit',
      'zahlung',
      // "Zahlungseingang bestätigt" (1&1, Telekom e-mails): a payment's subject.
      'zahlungseingang',
      'zahlungsbestatigung',
      'betaling',
    ],
  ],
  ['invoice', ['facture', 'invoice', 'bill', 'rechnung', 'factuur', 'faktura']],
  [
    'termination',
    [
      'resiliation',
      'termination',
      'cancellation',
      'fin de contrat',
      'kundigung',
      'kundigungsbestatigung',
      'opzegging',
      'wypowiedzenie',
      // UK operators' closure letters: "Your EE account is closing" (tryout: EE's account-closure letter).
      'account is closing',
      'account closure',
      'closure of your account',
    ],
  ],
];

/**
 * Labels that name a kind only when they are the whole value: a "Credit" transaction is a credit
 * note, but "Paiement par carte de crédit" is a payment.
 */
const WHOLE_LABELS: ReadonlyMap<string, DocumentKind> = new Map([
  ['credit', 'credit-note'],
  ['cr', 'credit-note'],
]);

/** "factures" → "facture", "credit notes" → "credit note": type columns are sometimes plural. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Phrases are matched against singular words: "dernier avis" as the label's "dernier avi" is. */
function singularPhrases<T>(table: readonly (readonly [T, readonly string[]])[]): [T, string[]][] {
  return table.map(([key, phrases]) => [key, phrases.map((phrase) => phrase.split(' ').map(singular).join(' '))]);
}

const KIND_PHRASES_SINGULAR = singularPhrases(KIND_PHRASES);

/** The label's words, normalized and singular; "" for a label without any. */
function labelWords(label: string): string {
  // Titles are short; a long text is not a label and would only cost time.
  const normalized = normalizeLabel(label.length > 300 ? label.slice(0, 300) : label);
  return normalized === '' ? '' : normalized.split(' ').map(singular).join(' ');
}

/** The document kind a type-column value or a document title names, or undefined. */
export function documentKindFrom(label: string): DocumentKind | undefined {
  const words = labelWords(label);
  if (words === '') return undefined;
  const whole = WHOLE_LABELS.get(words);
  if (whole !== undefined) return whole;
  const padded = ` ${words} `;
  for (const [kind, phrases] of KIND_PHRASES_SINGULAR) {
    if (phrases.some((phrase) => padded.includes(` ${phrase} `))) return kind;
  }
  return undefined;
}

/**
 * How dunning letters title themselves, in normalized form (see normalizeLabel), by title. The
 * letter names the document so ("la mise en demeure", "your final demand"). A "sommation de payer"
 * is a formal notice (Code civil, art. 1344: the debtor is put on notice by a sommation or an
 * equivalent act); a Polish "wezwanie do zapłaty" is the pre-court demand. Titles without a
 * clear rank ("dunning", "collection notice", "default notice") are left out: the letter then
 * says what the document is, a dunning letter, in its own words.
 */
const TITLE_PHRASES: readonly (readonly [DunningTitle, readonly string[]])[] = [
  [
    'reminder',
    [
      'relance',
      'rappel',
      'reminder',
      'past due notice',
      'overdue notice',
      'mahnung',
      'zahlungserinnerung',
      'aanmaning',
      'herinnering',
      'betalingsherinnering',
      'przypomnienie o platnosci',
      'upomnienie',
    ],
  ],
  [
    'final-reminder',
    [
      'derniere relance',
      'dernier rappel',
      'final reminder',
      'last reminder',
      'letzte mahnung',
      'letzte zahlungserinnerung',
      'laatste aanmaning',
      'laatste herinnering',
    ],
  ],
  ['final-notice', ['final notice', 'last notice', 'dernier avis']],
  ['final-demand', ['final demand']],
  ['formal-notice', ['mise en demeure', 'formal notice', 'sommation de payer', 'wezwanie do zaplaty']],
  ['letter-before-action', ['letter before action', 'letter before claim']],
];

const TITLE_PHRASES_SINGULAR = singularPhrases(TITLE_PHRASES);

/**
 * The title a dunning letter's type cell, title or subject names. The phrase that comes first
 * decides, the longer one where two start together: a "dernière relance avant mise en demeure" is
 * a final reminder, a "mise en demeure avant poursuites" a formal notice, and a "letzte Mahnung"
 * more than a "Mahnung".
 */
export function dunningTitleFrom(label: string): DunningTitle | undefined {
  const padded = ` ${labelWords(label).replaceAll('ł', 'l')} `;
  let found: { title: DunningTitle; at: number; length: number } | undefined;
  for (const [title, phrases] of TITLE_PHRASES_SINGULAR) {
    for (const phrase of phrases) {
      const at = padded.indexOf(` ${phrase} `);
      if (at < 0) continue;
      if (found === undefined || at < found.at || (at === found.at && phrase.length > found.length))
        found = { title, at, length: phrase.length };
    }
  }
  return found?.title;
}
