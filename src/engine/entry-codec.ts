/**
 * Account entries travel between threads in columns: one Float64Array of numbers and a few
 * arrays of strings, instead of a million small objects that structured cloning would copy one
 * property at a time. Currencies, files and countries repeat, so each is sent once and then referred to by
 * index; accounts are named once per batch and numbered within it. A stream of batches runs from
 * one EntryEncoder to one EntryDecoder.
 */
import type { AmountStyle } from '../model/document.js';
import { Money } from '../model/money.js';
import type { ContentLog } from './content-log.js';
import { AccountTable } from './account-table.js';
import type { EntryStore } from './entry-store.js';
import { emptyFlatEntry, kindIndex } from './entry-store.js';
import type { AccountEntry } from './timeline.js';
import { ValueTable } from './value-table.js';

const STRIDE = 15;
const FIRST_CAPACITY = 1024;
const NO_REFERENCES: readonly string[] = Object.freeze([]);

export interface EncodedEntries {
  readonly numbers: Float64Array;
  readonly ids: (string | null)[];
  /** [entry index, references] for the entries that have references. */
  readonly references: [number, string[]][];
  /** [entry index, which amount (0 total, 1 amount due), exact decimal text] for amounts not held in cents. */
  readonly exactAmounts: [number, number, string][];
  /** [entry index, exact decimal text] of a dunning letter's fees, for the few entries that have any. */
  readonly fees: [number, string][];
  /** The batch's accounts, and the currencies, files and countries first seen in it, in index order. */
  readonly newAccounts: string[];
  readonly newCurrencies: string[];
  readonly newFiles: string[];
  readonly newCountries: string[];
  /** [file index, style]: how a file writes amounts and dates, sent once, when first known. */
  readonly fileStyles: [number, AmountStyle][];
}

const day = (value: number | undefined): number => (value === undefined ? Number.NaN : value);

/** The sending side: encodes entries as they are added; keeps its tables between batches. */
export class EntryEncoder {
  /**
   * The accounts of the batch being built. Numbered per batch, not per stream: a table of every
   * account ever sent held each name on both threads to the end of the run, 25 MB a thread at
   * 500 000 accounts (issue 19: memory), to save naming an account again in a later batch.
   */
  private readonly accounts = new AccountTable();
  private readonly currencies = new ValueTable<string>();
  private readonly files = new ValueTable<string>();
  private readonly countries = new ValueTable<string>();
  private readonly styled = new Set<number>();
  private numbers = new Float64Array(FIRST_CAPACITY * STRIDE);
  private ids: (string | null)[] = [];
  private references: [number, string[]][] = [];
  private exactAmounts: [number, number, string][] = [];
  private fees: [number, string][] = [];
  private fileStyles: [number, AmountStyle][] = [];

  /** `content`: the log this thread's entries point into, flushed before each batch leaves (see take). */
  constructor(private readonly content?: ContentLog) {}

