/**
 * Header vocabulary: the words by which exports name each document field, per language
 * (French, English, German, Dutch). Data only: the matching algorithm is in columns.ts, so that
 * a new operator's wording is a one-line change here, pinned by a test in columns.test.ts.
 */

export const FIELDS = [
  'id',
  'kind',
  'account',
  'operator',
  'issueDate',
  'dueDate',
  'periodStart',
  'periodEnd',
  'effectiveDate',
  'currency',
  'country',
  'net',
  'tax',
  'total',
  'amountDue',
  'description',
  'quantity',
  'unitPrice',
  'taxRate',
  'reference',
  'status',
  'debit',
  'credit',
  'lineNet',
  'lineTax',
  'lineTotal',
] as const;
export type Field = (typeof FIELDS)[number];

/** A field, or `period`: one column holding both period dates ("01/03/2024 - 31/03/2024"). */
export type ColumnField = Field | 'period';
export const COLUMN_FIELDS: readonly ColumnField[] = [...FIELDS, 'period'];

export interface FieldVocabulary {
  /** Whole headers, as exports write them. */
  readonly synonyms: readonly string[];
  /** Word sets (normalized) that name the field wherever they appear in a longer header. */
  readonly keywords: readonly string[];
  /** Words (normalized) that rule out a keyword match. */
  readonly vetoes?: readonly string[];
}

/** Words by which a column points to another document. */
export const REFERENCE_WORDS = [
  'ref',
  'reference',
  'referenced',
  'origine',
  'original',
  'originale',
  'initial',
  'initiale',
  'concerne',
  'concernee',
  'associe',
  'associee',
  'lie',
  'liee',
  'rattache',
  'rattachee',
  'related',
  'corresponding',
  'parent',
  'bezug',
  'referenz',
  'ursprungsrechnung',
  'referentie',
  'betreft',
];

const DATE_QUALIFIERS = [
  'echeance',
  'limite',
  'due',
  'effet',
  'effective',
  'debut',
  'fin',
  'start',
  'end',
  'from',
  'resiliation',
  'termination',
  'naissance',
  'periode',
  'period',
  'prelevement',
  'paiement',
  'payment',
  'faellig',
  'faelligkeit',
  'von',
  'bis',
];

