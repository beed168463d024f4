/**
 * Splits UTF-8 bytes into CSV records with csv-parse, and gives each record the physical line
 * where it starts (the header is line 1 when the file starts with it).
 *
 * Only csv-parse's public API is used: the stream parser's `write`, `read` and `end`, its dataset
 * `info` (`lines`), the stream's `errored` property, and the documented error codes with the info
 * they carry. Writing a chunk parses it at once (csv-parse's transform calls back synchronously), so
 * the chunk's records can be read as `write` returns, and a syntax error is known before the next
 * chunk. Empty lines come out as records of one empty cell, so that every physical line is seen and
 * counted here: a record's line is the count of the lines before it, without a per-record info
 * object from csv-parse (which cost half of its own time).
 *
 * csv-parse does not publish the record left open by a quote that is never closed; the splitter
 * keeps the bytes after the last record itself and reads them again with the quote closed.
 *
 * Most lines of an export are one record each, of plain or simply quoted cells: those the splitter
 * reads itself (line-fields.ts), a native split where csv-parse reads byte by byte (issue 19: half
 * of a run's time on one thread), and it hands every other line to csv-parse.
 */
import type { CsvError } from 'csv-parse';
import { Parser } from 'csv-parse';
import { parse as parseWhole } from 'csv-parse/sync';
import { fieldsOfLine, readsLinesWith } from './line-fields.js';

/** Records longer than this are not CSV rows but a wrong delimiter or an unclosed quote. */
export const MAX_RECORD_BYTES = 1 << 20;

/**
 * Lines a record may run over (quoted line breaks) while the splitter still reads line by line;
 * a longer one, and everything after it, is left to csv-parse's stream.
 */
const MAX_LINES_OF_A_RECORD_READ_AS_LINES = 64;

/**
 * Bytes csv-parse's whole-text parse may read for the lines read here that need it (a stray
 * quote, a quoted line break) before the stream takes over the rest: each such line costs a
 * parse call of its own, and a record over many lines is parsed again with each line added, so
 * a file of such lines read line by line took many times the stream's time (found in review: 8 ×
 * on stray quotes, 20 × and more on cells of 20 lines and more).
 */
const MAX_BYTES_PARSED_WHOLE = 1 << 16;

const LF = 0x0a;
const CR = 0x0d;
const NO_BYTES = Buffer.alloc(0);

/** What reading the record at a line start gave: where the next record starts, or why it could not be read there. */
type LineRead = number | 'wait' | 'stream';

/** Records held by the stream between a write and the reads that take them: a 64 KiB chunk's worth and more. */
const RECORDS_PER_WRITE = 1 << 16;

function parserOptions(delimiter: string): ConstructorParameters<typeof Parser>[0] {
  return {
    delimiter,
    bom: false,
    relax_column_count: true,
    // A stray quote inside a cell (`Câble 2"`) is text, not a syntax error that drops the row.
    relax_quotes: true,
    // Empty lines are records of one empty cell, skipped here, so that lines are counted here.
    skip_empty_lines: false,
    // Explicit, not sniffed from the first line break: a file that mixes CRLF and LF (edited by
    // hand, or concatenated) must not read every LF as part of a cell.
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_RECORD_BYTES,
  };
}

/** Line breaks inside a record's cells, "\r\n" counted once, as an editor shows them. */
function lineBreaks(record: readonly string[]): { breaks: number; crlf: number } {
  let breaks = 0;
  let crlf = 0;
  for (const cell of record) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let at = 0; at < cell.length; at++) {
      const code = cell.charCodeAt(at);
      if (code === 0x0d) {
        breaks++;
        if (cell.charCodeAt(at + 1) === 0x0a) {
          crlf++;
          at++;
        }
      } else if (code === 0x0a) {
        breaks++;
      }
    }
  }
  return { breaks, crlf };
}

