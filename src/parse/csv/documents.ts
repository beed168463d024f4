/**
 * Groups read rows into documents. Consecutive rows with the same (id, kind, account) are one
 * document; so is a row that leaves id, type and account empty right after a document with an id
 * (exports often fill the document's cells on its first line only). A document is handed out as
 * soon as the next row starts another one, so memory holds one document at a time.
 *
 * Events leave in the order of the lines where they start: a row reported while a document is
 * still open waits for that document.
 *
 * Amounts of a multi-row document: an amount written identically on every row (or on the first
 * row only) is the document's; an amount that varies is per line, and the document's is the sum.
 */
import type { AmountStyle, BillingDocument, DocumentKind, DocumentLine } from '../../model/document.js';
import type { InvalidInputEvent, ParseEvent } from '../../model/input.js';
import type { Money } from '../../model/money.js';
import type { RowValues } from './rows.js';
import type { FileCurrency } from './country.js';

type AmountField = 'net' | 'tax' | 'total' | 'amountDue';

const DEFAULT_CURRENCY = 'EUR';

/** Kinds whose amounts are stored as magnitudes: the kind already says they reduce what is owed. */
function storesMagnitude(kind: DocumentKind): boolean {
  return kind === 'credit-note' || kind === 'payment';
}

function magnitude(amount: Money | undefined, abs: boolean): Money | undefined {
  return abs && amount !== undefined ? amount.abs() : amount;
}

interface DocumentAmount {
  readonly value: Money | undefined;
  /** True when the amount belongs to the document, not to its lines. */
  readonly documentLevel: boolean;
}

/**
 * How a multi-row document's rows carry one amount field: a value only on the first row, or the
 * same value on every row (a repeated document total), belongs to the document; values that
 * differ are the lines', summed. With `linesVary` (another amount field differs between rows), a
 * field that repeats is summed too: two lines at 10,00 € HT with different VAT.
 */
function documentAmount(rows: readonly RowValues[], field: AmountField, linesVary = false): DocumentAmount {
  const first = amountOf(rows[0] as RowValues, field);
  let identical = first !== undefined;
  let firstOnly = first !== undefined;
  let sum: Money | undefined;
  for (let i = 0; i < rows.length; i++) {
    const value = amountOf(rows[i] as RowValues, field);
    if (value === undefined) {
      identical = false;
      continue;
    }
    if (i > 0) firstOnly = false;
    if (first !== undefined && !value.eq(first)) identical = false;
    sum = sum === undefined ? value : sum.add(value);
  }
  if (firstOnly || (identical && !linesVary)) return { value: first, documentLevel: true };
  return { value: sum, documentLevel: false };
}

/** One amount of a row, each field read by its name: `row[field]` with a variable name is a slow lookup on the hot path. */
function amountOf(row: RowValues, field: AmountField): Money | undefined {
  switch (field) {
    case 'net':
      return row.net;
    case 'tax':
      return row.tax;
    case 'total':
      return row.total;
    case 'amountDue':
      return row.amountDue;
  }
}

/** Every row of a multi-row document states one and the same total, and no other amount varies. */
function repeatsOneTotal(rows: readonly RowValues[]): boolean {
  if (rows.length < 2) return false;
  const first = rows[0] as RowValues;
  if (first.total === undefined) return false;
  for (const field of ['net', 'tax', 'total', 'amountDue'] as const) {
    const value = amountOf(first, field);
    for (const row of rows) {
      const other = amountOf(row, field);
      if (value === undefined ? other !== undefined : other === undefined || !other.eq(value)) return false;
    }
  }
  return true;
}

function summedAmounts(rows: readonly RowValues[]): Record<AmountField, DocumentAmount> {
  return {
    net: documentAmount(rows, 'net', true),
    tax: documentAmount(rows, 'tax', true),
    total: documentAmount(rows, 'total', true),
    amountDue: documentAmount(rows, 'amountDue', true),
  };
}

