/**
 * CSV exports to documents: bytes → UTF-8 → records → typed rows → documents, streaming.
 *
 * The first rows (SAMPLE_ROWS, or SAMPLE_BYTES of input) are held back so that the file can
 * teach its notation (decimal separators, date order, amount style) before any row is read;
 * after that every row is read as it arrives and each document is handed out as soon as the next
 * row starts another one. Every data row ends in exactly one document or one invalid-input event.
 */
import { FatalInputError, type InvalidInputEvent, type ParseEvent } from '../model/input.js';
import { mapColumns } from './columns.js';
import { DocumentAssembler } from './csv-documents.js';
import { errorCode, MAX_RECORD_BYTES, RecordSplitter } from './csv-records.js';
import { RowReader, truncateValue } from './csv-rows.js';
import type { DateOrder } from './dates.js';
import { Utf8Transcoder } from './decode.js';
import { excelSeparatorHint, sniffDelimiter } from './detect.js';

export interface CsvOptions {
  /** The file's name as reported in findings. */
  file: string;
  delimiter?: string;
  encoding?: string;
  /** `--map field=Column` overrides, field name → column name as written. */
  columnMap?: ReadonlyMap<string, string>;
  dateOrder?: DateOrder;
  /** The account of rows without one; the file name when unset. */
  defaultAccount?: string;
}

const SAMPLE_ROWS = 1000;
const SAMPLE_BYTES = 1 << 20;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** The delimiter named by `--delimiter`: one character; "tab" and "\t" spelled out are accepted. */
function givenDelimiter(file: string, delimiter: string): string {
  const named = delimiter === 'tab' || delimiter === '\\t' ? '\t' : delimiter;
  if ([...named].length !== 1 || named === '"' || named === '\n' || named === '\r') {
    throw new FatalInputError(file, `--delimiter must be one character other than a quote or a line break, not "${delimiter}"`);
  }
  return named;
}

/**
 * The first non-blank line of the UTF-8 bytes read so far, once it is complete; undefined while
 * it is not. Quote-aware: a quoted header cell may hold a line break.
 */
function completeFirstLine(bytes: Buffer, atEnd: boolean): string | undefined {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) return bytes.subarray(start, i).toString('utf8');
  }
  return atEnd && start < bytes.length ? bytes.subarray(start).toString('utf8') : undefined;
}

function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell.length > 0 && cell.trim().length > 0) return false;
  return true;
}

function extraCellsBlank(record: readonly string[], from: number): boolean {
  for (let i = from; i < record.length; i++) if ((record[i] ?? '').trim().length > 0) return false;
  return true;
}

/** The synchronous core: fed UTF-8 chunks, pushes events to `out`. */
class CsvFile {
  readonly out: ParseEvent[] = [];
  private splitter: RecordSplitter | undefined;
  private head: Buffer[] = [];
  private headBytes = 0;
  private skipFirstRecord = false;
  private headers: readonly string[] | undefined;
  private reader: RowReader | undefined;
  private assembler: DocumentAssembler | undefined;
  private sampling = true;
  private sampleRecords: string[][] = [];
  private sampleLines: number[] = [];
  private bytesFed = 0;

  constructor(
    private readonly options: CsvOptions,
    private readonly transcoder: Utf8Transcoder,
  ) {}

  private get file(): string {
    return this.options.file;
  }

  feed(utf8: Buffer): void {
    if (utf8.length === 0) return;
    if (this.splitter === undefined) {
      this.head.push(utf8);
      this.headBytes += utf8.length;
      this.startWhenHeaderComplete(false);
      return;
    }
    this.split(utf8);
  }

  end(): void {
    if (this.splitter === undefined) {
      this.startWhenHeaderComplete(true);
      if (this.splitter === undefined) throw new FatalInputError(this.file, 'no header line: the file holds only blank lines');
    }
    const splitter = this.splitter;
    const error = splitter.end();
    const unclosedAt = splitter.pendingRecordLine;
    const lastLine = splitter.currentLine;
    this.takeRecords(splitter);
    if (error !== undefined) {
      if (errorCode(error) !== 'CSV_QUOTE_NOT_CLOSED') this.failOn(error);
      if (this.headers === undefined) throw new FatalInputError(this.file, 'line 1: the header has a quote that is never closed');
      this.endSample();
      const swallowed = lastLine > unclosedAt ? ` (lines ${unclosedAt} to ${lastLine} could not be read)` : '';
      this.invalid(unclosedAt, `a quoted field is not closed before the end of the file${swallowed}`);
    }
    if (this.headers === undefined) throw new FatalInputError(this.file, 'no header line: the file holds only blank lines');
    this.endSample();
    this.assembler?.finish(this.out);
  }

