/**
 * The wording that changes with the stage and the country, in French and English, as templates
 * ({{account}}; {{holder}}: what the sender holds, "du compte client n° …" or "de la ligne …"; {{numbers}}: the account's labelled numbers, {{operator}}, {{first}}, {{dates}}, {{date}}, {{weeks}}, {{amount}}): a new
 * sentence is a one-line change here, the order of the letter stays in build.ts.
 */
import type { LetterLang } from './demands.js';

export const MEDIATOR_SITE = 'https://www.mediation-telecom.org';

export interface StageWords {
  readonly subject1: string;
  readonly subject2: string;
  readonly subjectMediator: string;
  readonly opening1: string;
  /** France: the letter goes to the service consommateurs. */
  readonly opening2ConsumerService: string;
  readonly opening2: string;
  readonly openingMediatorOne: string;
  readonly openingMediatorMany: string;
  /** How the dates of several letters are joined: "du 1er septembre 2026 et du 5 octobre 2026". */
  readonly datesJoin: string;
  /** {{holder}}: what the sender holds, by its customer number, else its line, else the account. */
  readonly holderCustomer: string;
  readonly holderLine: string;
  readonly holderAccount: string;
  readonly demandsIntroMediator: string;
  readonly nextMediator: string;
  readonly nextFrance1: string;
  readonly nextFrance2: string;
  readonly nextUkWithin: string;
  readonly nextUkBy: string;
  /** The ADR date is already past on the day of the letter: it is open, not a date still to come. */
  readonly nextUkSince: string;
  readonly nextElsewhere: string;
  readonly six: string;
  readonly eight: string;
  readonly enclosureFirst: string;
  readonly enclosureSecond: string;
  readonly enclosureAnswers: string;
  readonly undisputedWith: string;
  readonly undisputedWithout: string;
  /** The amount in dispute when demands add fees or an excess to the debt: {{debt}}, {{fees}}. */
  readonly disputedWithFees: string;
  readonly disputedFeesOnly: string;
  readonly recipientMediator: readonly string[];
  readonly recipientConsumerService: readonly string[];
  readonly recipientCustomerService: readonly string[];
  readonly recipientUk: readonly string[];
  readonly sendingMediator: string;
  readonly placeAndDate: string;
  readonly effectiveOn: string;
  /** Between a date and what happened on it, and between the observations of one document. */
  readonly factColon: string;
  readonly factSeparator: string;
  readonly labelColon: string;
  /** A debt purchaser's letter: {{date}} (may be absent), {{operator}} the original creditor. */
  readonly openingPurchaser: string;
  readonly openingPurchaserUndated: string;
  readonly recipientPurchaserAddress: string;
  /** The letters already sent went to the purchaser, not to the operator's services. */
  readonly enclosurePurchaser: string;
  readonly enclosureAnswersPurchaser: string;
  /** For the sender: {{purchaser}}, {{operator}}; what the letter does not announce, and why. */
  readonly notePurchaser: string;
  readonly notePurchaserMediator: string;
  /** The notes for the sender, after the letter; {{country}}: "Germany, DE". */
  readonly notesHeading: string;
  readonly noteCountryNotCovered: string;
  readonly noteCountryUnknown: string;
  /** A company's referral: the Médiateur's FAQ names private customers only (SOURCES.mediatorFaq). */
  readonly noteCompanyMediator: string;
}

