/**
 * CSV exports to documents: bytes → UTF-8 → records → typed rows → documents, streaming.
 *
 * The first rows (SAMPLE_ROWS, or SAMPLE_BYTES of input) are held back so that the file can
 * teach its notation (decimal separators, date order, amount style) before any row is read;
 * after that every row is read as it arrives and each document is handed out as soon as the next
 * row starts another one. Every data row ends in exactly one document or one invalid-input event.
 */
import { FatalInputError, type InvalidInputEvent, type ParseEvent } from '../../model/input.js';
import { type ColumnMapping, mapColumns } from './columns.js';
import { decideRoles } from './roles.js';
import { DoubleDebits, NotBillTally } from './statement.js';
import { DocumentAssembler, sampleListsLines } from './documents.js';
import type { FileCurrency } from './country.js';
import { errorCode, MAX_RECORD_BYTES, RecordSplitter } from './records.js';
import { type ReaderConventions, RowReader, type RowValues, truncateValue } from './rows.js';
import { isSummaryRow } from './summary.js';
import type { DateOrder } from '../values/dates.js';
import { Utf8Transcoder } from '../decode.js';
import { excelSeparatorHint, sniffDelimiter } from '../detect.js';

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
  /** Added to data rows' line numbers: a part of a file read behind a copy of its header (parallel reading). */
  lineOffset?: number;
  /** A later part of a file: read with what the reader of its first part learned, not with a sample of its own. */
  conventions?: ReaderConventions;
  /** Told what the first rows taught, once they are read (the first part of a file read in parts). */
  onSettled?: (conventions: ReaderConventions) => void;
}

export const SAMPLE_ROWS = 1000;
/** Lines an export may put before its header (a title, a date, a blank line, an account name). */
export const MAX_TITLE_LINES = 10;
/** Far more columns than any invoice export has; mapping a million header cells would only waste seconds. */
const MAX_COLUMNS = 10_000;
/** Quotes left open at the end that are recovered from, one after the other; then the rest is reported whole. */
const MAX_QUOTE_RECOVERIES = 32;
export const SAMPLE_BYTES = 1 << 20;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** The delimiter named by `--delimiter`: one character; "tab" and "\t" spelled out are accepted. */
function givenDelimiter(file: string, delimiter: string): string {
  const named = delimiter === 'tab' || delimiter === '\\t' ? '\t' : delimiter;
  if ([...named].length !== 1 || named === '"' || named === '\n' || named === '\r') {
    throw new FatalInputError(
      file,
      `--delimiter must be one character other than a quote or a line break, not "${delimiter}"`,
    );
  }
  return named;
}

/**
 * The first non-blank line of the UTF-8 bytes read so far, once it is complete; undefined while
 * it is not. Quote-aware: a quoted header cell may hold a line break.
 */
function completeFirstLine(bytes: Buffer, atEnd: boolean): string | undefined {
  let start = 0;
  while (
    start < bytes.length &&
    (bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x20 || bytes[start] === 0x09)
  )
    start++;
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) return bytes.subarray(start, i).toString('utf8');
  }
  return atEnd && start < bytes.length ? bytes.subarray(start).toString('utf8') : undefined;
}

/**
 * The first `count` lines of the bytes read so far, once that many are complete (or all of them at
 * the end, or once 64 KiB are read); undefined while more may come. Not quote-aware: only used to
 * sniff a delimiter when the first line has none.
 */
function completeLines(bytes: Buffer, atEnd: boolean, count: number): string[] | undefined {
  const text = bytes.subarray(0, Math.min(bytes.length, 1 << 16)).toString('utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const complete = lines.slice(0, -1).filter((line) => line.trim() !== '');
  if (complete.length >= count || atEnd || bytes.length >= 1 << 16)
    return atEnd ? lines.filter((line) => line.trim() !== '') : complete;
  return undefined;
}

/** The delimiter of the line that has the most of one: the header has more fields than a title. */
function delimiterOfMostFields(lines: readonly string[]): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const line of lines) {
    const delimiter = sniffDelimiter(line);
    if (delimiter === undefined) continue;
    const fields = line.split(delimiter).length;
    if (fields > most) {
      best = delimiter;
      most = fields;
    }
  }
  return best;
}

function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell.length > 0 && cell.trim().length > 0) return false;
  return true;
}

/** Line breaks in a text, "\r\n" counted once. */
function lineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) breaks++;
  }
  return breaks;
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * A quote left open in one row swallows the rows below it into one cell until some later quote
 * closes it; the record then still has the right number of fields. The swallowed lines give it
 * away: they hold as many delimiters as a row does. Returns how many such lines a record holds.
 */
