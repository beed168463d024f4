/** The fixed wording of a letter, in French and English; the per-rule wording is in demands.ts. */
import type { DocumentKind, DunningTitle } from '../../model/document.js';
import type { LetterLang } from './demands.js';

export interface KindWords {
  /** With its article: "la facture", "le courrier de relance", "the invoice" (English names a document with "the" too). */
  readonly one: string;
  /** Plural with article, for a list of several: "les factures". */
  readonly many: string;
  /** Bare, for the chronology: "facture". */
  readonly bare: string;
}

/**
 * A dunning letter is named by its own title where it has one (a "mise en demeure", a "final
 * demand"): the letter speaks of the document the reader holds, and of how grave it said it was.
 */
export type NamedKind = DocumentKind | DunningTitle;

export const KIND_WORDS: Readonly<Record<LetterLang, Readonly<Record<NamedKind, KindWords>>>> = {
  fr: {
    invoice: { one: 'la facture', many: 'les factures', bare: 'facture' },
    'credit-note': { one: 'l’avoir', many: 'les avoirs', bare: 'avoir' },
    dunning: { one: 'le courrier de relance', many: 'les courriers de relance', bare: 'courrier de relance' },
    payment: { one: 'le paiement', many: 'les paiements', bare: 'paiement' },
    termination: {
      one: 'la confirmation de résiliation',
      many: 'les confirmations de résiliation',
      bare: 'confirmation de résiliation',
    },
    // A reminder titled "Relance" is called so (issue 16, defect 17); the others keep their rank and gender.
    reminder: { one: 'la relance', many: 'les relances', bare: 'relance' },
    'final-reminder': { one: 'la dernière relance', many: 'les dernières relances', bare: 'dernière relance' },
    'final-notice': { one: 'le dernier avis', many: 'les derniers avis', bare: 'dernier avis' },
    'final-demand': {
      one: 'la dernière demande de paiement',
      many: 'les dernières demandes de paiement',
      bare: 'dernière demande de paiement',
    },
    'formal-notice': { one: 'la mise en demeure', many: 'les mises en demeure', bare: 'mise en demeure' },
    'letter-before-action': {
      one: 'la lettre avant poursuites',
      many: 'les lettres avant poursuites',
      bare: 'lettre avant poursuites',
    },
  },
  en: {
    invoice: { one: 'the invoice', many: 'the invoices', bare: 'invoice' },
    'credit-note': { one: 'the credit note', many: 'the credit notes', bare: 'credit note' },
    dunning: { one: 'the payment demand', many: 'the payment demands', bare: 'payment demand' },
    payment: { one: 'the payment', many: 'the payments', bare: 'payment' },
    termination: {
      one: 'the termination confirmation',
      many: 'the termination confirmations',
      bare: 'termination confirmation',
    },
    reminder: { one: 'the payment reminder', many: 'the payment reminders', bare: 'payment reminder' },
    'final-reminder': { one: 'the final reminder', many: 'the final reminders', bare: 'final reminder' },
    'final-notice': { one: 'the final notice', many: 'the final notices', bare: 'final notice' },
    'final-demand': { one: 'the final demand', many: 'the final demands', bare: 'final demand' },
    'formal-notice': { one: 'the formal notice', many: 'the formal notices', bare: 'formal notice' },
    'letter-before-action': {
      one: 'the letter before action',
      many: 'the letters before action',
      bare: 'letter before action',
    },
  },
};

const MONTHS: Readonly<Record<LetterLang, readonly string[]>> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "1er décembre 2026" / "1 December 2026": the letter's own dates, written out as letters write them. */
export function longDate(iso: string, lang: LetterLang): string {
  const day = Number(iso.slice(8, 10));
  const month = MONTHS[lang][Number(iso.slice(5, 7)) - 1] ?? '';
  const year = iso.slice(0, 4);
  if (lang === 'fr') return `${day === 1 ? '1er' : String(day)} ${month} ${year}`;
  return `${day} ${month} ${year}`;
}

/** Fills {{name}} placeholders; undefined when one has no value (the caller then says less, never guesses). */
export function fill(template: string, values: ReadonlyMap<string, string>): string | undefined {
  let missing = false;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

/** French "de" before a name, elided before a vowel sound: "d’Intrum", "d’Orange", "de SFR". */
export function deName(name: string): string {
  return /^[aeiouyàâéèêîôûh]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/** "a, b et c" / "a, b and c". */
export function joinList(items: readonly string[], lang: LetterLang): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1] as string;
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
}

