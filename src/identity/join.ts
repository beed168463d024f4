/**
 * Which accounts of one run are one customer (DESIGN.md, Identity). Accounts join when their
 * identifiers are one once normalized (account-key.ts), when a document names another identifier
 * of its customer (a bill's line beside its customer number), when one bill number is claimed by
 * two accounts with the same content (the export and the PDF of one bill), and when a letter,
 * credit note or payment names a bill of another account. One bill number claimed by two accounts
 * with different content is a conflict: reported, and nothing joins through it.
 */
import { TransientInt32 } from '../engine/transient.js';
import type { DocumentKind } from '../model/document.js';
import {
  type AccountKey,
  accountKey,
  documentKey,
  frenchNationalLineKeyHash,
  type IdentifierKind,
} from './account-key.js';
import { AccountTable, fnv1a } from '../engine/account-table.js';
import { type Claim, FirstClaims } from './claims.js';
import { UnionFind } from './union-find.js';

/** What the join needs of one document: its account number (the store's), kind, id, total and references. */
export interface IdentityEntry {
  readonly index: number;
  readonly account: number;
  readonly kind: DocumentKind;
  readonly id: string | undefined;
  /** Integer cents; NaN when absent or not whole cents. */
  readonly totalCents: number;
  readonly issueDay: number | undefined;
  readonly references: readonly string[];
  /**
   * claimHash of the bill number, for an invoice or credit note with one, when its keeper kept it
   * (then given for every such entry, and only for those).
   */
  readonly claimHash?: number;
}

export interface IdentityInput {
  /** Account names by the store's number, as the documents wrote them. */
  readonly names: readonly string[];
  /** The country of an account's documents by its number, when one said it (national phone forms depend on it); none without it. */
  readonly countryOf?: (number: number) => string | undefined;
  /** Other identifiers a document named beside its account (account name → names). */
  readonly aliases: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every entry, once. */
  readonly entries: Iterable<IdentityEntry>;
  /** How many entries there are, when known: the table of claims is then sized once (memory, issue 19). */
  readonly size?: number;
  /**
   * The entry of an index, from where the entries are kept (the store): the claims then keep only
   * indexes (memory, issue 19). Without it, the join keeps the claimed entries it is given.
   */
  readonly entryAt?: (index: number) => IdentityEntry;
  /** The claimHash of the entry at an index, from where it is kept (the store's column); else computed. */
  readonly claimHashAt?: (index: number) => number;
  /**
   * The number of a name among `names`, -1 for a name not among them, from where the names are
   * kept (the store's table): nameOf then looks names up there. Without it, the join builds a
   * table of its own (at 250 000 accounts a thread, 7 MB more at the end phase's peak; issue 19).
   */
  readonly numberOf?: (name: string) => number;
  /**
   * Store accounts another thread checks (taken out, check/parallel): out of this thread's joins,
   * each alone and named as a thread that never saw it names one (accountKey without a country).
   * Joined here, two forms of one line taken out were counted joined by both threads (one account
   * short on two threads), and named in this thread's country where the other thread read them in
   * another (review).
   */
  readonly isTaken?: (number: number) => boolean;
}

export interface AliasNote {
  readonly name: string;
  readonly kind: IdentifierKind;
  /** The kinds of documents that used this name (empty: only named beside another identifier). */
  readonly documents: readonly DocumentKind[];
  readonly invisible: readonly string[];
}

/** An account of the report that the run knows under several names, or under one written with invisible characters. */
export interface JoinedAccount {
  readonly name: string;
  readonly kind: IdentifierKind;
  readonly invisible: readonly string[];
  readonly aliases: readonly AliasNote[];
}

export interface IdentityConflict {
  readonly invoiceId: string;
  /** Entry indexes: the first claim, and the one whose content differs; and their account numbers. */
  readonly first: number;
  readonly second: number;
  readonly firstAccount: number;
  readonly secondAccount: number;
}

