/**
 * Reads one CSV row's cells into typed values, with what the file has taught about its
 * notation: each amount column's decimal separator, the date order, the way amounts are written.
 *
 * The lessons come from a sample of rows read before any row is interpreted (`learn`, then
 * `settle`). A column whose values never prove their decimal separator keeps learning from later
 * rows; until it knows, an ambiguous value such as "1.234" makes its row unreadable rather than
 * being guessed.
 */
import type { AmountStyle, DateStyle, DocumentKind, DocumentStatus, DunningTitle } from '../../model/document.js';
import type { Money } from '../../model/money.js';
import { type AmountNotation, decimalSeparatorEvidence, parseAmount, parsePlainAmount } from '../values/amounts.js';
import { type ColumnIndexes, type ColumnMapping, isBareReference } from './columns.js';
import { countryCodeOf } from '../values/country-names.js';
import type { FileCurrency } from './country.js';
import { type BalanceRow, isRunningBalance } from './balance.js';
import { parsePeriod } from './period.js';
import { type DateOrder, type DateParse, dateOrderEvidence, parseDate } from '../values/dates.js';
import { documentKindFrom, dunningTitleFrom } from '../values/kinds.js';
import { statusFrom } from '../values/statuses.js';
import { classifyStatementRow, isBankDetailHeader } from './statement.js';

/** The longest raw value an invalid-input event carries. */
const MAX_REPORTED_VALUE = 80;
/** Distinct type-column labels remembered; a file has a handful, a hostile one could have millions. */
const MAX_CACHED_KINDS = 256;
/** Distinct country cells remembered: an export names a few countries, a hostile file millions of strings. */
const MAX_CACHED_COUNTRIES = 256;
/** Distinct date texts remembered: a bill run has a few dates, ten years of history a few thousand. */
const MAX_CACHED_DATES = 8192;

/** One row's values; undefined where the cell is empty or the column absent. */
export interface RowValues {
  id: string | undefined;
  kind: DocumentKind;
  /** False when the kind is the default (no type column, or an empty cell). */
  kindGiven: boolean;
  account: string | undefined;
  operator: string | undefined;
  issueDate: string | undefined;
  dueDate: string | undefined;
  periodStart: string | undefined;
  periodEnd: string | undefined;
  effectiveDate: string | undefined;
  /** From the currency column, else from a currency written with an amount. */
  currency: string | undefined;
  /** ISO 3166-1 alpha-2, from a country column; undefined when absent or not a country. */
  country: string | undefined;
  net: Money | undefined;
  tax: Money | undefined;
  total: Money | undefined;
  amountDue: Money | undefined;
  description: string | undefined;
  quantity: string | undefined;
  unitPrice: Money | undefined;
  taxRate: string | undefined;
  references: string[] | undefined;
  /** A line-item extract's own amounts of the row's line, next to the document's totals. */
  lineNet: Money | undefined;
  lineTax: Money | undefined;
  lineTotal: Money | undefined;
  /** What a status column says of the bill. */
  status: DocumentStatus | undefined;
  /** A bank-statement row that is not about bills: what it is ("card payments"); the row is counted, not read. */
  notBill: string | undefined;
  /**
   * An expense export's charge columns on this row, each one line ("Roaming Charges" 89.00). Absent,
   * not undefined, on other rows: the row object keeps the shape the hot path was tuned for.
   */
  charges?: ChargeLine[];
  /** A dunning row's title, from its type cell, else its description; absent on other rows, as `charges`. */
  dunningTitle?: DunningTitle;
}

/** One charge column's amount on one row, named by its header. */
export interface ChargeLine {
  readonly label: string;
  readonly amount: Money;
}

/**
 * What a reader learned from the first rows of a file: how it writes numbers and dates, which
 * column holds the documents' numbers, whether "amount due" is a running balance. A part of a
 * file read on another thread adopts these rather than learning from its own first rows, so that
 * it reads its rows exactly as one reader of the whole file would.
 */
