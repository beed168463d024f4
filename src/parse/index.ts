/**
 * The parse stage's entry point: one input (file or stdin) in, ParseEvents out. Decides the
 * format (from the name, else from the first lines) and hands the bytes to the CSV or text parser.
 */
import { READ_CHUNK_BYTES } from './read-chunk.js';
import { open } from 'node:fs/promises';
import type { InputFormat } from '../model/document.js';
import { FatalInputError, type ParseEvent, type SkippedSink } from '../model/input.js';
import { type CsvOptions, parseCsvBatches } from './csv/index.js';
import { decodeWhole, Utf8Transcoder } from './decode.js';
import { detectFormat, formatFromName } from './detect.js';
import { parseTextDocument } from './text/index.js';
// PDF (issue 14)
import { isPdf, MAX_MAIL_BYTES, MAX_XML_BYTES, tooLargeMessage } from './input-limits.js';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdf/limits.js';
// The PDF, XML and e-mail readers are loaded when a file of theirs comes (see input-limits.ts).

export interface InputSource {
  /** The name findings report: a path, or "-" / "<stdin>" for standard input. */
  readonly name: string;
  /** The file's path, when the input is a file (it may then be read in parallel). */
  readonly path?: string;
  open(): AsyncIterable<Buffer>;
}

export type InputOptions = Omit<CsvOptions, 'file'> & {
  format?: InputFormat;
  /** PDF (issue 14): bounds other than DEFAULT_PDF_LIMITS (tests, the bench). */
  pdfLimits?: Partial<PdfLimits>;
};

/** The text of a bill or letter is a few kilobytes; a bound keeps a hostile text's parse small. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** Enough of the start of an input to see its first lines. */
const DETECTION_BYTES = 64 * 1024;

const READ_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['ENOTDIR', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EISDIR', 'is a directory'],
  ['ELOOP', 'too many symbolic links'],
  ['EMFILE', 'too many open files'],
]);

