/**
 * Where the engine keeps every document's account entry until the input ends: typed columns in
 * fixed-size blocks (42 bytes an entry, the account as a number from an AccountTable), strings
 * in plain arrays. Entries are grouped by account only when the account rules run, by a
 * counting sort over the account numbers. A million-row bill run kept a million entry objects (with their Money
 * objects) alive before; the garbage collector walked them all at every major collection. Blocks
 * rather than one doubling array: no copy when the store grows, and at most one block unused.
 * Entries are rebuilt as objects one account at a time, when the account rules run.
 */
import type { AmountStyle, DocumentKind } from '../model/document.js';
import { DOCUMENT_KINDS } from '../model/document.js';
import { Money } from '../model/money.js';
import { documentKey } from '../identity/account-key.js';
import { claimHash } from '../identity/claims.js';
import type { IdentityEntry } from '../identity/join.js';
import { AccountTable, fnv1a } from './account-table.js';
import { WRITER_SPAN } from './content-log.js';
import { IdColumn } from './id-column.js';
import type { AccountEntry, AccountTimeline } from './timeline.js';
import { TransientInt32 } from './transient.js';
import { untrackedArray } from './untracked-array.js';
import { ValueTable } from './value-table.js';

const BLOCK_BITS = 14;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
/** Day numbers of four-digit years fit an Int32 with room to spare; this one marks "no date". */
const NO_DAY = -0x8000_0000;
const BLANK_BIT = 0x80;
/** Set for documents the input marks paid (a status column). */
const PAID_BIT = 0x40;
/** Due, period start, period end and effective days, as Int16 offsets from the issue day (issue 19: memory). */
const OTHER_DAYS = 4;
/** An offset that marks no day, and one that marks a day held in the store's farDays (over 89 years away). */
const NO_OFFSET = -0x8000;
const FAR_OFFSET = -0x7fff;
const MIN_OFFSET = FAR_OFFSET + 1;
const MAX_OFFSET = 0x7fff;
/** Content references: offsets under this in one column, the writer in another; marks for none and for one kept beside. */
const OFFSET_SPAN = 2 ** 32;
const NO_WRITER = 0xff;
const BIG_REF = 0xfe;
/** Currencies and files are Uint16 indexes; this one marks an index held in the store's bigIndexes. */
const BIG_INDEX = 0xffff;
/**
 * Amounts are Int32 cents (issue 19: memory; a Float64 took 8 bytes where nearly every bill's
 * cents fit 4). Two values are marks: no amount, and an amount held exactly in the store's
 * exactAmounts (sub-cent, or more cents than an Int32 holds).
 */
const NO_AMOUNT = -0x8000_0000;
const EXACT_AMOUNT = -0x7fff_ffff;
const MIN_CENTS = EXACT_AMOUNT + 1;
const MAX_CENTS = 0x7fff_ffff;
/** Line numbers are Uint32; this one marks a line number held in the store's bigLines (past 2^32 - 2). */
const BIG_LINE = 0xffff_ffff;
const NO_REFERENCES: readonly string[] = Object.freeze([]);
/** Countries are Uint8 indexes plus one (0: none); this one marks a country held in the store's farCountries. */
const FAR_COUNTRY = 0xff;

/**
 * One entry in flat form, as the store takes it: days as day numbers, amounts as integer cents,
 * NaN for what is absent. Amounts that are not whole cents (sub-cent, beyond 2^53 cents) are NaN
 * here and given exactly in `exactTotal` / `exactAmountDue`.
 */
export interface FlatEntry {
  kind: number;
  blank: boolean;
  paid: boolean;
  /** A dunning letter's fees; undefined for nearly every entry. */
  fees: Money | undefined;
  id: string | undefined;
  currency: string;
  file: string;
  amountStyle: AmountStyle | undefined;
  issueDay: number;
  dueDay: number;
  periodStartDay: number;
  periodEndDay: number;
  effectiveDay: number;
  totalCents: number;
  amountDueCents: number;
  exactTotal: Money | undefined;
  exactAmountDue: Money | undefined;
  contentRef: number;
  line: number;
  references: readonly string[];
  country: string | undefined;
}