export interface ReaderConventions {
  readonly idColumn: number;
  readonly referenceColumn: number;
  readonly amountDueColumn: number;
  readonly separators: [number, ',' | '.'][];
  readonly stillLearning: number[];
  readonly fileSeparator: ',' | '.' | undefined;
  readonly dateOrder: DateOrder;
  readonly dateSeparator: '/' | '.' | '-' | 'iso' | undefined;
  readonly style: AmountStyle | undefined;
  /** The column roles the first part decided from its sample (names and values), and whether it is a statement. */
  readonly columns?: ColumnIndexes;
  readonly statement?: boolean;
  /** Rows that lack only the last cell are read (the last column is mostly empty). */
  readonly shortRows?: boolean;
  /** The file's country, from its headers, rates and currency, when no column gives it per row. */
  readonly country?: string;
  /** The currency of rows whose amounts name none, when not plain euros (issue 13: from the values, or a guess). */
  readonly currency?: FileCurrency;
  /** The sample's documents of several rows list their lines: equal rows are equal lines (documents.ts). */
  readonly equalRowsAreLines?: boolean;
}

export interface RowProblem {
  readonly problem: true;
  readonly reason: string;
  readonly column?: string;
  readonly value?: string;
}

export function truncateValue(raw: string): string {
  return raw.length > MAX_REPORTED_VALUE ? `${raw.slice(0, MAX_REPORTED_VALUE - 1)}…` : raw;
}

/** Evidence about one column's decimal separator. */
class SeparatorEvidence {
  commas = 0;
  dots = 0;

  add(separator: ',' | '.' | undefined): void {
    if (separator === ',') this.commas++;
    else if (separator === '.') this.dots++;
  }

  /** The separator the evidence proves; undefined when there is none or it contradicts itself. */
  get known(): ',' | '.' | undefined {
    if (this.commas > 0 && this.dots === 0) return ',';
    if (this.dots > 0 && this.commas === 0) return '.';
    return undefined;
  }

  get seen(): boolean {
    return this.commas > 0 || this.dots > 0;
  }
}

const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([
  ['€', 'EUR'],
  ['EURO', 'EUR'],
  ['EUROS', 'EUR'],
  ['$', 'USD'],
  ['US$', 'USD'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['ZŁ', 'PLN'],
  ['FR.', 'CHF'],
]);
const ISO_CURRENCY = /^[A-Z]{3}$/;
const REFERENCE_SEPARATORS = /[,;|]/;
const PERCENT = /\s*%\s*$/;

function cellText(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.length === 0) return undefined;
  const trimmed = raw.trim();
  return trimmed.length === 0 ? undefined : trimmed;
}

export class RowReader {
  /** Column index per field, -1 when absent; copied out of the mapping for the per-row path. */
  private idColumn: number;
  private readonly kindColumn: number;
  private readonly accountColumn: number;
  private readonly operatorColumn: number;
  private readonly issueDateColumn: number;
  private readonly dueDateColumn: number;
  private readonly periodStartColumn: number;
  private readonly periodEndColumn: number;
  private readonly periodColumn: number;
  private readonly effectiveDateColumn: number;
  private readonly currencyColumn: number;
  private readonly countryColumn: number;
  private readonly netColumn: number;
  private readonly taxColumn: number;
  private readonly totalColumn: number;
  private amountDueColumn: number;
  private readonly descriptionColumn: number;
  private readonly quantityColumn: number;
  private readonly unitPriceColumn: number;
  private readonly taxRateColumn: number;
  private referenceColumn: number;
  private readonly statusColumn: number;
  private readonly lineNetColumn: number;
  private readonly lineTaxColumn: number;
  private readonly lineTotalColumn: number;
  private readonly debitColumn: number;
  private readonly creditColumn: number;
  /** An expense export's charge columns that no field holds. */
  private readonly chargeColumns: readonly number[];

  /** Columns read as numbers, and the evidence about each one's decimal separator. */
  private readonly numericColumns: readonly number[];
  private readonly evidence: Map<number, SeparatorEvidence> = new Map();
  /** Decided separator per numeric column (sparse array indexed by column). */
  private readonly separators: (',' | '.' | undefined)[] = [];
  /** Numeric columns still without a decided separator, learning from every row. */
  private stillLearning: number[] = [];
  /** The separator the whole file agrees on, for columns whose own values never tell. */
  private fileSeparator: ',' | '.' | undefined;

