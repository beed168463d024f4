/**
 * Column roles decided from names and values together. The header mapping (columns.ts) is the
 * prior; the sampled values (column-evidence.ts) confirm or overrule it:
 * - a "document number" column that holds phone numbers is the line (an account), and the
 *   documents' own number is then the column of ids that repeat only on consecutive rows,
 *   even when its label reads like a reference;
 * - a column of document-kind words is the type, a column of phone numbers the account, a column
 *   of period ranges the period, a column of bill statuses the status, whatever their labels;
 * - a date or amount field whose column holds no such value is not read from it; an unnamed
 *   column of dates becomes the date, and an unnamed amount column that makes net + tax = total
 *   hold is the missing one of the three;
 * - rows without a document type, with wording, signed amounts and no document numbers are a
 *   bank statement (statement.ts reads them).
 * `--map` is never overruled. Every role decided by values, and every doubt, is said.
 */
import type { ColumnRole, RoleSource } from '../../model/input.js';
import { parseAmount } from '../values/amounts.js';
import { normalizeLabel } from '../values/normalize.js';
import { documentKindFrom } from '../values/kinds.js';
import {
  countryFromEvidence,
  currencyFromValues,
  currencyFromHeaders,
  currencyUnsaid,
  type FileCountry,
  type FileCurrency,
} from './country.js';
import { type ColumnProfile, profileColumn, SAMPLE_FOR_ROLES, share } from './column-evidence.js';
import { type ColumnField, type ColumnIndexes, type ColumnMapping, COLUMN_FIELDS } from './columns.js';

/** What the reader says about its columns (becomes a NoticeEvent). */
export interface RoleNotice {
  readonly level: 'info' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly map?: string;
}

export interface RoleDecision {
  readonly mapping: ColumnMapping;
  readonly roles: readonly ColumnRole[];
  /** Some role was decided beyond an exact header name. */
  readonly inferred: boolean;
  readonly notices: readonly RoleNotice[];
  /** The rows are a bank statement or ledger: kinds come from wording and sign. */
  readonly statement: boolean;
  /** The country of every document of the file, from the header's language, stated rates and currency. */
  readonly country?: string;
  /** The currency of documents whose amounts name none, when not the reader's plain default (issue 13). */
  readonly currency?: FileCurrency;
}

/** Share of a column's filled cells that must show a trait for the values to decide. */
const CONVINCING = 0.8;
/** Below this share of fitting values, a column named for a field does not hold it. */
const CONTRADICTED = 0.2;
/** A column needs this many filled sampled cells before its values say anything. */
const MIN_EVIDENCE = 3;
/** Columns profiled: an invoice export has a few dozen; a hostile header thousands. */
const MAX_PROFILED_COLUMNS = 64;

const DATE_FIELDS = ['issueDate', 'dueDate', 'periodStart', 'periodEnd', 'effectiveDate'] as const;
const AMOUNT_ROLE_FIELDS = ['net', 'tax', 'total', 'amountDue', 'debit', 'credit'] as const;
const BILL_KINDS: ReadonlySet<string> = new Set(['invoice', 'dunning', 'termination']);
/** The roles whose absence or doubt the report warns about. */
const KEY_FIELDS: ReadonlySet<ColumnField> = new Set(['id', 'kind', 'account', 'issueDate', 'total']);

const quoted = (header: string): string => `"${header.slice(0, 40)}"`;
/** The `--map` argument for a column, quoted for a shell when it needs it. */
const mapArgument = (field: ColumnField, header: string): string =>
  /^[\w.-]+$/.test(header) ? `--map ${field}=${header}` : `--map '${field}=${header.replace(/'/g, "'\\''")}'`;

class Decider {
  readonly index: Record<ColumnField, number>;
  readonly source = Object.create(null) as Partial<Record<ColumnField, RoleSource>>;
  readonly notices: RoleNotice[] = [];
  private readonly profiles: (ColumnProfile | undefined)[] = [];

  constructor(
    readonly mapping: ColumnMapping,
    private readonly sample: readonly (readonly string[])[],
  ) {
    this.index = Object.create(null) as Record<ColumnField, number>;
    for (const field of COLUMN_FIELDS) {
      this.index[field] = mapping.index[field];
      if (mapping.index[field] !== -1) this.source[field] = mapping.matches?.[field] === 'map' ? 'map' : 'name';
    }
  }