export interface AccountJoin {
  /** For each store account number, the number of the joined account it belongs to (its first member's). */
  readonly rootOf: Int32Array;
  /** The name reports give each store account: its joined account's. */
  readonly names: readonly string[];
  /** How many accounts the store's accounts make once joined. */
  readonly groups: number;
  /** The joined accounts that have something to show (aliases or invisible characters), by name. */
  readonly accounts: ReadonlyMap<string, JoinedAccount>;
  readonly conflicts: readonly IdentityConflict[];
  /** The report name of the account a document wrote as `raw` (itself when the run never saw it). */
  nameOf(raw: string): string;
  /**
   * The raw names whose report name differs from the name any thread gives a name it never saw
   * (accountKey's display, see nameOf): a thread hands them to the one that writes the report.
   */
  renamed(): [raw: string, name: string][];
}

const KIND_BITS: readonly DocumentKind[] = ['invoice', 'credit-note', 'dunning', 'payment', 'termination'];

function sameContent(a: Claim, b: Claim): boolean {
  const totals = Number.isNaN(a.totalCents) || Number.isNaN(b.totalCents) || a.totalCents === b.totalCents;
  const days = a.issueDay === undefined || b.issueDay === undefined || a.issueDay === b.issueDay;
  return totals && days;
}

export function joinAccounts(input: IdentityInput): AccountJoin {
  const { names } = input;
  const { all, numberOf } = withAliasNames(names, input.aliases);
  const sets = new UnionFind(all.length);
  const taken = input.isTaken ?? neverTaken;
  const keys = accountKeys(all, input.countryOf ?? noCountry, sets, taken);
  for (const [account, aliases] of input.aliases) {
    const number = numberOf.get(account);
    if (number === undefined || taken(number)) continue;
    for (const alias of aliases) {
      const other = numberOf.get(alias) as number;
      if (!taken(other)) sets.union(number, other);
    }
  }

  const kinds = new Uint8Array(all.length);
  // The first claim of each bill number; a later claim by another account joins it (same bill) or conflicts.
  const claimed = input.entryAt === undefined ? new Map<number, IdentityEntry>() : undefined;
  const claims = new FirstClaims(
    input.entryAt ?? ((index) => claimed?.get(index) as IdentityEntry),
    input.size,
    input.claimHashAt,
  );
  const conflicts: IdentityConflict[] = [];
  const ambiguous = new Set<string>();
  // Letters and notes that name bills: their account numbers, and the names (the store's arrays).
  const referringAccounts: number[] = [];
  const referenceLists: (readonly string[])[] = [];
  for (const entry of input.entries) {
    kinds[entry.account] = (kinds[entry.account] as number) | (1 << KIND_BITS.indexOf(entry.kind));
    // A claim hash is given for a claim with a number: its number is then read only if needed (FirstClaims).
    if ((entry.kind === 'invoice' || entry.kind === 'credit-note') && (entry.claimHash ?? entry.id) !== undefined) {
      claimed?.set(entry.index, entry);
      const first = claims.firstOrKeep(entry, entry.index, entry.claimHash);
      if (
        first !== undefined &&
        first.account !== entry.account &&
        sets.find(first.account) !== sets.find(entry.account)
      ) {
        if (sameContent(first, entry)) sets.union(first.account, entry.account);
        else {
          const id = documentKey(entry.id ?? '');
          conflicts.push({
            invoiceId: id,
            first: first.index,
            second: entry.index,
            firstAccount: first.account,
            secondAccount: entry.account,
          });
          ambiguous.add(id);
        }
      }
    }
    if (entry.references.length > 0) {
      referringAccounts.push(entry.account);
      referenceLists.push(entry.references);
    }
  }
  referenceLists.forEach((references, at) => {
    for (const reference of references) {
      const id = documentKey(reference);
      const claim = claims.find(id);
      if (claim !== undefined && !ambiguous.has(id)) sets.union(referringAccounts[at] as number, claim.account);
    }
  });
  claims.free();
  const join = describe(all, names.length, keys, kinds, sets.takeRoots(), conflicts, input.numberOf);
  sets.free();
  return join;
}