/** Line breaks in bytes, "\r\n" counted once. */
function lineBreaksOf(bytes: Buffer): number {
  let breaks = 0;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === CR) {
      breaks++;
      if (bytes[at + 1] === LF) at++;
    } else if (byte === LF) {
      breaks++;
    }
  }
  return breaks;
}

/** Whether a "\r" not followed by "\n" is in the bytes (the last byte may be the first half of a "\r\n" still to come). */
function hasLoneCr(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(CR); at !== -1 && at < bytes.length - 1; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) return true;
  }
  return false;
}

const isEmptyLine = (record: readonly string[]): boolean => record.length === 1 && record[0] === '';

/**
 * Records with the physical line each starts on. Lines are read here one by one while each holds
 * a whole record that can be read only one way (line-fields.ts), or a record over a few lines
 * that csv-parse reads whole; from the first line that is neither (a lone "\r", a quote never
 * closed, a record over the size limit) everything left goes to one csv-parse stream, which reads
 * it as it would have read the whole input.
 */
export class RecordSplitter {
  /** Records of the last `feed` or `end`, with their start lines (reused between calls). */
  readonly records: string[][] = [];
  readonly lines: number[] = [];
  /** Whether each record runs over more than one physical line (a quoted line break). */
  readonly multiline: boolean[] = [];
  private readonly parser: Parser;
  /** The physical line where the next record starts, in the splitter's own count. */
  private nextLine = 1;
  /** Lines csv-parse counted twice ("\r\n" inside quoted cells), so that its counter can be read. */
  private overcount = 0;
  private headerSeen = false;
  /** csv-parse's line counter where it stopped, once it has failed. */
  private stoppedAt: number | undefined;
  /**
   * The chunks that may hold the record in progress, with the physical line each starts on: kept
   * only to read a record left open by an unclosed quote again.
   */
  private tail: Array<{ readonly bytes: Buffer; readonly line: number; readonly startsInsideCrlf: boolean }> = [];
  /** The physical line where the next chunk fed starts, counted here ("\r\n" once). */
  private fedLine = 1;
  private fedEndsWithCr = false;
  /** Whether the bytes fed since the last record may hold a quote (then a cell may hold a line break). */
  private pendingMayQuote = false;
  /** Whether the chunk of the last write holds a quote. */
  private chunkHasQuote = false;
  /** Whether lines are still read here, before csv-parse's stream takes the rest. */
  private readsLines: boolean;
  /** While lines are read here: the bytes after the last record read, the start of the next. */
  private carry: Buffer = NO_BYTES;
  /** While lines are read here: the line breaks read (csv-parse's line counter, less one). */
  private breaksRead = 0;
  /** Bytes read so far by csv-parse's whole-text parse for lines read here (see MAX_BYTES_PARSED_WHOLE). */
  private bytesParsedWhole = 0;
  /** The splitter's line before csv-parse's stream's first one (lines read here before it took over). */
  private streamLineBase = 0;

  /**
   * `lineOffset` shifts the lines of the records after the first (the header): a worker reading
   * a later part of a file behind a copy of its header reports the file's own line numbers.
   */
  constructor(
    private readonly delimiter: string,
    private readonly lineOffset = 0,
    /** `readsLines: false` leaves every line to csv-parse's stream (the tests' reference reading). */
    options: { readonly readsLines?: boolean } = {},
  ) {
    this.readsLines = options.readsLines !== false && readsLinesWith(delimiter);
    // A stream option csv-parse hands to its Transform: the records of a write wait to be read.
    const streamOptions = { readableHighWaterMark: RECORDS_PER_WRITE };
    this.parser = new Parser({ ...parserOptions(delimiter), ...streamOptions } as ConstructorParameters<
      typeof Parser
    >[0]);
    // Errors are read from `errored` as each write returns; the event that follows is expected.
    this.parser.on('error', () => {});
  }

