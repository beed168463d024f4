/**
 * Plans how to read one large CSV file in parallel: byte ranges that start at record boundaries
 * (never inside a quoted field) and never cut a document's rows apart, each read by its own
 * worker with the header line put in front of it.
 *
 * Quote parity decides what is a record boundary: a line break after an even number of quote
 * characters since the start of the file ends a record (escaped quotes `""` count twice and keep
 * the parity). Counting them costs a scan of the file with Buffer.indexOf, a small fraction of
 * what parsing it costs.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parse as parseSync } from 'csv-parse/sync';
import { isBareReference, mapColumns } from '../../parse/csv/columns.js';
import { MAX_TITLE_LINES, SAMPLE_BYTES as CSV_SAMPLE_BYTES, SAMPLE_ROWS } from '../../parse/csv/index.js';
import { Utf8Transcoder } from '../../parse/decode.js';
import { READ_CHUNK_BYTES } from '../../parse/read-chunk.js';
import { excelSeparatorHint, sniffDelimiter } from '../../parse/detect.js';

export interface CsvRange {
  /** Byte offsets: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Added to the line numbers the range's records get when read after the header (line 1). */
  readonly lineOffset: number;
}

export interface CsvSplitPlan {
  /** The header line's bytes with its line break, put in front of every range after the first. */
  readonly header: Buffer;
  readonly ranges: readonly CsvRange[];
  /** Set when the start of the file shows an encoding every worker must use. */
  readonly encoding?: string;
}

export interface SplitOptions {
  /**
   * Where each range but the last ends, as increasing parts of the file (0.25, 0.4…), for ranges of
   * unequal sizes (pool.ts's rangeEnds); default: `parts` equal ranges.
   */
  readonly ends?: readonly number[];
  /** Called once the file is known to be worth scanning for boundaries (workers started then boot meanwhile). */
  readonly beforeScan?: () => void;
  readonly delimiter?: string;
  readonly encoding?: string;
  readonly columnMap?: ReadonlyMap<string, string>;
}

const SCAN_CHUNK = 1 << 22;
const MIN_FIRST_RANGE_BYTES = CSV_SAMPLE_BYTES + 2 * READ_CHUNK_BYTES;
const SAMPLE_BYTES = 1 << 20;
/** How far past a boundary the rows of one document may run before the split is given up. */
const MAX_DOCUMENT_BYTES = 1 << 20;
const QUOTE = 0x22;
const LF = 0x0a;

/** Byte ranges for `parts` workers, or undefined when the file is better read in one piece. */
export function planCsvSplit(path: string, parts: number, options: SplitOptions = {}): CsvSplitPlan | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const sample = readAt(fd, 0, Math.min(size, SAMPLE_BYTES));
    const encoding = sharedEncoding(path, sample, options.encoding);
    if (encoding === null) return undefined;
    const headerEnd = recordEnd(sample, 0);
    if (headerEnd === undefined || headerEnd >= size) return undefined;
    const header = sample.subarray(0, headerEnd);
    // UTF-8, or else a single-byte encoding: Windows-1252 differs from Latin-1 only in 0x80–0x9F
    // (€, œ…), which header names do not need.
    const headerLine = header
      .toString(encoding === undefined || /^utf-?8$/i.test(encoding) ? 'utf8' : 'latin1')
      .replace(/^\uFEFF/, '')
      .replace(/\r?\n$/, '');
    if (excelSeparatorHint(headerLine) !== undefined) return undefined;
    const delimiter = options.delimiter ?? sniffDelimiter(headerLine) ?? ',';
    const keys = documentKeyColumns(path, headerLine, delimiter, options.columnMap);
    if (keys === undefined) return undefined;

    options.beforeScan?.();
    const scanner = new BoundaryScanner(fd, size);
    const ranges: CsvRange[] = [];
    let start = 0;
    let startLine = 0;
    const ends = options.ends ?? Array.from({ length: parts - 1 }, (_, part) => (part + 1) / parts);
    for (const [at, end] of ends.entries()) {
      const part = at + 1;
      const share = Math.floor(size * end);
      // The first range holds the whole sample the reader learns the file's conventions from, as
      // one reader of the file would (the later ranges adopt them): at most CSV_SAMPLE_BYTES, read
      // in chunks of READ_CHUNK_BYTES, the last of which may end past it.
      const target = part === 1 ? Math.max(share, firstRangeMinimum(sample)) : share;
      if (target <= start) continue;
      const boundary = scanner.boundaryAtOrAfter(target);
      if (boundary === undefined) break;
      const kept = keepDocumentTogether(fd, size, boundary, keys, delimiter);
      if (kept === undefined) return undefined;
      if (kept.offset >= size) break;
      ranges.push({ start, end: kept.offset, lineOffset: startLine });
      start = kept.offset;
      // The record at `start` is on physical line newlinesBefore + 1; after the header it reads as line 2.
      startLine = boundary.newlinesBefore + kept.extraNewlines - 1;
    }
    if (ranges.length === 0) return undefined;
    ranges.push({ start, end: size, lineOffset: startLine });
    // All ASCII so far: the first non-ASCII byte decides the encoding for the whole file; unless it
    // lies in the last range, the ranges after it must not decide on their own from their own bytes.
    const decided =
      encoding ?? encodingDecidedBefore(fd, path, sample.length, (ranges[ranges.length - 1] as CsvRange).start);
    return { header: Buffer.from(header), ranges, ...(decided === undefined ? {} : { encoding: decided }) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the first range may end at the earliest: past the sample a reader of the whole file learns
 * its conventions from. The reader ends its sample after the chunk in which it holds SAMPLE_ROWS
 * rows or CSV_SAMPLE_BYTES, so the range ends two chunks past the record that completes
 * SAMPLE_ROWS rows, title lines and header included. Only records with a letter or digit are
 * counted (the reader skips blank rows, and rows of empty cells): a count that errs errs long.
 */
function firstRangeMinimum(sample: Buffer): number {
  const records = SAMPLE_ROWS + MAX_TITLE_LINES + 1;
  let counted = 0;
  let offset = 0;
  while (counted < records) {
    const end = recordEnd(sample, offset);
    if (end === undefined) return MIN_FIRST_RANGE_BYTES;
    if (hasLetterOrDigit(sample, offset, end)) counted++;
    offset = end;
  }
  return Math.min(offset + 2 * READ_CHUNK_BYTES, MIN_FIRST_RANGE_BYTES);
}

function hasLetterOrDigit(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    if ((byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)) return true;
  }
  return false;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, buffer, read, length - read, position + read);
    if (got === 0) break;
    read += got;
  }
  return buffer.subarray(0, read);
}

