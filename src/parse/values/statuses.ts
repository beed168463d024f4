/**
 * What a status column says of a bill: paid, unpaid or overdue, in the words of customer areas
 * and operator extracts (French, English, German, Dutch). Data and one lookup; a cell it does not
 * know is no status (the column only adds what the operator says).
 */
import type { DocumentStatus } from '../../model/document.js';
import { normalizeLabel } from './normalize.js';

/** Normalized phrases (see normalizeLabel), whole cell. Overdue before unpaid: "impayé en retard". */
const STATUS_PHRASES: ReadonlyMap<string, DocumentStatus> = new Map([
  ['paye', 'paid'],
  ['payee', 'paid'],
  ['regle', 'paid'],
  ['reglee', 'paid'],
  ['acquitte', 'paid'],
  ['acquittee', 'paid'],
  ['solde', 'paid'],
  ['soldee', 'paid'],
  ['preleve', 'paid'],
  ['prelevee', 'paid'],
  ['paid', 'paid'],
  ['settled', 'paid'],
  ['bezahlt', 'paid'],
  ['beglichen', 'paid'],
  ['betaald', 'paid'],
  ['impaye', 'unpaid'],
  ['impayee', 'unpaid'],
  ['non paye', 'unpaid'],
  ['non payee', 'unpaid'],
  ['non regle', 'unpaid'],
  ['non reglee', 'unpaid'],
  ['a payer', 'unpaid'],
  ['en attente', 'unpaid'],
  ['en attente de paiement', 'unpaid'],
  ['unpaid', 'unpaid'],
  ['open', 'unpaid'],
  ['outstanding', 'unpaid'],
  ['due', 'unpaid'],
  ['pending', 'unpaid'],
  ['offen', 'unpaid'],
  ['unbezahlt', 'unpaid'],
  ['openstaand', 'unpaid'],
  ['onbetaald', 'unpaid'],
  ['en retard', 'overdue'],
  ['impaye en retard', 'overdue'],
  ['echu', 'overdue'],
  ['echue', 'overdue'],
  ['overdue', 'overdue'],
  ['past due', 'overdue'],
  ['late', 'overdue'],
  ['ueberfaellig', 'overdue'],
  ['uberfallig', 'overdue'],
  ['gemahnt', 'overdue'],
  ['achterstallig', 'overdue'],
  ['vervallen', 'overdue'],
]);

/** The status a cell names, or undefined. */
export function statusFrom(cell: string): DocumentStatus | undefined {
  if (cell.length > 40) return undefined;
  return STATUS_PHRASES.get(normalizeLabel(cell));
}

/**
 * What a bill's own text says when it is settled, in folded form (lower case, no accents,
 * punctuation as spaces): "Réglée par prélèvement" (Free's customer area and bills), "Facture
 * acquittée", "Paid by Direct Debit", "per Lastschrift bezahlt". Only a statement that the bill
 * is settled counts: an announced debit ("Montant prélevé le 10/04/2024", "sera prélevé",
 * "wird … abgebucht") is its due date, and a debit can still be rejected.
 */
export const SETTLED_STATEMENTS: readonly string[] = [
  'reglee par prelevement',
  'reglee par carte',
  'reglee par carte bancaire',
  'reglee par cheque',
  'reglee par virement',
  'facture reglee',
  'facture acquittee',
  'facture payee',
  'facture soldee',
  'paid by direct debit',
  'paid in full',
  'this bill has been paid',
  'this invoice has been paid',
  'per lastschrift bezahlt',
  'bezahlt per lastschrift',
  'rechnung ist bezahlt',
  'rechnung wurde bezahlt',
];

/** Words before a statement that undo it: "non réglée", "sera réglée par prélèvement", "will be paid by direct debit". */
export const UNSETTLING_WORDS: readonly string[] = [
  'non',
  'pas',
  'sera',
  'seront',
  'pas encore',
  'not',
  'not yet',
  'will be',
  'to be',
  'nicht',
  'noch nicht',
  'wird',
];

/** Words that put a settled statement on another bill: "votre facture précédente, réglée par prélèvement". */
export const OTHER_BILL_WORDS: readonly string[] = [
  'precedente',
  'precedent',
  'derniere facture',
  'ancien solde',
  'previous',
  'last bill',
  'last invoice',
  'vorherige',
  'letzte rechnung',
  'vormonat',
];

/**
 * Words earlier on the line that make a settled statement a request (review: "Please make sure this
 * bill is paid in full by 20 May 2024" is a demand, not a receipt).
 */
export const REQUEST_WORDS: readonly string[] = [
  'please',
  'make sure',
  'ensure',
  'must',
  'should',
  'needs to',
  'need to',
  'veuillez',
  'merci de',
  'doit',
  'doivent',
  'bitte',
  'muss',
  'mussen',
];

/** Words right after a settled statement that make it a deadline: "paid in full by 20 May", "réglée avant le 5 mars". */
export const DEADLINE_WORDS: readonly string[] = [
  'by',
  'before',
  'within',
  'avant',
  'sous',
  'bis',
  'innerhalb',
  'spatestens',
];