  /** Whether lines are still read here, not yet by csv-parse's stream (tests tell the reading apart by it). */
  get readingLines(): boolean {
    return this.readsLines;
  }

  /** The line where the record in progress starts (for errors about it). */
  get pendingRecordLine(): number {
    return this.nextLine + this.offsetAfterHeader;
  }

  /** What lineOffset adds once the header is read: the lines of a part of a file are the file's. */
  private get offsetAfterHeader(): number {
    return this.headerSeen ? this.lineOffset : 0;
  }

  /**
   * The record left open at the end of the input by a quote that is never closed: the cells
   * before the open one, and the open cell's text (quotes unescaped, as csv-parse reads them).
   */
  get pendingRecord(): { readonly cells: readonly string[]; readonly openCell: string } {
    const raw = this.textFromLine(this.nextLine);
    try {
      const [record] = parseWhole(`${raw}"`, parserOptions(this.delimiter)) as string[][];
      if (record !== undefined && record.length > 0) {
        return { cells: record.slice(0, -1), openCell: record[record.length - 1] ?? '' };
      }
    } catch {
      // Not a record even with its quote closed: the whole tail is the open cell.
    }
    return { cells: [], openCell: raw };
  }

  /** The last physical line the splitter has reached (after csv-parse's error: where it stopped). */
  get currentLine(): number {
    const streamLine = (this.stoppedAt ?? this.parser.info.lines) - this.overcount + this.streamLineBase;
    return (this.readsLines ? 1 + this.breaksRead : streamLine) + this.offsetAfterHeader;
  }

  /** Splits one more chunk; returns csv-parse's error, if any, after the records before it. */
  feed(chunk: Buffer): CsvError | Error | undefined {
    this.clear();
    const rest = this.readsLines ? this.readLines(chunk, false) : chunk;
    if (rest.length === 0) return undefined;
    this.keep(rest);
    this.parser.write(rest);
    return this.take(false);
  }

  end(): CsvError | Error | undefined {
    this.clear();
    if (this.readsLines) {
      const rest = this.readLines(NO_BYTES, true);
      if (rest.length > 0) {
        this.keep(rest);
        this.parser.write(rest);
      }
    }
    this.parser.end();
    return this.take(true);
  }

  /**
   * Reads the records of the whole lines at hand; returns the bytes left to csv-parse's stream
   * (none while lines are still read here: the last line in progress waits for the next chunk).
   */
  private readLines(chunk: Buffer, ended: boolean): Buffer {
    const { bytes, from } = this.afterCarry(chunk);
    let start = from;
    while (start < bytes.length) {
      const next = this.readRecordAt(bytes, start, ended);
      if (next === 'wait') break;
      if (next === 'stream') return this.handOver(bytes.subarray(start));
      start = next;
    }
    this.carry = bytes.subarray(start);
    // A line this long has no end at hand: csv-parse tells whether it is too long for a record.
    if (this.carry.length > MAX_RECORD_BYTES) return this.handOver(this.carry);
    // The stream reads a file of lone "\r" line ends, and gives its records as they come, where
    // waiting for a "\n" would hold every record back to 1 MiB or the end of the file.
    if (hasLoneCr(this.carry)) return this.handOver(this.carry);
    return NO_BYTES;
  }

  /**
   * The bytes to read on, and where to start: when the line begun in the last chunk ends in this
   * one as a record of its own, that record is read here and the chunk is read from after it
   * (a copy of every chunk behind the line before it cost memory, issue 19); else the line begun
   * and the chunk, joined.
   */
  private afterCarry(chunk: Buffer): { bytes: Buffer; from: number } {
    if (this.carry.length === 0) return { bytes: chunk, from: 0 };
    const lineFeed = chunk.indexOf(LF);
    if (lineFeed !== -1) {
      // Not ended: a record that goes on past this line is read from the joined bytes below.
      const read = this.readRecordAt(Buffer.concat([this.carry, chunk.subarray(0, lineFeed + 1)]), 0, false);
      if (typeof read === 'number') {
        this.carry = NO_BYTES;
        return { bytes: chunk, from: lineFeed + 1 };
      }
    }
    return { bytes: Buffer.concat([this.carry, chunk]), from: 0 };
  }

