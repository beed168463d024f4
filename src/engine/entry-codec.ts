/**
 * Account entries travel from parsing workers to the main thread in columns: one Float64Array
 * of numbers and a few arrays of strings, instead of a million small objects that structured
 * cloning would copy one property at a time. Accounts and currencies repeat, so each is sent
 * once and then referred to by index.
 */
import type { AmountStyle, DocumentKind } from '../model/document.js';
import { DOCUMENT_KINDS } from '../model/document.js';
import { Money } from '../model/money.js';
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
const undo = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

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
      numbers[at] = DOCUMENT_KINDS.indexOf(entry.kind);
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

/** The main-thread side of one worker's stream of batches. */
export class EntryDecoder {
  private readonly accounts: string[] = [];
  private readonly currencies: string[] = [];

  constructor(
    private readonly file: string,
    private readonly amountStyle: () => AmountStyle | undefined,
  ) {}

  /** Account names first seen in the batches decoded so far. */
  get knownAccounts(): readonly string[] {
    return this.accounts;
  }

  decode(batch: EncodedEntries): AccountEntry[] {
    this.accounts.push(...batch.newAccounts);
    this.currencies.push(...batch.newCurrencies);
    const references = new Map(batch.references);
    const exact = new Map<number, string>();
    for (const [entry, which, text] of batch.exactAmounts) exact.set(entry * 2 + which, text);
    const style = this.amountStyle();
    const { numbers } = batch;
    const entries: AccountEntry[] = new Array<AccountEntry>(batch.ids.length);
    for (let i = 0; i < batch.ids.length; i++) {
      const at = i * STRIDE;
      const money = (which: number): Money | undefined => {
        const value = numbers[at + 8 + which] as number;
        if (Number.isNaN(value)) return undefined;
        if (value === Number.POSITIVE_INFINITY) return Money.parse(exact.get(i * 2 + which) as string);
        return Money.fromCents(value);
      };
      entries[i] = {
        kind: DOCUMENT_KINDS[numbers[at] as number] as DocumentKind,
        id: batch.ids[i] ?? undefined,
        account: this.accounts[numbers[at + 1] as number] as string,
        currency: this.currencies[numbers[at + 2] as number] as string,
        issueDay: undo(numbers[at + 3] as number),
        dueDay: undo(numbers[at + 4] as number),
        periodStartDay: undo(numbers[at + 5] as number),
        periodEndDay: undo(numbers[at + 6] as number),
        effectiveDay: undo(numbers[at + 7] as number),
        total: money(0),
        amountDue: money(1),
        blank: numbers[at + 10] === 1,
        contentKey: numbers[at + 11] as number,
        references: references.get(i) ?? NO_REFERENCES,
        file: this.file,
        line: numbers[at + 12] as number,
        amountStyle: style,
      };
    }
    return entries;
  }
}
