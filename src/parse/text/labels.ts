/**
 * The labels of invoices and letters (French and English thoroughly; German, Dutch, Polish and
 * Indian GST invoices for the common ones), by the field they introduce. Phrases are written as people print them and
 * compared word by word in normalized form (see normalizeLabel), so "N° de facture :" and
 * "n de facture" are the same label. `{n}` stands for any way to write "number".
 */
import type { DocumentKind } from '../../model/document.js';
import { normalizeLabel } from '../values/normalize.js';

/**
 * 'rounding': what a total was rounded by ("Round Off (-) 0.50"), never an amount of the bill itself.
 * 'fee': a dunning letter's line of fees added to the debt ("Frais de recouvrement   40,00 €").
 */
export type AmountRole = 'net' | 'tax' | 'total' | 'due' | 'paid' | 'rounding' | 'fee' | 'ignore';
/**
 * A qualifier changes the label before it ("Totaal" + "excl. BTW"), or the amount before it
 * ("49,99 € TTC"), or, alone, is a label of its own ("HT 41,66").
 */
export type QualifierRole = 'net-qualifier' | 'total-qualifier';
export type ValueField = 'invoiceId' | 'letterId' | 'account' | 'issueDate' | 'dueDate' | 'period' | 'effectiveDate';
export type LabelField = AmountRole | QualifierRole | ValueField;

export interface LabelDefinition {
  readonly field: LabelField;
  /** Among labels of one field, the higher wins. */
  readonly priority: number;
  readonly words: readonly string[];
  /** Only for these kinds ("facture du …" dates the invoice, not the letter that mentions it). */
  readonly kinds?: readonly DocumentKind[];
  /** Generic words ("total", "montant dû") count only when the value follows with no other word. */
  readonly bare?: boolean;
  /** A plural label introduces a list of values ("les factures FA-1 et FA-2"): every one is read. */
  readonly list?: boolean;
  /** An amount of the debt alone ("Hauptforderung", "Principal"): a letter's fees come on top of it. */
  readonly debt?: boolean;
}

const NUMBER_WORDS = ['n', 'no', 'nr', 'numero', 'num', 'number', 'nummer', 'numer'];
const LETTERS: readonly DocumentKind[] = ['dunning', 'credit-note', 'termination', 'payment'];

type Entry = readonly [
  field: LabelField,
  priority: number,
  phrases: string,
  options?: { kinds?: readonly DocumentKind[]; bare?: boolean; list?: boolean; debt?: boolean },
];

