/**
 * The official sources a letter may cite. A letter states a legal basis or an escalation step only
 * when it is here, with the page it was checked against: billcheck never writes law from memory.
 * `checked` says what was read and when (the pages were read through billcheck's search tool on
 * 1 December 2026; where the official page was read through a faithful republication, it says so).
 */
export interface OfficialSource {
  readonly title: string;
  readonly url: string;
  readonly checked: string;
}

export const SOURCES = {
  /** Escalation in France: service clients → service consommateurs → Médiateur. */
  servicePublicMediator: {
    title: 'Service-Public.fr, « Médiateur des communications électroniques : comment y recourir ? » (F14373)',
    url: 'https://www.service-public.fr/particuliers/vosdroits/F14373',
    checked:
      'DILA text (verified 29/08/2022, updated 15/02/2024), read as republished by town sites: service clients first; ' +
      'without an answer within 1 month or an unsatisfying one, the service consommateurs; the same again, then the ' +
      'Médiateur; directly the Médiateur when the service clients has not answered within 2 months; 1 year from the ' +
      'written complaint to refer; free; the parties are free to accept or refuse the proposed solution.',
  },
  arcepDispute: {
    title: 'Arcep, « Particuliers : comment résoudre un litige avec votre opérateur ? »',
    url: 'https://arcep.fr/demarches-et-services/utilisateurs/particuliers-comment-resoudre-un-litige-avec-votre-operateur.html',
    checked:
      'Read 01/12/2026: first level the service client, preferably by registered letter with acknowledgement of receipt.',
  },
  mediatorFile: {
    title: 'Médiation des communications électroniques, « Constituer son dossier pour recourir à la médiation »',
    url: 'https://mediation-telecom.org/publications/fiches-pratiques/constituer-son-dossier-pour-recourir-a-la-mediation-des-communications-electroniques',
    checked:
      'Read 01/12/2026: the file holds the original written complaint, the exchanges and answers at each step, and the documents of the contract.',
  },
  cpceL34_2: {
    title: 'Code des postes et des communications électroniques, article L34-2',
    url: 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006070987/',
    checked:
      "Text read 01/12/2026 as quoted in full by several law firms: the operator's claim for electronic communications " +
      "services is time-barred when not claimed within one year of the date the sums fell due; the customer's claim for " +
      'restitution, one year from payment.',
  },
  consoL224_39: {
    title: 'Code de la consommation, article L224-39',
    url: 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006069565/',
    checked:
      "Not read on Légifrance itself: the wording is the rule billed-after-termination's, and consumer and law-firm pages " +
      'read on 01/12/2026 agree (the operator has ten days from receiving the request; a later date may be asked). To ' +
      'be confirmed against the article before a release.',
  },
  cpcexL111_8: {
    title: "Code des procédures civiles d'exécution, article L111-8",
    url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000028747701',
    checked:
      'Text read 01/12/2026 (version of the loi 2014-344): the costs of a recovery undertaken without an enforceable title ' +
      'stay with the creditor, unless they concern an act the law prescribes to the creditor; any contrary clause is void.',
  },
  en16931: {
    title: 'EN 16931-1, the European standard on electronic invoicing (business rules BR-CO-10, BR-CO-15)',
    url: 'https://github.com/ConnectingEurope/eInvoicing-EN16931',
    checked:
      "The rules as billcheck's rules lines-total-mismatch and total-mismatch cite them: the lines add up to the net total; net total + VAT = total with VAT.",
  },
  ofcomAdrStage: {
    title: 'Ofcom, "At what stage can I take my complaint to the ADR scheme?"',
    url: 'http://ask.ofcom.org.uk/help/services-and-billing/complaint_adr',
    checked:
      'Read 01/12/2026: ADR eight weeks after the complaint was first made, or earlier after a deadlock letter; 12 months from a deadlock letter.',
  },
  ofcomSixWeeks: {
    title: 'Ofcom, "Quicker complaints resolution for telecoms customers, under new Ofcom rules" (9 July 2025)',
    url: 'https://www.wired-gov.net/wg/news.nsf/articles/quicker+complaints+resolution+for+telecoms+customers+under+new+ofcom+rules+09072025101500?open',
    checked:
      "Ofcom's release as republished by Wired-Gov, read 01/12/2026: the wait before ADR goes from eight weeks to six; the Communications Ombudsman and trade reports date the change 8 April 2026.",
  },
} as const satisfies Record<string, OfficialSource>;

export type SourceId = keyof typeof SOURCES;