/** An amount the lines carry, each its own. */
function perLine(amount: DocumentAmount): boolean {
  return !amount.documentLevel && amount.value !== undefined;
}

/** net + tax = total; false when one of them is missing. */
function balances(amounts: Record<AmountField, DocumentAmount>): boolean {
  const { net, tax, total } = amounts;
  if (net.value === undefined || tax.value === undefined || total.value === undefined) return false;
  return net.value.add(tax.value).eq(total.value);
}

type SharedField =
  'operator' | 'issueDate' | 'dueDate' | 'periodStart' | 'periodEnd' | 'effectiveDate' | 'currency' | 'country';

/** Each field's first value among the rows, in one pass (fields read by name, not by a variable key). */
function firstValues(rows: readonly RowValues[]): Pick<RowValues, SharedField> {
  let operator: string | undefined;
  let issueDate: string | undefined;
  let dueDate: string | undefined;
  let periodStart: string | undefined;
  let periodEnd: string | undefined;
  let effectiveDate: string | undefined;
  let currency: string | undefined;
  let country: string | undefined;
  for (const row of rows) {
    operator ??= row.operator;
    issueDate ??= row.issueDate;
    dueDate ??= row.dueDate;
    periodStart ??= row.periodStart;
    periodEnd ??= row.periodEnd;
    effectiveDate ??= row.effectiveDate;
    currency ??= row.currency;
    country ??= row.country;
  }
  return { operator, issueDate, dueDate, periodStart, periodEnd, effectiveDate, currency, country };
}

/** A dunning letter's title, added after the fact: most documents have none, and keep the shape of the others. */
function withDunningTitle(document: BillingDocument, row: RowValues): BillingDocument {
  return row.dunningTitle === undefined ? document : { ...document, dunningTitle: row.dunningTitle };
}

/** Shared by every document that refers to nothing (most of them): one array, not one per document. */
const NO_REFERENCES: readonly string[] = Object.freeze([]);