  header(column: number): string {
    return this.mapping.headers[column] ?? `column ${column + 1}`;
  }

  profile(column: number): ColumnProfile | undefined {
    if (column < 0 || column >= MAX_PROFILED_COLUMNS) return undefined;
    this.profiles[column] ??= profileColumn(this.sample, column);
    return this.profiles[column];
  }

  fieldAt(column: number): ColumnField | undefined {
    return COLUMN_FIELDS.find((field) => this.index[field] === column);
  }

  /** Whether the field's column came from `--map` (never overruled). */
  given(field: ColumnField): boolean {
    return this.source[field] === 'map';
  }

  /** Columns that no field holds, left to right (within the profiled ones). */
  unmapped(): number[] {
    const columns: number[] = [];
    const limit = Math.min(this.mapping.headers.length, MAX_PROFILED_COLUMNS);
    for (let column = 0; column < limit; column++) {
      if (this.fieldAt(column) === undefined && !this.isDuplicate(column)) columns.push(column);
    }
    return columns;
  }

  private isDuplicate(column: number): boolean {
    return (this.mapping.duplicates ?? []).some(([, later]) => later === column);
  }

  take(field: ColumnField, column: number, why: string): void {
    const previous = this.fieldAt(column);
    if (previous !== undefined) this.index[previous] = -1;
    this.index[field] = column;
    this.source[field] = 'values';
    const level = KEY_FIELDS.has(field) || previous !== undefined ? 'warning' : 'info';
    const instead = previous === undefined ? '' : ` instead of ${previous}`;
    this.notices.push({
      level,
      code: 'column-role',
      message: `column ${quoted(this.header(column))} read as ${field}${instead}: ${why}`,
      map: mapArgument(previous ?? field, this.header(column)),
    });
  }

  drop(field: ColumnField, why: string): void {
    const column = this.index[field];
    this.index[field] = -1;
    delete this.source[field];
    this.notices.push({
      level: 'warning',
      code: 'column-role',
      message: `column ${quoted(this.header(column))} is named like ${field} but ${why}: not read as ${field}`,
      map: mapArgument(field, this.header(column)),
    });
  }

  /** Whether the column holds one value per document of the sample (by its number column), rows without a number aside. */
  constantPerDocument(column: number): boolean {
    const id = this.index.id;
    if (id === -1) return false;
    const seen = new Map<string, string>();
    for (const record of this.sample) {
      const key = record[id] ?? '';
      if (key === '') continue;
      const value = record[column] ?? '';
      const earlier = seen.get(key);
      if (earlier !== undefined && earlier !== value) return false;
      seen.set(key, value);
    }
    return true;
  }

  convincing(column: number, trait: (profile: ColumnProfile) => number): boolean {
    const profile = this.profile(column);
    return profile !== undefined && profile.filled >= 2 && share(profile, trait(profile)) >= CONVINCING;
  }
}

/** An id-like column: filled on (nearly) every row, values that repeat only on consecutive rows, no phone numbers. */
function holdsOwnIds(profile: ColumnProfile | undefined): boolean {
  if (profile === undefined || profile.rows === 0) return false;
  return (
    profile.filled >= 0.9 * profile.rows &&
    profile.repeatsInRuns &&
    share(profile, profile.phones) < CONTRADICTED &&
    share(profile, profile.amounts + profile.dates) < CONTRADICTED
  );
}

/** Ids of documents: every value with a digit, each value on one run of consecutive rows. */
function holdsDocumentIds(profile: ColumnProfile | undefined): boolean {
  if (!holdsOwnIds(profile) || profile === undefined || profile.distinct < 2) return false;
  return profile.values.every((value) => value === '' || /\d/.test(value));
}

/** The column of the documents' own numbers among a reference column and the unnamed ones. */
function idCandidate(decider: Decider): number | undefined {
  const reference = decider.index.reference;
  if (reference !== -1 && !decider.given('reference') && holdsDocumentIds(decider.profile(reference))) return reference;
  const lettered = (column: number): boolean => /[A-Za-z]/.test(decider.profile(column)?.values.join('') ?? '');
  return decider.unmapped().find((column) => holdsDocumentIds(decider.profile(column)) && lettered(column));
}

/**
 * A number column of phone numbers that several documents share is the line, not the document
 * number. Phone-like numbers unique per document ("0301 2345 6701") stay invoice numbers.
 */
