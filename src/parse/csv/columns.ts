/**
 * Which CSV column holds which document field, from the header's wording.
 *
 * A header matches a field in one of two ways: it is one of the field's synonyms (after
 * normalization), or it holds all of one of the field's keyword sets and none of the field's
 * veto words ("Montant TVA" never reads as a total). Exact synonyms outrank keyword matches;
 * then every (column, field) pair is taken greedily, best score first, so each field gets at
 * most one column and each column at most one field. Ties go to the leftmost column and the
 * field listed first: the same header always maps the same way.
 *
 * A column that points to another document ("Référence", "Facture d'origine", "Related
 * invoice") is never the document's own number, even when it says "facture": taking it as the
 * id would merge a credit note into the invoice it refers to.
 */
import { FatalInputError } from '../../model/input.js';
import { normalizeLabel } from '../values/normalize.js';

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
] as const;
export type Field = (typeof FIELDS)[number];

/** A field, or `period`: one column holding both period dates ("01/03/2024 - 31/03/2024"). */
export type ColumnField = Field | 'period';
const COLUMN_FIELDS: readonly ColumnField[] = [...FIELDS, 'period'];

export const AMOUNT_FIELDS = ['net', 'tax', 'total', 'amountDue'] as const;

/** Column index of each field, -1 when no column holds it. */
export type ColumnIndexes = Readonly<Record<ColumnField, number>>;

export interface ColumnMapping {
  /** The header as written (trimmed), one entry per column. */
  readonly headers: readonly string[];
  readonly index: ColumnIndexes;
}

interface FieldVocabulary {
  /** Whole headers, as exports write them. */
  readonly synonyms: readonly string[];
  /** Word sets (normalized) that name the field wherever they appear in a longer header. */
  readonly keywords: readonly string[];
  /** Words (normalized) that rule out a keyword match. */
  readonly vetoes?: readonly string[];
}

