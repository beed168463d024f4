/**
 * Where the engine keeps every document's account entry until the input ends: numbers in one
 * growing Float64Array, strings in plain arrays, and per account only the entries' indexes. A
 * million-row bill run kept a million entry objects (with their Money objects) alive before; the
 * garbage collector walked them all at every major collection. Entries are rebuilt as objects one
 * account at a time, when the account rules run.
 */
import type { AmountStyle, DocumentKind } from '../model/document.js';
import { DOCUMENT_KINDS } from '../model/document.js';
import { Money } from '../model/money.js';
import type { AccountEntry, AccountTimeline } from './rule.js';

const STRIDE = 11;
const NO_REFERENCES: readonly string[] = Object.freeze([]);

const KIND = 0;
const CURRENCY = 1;
const FILE = 2;
const ISSUE = 3;
const DUE = 4;
const PERIOD_START = 5;
const PERIOD_END = 6;
const EFFECTIVE = 7;
const TOTAL = 8;
const AMOUNT_DUE = 9;
/** blank (bit 0) and the line number (the rest): both are small integers. */
const BLANK_AND_LINE = 10;

const day = (value: number | undefined): number => (value === undefined ? Number.NaN : value);
const undo = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

export class EntryStore {
  private numbers = new Float64Array(STRIDE * 1024);
  private readonly ids: (string | undefined)[] = [];
  private readonly contentKeys: number[] = [];
  /** Sparse: most documents refer to nothing. */
  private readonly references = new Map<number, readonly string[]>();
  /** Amounts not held in cents (sub-cent, huge): entry index × 2 + (0 total, 1 amount due). */
  private readonly exactAmounts = new Map<number, Money>();
  private readonly currencies = new Table<string>();
  private readonly files = new Table<string>();
  private readonly styles: (AmountStyle | undefined)[] = [];
  private readonly byAccount = new Map<string, number[]>();

  get size(): number {
    return this.ids.length;
  }

  /** Distinct accounts seen. */
  get accounts(): number {
    return this.byAccount.size;
  }

  /** Notes an account without keeping any entry (when no account rule runs). */
  noteAccount(account: string): void {
    if (!this.byAccount.has(account)) this.byAccount.set(account, []);
  }

  add(entry: AccountEntry): void {
    const index = this.ids.length;
    const at = index * STRIDE;
    if (at + STRIDE > this.numbers.length) this.grow();
    const numbers = this.numbers;
    const file = this.files.indexOf(entry.file);
    if (this.styles[file] === undefined && entry.amountStyle !== undefined) this.styles[file] = entry.amountStyle;
    numbers[at + KIND] = DOCUMENT_KINDS.indexOf(entry.kind);
    numbers[at + CURRENCY] = this.currencies.indexOf(entry.currency);
    numbers[at + FILE] = file;
    numbers[at + ISSUE] = day(entry.issueDay);
    numbers[at + DUE] = day(entry.dueDay);
    numbers[at + PERIOD_START] = day(entry.periodStartDay);
    numbers[at + PERIOD_END] = day(entry.periodEndDay);
    numbers[at + EFFECTIVE] = day(entry.effectiveDay);
    numbers[at + TOTAL] = this.amount(entry.total, index, 0);
    numbers[at + AMOUNT_DUE] = this.amount(entry.amountDue, index, 1);
    numbers[at + BLANK_AND_LINE] = entry.line * 2 + (entry.blank ? 1 : 0);
    this.ids.push(entry.id);
    this.contentKeys.push(entry.contentKey);
    if (entry.references.length > 0) this.references.set(index, entry.references);
    let indexes = this.byAccount.get(entry.account);
    if (indexes === undefined) {
      indexes = [];
      this.byAccount.set(entry.account, indexes);
    }
    indexes.push(index);
  }

  /** Each account's entries as objects, one account at a time, in first-seen order. */
  *timelines(): Generator<AccountTimeline & { entries: AccountEntry[] }> {
    for (const [account, indexes] of this.byAccount) {
      yield { account, entries: indexes.map((index) => this.entry(index, account)) };
    }
  }

  private entry(index: number, account: string): AccountEntry {
    const numbers = this.numbers;
    const at = index * STRIDE;
    const file = numbers[at + FILE] as number;
    const blankAndLine = numbers[at + BLANK_AND_LINE] as number;
    return {
      kind: DOCUMENT_KINDS[numbers[at + KIND] as number] as DocumentKind,
      id: this.ids[index],
      account,
      currency: this.currencies.at(numbers[at + CURRENCY] as number),
      issueDay: undo(numbers[at + ISSUE] as number),
      dueDay: undo(numbers[at + DUE] as number),
      periodStartDay: undo(numbers[at + PERIOD_START] as number),
      periodEndDay: undo(numbers[at + PERIOD_END] as number),
      effectiveDay: undo(numbers[at + EFFECTIVE] as number),
      total: this.money(numbers[at + TOTAL] as number, index, 0),
      amountDue: this.money(numbers[at + AMOUNT_DUE] as number, index, 1),
      blank: blankAndLine % 2 === 1,
      contentKey: this.contentKeys[index] as number,
      references: this.references.get(index) ?? NO_REFERENCES,
      file: this.files.at(file),
      line: Math.floor(blankAndLine / 2),
      amountStyle: this.styles[file],
    };
  }

  /** NaN: absent; Infinity: held in `exactAmounts`; else cents. */
  private amount(value: Money | undefined, index: number, which: number): number {
    if (value === undefined) return Number.NaN;
    if (value.isCents) return value.cents;
    this.exactAmounts.set(index * 2 + which, value);
    return Number.POSITIVE_INFINITY;
  }

  private money(value: number, index: number, which: number): Money | undefined {
    if (Number.isNaN(value)) return undefined;
    if (value === Number.POSITIVE_INFINITY) return this.exactAmounts.get(index * 2 + which);
    return Money.fromCents(value);
  }

  private grow(): void {
    const bigger = new Float64Array(this.numbers.length * 2);
    bigger.set(this.numbers);
    this.numbers = bigger;
  }
}

/** Values that repeat (currencies, file names), stored once and referred to by index. */
class Table<T> {
  private readonly values: T[] = [];
  private readonly indexes = new Map<T, number>();
  private last: T | undefined;
  private lastIndex = -1;

  indexOf(value: T): number {
    // Consecutive documents nearly always share their file and currency.
    if (value === this.last) return this.lastIndex;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    this.last = value;
    this.lastIndex = index;
    return index;
  }

  at(index: number): T {
    return this.values[index] as T;
  }
}