/** Accounts joined by the identity stage: each account number's group (its first member), and the groups' names. */
export interface StoreJoin {
  readonly rootOf: Int32Array;
  readonly names: readonly string[];
}

export function emptyFlatEntry(): FlatEntry {
  return {
    kind: 0,
    blank: false,
    paid: false,
    fees: undefined,
    id: undefined,
    currency: '',
    file: '',
    amountStyle: undefined,
    issueDay: Number.NaN,
    dueDay: Number.NaN,
    periodStartDay: Number.NaN,
    periodEndDay: Number.NaN,
    effectiveDay: Number.NaN,
    totalCents: Number.NaN,
    amountDueCents: Number.NaN,
    exactTotal: undefined,
    exactAmountDue: undefined,
    contentRef: Number.NaN,
    line: 0,
    references: NO_REFERENCES,
    country: undefined,
  };
}

const KIND_INDEX = new Map<DocumentKind, number>(DOCUMENT_KINDS.map((kind, index) => [kind, index]));

export function kindIndex(kind: DocumentKind): number {
  return KIND_INDEX.get(kind) as number;
}

const CLAIM_KINDS = new Set([kindIndex('invoice'), kindIndex('credit-note')]);
/** Invoices and credit notes claim their number: one bill number, one bill (identity). */
const isClaimKind = (kind: number): boolean => CLAIM_KINDS.has(kind);

const toDay = (value: number): number => (Number.isNaN(value) ? NO_DAY : value);
const fromDay = (value: number): number | undefined => (value === NO_DAY ? undefined : value);
const dayOrNaN = (value: number | undefined): number => (value === undefined ? Number.NaN : value);

/*
 * What the store rebuilds once per entry or per account when the account rules run is made with
 * `new` of these classes, not with object literals: see AccountRule.checkAccount (engine/rule.ts).
 */
/** An entry rebuilt from the store, its fields in AccountEntry's order. */
class StoredEntry implements AccountEntry {
  constructor(
    readonly kind: DocumentKind,
    readonly id: string | undefined,
    readonly account: string,
    readonly currency: string,
    readonly issueDay: number | undefined,
    readonly dueDay: number | undefined,
    readonly periodStartDay: number | undefined,
    readonly periodEndDay: number | undefined,
    readonly effectiveDay: number | undefined,
    readonly total: Money | undefined,
    readonly amountDue: Money | undefined,
    readonly blank: boolean,
    readonly paid: boolean,
    readonly fees: Money | undefined,
    readonly contentRef: number,
    readonly references: readonly string[],
    readonly file: string,
    readonly line: number,
    readonly amountStyle: AmountStyle | undefined,
    readonly country: string | undefined,
  ) {}
}

/**
 * An entry as the identity stage reads it. Its bill number is decoded from the store's bytes
 * when read, not before: the join reads it only on a claim hash that matches another's.
 */
class StoredIdentity implements IdentityEntry {
  constructor(
    private readonly ids: IdColumn,
    readonly index: number,
    readonly account: number,
    readonly kind: DocumentKind,
    readonly totalCents: number,
    readonly issueDay: number | undefined,
    readonly references: readonly string[],
    readonly claimHash: number | undefined,
  ) {}

  get id(): string | undefined {
    return this.ids.at(this.index);
  }
}

/** One account's entries, as timelines() gives them: the engine adds and sorts entries in place. */
class Timeline implements AccountTimeline {
  constructor(
    readonly account: string,
    readonly entries: AccountEntry[],
  ) {}
}

/** One account's entry indexes in the store, as grouped() gives them. */
class AccountGroup {
  constructor(
    readonly id: number,
    readonly account: string,
    readonly indexes: Int32Array,
  ) {}
}