  private readonly dateColumns: readonly number[];
  private dmyEvidence = 0;
  private mdyEvidence = 0;
  private dateOrder: DateOrder | undefined;
  /** How the sample wrote its first numeric date, for reports to write dates back the same way. */
  private dateSeparator: '/' | '.' | '-' | 'iso' | undefined;
  /** Date texts already read (the order is fixed once the sample is read, so a text always reads the same). */
  private readonly dateCache: Map<string, DateParse> = new Map();
  /** The first cell of the row being read that cannot be read (see read). */
  private rowProblem: RowProblem | undefined;
  /**
   * Each date field's last cell and its reading: consecutive rows of a bill run nearly always
   * share their dates, and comparing with the last cell costs far less than a Map lookup.
   */
  private readonly lastDateCells: (string | undefined)[] = [];
  private readonly lastDates: (DateParse | undefined)[] = [];

  private readonly kindCache: Map<string, DocumentKind | undefined> = new Map();
  /** The currency a statement's amount headers name ("Lastschrift in CHF", "Amount (EUR)"), when they name one. */
  private get headerCurrency(): string | undefined {
    if (this.amountHeaderCurrency === undefined) {
      const columns = [this.totalColumn, this.debitColumn, this.creditColumn].filter((column) => column !== -1);
      const named = columns
        .map((column) => /\b(CHF|EUR|GBP|USD|PLN)\b/.exec((this.mapping.headers[column] ?? '').toUpperCase())?.[1])
        .find((code) => code !== undefined);
      this.amountHeaderCurrency = named ?? '';
    }
    return this.amountHeaderCurrency === '' ? undefined : this.amountHeaderCurrency;
  }

