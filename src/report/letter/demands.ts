/**
 * What a letter asks for each finding, and on which basis: data keyed by rule id, in French and
 * English. `observation` is the fact the finding establishes (said after the document in the
 * chronology); `demand` what the customer asks, grouped by `demandKey` so that two rules on one
 * bill (amount-ceiling and amount-spike) make one demand; `basis` is cited only where an official
 * source was checked (sources.ts), and only in the jurisdiction it belongs to.
 *
 * Placeholders: {{documents}} (the documents the demand is about), and the finding's evidence
 * ({{invoice}}, {{credited}}, {{effectiveDate}}, {{median}}…) written as the bills write them.
 */
import type { SourceId } from './sources.js';

export type LetterLang = 'fr' | 'en';
export type Jurisdiction = 'FR' | 'GB';

export interface Wording {
  readonly fr: string;
  readonly en: string;
}

export interface LegalBasis {
  readonly jurisdiction: Jurisdiction;
  /** Consumer law (Code de la consommation): not cited for a company purchaser. */
  readonly consumersOnly?: boolean;
  readonly text: Wording;
  readonly sources: readonly SourceId[];
}

export interface DemandEntry {
  readonly observation: Wording;
  /** Said instead of `observation` when its placeholders are known ({{first}}: the bill a duplicate repeats). */
  readonly precise?: Wording;
  /** Said after the document in the demand, when its placeholders are known: "qui reprend {{first}}". */
  readonly aside?: Wording;
  readonly demandKey: string;
  /**
   * By the finding's message id, where the finding establishes a different fact (a reminder for a
   * bill a credit note covers, or one the operator's own export marks paid): its own observation
   * and demand, so that the letter says which.
   */
  readonly byMessage?: Readonly<Record<string, { readonly observation: Wording; readonly demandKey: string }>>;
  /** Said once for several findings of the rule on one document: each as `item`, listed in {{items}}. */
  readonly several?: { readonly item: Wording; readonly observation: Wording };
  /** The demand when the document also claims invoices the finding does not name (a real bill beside a blank one). */
  readonly partialDemandKey?: string;
  /** Said only when no other finding on the document says more (a ceiling, beside a spike). */
  readonly minor?: boolean;
}

export interface DemandText {
  readonly demand: Wording;
  /** Said first when its placeholders are known ({{cover}}: the credit notes and payments the findings name). */
  readonly precise?: Wording;
  /** Said instead of `demand` when it is about several documents, where the grammar differs ("them", "they"). */
  readonly many?: Wording;
  /** Several documents claiming one same invoice: the plural of the documents, the singular of the invoice. */
  readonly manyOneInvoice?: Wording;
  /** `precise` for several documents. */
  readonly preciseMany?: Wording;
  /** preciseMany when the letters claim one invoice between them: "la facture qu'ils réclament", not "les factures". */
  readonly preciseManyOneInvoice?: Wording;
  /** Said instead when every document of the demand names the invoices it claims ({{invoice}}). */
  readonly naming?: Wording;
  /** The wordings for a customer whose documents state no direct debit (a company purchaser's e-invoices). */
  readonly noDirectDebit?: { readonly demand: Wording; readonly many?: Wording };
  /**
   * Said before the legal basis, when its placeholders are known: the operator's own document
   * ({{confirmation}}, and {{stated}}, the date it states); `basisLeadDerived` when it states none.
   */
  readonly basisLead?: Wording;
  readonly basisLeadDerived?: Wording;
  readonly basis?: LegalBasis;
}

