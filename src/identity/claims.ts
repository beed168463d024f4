/**
 * The first claim of each bill number in a run, for the joins of join.ts (issue 19: memory). A
 * Map from each bill number's key to a claim object held a million keys and objects at the end
 * of a million-row run, about 190 bytes a bill and 95 MB on each thread at once. Here the claims
 * are typed columns (32 bytes a claim) and an open-addressing table of claim numbers; keys are
 * not kept: a claim keeps the bill number as the document wrote it (the store's own string) and
 * its key is computed again on the rare probe whose hash matches.
 */
import { fnv1a } from '../engine/account-table.js';
import { documentKey } from './account-key.js';

const EMPTY = -1;
/** Issue days are day numbers of four-digit years; this one marks "no date". */
const NO_DAY = -0x8000_0000;
const FIRST_CAPACITY = 1024;

/** What a join needs of a claim: which entry, of which account, with what content. */
export interface Claim {
  readonly index: number;
  readonly account: number;
  /** Integer cents; NaN when absent or not whole cents. */
  readonly totalCents: number;
  readonly issueDay: number | undefined;
}

export class FirstClaims {
  /** Open addressing, linear probing: the claim number whose key hashes there, or EMPTY. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private indexes: Int32Array;
  private accounts: Int32Array;
  private cents: Float64Array;
  private days: Int32Array;
  /** The bill numbers as written (shared with the store, not copies). */
  private readonly ids: string[] = [];

  /**
   * `expected`: how many claims may come, when known (the entries of the run). Sized once, the
   * columns leave no outgrown copies for the collector: doubling from 1 024 left about 25 MB of
   * them at a million bills, still held when the run peaked (issue 19).
   */
  constructor(expected = FIRST_CAPACITY) {
    const capacity = Math.max(FIRST_CAPACITY, expected);
    let slots = FIRST_CAPACITY * 2;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(EMPTY);
    this.hashes = new Int32Array(capacity);
    this.indexes = new Int32Array(capacity);
    this.accounts = new Int32Array(capacity);
    this.cents = new Float64Array(capacity);
    this.days = new Int32Array(capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The first claim of the bill number `id` (its key `key`, from documentKey), or undefined when
   * this is the first: `claim` is then kept as it.
   */
  firstOrKeep(id: string, key: string, claim: Claim): Claim | undefined {
    const hash = fnv1a(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const number = this.slots[slot] as number;
      if (number === EMPTY) {
        this.keep(id, hash, slot, claim);
        return undefined;
      }
      if (this.matches(number, hash, key)) return this.claimAt(number);
    }
  }

  /** The first claim of the bill number whose key is `key`, if any. */
  find(key: string): Claim | undefined {
    const hash = fnv1a(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const number = this.slots[slot] as number;
      if (number === EMPTY) return undefined;
      if (this.matches(number, hash, key)) return this.claimAt(number);
    }
  }

  private matches(number: number, hash: number, key: string): boolean {
    return this.hashes[number] === hash && documentKey(this.ids[number] as string) === key;
  }

  private claimAt(number: number): Claim {
    const day = this.days[number] as number;
    return {
      index: this.indexes[number] as number,
      account: this.accounts[number] as number,
      totalCents: this.cents[number] as number,
      issueDay: day === NO_DAY ? undefined : day,
    };
  }

  private keep(id: string, hash: number, slot: number, claim: Claim): void {
    const number = this.ids.length;
    if (number === this.hashes.length) this.growColumns(number * 2);
    this.ids.push(id);
    this.hashes[number] = hash;
    this.indexes[number] = claim.index;
    this.accounts[number] = claim.account;
    this.cents[number] = claim.totalCents;
    this.days[number] = claim.issueDay ?? NO_DAY;
    this.slots[slot] = number;
    // At most half full, so that probes stay short.
    if (this.ids.length * 2 > this.slots.length) this.growSlots();
  }

  private growColumns(capacity: number): void {
    this.hashes = grown(this.hashes, new Int32Array(capacity));
    this.indexes = grown(this.indexes, new Int32Array(capacity));
    this.accounts = grown(this.accounts, new Int32Array(capacity));
    this.cents = grown(this.cents, new Float64Array(capacity));
    this.days = grown(this.days, new Int32Array(capacity));
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let number = 0; number < this.ids.length; number++) {
      let slot = (this.hashes[number] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = number;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