/** Entries BLOCK_SIZE at a time, one typed array per field. */
class Block {
  /** Kind index, with BLANK_BIT set for blank documents. */
  readonly kinds = new Uint8Array(BLOCK_SIZE);
  /** BIG_INDEX: the index (a run of over 65 534 files) is in the store's bigIndexes. */
  readonly currencies = new Uint16Array(BLOCK_SIZE);
  readonly files = new Uint16Array(BLOCK_SIZE);
  /** Day numbers; NO_DAY for none. */
  readonly issueDays = new Int32Array(BLOCK_SIZE);
  /**
   * Due, period start, period end, effective: offsets from the issue day (from day 0 when there is
   * none), 8 bytes where four Int32 days took 16; a bill's days are weeks apart, not 89 years.
   */
  readonly otherDays = new Int16Array(BLOCK_SIZE * OTHER_DAYS);
  /** total, amount due: cents; NO_AMOUNT absent; EXACT_AMOUNT held in the store's exactAmounts. */
  readonly amounts = new Int32Array(BLOCK_SIZE * 2);
  /** BIG_LINE: the line number (a many-gigabyte file's may pass 2^32) is in the store's bigLines. */
  readonly lines = new Uint32Array(BLOCK_SIZE);
  /**
   * ContentLog references (writer × 2^40 + offset) in two columns, 5 bytes where a Float64 took 8
   * (issue 19: memory): the writer (one per thread), and the offset in its log when under 2^32.
   * NO_WRITER marks no content (not a numbered invoice); BIG_REF a reference kept in bigRefs.
   */
  readonly contentWriters = new Uint8Array(BLOCK_SIZE);
  readonly contentOffsets = new Uint32Array(BLOCK_SIZE);
  readonly accounts = new Int32Array(BLOCK_SIZE);
  /** claimHash of an invoice's or credit note's number (0 for other entries): the end of a run compares claims by it. */
  readonly claimHashes = new Int32Array(BLOCK_SIZE);
  /**
   * The country's index in the store's table plus one; 0 for none, FAR_COUNTRY for one in
   * farCountries. Made with the block's first country: an export without a country column (the
   * French exports of the bench) names none, and ten million entries kept 10 MB of zeros.
   */
  countries: Uint8Array | undefined;
}

export class EntryStore {
  private readonly blocks: Block[] = [];
  /** Bill numbers as bytes (issue 19: memory). */
  private readonly ids = new IdColumn();
  /** Sparse: most documents refer to nothing. */
  private readonly references = new Map<number, readonly string[]>();
  /** Sparse: only dunning letters that add fees. */
  private readonly fees = new Map<number, Money>();
  /** Amounts not held in cents (sub-cent, huge): entry index × 2 + (0 total, 1 amount due). */
  private readonly exactAmounts = new Map<number, Money>();
  /** Sparse: line numbers a Uint32 does not hold. */
  private readonly bigLines = new Map<number, number>();
  /** Sparse: content references past the two narrow columns (a writer over 253, a log over 4 GiB). */
  private readonly bigRefs = new Map<number, number>();
  /** Sparse: days too far from their issue day for an Int16 offset, by entry index × 4 + which. */
  private readonly farDays = new Map<number, number>();
  /** Sparse: currency and file indexes a Uint16 does not hold, by entry index × 2 + (0 currency, 1 file). */
  private readonly bigIndexes = new Map<number, number>();
  private readonly currencies = new ValueTable<string>();
  private readonly files = new ValueTable<string>();
  private readonly countries = new ValueTable<string>();
  /** Sparse: countries past the 254 a Uint8 index holds (hostile input; there are 249 ISO codes). */
  private readonly farCountries = new Map<number, string>();
  /** Whether any entry named a country: accountCountries() has nothing to look for otherwise. */
  private anyCountry = false;
  /**
   * The first country noted for an account whose entries are not kept (no account rule runs, the
   * store then keeps names alone): the identity stage still reads its national numbers in it.
   */
  private readonly notedCountries = new Map<number, string>();
  private readonly styles: (AmountStyle | undefined)[] = [];
  private readonly accountTable = new AccountTable();
  /** Accounts taken out (takeAccounts): neither counted nor checked here any more. */
  private readonly takenAccounts: boolean[] = [];
  private taken = 0;
  /** Reused by add(): one flat form filled per entry, never kept. */
  private readonly scratch = emptyFlatEntry();