  private startWhenHeaderComplete(atEnd: boolean): void {
    const bytes = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head);
    this.head = [bytes];
    const line = completeFirstLine(bytes, atEnd);
    if (line === undefined) {
      if (this.headBytes > MAX_RECORD_BYTES) {
        throw new FatalInputError(this.file, 'no line break in the first 1 MiB: not a CSV export');
      }
      return;
    }
    const hinted = excelSeparatorHint(line);
    this.skipFirstRecord = hinted !== undefined;
    const delimiter =
      this.options.delimiter !== undefined ? givenDelimiter(this.file, this.options.delimiter) : (hinted ?? sniffDelimiter(line) ?? ',');
    this.splitter = new RecordSplitter(delimiter);
    this.head = [];
    this.split(bytes);
  }

  private split(utf8: Buffer): void {
    const splitter = this.splitter as RecordSplitter;
    this.bytesFed += utf8.length;
    const error = splitter.feed(utf8);
    const failedAt = splitter.pendingRecordLine;
    this.takeRecords(splitter);
    if (this.sampling && (this.sampleRecords.length >= SAMPLE_ROWS || this.bytesFed >= SAMPLE_BYTES)) this.endSample();
    if (error !== undefined) {
      this.endSample();
      if (errorCode(error) === 'CSV_MAX_RECORD_SIZE' && this.headers !== undefined) {
        this.invalid(failedAt, 'the row is longer than 1 MiB');
      }
      this.assembler?.finish(this.out);
      this.failOn(error, failedAt);
    }
  }

  private failOn(error: Error, line?: number): never {
    if (errorCode(error) === 'CSV_MAX_RECORD_SIZE') {
      throw new FatalInputError(
        this.file,
        `line ${line ?? '?'}: a row longer than 1 MiB (a wrong delimiter or an unclosed quote?); the rest of the file was not read`,
      );
    }
    throw new FatalInputError(this.file, `cannot read the CSV: ${error.message}`);
  }

  private takeRecords(splitter: RecordSplitter): void {
    const { records, lines } = splitter;
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as string[];
      const line = lines[i] as number;
      if (this.skipFirstRecord) {
        this.skipFirstRecord = false;
        continue;
      }
      if (this.headers === undefined) {
        this.startDocuments(record);
        continue;
      }
      if (isBlankRecord(record)) continue;
      if (this.sampling) {
        this.sampleRecords.push(record);
        this.sampleLines.push(line);
        this.reader?.learn(record);
      } else {
        this.row(record, line);
      }
    }
  }

  private startDocuments(header: string[]): void {
    const mapping = mapColumns(this.file, header, this.options.columnMap);
    this.headers = mapping.headers;
    const reader = new RowReader(mapping, this.options.dateOrder);
    this.reader = reader;
    this.assembler = new DocumentAssembler(this.file, this.options.defaultAccount ?? this.file, () => reader.documentStyle);
  }

  private endSample(): void {
    if (!this.sampling || this.reader === undefined) return;
    this.sampling = false;
    this.reader.settle();
    const records = this.sampleRecords;
    const lines = this.sampleLines;
    this.sampleRecords = [];
    this.sampleLines = [];
    for (let i = 0; i < records.length; i++) this.row(records[i] as string[], lines[i] as number);
  }

  private invalid(line: number, reason: string, column?: string, value?: string): void {
    const event: InvalidInputEvent = {
      type: 'invalid',
      file: this.file,
      line,
      reason,
      ...(column === undefined ? {} : { column }),
      ...(value === undefined ? {} : { value: truncateValue(value) }),
      rows: 1,
    };
    if (this.assembler === undefined) this.out.push(event);
    else this.assembler.addInvalid(event, this.out);
  }

  private row(record: string[], line: number): void {
    const headers = this.headers as readonly string[];
    const reader = this.reader as RowReader;
    if (record.length !== headers.length && (record.length < headers.length || !extraCellsBlank(record, headers.length))) {
      this.invalid(line, `the row has ${record.length} fields, the header has ${headers.length}`);
      return;
    }
    if (this.transcoder.invalidUtf8Seen) {
      const column = record.findIndex((cell) => cell.includes(REPLACEMENT_CHARACTER));
      if (column !== -1) {
        this.invalid(line, 'contains bytes that are not valid UTF-8', headers[column], record[column]);
        return;
      }
    }
    reader.learnLate(record);
    const values = reader.read(record);
    if ('problem' in values) {
      this.invalid(line, values.reason, values.column, values.value);
      return;
    }
    (this.assembler as DocumentAssembler).add(values, line, this.out);
  }
}

/**
 * Documents and invalid-input events of one CSV input, in input order of their first rows'
 * completion. Throws FatalInputError for an input that is no invoice CSV at all.
 */
export async function* parseCsv(source: AsyncIterable<Buffer>, options: CsvOptions): AsyncGenerator<ParseEvent> {
  for await (const batch of parseCsvBatches(source, options)) yield* batch;
}

/** The same events, a batch per chunk of input (no await per document on the hot path). */
export async function* parseCsvBatches(source: AsyncIterable<Buffer>, options: CsvOptions): AsyncGenerator<ParseEvent[]> {
  const transcoder = new Utf8Transcoder(options.file, options.encoding);
  const csv = new CsvFile(options, transcoder);
  const { out } = csv;
  try {
    for await (const chunk of source) {
      csv.feed(transcoder.push(chunk));
      if (out.length > 0) yield out.splice(0);
    }
    csv.feed(transcoder.end());
    csv.end();
  } catch (error) {
    // Rows read before a fatal problem are still reported, then the problem.
    if (out.length > 0) yield out.splice(0);
    throw error;
  }
  if (out.length > 0) yield out.splice(0);
}