export const VOCABULARY: Readonly<Record<ColumnField, FieldVocabulary>> = {
  id: {
    synonyms: [
      'N° de facture', 'N° facture', 'Numéro de facture', 'Facture n°', 'Facture', 'No facture', 'Num facture',
      'N° de document', 'Numéro de document', 'N° document', 'Document', 'N° de pièce', 'Numéro de pièce', 'Pièce',
      "N° d'avoir", "Numéro d'avoir", 'N° de relance', 'Invoice number', 'Invoice no', 'Invoice #', 'Invoice ID',
      'Invoice', 'Document number', 'Document no', 'Document ID', 'Doc no', 'Bill number', 'Bill no',
      'Credit note number', 'Statement number', 'Rechnungsnummer', 'Belegnummer', 'Rechnungsnr', 'Factuurnummer',
      'Identifiant facture', 'Réf. document', 'Référence document', 'Référence du document', 'Document reference',
      'Numéro', 'Doc ref',
    ],
    keywords: ['n facture', 'n invoice', 'invoice n', 'invoice id', 'n document', 'document n', 'n piece', 'n avoir', 'n relance', 'rechnungsnummer', 'n bill', 'bill n', 'factuurnummer'],
    vetoes: ['client', 'customer', 'compte', 'account', 'contrat', 'contract', 'ligne', 'line', 'commande', 'order', 'tva', 'vat', 'siret', 'siren', 'telephone', 'phone', 'abonne', 'date', 'montant', 'amount', 'type'],
  },
  kind: {
    synonyms: [
      'Type', 'Type de document', 'Nature', 'Nature du document', 'Document type', 'Type document', 'Doc type', 'Kind',
      'Type de pièce', "Type d'opération", 'Opération', 'Transaction type', 'Catégorie de document', 'Dokumentart',
      'Belegart', 'Soort', 'Soort document',
    ],
    keywords: ['type', 'nature', 'dokumentart', 'belegart'],
    vetoes: ['tva', 'vat', 'tax', 'taxe', 'client', 'customer', 'contrat', 'contract', 'paiement', 'payment', 'offre', 'forfait', 'ligne', 'line', 'abonnement'],
  },
  account: {
    synonyms: [
      'N° client', 'N° de client', 'Numéro client', 'Numéro de client', 'Client', 'Compte', 'N° de compte',
      'Numéro de compte', 'Compte client', 'Contrat', 'N° de contrat', 'N° contrat', 'Numéro de contrat', 'Ligne',
      'N° de ligne', 'Numéro de ligne', "N° d'abonné", "Numéro d'abonné", 'Abonné', 'Référence client', 'Réf client',
      'Identifiant client', 'Code client', 'N° de téléphone', 'Téléphone', 'Numéro de téléphone', 'Account',
      'Account number', 'Account no', 'Account ID', 'Customer', 'Customer number', 'Customer no', 'Customer ID',
      'Customer reference', 'Contract', 'Contract number', 'Line', 'Line number', 'Phone number', 'MSISDN',
      'Subscriber', 'Subscriber number', 'Kundennummer', 'Vertragsnummer', 'Kunde', 'Klantnummer', 'Contractnummer',
      'Ligne mobile', 'Ligne fixe', 'N° de mobile', 'Numéro de mobile', 'Mobile', 'Mobile number', 'Mobile line',
    ],
    keywords: ['n abonnement', 'identifiant abonnement', 'subscription n', 'subscription id', 'ligne mobile', 'ligne fixe', 'mobile n', 'n client', 'client', 'customer', 'compte', 'account', 'contrat', 'contract', 'abonne', 'subscriber', 'msisdn', 'telephone', 'phone', 'kundennummer', 'vertragsnummer', 'klantnummer', 'n ligne', 'line n'],
    vetoes: ['nom', 'name', 'adresse', 'address', 'email', 'mail', 'montant', 'amount', 'total', 'date', 'type', 'libelle', 'description', 'siret', 'tva', 'vat', 'fin', 'debut', 'start', 'end'],
  },
  operator: {
    synonyms: ['Opérateur', 'Operator', 'Fournisseur', 'Supplier', 'Vendor', 'Provider', 'Carrier', 'Émetteur', 'Société', 'Seller', 'Vendeur', 'Anbieter', 'Leverancier'],
    keywords: ['operateur', 'operator', 'fournisseur', 'supplier', 'vendor', 'provider', 'carrier'],
    vetoes: ['n', 'code', 'siret', 'tva', 'vat'],
  },
  issueDate: {
    synonyms: [
      'Date', 'Date de facture', 'Date facture', 'Date de la facture', 'Date de facturation', "Date d'émission",
      'Date émission', 'Émise le', 'Émis le', 'Facturé le', 'Établie le', 'Date du document', 'Date document', 'Date de pièce', "Date d'édition", 'Édité le',
      "Date de l'avoir", 'Date de relance', 'Issue date', 'Invoice date', 'Document date', 'Date issued', 'Billing date',
      'Bill date', 'Statement date', 'Rechnungsdatum', 'Belegdatum', 'Datum', 'Factuurdatum',
    ],
    keywords: ['date', 'datum', 'emis', 'emise', 'emission', 'edite', 'editee', 'etabli', 'etablie', 'issued', 'dated'],
    vetoes: DATE_QUALIFIERS,
  },
  dueDate: {
    synonyms: [
      'Échéance', "Date d'échéance", 'Date échéance', 'Date limite de paiement', 'Date limite', 'À payer avant le',
      'Payable le', 'À régler avant le', 'À régler le', 'Date de prélèvement', 'Due date', 'Payment due', 'Payment due date', 'Due', 'Pay by',
      'Fälligkeitsdatum', 'Fällig am', 'Zahlbar bis', 'Vervaldatum',
    ],
    keywords: [
      'echeance', 'date limite', 'due date', 'due by', 'pay by', 'payment due', 'avant', 'regler', 'payable', 'exigible',
      'faelligkeitsdatum', 'faellig', 'vervaldatum',
    ],
    vetoes: ['montant', 'amount', 'total', 'solde'],
  },
  periodStart: {
    synonyms: [
      'Début de période', 'Date de début', 'Début', 'Période du', 'Du', 'Début période', 'Date début', 'Période début',
      'Period start', 'Period from', 'From', 'Billing period start', 'Start date', 'Service start', 'Start',
      'Period start date', 'Von', 'Leistungszeitraum von', 'Van', 'Periode van',
    ],
    keywords: ['debut periode', 'periode debut', 'period start', 'start period', 'period from', 'periode du', 'billing start'],
    vetoes: ['contrat', 'contract', 'abonnement', 'subscription'],
  },
  periodEnd: {
    synonyms: [
      'Fin de période', 'Date de fin', 'Fin', 'Période au', 'Au', 'Fin période', 'Date fin', 'Période fin', 'Period end',
      'Period to', 'To', 'Billing period end', 'End date', 'Service end', 'End', 'Period end date', 'Bis',
      'Leistungszeitraum bis', 'Tot', 'Periode tot',
    ],
    keywords: ['fin periode', 'periode fin', 'period end', 'end period', 'period to', 'periode au', 'billing end'],
    vetoes: ['contrat', 'contract', 'abonnement', 'subscription'],
  },
  period: {
    synonyms: [
      'Période', 'Period', 'Période de facturation', 'Période facturée', 'Période de consommation', 'Billing period',
      'Service period', 'Invoice period', 'Zeitraum', 'Abrechnungszeitraum', 'Leistungszeitraum', 'Periode',
      'Factuurperiode',
    ],
    keywords: ['periode', 'period', 'zeitraum'],
    vetoes: ['debut', 'fin', 'start', 'end', 'from', 'to', 'du', 'au', 'von', 'bis', 'date'],
  },
  effectiveDate: {
    synonyms: [
      "Date d'effet", 'Date effet', 'Prise d\'effet', "Date de prise d'effet", 'Date de résiliation', 'Date de fin de contrat',
      'Fin de contrat', 'Effective date', 'Termination date', 'Cancellation date', 'Effective from', 'Wirksam ab',
      'Kündigungsdatum', 'Ingangsdatum',
    ],
    keywords: ['effet', 'effective', 'date resiliation', 'termination date', 'cancellation date'],
  },
  currency: {
    synonyms: ['Devise', 'Currency', 'Monnaie', 'Code devise', 'Currency code', 'Währung', 'Valuta'],
    keywords: ['devise', 'currency', 'monnaie', 'wahrung', 'waehrung'],
    vetoes: ['montant', 'amount', 'taux', 'rate'],
  },
  country: {
    synonyms: [
      'Pays', 'Code pays', 'Pays de TVA', 'Country', 'Country code', 'VAT country', 'Tax country', 'Land', 'Ländercode',
      'Landcode', 'Steuerland',
    ],
    // Not "pays" alone: singular() folds it into "pay", as in "Total to pay".
    keywords: ['country', 'code pays', 'landercode', 'landcode'],
    // A country called or roamed in, or of birth, is not the one whose VAT applies.
    vetoes: ['origine', 'origin', 'naissance', 'birth', 'destination', 'appel', 'appele', 'call', 'called', 'dialled', 'visited', 'roaming', 'indicatif', 'dialing', 'montant', 'amount'],
  },
  net: {
    synonyms: [
      'Montant HT', 'Total HT', 'HT', 'Net', 'Montant net', 'Net amount', 'Amount excl. VAT', 'Amount excluding tax',
      'Amount excl. tax', 'Subtotal', 'Sous-total', 'Sous-total HT', 'Montant hors taxes', 'Hors taxes', 'Total hors taxes',
      'Prix HT', 'Base HT', 'Net total', 'Total net', 'Excl. VAT', 'Total excl. VAT', 'Netto', 'Nettobetrag',
      'Bedrag excl. btw', 'Total hors TVA', 'Montant hors TVA', 'HTVA', 'Montant HTVA', 'Total HTVA',
    ],
    keywords: [
      'ht', 'htva', 'hors taxe', 'hors tva', 'excl vat', 'excl tax', 'excluding vat', 'excluding tax', 'excl', 'excluding', 'netto',
      'nettobetrag', 'montant net', 'net amount', 'net',
    ],
    vetoes: ['unitaire', 'unit', 'pu', 'prix unitaire', 'taux', 'rate', 'pct', 'payer', 'pay', 'date', 'tva', 'vat', 'tax', 'taxe', 'ligne', 'line', 'item', 'position'],
  },
  tax: {
    synonyms: [
      'TVA', 'Montant TVA', 'Montant de TVA', 'Montant de la TVA', 'Total TVA', 'Taxes', 'Tax', 'VAT', 'VAT amount',
      'Tax amount', 'Total tax', 'Total VAT', 'Montant taxes', 'Montant des taxes', 'MwSt', 'USt', 'Umsatzsteuer',
      'Steuerbetrag', 'BTW', 'BTW bedrag',
    ],
    keywords: ['tva', 'vat', 'tax', 'taxe', 'mwst', 'ust', 'btw'],
    vetoes: [
      'taux', 'rate', 'pct', 'n', 'code', 'intracommunautaire', 'intra', 'id', 'hors', 'excl', 'excluding', 'incl',
      'including', 'ttc', 'sans', 'without', 'ht', 'satz', 'tarief', 'percentage', 'regime', 'exoneration', 'ligne', 'line',
      'item', 'position', 'htva', 'tvac',
    ],
  },
  total: {
    synonyms: [
      'Montant TTC', 'Total TTC', 'TTC', 'Total', 'Montant', 'Amount', 'Total amount', 'Total incl. VAT', 'Amount incl. VAT',
      'Amount including tax', 'Incl. VAT', 'Gross', 'Gross amount', 'Montant total', 'Total facture', 'Montant de la facture',
      'Montant facture', 'Prix TTC', 'Invoice total', 'Invoice amount', 'Grand total', 'Total toutes taxes comprises',
      'Montant toutes taxes comprises', 'Brutto', 'Bruttobetrag', 'Gesamtbetrag', 'Betrag', 'Rechnungsbetrag', 'Bedrag',
      'Totaal', 'Totaalbedrag', 'Bedrag incl. btw', 'TVAC', 'Montant TVAC', 'Total TVAC', 'Montant TVA comprise',
    ],
    keywords: ['ttc', 'tvac', 'total', 'montant', 'amount', 'incl', 'including', 'brutto', 'gross', 'betrag', 'bedrag'],
    vetoes: [
      'ht', 'hors', 'excl', 'excluding', 'net', 'netto', 'tva', 'tax', 'taxe', 'vat', 'mwst', 'btw', 'du', 'payer', 'pay',
      'due', 'solde', 'reste', 'restant', 'balance', 'unitaire', 'unit', 'pu', 'n', 'paid', 'paye', 'regle', 'outstanding',
      'open', 'offen', 'date', 'devise', 'currency', 'ligne', 'line', 'taux', 'rate', 'item', 'position', 'htva',
    ],
  },
  amountDue: {
    synonyms: [
      'Net à payer', 'Reste à payer', 'Reste dû', 'Restant dû', 'Montant restant dû', 'Solde', 'Solde dû', 'Montant dû',
      'Montant à payer', 'Somme à payer', 'Somme due', 'À payer', 'Total à payer', 'Amount due', 'Balance due', 'Balance',
      'Due amount', 'Outstanding', 'Outstanding amount', 'Amount outstanding', 'Open amount', 'Amount to pay',
      'Total due', 'Offener Betrag', 'Zu zahlen', 'Zahlbetrag', 'Te betalen', 'Openstaand bedrag',
    ],
    keywords: ['a payer', 'reste', 'restant', 'solde', 'balance', 'amount due', 'total due', 'outstanding', 'offen', 'zu zahlen', 'te betalen'],
    vetoes: ['date', 'echeance', 'n'],
  },
  description: {
    synonyms: [
      'Libellé', 'Description', 'Désignation', 'Intitulé', 'Détail', 'Produit', 'Prestation', 'Article', 'Item', 'Label',
      'Objet', 'Motif', 'Service', 'Libellé ligne', 'Line description', 'Item description', 'Memo', 'Bezeichnung',
      'Beschreibung', 'Leistung', 'Omschrijving', 'Verwendungszweck', 'Buchungstext', 'Payee', 'Auftraggeber/Empfänger',
      'Empfänger', 'Bénéficiaire', 'Merchant', 'Details', 'Narrative', 'Transaction description',
    ],
    keywords: ['libelle', 'description', 'designation', 'intitule', 'detail', 'prestation', 'bezeichnung', 'beschreibung', 'omschrijving'],
    vetoes: ['date', 'montant', 'amount', 'n', 'prix', 'price', 'type'],
  },
  quantity: {
    synonyms: ['Quantité', 'Qté', 'Qte', 'Qty', 'Quantity', 'Nombre', 'Nb', 'Units', 'Menge', 'Anzahl', 'Aantal'],
    keywords: ['quantite', 'qte', 'qty', 'quantity', 'menge', 'anzahl', 'aantal'],
    vetoes: ['prix', 'price', 'montant', 'amount'],
  },
  unitPrice: {
    synonyms: [
      'Prix unitaire', 'PU', 'PU HT', 'Prix unitaire HT', 'Prix unitaire TTC', 'Unit price', 'Price', 'Prix', 'Tarif',
      'Unit cost', 'Einzelpreis', 'Stückpreis', 'Eenheidsprijs', 'Prijs',
    ],
    keywords: ['prix unitaire', 'unit price', 'unitaire', 'einzelpreis', 'eenheidsprijs'],
    vetoes: ['quantite', 'qty', 'quantity', 'taux', 'rate'],
  },
  taxRate: {
    synonyms: [
      'Taux TVA', 'Taux de TVA', 'Taux', 'TVA %', '% TVA', 'Taux taxe', 'VAT rate', 'Tax rate', 'VAT %', 'Rate', 'MwSt-Satz',
      'Steuersatz', 'BTW-tarief', 'BTW %',
    ],
    keywords: ['taux tva', 'tva taux', 'vat rate', 'tax rate', 'pct', 'steuersatz', 'mwst satz', 'btw tarief'],
    vetoes: ['change', 'exchange', 'montant', 'amount'],
  },
  status: {
    synonyms: [
      'Statut', 'État', 'Etat', 'Statut de paiement', 'Statut du paiement', 'État du paiement', 'Statut facture', 'Status',
      'Payment status', 'Invoice status', 'Bill status', 'Paid', 'Payé', 'Zahlungsstatus', 'Status der Zahlung', 'Bezahlt',
      'Betaalstatus',
    ],
    keywords: ['statut', 'status', 'etat', 'zahlungsstatus', 'betaalstatus'],
    vetoes: ['date', 'montant', 'amount', 'client', 'customer', 'contrat', 'contract', 'ligne', 'line'],
  },
  debit: {
    synonyms: [
      'Débit', 'Debit', 'Débit euros', 'Montant débit', 'Debit amount', 'Money out', 'Paid out', 'Withdrawals', 'Withdrawal',
      'Soll', 'Ausgang', 'Af', 'Sortie',
    ],
    keywords: ['debit', 'money out', 'paid out', 'soll'],
    vetoes: ['date', 'carte', 'card', 'direct', 'prelevement', 'type', 'n'],
  },
  credit: {
    synonyms: [
      'Crédit', 'Credit', 'Crédit euros', 'Montant crédit', 'Credit amount', 'Money in', 'Paid in', 'Deposits', 'Deposit',
      'Haben', 'Eingang', 'Bij', 'Entrée',
    ],
    keywords: ['credit', 'money in', 'paid in', 'haben'],
    vetoes: ['date', 'carte', 'card', 'note', 'avoir', 'type', 'n'],
  },
  lineNet: {
    synonyms: ['Line net', 'Net ligne', 'Montant HT ligne', 'HT ligne', 'Charge net', 'Item net', 'Positionsbetrag netto'],
    keywords: ['ligne ht', 'ht ligne', 'line net', 'net line', 'item net', 'line excl', 'ligne net'],
  },
  lineTax: {
    synonyms: ['Line VAT', 'Line tax', 'TVA ligne', 'Montant TVA ligne', 'Charge VAT', 'Item VAT'],
    keywords: ['ligne tva', 'tva ligne', 'line vat', 'line tax', 'vat line', 'tax line', 'item vat', 'item tax'],
    vetoes: ['taux', 'rate', 'pct'],
  },
  lineTotal: {
    synonyms: ['Line total', 'Line amount', 'Total ligne', 'Montant ligne', 'Montant TTC ligne', 'TTC ligne', 'Charge amount', 'Item total', 'Item amount'],
    keywords: ['ligne ttc', 'ttc ligne', 'line total', 'total line', 'line amount', 'montant ligne', 'item total', 'item amount', 'line gross'],
    vetoes: ['ht', 'net', 'tva', 'vat', 'tax', 'n'],
  },
  reference: {
    synonyms: [
      'Référence', 'Réf', 'Références', "Facture d'origine", 'Facture origine', 'Facture concernée', 'Factures concernées',
      'Facture associée', 'Facture liée', 'Facture initiale', 'Réf. facture', 'Référence facture', 'Référence de facture',
      "N° de facture d'origine", "Numéro de facture d'origine", 'N° facture concernée', 'Original invoice', 'Related invoice',
      'Invoice reference', 'Referenced invoice', 'Related document', 'Original document', 'Applies to', 'Bezug',
      'Referenz', 'Ursprungsrechnung', 'Referentie',
    ],
    keywords: REFERENCE_WORDS,
    vetoes: ['client', 'customer', 'contrat', 'contract', 'compte', 'account', 'commande', 'order', 'abonne', 'subscriber', 'ligne', 'line'],
  },
};

/** Words that mean "number" in a header, folded into one token. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(['n', 'no', 'nr', 'num', 'numero', 'number', 'nummer', 'nro']);
/** Words that add nothing to a header's meaning. */
export const NOISE_WORDS: ReadonlySet<string> = new Set(['de', 'des', 'la', 'le', 'les', 'l', 'd', 'of', 'the', 'en']);

/** Abbreviations of billing systems' column names ("MT_HT_FACT", "NUM_CLI"), read as the words they stand for. */
export const HEADER_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mt', 'montant'],
  ['mnt', 'montant'],
  ['mtt', 'montant'],
  ['fact', 'facture'],
  ['fac', 'facture'],
  ['cli', 'client'],
  ['lig', 'ligne'],
  ['lib', 'libelle'],
  ['dt', 'date'],
  ['amt', 'amount'],
  ['inv', 'invoice'],
  ['acct', 'account'],
  ['desc', 'description'],
]);

/** A column named by one of these words alone may hold the documents' own numbers. */
export const BARE_REFERENCES: ReadonlySet<string> = new Set(['ref', 'reference', 'referenz', 'referentie']);