  get size(): number {
    return this.ids.size;
  }

  /** Distinct accounts seen (and not taken out). */
  get accounts(): number {
    return this.accountTable.size - this.taken;
  }

  /**
   * The account's number, to pass to append(); notes the account when it is new (also when no
   * account rule runs and no entry is kept, for the summary's count). Callers that see the same
   * accounts again and again (a worker's decoder) keep it.
   */
  accountId(account: string): number {
    return this.accountTable.idOf(account);
  }

  add(entry: AccountEntry): void {
    const flat = this.scratch;
    flat.kind = kindIndex(entry.kind);
    flat.blank = entry.blank;
    flat.paid = entry.paid === true;
    flat.fees = entry.fees;
    flat.id = entry.id;
    flat.currency = entry.currency;
    flat.file = entry.file;
    flat.amountStyle = entry.amountStyle;
    flat.issueDay = dayOrNaN(entry.issueDay);
    flat.dueDay = dayOrNaN(entry.dueDay);
    flat.periodStartDay = dayOrNaN(entry.periodStartDay);
    flat.periodEndDay = dayOrNaN(entry.periodEndDay);
    flat.effectiveDay = dayOrNaN(entry.effectiveDay);
    flat.totalCents = centsOrNaN(entry.total);
    flat.amountDueCents = centsOrNaN(entry.amountDue);
    flat.exactTotal = entry.total?.isCents === false ? entry.total : undefined;
    flat.exactAmountDue = entry.amountDue?.isCents === false ? entry.amountDue : undefined;
    flat.contentRef = entry.contentRef;
    flat.line = entry.line;
    flat.references = entry.references;
    flat.country = entry.country;
    this.append(flat, this.accountId(entry.account));
  }

  /** Stores one entry of the account numbered `account` (from accountId). */
  append(flat: FlatEntry, account: number): void {
    const index = this.ids.size;
    const at = index & BLOCK_MASK;
    if (at === 0) this.blocks.push(new Block());
    const block = this.blocks[index >>> BLOCK_BITS] as Block;
    const file = this.files.indexOf(flat.file);
    if (this.styles[file] === undefined && flat.amountStyle !== undefined) this.styles[file] = flat.amountStyle;
    block.kinds[at] = flat.kind | (flat.blank ? BLANK_BIT : 0) | (flat.paid ? PAID_BIT : 0);
    block.currencies[at] = this.indexMark(this.currencies.indexOf(flat.currency), index * 2);
    block.files[at] = this.indexMark(file, index * 2 + 1);
    const issueDay = toDay(flat.issueDay);
    block.issueDays[at] = issueDay;
    const base = issueDay === NO_DAY ? 0 : issueDay;
    const days = at * OTHER_DAYS;
    block.otherDays[days] = this.offsetMark(flat.dueDay, base, index * OTHER_DAYS);
    block.otherDays[days + 1] = this.offsetMark(flat.periodStartDay, base, index * OTHER_DAYS + 1);
    block.otherDays[days + 2] = this.offsetMark(flat.periodEndDay, base, index * OTHER_DAYS + 2);
    block.otherDays[days + 3] = this.offsetMark(flat.effectiveDay, base, index * OTHER_DAYS + 3);
    block.amounts[at * 2] = this.amount(flat.totalCents, flat.exactTotal, index * 2);
    block.amounts[at * 2 + 1] = this.amount(flat.amountDueCents, flat.exactAmountDue, index * 2 + 1);
    block.lines[at] = this.lineMark(flat.line, index);
    this.keepContentRef(block, at, flat.contentRef, index);
    block.accounts[at] = account;
    block.claimHashes[at] = flat.id !== undefined && isClaimKind(flat.kind) ? claimHash(flat.id) : 0;
    if (flat.country !== undefined)
      (block.countries ??= new Uint8Array(BLOCK_SIZE))[at] = this.countryMark(flat.country, index);
    this.ids.push(flat.id);
    if (flat.references.length > 0) this.references.set(index, flat.references);
    if (flat.fees !== undefined) this.fees.set(index, flat.fees);
  }