  /** From here on csv-parse's stream reads the input, starting with `rest`, at the next record's line. */
  private handOver(rest: Buffer): Buffer {
    this.readsLines = false;
    this.carry = NO_BYTES;
    this.fedLine = this.nextLine;
    this.streamLineBase = this.nextLine - 1;
    this.overcount = 0;
    return rest;
  }

  /** The record that starts at `start`, read as one line or, with quoted line breaks, as a few. */
  private readRecordAt(bytes: Buffer, start: number, ended: boolean): LineRead {
    const lineFeed = bytes.indexOf(LF, start);
    if (lineFeed === -1 && !ended) return 'wait';
    const end = lineFeed === -1 ? bytes.length : lineFeed;
    const contentEnd = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (contentEnd - start > MAX_RECORD_BYTES) return 'stream';
    const line = bytes.toString('utf8', start, contentEnd);
    // A lone "\r" ends a record too; csv-parse tells where.
    if (line.indexOf('\r') !== -1) return 'stream';
    const fields = fieldsOfLine(line, this.delimiter);
    if (fields === undefined) return this.readRecordOverLines(bytes, start, end, ended);
    this.breaksRead += end < bytes.length || contentEnd < end ? 1 : 0;
    this.place(fields, true);
    return end < bytes.length ? end + 1 : end;
  }

  /**
   * A line csv-parse must read: it reads it whole, then with the next lines while a quote is left
   * open at the end (a cell with line breaks), up to a few lines; the records it gives must then
   * account for every line read, else the stream takes over from here.
   */
  private readRecordOverLines(bytes: Buffer, start: number, firstEnd: number, ended: boolean): LineRead {
    let end = firstEnd;
    for (let lines = 1; lines <= MAX_LINES_OF_A_RECORD_READ_AS_LINES; lines++) {
      const stop = end < bytes.length ? end + 1 : end;
      if (stop - start > MAX_RECORD_BYTES) return 'stream';
      this.bytesParsedWhole += stop - start;
      if (this.bytesParsedWhole > MAX_BYTES_PARSED_WHOLE) return 'stream';
      let records: string[][];
      try {
        records = parseWhole(bytes.subarray(start, stop), parserOptions(this.delimiter)) as string[][];
      } catch (error) {
        if (!(error instanceof Error) || errorCode(error) !== 'CSV_QUOTE_NOT_CLOSED') return 'stream';
        if (stop === bytes.length) return ended ? 'stream' : 'wait';
        const lineFeed = bytes.indexOf(LF, stop);
        if (lineFeed === -1 && !ended) return 'wait';
        end = lineFeed === -1 ? bytes.length : lineFeed;
        continue;
      }
      return this.placeLines(records, bytes.subarray(start, stop)) ? stop : 'stream';
    }
    return 'stream';
  }

  /** Places records csv-parse read from `text` when their lines are exactly the text's; else nothing. */
  private placeLines(records: string[][], text: Buffer): boolean {
    const breaks = lineBreaksOf(text);
    const endsWithBreak = text.length > 0 && (text[text.length - 1] === LF || text[text.length - 1] === CR);
    let recordLines = 0;
    for (const record of records) recordLines += 1 + lineBreaks(record).breaks;
    if (recordLines !== breaks + (endsWithBreak ? 0 : 1)) return false;
    for (const record of records) this.place(record, false);
    this.breaksRead += breaks;
    return true;
  }

  private clear(): void {
    this.records.length = 0;
    this.lines.length = 0;
    this.multiline.length = 0;
  }

