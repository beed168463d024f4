/**
 * The bill numbers of the entry store, by entry index (issue 19: memory). A string an entry cost
 * about 40 bytes (a 15-character bill number's string and its slot in an array), kept until the
 * run ends: at ten million rows, 400 MB. Here ASCII bill numbers (nearly all of them) are bytes in
 * one buffer per block of entries, with each entry's end offset beside: about 19 bytes. A string
 * is made again when an entry is read. The rest (absent, empty, not ASCII, longer than
 * MAX_POOLED characters) is kept as it is in a sparse Map: exact whatever the input holds,
 * lone surrogates included, which bytes in UTF-8 could not give back.
 */
const BLOCK_BITS = 14;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
/** A block's buffer starts at this many bytes an entry and doubles when it needs more. */
const FIRST_BYTES_PER_ENTRY = 16;
/** Longer bill numbers are rare; this bound keeps a block's offsets far below 2^32. */
const MAX_POOLED = 255;
/** Buffer.write may need three bytes a UTF-16 unit before it tells that a string was not ASCII. */
const MAX_UTF8_PER_UNIT = 3;

class IdBlock {
  /** Each entry's end in `bytes`; its start is the previous entry's end. */
  readonly ends = new Uint32Array(BLOCK_SIZE);
  bytes = Buffer.alloc(BLOCK_SIZE * FIRST_BYTES_PER_ENTRY);
  used = 0;

  /** Keeps `id` if it is ASCII (its bytes are then as many as its characters); false leaves nothing written. */
  tryPush(at: number, id: string): boolean {
    this.reserve(id.length * MAX_UTF8_PER_UNIT);
    const written = this.bytes.write(id, this.used, 'utf8');
    if (written !== id.length) {
      this.ends[at] = this.used;
      return false;
    }
    this.used += written;
    this.ends[at] = this.used;
    return true;
  }

  skip(at: number): void {
    this.ends[at] = this.used;
  }

  /** The bill number kept at `at`; undefined when none was (an empty one is never kept here). */
  read(at: number): string | undefined {
    const start = at === 0 ? 0 : (this.ends[at - 1] as number);
    const end = this.ends[at] as number;
    // latin1 reads one character a byte: exact for the ASCII kept here, and faster than utf8.
    return end === start ? undefined : this.bytes.toString('latin1', start, end);
  }

  /** Whether a bill number is kept at `at`. */
  holds(at: number): boolean {
    return (this.ends[at] as number) !== (at === 0 ? 0 : (this.ends[at - 1] as number));
  }

  /** A full block gives back the unused end of its buffer. */
  trim(): void {
    if (this.used < this.bytes.length) this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    let length = this.bytes.length * 2;
    while (length < this.used + extra) length *= 2;
    const bytes = Buffer.alloc(length);
    this.bytes.copy(bytes, 0, 0, this.used);
    this.bytes = bytes;
  }
}

export class IdColumn {
  private readonly blocks: IdBlock[] = [];
  /** Entries whose bill number is not in a block: index → number; absent from both: no number. */
  private readonly others = new Map<number, string>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(id: string | undefined): void {
    const index = this.count++;
    const at = index & BLOCK_MASK;
    if (at === 0) {
      this.blocks[this.blocks.length - 1]?.trim();
      this.blocks.push(new IdBlock());
    }
    const block = this.blocks[index >>> BLOCK_BITS] as IdBlock;
    if (id === undefined) block.skip(at);
    else if (id.length === 0 || id.length > MAX_POOLED || !block.tryPush(at, id)) {
      block.skip(at);
      this.others.set(index, id);
    }
  }

  /** Whether the entry at `index` has a bill number, without making its string. */
  has(index: number): boolean {
    const block = this.blocks[index >>> BLOCK_BITS] as IdBlock;
    return block.holds(index & BLOCK_MASK) || this.others.has(index);
  }

  at(index: number): string | undefined {
    const block = this.blocks[index >>> BLOCK_BITS] as IdBlock;
    return block.read(index & BLOCK_MASK) ?? this.others.get(index);
  }
}
