/**
 * The first claim of each bill number in a run, for the joins of join.ts (issue 19: memory). A
 * Map from each bill number's key to a claim object held a million keys and objects at the end
 * of a million-row run, about 190 bytes a bill and 95 MB on each thread at once; typed columns of
 * the claims' content then took 48 bytes a bill, then 8 (a hash and an entry index). Here a claim is
 * its entry's index in an open-addressing table (4 bytes a slot): its hash, bill number, account,
 * total and date are read from where the entries are kept (the entry store), the key computed
 * again from the bill number on the rare probe whose hash matches.
 */
import { TransientInt32 } from '../engine/transient.js';
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../engine/account-table.js';
import { documentKey, isKeySeparator } from './account-key.js';

const EMPTY = -1;
const FIRST_CAPACITY = 1024;
/**
 * The table grows past three quarters full: probes stay short (about 2.5 on a miss), and at five
 * million claims a thread it takes 2^23 slots (32 MB) where at most half full it took 2^24 (64 MB).
 */
const MAX_LOAD = 0.75;

/** What a join needs of a claim: which entry, of which account, with what content. */
export interface Claim {
  readonly index: number;
  readonly account: number;
  /** Integer cents; NaN when absent or not whole cents. */
  readonly totalCents: number;
  readonly issueDay: number | undefined;
}

/** A claimed entry as its keeper gives it back by index: the claim, and the bill number as written. */
export interface ClaimedEntry extends Claim {
  readonly id: string | undefined;
}

/**
 * The hash of a bill number's key (documentKey): the entry store keeps it for each claim as it is
 * read, so that the end of a run, where threads compare claims and the join probes them, computes
 * no key again (issue 19: three passes of documentKey over a million bills, a second each).
 */
export function claimHash(id: string): number {
  return printableAsciiKeyHash(id) ?? fnv1a(documentKey(id));
}

/** The separators documentKey takes out of a printable ASCII bill number, from its own pattern. */
const ASCII_SEPARATOR = new Uint8Array(128);
for (let code = 0x20; code <= 0x7e; code++) if (isKeySeparator(String.fromCharCode(code))) ASCII_SEPARATOR[code] = 1;

/**
 * fnv1a of documentKey(id) for a printable ASCII bill number, in one pass and without making the
 * key: separators skipped, a-z as A-Z (a million bills read, 0.6 s of making keys). Undefined for
 * any other character, and for a number of separators alone (its key is itself): the long way.
 */
function printableAsciiKeyHash(id: string): number | undefined {
  let hash = FNV_OFFSET;
  let kept = 0;
  for (let at = 0; at < id.length; at++) {
    let code = id.charCodeAt(at);
    if (code < 0x20 || code > 0x7e) return undefined;
    if (ASCII_SEPARATOR[code] === 1) continue;
    if (code >= 0x61 && code <= 0x7a) code -= 0x20;
    hash = Math.imul(hash ^ code, FNV_PRIME);
    kept++;
  }
  return kept === 0 ? undefined : hash | 0;
}

/** A bill number as given, or read from its entry. */
function billNumberOf(id: string | { readonly id: string | undefined }): string {
  return typeof id === 'string' ? id : (id.id ?? '');
}

export class FirstClaims {
  /**
   * Open addressing, linear probing: the entry index of the claim whose key hashes there, or EMPTY.
   * The hash is read back from where the entries are kept (hashAt), not held here: at five million
   * claims a thread, columns of hashes and indexes beside the slots took 40 MB more (issue 19).
   */
  private table: TransientInt32;
  private slots: Int32Array;
  private count = 0;

  /**
   * `entryAt`: the claimed entry of an index (the store's, not a copy). `expected`: how many
   * claims may come, when known (the entries of the run): sized once, the table leaves no
   * outgrown copies for the collector. `hashAt`: the claimHash of the bill number of the entry at
   * an index, where it is kept (the store's column); by default computed from the entry.
   */
  constructor(
    private readonly entryAt: (index: number) => ClaimedEntry,
    expected = FIRST_CAPACITY,
    private readonly hashAt: (index: number) => number = (index) => claimHash(entryAt(index).id ?? ''),
  ) {
    const capacity = Math.max(FIRST_CAPACITY, expected);
    let slots = FIRST_CAPACITY * 2;
    while (slots * MAX_LOAD < capacity) slots *= 2;
    this.table = new TransientInt32(slots);
    this.slots = this.table.array.fill(EMPTY);
  }

  /** Gives the table's memory back (engine/transient.ts): no claim is looked up after. */
  free(): void {
    this.table.free();
  }

  get size(): number {
    return this.count;
  }

  /**
   * The first claim of the bill number written `id`, or undefined when the entry at `index`, which
   * bills it, is the first: it is then kept. `hash` is its key's (claimHash), when the caller kept
   * it: the key itself is then computed only on a probe whose hash matches, and `id` may be the
   * entry whose bill number it is, read only then (the entry store decodes it from bytes: 500 000
   * of them were a third of a thread's join, issue 19).
   */
  firstOrKeep(
    id: string | { readonly id: string | undefined },
    index: number,
    hash: number = claimHash(billNumberOf(id)),
  ): Claim | undefined {
    const mask = this.slots.length - 1;
    let key: string | undefined;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const kept = this.slots[slot] as number;
      if (kept === EMPTY) {
        this.keep(slot, index);
        return undefined;
      }
      if (this.hashAt(kept) !== hash) continue;
      key ??= documentKey(billNumberOf(id));
      const claim = this.matching(kept, key);
      if (claim !== undefined) return claim;
    }
  }

  /** The first claim of the bill number whose key is `key`, if any. */
  find(key: string): Claim | undefined {
    const hash = fnv1a(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const kept = this.slots[slot] as number;
      if (kept === EMPTY) return undefined;
      if (this.hashAt(kept) !== hash) continue;
      const claim = this.matching(kept, key);
      if (claim !== undefined) return claim;
    }
  }

  /** The claim of the entry at `index` when its key is `key` (its hash already matched). */
  private matching(index: number, key: string): Claim | undefined {
    const entry = this.entryAt(index);
    if (entry.id === undefined || documentKey(entry.id) !== key) return undefined;
    return { index: entry.index, account: entry.account, totalCents: entry.totalCents, issueDay: entry.issueDay };
  }

  private keep(slot: number, index: number): void {
    this.slots[slot] = index;
    this.count++;
    if (this.count > this.slots.length * MAX_LOAD) this.growSlots();
  }

  private growSlots(): void {
    const table = new TransientInt32(this.slots.length * 2);
    const slots = table.array.fill(EMPTY);
    const mask = slots.length - 1;
    for (const index of this.slots) {
      if (index === EMPTY) continue;
      let slot = this.hashAt(index) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index;
    }
    this.table.free();
    this.table = table;
    this.slots = slots;
  }
}