export const STAGE_WORDS: Readonly<Record<LetterLang, StageWords>> = {
  fr: {
    subject1: 'Réclamation – {{numbers}}',
    subject2: 'Réclamation restée sans réponse satisfaisante – {{numbers}} – mon courrier du {{first}}',
    subjectMediator: 'Saisine du Médiateur des communications électroniques – litige avec {{operator}} – {{numbers}}',
    opening1: 'Titulaire {{holder}}, je conteste par la présente les documents ci-dessous, pour les raisons exposées.',
    opening2ConsumerService:
      'Par courrier du {{first}}, j’ai adressé à votre service clients la réclamation reprise ci-dessous. ' +
      'Faute de réponse satisfaisante, je vous la soumets en tant que service consommateurs.',
    opening2:
      'Par courrier du {{first}}, je vous ai adressé la réclamation reprise ci-dessous, restée sans réponse satisfaisante.',
    openingMediatorOne:
      'Je vous saisis d’un litige avec {{operator}}, au titre {{holder}}, ' +
      'que ma réclamation écrite du {{dates}} n’a pas permis de régler.',
    openingMediatorMany:
      'Je vous saisis d’un litige avec {{operator}}, au titre {{holder}}, ' +
      'que mes réclamations écrites du {{dates}} n’ont pas permis de régler.',
    datesJoin: ' et du ',
    holderCustomer: 'du compte client n° {{number}}',
    holderLine: 'de la ligne {{number}}',
    holderAccount: 'du compte n° {{number}}',
    demandsIntroMediator: 'Je demande à {{operator}} de :',
    nextMediator:
      'Je vous remercie de m’indiquer si ma saisine est recevable et de me faire connaître votre proposition de solution.',
    nextFrance1:
      'À défaut de réponse satisfaisante dans un délai d’un mois, je saisirai votre service consommateurs, ' +
      'puis, si nécessaire, le Médiateur des communications électroniques.',
    nextFrance2:
      'À défaut de réponse satisfaisante dans un délai d’un mois, je saisirai le Médiateur des communications électroniques.',
    nextUkWithin:
      'Si ma réclamation n’est pas réglée dans un délai de {{weeks}} semaines, ' +
      'je la porterai devant votre organisme de règlement extrajudiciaire des litiges (ADR).',
    nextUkBy:
      'Si ma réclamation n’est pas réglée d’ici le {{date}} ({{weeks}} semaines après ma première réclamation), ' +
      'je la porterai devant votre organisme de règlement extrajudiciaire des litiges (ADR).',
    nextUkSince:
      'Depuis le {{date}} ({{weeks}} semaines après ma première réclamation), je peux porter ma réclamation devant ' +
      'votre organisme de règlement extrajudiciaire des litiges (ADR) ; je le ferai si elle n’est pas réglée.',
    nextElsewhere: 'À défaut de réponse satisfaisante, j’utiliserai les voies de recours à ma disposition.',
    six: 'six',
    eight: 'huit',
    enclosureFirst: 'Copie de mon courrier du {{date}} au service clients',
    enclosureSecond: 'Copie de mon courrier du {{date}} au service consommateurs',
    enclosureAnswers: '[Copie des réponses reçues de l’opérateur, le cas échéant]',
    undisputedWith:
      'Cette réclamation ne porte que sur les documents ci-dessus (montant contesté : {{amount}}) ; ' +
      'je règle la part non contestée de mes factures.',
    undisputedWithout:
      'Cette réclamation ne porte que sur les documents ci-dessus ; je règle la part non contestée de mes factures.',
    disputedWithFees: '{{debt}}, plus {{fees}} de frais et sommes réclamés en sus de la dette',
    disputedFeesOnly: '{{fees}} de frais et sommes réclamés en sus de la dette',
    recipientMediator: ['Médiation des communications électroniques', `Saisine en ligne : ${MEDIATOR_SITE}`],
    recipientConsumerService: [
      '{{operator}}',
      'Service consommateurs',
      '[Adresse du service consommateurs, indiquée sur vos factures ou votre contrat]',
    ],
    recipientCustomerService: [
      '{{operator}}',
      'Service clients',
      '[Adresse du service clients, indiquée sur vos factures ou votre contrat]',
    ],
    recipientUk: ['{{operator}}', 'Service réclamations', '[Adresse indiquée sur vos factures ou votre contrat]'],
    sendingMediator: 'Saisine en ligne',
    placeAndDate: '{{city}}, le {{date}}',
    effectiveOn: 'prise d’effet le {{date}}',
    factColon: ' : ',
    factSeparator: ' ; ',
    labelColon: ' : ',
    openingPurchaser:
      'Votre courrier du {{date}} indique que vous avez acquis cette créance auprès de {{operator}}, créancier d’origine : ' +
      'c’est donc auprès de vous que je conteste les sommes ci-dessous.',
    openingPurchaserUndated:
      'Votre courrier indique que vous avez acquis cette créance auprès de {{operator}}, créancier d’origine : ' +
      'c’est donc auprès de vous que je conteste les sommes ci-dessous.',
    recipientPurchaserAddress: '[Adresse indiquée sur votre courrier]',
    enclosurePurchaser: 'Copie de mon courrier du {{date}} à {{purchaser}}',
    enclosureAnswersPurchaser: '[Copie des réponses reçues de {{purchaser}} et de l’opérateur, le cas échéant]',
    notePurchaser:
      'Les documents indiquent que {{purchaser}} a acquis cette créance auprès de {{operator}} : ce courrier est adressé à ' +
      '{{purchaser}} et n’annonce ni médiateur ni autre recours, billcheck ne sachant pas lequel traite les réclamations ' +
      'contre cet acquéreur. Renseignez-vous auprès d’une association de consommateurs avant d’aller plus loin.',
    notePurchaserMediator:
      'Les documents indiquent que {{purchaser}} a acquis cette créance auprès de {{operator}} : vérifiez auprès du ' +
      'Médiateur qu’il peut traiter un litige dont les sommes sont désormais réclamées par {{purchaser}}.',
    notesHeading: 'Notes pour vous (à retirer avant l’envoi)',
    noteCountryNotCovered:
      'Ce brouillon ne connaît que les recours et les textes de la France et du Royaume-Uni : pour ces factures ' +
      '(pays : {{country}}), ce courrier n’annonce aucune étape de recours propre à ce pays et ne cite aucun texte de loi. ' +
      'Renseignez-vous auprès d’un organisme officiel ou d’une association de consommateurs de ce pays.',
    noteCountryUnknown:
      'Le pays de ces factures est inconnu : ce courrier ne cite aucun texte de loi et n’annonce aucune étape de ' +
      'recours précise (--country FR|GB pour celles de la France ou du Royaume-Uni).',
    noteCompanyMediator:
      'Ces factures sont celles d’une entreprise (elles portent sa référence acheteur) : la FAQ de la Médiation des ' +
      'communications électroniques (mediation-telecom.org/faq) réserve la saisine à « tout particulier client » d’un ' +
      'opérateur signataire. Cette étape ne s’applique sans doute pas : vérifiez auprès du Médiateur qu’il peut traiter ' +
      'le litige d’une entreprise avant d’envoyer cette saisine.',
  },
  en: {
    subject1: 'Complaint – {{numbers}}',
    subject2: 'Complaint not satisfactorily answered – {{numbers}} – my letter of {{first}}',
    subjectMediator:
      'Referral to the Médiateur des communications électroniques – dispute with {{operator}} – {{numbers}}',
    opening1: 'As the holder of {{holder}}, I dispute the documents below for the reasons given.',
    opening2ConsumerService:
      'By my letter of {{first}}, I sent your customer service the complaint set out below. ' +
      'As it has not been satisfactorily answered, I now submit it to your consumer service.',
    opening2:
      'By my letter of {{first}}, I sent you the complaint set out below, which has not been satisfactorily answered.',
    openingMediatorOne:
      'I refer to you my dispute with {{operator}} about {{holder}}, which my written complaint of {{dates}} has not settled.',
    openingMediatorMany:
      'I refer to you my dispute with {{operator}} about {{holder}}, which my written complaints of {{dates}} have not settled.',
    datesJoin: ' and ',
    holderCustomer: 'account {{number}}',
    holderLine: 'line {{number}}',
    holderAccount: 'account {{number}}',
    demandsIntroMediator: 'I ask {{operator}} to:',
    nextMediator: 'Please tell me whether my referral is admissible and let me know your proposed solution.',
    nextFrance1:
      'If I receive no satisfactory answer within one month, I will write to your consumer service and then, if needed, ' +
      'refer the matter to the Médiateur des communications électroniques.',
    nextFrance2:
      'If I receive no satisfactory answer within one month, I will refer the matter to the Médiateur des communications électroniques.',
    nextUkWithin:
      'If my complaint is not resolved within {{weeks}} weeks, I will take it to your alternative dispute resolution (ADR) scheme.',
    nextUkBy:
      'If my complaint is not resolved by {{date}} ({{weeks}} weeks after my first complaint), ' +
      'I will take it to your alternative dispute resolution (ADR) scheme.',
    nextUkSince:
      'Since {{date}} ({{weeks}} weeks after my first complaint), I may take my complaint to your alternative ' +
      'dispute resolution (ADR) scheme, and I will do so if it is not resolved.',
    nextElsewhere: 'If I receive no satisfactory answer, I will use the remedies open to me.',
    six: 'six',
    eight: 'eight',
    enclosureFirst: 'Copy of my letter of {{date}}',
    enclosureSecond: 'Copy of my letter of {{date}} to the consumer service',
    enclosureAnswers: '[Copies of any answers received from the operator]',
    undisputedWith:
      'This complaint concerns only the documents above (amount in dispute: {{amount}}); I pay the undisputed part of my bills.',
    undisputedWithout: 'This complaint concerns only the documents above; I pay the undisputed part of my bills.',
    disputedWithFees: '{{debt}}, plus {{fees}} in fees and other sums demanded on top of the debt',
    disputedFeesOnly: '{{fees}} in fees and other sums demanded on top of the debt',
    recipientMediator: [
      'Médiation des communications électroniques (French telecoms mediator)',
      `Online referral: ${MEDIATOR_SITE}`,
    ],
    recipientConsumerService: [
      '{{operator}}',
      'Consumer service (service consommateurs)',
      '[Address of the consumer service, given on your bills or contract]',
    ],
    recipientCustomerService: ['{{operator}}', 'Customer service', '[Address given on your bills or contract]'],
    recipientUk: ['{{operator}}', 'Complaints team', '[Address given on your bills or contract]'],
    sendingMediator: 'Online referral',
    placeAndDate: '{{city}}, {{date}}',
    effectiveOn: 'effective on {{date}}',
    factColon: ': ',
    factSeparator: '; ',
    labelColon: ': ',
    openingPurchaser:
      'Your letter of {{date}} says that you bought this debt from {{operator}}, the original creditor: ' +
      'I therefore dispute the sums below with you.',
    openingPurchaserUndated:
      'Your letter says that you bought this debt from {{operator}}, the original creditor: ' +
      'I therefore dispute the sums below with you.',
    recipientPurchaserAddress: '[Address given on your letter]',
    enclosurePurchaser: 'Copy of my letter of {{date}} to {{purchaser}}',
    enclosureAnswersPurchaser: '[Copies of any answers received from {{purchaser}} and the operator]',
    notePurchaser:
      'The documents say that {{purchaser}} bought this debt from {{operator}}: this letter goes to {{purchaser}} and ' +
      'announces no ombudsman or other escalation step, as billcheck does not know which one handles complaints ' +
      'about this purchaser. Ask a consumer organisation before going further.',
    notePurchaserMediator:
      'The documents say that {{purchaser}} bought this debt from {{operator}}: check with the Médiateur that it can ' +
      'handle a dispute whose sums {{purchaser}} now claims.',
    notesHeading: 'Notes for you (remove before sending)',
    noteCountryNotCovered:
      'This draft knows the escalation steps and laws of France and the United Kingdom only: for these bills ' +
      '(country: {{country}}), this letter announces no escalation step of that country and cites no law. ' +
      'Ask an official body or a consumer organisation of that country what comes next.',
    noteCountryUnknown:
      "The bills' country is unknown: this letter cites no law and announces no precise escalation step " +
      '(--country FR|GB for those of France or the United Kingdom).',
    noteCompanyMediator:
      "These bills are a company's (they carry its buyer reference): the FAQ of the Médiation des communications " +
      'électroniques (mediation-telecom.org/faq) opens referrals to "tout particulier client" (any private customer) ' +
      'of a member operator. This step most likely does not apply: check with the Médiateur that it can handle a ' +
      "company's dispute before sending this referral.",
  },
};

/** A template filled; a placeholder without a value stays visible as [name] rather than vanishing. */
export function say(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(
    /\{\{(\w+)\}\}/g,
    (_, name: string) => (Object.hasOwn(values, name) ? values[name] : undefined) ?? `[${name}]`,
  );
}
