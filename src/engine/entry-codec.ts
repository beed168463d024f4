/**
 * Account entries travel from parsing workers to the main thread in columns: one Float64Array
 * of numbers and a few arrays of strings, instead of a million small objects that structured
 * cloning would copy one property at a time. Accounts and currencies repeat, so each is sent
 * once and then referred to by index.
 */
import type { AmountStyle } from '../model/document.js';
import { Money } from '../model/money.js';
import type { EntryStore } from './entry-store.js';
import { emptyFlatEntry, kindIndex } from './entry-store.js';
import type { AccountEntry } from './rule.js';

const STRIDE = 13;
const NO_REFERENCES: readonly string[] = Object.freeze([]);

export interface EncodedEntries {
  readonly numbers: Float64Array;
  readonly ids: (string | null)[];
  /** [entry index, references] for the entries that have references. */
  readonly references: [number, string[]][];
  /** [entry index, which amount (0 total, 1 amount due), exact decimal text] for amounts not held in cents. */
  readonly exactAmounts: [number, number, string][];
  /** Accounts and currencies first seen in this batch, in index order. */
  readonly newAccounts: string[];
  readonly newCurrencies: string[];
}

const day = (value: number | undefined): number => (value === undefined ? Number.NaN : value);

/** The worker side: keeps the account and currency tables between batches. */
export class EntryEncoder {
  private readonly accounts = new Map<string, number>();
  private readonly currencies = new Map<string, number>();
  private entries: AccountEntry[] = [];

  add(entry: AccountEntry): void {
    this.entries.push(entry);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Encodes the entries added since the last call. */
  take(): EncodedEntries {
    const entries = this.entries;
    this.entries = [];
    const numbers = new Float64Array(entries.length * STRIDE);
    const ids: (string | null)[] = new Array<string | null>(entries.length);
    const references: [number, string[]][] = [];
    const exactAmounts: [number, number, string][] = [];
    const newAccounts: string[] = [];
    const newCurrencies: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as AccountEntry;
      const at = i * STRIDE;
      numbers[at] = kindIndex(entry.kind);
      numbers[at + 1] = index(this.accounts, entry.account, newAccounts);
      numbers[at + 2] = index(this.currencies, entry.currency, newCurrencies);
      numbers[at + 3] = day(entry.issueDay);
      numbers[at + 4] = day(entry.dueDay);
      numbers[at + 5] = day(entry.periodStartDay);
      numbers[at + 6] = day(entry.periodEndDay);
      numbers[at + 7] = day(entry.effectiveDay);
      numbers[at + 8] = amount(entry.total, i, 0, exactAmounts);
      numbers[at + 9] = amount(entry.amountDue, i, 1, exactAmounts);
      numbers[at + 10] = entry.blank ? 1 : 0;
      numbers[at + 11] = entry.contentKey;
      numbers[at + 12] = entry.line;
      ids[i] = entry.id ?? null;
      if (entry.references.length > 0) references.push([i, [...entry.references]]);
    }
    return { numbers, ids, references, exactAmounts, newAccounts, newCurrencies };
  }
}

function index(table: Map<string, number>, value: string, added: string[]): number {
  let found = table.get(value);
  if (found === undefined) {
    found = table.size;
    table.set(value, found);
    added.push(value);
  }
  return found;
}

/** NaN: absent; Infinity: held as exact text in `exactAmounts`; else cents. */
function amount(value: Money | undefined, entry: number, which: number, exact: [number, number, string][]): number {
  if (value === undefined) return Number.NaN;
  if (value.isCents) return value.cents;
  exact.push([entry, which, value.toFixed()]);
  return Number.POSITIVE_INFINITY;
}

/** The main-thread side of one worker's stream of batches: entries go straight into the store's columns. */
export class EntryDecoder {
  private readonly currencies: string[] = [];
  /** The store's index list of each account the worker has named, by the worker's account index. */
  private readonly accountIndexes: number[][] = [];
  private readonly flat = emptyFlatEntry();

  constructor(
    private readonly file: string,
    private readonly store: EntryStore,
  ) {}

  /** Stores a batch's entries; `keepEntries` false notes only their accounts (no account rule runs). */
  decodeInto(batch: EncodedEntries, amountStyle: AmountStyle | undefined, keepEntries: boolean): void {
    for (const account of batch.newAccounts) this.accountIndexes.push(this.store.indexesOf(account));
    this.currencies.push(...batch.newCurrencies);
    if (!keepEntries) return;
    const references = new Map(batch.references);
    const exact = new Map<number, string>();
    for (const [entry, which, text] of batch.exactAmounts) exact.set(entry * 2 + which, text);
    const { numbers } = batch;
    const flat = this.flat;
    flat.file = this.file;
    flat.amountStyle = amountStyle;
    for (let i = 0; i < batch.ids.length; i++) {
      const at = i * STRIDE;
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
      flat.exactAmountDue = amountDue === Number.POSITIVE_INFINITY ? Money.parse(exact.get(i * 2 + 1) as string) : undefined;
      flat.blank = numbers[at + 10] === 1;
      flat.contentKey = numbers[at + 11] as number;
      flat.line = numbers[at + 12] as number;
      flat.id = batch.ids[i] ?? undefined;
      flat.references = references.get(i) ?? NO_REFERENCES;
      this.store.append(flat, this.accountIndexes[numbers[at + 1] as number] as number[]);
    }
  }
}
