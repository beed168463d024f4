/**
 * What a fee line says (issue 13): the wordings of recovery, dunning and late-payment fees, shared
 * by collection-fee-charged (which flags them) and the account entries (a dunning letter's fees
 * are kept apart from the debt it demands, which dunning-amount-mismatch compares).
 */
import type { BillingDocument, DocumentLine } from './document.js';
import type { Money } from './money.js';

/**
 * Lower case, accents dropped, anything but letters and digits turned into single spaces:
 * "Frais de RELANCE (TTC)" and "frais de relance" read the same. Rules know nothing of parsing,
 * hence this small copy of the parsers' label normalization.
 */
export function normalizeWording(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Wordings of recovery, dunning and late-payment fees, in normalized form (see normalizeWording).
 * Each is matched at the start of a word, so plurals match too ("recovery fees"). Deliberately
 * "frais de relance" and not "relance": a reminder's line for the debt itself is not a fee.
 */
export const FEE_WORDINGS: readonly string[] = [
  // French
  'frais de relance',
  'frais de rappel',
  'frais de recouvrement', // also "indemnité forfaitaire pour frais de recouvrement", the B2B 40 €
  'frais de mise en demeure',
  'frais de contentieux',
  'frais de retard',
  'penalite de retard',
  'penalites de retard',
  // English
  'recovery fee',
  'recovery cost',
  'collection fee',
  'collection cost',
  'collection charge',
  'dunning fee',
  'reminder fee',
  'late payment fee',
  'late fee',
  // German, Dutch, Spanish, Italian
  'mahngebuhr',
  'mahnkosten',
  'inkassokosten',
  'inkassovergütung', // the agency's own fee, as EOS and German agencies title it (RDGEG § 4)
  'aanmaningskosten',
  'herinneringskosten',
  'incassokosten',
  'gastos de recobro',
  'spese di sollecito',
].map(normalizeWording);

/**
 * On a dunning letter every fee added to the debt is a recovery cost, whatever it is called
 * ("Frais de dossier", "Pénalités", "Intérêts de retard"); on a bill a "frais de dossier" may be a set-up fee.
 */
export const DUNNING_WORDINGS: readonly string[] = [
  'frais de dossier',
  'frais de gestion',
  'frais d impaye',
  'frais de rejet',
  'frais bancaires de rejet',
  'indemnite forfaitaire',
  'penalite',
  'interets de retard',
  'interets moratoires',
  'admin fee',
  'administration fee',
  'verzugszinsen',
  'bearbeitungsgebuhr',
  // A German agency's extra lines (issue 13): "Auslagen" ("Auslagenpauschale"), "Kontoführungsgebühr".
  'auslagen',
  'kontoführung',
  'buitengerechtelijke kosten',
].map(normalizeWording);

/** What the line charges; nothing when it has no amount, is zero (waived) or negative (refunded). */
export function chargedAmount(line: DocumentLine): Money | undefined {
  const amount = line.total ?? line.net;
  return amount !== undefined && !amount.isZero() && !amount.isNegative() ? amount : undefined;
}

function namesAnyFee(description: string): boolean {
  const text = ` ${normalizeWording(description)}`;
  return [...FEE_WORDINGS, ...DUNNING_WORDINGS].some((wording) => text.includes(` ${wording}`));
}

/**
 * The fees a dunning letter adds to the debt: its lines whose description names a fee, in the
 * letter's currency; undefined for other documents and for letters without such a line.
 */
export function dunningFees(doc: BillingDocument): Money | undefined {
  if (doc.kind !== 'dunning' || doc.lines.length === 0) return undefined;
  let fees: Money | undefined;
  for (const line of doc.lines) {
    const amount = chargedAmount(line);
    if (amount === undefined || line.description === undefined || !namesAnyFee(line.description)) continue;
    fees = fees === undefined ? amount : fees.add(amount);
  }
  return fees;
}
