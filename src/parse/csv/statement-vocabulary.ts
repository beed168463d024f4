/**
 * Wording of bank statements and ledgers, as banks print it in the label of an operation: the
 * names of telecom operators (whose direct debits pay bills), and the words of each kind of
 * operation. Data only; statement.ts matches it. Words are in normalized form (see normalizeLabel).
 *
 * Sources: the label formats of French banks ("PRLV SEPA ORANGE SA", "CB CARREFOUR 12/03",
 * "VIR SEPA ..."), German ("Lastschrift", "Kartenzahlung", "Überweisung"), British and American
 * exports ("DIRECT DEBIT", "CARD PAYMENT", "DD", "ACH DEBIT"), as bank-export parsers document them
 * (see fixtures/csv/corpus/README.md).
 */

/** Operators whose name is telling on its own. */
export const OPERATOR_NAMES: readonly string[] = [
  'orange',
  'sosh',
  'sfr',
  'red by sfr',
  'bouygues',
  'bouygues telecom',
  'b you',
  'free mobile',
  'free telecom',
  'freebox',
  'la poste mobile',
  'coriolis',
  'nrj mobile',
  'proximus',
  'telenet',
  'voo',
  'scarlet',
  'swisscom',
  'sunrise',
  'salt mobile',
  'deutsche telekom',
  'telekom',
  'telekom deutschland',
  'vodafone',
  'telefonica',
  'o2',
  'congstar',
  '1 1',
  '1und1',
  'ee limited',
  'bt group',
  'british telecom',
  'virgin media',
  'giffgaff',
  'plusnet',
  'talktalk',
  'three uk',
  'sky uk',
  'verizon',
  'verizon wireless',
  'at t',
  'att',
  't mobile',
  'tmobile',
  'comcast',
  'xfinity',
  'spectrum',
  'sprint',
  // The Netherlands, Austria, Switzerland, the UK (as their debits name them in Rabobank, ING, Erste,
  // PostFinance and Monzo exports).
  'kpn',
  'odido',
  'ziggo',
  'vodafoneziggo',
  'tele2',
  'simyo',
  'youfone',
  'lebara',
  'lycamobile',
  'a1 telekom',
  'magenta telekom',
  'drei',
  'yallo',
  'wingo',
];

/** A direct debit: the way operators are paid. */
export const DIRECT_DEBIT_WORDS: readonly string[] = [
  'prlv',
  'prlv sepa',
  'prelevement',
  'prelevement sepa',
  'prel',
  'direct debit',
  'dd',
  'lastschrift',
  'sepa lastschrift',
  'basislastschrift',
  'ach debit',
  'ach',
  'autopay',
  'domiciliation',
  'dom',
  'incasso',
  'domiciliering',
];

/** A refund from the payee. */
export const REFUND_WORDS: readonly string[] = [
  'remboursement',
  'rembt',
  'refund',
  'erstattung',
  'ruckerstattung',
  'terugbetaling',
  'avoir',
];

/** Rows that are not about bills, by what they are (the order breaks ties: "VIR SEPA SALAIRE" is a salary). */
export const OTHER_OPERATIONS: readonly (readonly [string, readonly string[]])[] = [
  ['salaries', ['salaire', 'salary', 'payroll', 'gehalt', 'lohn', 'loon', 'paie']],
  [
    'card payments',
    [
      'cb',
      'carte',
      'card',
      'card payment',
      'paiement carte',
      'kartenzahlung',
      'kauf dienstleistung',
      'karten nr',
      'pos',
      'visa',
      'mastercard',
      'debit card',
      'maestro',
      'girocard',
      'contactless',
    ],
  ],
  ['cash withdrawals', ['retrait', 'dab', 'atm', 'cash', 'geldautomat', 'bargeld', 'withdrawal']],
  [
    'transfers',
    [
      'vir',
      'virement',
      'transfer',
      'ueberweisung',
      'uberweisung',
      'dauerauftrag',
      'overboeking',
      'standing order',
      'so',
      'bacs',
      'faster payment',
      'fps',
      'zelle',
      'wire',
    ],
  ],
  ['bank fees', ['frais', 'commission', 'cotisation', 'fee', 'fees', 'charge', 'entgelt', 'gebuhr', 'kosten']],
  ['direct debits to others', DIRECT_DEBIT_WORDS],
];

/**
 * Headers (normalized, padded with spaces) of statement columns that hold the bank's details: the
 * statement's own account (BoursoBank "accountNum", Sparkasse CSV-CAMT "Auftragskonto", N26 "Account
 * number", La Banque Postale "Numéro Compte"), the other party's "Kontonummer/IBAN" and "BIC (SWIFT-Code)",
 * SEPA "Glaeubiger ID" and "Mandatsreferenz", the bank's "Kundenreferenz (End-to-End)" and
 * "Sammlerreferenz", the balance ("accountbalance", "Solde", "Saldo").
 */
export const BANK_DETAIL_HEADER =
  / (?:iban|bic|swift|auftragskonto|kontonummer|accountnum|account number|account|account no|numero compte|numero de compte|n compte|compte|glaeubiger|glaubiger|glaeubiger id|creditor|creditor id|mandat|mandate|mandatsreferenz|mandate reference|kundenreferenz|sammlerreferenz|end to end|saldo|solde|balance|accountbalance|rekening|tegenrekening|machtigingskenmerk|incassant|incassant id|transactiereferentie|betalingskenmerk|volgnr|batch)(?: |$)/;
