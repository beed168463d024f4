/**
 * Splits UTF-8 bytes into CSV records with csv-parse, and gives each record the physical line
 * where it starts (the header is line 1 when the file starts with it).
 *
 * csv-parse is driven synchronously through the parser's `api.parse`, the function its stream
 * calls for each chunk: records arrive in order, a syntax error comes back as a return value at
 * the record that caused it, and no per-record promise or info object is spent on a million rows.
 * The line counters are read from the parser's live `info` as each record is pushed.
 */
import { type CsvError, Parser } from 'csv-parse';

/** Records longer than this are not CSV rows but a wrong delimiter or an unclosed quote. */
export const MAX_RECORD_BYTES = 1 << 20;

interface CsvParseApi {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): CsvError | Error | undefined;
}

function apiOf(parser: Parser): CsvParseApi {
  const api = (parser as unknown as { api?: Partial<CsvParseApi> }).api;
  if (typeof api?.parse !== 'function') throw new Error('csv-parse: this version has no synchronous parse API');
  return api as CsvParseApi;
}

/** How many "\r\n" pairs a record's cells hold: csv-parse counts each as two lines inside quotes. */
function crlfPairs(record: readonly string[]): number {
  let pairs = 0;
  for (const cell of record) {
    for (let at = cell.indexOf('\r\n'); at !== -1; at = cell.indexOf('\r\n', at + 2)) pairs++;
  }
  return pairs;
}

export class RecordSplitter {
  /** Records of the last `feed` or `end`, with their start lines (reused between calls). */
  readonly records: string[][] = [];
  readonly lines: number[] = [];
  /** Whether each record runs over more than one physical line (a quoted line break). */
  readonly multiline: boolean[] = [];
  private readonly parser: Parser;
  private readonly api: CsvParseApi;
  private previousEnd = 0;
  private previousEmpty = 0;
  /** Lines csv-parse counted twice ("\r\n" inside quoted cells). */
  private overcount = 0;
  private readonly push = (record: string[]): void => {
    const info = this.parser.info;
    const start = this.previousEnd + 1 + (info.empty_lines - this.previousEmpty) - this.overcount;
    const multiline = info.lines - this.overcount > start;
    if (multiline) this.overcount += crlfPairs(record);
    this.previousEnd = info.lines;
    this.previousEmpty = info.empty_lines;
    this.records.push(record);
    this.lines.push(this.headerSeen ? start + this.lineOffset : start);
    this.headerSeen = true;
    this.multiline.push(multiline);
  };
  private readonly close = (): void => {};
  private headerSeen = false;

  /**
   * `lineOffset` shifts the lines of the records after the first (the header): a worker reading
   * a later part of a file behind a copy of its header reports the file's own line numbers.
   */
  constructor(
    delimiter: string,
    private readonly lineOffset = 0,
  ) {
    this.parser = new Parser({
      delimiter,
      bom: false,
      relax_column_count: true,
      // A stray quote inside a cell (`Câble 2"`) is text, not a syntax error that drops the row.
      relax_quotes: true,
      skip_empty_lines: true,
      // Explicit, not sniffed from the first line break: a file that mixes CRLF and LF (edited by
      // hand, or concatenated) must not read every LF as part of a cell.
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_BYTES,
    });
    this.api = apiOf(this.parser);
  }

  /** The line where the record in progress starts (for errors about it). */
  get pendingRecordLine(): number {
    const info = this.parser.info;
    return this.previousEnd + 1 + (info.empty_lines - this.previousEmpty) - this.overcount + this.offsetAfterHeader;
  }

  /** What lineOffset adds once the header is read: the lines of a part of a file are the file's. */
  private get offsetAfterHeader(): number {
    return this.headerSeen ? this.lineOffset : 0;
  }

  /**
   * The record left open at the end of the input by a quote that is never closed: the cells
   * before the open one, and the open cell's text (quotes unescaped, as csv-parse holds it).
   */
  get pendingRecord(): { readonly cells: readonly string[]; readonly openCell: string } {
    const state = (this.parser as unknown as { state?: { record?: unknown; field?: { toString(encoding: string): string } } }).state;
    const cells = Array.isArray(state?.record) ? (state.record as unknown[]).map(String) : [];
    return { cells, openCell: state?.field?.toString('utf8') ?? '' };
  }

  /** The last physical line csv-parse has reached. */
  get currentLine(): number {
    return this.parser.info.lines - this.overcount + this.offsetAfterHeader;
  }

  /** Splits one more chunk; returns csv-parse's error, if any, after the records before it. */
  feed(chunk: Buffer): CsvError | Error | undefined {
    this.records.length = 0;
    this.lines.length = 0;
    this.multiline.length = 0;
    return this.api.parse(chunk, false, this.push, this.close);
  }

  end(): CsvError | Error | undefined {
    this.records.length = 0;
    this.lines.length = 0;
    this.multiline.length = 0;
    return this.api.parse(undefined, true, this.push, this.close);
  }
}

export function errorCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