/** Phrases are separated by "|". */
const ENTRIES: readonly Entry[] = [
  // Document numbers. On a letter an invoice number is a reference, not the letter's own id.
  [
    'invoiceId',
    50,
    'facture {n}|{n} de facture|{n} facture|{n} de la facture|reference de la facture|reference facture|votre facture {n}',
  ],
  ['invoiceId', 50, 'invoice {n}|invoice number|invoice ref|invoice reference|your invoice {n}|bill {n}|bill number'],
  ['invoiceId', 50, 'rechnungsnummer|rechnung {n}|rechnungs {n}|rechnungsnr|factuurnummer|factuur {n}|factuurnr'],
  [
    'invoiceId',
    50,
    'faktura {n}|{n} faktury|faktura vat {n}|faktura vat|rachunek {n}|tax invoice {n}|bill of supply {n}',
  ],
  [
    'invoiceId',
    30,
    'relative a la facture|relatif a la facture|concernant la facture|votre facture|facture d origine|sur la facture|your invoice|your bill|regarding invoice|for bill|for your bill|for invoice|invoice|ihre rechnung|uw factuur',
  ],
  // A credit note's or a letter's field naming the bill it is about: "Facture concernée : RED-0826-77120"
  // (tryout 8's credit note announced by e-mail), as "Ligne concernée" names a line; never a bill's own number.
  [
    'invoiceId',
    30,
    'facture concernee|facture initiale|facture de reference|facture rectifiee|facture corrigee|facture associee|facture annulee',
    { kinds: LETTERS },
  ],
  ['invoiceId', 20, 'facture|rechnung|factuur'],
  // An agency's list of the bills it took over: "Bill TH-100232 dated 12/09/2024 … £61.50" (issue 13).
  ['invoiceId', 30, 'bill', { kinds: LETTERS }],
  // A letter about several bills names them all, and each is a reference (issue 13); never an invoice's own id.
  [
    'invoiceId',
    50,
    'factures {n}|{n} de factures|{n} des factures|vos factures {n}|les factures {n}|des factures {n}|invoices {n}|invoice numbers|your invoices {n}|bills {n}|rechnungen {n}|rechnungsnummern|facturen {n}',
    { kinds: LETTERS, list: true },
  ],
  [
    'invoiceId',
    30,
    'factures concernees|factures impayees|vos factures|les factures|des factures|factures|unpaid invoices|your invoices|the invoices|invoices|bills|ihre rechnungen|die rechnungen|rechnungen|uw facturen|facturen',
    { kinds: LETTERS, list: true },
  ],
  ['invoiceId', 10, 'n|no', { kinds: ['invoice'], bare: true }],
  [
    'letterId',
    50,
    'avoir {n}|{n} d avoir|{n} de l avoir|{n} avoir|credit note {n}|credit note number|gutschrift {n}|gutschriftsnummer|creditnota {n}|creditnotanummer',
  ],
  ['letterId', 45, 'relance {n}|mise en demeure {n}|reminder {n}|reminder number|mahnung {n}|mahnnummer|aanmaning {n}'],
  [
    'letterId',
    40,
    'votre reference dossier|reference dossier|reference du dossier|reference de dossier|notre reference|nos references|nos ref|notre ref|our reference|our ref|unser zeichen|aktenzeichen|unser aktenzeichen|onze referentie|reference du courrier|{n} de dossier|dossier {n}|case number|{n} de document|document {n}',
  ],
  // A collection agency's own case number, the one its customer area asks for (intrum.fr: "votre numéro de
  // dossier"): abbreviated "Réf. dossier", "N° dossier", or bare "Dossier : 40771234". The letter's id, never
  // the bill it claims nor the customer (issue 16).
  ['letterId', 40, 'ref dossier|ref du dossier|ref de dossier|{n} dossier'],
  ['letterId', 35, 'dossier', { kinds: LETTERS, bare: true }],
  // EOS and other German agencies: the claim number ("Forderungsnummer", 11 digits, top right of the
  // letter, de.eos-solutions.com's glossary); "Ihr Zeichen" of a DIN 5008 reference block, weaker
  // than the agency's own "Unser Zeichen" (issue 13: its value on the next line was not read).
  ['letterId', 40, 'forderungsnummer|forderungs {n}|ihre forderungsnummer|unser az'],
  ['letterId', 40, 'az', { bare: true }],
  ['letterId', 35, 'ihr zeichen|ihre zeichen|ihr aktenzeichen'],
  ['letterId', 30, 'reference|ref|referentie|referenz'],
  // Customer, account, contract or line.
  [
    'account',
    60,
    '{n} client|{n} de client|{n} du client|reference client|ref client|identifiant client|id client|code client|compte client|{n} compte client|{n} de compte client',
  ],
  // A collection agency names the customer as the creditor knows them (issue 13).
  [
    'account',
    60,
    'identifiant client chez le creancier|reference client chez le creancier|{n} client chez le creancier|{n} de client chez le creancier|votre {n} client chez|votre identifiant chez|votre reference chez|reference creancier|ref creancier|reference chez le creancier',
  ],
  [
    'account',
    60,
    'customer {n}|customer number|customer id|customer reference|client {n}|client number|kundennummer|kunden {n}|kundennr|klantnummer|klant {n}|klantnr',
  ],
  [
    'account',
    60,
    '{n} klienta|{n} konta klienta|{n} abonenta|id klienta|kod klienta|relationship {n}|relationship number',
  ],
  [
    'account',
    50,
    '{n} de compte|{n} compte|account {n}|account number|account id|customer account|vertragskonto|buchungskonto|kundenkonto|kundenkontonummer|ihr kundenkonto',
  ],
  // A collection agency names the creditor's contract: "Contrat SFR n° : 3402 7788 1290".
  [
    'account',
    40,
    'contrat sfr {n}|contrat orange {n}|contrat bouygues {n}|contrat bouygues telecom {n}|contrat free {n}|contrat sosh {n}|contrat red {n}',
  ],
  [
    'account',
    40,
    '{n} de contrat|{n} contrat|contrat {n}|contract {n}|contract number|vertragsnummer|vertrag {n}|contractnummer',
  ],
  // Free names the account "Identifiant Freebox"; a bare "Identifiant" is weaker than a line number.
  ['account', 60, 'identifiant freebox|identifiant abonne|identifiant de l abonne'],
  ['account', 30, 'identifiant'],
  [
    'account',
    35,
    '{n} de ligne|{n} ligne|numero de ligne|ligne concernee|line number|phone number|{n} d appel|rufnummer|telefoonnummer|mobile number|mobilfunknummer|handynummer',
  ],
  // "Ligne : 06 12 34 56 78" in a reminder e-mail: only when the number follows the word.
  ['account', 30, 'ligne|line|mobile', { bare: true }],
  // "the cancellation of your service for account (415) 555-0134".
  ['account', 20, 'account|for account', { bare: true }],
  // Dates.
  // A letter's table of the invoices it claims has their dates, not its own (issue 13).
  [
    'ignore',
    50,
    'date de facture|date de la facture|date facture|invoice date|date of invoice|rechnungsdatum|factuurdatum|date de facturation|billing date|data faktury|bill date',
    { kinds: LETTERS },
  ],
  [
    'issueDate',
    50,
    'date d emission|date de l avoir|date du courrier|date d envoi|issue date|date of issue|ausstellungsdatum|date d edition|statement date|data wystawienia',
  ],
  // A letter's table of the invoices it claims has their dates, not its own (issue 13).
  [
    'issueDate',
    50,
    'date de facture|date de la facture|date facture|invoice date|date of invoice|rechnungsdatum|factuurdatum|date de facturation|billing date|data faktury|bill date',
    { kinds: ['invoice', 'credit-note'] },
  ],
  ['issueDate', 40, 'emise le|editee le|edite le|etabli le|etablie le|fait le|issued on|issued|avoir du'],
  ['issueDate', 35, 'facture du|votre facture du|votre facture|invoice of|invoice dated', { kinds: ['invoice'] }],
  // Tally and other Indian layouts: "Invoice No.   Dated" over their values.
  ['issueDate', 30, 'dated', { kinds: ['invoice'] }],
  ['issueDate', 15, 'date|datum', { bare: true }],
  // An e-mail's header: "Envoyé : lundi 8 janvier 2024 14:05", "Sent: Monday, 8 January 2024".
  ['issueDate', 15, 'envoye|envoye le|sent|gesendet|verzonden', { bare: true }],
  ['issueDate', 10, 'le', { kinds: LETTERS, bare: true }],
  [
    'dueDate',
    50,
    'date limite de paiement|date limite de reglement|date limite|date d echeance|echeance|a payer avant le|a payer avant|a payer au plus tard le|a regler avant le|a regler avant|payable avant le|payable le|sera preleve le|sera preleve a partir du|preleve le|sera prelevee le|sera prelevee a partir du|prelevee le|prelevement le|prelevement a partir du|due date|payment due|payment due date|due by|due on|pay by|payable by|please pay by|pay it by|please pay it by|pay them by|pay the balance by|pay the balance in full by|please pay the balance in full by|falligkeitsdatum|fallig am|zahlbar bis|zahlungsziel|vervaldatum|uiterste betaaldatum|te betalen voor|betalen voor|omstreeks|termin płatnosci|termin zapłaty|zahlbar bis zum',
  ],
  ['dueDate', 20, 'bis zum', { kinds: ['invoice', 'dunning'] }],
  [
    'dueDate',
    30,
    'bis spatestens|bis spatestens zum|bis spatestens am|spatestens bis|spatestens am',
    { kinds: ['invoice', 'dunning'] },
  ],
  // A side column of pdftotext -layout: "Prélèvement automatique" over "le 28/03/2024 sur le compte".
  ['dueDate', 20, 'prelevement automatique', { kinds: ['invoice'] }],
  [
    'dueDate',
    30,
    'avant le|au plus tard le|must be paid by|to be paid by|paid by|no later than|pay the full amount by|pay the balance by|pay the amount by|pay the outstanding amount by',
    { kinds: ['dunning'] },
  ],
  // The due date of the invoice a letter is about, not the letter's own deadline.
  ['dueDate', 5, 'arrivee a echeance le|arrivee a echeance|echue le|echue depuis le|was due on|fell due on'],
  [
    'period',
    50,
    'periode du|periode de facturation|periode de consommation|periode facturee|periode|billing period|service period|period covered|period|leistungszeitraum|abrechnungszeitraum|zeitraum|factuurperiode|facturatieperiode|okres rozliczeniowy|bill period|okres',
  ],
  [
    'effectiveDate',
    50,
    'prendra effet le|prendra effet a compter du|prendra effet au|prend effet le|prendra effet|sera effective le|sera effective a compter du|effective le|date de resiliation|date d effet|date effective|resiliation au|effective au|effective a compter du|effective a partir du|effectif au|resiliee le|sera resiliee le|sera resilie le|effective on|effective from|effective date|termination date|will end on|terminated on|takes effect on|will take effect on|ended on|ends on|will end|wirksam zum|kundigung zum|beendet zum|endet zum|endet am|vertragsende|opgezegd per|einddatum|ingangsdatum',
  ],
  // Amounts. "ignore" labels are amounts that must never be taken for the bill's amounts.
  [
    'total',
    50,
    'total ttc|montant ttc|total facture|total de la facture|total de votre facture|montant total de cette facture|montant total de la facture|montant total de votre facture|montant de la facture|montant de votre facture|montant de la facture soumis a tva|total aupres d|total prestations facturees|total toutes taxes comprises|toutes taxes comprises',
  ],
  [
    'total',
    50,
    'total including vat|total incl vat|total inc vat|total incl tax|total including tax|invoice total|total invoice|invoice amount|total amount|grand total|total charges|total this invoice|total for this invoice|gesamtbetrag|rechnungsbetrag|bruttobetrag|gesamtsumme|summe brutto|endbetrag|endpreis brutto|totaal incl btw|totaalbedrag|factuurbedrag',
  ],
  [
    'total',
    50,
    'wartosc brutto|razem brutto|suma brutto|wartosc faktury|naleznosc ogołem|kwota naleznosci ogołem|total invoice value|invoice value|total amount after tax|total value',
  ],
  // A UK credit note's "Total credited" / "Amount credited" (tryout 8, an EE-like credit note: its £24.00 was
  // not read); "Credit Note" against an "Original Bill" is g.network's wording of its revised billing documents.
  [
    'total',
    50,
    'montant de l avoir|total avoir|total de l avoir|montant total de l avoir|credit total|total credit|credit amount|total credited|amount credited|total amount credited|credited amount|credit note total|total credit note|credit note amount|amount of credit|montant rembourse|montant du remboursement|total gutschrift|gutschriftsbetrag|creditbedrag',
  ],
  ['total', 40, 'total des abonnements et achats|total de vos prestations|total du mois|montant total'],
  ['total', 25, 'd un montant de|pour un montant de|in the amount of|for the amount of|im betrag von|ten bedrage van'],
  ['total', 20, 'total|totaal|summe|gesamt|razem|ogołem', { bare: true }],
  ['total', 8, 'montant|amount|betrag|bedrag', { bare: true }],
  [
    'due',
    60,
    'somme a payer|montant a payer|net a payer|reste a payer|total a payer|montant total a payer|montant restant du|somme restant due|somme due|solde du|solde restant du|restant du|montant reclame|montant impaye|somme impayee|la somme de|la somme totale de|somme de|montant de la creance|montant de votre creance|montant de la dette|total de la creance|total de votre dette',
  ],
  [
    'due',
    60,
    'overdue balance|total overdue|amount in arrears|arrears amount|amount due|total due|balance due|amount payable|total payable|total to pay|outstanding balance|outstanding amount|amount outstanding|balance outstanding|amount owed|total now due|now due|total outstanding|zu zahlen|zu zahlender betrag|zahlbetrag|offener betrag|offene forderung|offener saldo|gesamtforderung|te betalen|openstaand bedrag|openstaand saldo',
  ],
  // A debt buyer's statement of what it bought ("Late payment fee £10.00 / Balance £48.50", Cabot's notice of
  // assignment in tryout 6): on letters only, and bare, since a bill's "Balance brought forward" is no demand.
  ['due', 45, 'balance|closing balance|new balance', { kinds: ['dunning'], bare: true }],
  // French for "to pay" is also "à régler": a collection agency's "Total à régler" under the bill it took over
  // (tryout 7's Intrum letter, issue 16: its 44,99 € was not read), "Solde à régler", "Reste à régler" (the
  // labels of French payment pages and statements). Any document's demand, as "Total à payer" is.
  ['due', 60, 'total a regler|montant a regler|solde a regler|reste a regler'],
  // An agency's statement of the debt (CPCE R124-4 3°: "le fondement et le montant de la somme due"):
  // "Créance : 44,99 €", "Solde : 44,99 €"; on letters only and bare, as "Balance" above.
  ['due', 45, 'creance|solde', { kinds: ['dunning'], bare: true }],
  ['due', 60, 'do zapłaty|razem do zapłaty|pozostało do zapłaty|kwota do zapłaty|net payable|net amount payable'],
  ['due', 50, 'montant du|a payer|to pay|impaye|due', { bare: true }],
  // A collection agency's debt before its fees; its "Gesamtforderung" is what it demands. The fees a letter
  // lists come on top of these (issue 13: "Amount overdue" then "Late payment fee", never their sum).
  ['due', 60, 'amount overdue|overdue amount', { debt: true }],
  ['due', 50, 'hauptforderung|offene hauptforderung', { debt: true }],
  // A French agency's demand under its detail ("- principal : 89,99 € / - frais … / Montant total dû : 129,99 €"):
  // on letters only, where "dû" is owed, not "du" (of) as in a bill's "Montant total du forfait".
  ['due', 60, 'montant total du', { kinds: ['dunning'] }],
  // An agency's "Principal: £61.50" / "Principal balance" / "Montant principal" beside its fees (Lowell's and
  // Intrum's letters set the debt and the fees apart so): the debt alone, on dunning letters only, and below
  // every other due label, so that a letter's "Total due" or "Montant total dû" is still its demand.
  [
    'due',
    40,
    'principal|principal balance|principal amount|principal outstanding|outstanding principal|montant principal|principal restant du',
    { debt: true, kinds: ['dunning'] },
  ],
  ['due', 45, 'montant preleve|sera preleve|montant qui sera preleve|direct debit amount'],
  [
    'paid',
    50,
    'montant paye|montant regle|montant du paiement|montant du reglement|paiement de|payment amount|amount paid|amount received|payment of|betrag erhalten|gezahlter betrag|zahlungsbetrag|eingegangener betrag|betaald bedrag',
  ],
  [
    'net',
    50,
    'total ht|montant ht|total hors taxes|montant hors taxes|total hors tva|montant hors tva|sous total|sous total ht|subtotal|sub total|net amount|net total|total net|total excl vat|total excluding vat|total ex vat|total excl tax|amount excl vat|total before tax|total before vat|subtotal before vat|credit before vat|amount before vat|nettobetrag|summe netto|gesamt netto|zwischensumme|endpreis netto|totaal excl btw|subtotaal|bedrag excl btw',
  ],
  [
    'net',
    50,
    'wartosc netto|razem netto|suma netto|taxable value|total taxable value|taxable amount|assessable value|total before tax|amount before tax',
  ],
  // Dotted and abbreviated headers of bill tables: "Mt H.T.", "Montant H.T.", "T.V.A.", "Mt T.T.C." (issue 13).
  ['net', 50, 'mt ht|mt h t|montant h t|total h t|mt hors taxes|montant hors taxe|total hors taxe'],
  ['tax', 50, 't v a|mt tva|mt t v a|montant t v a|total t v a'],
  ['total', 50, 'mt ttc|mt t t c|montant t t c|total t t c|net a payer t t c'],
  ['net', 30, 'base ht', { bare: true }],
  ['net', 10, 'net', { bare: true }],
  [
    'tax',
    50,
    'tva|montant tva|montant de la tva|dont tva|vat|tax|sales tax|mwst|mehrwertsteuer|umsatzsteuer|ust|btw|kwota vat|podatek vat',
  ],
  ['tax', 50, 'cgst|sgst|igst|utgst|output cgst|output sgst|output igst|central tax|state tax|integrated tax'],
  // The sum of several rates' taxes ("CGST" + "SGST", "19 %" + "7 %").
  [
    'tax',
    55,
    'total tva|total vat|total tax|total tax amount|total gst|tax total|vat total|summe mwst|summe umsatzsteuer|totaal btw|razem vat|suma vat',
  ],
  [
    'ignore',
    90,
    'solde precedent|ancien solde|solde anterieur|report du solde|previous balance|balance brought forward|balance forward|vorheriger saldo|vorsaldo|vorige saldo|saldo vorige factuur',
  ],
  [
    'ignore',
    90,
    'prix unitaire|prix unitaire ht|prix unit|pu ht|pu ttc|p u|unit price|unit cost|price per unit|einzelpreis|stuckpreis|eenheidsprijs|prijs per stuk',
  ],
  [
    'ignore',
    90,
    'deja regle|deja paye|paiement recu|paiements recus|votre paiement|votre dernier paiement|payment received|payments received|payment thank you|acompte|avance|bereits bezahlt|anzahlung|zapłacono',
  ],
  // Indian invoices round the grand total to the rupee: net + tax ± round-off = total.
  ['rounding', 90, 'round off|rounding off|rundung|afronding'],
  // Tax and company identifiers: never amounts, and their labels must not pass for a tax label.
  [
    'ignore',
    90,
    'ust idnr|ust id|ust id nr|ustid|steuernummer|steuer nr|vat reg no|vat reg|vat registration number|vat registration no|vat number|vat no|vat id|btw id|btw nummer|btw nr|gstin|gstin uin|gst no|nip|regon|kvk|pan|cin',
  ],
  [
    'ignore',
    90,
    'au capital de|capital social|capital de|share capital|stammkapital|indemnite forfaitaire|frais de recouvrement|forfaitaire de|penalites de retard|plafond|seuil',
  ],
  // Fees a collection agency or an operator adds to the debt in a dunning letter (issue 13): read as the
  // letter's lines, never as its total. On bills these words are fine print ("ignore" above).
  [
    'fee',
    95,
    'frais de recouvrement|indemnite forfaitaire pour frais de recouvrement|indemnite forfaitaire de recouvrement|indemnite forfaitaire|frais de relance|frais de rappel|frais de mise en demeure|frais de dossier|frais de gestion du dossier|frais de gestion|frais de contentieux|frais de retard|frais d impaye|frais bancaires de rejet|frais de rejet|penalites de retard|penalite de retard|penalites|interets de retard|interets moratoires',
    { kinds: ['dunning'] },
  ],
  [
    'fee',
    95,
    'recovery fee|recovery fees|recovery costs|collection fee|collection fees|collection costs|collection charge|collection charges|late payment fee|late fee|late fees|reminder fee|admin fee|administration fee|mahngebuhr|mahngebuhren|mahnkosten|bearbeitungsgebuhr rucklastschrift|rucklastschriftgebuhr|rucklastschriftkosten|gebuhr rucklastschrift|kosten rucklastschrift|inkassokosten|inkassogebuhr|inkassogebuhren|verzugszinsen|bearbeitungsgebuhr|aanmaningskosten|incassokosten|buitengerechtelijke kosten',
    { kinds: ['dunning'] },
  ],
  // A German agency's costs beside the Hauptforderung (issue 13, EOS letters; gegen-hartz.de and inkasso.de list
  // "Inkassovergütung, Auslagen, Kontoführung" and the "Auslagenpauschale" as the usual extra lines).
  [
    'fee',
    95,
    'inkassovergutung|auslagen|auslagenpauschale|kontofuhrungsgebuhr|kontofuhrungsgebuhren|kontofuhrung',
    { kinds: ['dunning'] },
  ],
  // Qualifiers: "Totaal excl. BTW" is a net amount, "Gesamtbetrag inkl. MwSt" a total.
  [
    'net-qualifier',
    0,
    'excl btw|excl vat|excl tax|excluding vat|excluding tax|ex vat|before vat|hors tva|hors taxes|ht|zzgl mwst|ohne mwst|exkl mwst|netto',
  ],
  [
    'total-qualifier',
    0,
    'incl btw|incl vat|inc vat|incl tax|including vat|including tax|inclusive of vat|inkl mwst|inkl ust|ttc|tva incluse|tva comprise|toutes taxes comprises|brutto',
  ],
];