function allReferences(rows: readonly RowValues[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    for (const id of row.references ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Documents of several rows in a file's sample that list lines, before equal rows are read as lines. */
const LISTING_DOCUMENTS = 3;

/** net + tax = total on the row: a line of its own, not a letter or a document total repeated. */
function balancesOnItsOwn(row: RowValues): boolean {
  return (
    row.net !== undefined && row.tax !== undefined && row.total !== undefined && row.net.add(row.tax).eq(row.total)
  );
}

/** Whether a row continues the document `first` starts, as DocumentAssembler.add groups them. */
function sameDocument(first: RowValues, row: RowValues): boolean {
  return (
    first.id !== undefined &&
    row.id === first.id &&
    row.kind === first.kind &&
    row.account === first.account &&
    (row.issueDate === undefined || first.issueDate === undefined || row.issueDate === first.issueDate)
  );
}

/**
 * Whether a file's documents of several rows list their lines (each row its own amounts, net + tax =
 * total on each), from its sample: then a document whose rows carry equal amounts holds equal
 * lines ("Forfait 9,99" and "Bouquet 9,99"), not one total written on each row. Evidence the other
 * way (a total equal on every row while the nets differ) leaves the reading to repeatsOneTotal and
 * its warning. An independent generator's exports (issue 19) lost 11 to 18 documents' lines in
 * 10 000 this way: 9,99 read where the bill was 19,98.
 */
export function sampleListsLines(rows: readonly RowValues[]): boolean {
  let listing = 0;
  let repeating = 0;
  for (let start = 0; start < rows.length;) {
    const first = rows[start] as RowValues;
    let end = start + 1;
    while (end < rows.length && sameDocument(first, rows[end] as RowValues)) end++;
    const group = rows.slice(start, end);
    start = end;
    if (group.length < 2 || repeatsOneTotal(group)) continue;
    const eachBalances = group.every(balancesOnItsOwn);
    const total = first.total;
    const totalRepeats = total !== undefined && group.every((row) => row.total !== undefined && row.total.eq(total));
    if (eachBalances && !totalRepeats) listing++;
    else if (totalRepeats) repeating++;
  }
  return listing >= LISTING_DOCUMENTS && repeating === 0;
}

export class DocumentAssembler {
  /** Set from the file's sample (sampleListsLines): rows of equal amounts are equal lines, summed. */
  equalRowsAreLines = false;
  /** Whether the file was told once that a document's equal rows were read as equal lines. */
  private equalLinesSaid = false;
  /** The equal-lines notice of the document being built, pushed after it. */
  private pendingNotice: ParseEvent | undefined;
  private rows: RowValues[] = [];
  /** Rows reported while the open document started earlier. */
  private deferred: InvalidInputEvent[] = [];
  private firstLine = 0;
  private account = '';
  /** Whether the file was told once that rows repeating one total were read as one document's total. */
  private repeatedTotalSaid = false;

  constructor(
    private readonly file: string,
    private readonly defaultAccount: string,
    private readonly style: () => AmountStyle | undefined,
    /** The country of documents whose row names none (the file's, from its evidence). */
    private readonly defaultCountry?: string,
    /** The currency of documents whose amounts name none, when not plain euros (issue 13). */
    private readonly defaultCurrency?: FileCurrency,
  ) {}

  /** A document's currency: its row's, else the file's; marked when the file's is a guess. */
  private currencyOf(stated: string | undefined): { currency: string; currencyGuessed?: true } {
    if (stated !== undefined) return { currency: stated };
    const file = this.defaultCurrency;
    if (file === undefined) return { currency: DEFAULT_CURRENCY };
    return file.guessed ? { currency: file.code, currencyGuessed: true } : { currency: file.code };
  }

  /**
   * Adds one readable row; pushes the previous document to `out` when this row starts a new one.
   * A row with the open document's number but another issue date or account is another document:
   * merging it would drop its date and sum its amounts into the first (a notice says so).
   */
  add(row: RowValues, line: number, out: ParseEvent[]): void {
    const account = row.account ?? this.defaultAccount;
    const current = this.rows[0];
    let conflict: string | undefined;
    if (current !== undefined && current.id !== undefined) {
      const sameKey = row.id === current.id && row.kind === current.kind;
      const sameDate =
        row.issueDate === undefined || current.issueDate === undefined || row.issueDate === current.issueDate;
      const sameDocument = sameKey && account === this.account && sameDate;
      const continuation = row.id === undefined && !row.kindGiven && row.account === undefined;
      if (sameDocument || continuation) {
        this.rows.push(row);
        return;
      }
      if (sameKey && !sameDate) conflict = `another date (${row.issueDate}, not ${current.issueDate})`;
      else if (sameKey && row.account !== undefined) conflict = `another account (${row.account}, not ${this.account})`;
    }
    const continued = current?.id;
    this.finish(out);
    if (conflict !== undefined) {
      out.push({
        type: 'notice',
        file: this.file,
        line,
        level: 'warning',
        code: 'row-conflict',
        message: `the row repeats document number ${continued} with ${conflict}: read as another document`,
      });
    }
    this.rows.push(row);
    this.firstLine = line;
    this.account = account;
  }

  /** Reports an unreadable row, after the open document if there is one. */
  addInvalid(event: InvalidInputEvent, out: ParseEvent[]): void {
    if (this.rows.length === 0) out.push(event);
    else this.deferred.push(event);
  }

  /** Pushes the document in progress, if any, and the rows reported meanwhile. */
  finish(out: ParseEvent[]): void {
    if (this.rows.length === 0) return;
    const document = this.build();
    out.push({ type: 'document', document });
    if (this.pendingNotice !== undefined) {
      out.push(this.pendingNotice);
      this.pendingNotice = undefined;
      this.equalLinesSaid = true;
    }
    if (
      !this.repeatedTotalSaid &&
      !(this.equalRowsAreLines && this.rows.every(balancesOnItsOwn)) &&
      this.rows[0]?.charges === undefined &&
      repeatsOneTotal(this.rows)
    ) {
      // Two lines of the same price and a total written on each line look alike: say which was read.
      this.repeatedTotalSaid = true;
      out.push({
        type: 'notice',
        file: this.file,
        line: this.firstLine,
        level: 'warning',
        code: 'repeated-total',
        message:
          `the ${this.rows.length} rows of document ${document.id ?? '(no number)'} carry the same amounts: ` +
          `read as the document's total written on each row, not as ${this.rows.length} lines to add up ` +
          '(the same for any later document like it)',
        map: '--map lineTotal=COLUMN',
      });
    }
    this.rows = [];
    if (this.deferred.length > 0) {
      for (const event of this.deferred) out.push(event);
      this.deferred = [];
    }
  }

  private equalLinesNotice(rows: readonly RowValues[]): ParseEvent {
    return {
      type: 'notice',
      file: this.file,
      line: this.firstLine,
      level: 'info',
      code: 'equal-lines',
      message:
        `the ${rows.length} rows of document ${rows[0]?.id ?? '(no number)'} carry the same amounts, net + tax = total on each: ` +
        `read as ${rows.length} lines to add up, as the file's other documents list their lines ` +
        '(the same for any later document like it)',
    };
  }

  private build(): BillingDocument {
    const rows = this.rows;
    const first = rows[0] as RowValues;
    return rows.length === 1 ? this.buildOne(first) : this.buildMany(rows, first);
  }

  /** The common case, kept free of per-field loops: most documents are one row. */
  private buildOne(row: RowValues): BillingDocument {
    const abs = storesMagnitude(row.kind);
    const document: BillingDocument = {
      kind: row.kind,
      id: row.id,
      account: this.account,
      operator: row.operator,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      effectiveDate: row.effectiveDate,
      ...this.currencyOf(row.currency),
      country: row.country ?? this.defaultCountry,
      net: magnitude(row.net, abs),
      tax: magnitude(row.tax, abs),
      total: magnitude(row.total, abs),
      amountDue: magnitude(row.amountDue, abs),
      lines:
        row.charges !== undefined
          ? chargeLines(row, abs)
          : row.description === undefined && !hasLineAmounts(row)
            ? []
            : [lineOf(row, abs, true, true, true)],
      references: row.references ?? NO_REFERENCES,
      status: row.status,
      source: { file: this.file, line: this.firstLine, format: 'csv' },
      amountStyle: this.style(),
      rows: 1,
    };
    return withDunningTitle(document, row);
  }

  private buildMany(rows: readonly RowValues[], first: RowValues): BillingDocument {
    const abs = storesMagnitude(first.kind);
    // An expense export's rows are each a line (a wireless number) with its own total charges: always summed.
    if (first.charges !== undefined) return this.buildFromAmounts(rows, first, abs, summedAmounts(rows));
    // Where the file's documents list their lines, equal rows that each balance are lines that cost the
    // same; a letter's rows (no net nor tax) are not, nor an amount due that repeats: the bill's own.
    if (this.equalRowsAreLines && repeatsOneTotal(rows) && rows.every(balancesOnItsOwn)) {
      if (!this.equalLinesSaid) this.pendingNotice = this.equalLinesNotice(rows);
      return this.buildFromAmounts(rows, first, abs, {
        ...summedAmounts(rows),
        amountDue: documentAmount(rows, 'amountDue'),
      });
    }
    let amounts: Record<AmountField, DocumentAmount> = {
      net: documentAmount(rows, 'net'),
      tax: documentAmount(rows, 'tax'),
      total: documentAmount(rows, 'total'),
      amountDue: documentAmount(rows, 'amountDue'),
    };
    const linesVary =
      perLine(amounts.net) || perLine(amounts.tax) || perLine(amounts.total) || perLine(amounts.amountDue);
    if (linesVary && !balances(amounts)) {
      const summed: Record<AmountField, DocumentAmount> = {
        net: documentAmount(rows, 'net', true),
        tax: documentAmount(rows, 'tax', true),
        total: documentAmount(rows, 'total', true),
        amountDue: documentAmount(rows, 'amountDue', true),
      };
      // An amount that repeats is a document total or two equal lines: net + tax = total decides.
      if (balances(summed)) amounts = summed;
    }
    return this.buildFromAmounts(rows, first, abs, amounts);
  }

  private buildFromAmounts(
    rows: readonly RowValues[],
    first: RowValues,
    abs: boolean,
    amounts: Record<AmountField, DocumentAmount>,
  ): BillingDocument {
    const shared = firstValues(rows);
    const document: BillingDocument = {
      kind: first.kind,
      id: first.id,
      account: this.account,
      operator: shared.operator,
      issueDate: shared.issueDate,
      dueDate: shared.dueDate,
      periodStart: shared.periodStart,
      periodEnd: shared.periodEnd,
      effectiveDate: shared.effectiveDate,
      ...this.currencyOf(shared.currency),
      country: shared.country ?? this.defaultCountry,
      net: magnitude(amounts.net.value, abs),
      tax: magnitude(amounts.tax.value, abs),
      total: magnitude(amounts.total.value, abs),
      amountDue: magnitude(amounts.amountDue.value, abs),
      lines: this.lines(rows, amounts, abs),
      references: allReferences(rows),
      status: first.status,
      source: { file: this.file, line: this.firstLine, format: 'csv' },
      amountStyle: this.style(),
      rows: rows.length,
    };
    return withDunningTitle(document, first);
  }

  private lines(
    rows: readonly RowValues[],
    amounts: Record<AmountField, DocumentAmount>,
    abs: boolean,
  ): DocumentLine[] {
    const withNet = !amounts.net.documentLevel;
    const withTax = !amounts.tax.documentLevel;
    const withTotal = !amounts.total.documentLevel;
    const lines: DocumentLine[] = [];
    for (const row of rows) {
      if (row.charges !== undefined) {
        for (const line of chargeLines(row, abs)) lines.push(line);
        continue;
      }
      const describes =
        row.description !== undefined ||
        row.quantity !== undefined ||
        row.unitPrice !== undefined ||
        row.taxRate !== undefined ||
        (withNet && row.net !== undefined) ||
        (withTax && row.tax !== undefined) ||
        (withTotal && row.total !== undefined) ||
        hasLineAmounts(row);
      if (describes) lines.push(lineOf(row, abs, withNet, withTax, withTotal));
    }
    return lines;
  }
}

/**
 * An expense export's row as lines: one per charge column, named by the column and the row's own
 * wording (a user, a line), so that the lines add up to the row's total charges.
 */
function chargeLines(row: RowValues, abs: boolean): DocumentLine[] {
  const charges = row.charges ?? [];
  return charges.map((charge) => ({
    description: row.description === undefined ? charge.label : `${row.description}: ${charge.label}`,
    total: magnitude(charge.amount, abs),
  }));
}

function hasLineAmounts(row: RowValues): boolean {
  return row.lineNet !== undefined || row.lineTax !== undefined || row.lineTotal !== undefined;
}

/**
 * A row's line. In a line-item extract (rows with the line's own amounts next to the document's
 * totals) the line takes its own amounts, never the document's totals repeated on its row.
 */
function lineOf(row: RowValues, abs: boolean, withNet: boolean, withTax: boolean, withTotal: boolean): DocumentLine {
  if (hasLineAmounts(row)) {
    return {
      description: row.description,
      net: magnitude(row.lineNet, abs),
      tax: magnitude(row.lineTax, abs),
      total: magnitude(row.lineTotal, abs),
      quantity: row.quantity,
      unitPrice: magnitude(row.unitPrice, abs),
      taxRate: row.taxRate,
    };
  }
  return {
    description: row.description,
    net: withNet ? magnitude(row.net, abs) : undefined,
    tax: withTax ? magnitude(row.tax, abs) : undefined,
    total: withTotal ? magnitude(row.total, abs) : undefined,
    quantity: row.quantity,
    unitPrice: magnitude(row.unitPrice, abs),
    taxRate: row.taxRate,
  };
}