export const OBSERVATIONS: Readonly<Record<string, DemandEntry>> = {
  'blank-invoice': {
    demandKey: 'cancel-blank-invoice',
    observation: {
      fr: 'elle ne facture rien : tous ses montants sont nuls',
      en: 'it bills nothing: every amount on it is zero',
    },
  },
  'dunning-for-blank-invoice': {
    demandKey: 'cancel-dunning-blank',
    partialDemandKey: 'withdraw-blank-claim',
    observation: {
      fr: 'ce courrier réclame le paiement de la facture {{invoice}}, qui ne facture rien',
      en: 'it demands payment of invoice {{invoice}}, which bills nothing',
    },
  },
  'dunning-trivial-amount': {
    demandKey: 'cancel-dunning-trivial',
    observation: { fr: 'la somme exigée est de {{amount}}', en: 'the sum demanded is {{amount}}' },
    // An agency's fees on their own lines ({{fees}}, trivialDebt): the debt and the fees said apart, never
    // the debt alone as "the sum demanded" of a letter that demands 12,01 € (tryout 6).
    precise: {
      fr: 'la somme réclamée au titre de la facture est de {{amount}}, à laquelle s’ajoutent {{fees}} de frais',
      en: 'the sum claimed for the invoice is {{amount}}, to which {{fees}} of fees are added',
    },
  },
  'dunning-while-in-credit': {
    // {{cover}}: the credit notes and payments the finding names, as the letter names any document.
    demandKey: 'cancel-dunning-credited',
    observation: {
      fr: 'ce courrier réclame la facture {{invoice}} ({{billed}}), alors que {{credited}} d’avoirs et de paiements la couvrent déjà',
      en: 'it claims payment of invoice {{invoice}} ({{billed}}), although credit notes and payments of {{credited}} already cover it',
    },
    precise: {
      fr: 'ce courrier réclame la facture {{invoice}} ({{billed}}), alors qu’elle est déjà couverte par {{cover}}',
      en: 'it claims payment of invoice {{invoice}} ({{billed}}), although that invoice is already covered by {{cover}}',
    },
    byMessage: {
      markedPaid: {
        demandKey: 'cancel-dunning-marked-paid',
        observation: {
          fr: 'ce courrier réclame la facture {{invoice}}, que vos propres documents indiquent comme payée',
          en: 'it claims payment of invoice {{invoice}}, which your own documents show as paid',
        },
      },
      partlyCovered: {
        // A letter for a covered invoice and unpaid ones: only the covered invoice's claim is disputed.
        demandKey: 'withdraw-credited-claim',
        observation: {
          fr: 'ce courrier réclame aussi la facture {{coveredInvoices}} ({{billed}}), alors que {{credited}} d’avoirs et de paiements la couvrent déjà',
          en: 'it also claims payment of invoice {{coveredInvoices}} ({{billed}}), although credit notes and payments of {{credited}} already cover it',
        },
      },
      inCredit: {
        demandKey: 'cancel-dunning-in-credit',
        observation: {
          fr: 'à sa date, mon compte ne devait rien : {{credited}} d’avoirs et de paiements pour {{billed}} facturés',
          en: 'by its date my account owed nothing: {{credited}} credited or paid against {{billed}} billed',
        },
      },
    },
  },
  'billed-after-termination': {
    demandKey: 'cancel-after-termination',
    observation: {
      fr: 'elle porte sur une période commençant le {{periodStart}}, après la prise d’effet de la résiliation le {{effectiveDate}}',
      en: 'it bills a period starting on {{periodStart}}, after the termination took effect on {{effectiveDate}}',
    },
  },
  'amount-ceiling': {
    demandKey: 'justify-amount',
    minor: true,
    observation: { fr: 'son montant, {{amount}}, dépasse {{max}}', en: 'its amount, {{amount}}, is above {{max}}' },
  },
  'amount-spike': {
    demandKey: 'justify-amount',
    observation: {
      fr: 'son montant, {{amount}}, est {{ratio}} fois la médiane de mes {{history}} factures précédentes ({{median}})',
      en: 'its amount, {{amount}}, is {{ratio}} times the median of my {{history}} earlier bills ({{median}})',
    },
  },
  'collection-fee-charged': {
    demandKey: 'remove-collection-fee',
    observation: {
      // Without a pronoun: the document is a "courrier de relance" as often as a "mise en demeure" or a "facture".
      fr: 'des frais de recouvrement m’y sont facturés : « {{description}} », {{amount}}',
      en: 'it charges me a collection fee: "{{description}}", {{amount}}',
    },
    // Several fees on one letter are one observation: "…facturés : « Mahngebühren », 5,00 € et « Inkassokosten », 49,50 €".
    several: {
      item: { fr: '« {{description}} », {{amount}}', en: '"{{description}}", {{amount}}' },
      observation: {
        fr: 'des frais de recouvrement m’y sont facturés : {{items}}',
        en: 'it charges me collection fees: {{items}}',
      },
    },
  },
  'dunning-time-barred': {
    demandKey: 'drop-time-barred',
    observation: {
      fr: 'ce courrier réclame la facture {{invoice}}, exigible depuis le {{fellDue}}, plus d’un an avant sa date',
      en: 'it claims payment of invoice {{invoice}}, which fell due on {{fellDue}}, more than a year before the letter',
    },
  },
  'dunning-before-due': {
    demandKey: 'cancel-dunning-early',
    observation: {
      fr: 'ce courrier est daté d’avant l’échéance de la facture qu’il réclame',
      en: 'it is dated before the due date of the invoice it claims',
    },
    // Which invoice was not yet due, and when it was: a reminder for two bills may be early for one.
    precise: {
      fr: 'ce courrier réclame la facture {{invoice}} avant son échéance du {{dueDate}}',
      en: 'it claims invoice {{invoice}} before its due date of {{dueDate}}',
    },
    partialDemandKey: 'withdraw-early-claim',
  },
  'dunning-amount-mismatch': {
    demandKey: 'justify-dunning-amount',
    observation: {
      fr: 'ce courrier réclame {{amount}}, un montant différent de ce que les factures visées laissent dû',
      en: 'it demands {{amount}}, a different amount from what the invoices it names still owe',
    },
    // {{owedBy}}: "la facture F-1 laisse", in the singular for one invoice (issue 16, defect 17).
    precise: {
      fr: 'ce courrier réclame {{amount}}, un montant différent de ce que {{owedBy}} dû ({{owed}})',
      en: 'it demands {{amount}}, a different amount from what {{owedBy}} owing ({{owed}})',
    },
  },
  'total-mismatch': {
    demandKey: 'correct-totals',
    observation: {
      fr: 'son total HT plus la TVA ne donne pas son total TTC',
      en: 'its net total plus VAT does not make its total',
    },
  },
  'lines-total-mismatch': {
    demandKey: 'correct-totals',
    observation: { fr: 'la somme de ses lignes ne donne pas son montant', en: 'its lines do not add up to its amount' },
  },
  // EN 16931 arithmetic of e-invoices: the same demands as the totals of any bill.
  'net-total-mismatch': {
    demandKey: 'correct-totals',
    observation: {
      fr: 'ses lignes, remises et frais ne donnent pas son total HT',
      en: 'its lines, allowances and charges do not make its net total',
    },
  },
  'amount-due-mismatch': {
    demandKey: 'correct-totals',
    observation: {
      fr: 'son montant à payer ne correspond pas à son total moins ce qui est déjà payé',
      en: 'its amount due is not its total less what was already paid',
    },
  },
  'vat-breakdown-mismatch': {
    demandKey: 'correct-vat',
    observation: {
      fr: 'le détail de sa TVA par taux ne se recalcule pas',
      en: 'its VAT breakdown by rate does not add up',
    },
  },
  'factur-x-page-mismatch': {
    demandKey: 'correct-totals',
    observation: {
      fr: 'sa page imprimée et ses données Factur-X ne disent pas la même chose',
      en: 'its printed page and its Factur-X data disagree',
    },
  },
  'vat-rate-mismatch': {
    demandKey: 'correct-vat',
    observation: { fr: 'sa TVA ne correspond à aucun taux applicable', en: 'its VAT matches no applicable rate' },
  },
  'duplicate-invoice': {
    demandKey: 'cancel-duplicate',
    observation: {
      fr: 'elle facture une seconde fois ce qu’une autre facture facture déjà',
      en: 'it bills again what another invoice already bills',
    },
    // {{first}}: the earlier bill, as the letter names any document ("la facture F-1 du 05/01/2024 (49,99 €)").
    precise: {
      fr: 'elle reprend {{first}}',
      en: 'it repeats {{first}}',
    },
    aside: { fr: 'qui reprend {{first}}', en: 'which repeats {{first}}' },
  },
  'overlapping-period': {
    demandKey: 'cancel-overlap',
    observation: {
      fr: 'sa période chevauche celle d’une autre facture',
      en: 'its period overlaps that of another invoice',
    },
  },
  'negative-invoice': {
    demandKey: 'explain-negative',
    observation: { fr: 'c’est une facture de montant négatif', en: 'it is an invoice with a negative total' },
  },
  'sub-cent-amount': {
    demandKey: 'correct-cents',
    observation: {
      fr: 'un de ses montants a plus de décimales que la monnaie',
      en: 'one of its amounts has more decimals than the currency',
    },
  },
  'date-inconsistency': {
    demandKey: 'correct-dates',
    observation: { fr: 'ses dates sont incohérentes', en: 'its dates are inconsistent' },
  },
  'currency-mismatch': {
    demandKey: 'explain-currency',
    observation: {
      fr: 'elle est facturée dans une autre monnaie que mes autres factures',
      en: 'it is billed in another currency than my other bills',
    },
  },
};