/**
 * The encoding all ranges must be read with: the given one, or the one the start of the file
 * already shows (a later range would decide on its own first non-ASCII bytes, maybe otherwise:
 * a stray Windows-1252 byte in a UTF-8 file); undefined while all ASCII; null when the file must
 * not be split (UTF-16: its bytes have no line breaks to cut at).
 */
function sharedEncoding(path: string, sample: Buffer, given: string | undefined): string | undefined | null {
  if (sample[0] === 0xff || sample[0] === 0xfe) return null;
  if (given !== undefined) return /^utf-?16/i.test(given) ? null : given;
  const decided = decidedEncoding(path, sample);
  return decided !== undefined && /16/.test(decided) ? null : decided;
}

function decidedEncoding(path: string, bytes: Buffer): string | undefined {
  const transcoder = new Utf8Transcoder(path);
  transcoder.push(bytes);
  return transcoder.encoding;
}

/** The encoding the first non-ASCII byte between `from` and `to` decides (the bytes before are ASCII), if there is one. */
function encodingDecidedBefore(fd: number, path: string, from: number, to: number): string | undefined {
  for (let position = from; position < to; position += SCAN_CHUNK) {
    const chunk = readAt(fd, position, Math.min(SCAN_CHUNK, to - position));
    // Most chunks are ASCII: said at once (a native check), where the search below took 0.2 s of
    // an English export (issue 19).
    if (isAscii(chunk)) continue;
    // latin1 maps each byte to one character: a native search for the first byte ≥ 0x80.
    const at = chunk.toString('latin1').search(/[\x80-\xff]/);
    if (at === -1) continue;
    // What decides is that byte and the few after it; ASCII before it (the file's first bytes,
    // for the binary check) changes nothing.
    const head = readAt(fd, 0, Math.min(from, 4096));
    const window = readAt(fd, position + at, 64);
    return decidedEncoding(path, Buffer.concat([head, window]));
  }
  return undefined;
}

/** Offset just past the line break that ends the record starting at `from`, within `bytes`. */
function recordEnd(bytes: Buffer, from: number): number | undefined {
  let quoted = false;
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === LF && !quoted) return i + 1;
  }
  return undefined;
}

interface KeyColumns {
  readonly id: number;
  readonly kind: number;
  readonly account: number;
}