function kindsOf(bits: number): DocumentKind[] {
  return KIND_BITS.filter((_, bit) => (bits & (1 << bit)) !== 0);
}

/**
 * Each account's key, in columns: a run of 500 000 accounts held 500 000 key objects, kept alive
 * after the join by the closure of nameOf (issue 19). Only a display other than the name is kept:
 * nearly every name of a bill run is its own display, and an array of 250 000 was 2 MB at the peak.
 * The keys themselves are not kept: at 500 000 accounts their strings and the table of them took
 * 140 MB at the join's peak, most of it promoted to the old generation and dead right after (issue
 * 19: memory). The accounts of one key are found by its hash, and the rare equal hash is told apart
 * by computing the first account's key again.
 */
interface AccountKeys {
  /** Sparse: the displays that differ from the name. */
  readonly display: Map<number, string>;
  readonly line: Uint8Array;
  /** Sparse: the invisible characters of the few names that had any. */
  readonly invisible: Map<number, readonly string[]>;
  /** The key of one account, computed again (describeSet, for the few accounts joined). */
  readonly keyOf: (number: number) => string;
}

const NO_INVISIBLE: readonly string[] = Object.freeze([]);
const noCountry = (): undefined => undefined;
const neverTaken = (): boolean => false;
const EMPTY_SLOT = -1;

/** The keys of every name; the names of one key joined in `sets`. */
function accountKeys(
  all: readonly string[],
  countryOf: (number: number) => string | undefined,
  sets: UnionFind,
  taken: (number: number) => boolean,
): AccountKeys {
  const keyOf = (number: number): string => accountKey(all[number] as string, countryOf(number)).key;
  const keys: AccountKeys = { display: new Map(), line: new Uint8Array(all.length), invisible: new Map(), keyOf };
  // Open addressing over the keys' hashes, at most half full: the first account of each key.
  let size = 1024;
  while (size < all.length * 2) size *= 2;
  // Given back once every key is placed (engine/transient.ts).
  const slotTable = new TransientInt32(size);
  const hashTable = new TransientInt32(all.length);
  const slots = slotTable.array.fill(EMPTY_SLOT);
  const hashes = hashTable.array;
  const mask = size - 1;
  all.forEach((name, number) => {
    if (taken(number)) {
      // Alone, keyed in no table, named as by a thread that never saw it; no invisible characters
      // to show (the thread that checks it shows them).
      const key = accountKey(name);
      if (key.display !== name) keys.display.set(number, key.display);
      if (key.kind === 'line') keys.line[number] = 1;
      return;
    }
    const country = countryOf(number);
    // A French line as exports write it ("0612345678"): its key hashed without being made, the
    // name its own display, as accountKey would give them (its shortcut, frenchNationalLine).
    let hash = country === undefined || country === 'FR' ? frenchNationalLineKeyHash(name) : undefined;
    /** The key itself: made on the rare equal hash of a fast-path line. */
    let text: string | undefined;
    if (hash !== undefined) keys.line[number] = 1;
    else {
      const key = accountKey(name, country);
      if (key.display !== name) keys.display.set(number, key.display);
      if (key.kind === 'line') keys.line[number] = 1;
      if (key.invisible.length > 0) keys.invisible.set(number, key.invisible);
      text = key.key;
      hash = fnv1a(text);
    }
    hashes[number] = hash;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const first = slots[slot] as number;
      if (first === EMPTY_SLOT) {
        slots[slot] = number;
        break;
      }
      if (hashes[first] === hash && keyOf(first) === (text ??= keyOf(number))) {
        sets.union(first, number);
        break;
      }
    }
  });
  slotTable.free();
  hashTable.free();
  return keys;
}