export interface Phrases {
  readonly sending: string;
  readonly salutation: string;
  readonly factsHeading: string;
  readonly demandsHeading: string;
  readonly demandsIntro: string;
  readonly basisLabel: string;
  readonly disputedHeading: string;
  readonly enclosuresHeading: string;
  readonly closing: string;
  readonly namePlaceholder: string;
  readonly addressPlaceholder: string;
  readonly cityPlaceholder: string;
  readonly operatorPlaceholder: string;
  readonly deadline: string;
  readonly copyOf: string;
  readonly of: string;
  /** A dunning letter without a number of its own, named by what it claims: "pour la facture {{ids}}". */
  readonly forInvoice: string;
  readonly forInvoices: string;
  readonly draftReminder: string;
  readonly nothingToDispute: string;
  readonly nothingAtAll: string;
  /** --sent given to a stage that quotes no earlier letter, or a second one to a stage that quotes one. */
  readonly sentUnused: string;
  readonly secondSentUnused: string;
}

export const PHRASES: Readonly<Record<LetterLang, Phrases>> = {
  fr: {
    sending: 'Lettre recommandée avec avis de réception',
    salutation: 'Madame, Monsieur,',
    factsHeading: 'Les faits',
    demandsHeading: 'Mes demandes',
    demandsIntro: 'Je vous demande de :',
    basisLabel: 'Fondement',
    disputedHeading: 'Montant contesté',
    enclosuresHeading: 'Pièces jointes',
    closing: 'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    namePlaceholder: '[Votre nom]',
    addressPlaceholder: '[Votre adresse]',
    cityPlaceholder: '[Ville]',
    operatorPlaceholder: '[Nom de l’opérateur]',
    deadline:
      'Je vous remercie de me répondre par écrit dans un délai de 15 jours à compter de la réception de ce courrier.',
    copyOf: 'Copie',
    of: 'du',
    forInvoice: 'pour la facture {{ids}}',
    forInvoices: 'pour les factures {{ids}}',
    draftReminder:
      'billcheck: ce courrier est un brouillon construit à partir des factures lues, pas un conseil juridique : relisez-le, complétez les [champs entre crochets] et vérifiez chaque fait avant de l’envoyer.',
    nothingToDispute:
      'billcheck: rien à contester pour le compte {{account}} : aucune anomalie relevée, aucun courrier écrit.',
    nothingAtAll: 'billcheck: rien à contester : aucune anomalie relevée dans ces factures, aucun courrier écrit.',
    sentUnused:
      'billcheck: --sent n’est pas repris dans la première réclamation (--stage 1) : il sert à --stage 2, --stage mediator et --status.',
    secondSentUnused:
      'billcheck: la relance au service consommateurs (--stage 2) ne cite que votre première réclamation, du {{date}} : le second --sent sert à --stage mediator.',
  },
  en: {
    sending: 'Recorded delivery',
    salutation: 'Dear Sir or Madam,',
    factsHeading: 'The facts',
    demandsHeading: 'What I ask',
    demandsIntro: 'I ask you to:',
    basisLabel: 'Basis',
    disputedHeading: 'Amount in dispute',
    enclosuresHeading: 'Enclosures',
    closing: 'Yours faithfully,',
    namePlaceholder: '[Your name]',
    addressPlaceholder: '[Your address]',
    cityPlaceholder: '[City]',
    operatorPlaceholder: '[Operator name]',
    deadline: 'Please answer in writing within 15 days of receiving this letter.',
    copyOf: 'Copy',
    of: 'of',
    forInvoice: 'for invoice {{ids}}',
    forInvoices: 'for invoices {{ids}}',
    draftReminder:
      'billcheck: this letter is a draft built from the bills that were read, not legal advice: read it, fill in the [bracketed fields] and check every fact before sending it.',
    nothingToDispute: 'billcheck: nothing to dispute for account {{account}}: no finding, no letter written.',
    nothingAtAll: 'billcheck: nothing to dispute: no finding in these bills, no letter written.',
    sentUnused:
      'billcheck: --sent is not used by the first complaint (--stage 1): it is for --stage 2, --stage mediator and --status.',
    secondSentUnused:
      'billcheck: the reminder to the consumer service (--stage 2) quotes only your first complaint, of {{date}}: the second --sent is for --stage mediator.',
  },
};