function phonesAreNotDocumentNumbers(decider: Decider): void {
  const column = decider.index.id;
  if (column === -1 || decider.given('id') || !decider.convincing(column, (profile) => profile.phones)) return;
  const profile = decider.profile(column) as ColumnProfile;
  if (profile.distinct >= profile.filled) return;
  const other = idCandidate(decider);
  const otherProfile = other === undefined ? undefined : decider.profile(other);
  if (profile.repeatsInRuns && (otherProfile === undefined || otherProfile.distinct <= profile.distinct)) return;
  const header = decider.header(column);
  const why = 'its values are phone numbers shared by several documents (a line, never a document number)';
  if (decider.index.account === -1) decider.take('account', column, why);
  else decider.drop('id', why);
  if (other === undefined) return;
  decider.take('id', other, `${quoted(header)} holds phone numbers and this column an id per document`);
}

/**
 * Without a number column: a reference column, or an unnamed one, of ids unique per document
 * holds the documents' numbers.
 */
function idFromValues(decider: Decider): void {
  if (decider.index.id !== -1) return;
  const column = idCandidate(decider);
  if (column === undefined) return;
  // A bare "Référence" filled on every row is RowReader.adoptReferenceAsId's to decide, as before.
  decider.take('id', column, 'its values are ids, one per document');
}

/**
 * Without a number column, a reference column filled on every row with ids of its own holds the
 * documents' numbers; the bare "Référence" case is RowReader.adoptReferenceAsId's.
 */
function referencePointedToIsTheId(decider: Decider): void {
  const column = decider.index.id;
  if (column === -1) return;
  const reference = decider.index.reference;
  const idProfile = decider.profile(column);
  if (reference === -1 || idProfile === undefined || decider.given('reference') || decider.given('id')) return;
  const refProfile = decider.profile(reference);
  if (refProfile === undefined || refProfile.filled < MIN_EVIDENCE) return;
  // The id column's values are what the reference column points to; the other way round means the labels were swapped.
  const ids = new Set(idProfile.values.filter((value) => value !== ''));
  const refs = new Set(refProfile.values.filter((value) => value !== ''));
  const refsPointToIds = [...refs].filter((value) => ids.has(value)).length;
  const idsPointToRefs = [...ids].filter((value) => refs.has(value)).length;
  if (idsPointToRefs === 0 || refsPointToIds > 0) return;
  if (!holdsOwnIds(refProfile) || idProfile.filled >= refProfile.filled) return;
  const idHeader = decider.header(column);
  const listed = quoted(decider.header(reference));
  decider.take('reference', column, `its values are the numbers of documents listed in ${listed}`);
  decider.take('id', reference, `the documents of ${quoted(idHeader)} point to its values`);
}

function kindFromValues(decider: Decider): void {
  if (decider.index.kind !== -1) return;
  const candidates = [...decider.unmapped()];
  if (decider.index.description !== -1 && !decider.given('description')) candidates.push(decider.index.description);
  for (const column of candidates) {
    const profile = decider.profile(column);
    if (profile === undefined || profile.distinct > 12) continue;
    if (decider.convincing(column, (p) => p.kinds) && decider.convincing(column, (p) => p.shortCells)) {
      if (paymentMethodsOfBills(decider, profile)) continue;
      const words = [...new Set(profile.values.filter((value) => value !== ''))].slice(0, 3).join(', ');
      decider.take('kind', column, `its values are document types (${words})`);
      return;
    }
  }
}

/**
 * A column that names only payments ("Prélèvement", "Virement", "Carte") beside net and tax
 * columns tells how each bill is paid, not what it is: read as the type, it made every invoice of
 * an ISP's "historique des factures" a payment, and its 149 000 € bill raised nothing (a helper's
 * export in the review of issue 19's session).
 */
function paymentMethodsOfBills(decider: Decider, profile: ColumnProfile): boolean {
  if (decider.index.net === -1 && decider.index.tax === -1) return false;
  const named = profile.values.filter((value) => value !== '').map((value) => documentKindFrom(value));
  return named.length > 0 && named.every((kind) => kind === undefined || kind === 'payment');
}

function accountFromValues(decider: Decider): void {
  if (decider.index.account !== -1) return;
  for (const column of decider.unmapped()) {
    if (decider.convincing(column, (profile) => profile.phones)) {
      decider.take('account', column, 'its values are phone numbers (the line each bill is for)');
      return;
    }
  }
}