  add(entry: AccountEntry): void {
    const i = this.ids.length;
    const at = i * STRIDE;
    if (at + STRIDE > this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    const numbers = this.numbers;
    const file = this.files.indexOf(entry.file);
    if (entry.amountStyle !== undefined && !this.styled.has(file)) {
      this.styled.add(file);
      this.fileStyles.push([file, entry.amountStyle]);
    }
    numbers[at] = kindIndex(entry.kind);
    numbers[at + 1] = this.accounts.idOf(entry.account);
    numbers[at + 2] = this.currencies.indexOf(entry.currency);
    numbers[at + 3] = day(entry.issueDay);
    numbers[at + 4] = day(entry.dueDay);
    numbers[at + 5] = day(entry.periodStartDay);
    numbers[at + 6] = day(entry.periodEndDay);
    numbers[at + 7] = day(entry.effectiveDay);
    numbers[at + 8] = this.amount(entry.total, i, 0);
    numbers[at + 9] = this.amount(entry.amountDue, i, 1);
    // Flags: 1 blank, 2 marked paid by the input.
    numbers[at + 10] = (entry.blank ? 1 : 0) | (entry.paid === true ? 2 : 0);
    numbers[at + 11] = entry.contentRef;
    numbers[at + 12] = entry.line;
    numbers[at + 13] = file;
    // 0: no country; else its index plus one.
    numbers[at + 14] = entry.country === undefined ? 0 : this.countries.indexOf(entry.country) + 1;
    this.ids.push(entry.id ?? null);
    if (entry.references.length > 0) this.references.push([i, [...entry.references]]);
    if (entry.fees !== undefined) this.fees.push([i, entry.fees.toFixed()]);
  }

  /** An account without an entry (noted only, when no account rule runs): named in the next batch. */
  addAccount(account: string): void {
    this.accounts.idOf(account);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Whether the next batch would carry anything: entries, or accounts not named yet. */
  get pending(): boolean {
    return this.ids.length > 0 || this.accounts.size > 0;
  }

  /** The entries added since the last call, their numbers in a buffer of their own (to transfer). */
  take(): EncodedEntries {
    // The receiver may read the contents these entries point to as soon as it has the batch.
    this.content?.flush();
    const batch: EncodedEntries = {
      numbers: this.numbers.slice(0, this.ids.length * STRIDE),
      ids: this.ids,
      references: this.references,
      exactAmounts: this.exactAmounts,
      fees: this.fees,
      newAccounts: [...this.accounts.names],
      newCurrencies: this.currencies.takeNew(),
      newFiles: this.files.takeNew(),
      newCountries: this.countries.takeNew(),
      fileStyles: this.fileStyles,
    };
    this.accounts.clear();
    this.ids = [];
    this.references = [];
    this.exactAmounts = [];
    this.fees = [];
    this.fileStyles = [];
    return batch;
  }

  /** NaN: absent; Infinity: held as exact text in `exactAmounts`; else cents. */
  private amount(value: Money | undefined, entry: number, which: number): number {
    if (value === undefined) return Number.NaN;
    if (value.isCents) return value.cents;
    this.exactAmounts.push([entry, which, value.toFixed()]);
    return Number.POSITIVE_INFINITY;
  }
}

/** The receiving side of one stream of batches: entries go straight into the store's columns. */
export class EntryDecoder {
  private readonly currencies: string[] = [];
  private readonly files: string[] = [];
  private readonly countries: string[] = [];
  private readonly styles: (AmountStyle | undefined)[] = [];
  /** The store's number of each account of the batch being decoded, by the sender's number. */
  private readonly accountIds: number[] = [];
  private readonly flat = emptyFlatEntry();

  constructor(private readonly store: EntryStore) {}

  /** Stores a batch's entries; `keepEntries` false notes only their accounts (no account rule runs). */
  decodeInto(batch: EncodedEntries, keepEntries: boolean): void {
    this.accountIds.length = 0;
    for (const account of batch.newAccounts) this.accountIds.push(this.store.accountId(account));
    // Loops, not spreads: a batch's lists are short, but a spread of an unbounded list can overflow the stack.
    for (const currency of batch.newCurrencies) this.currencies.push(currency);
    for (const file of batch.newFiles) this.files.push(file);
    for (const country of batch.newCountries) this.countries.push(country);
    for (const [file, style] of batch.fileStyles) this.styles[file] = style;
    if (!keepEntries) {
      this.noteCountries(batch);
      return;
    }
    const references = new Map(batch.references);
    const fees = new Map(batch.fees);
    const exact = new Map<number, string>();
    for (const [entry, which, text] of batch.exactAmounts) exact.set(entry * 2 + which, text);
    const { numbers } = batch;
    const flat = this.flat;
    for (let i = 0; i < batch.ids.length; i++) {
      const at = i * STRIDE;
      const file = numbers[at + 13] as number;
      flat.kind = numbers[at] as number;
      flat.currency = this.currencies[numbers[at + 2] as number] as string;
      flat.issueDay = numbers[at + 3] as number;
      flat.dueDay = numbers[at + 4] as number;
      flat.periodStartDay = numbers[at + 5] as number;
      flat.periodEndDay = numbers[at + 6] as number;
      flat.effectiveDay = numbers[at + 7] as number;
      const total = numbers[at + 8] as number;
      const amountDue = numbers[at + 9] as number;
      flat.totalCents = total === Number.POSITIVE_INFINITY ? Number.NaN : total;
      flat.amountDueCents = amountDue === Number.POSITIVE_INFINITY ? Number.NaN : amountDue;
      flat.exactTotal = total === Number.POSITIVE_INFINITY ? Money.parse(exact.get(i * 2) as string) : undefined;
      flat.exactAmountDue =
        amountDue === Number.POSITIVE_INFINITY ? Money.parse(exact.get(i * 2 + 1) as string) : undefined;
      flat.blank = ((numbers[at + 10] as number) & 1) === 1;
      flat.paid = ((numbers[at + 10] as number) & 2) === 2;
      flat.contentRef = numbers[at + 11] as number;
      flat.line = numbers[at + 12] as number;
      flat.file = this.files[file] as string;
      flat.amountStyle = this.styles[file];
      flat.id = batch.ids[i] ?? undefined;
      flat.references = references.get(i) ?? NO_REFERENCES;
      const feeText = fees.get(i);
      flat.fees = feeText === undefined ? undefined : Money.parse(feeText);
      const country = numbers[at + 14] as number;
      flat.country = country === 0 ? undefined : this.countries[country - 1];
      this.store.append(flat, this.accountIds[numbers[at + 1] as number] as number);
    }
  }

  /** The countries a batch's entries name, for their accounts, when the entries themselves are not kept. */
  private noteCountries(batch: EncodedEntries): void {
    const { numbers } = batch;
    for (let i = 0; i < batch.ids.length; i++) {
      const country = numbers[i * STRIDE + 14] as number;
      if (country === 0) continue;
      this.store.noteCountry(this.accountIds[numbers[i * STRIDE + 1] as number] as number, this.countries[country - 1]);
    }
  }
}