export const DEMANDS: Readonly<Record<string, DemandText>> = {
  'cancel-blank-invoice': {
    demand: {
      fr: 'annuler {{documents}} et me confirmer par écrit que je ne dois rien à ce titre : rien n’y est facturé',
      en: 'cancel {{documents}} and confirm in writing that I owe nothing for it: it bills nothing',
    },
  },
  'cancel-dunning-blank': {
    demand: {
      fr: 'annuler {{documents}} et toute procédure de recouvrement engagée à ce titre : la facture réclamée ne facture rien',
      en: 'cancel {{documents}} and any collection started for it: the invoice it claims bills nothing',
    },
    many: {
      fr: 'annuler {{documents}} et toute procédure de recouvrement engagée à ce titre : les factures réclamées ne facturent rien',
      en: 'cancel {{documents}} and any collection started for them: the invoices they claim bill nothing',
    },
    manyOneInvoice: {
      fr: 'annuler {{documents}} et toute procédure de recouvrement engagée à ce titre : la facture qu’ils réclament ne facture rien',
      en: 'cancel {{documents}} and any collection started for them: the invoice they claim bills nothing',
    },
  },
  'withdraw-blank-claim': {
    // {{blank}}: the blank invoices the finding names; the letter's other invoices are not disputed.
    demand: {
      fr: 'pour {{documents}}, retirer la réclamation de {{blank}}, qui ne facture rien, et toute procédure de recouvrement engagée à ce titre',
      en: 'withdraw from {{documents}} the claim for {{blank}}, which bills nothing, and any collection started for it',
    },
  },
  'cancel-dunning-trivial': {
    demand: {
      // "the sum it claims", not "its demand for payment": a letter titled "Final Demand" is itself one.
      fr: 'annuler {{documents}} et la somme réclamée, m’indiquer de quelle facture provient ce montant, et suspendre tout recouvrement d’ici là',
      en: 'cancel {{documents}} and the sum it claims, tell me which invoice that amount comes from, and suspend any collection meanwhile',
    },
    naming: {
      fr: 'annuler {{documents}} et la somme réclamée, m’expliquer comment la facture {{invoice}} laisserait ce montant dû, et suspendre tout recouvrement d’ici là',
      en: 'cancel {{documents}} and the sum it claims, explain how invoice {{invoice}} could leave that amount due, and suspend any collection meanwhile',
    },
  },
  'cancel-dunning-credited': {
    demand: {
      fr: 'annuler {{documents}}, la facture réclamée étant déjà couverte par un avoir ou un paiement, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since a credit note or payment already covers the invoice it claims, and confirm that my account is settled',
    },
    precise: {
      fr: 'annuler {{documents}}, la facture réclamée étant déjà couverte par {{cover}}, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since the invoice it claims is already covered by {{cover}}, and confirm that my account is settled',
    },
    many: {
      fr: 'annuler {{documents}}, les factures réclamées étant déjà couvertes par un avoir ou un paiement, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since credit notes or payments already cover the invoices they claim, and confirm that my account is settled',
    },
    preciseMany: {
      fr: 'annuler {{documents}}, les factures réclamées étant déjà couvertes par {{cover}}, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since the invoices they claim are already covered by {{cover}}, and confirm that my account is settled',
    },
    manyOneInvoice: {
      fr: 'annuler {{documents}}, la facture qu’ils réclament étant déjà couverte par un avoir ou un paiement, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since a credit note or payment already covers the invoice they claim, and confirm that my account is settled',
    },
    preciseManyOneInvoice: {
      fr: 'annuler {{documents}}, la facture qu’ils réclament étant déjà couverte par {{cover}}, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since the invoice they claim is already covered by {{cover}}, and confirm that my account is settled',
    },
  },
  'cancel-dunning-marked-paid': {
    demand: {
      fr: 'annuler {{documents}}, la facture réclamée étant indiquée comme payée dans vos propres documents, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since your own documents show the invoice it claims as paid, and confirm that my account is settled',
    },
  },
  'withdraw-credited-claim': {
    demand: {
      fr: 'pour {{documents}}, retirer la réclamation de {{settled}}, que couvre déjà un avoir ou un paiement, et me confirmer le montant qui reste dû',
      en: 'withdraw from {{documents}} the claim for {{settled}}, which a credit note or payment already covers, and confirm the amount still due',
    },
  },
  'cancel-dunning-in-credit': {
    demand: {
      fr: 'annuler {{documents}}, mes avoirs et paiements couvrant déjà tout ce qui m’a été facturé à sa date, et me confirmer que mon compte est soldé',
      en: 'cancel {{documents}}, since my credit notes and payments already cover everything billed to me by its date, and confirm that my account is settled',
    },
  },
  'cancel-after-termination': {
    // {{onDate}}: " le 11/09/2025", when the termination took effect as the finding says (the confirmation's
    // own date, else the latest date the ten days allow). Stopping the collection of these sums is
    // asked with their cancellation: a tryout's reminder after a termination asked only to stop the
    // direct debit while the operator's reminders went on.
    demand: {
      fr: 'annuler {{documents}}, dont la période suit la prise d’effet de ma résiliation{{onDate}}, me rembourser toute somme prélevée à ce titre et cesser tout prélèvement, toute relance et tout recouvrement de ces sommes',
      en: 'cancel {{documents}}, whose period begins after my termination took effect{{onDate}}, refund any amount collected for it and stop any direct debit, reminder and collection of these sums',
    },
    many: {
      fr: 'annuler {{documents}}, dont les périodes suivent la prise d’effet de ma résiliation{{onDate}}, me rembourser toute somme prélevée à ce titre et cesser tout prélèvement, toute relance et tout recouvrement de ces sommes',
      en: 'cancel {{documents}}, whose periods begin after my termination took effect{{onDate}}, refund any amount collected for them and stop any direct debit, reminder and collection of these sums',
    },
    // A company's bills say nothing of a direct debit: none is asked to stop unless one is stated (issue 16, defect 18).
    noDirectDebit: {
      demand: {
        fr: 'annuler {{documents}}, dont la période suit la prise d’effet de notre résiliation{{onDate}}, rembourser toute somme payée à ce titre et cesser toute relance et tout recouvrement de ces sommes',
        en: 'cancel {{documents}}, whose period begins after our termination took effect{{onDate}}, refund any amount paid for it and stop any reminder and collection of these sums',
      },
      many: {
        fr: 'annuler {{documents}}, dont les périodes suivent la prise d’effet de notre résiliation{{onDate}}, rembourser toute somme payée à ce titre et cesser toute relance et tout recouvrement de ces sommes',
        en: 'cancel {{documents}}, whose periods begin after our termination took effect{{onDate}}, refund any amount paid for them and stop any reminder and collection of these sums',
      },
    },
    // The operator's own confirmation comes first: it is the operator's word, before the law's.
    // {{confirmationOf}}: "votre propre confirmation de résiliation", or the operator's when the
    // letter goes to a debt purchaser ("la confirmation de résiliation de SFR").
    basisLead: {
      fr: '{{confirmationOf}} {{confirmation}} fixe sa prise d’effet au {{stated}}',
      en: '{{confirmationOf}} {{confirmation}} sets the date it took effect: {{stated}}',
    },
    basisLeadDerived: {
      fr: '{{confirmationOf}} {{confirmation}} atteste ma demande ; elle ne fixe pas de date de prise d’effet, qui est donc au plus tard le {{effectiveDate}}, dix jours après',
      en: '{{confirmationOf}} {{confirmation}} acknowledges my request; it sets no date for it to take effect, which is therefore {{effectiveDate}} at the latest, ten days later',
    },
    basis: {
      jurisdiction: 'FR',
      text: {
        fr: 'article L224-39 du Code de la consommation : le préavis de résiliation ne peut excéder dix jours à compter de la réception de la demande par l’opérateur ; comme le rappelle l’Arcep, l’opérateur dispose de dix jours francs pour mettre fin au contrat',
        en: "article L224-39 of the French Code de la consommation: the notice period of a termination may not exceed ten days from the operator's receipt of the request; as Arcep, the French regulator, states, the operator has ten clear days to end the contract",
      },
      sources: ['telecomInfoconsoTermination', 'arcepTermination'],
      consumersOnly: true,
    },
  },
  'justify-amount': {
    demand: {
      fr: 'pour {{documents}}, me justifier en détail le montant facturé (détail des communications et services) ou l’annuler, et suspendre tout prélèvement et tout recouvrement de ce montant tant que cette réclamation n’est pas réglée',
      en: 'justify in detail the amount of {{documents}} (the calls and services billed) or cancel it, and suspend any direct debit and collection of that amount until this complaint is settled',
    },
    noDirectDebit: {
      demand: {
        fr: 'pour {{documents}}, nous justifier en détail le montant facturé (détail des communications et services) ou l’annuler, et suspendre tout recouvrement de ce montant tant que cette réclamation n’est pas réglée',
        en: 'justify in detail the amount of {{documents}} (the calls and services billed) or cancel it, and suspend any collection of that amount until this complaint is settled',
      },
    },
  },
  'remove-collection-fee': {
    demand: {
      fr: 'retirer les frais de recouvrement facturés par {{documents}}',
      en: 'remove the collection fees from {{documents}}',
    },
    basis: {
      jurisdiction: 'FR',
      text: {
        fr: 'article L111-8 du Code des procédures civiles d’exécution : les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier ; toute stipulation contraire est réputée non écrite',
        en: "article L111-8 of the French Code des procédures civiles d'exécution: the costs of a recovery undertaken without an enforceable title stay with the creditor; any contrary clause is void",
      },
      sources: ['cpcexL111_8'],
    },
  },
  'drop-time-barred': {
    demand: {
      fr: 'renoncer à la somme réclamée par {{documents}}, prescrite',
      en: 'drop the sum claimed by {{documents}}, which is time-barred',
    },
    basis: {
      jurisdiction: 'FR',
      text: {
        fr: 'article L34-2 du Code des postes et des communications électroniques : la prescription est acquise au profit de l’usager pour les sommes que l’opérateur n’a pas réclamées dans un délai d’un an à compter de leur exigibilité',
        en: 'article L34-2 of the French Code des postes et des communications électroniques: sums the operator did not claim within one year of falling due are time-barred',
      },
      sources: ['cpceL34_2'],
    },
  },
  'cancel-dunning-early': {
    demand: {
      fr: 'annuler {{documents}} (envoi avant l’échéance)',
      en: 'cancel {{documents}}, sent before the due date',
    },
  },
  'withdraw-early-claim': {
    // {{blank}}: the invoices the finding says were not yet due; the letter's other invoices are owed.
    demand: {
      fr: 'pour {{documents}}, retirer la réclamation de {{blank}}, qui n’était pas échue à la date de ce courrier',
      en: 'withdraw from {{documents}} the claim for {{blank}}, which was not yet due on the date of that letter',
    },
  },
  'justify-dunning-amount': {
    demand: {
      fr: 'me justifier le montant réclamé par {{documents}} ou le corriger',
      en: 'justify the amount demanded by {{documents}} or correct it',
    },
  },
  'correct-totals': {
    demand: {
      fr: 'corriger {{documents}} par une facture rectificative ou un avoir dont les totaux concordent',
      en: 'correct {{documents}} with a corrected invoice or a credit note whose totals agree',
    },
  },
  'correct-vat': {
    demand: { fr: 'corriger la TVA figurant sur {{documents}}', en: 'correct the VAT of {{documents}}' },
  },
  'cancel-duplicate': {
    demand: {
      fr: 'annuler {{documents}} et me rembourser toute somme payée deux fois (facturation en double)',
      en: 'cancel {{documents}} and refund anything paid twice (double billing)',
    },
  },
  'cancel-overlap': {
    demand: {
      fr: 'pour {{documents}}, annuler la part qui facture une seconde fois la même période',
      en: 'cancel the part of {{documents}} that bills the same period twice',
    },
  },
  'explain-negative': {
    demand: {
      fr: 'm’expliquer {{documents}} et, s’il s’agit d’un avoir, me rembourser ou créditer ce montant',
      en: 'explain {{documents}} and, if it is a credit, refund or credit that amount',
    },
    many: {
      fr: 'm’expliquer {{documents}} et, s’il s’agit d’avoirs, me rembourser ou créditer ces montants',
      en: 'explain {{documents}} and, if they are credits, refund or credit those amounts',
    },
  },
  'correct-cents': {
    demand: {
      fr: 'corriger au centime les montants figurant sur {{documents}}',
      en: 'correct the amounts of {{documents}} to the cent',
    },
  },
  'correct-dates': {
    demand: { fr: 'corriger les dates figurant sur {{documents}}', en: 'correct the dates of {{documents}}' },
  },
  'explain-currency': {
    demand: {
      fr: 'pour {{documents}}, m’expliquer le choix d’une autre monnaie',
      en: 'explain why {{documents}} uses another currency',
    },
    many: {
      fr: 'pour {{documents}}, m’expliquer le choix d’une autre monnaie',
      en: 'explain why {{documents}} use another currency',
    },
  },
};