/**
 * An account column of customer numbers beside a column of phone numbers: a company's export of
 * several lines under one billing account. Each line is then its own account, so that a line's
 * bills are compared with its own and not with a colleague's (a tryout export pooled two users'
 * bills into one median); the warning says how to compare them as one.
 */
function linesWithinAnAccount(decider: Decider): void {
  const account = decider.index.account;
  if (account === -1 || decider.given('account') || decider.convincing(account, (profile) => profile.phones)) return;
  const accounts = decider.profile(account);
  if (accounts === undefined) return;
  for (const column of decider.unmapped()) {
    if (!decider.convincing(column, (profile) => profile.phones)) continue;
    const lines = decider.profile(column) as ColumnProfile;
    // One invoice billed for several lines (one row per line) keeps its account: the phone
    // numbers then describe its rows, not whose bill it is.
    if (lines.distinct <= accounts.distinct || !decider.constantPerDocument(column)) return;
    const header = decider.header(account);
    decider.take(
      'account',
      column,
      `its values are phone numbers, several lines under one number of ${quoted(header)}: each line's bills ` +
        `are compared with its own (${mapArgument('account', header)} compares them as one account)`,
    );
    return;
  }
}

function statusFromValues(decider: Decider): void {
  if (decider.index.status !== -1) return;
  for (const column of decider.unmapped()) {
    if (decider.convincing(column, (profile) => profile.statuses)) {
      decider.take('status', column, 'its values say whether the bill is paid');
      return;
    }
  }
}

function periodFromValues(decider: Decider): void {
  if (decider.index.period !== -1 || decider.index.periodStart !== -1) return;
  for (const column of decider.unmapped()) {
    if (decider.convincing(column, (profile) => profile.periods)) {
      decider.take('period', column, 'its values are date ranges ("du … au …", "… - …")');
      return;
    }
  }
}

/** A type column none of whose values names a kind ("subscription", "usage") is no type column. */
function kindWithoutKinds(decider: Decider): void {
  const column = decider.index.kind;
  if (column === -1 || decider.given('kind')) return;
  const profile = decider.profile(column);
  if (profile === undefined || profile.filled < MIN_EVIDENCE || profile.kinds > 0) return;
  decider.drop('kind', 'none of its values names a document kind (invoice, credit note, dunning letter, payment…)');
}

/** A named column whose values contradict its field is not read as that field. */
function contradictedColumns(decider: Decider): void {
  type Check = [ColumnField, (profile: ColumnProfile) => number, string];
  const checks: Check[] = [
    ...DATE_FIELDS.map((field): Check => [field, (p) => p.dates + p.periods, 'its values are not dates']),
    ...AMOUNT_ROLE_FIELDS.map((field): Check => [field, (p) => p.amounts, 'its values are not amounts']),
    ['currency', (p) => p.currencies, 'its values are not currencies'],
  ];
  for (const [field, fits, why] of checks) {
    const column = decider.index[field];
    if (column === -1 || decider.given(field)) continue;
    const profile = decider.profile(column);
    if (profile === undefined || profile.filled < MIN_EVIDENCE) continue;
    if (share(profile, fits(profile)) >= CONTRADICTED) continue;
    // A currency column of dates is a value date ("Valuta" in German bank exports).
    const reason = field === 'currency' && share(profile, profile.dates) >= CONVINCING ? 'its values are dates' : why;
    decider.drop(field, reason);
  }
}

function issueDateFromValues(decider: Decider): void {
  if (decider.index.issueDate !== -1) return;
  for (const column of decider.unmapped()) {
    if (decider.convincing(column, (profile) => profile.dates)) {
      decider.take('issueDate', column, 'its values are dates, the first such column');
      return;
    }
  }
}

/**
 * The one of net, tax and total that is missing, from an unnamed amount column that makes net + tax
 * = total hold. A missing total may also be the column named as the amount due: "Net à payer" beside
 * "Net HT" and "Taxe", and no "TTC", is what the bill adds up to (an independent generator's export,
 * issue 19: read as an amount due, its 149 000 € bill and a total that did not add up raised
 * nothing, and nothing said why).
 */