/** How reports show the name of one number. */
function displayOf(keys: AccountKeys, all: readonly string[], number: number): string {
  return keys.display.get(number) ?? (all[number] as string);
}

function keyAt(keys: AccountKeys, all: readonly string[], number: number): AccountKey {
  return {
    key: keys.keyOf(number),
    display: displayOf(keys, all, number),
    kind: keys.line[number] === 1 ? 'line' : 'customer',
    invisible: keys.invisible.get(number) ?? NO_INVISIBLE,
  };
}

/**
 * Names a document gave beside its account join the table as accounts without documents: the
 * names with those appended (a copy), and every name's number. Without aliases, the names
 * themselves and no numbers: a copy of 250 000 names was 2 MB at the end phase's peak (issue 19).
 */
function withAliasNames(
  names: readonly string[],
  aliases: ReadonlyMap<string, ReadonlySet<string>>,
): { all: readonly string[]; numberOf: Map<string, number> } {
  const numberOf = new Map<string, number>();
  if (aliases.size === 0) return { all: names, numberOf };
  const all = [...names];
  all.forEach((name, number) => numberOf.set(name, number));
  for (const named of aliases.values()) {
    for (const alias of named) if (!numberOf.has(alias)) numberOf.set(alias, all.push(alias) - 1);
  }
  return { all, numberOf };
}

/**
 * Each set's members in number order, by a counting sort over the roots: `order` from `starts[root]`
 * on. The counts become each set's end as its members are placed from the last number down, and
 * each end its start: no array of cursors beside them (1 MB at 250 000 accounts, issue 19).
 */
function membersByRoot(rootOf: Int32Array): { starts: TransientInt32; order: TransientInt32 } {
  const startTable = new TransientInt32(rootOf.length + 1);
  const starts = startTable.array;
  for (const root of rootOf) starts[root + 1] = (starts[root + 1] as number) + 1;
  for (let root = 0; root < rootOf.length; root++)
    starts[root + 1] = (starts[root + 1] as number) + (starts[root] as number);
  // starts[root + 1] is now the end of the root's members: fill each set backwards from it.
  const orderTable = new TransientInt32(rootOf.length);
  const order = orderTable.array;
  for (let number = rootOf.length - 1; number >= 0; number--) {
    const end = (starts[(rootOf[number] as number) + 1] as number) - 1;
    order[end] = number;
    starts[(rootOf[number] as number) + 1] = end;
  }
  // Each end has come down to its set's start, one place up: shift back.
  starts.copyWithin(0, 1);
  starts[rootOf.length] = rootOf.length;
  return { starts: startTable, order: orderTable };
}

/** Report names: a joined account is named by its first line number, else by its first name. */
function describe(
  all: readonly string[],
  stored: number,
  keys: AccountKeys,
  kinds: Uint8Array,
  rootOf: Int32Array,
  conflicts: IdentityConflict[],
  numberOf: ((name: string) => number) | undefined,
): AccountJoin {
  const members = membersByRoot(rootOf);
  const starts = members.starts.array;
  const order = members.order.array;
  const names = new Array<string>(all.length);
  const accounts = new Map<string, JoinedAccount>();
  // Sets in the order of their first member, as reports list them.
  for (let first = 0; first < all.length; first++) {
    const root = rootOf[first] as number;
    const begin = starts[root] as number;
    if (order[begin] !== first) continue;
    const list = order.subarray(begin, starts[root + 1]);
    if (list.length === 1 && !keys.invisible.has(first)) {
      // Alone and plainly written (nearly every account of a bill run): nothing to show.
      names[first] = displayOf(keys, all, first);
      continue;
    }
    describeSet(Array.from(list), all, keys, kinds, names, accounts);
  }
  // Each set is numbered by its first member: a stored account (names given only beside an account come after them).
  const groupOf = new Int32Array(stored);
  for (let number = 0; number < stored; number++)
    groupOf[number] = order[starts[rootOf[number] as number] as number] as number;
  members.starts.free();
  members.order.free();
  let groups = 0;
  for (let number = 0; number < stored; number++) if (groupOf[number] === number) groups++;
  // The names given only beside an account are not the store's: a copy without them, else the array itself.
  const reportNames = all.length === stored ? names : names.slice(0, stored);
  return {
    rootOf: groupOf,
    groups,
    names: reportNames,
    accounts,
    conflicts,
    nameOf: numberOf === undefined ? nameLookup(all, stored, reportNames) : storedLookup(numberOf, reportNames),
    renamed: () => renamedNames(all, stored, reportNames),
  };
}