  /**
   * Takes the accounts `leaves` names out of the store, whole: their entries are handed to
   * `give`, and accounts that have none (noted only) to `giveName`. Nothing is added after.
   */
  takeAccounts(
    leaves: (account: string) => boolean,
    give: (entry: AccountEntry) => void,
    giveName: (account: string) => void,
  ): void {
    for (const { id, account, indexes } of this.grouped()) {
      if (!leaves(account)) continue;
      if (indexes.length === 0) giveName(account);
      for (const index of indexes) give(this.entry(index, account));
      this.takenAccounts[id] = true;
      this.taken++;
    }
  }

  /** Each account's entries as objects, one account at a time, in first-seen order (joined accounts as one, by `join`). */
  *timelines(join?: StoreJoin): Generator<Timeline> {
    for (const { account, indexes } of this.grouped(join)) {
      const entries = untrackedArray<AccountEntry>();
      for (let i = 0; i < indexes.length; i++) entries.push(this.entry(indexes[i] as number, account));
      yield new Timeline(account, entries);
    }
  }

  // --- identity (issue 13): what the joins of accounts need, and the entries they point at ---
  /** Whether takeAccounts() took accounts out (threads): joins are then left undone. */
  get takenAny(): boolean {
    return this.taken > 0;
  }

  /** The account names by number, as the documents wrote them. */
  get accountNames(): readonly string[] {
    return this.accountTable.names;
  }

  /**
   * The number of an account name, -1 for a name never stored: the join's lookup of report names
   * (identity/join.ts), which outlives the store's entries. It holds the table alone, not the store.
   */
  accountNumbers(): (name: string) => number {
    const table = this.accountTable;
    return (name) => table.find(name);
  }

  /** Whether the account numbered `id` (accountId) was taken out. */
  isTakenNumber(id: number): boolean {
    return this.takenAccounts[id] === true;
  }

  /** Whether the account written `account` was taken out (threads): the joins leave it to the thread that took it. */
  isTaken(account: string): boolean {
    if (this.taken === 0) return false;
    const id = this.accountTable.find(account);
    return id !== -1 && this.takenAccounts[id] === true;
  }

  /** Every entry's account number, kind, id, total and references, for the identity stage (not those taken out). */
  *identityEntries(): Generator<IdentityEntry> {
    for (let index = 0; index < this.size; index++) {
      if (this.taken > 0 && this.takenAccounts[this.accountOf(index)] === true) continue;
      yield this.identityEntry(index);
    }
  }

  /** The claimHash kept for the entry at `index` (0 for an entry that claims no number). */
  claimHashAt(index: number): number {
    return (this.blocks[index >>> BLOCK_BITS] as Block).claimHashes[index & BLOCK_MASK] as number;
  }

  /** One entry as identityEntries() gives it: the joins' claims read it back by index (issue 19: memory). */
  identityEntry(index: number): IdentityEntry {
    const block = this.blocks[index >>> BLOCK_BITS] as Block;
    const at = index & BLOCK_MASK;
    const total = block.amounts[at * 2] as number;
    const totalCents =
      total === NO_AMOUNT
        ? Number.NaN
        : total === EXACT_AMOUNT
          ? (this.exactAmounts.get(index * 2) as Money).cents
          : total;
    // Without the paid bit: a bill the export marks paid is still a bill that letters name.
    const kind = (block.kinds[at] as number) & ~(BLANK_BIT | PAID_BIT);
    return new StoredIdentity(
      this.ids,
      index,
      block.accounts[at] as number,
      DOCUMENT_KINDS[kind] as DocumentKind,
      // NaN for an amount that is not whole cents, as Money's cents says.
      totalCents,
      fromDay(block.issueDays[at] as number),
      this.references.get(index) ?? NO_REFERENCES,
      isClaimKind(kind) && this.ids.has(index) ? (block.claimHashes[at] as number) : undefined,
    );
  }