/** Any failure to read a file as a FatalInputError with a one-line message. */
export function readError(path: string, error: unknown): FatalInputError {
  if (error instanceof FatalInputError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  const reason =
    typeof code === 'string' ? (READ_ERRORS.get(code) ?? code) : error instanceof Error ? error.message : String(error);
  return new FatalInputError(path, `cannot read: ${reason}`);
}

/** A file on disk as an InputSource; any failure to read it is a FatalInputError with a one-line message. */
export function fileInputSource(path: string): InputSource {
  return {
    name: path,
    path,
    async *open(): AsyncGenerator<Buffer> {
      let handle;
      try {
        handle = await open(path, 'r');
        if ((await handle.stat()).isDirectory()) throw new FatalInputError(path, 'cannot read: is a directory');
      } catch (error) {
        await handle?.close();
        throw readError(path, error);
      }
      const stream = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
      try {
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (error) {
        throw readError(path, error);
      } finally {
        stream.destroy();
      }
    },
  };
}

/** Reads the first chunks of an input, enough to see its first lines, and gives back the rest. */
async function peek(iterator: AsyncIterator<Buffer>): Promise<{ head: Buffer[]; done: boolean }> {
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes < DETECTION_BYTES) {
    const next = await iterator.next();
    if (next.done === true) return { head, done: true };
    head.push(next.value);
    bytes += next.value.length;
    if (next.value.includes(0x0a) || next.value.includes(0x0d)) break;
  }
  return { head, done: false };
}

async function* replay(
  head: readonly Buffer[],
  iterator: AsyncIterator<Buffer>,
  done: boolean,
): AsyncGenerator<Buffer> {
  yield* head;
  if (done) return;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
}

/**
 * The start of an input as text, only to decide its format. Decoded as the CSV stage will decode
 * it, so that a chunk cut inside a character does not turn the whole head into Windows-1252.
 * Lenient: content problems are for the parsers to report.
 */
function headText(name: string, head: readonly Buffer[], encoding: string | undefined): string {
  try {
    const transcoder = new Utf8Transcoder(name, encoding);
    const start = transcoder.push(Buffer.concat(head).subarray(0, DETECTION_BYTES));
    return Buffer.concat([start, transcoder.end()]).toString('utf8');
  } catch {
    return '';
  }
}

async function readWhole(
  name: string,
  chunks: AsyncIterable<Buffer>,
  maxBytes = MAX_TEXT_BYTES,
  tooLarge = 'a text larger than 2 MB: not the text of one bill or letter',
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw new FatalInputError(name, tooLarge);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** ParseEvents of one input. Throws FatalInputError when the input cannot be read or checked at all. */
export async function* parseInput(
  source: InputSource,
  options: InputOptions,
  skipped: SkippedSink = ignoreSkipped,
): AsyncGenerator<ParseEvent> {
  for await (const batch of parseInputBatches(source, options, skipped)) yield* batch;
}

/** For callers that read only CSV or text, which skip nothing. */
function ignoreSkipped(): void {}

/**
 * The same events in batches, one per chunk of input: the hot path of a million-row run, where an
 * await per document would cost more than reading the document.
 */
export async function* parseInputBatches(
  source: InputSource,
  options: InputOptions,
  skipped: SkippedSink = ignoreSkipped,
): AsyncGenerator<ParseEvent[]> {
  const iterator = source.open()[Symbol.asyncIterator]();
  try {
    yield* parseOpened(source, options, iterator, skipped);
  } finally {
    // A parser that gives up early ("no line break in the first 1 MiB") leaves the reader
    // suspended with its file open: Node would close it at garbage collection, with a warning on stderr.
    await iterator.return?.();
  }
}

async function* parseOpened(
  source: InputSource,
  options: InputOptions,
  iterator: AsyncIterator<Buffer>,
  skipped: SkippedSink,
): AsyncGenerator<ParseEvent[]> {
  const { format: givenFormat, pdfLimits, ...csvOptions } = options;
  let format = givenFormat;
  let chunks: AsyncIterable<Buffer>;
  if (format === undefined) {
    const { head, done } = await peek(iterator);
    if (head.length === 0) throw new FatalInputError(source.name, 'empty file');
    // A PDF is told by its first bytes whatever its name (a bill saved as .csv or with no extension).
    format = isPdf(Buffer.concat(head))
      ? 'pdf'
      : (formatFromName(source.name) ?? detectFormat(source.name, headText(source.name, head, options.encoding)));
    chunks = replay(head, iterator, done);
  } else {
    chunks = replay([], iterator, false);
  }

  // PDF (issue 14)
  if (format === 'pdf') {
    const maxBytes = pdfLimits?.maxBytes ?? DEFAULT_PDF_LIMITS.maxBytes;
    const bytes = await readWhole(source.name, chunks, maxBytes, tooLargeMessage(maxBytes));
    const dateOrder = options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder };
    const { parsePdfDocument } = await import('./pdf/index.js');
    yield await parsePdfDocument(bytes, source.name, {
      ...dateOrder,
      ...(pdfLimits === undefined ? {} : { limits: pdfLimits }),
    });
    return;
  }

  if (format === 'csv') {
    yield* parseCsvBatches(chunks, { ...csvOptions, file: source.name });
    return;
  }
  // ---- XML e-invoices (src/parse/xml) ----
  if (format === 'xml') {
    const tooLarge = 'XML larger than 20 MB: not read (an e-invoice is a few megabytes at most)';
    const bytes = await readWhole(source.name, chunks, MAX_XML_BYTES, tooLarge);
    if (bytes.toString('utf8').trim() === '') throw new FatalInputError(source.name, 'empty file');
    const { parseXmlInvoice } = await import('./xml/read-xml.js');
    yield parseXmlInvoice(bytes, source.name);
    return;
  }
  // ---- end of XML e-invoices ----
  // --- mail (issue 13): the message's letter and its attachments, several documents from one file ---
  if (format === 'mail') {
    const bytes = await readWhole(source.name, chunks, MAX_MAIL_BYTES, 'an e-mail larger than 25 MB');
    if (bytes.length === 0) throw new FatalInputError(source.name, 'empty file');
    const { parseMail } = await import('./mail/index.js');
    yield await parseMail(bytes, source.name, csvOptions, skipped);
    return;
  }
  const text = decodeWhole(source.name, await readWhole(source.name, chunks), options.encoding);
  if (text.trim() === '') throw new FatalInputError(source.name, 'empty file');
  yield parseTextDocument(text, source.name, {
    ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
    skipped,
  });
}