/** EN 16931 is a standard, not a law: cited wherever the totals are at issue. */
export const STANDARD_BASES: Readonly<Record<string, { text: Wording; sources: readonly SourceId[] }>> = {
  'correct-totals': {
    text: {
      fr: 'norme européenne de facturation EN 16931 : la somme des lignes donne le total HT (BR-CO-10) et le total HT plus la TVA donne le total TTC (BR-CO-15)',
      en: 'the European invoicing standard EN 16931: the lines add up to the net total (BR-CO-10) and the net total plus VAT makes the total (BR-CO-15)',
    },
    sources: ['en16931'],
  },
};

/* In French, a dunning letter's observations say "ce courrier": a "mise en demeure" is feminine, a "courrier de relance" not. */

/**
 * A demand that says more about the same document replaces a vaguer one: a demand for 0,01 € that
 * claims a blank invoice is cancelled because of the blank invoice (the origin of the amount is known).
 */
export const SUBSUMED_BY: ReadonlyArray<readonly [vague: string, precise: string]> = [
  ['cancel-dunning-trivial', 'cancel-dunning-blank'],
  ['cancel-dunning-trivial', 'withdraw-blank-claim'],
  // A blank bill the export marks paid: cancelling the demand for a blank bill says all.
  ['cancel-dunning-marked-paid', 'cancel-dunning-blank'],
];

/** The demands in the order a reader expects them: the most serious first. */
export const DEMAND_ORDER: readonly string[] = [
  'cancel-dunning-trivial',
  'cancel-dunning-blank',
  'withdraw-blank-claim',
  'cancel-blank-invoice',
  'cancel-dunning-credited',
  'cancel-dunning-marked-paid',
  'withdraw-credited-claim',
  'cancel-dunning-in-credit',
  'cancel-after-termination',
  'justify-amount',
  'drop-time-barred',
  'remove-collection-fee',
  'cancel-duplicate',
  'cancel-overlap',
  'cancel-dunning-early',
  'withdraw-early-claim',
  'justify-dunning-amount',
  'correct-totals',
  'correct-vat',
  'explain-negative',
  'correct-cents',
  'correct-dates',
  'explain-currency',
];
