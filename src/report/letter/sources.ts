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
  /** Who may refer a dispute to the Médiateur: quoted in the note of a company's referral. */
  mediatorFaq: {
    title: 'Médiation des communications électroniques, « FAQ »',
    url: 'https://mediation-telecom.org/faq',
    checked:
      "Read 03/12/2026 through billcheck's search tool: « Tout particulier client d’un professionnel signataire de la " +
      'charte de la médiation des communications électroniques peut faire appel au Médiateur » ; admissible files: ' +
      '« Vous êtes un particulier, client d’un membre… », within one year of the written complaint. Nothing on ' +
      'companies or small professionals was found there.',
  },
  cpceL34_2: {
    title: 'Code des postes et des communications électroniques, article L34-2',
    url: 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006070987/',
    checked:
      'Text read 01/12/2026 as quoted in full by law firms (bariseel-lecocq-associes.com, uplex.fr): « La prescription ' +
      'est acquise, au profit de l’usager, pour les sommes dues en paiement des prestations de communications ' +
      'électroniques d’un opérateur […] lorsque celui-ci ne les a pas réclamées dans un délai d’un an courant à compter ' +
      'de la date de leur exigibilité » ; the customer’s claim for restitution, one year from payment.',
  },
  /**
   * The ten days of a termination and the article they come from. The article's own text could not
   * be read on Légifrance; telecom-infoconso.fr, the consumer site the Arcep ran, states the rule
   * with the article's number, as AFUTT's page on termination does (see README, "Letters").
   */
  telecomInfoconsoTermination: {
    title: 'Telecom-Infoconso.fr (ex-site de l’Arcep), « La résiliation du contrat »',
    url: 'https://www.telecom-infoconso.fr/la-resiliation-du-contrat.htm',
    checked:
      "Read 03/12/2026 through billcheck's search tool: « La durée du préavis de résiliation du contrat ne peut excéder " +
      'dix jours à compter de la réception par l’opérateur de la demande de résiliation, conformément à l’article ' +
      'L. 224-39 du code de la consommation. » AFUTT (afutt.org, « Rétractation, résiliation ») says the same: a notice ' +
      "that may not exceed 10 days (code conso article L224-39), counted from the operator's receipt of the letter.",
  },
  /** The ten days as the regulator states them today. */
  arcepTermination: {
    title: 'Arcep, « Comment connaître sa durée d’engagement contractuel avec son opérateur ? »',
    url: 'https://arcep.fr/demarches-et-services/utilisateurs/comment-connaitre-sa-duree-dengagement-contractuel-avec-son-operateur.html',
    checked:
      'Read 01/12/2026: a contract without a commitment period may be terminated at any time; from the date of the ' +
      'termination request the operator has ten clear days (« dix jours francs ») to end the contract.',
  },
  cpcexL111_8: {
    title: "Code des procédures civiles d'exécution, article L111-8",
    url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000028747701',
    checked:
      'Text read 01/12/2026 (version of the loi 2014-344 in force since 19/03/2014, as doctrine.fr and CERCLAB reproduce ' +
      'Légifrance): « Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf ' +
      's’ils concernent un acte dont l’accomplissement est prescrit par la loi au créancier. Toute stipulation contraire ' +
      'est réputée non écrite, sauf disposition législative contraire. »',
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
    title: 'Ofcom, "Statement: Review of ADR in the telecoms sector" (8 July 2025)',
    url: 'https://ofcom.org.uk/phones-and-broadband/service-quality/review-of-adr-in-the-telecoms-sector2',
    checked:
      "Ofcom's statement read 01/12/2026: the wait before ADR goes from eight weeks to six; the two approved schemes are " +
      "the Communications Ombudsman and CISAS. Ofcom's release (as republished by Wired-Gov) and trade reports date " +
      'the change 8 April 2026.',
  },
} as const satisfies Record<string, OfficialSource>;

export type SourceId = keyof typeof SOURCES;