/** The columns that tell whether a row continues the document of the row before it. */
function documentKeyColumns(
  path: string,
  headerLine: string,
  delimiter: string,
  columnMap: ReadonlyMap<string, string> | undefined,
): KeyColumns | undefined {
  try {
    const [headers] = parseSync(headerLine, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    if (headers === undefined) return undefined;
    const { index, headers: names } = mapColumns(path, headers, columnMap);
    // Without a number column the reader may take a bare "Référence" column as the documents'
    // numbers (RowReader.adoptReferenceAsId): its rows are kept together too, in case it does.
    const bareReference = index.id === -1 && index.reference !== -1 && isBareReference(names[index.reference] ?? '');
    return { id: bareReference ? index.reference : index.id, kind: index.kind, account: index.account };
  } catch {
    // Whatever is wrong with the header, the single-reader path reports it properly.
    return undefined;
  }
}

export interface Boundary {
  readonly offset: number;
  /** Line breaks (LF) before `offset`: the record there starts on physical line newlinesBefore + 1. */
  readonly newlinesBefore: number;
  /** Where the record before the boundary starts. */
  readonly previousStart: number;
}

/**
 * Walks the file once, front to back, keeping the quote parity and the line count. Each search
 * for the next quote and the next line break is made once and its answer kept until the scan
 * passes it: searching for the next quote again after every line break would scan the rest of a
 * 4 MiB chunk once per line of a file that has no quote at all (issue 18: 2.7 × slower on two
 * threads than on one).
 */
export class BoundaryScanner {
  private position = 0;
  private quoted = false;
  private newlines = 0;
  private recordStart = 0;

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly chunkBytes: number = SCAN_CHUNK,
  ) {}

  /** The first record boundary at or after `target`. */
  boundaryAtOrAfter(target: number): Boundary | undefined {
    while (this.position < this.size) {
      const chunk = readAt(this.fd, this.position, Math.min(this.chunkBytes, this.size - this.position));
      if (chunk.length === 0) return undefined;
      const base = this.position;
      const nextQuote = new NextByte(chunk, QUOTE);
      const nextBreak = new NextByte(chunk, LF);
      let at = 0;
      for (;;) {
        const quote = nextQuote.from(at);
        const lineBreak = nextBreak.from(at);
        if (quote === undefined && lineBreak === undefined) break;
        if (quote !== undefined && (lineBreak === undefined || quote < lineBreak)) {
          this.quoted = !this.quoted;
          at = quote + 1;
          continue;
        }
        at = (lineBreak as number) + 1;
        this.newlines++;
        if (this.quoted) continue;
        const offset = base + at;
        if (offset >= target) {
          const previousStart = this.recordStart;
          this.recordStart = offset;
          this.position = offset;
          return { offset, newlinesBefore: this.newlines, previousStart };
        }
        this.recordStart = offset;
      }
      this.position = base + chunk.length;
    }
    return undefined;
  }
}

/** The next position of one byte in a buffer, searched for only when the scan has passed the last one found. */
class NextByte {
  /** The last answer: a position, or the buffer's length when the byte is not in the rest of it. */
  private found = -1;

  constructor(
    private readonly bytes: Buffer,
    private readonly byte: number,
  ) {}

  from(at: number): number | undefined {
    if (this.found < at) {
      const position = this.bytes.indexOf(this.byte, at);
      this.found = position === -1 ? this.bytes.length : position;
    }
    return this.found < this.bytes.length ? this.found : undefined;
  }
}

/**
 * Moves a boundary past the rows that continue the document before it (same id, or a row with
 * no id, kind and account, which the reader joins to the document above).
 */
function keepDocumentTogether(
  fd: number,
  size: number,
  boundary: Boundary,
  keys: KeyColumns,
  delimiter: string,
): { offset: number; extraNewlines: number } | undefined {
  if (keys.id === -1) return { offset: boundary.offset, extraNewlines: 0 };
  const windowEnd = Math.min(size, boundary.offset + MAX_DOCUMENT_BYTES);
  const window = readAt(fd, boundary.previousStart, windowEnd - boundary.previousStart);
  const previousEnd = boundary.offset - boundary.previousStart;
  const previous = cells(window.subarray(0, previousEnd), delimiter);
  if (previous === undefined) return undefined;
  let offset = previousEnd;
  let extraNewlines = 0;
  for (;;) {
    if (boundary.previousStart + offset >= size) return { offset: size, extraNewlines };
    const end = recordEnd(window, offset) ?? (windowEnd === size ? window.length : undefined);
    if (end === undefined) return undefined;
    const record = cells(window.subarray(offset, end), delimiter);
    if (record === undefined) return undefined;
    if (!continuesDocument(previous, record, keys)) return { offset: boundary.previousStart + offset, extraNewlines };
    extraNewlines += countLineBreaks(window, offset, end);
    offset = end;
  }
}

function countLineBreaks(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF, from); at !== -1 && at < to; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

function cells(bytes: Buffer, delimiter: string): string[] | undefined {
  try {
    const [record] = parseSync(bytes.toString('latin1'), {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
    }) as string[][];
    return record ?? [];
  } catch {
    return undefined;
  }
}

function continuesDocument(previous: readonly string[], record: readonly string[], keys: KeyColumns): boolean {
  const cell = (row: readonly string[], column: number): string => (column === -1 ? '' : (row[column] ?? '').trim());
  const id = cell(record, keys.id);
  if (id === '') return cell(record, keys.kind) === '' && cell(record, keys.account) === '';
  return id === cell(previous, keys.id);
}
