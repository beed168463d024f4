/**
 * Account names to small integers (0, 1, 2… in the order first seen), for the per-document
 * lookups of a bill run: a million documents over 50 000 accounts. A Map keyed by the name cost
 * about 600 ns a lookup here, the name being a new string each time (hashed anew, then compared
 * with a key far away in memory); this table hashes the name once and probes typed arrays.
 */
const EMPTY = -1;
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over the UTF-16 code units from `from` on, from `seed` (another seed, another
 * independent hash; the hash of a text's start, the hash of the whole text).
 */
export function fnv1a(text: string, seed = FNV_OFFSET, from = 0): number {
  let hash = seed;
  for (let i = from; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash | 0;
}

const hashOf = (name: string): number => fnv1a(name);

export class AccountTable {
  readonly names: string[] = [];
  /** Open addressing, linear probing: the id of the name whose hash lands there, or EMPTY. */
  private slots = new Int32Array(1024).fill(EMPTY);
  private hashes = new Int32Array(512);

  get size(): number {
    return this.names.length;
  }

  /** The account's id, a new one when the name is new. */
  idOf(name: string): number {
    const hash = hashOf(name);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id === EMPTY) return this.add(name, hash, slot);
      if (this.hashes[id] === hash && this.names[id] === name) return id;
    }
  }

  /** The name's id, or -1 when the table never saw it (nothing is added). */
  find(name: string): number {
    const hash = hashOf(name);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id === EMPTY) return -1;
      if (this.hashes[id] === hash && this.names[id] === name) return id;
    }
  }

  /** Forgets every name; the table keeps its size, for as many names again. */
  clear(): void {
    this.names.length = 0;
    this.slots.fill(EMPTY);
  }

  nameOf(id: number): string {
    return this.names[id] as string;
  }

  private add(name: string, hash: number, slot: number): number {
    const id = this.names.length;
    this.names.push(name);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id;
    // At most half full, so that probes stay short.
    if (this.names.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.names.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
