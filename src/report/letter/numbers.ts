/**
 * The numbers a letter quotes to name the account, each under its own label: the customer number
 * ("Client n°"), the line ("Ligne"), the contract ("Contrat") and, for a company, the purchaser's
 * own reference (EN 16931 BT-10, the buyer reference, else BT-13, the order). A tryout's subject
 * read "client n° 0612345001" for a line number, or the sender's customer number beside the
 * documents' line with one label for both ("N° client / ligne"): an operator's service finds a
 * file by its customer number, and a line is not one.
 */
import type { LetterLang } from './demands.js';

export interface AccountNumbers {
  readonly customer?: string;
  readonly line?: string;
  readonly contract?: string;
  /** The purchaser's reference a company's e-invoices carry (BT-10, else BT-13). */
  readonly purchaserReference?: string;
}

interface NumberLabels {
  readonly customer: string;
  readonly line: string;
  readonly contract: string;
  readonly purchaserReference: string;
}

/** With the number after them: "Client n° C-104233", "Ligne 0612345001" (the subject's form). */
const INLINE: Readonly<Record<LetterLang, NumberLabels>> = {
  fr: { customer: 'Client n°', line: 'Ligne', contract: 'Contrat n°', purchaserReference: 'Votre référence acheteur' },
  en: { customer: 'Customer no.', line: 'Line', contract: 'Contract no.', purchaserReference: 'Buyer reference' },
};

/** As a field of a block: "N° client : C-104233" (the sender block, the referral form). */
const FIELD: Readonly<Record<LetterLang, NumberLabels>> = {
  fr: { customer: 'N° client', line: 'Ligne', contract: 'N° de contrat', purchaserReference: 'Référence acheteur' },
  en: {
    customer: 'Customer number',
    line: 'Line number',
    contract: 'Contract number',
    purchaserReference: 'Buyer reference',
  },
};

const ORDER: readonly (keyof AccountNumbers)[] = ['customer', 'line', 'contract', 'purchaserReference'];

function entries(numbers: AccountNumbers): [keyof AccountNumbers, string][] {
  return ORDER.flatMap((key) => {
    const value = numbers[key];
    return value === undefined || value === '' ? [] : [[key, value] as [keyof AccountNumbers, string]];
  });
}

/** "Client n° C-104233 – Ligne 0698765432": each number after its label, for the subject. */
export function numbersInline(numbers: AccountNumbers, lang: LetterLang): string {
  return entries(numbers)
    .map(([key, value]) => `${INLINE[lang][key]} ${value}`)
    .join(' – ');
}

/** One line per number: "N° client : C-104233", "Ligne : 0698765432". */
export function numberFields(numbers: AccountNumbers, lang: LetterLang): string[] {
  const colon = lang === 'fr' ? ' : ' : ': ';
  return entries(numbers).map(([key, value]) => `${FIELD[lang][key]}${colon}${value}`);
}