  private amountHeaderCurrency: string | undefined;
  /** A statement's columns that describe the operation (not the bank's account, mandate or balance). */
  private wordingColumns: number[] | undefined;
  private readonly countryCache: Map<string, string | undefined> = new Map();
  private readonly notations: AmountNotation[] = [];
  private style: AmountStyle | undefined;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly givenDateOrder: DateOrder | undefined,
    /** The rows are a bank statement: kinds from wording and sign (see statement.ts). */
    private readonly statement = false,
  ) {
    const index = mapping.index;
    this.statusColumn = index.status;
    this.lineNetColumn = index.lineNet;
    this.lineTaxColumn = index.lineTax;
    this.lineTotalColumn = index.lineTotal;
    this.debitColumn = index.debit;
    this.creditColumn = index.credit;
    const held = new Set(Object.values(index));
    this.chargeColumns = (mapping.charges ?? []).filter((column) => !held.has(column));
    this.idColumn = index.id;
    this.kindColumn = index.kind;
    this.accountColumn = index.account;
    this.operatorColumn = index.operator;
    this.issueDateColumn = index.issueDate;
    this.dueDateColumn = index.dueDate;
    this.periodStartColumn = index.periodStart;
    this.periodEndColumn = index.periodEnd;
    this.periodColumn = index.period;
    this.effectiveDateColumn = index.effectiveDate;
    this.currencyColumn = index.currency;
    this.countryColumn = index.country;
    this.netColumn = index.net;
    this.taxColumn = index.tax;
    this.totalColumn = index.total;
    this.amountDueColumn = index.amountDue;
    this.descriptionColumn = index.description;
    this.quantityColumn = index.quantity;
    this.unitPriceColumn = index.unitPrice;
    this.taxRateColumn = index.taxRate;
    this.referenceColumn = index.reference;
    this.numericColumns = [
      index.net,
      index.tax,
      index.total,
      index.amountDue,
      index.unitPrice,
      index.quantity,
      index.taxRate,
      index.debit,
      index.credit,
      index.lineNet,
      index.lineTax,
      index.lineTotal,
      ...this.chargeColumns,
    ].filter((column) => column !== -1);
    for (const column of this.numericColumns) this.evidence.set(column, new SeparatorEvidence());
    this.dateColumns = [index.issueDate, index.dueDate, index.periodStart, index.periodEnd, index.effectiveDate].filter(
      (column) => column !== -1,
    );
  }

  /** Takes the notation lessons of one sample row. */
  learn(record: readonly string[]): void {
    for (const column of this.numericColumns) {
      const cell = cellText(record[column]);
      if (cell === undefined) continue;
      this.evidence.get(column)?.add(decimalSeparatorEvidence(cell));
      if (column !== this.quantityColumn && column !== this.taxRateColumn && this.notations.length < 64) {
        const parsed = parseAmount(cell);
        if (
          parsed.ok &&
          (parsed.notation.decimalSeparator !== undefined ||
            parsed.notation.groupSeparator ||
            parsed.notation.currencySymbol)
        ) {
          this.notations.push(parsed.notation);
        }
      }
    }
    for (const column of this.dateColumns) {
      const cell = cellText(record[column]);
      if (cell === undefined) continue;
      this.dateSeparator ??= numericDateSeparator(cell);
      if (this.givenDateOrder !== undefined) continue;
      const order = dateOrderEvidence(cell);
      if (order === 'dmy') this.dmyEvidence++;
      else if (order === 'mdy') this.mdyEvidence++;
    }
  }

  /** Ends the sample: decides separators, the date order and the amount style. */
  settle(): void {
    let commas = 0;
    let dots = 0;
    for (const column of this.numericColumns) {
      const evidence = this.evidence.get(column);
      if (evidence === undefined) continue;
      commas += evidence.commas;
      dots += evidence.dots;
      this.separators[column] = evidence.known;
      if (!evidence.seen) this.stillLearning.push(column);
    }
    this.fileSeparator = commas > 0 && dots === 0 ? ',' : dots > 0 && commas === 0 ? '.' : undefined;
    // Contradicting evidence leaves the majority order; dates that do not fit it are reported.
    this.dateOrder = this.givenDateOrder ?? (this.mdyEvidence > this.dmyEvidence ? 'mdy' : 'dmy');
    this.style = this.computeStyle();
  }

  /** What the sample taught (after settle, adoptReferenceAsId and dropRunningBalance). */
  conventions(): ReaderConventions {
    const separators: [number, ',' | '.'][] = [];
    this.separators.forEach((separator, column) => {
      if (separator !== undefined) separators.push([column, separator]);
    });
    return {
      idColumn: this.idColumn,
      referenceColumn: this.referenceColumn,
      amountDueColumn: this.amountDueColumn,
      separators,
      stillLearning: [...this.stillLearning],
      fileSeparator: this.fileSeparator,
      dateOrder: this.dateOrder ?? 'dmy',
      dateSeparator: this.dateSeparator,
      style: this.style,
    };
  }

  /** Instead of a sample: what another reader of the same file learned (same header). */
  adopt(conventions: ReaderConventions): void {
    this.idColumn = conventions.idColumn;
    this.referenceColumn = conventions.referenceColumn;
    this.amountDueColumn = conventions.amountDueColumn;
    for (const [column, separator] of conventions.separators) this.separators[column] = separator;
    this.stillLearning = [...conventions.stillLearning];
    this.fileSeparator = conventions.fileSeparator;
    this.dateOrder = conventions.dateOrder;
    this.dateSeparator = conventions.dateSeparator;
    this.style = conventions.style;
  }

  /**
   * Before reading the sample: with no number column, a bare "Référence" column filled on every
   * row, invoices included, holds the documents' own numbers, not the invoices they point to.
   */
  adoptReferenceAsId(sample: readonly (readonly string[])[]): void {
    const column = this.referenceColumn;
    if (this.idColumn !== -1 || column === -1 || sample.length === 0) return;
    if (!isBareReference(this.mapping.headers[column] ?? '')) return;
    if (!sample.every((record) => cellText(record[column]) !== undefined)) return;
    this.idColumn = column;
    this.referenceColumn = -1;
  }

  /** After `settle`: stops reading the amount due from a column that holds a running balance. */
  dropRunningBalance(sample: readonly (readonly string[])[]): void {
    if (this.amountDueColumn === -1) return;
    const rows: BalanceRow[] = [];
    for (const record of sample) {
      const values = this.read(record);
      if ('problem' in values) continue;
      rows.push({ account: values.account, total: values.total, balance: values.amountDue });
    }
    if (isRunningBalance(rows)) this.amountDueColumn = -1;
  }

  /** After the sample: columns that have not yet seen a telling value keep looking. */
  learnLate(record: readonly string[]): void {
    if (this.stillLearning.length === 0) return;
    let settled = false;
    for (const column of this.stillLearning) {
      const cell = cellText(record[column]);
      if (cell === undefined) continue;
      const separator = decimalSeparatorEvidence(cell);
      if (separator !== undefined) {
        this.separators[column] = separator;
        settled = true;
      }
    }
    if (settled) this.stillLearning = this.stillLearning.filter((column) => this.separators[column] === undefined);
  }

  /** How the file writes amounts, from the sample; undefined when no amount showed anything. */
  private computeStyle(): AmountStyle | undefined {
    const decimal =
      this.fileSeparator ?? this.notations.find((notation) => notation.decimalSeparator)?.decimalSeparator;
    const grouped = this.notations.find((notation) => notation.groupSeparator);
    const symbol = this.notations.find((notation) => notation.currencySymbol !== undefined);
    if (decimal === undefined && grouped === undefined && symbol === undefined) return undefined;
    const group = grouped?.groupSeparator ?? '';
    const dates = this.dateStyle();
    return {
      ...(dates === undefined ? {} : { dates }),
      // Without decimals in the sample, the grouping says which locale wrote it.
      decimalSeparator: decimal ?? (group === '.' || group === ' ' ? ',' : '.'),
      groupSeparator: group,
      ...(symbol?.currencySymbol === undefined ? {} : { currencySymbol: symbol.currencySymbol }),
      symbolBefore: symbol?.symbolBefore ?? false,
    };
  }

  private dateStyle(): DateStyle | undefined {
    if (this.dateSeparator === undefined) return undefined;
    if (this.dateSeparator === 'iso') return { order: 'ymd', separator: '-' };
    return { order: this.dateOrder ?? 'dmy', separator: this.dateSeparator };
  }

  /** The column of each field this reader reads. */
  get columns(): ColumnIndexes {
    return this.mapping.index;
  }

  /** The amount style of the file, shared by all its documents; set by `settle`. */
  get documentStyle(): AmountStyle | undefined {
    return this.style;
  }

  /** Reads one data row; a RowProblem names the first cell that cannot be read. */
  /** The document number a row names, when its column is known and filled: for a row that cannot be read. */
  documentIdOf(record: readonly string[]): string | undefined {
    if (this.idColumn === -1) return undefined;
    const id = cellText(record[this.idColumn]);
    return id === undefined || id === '' ? undefined : id;
  }

  read(record: readonly string[]): RowValues | RowProblem {
    const kindCell = this.kindColumn === -1 ? undefined : cellText(record[this.kindColumn]);
    let kind: DocumentKind = 'invoice';
    if (this.statement) return this.readStatementRow(record, kindCell);
    if (kindCell !== undefined) {
      const found = this.kindOf(kindCell);
      if (found === undefined) return this.problem('unknown document type', this.kindColumn, kindCell);
      kind = found;
    }

    let currency = this.currencyColumn === -1 ? undefined : cellText(record[this.currencyColumn]);
    if (currency !== undefined) {
      const code = currencyCode(currency);
      if (code === undefined) return this.problem('unknown currency', this.currencyColumn, currency);
      currency = code;
    }

    const values: RowValues = {
      id: this.idColumn === -1 ? undefined : cellText(record[this.idColumn]),
      kind,
      kindGiven: kindCell !== undefined,
      account: this.accountColumn === -1 ? undefined : cellText(record[this.accountColumn]),
      operator: this.operatorColumn === -1 ? undefined : cellText(record[this.operatorColumn]),
      issueDate: undefined,
      dueDate: undefined,
      periodStart: undefined,
      periodEnd: undefined,
      effectiveDate: undefined,
      currency,
      country: this.countryColumn === -1 ? undefined : this.countryOf(record[this.countryColumn]),
      net: undefined,
      tax: undefined,
      total: undefined,
      amountDue: undefined,
      description: this.descriptionColumn === -1 ? undefined : cellText(record[this.descriptionColumn]),
      quantity: undefined,
      unitPrice: undefined,
      taxRate: undefined,
      references: this.referenceColumn === -1 ? undefined : references(record[this.referenceColumn]),
      lineNet: undefined,
      lineTax: undefined,
      lineTotal: undefined,
      status: this.statusColumn === -1 ? undefined : this.statusOf(record[this.statusColumn]),
      notBill: undefined,
    };

    // Each field assigned by name (a store through a variable key is slow on this path); the
    // first cell that cannot be read is kept in rowProblem and reported, dates before amounts.
    this.rowProblem = undefined;
    values.issueDate = this.dateAt(record, this.issueDateColumn);
    values.dueDate = this.dateAt(record, this.dueDateColumn);
    values.periodStart = this.dateAt(record, this.periodStartColumn);
    values.periodEnd = this.dateAt(record, this.periodEndColumn);
    values.effectiveDate = this.dateAt(record, this.effectiveDateColumn);
    if (this.rowProblem === undefined) this.readPeriod(record, values);
    if (this.rowProblem !== undefined) return this.rowProblem;

    values.net = this.moneyAt(record, this.netColumn, values);
    values.tax = this.moneyAt(record, this.taxColumn, values);
    values.total = this.moneyAt(record, this.totalColumn, values);
    values.amountDue = this.moneyAt(record, this.amountDueColumn, values);
    values.unitPrice = this.moneyAt(record, this.unitPriceColumn, values);
    values.quantity = this.numberAt(record, this.quantityColumn, false);
    values.taxRate = this.numberAt(record, this.taxRateColumn, true);
    if (values.total === undefined && (this.debitColumn !== -1 || this.creditColumn !== -1))
      values.total = this.debitOrCredit(record, values);
    if (this.lineNetColumn !== -1 || this.lineTaxColumn !== -1 || this.lineTotalColumn !== -1) {
      values.lineNet = this.moneyAt(record, this.lineNetColumn, values);
      values.lineTax = this.moneyAt(record, this.lineTaxColumn, values);
      values.lineTotal = this.moneyAt(record, this.lineTotalColumn, values);
    }
    if (this.chargeColumns.length > 0) values.charges = this.chargesAt(record, values);
    if (kind === 'dunning') {
      // The type column is the operator's own name for the letter ("Mise en demeure"); a bare
      // "Dunning" leaves it to the letter's description ("Mise en demeure de payer").
      const title =
        dunningTitleFrom(kindCell ?? '') ??
        (values.description === undefined ? undefined : dunningTitleFrom(values.description));
      if (title !== undefined) values.dunningTitle = title;
    }
    return this.rowProblem ?? values;
  }

  /** The row's nonzero charges, one per charge column, in the header's order. */
  private chargesAt(record: readonly string[], values: RowValues): ChargeLine[] {
    const charges: ChargeLine[] = [];
    for (const column of this.chargeColumns) {
      const amount = this.moneyAt(record, column, values);
      if (amount !== undefined && !amount.isZero()) charges.push({ label: this.mapping.headers[column] ?? '', amount });
    }
    return charges;
  }

  /** A ledger's or statement's amount from its debit and credit columns: a debit is negative on a statement. */
  private debitOrCredit(record: readonly string[], values: RowValues): Money | undefined {
    const debit = this.moneyAt(record, this.debitColumn, values);
    if (debit !== undefined && !debit.isZero()) return this.statement ? debit.abs().neg() : debit.abs();
    return this.moneyAt(record, this.creditColumn, values)?.abs();
  }

  /**
   * A bank-statement row: the amount and date as in any row, the kind from the label's wording
   * and the sign; the account is the one the label names (the statement's own account column
   * is the bank account, not a bill's), else the file's default.
   */
  private readStatementRow(record: readonly string[], typeCell: string | undefined): RowValues | RowProblem {
    const values: RowValues = {
      id: undefined,
      kind: 'payment',
      kindGiven: true,
      account: undefined,
      operator: undefined,
      issueDate: undefined,
      dueDate: undefined,
      periodStart: undefined,
      periodEnd: undefined,
      effectiveDate: undefined,
      currency:
        this.currencyColumn === -1
          ? this.headerCurrency
          : (currencyCode(cellText(record[this.currencyColumn]) ?? '') ?? this.headerCurrency),
      country: undefined,
      net: undefined,
      tax: undefined,
      total: undefined,
      amountDue: undefined,
      description: this.descriptionColumn === -1 ? undefined : cellText(record[this.descriptionColumn]),
      quantity: undefined,
      unitPrice: undefined,
      taxRate: undefined,
      references: undefined,
      lineNet: undefined,
      lineTax: undefined,
      lineTotal: undefined,
      status: undefined,
      notBill: undefined,
    };
    this.rowProblem = undefined;
    values.issueDate = this.dateAt(record, this.issueDateColumn);
    // Never the "amount due" column: on a statement it is the running balance.
    values.total = this.moneyAt(record, this.totalColumn, values);
    if (values.total === undefined) values.total = this.debitOrCredit(record, values);
    if (this.rowProblem !== undefined) return this.rowProblem;
    // The label, the payee, the reference and the type all tell what the operation is: every cell but
    // the bank's own (its account number, IBANs, the mandate and creditor ids, the balance).
    const row = classifyStatementRow(this.statementText(record), typeCell, values.total);
    if (!row.bill) {
      values.notBill = row.category;
      return values;
    }
    values.kind = row.kind;
    values.operator = row.operator;
    values.account = row.account;
    if (row.reference !== undefined) values.references = [row.reference];
    return values;
  }

  /** The cells of a statement row that describe the operation, joined. */
  private statementText(record: readonly string[]): string {
    this.wordingColumns ??= this.mapping.headers.flatMap((header, column) =>
      isBankDetailHeader(header) ? [] : [column],
    );
    let text = '';
    for (const column of this.wordingColumns) {
      const cell = record[column];
      // " ; " between cells: two dates side by side ("02.05.24 02.05.24") never read as one phone number.
      if (cell !== undefined && cell !== '') text = text === '' ? cell : `${text} ; ${cell}`;
    }
    return text;
  }

  private statusOf(raw: string | undefined): DocumentStatus | undefined {
    const cell = cellText(raw);
    return cell === undefined ? undefined : statusFrom(cell);
  }

  private problem(reason: string, column: number, raw: string): RowProblem {
    return {
      problem: true,
      reason,
      column: this.mapping.headers[column] ?? `column ${column + 1}`,
      value: truncateValue(raw),
    };
  }

  private kindOf(label: string): DocumentKind | undefined {
    if (this.kindCache.has(label)) return this.kindCache.get(label);
    const kind = documentKindFrom(label);
    if (this.kindCache.size < MAX_CACHED_KINDS) this.kindCache.set(label, kind);
    return kind;
  }

  /** A country the cell does not name is left out, not reported: the column only refines the VAT check. */
  private countryOf(raw: string | undefined): string | undefined {
    const cell = cellText(raw);
    if (cell === undefined) return undefined;
    if (this.countryCache.has(cell)) return this.countryCache.get(cell);
    const code = countryCodeOf(cell);
    if (this.countryCache.size < MAX_CACHED_COUNTRIES) this.countryCache.set(cell, code);
    return code;
  }

  /** The ISO date in a cell; undefined when the cell is empty, or unreadable (then rowProblem says why). */
  private dateAt(record: readonly string[], column: number): string | undefined {
    if (column === -1) return undefined;
    const cell = cellText(record[column]);
    if (cell === undefined) return undefined;
    // Indexed by column, not by field name: a keyed property load by a variable name is slow.
    let parsed = cell === this.lastDateCells[column] ? this.lastDates[column] : this.dateCache.get(cell);
    if (parsed === undefined) {
      parsed = parseDate(cell, this.dateOrder);
      if (this.dateCache.size < MAX_CACHED_DATES) this.dateCache.set(cell, parsed);
    }
    this.lastDateCells[column] = cell;
    this.lastDates[column] = parsed;
    if (!parsed.ok) {
      this.rowProblem ??= this.problem(`the date cannot be read (${parsed.reason})`, column, cell);
      return undefined;
    }
    return parsed.iso;
  }

  private readPeriod(record: readonly string[], values: RowValues): void {
    if (this.periodColumn === -1) return;
    const cell = cellText(record[this.periodColumn]);
    if (cell === undefined) return;
    const parsed = parsePeriod(cell, this.dateOrder);
    if (!parsed.ok) {
      this.rowProblem ??= this.problem(parsed.reason, this.periodColumn, cell);
      return;
    }
    values.periodStart ??= parsed.start;
    values.periodEnd ??= parsed.end;
  }

  private parseNumber(column: number, cell: string): ReturnType<typeof parseAmount> {
    return parseAmount(cell, this.separators[column] ?? this.fileSeparator);
  }

  /** The amount in a cell (its currency sign, if any, sets the row's currency when no column does); undefined when empty or unreadable (see rowProblem). */
  private moneyAt(record: readonly string[], column: number, values: RowValues): Money | undefined {
    if (column === -1) return undefined;
    const cell = cellText(record[column]);
    if (cell === undefined) return undefined;
    const plain = parsePlainAmount(cell);
    if (plain !== undefined) return plain;
    const parsed = this.parseNumber(column, cell);
    if (!parsed.ok) {
      this.rowProblem ??= this.numberProblem(parsed, column, cell);
      return undefined;
    }
    if (values.currency === undefined && parsed.currency !== undefined) values.currency = parsed.currency;
    return parsed.money;
  }

  /** Quantities and tax rates: numbers, not money; kept as plain decimal text ("1.5", "20"). */
  private numberAt(record: readonly string[], column: number, percent: boolean): string | undefined {
    if (column === -1) return undefined;
    const cell = cellText(record[column]);
    if (cell === undefined) return undefined;
    const parsed = this.parseNumber(column, percent ? cell.replace(PERCENT, '') : cell);
    if (!parsed.ok || parsed.currency !== undefined) {
      this.rowProblem ??= parsed.ok
        ? this.problem('a currency in a number column', column, cell)
        : this.numberProblem(parsed, column, cell);
      return undefined;
    }
    return parsed.money.toFixed(0);
  }

  private numberProblem(parsed: { reason: string; ambiguous?: true }, column: number, cell: string): RowProblem {
    const reason = parsed.ambiguous
      ? 'ambiguous amount: no other value in this column shows whether "." or "," separates the decimals'
      : `the amount cannot be read (${parsed.reason})`;
    return this.problem(reason, column, cell);
  }
}

function currencyCode(cell: string): string | undefined {
  const upper = cell.toUpperCase();
  if (ISO_CURRENCY.test(upper)) return upper;
  return CURRENCY_SIGNS.get(upper);
}

/** A reference cell may list several documents: "F-2024-001, F-2024-002". */
function references(raw: string | undefined): string[] | undefined {
  const cell = cellText(raw);
  if (cell === undefined) return undefined;
  if (!REFERENCE_SEPARATORS.test(cell)) return [cell];
  const ids: string[] = [];
  for (const part of cell.split(REFERENCE_SEPARATORS)) {
    const id = part.trim();
    if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  return ids.length === 0 ? undefined : ids;
}

/** The separator of a numeric date ("15/01/2024" → "/"), "iso" for 2024-01-15, else undefined. */
function numericDateSeparator(cell: string): '/' | '.' | '-' | 'iso' | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(cell)) return 'iso';
  const match = /^\d{1,2}([./-])\d{1,2}\1\d{2,4}$/.exec(cell);
  return match === null ? undefined : (match[1] as '/' | '.' | '-');
}
