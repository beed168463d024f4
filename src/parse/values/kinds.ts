/**
 * The document kind named by a type-column value ("Facture", "Avoir", "Relance") or by a
 * document title ("Lettre de relance — facture n° F-123").
 */
import type { DocumentKind } from '../../model/document.js';
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
  ['payment', ['paiement', 'reglement', 'prelevement', 'virement', 'payment', 'direct debit', 'zahlung', 'betaling']],
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

/** The document kind a type-column value or a document title names, or undefined. */
export function documentKindFrom(label: string): DocumentKind | undefined {
  // Titles are short; a long text is not a label and would only cost time.
  const normalized = normalizeLabel(label.length > 300 ? label.slice(0, 300) : label);
  if (normalized === '') return undefined;
  const words = normalized.split(' ').map(singular).join(' ');
  const whole = WHOLE_LABELS.get(words);
  if (whole !== undefined) return whole;
  const padded = ` ${words} `;
  for (const [kind, phrases] of KIND_PHRASES) {
    if (phrases.some((phrase) => padded.includes(` ${phrase} `))) return kind;
  }
  return undefined;
}