function swallowedRows(record: readonly string[], delimiter: string, columns: number): number {
  if (columns < 2) return 0;
  let swallowed = 0;
  record.forEach((cell, index) => {
    if (!cell.includes('\n') && !cell.includes('\r')) return;
    const lines = cell.split(/\r\n|\r|\n/);
    const last = lines.length - 1;
    // The cell's last line goes on with the record's next cells, one delimiter before each.
    const after = record.length - 1 - index;
    for (let i = 1; i <= last; i++) {
      if (countChar(lines[i] as string, delimiter) + (i === last ? after : 0) >= columns - 1) swallowed++;
    }
  });
  return swallowed;
}

/** Whether the last column is empty on most full sample rows (or no row is full): an optional column. */
function lastColumnMostlyEmpty(records: readonly (readonly string[])[], columns: number): boolean {
  if (columns < 2) return false;
  let full = 0;
  let filled = 0;
  for (const record of records) {
    if (record.length < columns) continue;
    full++;
    if ((record[columns - 1] ?? '').trim() !== '') filled++;
  }
  return filled * 2 < full || (full === 0 && records.length > 0);
}

/** A row that is the header again (files concatenated, or a report printed page by page). */
function isRepeatedHeader(record: readonly string[], headers: readonly string[]): boolean {
  if (record.length < headers.length || (record[0] ?? '').trim() !== headers[0]) return false;
  for (let i = 1; i < headers.length; i++) if ((record[i] ?? '').trim() !== headers[i]) return false;
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
  /** A row of amounts alone, held until the next row says whether it was the file's last. */
  private heldBare: { readonly values: RowValues; readonly line: number } | undefined;
  private sampling = true;
  private sampleRecords: string[][] = [];
  private sampleLines: number[] = [];
  /** Rows swallowed by an open quote, per sample record (see swallowedRows). */
  private sampleSwallowed: number[] = [];
  private delimiter = ',';
  private bytesFed = 0;
  /** The header's mapping by names, until the sample's values decide the roles (endSample). */
  private nameMapping: ColumnMapping | undefined;
  /** Records before the header that could not be one (an export's title lines), and the first error. */
  private titleLines = 0;
  private titleError: FatalInputError | undefined;
  private repeatedHeaders = 0;
  private firstRepeatedHeader = 0;
  private readonly notBills = new NotBillTally();
  private readonly doubleDebits = new DoubleDebits();

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
      if (this.splitter === undefined)
        throw new FatalInputError(this.file, 'no header line: the file holds only blank lines');
    }
    const splitter = this.splitter;
    const error = splitter.end();
    const unclosedAt = splitter.pendingRecordLine;
    const lastLine = splitter.currentLine;
    this.takeRecords(splitter);
    if (error !== undefined) {
      if (errorCode(error) !== 'CSV_QUOTE_NOT_CLOSED') this.failOn(error);
      if (this.headers === undefined)
        throw new FatalInputError(this.file, 'line 1: the header has a quote that is never closed');
      this.endSample();
      this.recoverFromOpenQuote(splitter, unclosedAt, lastLine);
    }
    if (this.headers === undefined)
      throw this.titleError ?? new FatalInputError(this.file, 'no header line: the file holds only blank lines');
    this.endSample();
    this.dropHeldGrandTotal();
    this.assembler?.finish(this.out);
    this.sayWhatWasSetAside();
  }

  /** A row of amounts alone that more rows followed: a line of the document above after all. */
  private releaseHeld(): void {
    const held = this.heldBare;
    if (held === undefined) return;
    this.heldBare = undefined;
    (this.assembler as DocumentAssembler).add(held.values, held.line, this.out);
  }

  /** The last row of amounts alone: the export's grand total, not data (said, not silently dropped). */
  private dropHeldGrandTotal(): void {
    const held = this.heldBare;
    if (held === undefined) return;
    this.heldBare = undefined;
    this.out.push({
      type: 'notice',
      file: this.file,
      line: held.line,
      level: 'info',
      code: 'grand-total',
      message:
        'the last row holds amounts alone (no number, type, account, date or wording): ' +
        "read as the export's grand total, not as a line of the document above",
    });
  }

  /** One notice per kind of row set aside: repeated headers, rows of a statement that are not about bills. */
  private sayWhatWasSetAside(): void {
    if (this.repeatedHeaders > 0) {
      const rows =
        this.repeatedHeaders === 1
          ? 'a row that repeats the header'
          : `${this.repeatedHeaders} rows that repeat the header`;
      this.notice('repeated-header', 'info', `${rows} (first on line ${this.firstRepeatedHeader}) skipped: not data`, {
        line: this.firstRepeatedHeader,
      });
    }
    const notBills = this.notBills.sentence();
    if (notBills !== undefined) this.notice('not-bills', 'info', notBills);
  }

  /**
   * A quote never closed swallows every line after it into one cell. The row that opened it is
   * reported, and the lines after it are split again on their own, so that they are still checked.
   */
  private recoverFromOpenQuote(first: RecordSplitter, firstLine: number, firstLastLine: number): void {
    let splitter = first;
    let line = firstLine;
    let lastLine = firstLastLine;
    for (let recoveries = 0; ; recoveries++) {
      const { cells, openCell } = splitter.pendingRecord;
      const breakAt = openCell.search(/\r\n|\r|\n/);
      const swallowed = swallowedRows([...cells, openCell], this.delimiter, (this.headers as readonly string[]).length);
      // Without lines that look like rows, the open cell is one row's text running over several lines.
      if (breakAt === -1 || swallowed === 0 || recoveries >= MAX_QUOTE_RECOVERIES) {
        const rows = 1 + swallowed;
        const unread = lastLine > line ? ` (lines ${line} to ${lastLine} could not be read)` : '';
        this.invalid(
          line,
          `a quoted field is not closed before the end of the file${unread}`,
          undefined,
          undefined,
          rows,
        );
        return;
      }
      const breakLength = openCell.startsWith('\r\n', breakAt) ? 2 : 1;
      // Inside quotes csv-parse read "" as "; no lone quote is left in a cell that never closed.
      const rest = openCell.slice(breakAt + breakLength).replaceAll('"', '""');
      const after = rest.trim() === '' ? '' : ' (the lines after it were read on their own)';
      this.invalid(line, `a quoted field is not closed before the end of the file${after}`);
      // The open cell starts on the record's first line plus the line breaks of the cells before it.
      let openCellLine = line;
      for (const cell of cells) openCellLine += lineBreaks(cell);
      const again = new RecordSplitter(this.delimiter);
      const error = again.feed(Buffer.from(rest, 'utf8'));
      this.takeRecords(again, openCellLine);
      if (error !== undefined) this.failOn(error, openCellLine + again.pendingRecordLine);
      const endError = again.end();
      line = openCellLine + again.pendingRecordLine;
      lastLine = openCellLine + again.currentLine;
      this.takeRecords(again, openCellLine);
      if (endError === undefined) return;
      if (errorCode(endError) !== 'CSV_QUOTE_NOT_CLOSED') this.failOn(endError, line);
      splitter = again;
    }
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
    let sniffed = this.options.delimiter === undefined && hinted === undefined ? sniffDelimiter(line) : undefined;
    if (this.options.delimiter === undefined && hinted === undefined && sniffed === undefined) {
      // A title line without any delimiter ("Relevé de compte"): the header is one of the next lines.
      const lines = completeLines(bytes, atEnd, MAX_TITLE_LINES + 1);
      if (lines === undefined) {
        if (this.headBytes > MAX_RECORD_BYTES)
          throw new FatalInputError(this.file, 'no line break in the first 1 MiB: not a CSV export');
        return;
      }
      sniffed = delimiterOfMostFields(lines);
    }
    const delimiter =
      this.options.delimiter !== undefined
        ? givenDelimiter(this.file, this.options.delimiter)
        : (hinted ?? sniffed ?? ',');
    this.delimiter = delimiter;
    this.splitter = new RecordSplitter(delimiter, this.options.lineOffset ?? 0);
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
      this.releaseHeld();
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

  /** `lineOffset`: where the splitter's line 0 is in the file (the splitter may read a part of it). */
  private takeRecords(splitter: RecordSplitter, lineOffset = 0): void {
    const { records, lines, multiline } = splitter;
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as string[];
      const line = (lines[i] as number) + lineOffset;
      if (this.skipFirstRecord) {
        this.skipFirstRecord = false;
        continue;
      }
      if (this.headers === undefined) {
        this.startDocuments(record, line);
        continue;
      }
      if (isBlankRecord(record)) continue;
      const swallowed = multiline[i] === true ? swallowedRows(record, this.delimiter, this.headers.length) : 0;
      if (this.sampling) {
        this.sampleRecords.push(record);
        this.sampleLines.push(line);
        this.sampleSwallowed.push(swallowed);
        // Exactly the first SAMPLE_ROWS rows, whichever chunk brings them: a sample that closed
        // after the chunk of its 1 000th row depended on where a reader cut the chunks (found in
        // review: the same file read by the line reader and the stream decided dates otherwise).
        if (this.sampleRecords.length >= SAMPLE_ROWS) this.endSample();
      } else {
        this.row(record, line, swallowed);
      }
    }
  }

  /**
   * The first record that maps as a header starts the documents; records before it (up to
   * MAX_TITLE_LINES: an export's title, its date) are not data, and a notice counts them.
   */
  private startDocuments(header: string[], line: number): void {
    if (header.length > MAX_COLUMNS) {
      throw new FatalInputError(
        this.file,
        `the header has ${header.length} columns (more than ${MAX_COLUMNS}): not an invoice export`,
      );
    }
    let mapping: ColumnMapping;
    try {
      mapping = mapColumns(this.file, header, this.options.columnMap);
    } catch (error) {
      // A later part of a split file starts with a copy of the header: no title lines there.
      if (
        !(error instanceof FatalInputError) ||
        this.options.conventions !== undefined ||
        this.titleLines >= MAX_TITLE_LINES
      ) {
        throw this.titleError ?? error;
      }
      this.titleError ??= error;
      this.titleLines++;
      return;
    }
    this.headers = mapping.headers;
    if (this.titleLines > 0) {
      // "1 line … is", "2 lines … are" (issue 16, defect 16); src/i18n/fr/reader.ts says both in French.
      this.notice(
        'title-lines',
        'info',
        this.titleLines === 1
          ? `1 line before the header (line ${line}) is not data: an export's title or date`
          : `${this.titleLines} lines before the header (line ${line}) are not data: an export's title or date`,
      );
    }
    const conventions = this.options.conventions;
    if (conventions !== undefined) {
      const adopted = conventions.columns === undefined ? mapping : { ...mapping, index: conventions.columns };
      this.startReader(adopted, conventions.statement === true, conventions.country, conventions.currency).adopt(
        conventions,
      );
      this.shortRows = conventions.shortRows === true;
      (this.assembler as DocumentAssembler).equalRowsAreLines = conventions.equalRowsAreLines === true;
      this.sampling = false;
      return;
    }
    this.nameMapping = mapping;
  }

  private startReader(
    mapping: ColumnMapping,
    statement: boolean,
    country: string | undefined,
    currency?: FileCurrency,
  ): RowReader {
    const reader = new RowReader(mapping, this.options.dateOrder, statement);
    this.reader = reader;
    this.country = country;
    this.currency = currency;
    this.assembler = new DocumentAssembler(
      this.file,
      this.options.defaultAccount ?? this.file,
      () => reader.documentStyle,
      country,
      currency,
    );
    return reader;
  }

  private notice(
    code: string,
    level: 'info' | 'warning',
    message: string,
    extra: { line?: number; map?: string } = {},
  ): void {
    this.out.push({ type: 'notice', file: this.file, level, code, message, ...extra });
  }

  /** The sample's values and the header's names decide the columns' roles; then the reader learns the notation. */
  private decideColumns(): void {
    const mapping = this.nameMapping;
    if (mapping === undefined || this.reader !== undefined) return;
    const decision = decideRoles(mapping, this.sampleRecords);
    this.out.push({ type: 'columns', file: this.file, columns: decision.roles, inferred: decision.inferred });
    for (const notice of decision.notices) {
      this.notice(notice.code, notice.level, notice.message, notice.map === undefined ? {} : { map: notice.map });
    }
    const reader = this.startReader(decision.mapping, decision.statement, decision.country, decision.currency);
    this.statement = decision.statement;
    this.shortRows = lastColumnMostlyEmpty(this.sampleRecords, mapping.headers.length);
    this.sampleRecords.forEach((record, i) => {
      if (this.sampleSwallowed[i] === 0) reader.learn(record);
    });
  }

  private statement = false;
  /** The file's country when no column gives it per row (see country.ts). */
  private country: string | undefined;
  /** The currency of rows whose amounts name none, when not plain euros (see country.ts). */
  private currency: FileCurrency | undefined;
  /** Whether a row may lack its last cell: exporters drop a trailing empty cell of an optional column. */
  private shortRows = false;

  private endSample(): void {
    if (this.sampling) this.decideColumns();
    if (!this.sampling || this.reader === undefined) return;
    this.sampling = false;
    this.reader.settle();
    const records = this.sampleRecords;
    this.reader.adoptReferenceAsId(records);
    this.reader.dropRunningBalance(records);
    const equalRowsAreLines = this.learnEqualRows(records);
    this.options.onSettled?.({
      ...(equalRowsAreLines ? { equalRowsAreLines } : {}),
      ...this.reader.conventions(),
      columns: this.reader.columns,
      statement: this.statement,
      shortRows: this.shortRows,
      ...(this.country === undefined ? {} : { country: this.country }),
      ...(this.currency === undefined ? {} : { currency: this.currency }),
    });
    const lines = this.sampleLines;
    const swallowed = this.sampleSwallowed;
    this.sampleRecords = [];
    this.sampleLines = [];
    this.sampleSwallowed = [];
    for (let i = 0; i < records.length; i++) this.row(records[i] as string[], lines[i] as number, swallowed[i] ?? 0);
  }

  /**
   * Learns from the sample whether its documents list their lines (sampleListsLines), for the
   * assembler, which says so at the first document it reads that way; returns what it learned,
   * for the file's other parts.
   */
  private learnEqualRows(records: readonly string[][]): boolean {
    const reader = this.reader as RowReader;
    const rows: RowValues[] = [];
    for (const record of records) {
      const values = reader.read(record);
      if (!('problem' in values)) rows.push(values);
    }
    const lists = sampleListsLines(rows);
    (this.assembler as DocumentAssembler).equalRowsAreLines = lists;
    return lists;
  }

  private invalid(line: number, reason: string, column?: string, value?: string, rows = 1, documentId?: string): void {
    // A row of amounts alone that an unreadable row follows was not the file's last: a line after all
    // (it was dropped as the grand total, found by the hostile-rows property test).
    if (this.assembler !== undefined) this.releaseHeld();
    const event: InvalidInputEvent = {
      type: 'invalid',
      file: this.file,
      line,
      reason,
      ...(column === undefined ? {} : { column }),
      ...(value === undefined ? {} : { value: truncateValue(value) }),
      rows,
      ...(documentId === undefined ? {} : { documentId: truncateValue(documentId) }),
    };
    if (this.assembler === undefined) this.out.push(event);
    else this.assembler.addInvalid(event, this.out);
  }

  private row(record: string[], line: number, swallowed: number): void {
    const headers = this.headers as readonly string[];
    const reader = this.reader as RowReader;
    if (swallowed > 0) {
      this.swallowing(record, line, swallowed);
      return;
    }
    if (isRepeatedHeader(record, headers)) {
      if (this.repeatedHeaders++ === 0) this.firstRepeatedHeader = line;
      return;
    }
    // A row that lacks only its last cell, in a column that is mostly empty, is read like one with extra empty cells.
    const short = this.shortRows && record.length === headers.length - 1;
    if (
      record.length !== headers.length &&
      !short &&
      (record.length < headers.length || !extraCellsBlank(record, headers.length))
    ) {
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
      // "Summe" under an amount column: the label of a summary row, not an unreadable amount.
      if (isSummaryRow(record, false, false)) return;
      // The row's number, when it could be read, says which bill the unreadable row belongs to.
      this.invalid(line, values.reason, values.column, values.value, 1, reader.documentIdOf(record));
      return;
    }
    if (values.notBill !== undefined) {
      this.notBills.add(values.notBill);
      return;
    }
    if (this.statement && values.kind === 'payment') {
      const twice = this.doubleDebits.check(values, line);
      if (twice !== undefined) this.notice('double-debit', 'warning', twice, { line });
    }
    const dated = [values.issueDate, values.dueDate, values.periodStart, values.periodEnd, values.effectiveDate].some(
      (date) => date !== undefined,
    );
    if (isSummaryRow(record, dated, values.kindGiven)) return;
    // A row of amounts alone (",,,,,$15,653.91,"): no number, type, account, date or wording. Inside
    // the file it continues the document above; as the last row it is the grand total a spreadsheet
    // appends, so it waits for the next row to tell.
    const bare =
      !dated &&
      values.id === undefined &&
      !values.kindGiven &&
      values.account === undefined &&
      values.description === undefined;
    this.releaseHeld();
    if (bare) {
      this.heldBare = { values, line };
      return;
    }
    (this.assembler as DocumentAssembler).add(values, line, this.out);
  }

  /** One finding for the row that opened the quote, accounting for the rows it swallowed. */
  private swallowing(record: readonly string[], line: number, swallowed: number): void {
    const column = record.findIndex((cell) => cell.includes('\n') || cell.includes('\r'));
    let breaks = 0;
    for (const cell of record) breaks += lineBreaks(cell);
    const end = line + breaks;
    const reason =
      `a quote opened on line ${line} is not closed before line ${end}: ` +
      `lines ${line} to ${end} (${swallowed + 1} rows) read as one row and were not checked`;
    this.invalid(line, reason, this.headers?.[column], record[column], swallowed + 1);
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
export async function* parseCsvBatches(
  source: AsyncIterable<Buffer>,
  options: CsvOptions,
): AsyncGenerator<ParseEvent[]> {
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