  /**
   * Calls `each` with the claim hash and account number of every invoice and credit note with a
   * number still here (not taken out), without building an entry: threads compare their claims so.
   */
  forEachClaim(each: (hash: number, account: number, index: number) => void): void {
    for (let index = 0; index < this.size; index++) {
      const block = this.blocks[index >>> BLOCK_BITS] as Block;
      const at = index & BLOCK_MASK;
      const kind = (block.kinds[at] as number) & ~(BLANK_BIT | PAID_BIT);
      if (!isClaimKind(kind) || !this.ids.has(index)) continue;
      const account = block.accounts[at] as number;
      if (this.taken > 0 && this.takenAccounts[account] === true) continue;
      each(block.claimHashes[at] as number, account, index);
    }
  }

  /** The accounts of the entries that name other documents, with the names (threads compare them: issue 13). */
  referrers(): [account: string, references: string[]][] {
    const found: [string, string[]][] = [];
    for (const [index, references] of this.references) {
      const account = this.accountOf(index);
      if (this.takenAccounts[account] !== true) found.push([this.accountTable.nameOf(account), [...references]]);
    }
    return found;
  }

  /**
   * Who claims each bill number of `keys` (documentKey form) here: the account that bills it, or
   * null when several accounts do (the join here decides between them, not another thread).
   */
  claimants(keys: ReadonlySet<string>): Map<string, string | null> {
    const found = new Map<string, string | null>();
    if (keys.size === 0) return found;
    const hashes = new Set([...keys].map((key) => fnv1a(key)));
    this.forEachClaim((hash, account, index) => {
      if (!hashes.has(hash)) return;
      const key = documentKey(this.ids.at(index) as string);
      if (!keys.has(key)) return;
      const name = this.accountTable.nameOf(account);
      const known = found.get(key);
      found.set(key, known === undefined || known === name ? name : null);
    });
    return found;
  }

  /** The bill number of the entry at `index`, as written. */
  idAt(index: number): string | undefined {
    return this.ids.at(index);
  }

  /** One entry as an object, under the account name given (a finding about it). */
  entryAt(index: number, account: string): AccountEntry {
    return this.entry(index, account);
  }
  // --- end identity ---

  /** The entry indexes of each account still here, in first-seen order, each in the order added (a counting sort). */
  private *grouped(join?: StoreJoin): Generator<AccountGroup> {
    const accounts = this.accountTable.size;
    const size = this.size;
    // Given back when the last group is handed out (engine/transient.ts).
    const startTable = new TransientInt32(accounts + 1);
    const orderTable = new TransientInt32(size);
    const starts = startTable.array;
    const groupOf = (id: number): number => (join === undefined ? id : (join.rootOf[id] as number));
    for (let index = 0; index < size; index++) {
      const id = groupOf(this.accountOf(index));
      starts[id + 1] = (starts[id + 1] as number) + 1;
    }
    for (let id = 0; id < accounts; id++) starts[id + 1] = (starts[id + 1] as number) + (starts[id] as number);
    // Each group filled backwards from its end (starts[id + 1]), which comes down to its start: no
    // array of cursors beside (1 MB at 250 000 accounts, at the end phase's peak; issue 19).
    const order = orderTable.array;
    for (let index = size - 1; index >= 0; index--) {
      const id = groupOf(this.accountOf(index));
      const at = (starts[id + 1] as number) - 1;
      order[at] = index;
      starts[id + 1] = at;
    }
    starts.copyWithin(0, 1);
    starts[accounts] = size;
    try {
      for (let id = 0; id < accounts; id++) {
        if (this.takenAccounts[id] === true || groupOf(id) !== id) continue;
        const account = join === undefined ? this.accountTable.nameOf(id) : (join.names[id] as string);
        yield new AccountGroup(id, account, order.subarray(starts[id], starts[id + 1]));
      }
    } finally {
      startTable.free();
      orderTable.free();
    }
  }