function amountFromArithmetic(decider: Decider, sample: readonly (readonly string[])[]): void {
  const { net, tax, total, amountDue } = decider.index;
  const missing = [net, tax, total].filter((column) => column === -1).length;
  if (missing !== 1) return;
  const field: ColumnField = net === -1 ? 'net' : tax === -1 ? 'tax' : 'total';
  const balanced = (column: number): { checked: number; holds: number } => {
    const at = (named: number): number => (named === -1 ? column : named);
    const columns = { net: at(net), tax: at(tax), total: at(total) };
    let checked = 0;
    let holds = 0;
    for (const record of sample) {
      const [n, t, g] = [columns.net, columns.tax, columns.total].map((at) => parseAmount((record[at] ?? '').trim()));
      if (n === undefined || t === undefined || g === undefined || !n.ok || !t.ok || !g.ok) continue;
      checked++;
      if (n.money.add(t.money).eq(g.money)) holds++;
    }
    return { checked, holds };
  };
  for (const column of decider.unmapped()) {
    if (!decider.convincing(column, (profile) => profile.amounts)) continue;
    const { checked, holds } = balanced(column);
    if (checked >= 2 && holds >= CONVINCING * checked) {
      decider.take(field, column, `net + tax = total holds with it on ${holds} of ${checked} rows`);
      return;
    }
  }
  if (field !== 'total' || amountDue === -1 || decider.given('amountDue')) return;
  if (!WHAT_THE_BILL_ASKS.test(normalizeLabel(decider.header(amountDue)))) return;
  const { checked, holds } = balanced(amountDue);
  if (checked >= MIN_ROWS_AS_TOTAL && holds >= AS_TOTAL * checked) {
    decider.take(
      'total',
      amountDue,
      `no column is named like a total, and net + tax = it on ${holds} of ${checked} rows`,
    );
  }
}

/**
 * Amount-due headers that name what the bill asks to be paid ("Net à payer", "Montant à payer",
 * "Amount to pay", "Zu zahlen"): read as its total where no total column is. Never a balance, a
 * rest or an outstanding amount ("Solde", "Reste à payer", "Outstanding"): they carry earlier
 * debts and payments, and a running "Solde" adds up with net + tax on a first bill (review).
 */
const WHAT_THE_BILL_ASKS =
  /^(?:(?:net|montant|somme|total) a payer|a payer|amount to pay|zu zahlen|zahlbetrag|te betalen)(?: ttc)?$/;
/** Sample rows on which net + tax = the amount due must be checked, and the share that must hold. */
const MIN_ROWS_AS_TOTAL = 5;
const AS_TOTAL = 0.95;

/**
 * A bank statement or ledger: no document numbers, no type column of document kinds (none, or
 * transaction types), a text column and signed amounts (or debit and credit columns).
 */
function isStatement(decider: Decider): boolean {
  const { index } = decider;
  const texts = [index.description, ...decider.unmapped()].some((column) => {
    const profile = decider.profile(column);
    if (profile === undefined || profile.distinct < 2) return false;
    return share(profile, profile.values.filter((value) => /\p{L}{3}/u.test(value)).length) >= CONVINCING;
  });
  if (!texts) return false;
  const idProfile = decider.profile(index.id);
  if (index.id !== -1 && idProfile !== undefined && idProfile.filled >= 0.5 * idProfile.rows) return false;
  if (index.kind !== -1) {
    const kinds = decider.profile(index.kind);
    // A type column that names a bill, a letter or a termination makes the rows documents; a
    // statement's transaction types only name payments and refunds ("Direct Debit", "Card Payment").
    if (kinds === undefined) return false;
    if (kinds.values.some((value) => BILL_KINDS.has(documentKindFrom(value) ?? 'payment'))) return false;
  }
  if (index.debit !== -1 || index.credit !== -1) return true;
  const amounts = decider.profile(index.total !== -1 ? index.total : index.amountDue);
  return amounts !== undefined && amounts.filled >= 2 && share(amounts, amounts.negatives) >= 0.2;
}

function missingKeyRoles(decider: Decider, statement: boolean): void {
  const needed: ColumnField[] = statement ? ['issueDate'] : ['id', 'issueDate'];
  for (const field of needed) {
    if (decider.index[field] !== -1) continue;
    decider.notices.push({
      level: 'warning',
      code: 'column-missing',
      message:
        field === 'id'
          ? 'no column holds the document numbers: each row is read as a document of its own'
          : 'no column holds the document dates: rules that need a date skip these documents',
      map: `--map ${field}=COLUMN`,
    });
  }
}