/**
 * The stored names whose report name is not the one the report's thread would give them unseen:
 * joined, written with invisible characters, or national numbers read in a document's country.
 * Not the lines that are only written another way ("+33612345678", named "0612345678"): at 500 000
 * accounts so written, their list was 250 000 pairs copied to the main thread and a Map there,
 * 40 MB at the end of the run (issue 19).
 */
function renamedNames(all: readonly string[], stored: number, names: readonly string[]): [string, string][] {
  const renamed: [string, string][] = [];
  for (let number = 0; number < stored; number++) {
    const raw = all[number] as string;
    const name = names[number] as string;
    if (name !== raw && name !== accountKey(raw).display) renamed.push([raw, name]);
  }
  return renamed;
}

/** One set of several names (or of one written with invisible characters): its report name and aliases. */
function describeSet(
  list: readonly number[],
  all: readonly string[],
  keys: AccountKeys,
  kinds: Uint8Array,
  names: string[],
  accounts: Map<string, JoinedAccount>,
): void {
  const named = list.find((number) => keys.line[number] === 1) ?? (list[0] as number);
  const own = keyAt(keys, all, named);
  for (const number of list) names[number] = own.display;
  // One alias per key, named as first written, with the documents of every form of it.
  const byKey = new Map<string, { name: string; kind: IdentifierKind; kinds: number; invisible: Set<string> }>();
  const invisible = new Set<string>();
  for (const number of list) {
    const key = keyAt(keys, all, number);
    for (const char of key.invisible) invisible.add(char);
    if (key.key === own.key) continue;
    const alias = byKey.get(key.key) ?? { name: key.display, kind: key.kind, kinds: 0, invisible: new Set<string>() };
    byKey.set(key.key, alias);
    alias.kinds |= kinds[number] as number;
    for (const char of key.invisible) alias.invisible.add(char);
  }
  const aliases: AliasNote[] = [...byKey.values()].map((alias) => ({
    name: alias.name,
    kind: alias.kind,
    documents: kindsOf(alias.kinds),
    invisible: [...alias.invisible],
  }));
  if (aliases.length > 0 || invisible.size > 0)
    accounts.set(own.display, { name: own.display, kind: own.kind, invisible: [...invisible], aliases });
}

/**
 * nameOf for the stored names: a table of the names (20 bytes each, where a Map cost about 60),
 * built apart so that its closure keeps nothing else of the join alive.
 */
function nameLookup(all: readonly string[], stored: number, names: readonly string[]): (raw: string) => string {
  const table = new AccountTable();
  const numberOf = new Int32Array(stored);
  // A name given twice (never by the store) is the later one's, as a Map's set would have it.
  for (let number = 0; number < stored; number++) numberOf[table.idOf(all[number] as string)] = number;
  return (raw) => {
    const id = table.find(raw);
    return id === -1 ? accountKey(raw).display : (names[numberOf[id] as number] as string);
  };
}

/** nameOf for the stored names, looked up where they are kept (IdentityInput.numberOf). */
function storedLookup(numberOf: (name: string) => number, names: readonly string[]): (raw: string) => string {
  return (raw) => {
    const number = numberOf(raw);
    return number === -1 ? accountKey(raw).display : (names[number] as string);
  };
}
