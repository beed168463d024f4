/** The structured content of a letter: what every renderer lays out and `--format json` prints. */
import type { DocumentKind, DunningTitle } from '../../model/document.js';
import type { Jurisdiction, LetterLang } from './demands.js';

export const STAGES = ['1', '2', 'mediator'] as const;
export type Stage = (typeof STAGES)[number];

export interface LetterSourceRef {
  readonly title: string;
  readonly url: string;
}

export interface LetterFact {
  readonly date?: string;
  readonly dateText: string;
  readonly kind: DocumentKind;
  /** A dunning letter's own title, as the reader found it (BillingDocument.dunningTitle). */
  readonly dunningTitle?: DunningTitle;
  readonly documentId?: string;
  readonly amount?: string;
  readonly currency: string;
  /** The whole line as the letter prints it. */
  readonly text: string;
  /** Whether a finding points at this document (else it is context: a credit note, a termination). */
  readonly disputed: boolean;
}

export interface LetterDemand {
  readonly key: string;
  readonly ruleIds: readonly string[];
  readonly documentIds: readonly string[];
  readonly text: string;
  readonly basis?: { readonly text: string; readonly sources: readonly LetterSourceRef[] };
}

export interface DisputedAmount {
  readonly amount: string;
  readonly currency: string;
  readonly text: string;
  /** `debt`: each disputed debt once; `on-top`: fees and excess a demand adds to the debt, disputed apart. */
  readonly part: 'debt' | 'on-top';
}

export interface MediatorForm {
  readonly operator: string;
  /** Who refers the dispute, when it is a company (the purchaser the e-invoices name). */
  readonly claimant?: string;
  readonly customerNumber: string;
  /** The account's numbers, each with its label ("N° client : …", "Ligne : …"), as the form prints them. */
  readonly numbers: readonly string[];
  /** ISO dates of the written complaints: the service clients', then the service consommateurs'. */
  readonly complaintDates: readonly string[];
  readonly complaintDatesText: readonly string[];
  /**
   * No consumer-service letter, and two months have passed since the complaint (Service-Public.fr
   * F14373's direct referral): false when the referral is drafted before they are over.
   */
  readonly customerServiceSilentTwoMonths: boolean;
  readonly amountInDispute: readonly DisputedAmount[];
  readonly request: readonly string[];
}

/** Who bought the debt, when a demand of the account comes from a purchaser: the letter goes to it. */
export interface LetterPurchaser {
  readonly name: string;
  /** The operator the purchaser bought the debt from, as the documents name it. */
  readonly originalCreditor?: string;
}

export interface Letter {
  readonly version: 1;
  readonly lang: LetterLang;
  readonly stage: Stage;
  /** The country whose law and escalation the letter cites; undefined: none is cited. */
  readonly jurisdiction?: Jurisdiction;
  /** The bills' country (ISO 3166-1 alpha-2) when they say it, covered by billcheck or not ("DE"). */
  readonly country?: string;
  readonly account: string;
  readonly date: string;
  readonly placeAndDate: string;
  readonly sender: readonly string[];
  readonly recipient: readonly string[];
  /** Set when the letter is addressed to a debt purchaser rather than to the operator. */
  readonly purchaser?: LetterPurchaser;
  readonly sending: string;
  readonly subject: string;
  readonly salutation: string;
  readonly opening: readonly string[];
  readonly factsHeading: string;
  readonly facts: readonly LetterFact[];
  readonly demandsHeading: string;
  readonly demandsIntro: string;
  readonly basisLabel: string;
  readonly demands: readonly LetterDemand[];
  readonly disputedHeading: string;
  readonly disputed: readonly DisputedAmount[];
  readonly undisputed: string;
  readonly deadline: string;
  readonly nextStep: string;
  readonly mediatorForm?: MediatorForm;
  readonly closing: string;
  readonly signature: readonly string[];
  readonly enclosuresHeading: string;
  readonly enclosures: readonly string[];
  /** For the sender, not the operator: what the letter leaves out and why (a country not covered). */
  readonly notesHeading: string;
  readonly notes: readonly string[];
}