/** Words by which a column points to another document. */
const REFERENCE_WORDS = [
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

const VOCABULARY: Readonly<Record<ColumnField, FieldVocabulary>> = {
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
      'Bedrag excl. btw', 'Total hors TVA', 'Montant hors TVA',
    ],
    keywords: ['ht', 'hors taxe', 'hors tva', 'excl vat', 'excl tax', 'excluding vat', 'excluding tax', 'excl', 'excluding', 'netto', 'nettobetrag', 'montant net', 'net amount'],
    vetoes: ['unitaire', 'unit', 'pu', 'prix unitaire', 'taux', 'rate', 'pct', 'payer', 'pay', 'date', 'tva', 'vat', 'tax', 'taxe'],
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
      'including', 'ttc', 'sans', 'without', 'ht', 'satz', 'tarief', 'percentage', 'regime', 'exoneration',
    ],
  },
  total: {
    synonyms: [
      'Montant TTC', 'Total TTC', 'TTC', 'Total', 'Montant', 'Amount', 'Total amount', 'Total incl. VAT', 'Amount incl. VAT',
      'Amount including tax', 'Incl. VAT', 'Gross', 'Gross amount', 'Montant total', 'Total facture', 'Montant de la facture',
      'Montant facture', 'Prix TTC', 'Invoice total', 'Invoice amount', 'Grand total', 'Total toutes taxes comprises',
      'Montant toutes taxes comprises', 'Brutto', 'Bruttobetrag', 'Gesamtbetrag', 'Betrag', 'Rechnungsbetrag', 'Bedrag',
      'Totaal', 'Totaalbedrag', 'Bedrag incl. btw',
    ],
    keywords: ['ttc', 'total', 'montant', 'amount', 'incl', 'including', 'brutto', 'gross', 'betrag', 'bedrag'],
    vetoes: [
      'ht', 'hors', 'excl', 'excluding', 'net', 'netto', 'tva', 'tax', 'taxe', 'vat', 'mwst', 'btw', 'du', 'payer', 'pay',
      'due', 'solde', 'reste', 'restant', 'balance', 'unitaire', 'unit', 'pu', 'n', 'paid', 'paye', 'regle', 'outstanding',
      'open', 'offen', 'date', 'devise', 'currency', 'ligne', 'line', 'taux', 'rate',
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
      'Beschreibung', 'Leistung', 'Omschrijving',
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
const NUMBER_WORDS: ReadonlySet<string> = new Set(['n', 'no', 'nr', 'num', 'numero', 'number', 'nummer', 'nro']);
/** Words that add nothing to a header's meaning. */
const NOISE_WORDS: ReadonlySet<string> = new Set(['de', 'des', 'la', 'le', 'les', 'l', 'd', 'of', 'the', 'en']);

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * A header's words in comparable form. "%" becomes a word before normalizeLabel drops it as a
 * unit: it is the whole difference between "TVA" (an amount) and "TVA %" (a rate).
 */
export function headerWords(label: string): string[] {
  const kept = label
    .replace(/\uFEFF/g, '')
    .replace(/\(\s*(ht|ttc|tva|vat)\s*\)/gi, ' $1 ')
    .replace(/%/g, ' pct ')
    .replace(/#/g, ' n ');
  const words: string[] = [];
  for (const word of normalizeLabel(kept).split(' ')) {
    if (word === '' || NOISE_WORDS.has(word)) continue;
    words.push(NUMBER_WORDS.has(word) ? 'n' : singular(word));
  }
  return words;
}

interface CompiledField {
  readonly field: ColumnField;
  readonly synonyms: ReadonlySet<string>;
  readonly keywords: readonly (readonly string[])[];
  readonly vetoes: ReadonlySet<string>;
}

const COMPILED: readonly CompiledField[] = COLUMN_FIELDS.map((field) => {
  const vocabulary = VOCABULARY[field];
  return {
    field,
    synonyms: new Set(vocabulary.synonyms.map((synonym) => headerWords(synonym).join(' '))),
    keywords: vocabulary.keywords.map((keyword) => headerWords(keyword)),
    vetoes: new Set((vocabulary.vetoes ?? []).flatMap((veto) => headerWords(veto))),
  };
});

const REFERENCE_WORD_SET: ReadonlySet<string> = new Set(REFERENCE_WORDS.flatMap((word) => headerWords(word)));

function isReferenceLike(words: readonly string[]): boolean {
  return words.some((word) => REFERENCE_WORD_SET.has(word));
}

const EXACT_SCORE = 1000;
const KEYWORD_SCORE = 100;

/** How well a header's words name a field: 0 for not at all. */
function score(words: readonly string[], joined: string, compiled: CompiledField): number {
  if (words.length === 0) return 0;
  // Before the reference test: "Réf. document" is the document's own number.
  if (compiled.synonyms.has(joined)) return EXACT_SCORE + words.length;
  if (compiled.field === 'id' && isReferenceLike(words)) return 0;
  let best = 0;
  for (const keyword of compiled.keywords) {
    if (!keyword.every((word) => words.includes(word))) continue;
    // A veto word the keyword itself names is no veto: "excl. VAT" is net, though "VAT" alone vetoes it.
    if (words.some((word) => compiled.vetoes.has(word) && !keyword.includes(word))) continue;
    best = Math.max(best, KEYWORD_SCORE + 10 * keyword.length - (words.length - keyword.length));
  }
  return best;
}

const RATE_WORDS: ReadonlySet<string> = new Set(['taux', 'rate', 'satz', 'tarief', 'percentage']);

/**
 * "TVA 20%" and "VAT 5.5%" hold the tax charged at that rate, an amount; "TVA %" and "Taux TVA 20%"
 * hold a rate. A stated rate with no rate word is dropped so that the header reads as "TVA".
 */
function withoutStatedRate(words: readonly string[]): readonly string[] {
  const pct = words.indexOf('pct');
  if (pct < 1 || !/^\d+$/.test(words[pct - 1] as string) || words.some((word) => RATE_WORDS.has(word))) return words;
  let start = pct - 1;
  while (start > 0 && /^\d+$/.test(words[start - 1] as string)) start--;
  return [...words.slice(0, start), ...words.slice(pct + 1)];
}

function emptyIndexes(): Record<ColumnField, number> {
  const indexes = Object.create(null) as Record<ColumnField, number>;
  for (const field of COLUMN_FIELDS) indexes[field] = -1;
  return indexes;
}

/** The field a `--map` key names: "issueDate", "issue-date" and "issue_date" all work. */
function fieldNamed(name: string): ColumnField | undefined {
  const compact = name.toLowerCase().replace(/[^a-z]/g, '');
  return COLUMN_FIELDS.find((field) => field.toLowerCase() === compact);
}

function columnNamed(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name.trim());
  if (exact !== -1) return exact;
  const wanted = headerWords(name).join(' ');
  return wanted === '' ? -1 : headers.findIndex((header) => headerWords(header).join(' ') === wanted);
}

/** Applies `--map field=Column` overrides; they take their columns out of the automatic mapping. */
function applyOverrides(
  file: string,
  headers: readonly string[],
  columnMap: ReadonlyMap<string, string>,
  indexes: Record<ColumnField, number>,
  taken: boolean[],
): void {
  for (const [fieldName, columnName] of columnMap) {
    const field = fieldNamed(fieldName);
    if (field === undefined) {
      throw new FatalInputError(file, `--map ${fieldName}=${columnName}: unknown field "${fieldName}" (fields: ${COLUMN_FIELDS.join(', ')})`);
    }
    const column = columnNamed(headers, columnName);
    if (column === -1) throw new FatalInputError(file, `--map ${fieldName}=${columnName}: no column "${columnName}" in the header`);
    indexes[field] = column;
    taken[column] = true;
  }
}

function assign(headers: readonly string[], columnMap: ReadonlyMap<string, string> | undefined, file: string): Record<ColumnField, number> {
  const indexes = emptyIndexes();
  const taken = headers.map(() => false);
  if (columnMap !== undefined) applyOverrides(file, headers, columnMap, indexes, taken);
  const words = headers.map((header) => headerWords(header));
  const unrated = words.map(withoutStatedRate);
  // "TVA 20%" and "TVA 5,5%" side by side each hold part of the tax: no single one is the
  // document's tax, and taking one would make every mixed-rate bill look wrong. Neither is read.
  const statedRateColumns = unrated.filter((row, column) => row !== words[column]).length;

  const candidates: { column: number; fieldOrder: number; score: number }[] = [];
  headers.forEach((_header, column) => {
    if (taken[column]) return;
    if (statedRateColumns > 1 && unrated[column] !== words[column]) return;
    const columnWords = unrated[column] as readonly string[];
    const joined = columnWords.join(' ');
    COMPILED.forEach((compiled, fieldOrder) => {
      if (indexes[compiled.field] !== -1) return;
      const value = score(columnWords, joined, compiled);
      if (value > 0) candidates.push({ column, fieldOrder, score: value });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.fieldOrder - b.fieldOrder);
  for (const candidate of candidates) {
    const field = COMPILED[candidate.fieldOrder]?.field;
    if (field === undefined || taken[candidate.column] || indexes[field] !== -1) continue;
    indexes[field] = candidate.column;
    taken[candidate.column] = true;
  }
  return indexes;
}

const BARE_REFERENCES: ReadonlySet<string> = new Set(['ref', 'reference', 'referenz', 'referentie']);

/**
 * "Référence" alone, unlike "Facture d'origine", may be the documents' own number; the CSV reader
 * decides from the rows (see RowReader.adoptReferenceAsId).
 */
export function isBareReference(header: string): boolean {
  const words = headerWords(header);
  return words.length === 1 && BARE_REFERENCES.has(words[0] as string);
}

/** How many columns of a header billcheck recognizes (format detection uses it). */
export function recognizedColumnCount(headers: readonly string[]): number {
  const indexes = assign(headers, undefined, '');
  return COLUMN_FIELDS.filter((field) => indexes[field] !== -1).length;
}

/**
 * Maps a CSV header to document fields. Throws FatalInputError when the header does not look
 * like an invoice export at all: it needs an amount or a document type, and one more field.
 */
export function mapColumns(file: string, rawHeaders: readonly string[], columnMap?: ReadonlyMap<string, string>): ColumnMapping {
  const headers = rawHeaders.map((header) => header.replace(/^\uFEFF/, '').trim());
  const index = assign(headers, columnMap, file);
  const mapped = COLUMN_FIELDS.filter((field) => index[field] !== -1);
  const hasAmountOrKind = index.kind !== -1 || index.unitPrice !== -1 || AMOUNT_FIELDS.some((field) => index[field] !== -1);
  if (!hasAmountOrKind || mapped.length < 2) {
    const shown = headers.slice(0, 12).map((header) => `"${header.slice(0, 40)}"`).join(', ');
    throw new FatalInputError(
      file,
      'no invoice columns recognized: expected an amount ("Montant TTC", "Total", "Amount") or a document type ("Type"), ' +
        `plus a number, date or account column ("N° de facture", "Date", "N° client"); the header has ${shown}` +
        '; use --map FIELD=COLUMN to name them',
    );
  }
  return { headers, index };
}