  private accountOf(index: number): number {
    return (this.blocks[index >>> BLOCK_BITS] as Block).accounts[index & BLOCK_MASK] as number;
  }

  private entry(index: number, account: string): AccountEntry {
    const block = this.blocks[index >>> BLOCK_BITS] as Block;
    const at = index & BLOCK_MASK;
    const kind = block.kinds[at] as number;
    const file = this.indexAt(block.files[at] as number, index * 2 + 1);
    const issueDay = block.issueDays[at] as number;
    const base = issueDay === NO_DAY ? 0 : issueDay;
    const days = at * OTHER_DAYS;
    const other = index * OTHER_DAYS;
    return new StoredEntry(
      DOCUMENT_KINDS[kind & ~(BLANK_BIT | PAID_BIT)] as DocumentKind,
      this.ids.at(index),
      account,
      this.currencies.at(this.indexAt(block.currencies[at] as number, index * 2)),
      fromDay(issueDay),
      this.dayAt(block.otherDays[days] as number, base, other),
      this.dayAt(block.otherDays[days + 1] as number, base, other + 1),
      this.dayAt(block.otherDays[days + 2] as number, base, other + 2),
      this.dayAt(block.otherDays[days + 3] as number, base, other + 3),
      this.money(block.amounts[at * 2] as number, index * 2),
      this.money(block.amounts[at * 2 + 1] as number, index * 2 + 1),
      (kind & BLANK_BIT) !== 0,
      (kind & PAID_BIT) !== 0,
      this.fees.get(index),
      this.contentRefAt(block, at, index),
      this.references.get(index) ?? NO_REFERENCES,
      this.files.at(file),
      this.lineAt(block, at, index),
      this.styles[file],
      this.countryAt(index),
    );
  }

  /**
   * Notes the country of a document of account `account` whose entry is not kept (no account rule
   * runs): the first one noted stands, as the first document read on one thread.
   */
  noteCountry(account: number, country: string | undefined): void {
    if (country !== undefined && !this.notedCountries.has(account)) this.notedCountries.set(account, country);
  }

  private lineAt(block: Block, at: number, index: number): number {
    return block.lines[at] === BIG_LINE ? (this.bigLines.get(index) as number) : (block.lines[at] as number);
  }

  /** The country mark of entry `index` (FAR_COUNTRY: kept in farCountries). */
  private countryMark(country: string, index: number): number {
    this.anyCountry = true;
    const mark = this.countries.indexOf(country) + 1;
    if (mark < FAR_COUNTRY) return mark;
    this.farCountries.set(index, country);
    return FAR_COUNTRY;
  }

  private countryAt(index: number): string | undefined {
    const mark = (this.blocks[index >>> BLOCK_BITS] as Block).countries?.[index & BLOCK_MASK] ?? 0;
    if (mark === 0) return undefined;
    return mark === FAR_COUNTRY ? this.farCountries.get(index) : this.countries.at(mark - 1);
  }

  /**
   * The country of each account by number (the identity stage reads national numbers in it): its
   * entry first in the input, by `sourceOrder` of its file and then its line, among those that name
   * one. The entries' order in the store is not the input's on several threads (each thread's own,
   * then what the other sent), and the first document one thread reads is the input's first.
   */
  accountCountries(sourceOrder: (file: string) => number): (account: number) => string | undefined {
    if (!this.anyCountry) {
      const noted = this.notedCountries;
      return noted.size === 0 ? () => undefined : (account) => noted.get(account);
    }
    // The entry that gives each account its country, or -1.
    const chosen = new Int32Array(this.accountTable.size).fill(-1);
    const fileOrder: number[] = [];
    const fileRank = (index: number): number => {
      const file = this.indexAt(
        (this.blocks[index >>> BLOCK_BITS] as Block).files[index & BLOCK_MASK] as number,
        index * 2 + 1,
      );
      return (fileOrder[file] ??= sourceOrder(this.files.at(file)));
    };
    const lineOf = (index: number): number =>
      this.lineAt(this.blocks[index >>> BLOCK_BITS] as Block, index & BLOCK_MASK, index);
    const earlier = (index: number, than: number): boolean => {
      const file = fileRank(index);
      const other = fileRank(than);
      return file < other || (file === other && lineOf(index) < lineOf(than));
    };
    for (let index = 0; index < this.size; index++) {
      const block = this.blocks[index >>> BLOCK_BITS] as Block;
      const at = index & BLOCK_MASK;
      const mark = block.countries?.[at] ?? 0;
      if (mark === 0) continue;
      const account = block.accounts[at] as number;
      const before = chosen[account] as number;
      // An account's entries nearly always name one country: placing them matters only when they differ.
      if (before === -1 || (this.countryAt(before) !== this.countryAt(index) && earlier(index, before)))
        chosen[account] = index;
    }
    return (account) => {
      const index = account < chosen.length ? (chosen[account] as number) : -1;
      return index === -1 ? undefined : this.countryAt(index);
    };
  }