  /** The records the last write produced, with their lines; then csv-parse's error, if any. */
  private take(ended: boolean): CsvError | Error | undefined {
    const taken: string[][] = [];
    for (
      let record = this.parser.read() as string[] | null;
      record !== null;
      record = this.parser.read() as string[] | null
    ) {
      taken.push(record);
    }
    const error = this.parser.errored ?? undefined;
    const lines = this.lastLines(error);
    // Only a quoted cell holds a line break: records made of bytes without a quote are one line each.
    // So are they when the line breaks fed and not yet placed are exactly one a record taken: each
    // ends its record, none is inside a cell or the record in progress. (Not at the end of the input,
    // whose last record may end without one.) Counting beats looking into every cell of every record
    // of a file with quotes, 2 % of a run (issue 19).
    const counted = !ended && error === undefined && this.fedLine - this.nextLine === taken.length;
    const simple = counted || (!this.chunkHasQuote && !this.pendingMayQuote);
    this.pendingMayQuote = this.chunkHasQuote || (taken.length === 0 && this.pendingMayQuote);
    this.chunkHasQuote = false;
    for (const record of taken) this.place(record, simple);
    this.dropTail();
    if (error !== undefined) this.stoppedAt = lines;
    return error;
  }

  /** Keeps a chunk for a later read of an unclosed record, and counts its physical lines. */
  private keep(chunk: Buffer): void {
    // A chunk that starts with the "\n" of a "\r\n" cut between chunks starts on the line after it.
    this.tail.push({ bytes: chunk, line: this.fedLine, startsInsideCrlf: this.fedEndsWithCr && chunk[0] === LF });
    this.chunkHasQuote = chunk.includes(0x22);
    let breaks = 0;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) breaks++;
    // "\r\n" is one break, already counted by its "\n"; a lone "\r" is one more.
    for (let at = chunk.indexOf(0x0d); at !== -1; at = chunk.indexOf(0x0d, at + 1)) {
      if (at + 1 < chunk.length ? chunk[at + 1] !== 0x0a : true) breaks++;
    }
    // A "\r" that ended the previous chunk was counted alone; with this "\n" it is one break.
    if (this.fedEndsWithCr && chunk[0] === 0x0a) breaks--;
    this.fedEndsWithCr = chunk.length > 0 && chunk[chunk.length - 1] === 0x0d;
    this.fedLine += breaks;
  }

  /** Forgets the chunks that end before the line where the record in progress starts. */
  private dropTail(): void {
    while (this.tail.length > 1 && (this.tail[1] as { line: number }).line <= this.nextLine - 1) this.tail.shift();
  }

  /** The text fed from the start of a physical line to the end of the input. */
  private textFromLine(line: number): string {
    const first = this.tail[0];
    if (first === undefined) return '';
    const text = Buffer.concat(this.tail.map((chunk) => chunk.bytes))
      .subarray(first.startsInsideCrlf ? 1 : 0)
      .toString('utf8');
    const lineBreak = /\r\n|\r|\n/g;
    for (let current = first.line; current < line; current++) {
      if (lineBreak.exec(text) === null) return '';
    }
    return text.slice(lineBreak.lastIndex);
  }

  private lastLines(error: Error | undefined): number {
    // csv-parse's errors carry the info counters as they stood where it stopped.
    const stopped = (error as { lines?: unknown } | undefined)?.lines;
    return typeof stopped === 'number' ? stopped : this.parser.info.lines;
  }

  private place(record: string[], simple: boolean): void {
    const start = this.nextLine;
    const { breaks, crlf } = simple ? { breaks: 0, crlf: 0 } : lineBreaks(record);
    this.nextLine += 1 + breaks;
    this.overcount += crlf;
    if (isEmptyLine(record)) return;
    this.records.push(record);
    this.lines.push(this.headerSeen ? start + this.lineOffset : start);
    this.headerSeen = true;
    this.multiline.push(breaks > 0);
  }
}

export function errorCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