/** Decides the roles of a file's columns from its header mapping and its first rows. */
export function decideRoles(mapping: ColumnMapping, records: readonly (readonly string[])[]): RoleDecision {
  const sample = records.length > SAMPLE_FOR_ROLES ? records.slice(0, SAMPLE_FOR_ROLES) : records;
  const decider = new Decider(mapping, sample);
  for (const [earlier, later] of mapping.duplicates ?? []) {
    decider.notices.push({
      level: 'warning',
      code: 'duplicate-column',
      message:
        `two columns are named ${quoted(decider.header(later))} (columns ${earlier + 1} and ${later + 1}): ` +
        'the first is read, the second is not',
    });
  }
  if (sample.length > 0) {
    contradictedColumns(decider);
    phonesAreNotDocumentNumbers(decider);
    referencePointedToIsTheId(decider);
    kindWithoutKinds(decider);
    kindFromValues(decider);
    accountFromValues(decider);
    linesWithinAnAccount(decider);
    statusFromValues(decider);
    periodFromValues(decider);
    issueDateFromValues(decider);
    amountFromArithmetic(decider, sample);
  }
  const statement = sample.length > 0 && isStatement(decider);
  if (sample.length > 0 && !statement) idFromValues(decider);
  if (sample.length > 0) missingKeyRoles(decider, statement);
  const charges = (mapping.charges ?? []).filter((column) => decider.fieldAt(column) === undefined);
  if (charges.length > 0) {
    decider.notices.push({
      level: 'info',
      code: 'charge-columns',
      message:
        `${charges.length} charge columns read as the lines of each bill, adding up to its total: ` +
        charges.map((column) => quoted(decider.header(column))).join(', '),
    });
  }
  const index: ColumnIndexes = decider.index;
  const country = statement ? undefined : countryFromEvidence({ ...mapping, index }, sample);
  if (country !== undefined) decider.notices.push(countryNotice(country, index));
  let currency: FileCurrency | undefined = statement ? undefined : currencyFromHeaders({ ...mapping, index }, sample);
  if (currency !== undefined) {
    decider.notices.push({
      level: 'info',
      code: 'currency',
      message: `the amounts name no currency: read as ${currency.code}, as ${currency.evidence ?? ''}`,
    });
  } else if (!statement && country === undefined && currencyUnsaid({ ...mapping, index }, sample)) {
    currency = currencyFromValues(sample) ?? { code: 'EUR', guessed: true };
    decider.notices.push(currencyNotice(currency));
  }
  const roles: ColumnRole[] = mapping.headers.map((column, at) => {
    const field = decider.fieldAt(at);
    return field === undefined ? { column } : { column, field, decidedBy: decider.source[field] ?? 'name' };
  });
  const inferred =
    COLUMN_FIELDS.some((field) => decider.source[field] === 'values' || mapping.matches?.[field] === 'keyword') ||
    decider.notices.length > 0;
  return {
    mapping: { ...mapping, index },
    roles,
    inferred,
    notices: decider.notices,
    statement,
    ...(country === undefined ? {} : { country: country.country }),
    ...(currency === undefined ? {} : { currency }),
  };
}

/** What the reader made of amounts that name no currency: from the values (info), or a guess (warning). */
function currencyNotice(currency: FileCurrency): RoleNotice {
  if (!currency.guessed) {
    return {
      level: 'info',
      code: 'currency',
      message: `the amounts name no currency: read as pounds (${currency.code}), from the values: ${currency.evidence ?? ''}`,
    };
  }
  return {
    level: 'warning',
    code: 'currency',
    message:
      'the amounts name no currency and the headers are English: read as euros (EUR), a guess ' +
      '(pounds and dollars are written the same way); an account whose other documents state a currency ' +
      'is read in that one, and a guess is never reported as a currency-mismatch',
  };
}

/** Says which country's VAT the file is checked against; a warning when only the language said it. */
function countryNotice(country: FileCountry, index: ColumnIndexes): RoleNotice {
  const taxed = index.tax !== -1 || index.taxRate !== -1 || index.lineTax !== -1;
  const subject = taxed ? 'VAT is checked against the rates of' : 'read as bills of';
  if (country.sure) {
    return { level: 'info', code: 'country', message: `${subject} ${country.country}: ${country.evidence}` };
  }
  return {
    level: taxed ? 'warning' : 'info',
    code: 'country',
    message:
      `${subject} ${country.country}, a guess: ${country.evidence}, and other countries write that language too; ` +
      'a Country column or vat-rate-mismatch\'s "rates" option',
    map: '--map country=COLUMN',
  };
}