  /** Cents as given; EXACT_AMOUNT when the amount is held exactly in `exactAmounts`; NO_AMOUNT when absent. */
  private amount(cents: number, exact: Money | undefined, key: number): number {
    if (exact !== undefined) this.exactAmounts.set(key, exact);
    else if (Number.isNaN(cents)) return NO_AMOUNT;
    else if (cents >= MIN_CENTS && cents <= MAX_CENTS) return cents;
    else this.exactAmounts.set(key, Money.fromCents(cents));
    return EXACT_AMOUNT;
  }

  private money(value: number, key: number): Money | undefined {
    if (value === NO_AMOUNT) return undefined;
    if (value === EXACT_AMOUNT) return this.exactAmounts.get(key);
    return Money.fromCents(value);
  }

  private keepContentRef(block: Block, at: number, ref: number, index: number): void {
    if (Number.isNaN(ref)) {
      block.contentWriters[at] = NO_WRITER;
      return;
    }
    const writer = Math.floor(ref / WRITER_SPAN);
    const offset = ref - writer * WRITER_SPAN;
    if (writer < BIG_REF && offset < OFFSET_SPAN) {
      block.contentWriters[at] = writer;
      block.contentOffsets[at] = offset;
      return;
    }
    block.contentWriters[at] = BIG_REF;
    this.bigRefs.set(index, ref);
  }

  private contentRefAt(block: Block, at: number, index: number): number {
    const writer = block.contentWriters[at] as number;
    if (writer === NO_WRITER) return Number.NaN;
    if (writer === BIG_REF) return this.bigRefs.get(index) as number;
    return writer * WRITER_SPAN + (block.contentOffsets[at] as number);
  }

  /** A day as its offset from `base`, or a mark (none; far: kept in farDays under `key`). */
  private offsetMark(day: number, base: number, key: number): number {
    if (Number.isNaN(day)) return NO_OFFSET;
    const offset = day - base;
    if (Number.isInteger(offset) && offset >= MIN_OFFSET && offset <= MAX_OFFSET) return offset;
    this.farDays.set(key, day);
    return FAR_OFFSET;
  }

  private dayAt(offset: number, base: number, key: number): number | undefined {
    if (offset === NO_OFFSET) return undefined;
    return offset === FAR_OFFSET ? this.farDays.get(key) : base + offset;
  }

  private indexMark(value: number, key: number): number {
    if (value < BIG_INDEX) return value;
    this.bigIndexes.set(key, value);
    return BIG_INDEX;
  }

  private indexAt(mark: number, key: number): number {
    return mark === BIG_INDEX ? (this.bigIndexes.get(key) as number) : mark;
  }

  private lineMark(line: number, index: number): number {
    if (Number.isInteger(line) && line >= 0 && line < BIG_LINE) return line;
    this.bigLines.set(index, line);
    return BIG_LINE;
  }
}

function centsOrNaN(value: Money | undefined): number {
  return value === undefined || !value.isCents ? Number.NaN : value.cents;
}
