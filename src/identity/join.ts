/**
 * Which accounts of one run are one customer (DESIGN.md, Identity). Accounts join when their
 * identifiers are one once normalized (account-key.ts), when a document names another identifier
 * of its customer (a bill's line beside its customer number), when one bill number is claimed by
 * two accounts with the same content (the export and the PDF of one bill), and when a letter,
 * credit note or payment names a bill of another account. One bill number claimed by two accounts
 * with different content is a conflict: reported, and nothing joins through it.
 */
import type { DocumentKind } from '../model/document.js';
import { type AccountKey, accountKey, documentKey, type IdentifierKind } from './account-key.js';
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
}

export interface IdentityInput {
  /** Account names by the store's number, as the documents wrote them. */
  readonly names: readonly string[];
  /** The country of an account's documents, when one said it (national phone forms depend on it). */
  readonly countries: ReadonlyMap<string, string>;
  /** Other identifiers a document named beside its account (account name → names). */
  readonly aliases: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every entry, once. */
  readonly entries: Iterable<IdentityEntry>;
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
  /** The raw names whose report name differs (a thread hands them to the one that writes the report). */
  renamed(): [raw: string, name: string][];
}

interface Claim {
  readonly index: number;
  readonly account: number;
  readonly totalCents: number;
  readonly issueDay: number | undefined;
}

const KIND_BITS: readonly DocumentKind[] = ['invoice', 'credit-note', 'dunning', 'payment', 'termination'];

function sameContent(a: Claim, b: Claim): boolean {
  const totals = Number.isNaN(a.totalCents) || Number.isNaN(b.totalCents) || a.totalCents === b.totalCents;
  const days = a.issueDay === undefined || b.issueDay === undefined || a.issueDay === b.issueDay;
  return totals && days;
}

export function joinAccounts(input: IdentityInput): AccountJoin {
  const { names } = input;
  // Names a document gave beside its account join the table as accounts without documents.
  const all = [...names];
  const numberOf = new Map<string, number>();
  all.forEach((name, number) => numberOf.set(name, number));
  for (const aliases of input.aliases.values()) {
    for (const alias of aliases) if (!numberOf.has(alias)) numberOf.set(alias, all.push(alias) - 1);
  }
  const keys: AccountKey[] = all.map((name) => accountKey(name, input.countries.get(name)));
  const sets = new UnionFind(all.length);
  const byKey = new Map<string, number>();
  keys.forEach((key, number) => {
    const first = byKey.get(key.key);
    if (first === undefined) byKey.set(key.key, number);
    else sets.union(first, number);
  });
  for (const [account, aliases] of input.aliases) {
    const number = numberOf.get(account);
    if (number === undefined) continue;
    for (const alias of aliases) sets.union(number, numberOf.get(alias) as number);
  }

  const kinds = new Uint8Array(all.length);
  // The first claim of each bill number; a later claim by another account joins it (same bill) or conflicts.
  const claims = new Map<string, Claim>();
  const conflicts: IdentityConflict[] = [];
  const ambiguous = new Set<string>();
  const referring: { account: number; references: readonly string[] }[] = [];
  for (const entry of input.entries) {
    kinds[entry.account] = (kinds[entry.account] as number) | (1 << KIND_BITS.indexOf(entry.kind));
    if ((entry.kind === 'invoice' || entry.kind === 'credit-note') && entry.id !== undefined) {
      const id = documentKey(entry.id);
      const first = claims.get(id);
      const claim = {
        index: entry.index,
        account: entry.account,
        totalCents: entry.totalCents,
        issueDay: entry.issueDay,
      };
      if (first === undefined) claims.set(id, claim);
      else if (first.account !== claim.account && sets.find(first.account) !== sets.find(claim.account)) {
        if (sameContent(first, claim)) sets.union(first.account, claim.account);
        else {
          conflicts.push({
            invoiceId: id,
            first: first.index,
            second: claim.index,
            firstAccount: first.account,
            secondAccount: claim.account,
          });
          ambiguous.add(id);
        }
      }
    }
    if (entry.references.length > 0) referring.push({ account: entry.account, references: entry.references });
  }
  for (const { account, references } of referring) {
    for (const reference of references) {
      const id = documentKey(reference);
      const claim = claims.get(id);
      if (claim !== undefined && !ambiguous.has(id)) sets.union(account, claim.account);
    }
  }
  return describe(all, names.length, keys, kinds, sets.roots(), conflicts);
}

function kindsOf(bits: number): DocumentKind[] {
  return KIND_BITS.filter((_, bit) => (bits & (1 << bit)) !== 0);
}

/** Report names: a joined account is named by its first line number, else by its first name. */
function describe(
  all: readonly string[],
  stored: number,
  keys: readonly AccountKey[],
  kinds: Uint8Array,
  rootOf: Int32Array,
  conflicts: IdentityConflict[],
): AccountJoin {
  const members = new Map<number, number[]>();
  rootOf.forEach((root, number) => {
    const list = members.get(root);
    if (list === undefined) members.set(root, [number]);
    else list.push(number);
  });
  const names = new Array<string>(all.length);
  const accounts = new Map<string, JoinedAccount>();
  for (const list of members.values()) {
    const named = list.find((number) => keys[number]?.kind === 'line') ?? (list[0] as number);
    const own = keys[named] as AccountKey;
    for (const number of list) names[number] = own.display;
    // One alias per key, named as first written, with the documents of every form of it.
    const byKey = new Map<string, { name: string; kind: IdentifierKind; kinds: number; invisible: Set<string> }>();
    const invisible = new Set<string>();
    for (const number of list) {
      const key = keys[number] as AccountKey;
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
  const nameByRaw = new Map<string, string>();
  for (let number = 0; number < stored; number++) nameByRaw.set(all[number] as string, names[number] as string);
  // Each set is numbered by its first member: a stored account (names given only beside an account come after them).
  const groupOf = new Int32Array(stored);
  for (let number = 0; number < stored; number++)
    groupOf[number] = (members.get(rootOf[number] as number) as number[])[0] as number;
  let groups = 0;
  for (let number = 0; number < stored; number++) if (groupOf[number] === number) groups++;
  return {
    rootOf: groupOf,
    groups,
    names: names.slice(0, stored),
    accounts,
    conflicts,
    nameOf: (raw) => nameByRaw.get(raw) ?? accountKey(raw).display,
    renamed: () => [...nameByRaw].filter(([raw, name]) => raw !== name),
  };
}