/** "ł" has no decomposition: "płatności" is also typed "platnosci", and both are matched. */
function expand(phrase: string): string[] {
  const spellings = phrase.includes('ł') ? [phrase, phrase.replaceAll('ł', 'l')] : [phrase];
  if (!phrase.includes('{n}')) return spellings;
  return spellings.flatMap((spelling) => NUMBER_WORDS.map((word) => spelling.replace('{n}', word)));
}

function build(): LabelDefinition[] {
  const definitions: LabelDefinition[] = [];
  for (const [field, priority, phrases, options] of ENTRIES) {
    for (const phrase of phrases.split('|')) {
      for (const variant of expand(phrase)) {
        const words = normalizeLabel(variant)
          .split(' ')
          .filter((word) => word !== '');
        if (words.length === 0) continue;
        definitions.push({
          field,
          priority,
          words,
          kinds: options?.kinds,
          bare: options?.bare,
          list: options?.list,
          debt: options?.debt,
        });
      }
    }
  }
  return definitions;
}

export const LABELS: readonly LabelDefinition[] = build();

/** Labels by their first word: a line's words are each looked up once. */
export const LABELS_BY_FIRST_WORD: ReadonlyMap<string, readonly LabelDefinition[]> = (() => {
  const map = new Map<string, LabelDefinition[]>();
  for (const label of LABELS) {
    const first = label.words[0] ?? '';
    const list = map.get(first) ?? [];
    list.push(label);
    map.set(first, list);
  }
  return map;
})();

/** Words that may sit between a bare label and its value ("Total : EUR 12,00", "montant dû TTC"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'eur',
  'euro',
  'euros',
  'usd',
  'gbp',
  'chf',
  'pln',
  'zł',
  'zl',
  'inr',
  'rs',
  'ttc',
  'ht',
  'est',
  'de',
  'of',
  'is',
  'the',
  'en',
  'in',
  'a',
  'au',
  'le',
  'du',
  'la',
  'les',
]);
