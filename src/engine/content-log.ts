/**
 * Where the exact content of each numbered bill is kept until the account rules have run, so that
 * "the same bill" is decided by comparing contents, field by field (content-bytes.ts), never by a
 * hash. Contents are written to a file, not kept in memory: a bill run of ten million
 * invoices would otherwise hold hundreds of megabytes for the few numbers that repeat.
 *
 * Every thread of a run writes its own file in one directory; a reference names the writer and the
 * offset, so any thread can read what another wrote once that writer has flushed (EntryEncoder
 * flushes before it hands a batch over). Records are a 4-byte length and the bytes.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BillingDocument } from '../model/document.js';
import { contentDifference, writeContent } from './content-bytes.js';

/** A reference: writer × WRITER_SPAN + offset (exact in a double up to 2^53). */
export const WRITER_SPAN = 2 ** 40;
const MAX_WRITERS = 2 ** 12;
/**
 * Bytes kept before a write: a million bills' contents (80 MB) took 1 250 writes of 64 kB, each
 * opening the file again, 0.4 s of a run (issue 19); a thread writes its log at each batch it
 * hands over anyway.
 */
const BUFFER_BYTES = 1024 * 1024;
const LENGTH_BYTES = 4;
const ROOM_FOR_CONTENT = 64 * 1024;

/** A content reference for entries that have none (not a numbered invoice). */
export const NO_CONTENT = Number.NaN;

export class ContentLog {
  private directory: string | undefined;
  /** Bytes written to the file so far. */
  private written = 0;
  private buffer: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private buffered = 0;
  private readonly readers = new Map<number, number>();
  /** Other threads were given the directory: only the run's owner may close the log then. */
  private shared = false;
  private readonly removeAtExit = (): void => this.removeDirectory();

  private constructor(
    directory: string | undefined,
    private readonly writer: number,
    /** Whether close() removes the directory (the log made it). */
    private readonly ownsDirectory: boolean,
  ) {
    this.directory = directory;
  }

  /** A log with a directory of its own, made on first use and removed by close(). */
  static temporary(): ContentLog {
    return new ContentLog(undefined, 0, true);
  }

  /** Writer `writer` of a run whose directory another owns (a worker thread). */
  static inDirectory(directory: string, writer: number): ContentLog {
    if (!Number.isInteger(writer) || writer < 0 || writer >= MAX_WRITERS) throw new RangeError(`bad writer ${writer}`);
    return new ContentLog(directory, writer, false);
  }

  /** The run's directory (made now if need be), for the other threads' logs. */
  get sharedDirectory(): string {
    this.shared = true;
    return this.ensureDirectory();
  }

  /** Closes the log unless other threads may still read it (then the run closes it when all are done). */
  closeUnlessShared(): void {
    if (!this.shared) this.close();
  }

  /** Keeps `bytes`; returns the reference to compare them by. */
  append(bytes: Uint8Array): number {
    const ref = this.writer * WRITER_SPAN + this.written + this.buffered;
    const size = LENGTH_BYTES + bytes.length;
    if (this.buffered + size > this.buffer.length) {
      this.flush();
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
    }
    this.buffer.writeUInt32LE(bytes.length, this.buffered);
    this.buffer.set(bytes, this.buffered + LENGTH_BYTES);
    this.buffered += size;
    return ref;
  }

  /**
   * Keeps the content of a numbered bill (content-bytes.ts), written straight into the buffer;
   * returns the reference to compare it by.
   */
  appendContent(doc: BillingDocument, days: readonly (number | undefined)[]): number {
    // Room for a bill of a few hundred lines; a larger one grows the buffer once.
    if (this.buffer.length - this.buffered < ROOM_FOR_CONTENT) this.flush();
    const ref = this.writer * WRITER_SPAN + this.written + this.buffered;
    const start = this.buffered;
    const { buffer, end } = writeContent(doc, days, this.buffer, start + LENGTH_BYTES);
    this.buffer = buffer;
    buffer.writeUInt32LE(end - start - LENGTH_BYTES, start);
    this.buffered = end;
    return ref;
  }

  /** Writes what is buffered, so that other threads can read it. */
  flush(): void {
    if (this.buffered === 0) return;
    // Opened for each flush (every 64 kB), not kept: a worker that is stopped keeps no descriptor open.
    const path = fileOf(this.ensureDirectory(), this.writer);
    const fd = openSync(path, this.written === 0 ? 'w' : 'r+', 0o600);
    try {
      let done = 0;
      while (done < this.buffered) done += writeSync(fd, this.buffer, done, this.buffered - done, this.written + done);
    } finally {
      closeSync(fd);
    }
    this.written += this.buffered;
    this.buffered = 0;
  }

  /** Whether two references hold the same bytes. */
  same(a: number, b: number): boolean {
    if (a === b) return true;
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return Buffer.from(this.read(a)).equals(this.read(b));
  }

  /** The first field on which the two contents disagree, both stating it (see contentDifference). */
  difference(a: number, b: number): string | undefined {
    if (a === b) return undefined;
    // Without a kept content (not a numbered invoice) nothing tells the two apart.
    if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
    return contentDifference(Buffer.from(this.read(a)), this.read(b));
  }

  read(ref: number): Uint8Array {
    const writer = Math.floor(ref / WRITER_SPAN);
    const offset = ref - writer * WRITER_SPAN;
    if (writer === this.writer && offset >= this.written) {
      const at = offset - this.written;
      const length = this.buffer.readUInt32LE(at);
      return this.buffer.subarray(at + LENGTH_BYTES, at + LENGTH_BYTES + length);
    }
    const fd = this.readerOf(writer);
    const head = Buffer.alloc(LENGTH_BYTES);
    readExactly(fd, head, offset);
    const bytes = Buffer.alloc(head.readUInt32LE(0));
    readExactly(fd, bytes, offset + LENGTH_BYTES);
    return bytes;
  }

  /**
   * Closes the files and forgets what was kept (references taken before are void); removes the
   * directory when the log made it. The log may be used again: it starts afresh.
   */
  close(): void {
    for (const fd of this.readers.values()) closeSync(fd);
    this.readers.clear();
    this.written = 0;
    this.buffered = 0;
    this.shared = false;
    this.removeDirectory();
  }

  private removeDirectory(): void {
    if (!this.ownsDirectory || this.directory === undefined) return;
    rmSync(this.directory, { recursive: true, force: true });
    process.off('exit', this.removeAtExit);
    this.directory = undefined;
  }

  private ensureDirectory(): string {
    if (this.directory === undefined) {
      this.directory = mkdtempSync(join(tmpdir(), 'billcheck-'));
      // A run stopped early (a fatal error, Ctrl-C through process.exit) still leaves no file behind.
      if (this.ownsDirectory) process.once('exit', this.removeAtExit);
    }
    return this.directory;
  }

  private readerOf(writer: number): number {
    let fd = this.readers.get(writer);
    if (fd === undefined) {
      fd = openSync(fileOf(this.ensureDirectory(), writer), 'r');
      this.readers.set(writer, fd);
    }
    return fd;
  }
}

function fileOf(directory: string, writer: number): string {
  return join(directory, `content-${writer}.bin`);
}

function readExactly(fd: number, into: Buffer, position: number): void {
  let done = 0;
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    // A reference that points past what its writer flushed is a bug of the run, not of the input.
    if (read === 0) throw new Error('content log: a reference points past the end of its file');
    done += read;
  }
}
