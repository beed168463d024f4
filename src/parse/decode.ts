/**
 * Turns the bytes of an input file into UTF-8 bytes, whatever the file's encoding: csv-parse
 * works on UTF-8 buffers, so a UTF-8 file (the common case) passes through untouched and only
 * other encodings pay for a conversion.
 *
 * The encoding is decided as early as the bytes allow and never revised: a BOM says it outright;
 * otherwise the first non-ASCII sequence decides between UTF-8 (it is valid UTF-8) and
 * Windows-1252 (it is not), while an all-ASCII prefix reads the same in both and stays undecided.
 * A file decided UTF-8 that later holds invalid bytes is not re-read: `invalidUtf8Seen` tells the
 * CSV stage to report the rows holding U+FFFD instead of computing on garbled text.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { FatalInputError } from '../model/input.js';

/** How many leading bytes are examined for binary content before anything is passed on. */
const BINARY_SNIFF_BYTES = 4096;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/**
 * Every PDF starts so. parse/index.ts sends PDFs to the PDF reader by these bytes; a PDF can only
 * reach the decoder through a path that was told the input is CSV or text (a large ".csv" read on
 * several threads), and deserves a better word than "binary" there.
 */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

type Decided =
  | { readonly kind: 'utf8' }
  /** Any other encoding: decoded to text by iconv-lite, then re-encoded as UTF-8. */
  | { readonly kind: 'iconv'; readonly decoder: iconv.DecoderStream; readonly name: string };

/** Node's TextDecoder('windows-1252') is wrong on several Node releases; iconv-lite is not. */
const WINDOWS_1252 = 'windows-1252';

function isUtf8Name(name: string): boolean {
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return compact === 'utf8';
}

/** Checks an `--encoding` name; unknown names are a fatal problem for the file. */
export function checkEncodingName(file: string, name: string): void {
  if (!iconv.encodingExists(name)) throw new FatalInputError(file, `unknown encoding: ${name}`);
}

function iconvDecided(name: string): Decided {
  return { kind: 'iconv', decoder: iconv.getDecoder(name, { stripBOM: true }), name };
}

/**
 * Where a buffer stops holding whole UTF-8 characters: the start of a trailing incomplete
 * sequence, or the buffer's length.
 */
function completeUtf8Length(bytes: Buffer): number {
  const length = bytes.length;
  for (let i = length - 1; i >= 0 && i >= length - 4; i--) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return length;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length - i < needed ? i : length;
  }
  return length;
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return i;
  return -1;
}

/** The length of the UTF-8 sequence a lead byte announces, 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * UTF-16 written without a BOM shows as a NUL in every other byte of ASCII text. Returns the
 * byte order when the sample reads so, undefined otherwise.
 */
function utf16WithoutBom(sample: Buffer): 'utf16le' | 'utf16be' | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= pairs * 0.6 && evenNuls === 0) return 'utf16le';
  if (evenNuls >= pairs * 0.6 && oddNuls === 0) return 'utf16be';
  return undefined;
}

/** Control bytes that text files do not hold (tab, line feed, form feed, carriage return and ^Z are text). */
function isBinaryControl(byte: number): boolean {
  return (
    (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) || byte === 0x7f
  );
}

function looksBinary(sample: Buffer): boolean {
  if (sample.indexOf(0) !== -1) return true;
  let controls = 0;
  for (const byte of sample) if (isBinaryControl(byte)) controls++;
  return controls > sample.length * 0.1;
}

/** The encoding a BOM announces, with the BOM's length. */
function bomEncoding(head: Buffer): { encoding: 'utf8' | 'utf16le' | 'utf16be'; length: number } | undefined {
  if (head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2])
    return { encoding: 'utf8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return undefined;
}

/**
 * Incremental transcoder to UTF-8. Feed it with `push` (returns the UTF-8 bytes ready so far,
 * possibly empty) and finish with `end`. Throws FatalInputError for an empty or binary file.
 */
export class Utf8Transcoder {
  /** True once bytes that are not valid UTF-8 went through as UTF-8 (they read as U+FFFD). */
  invalidUtf8Seen = false;
  private decided: Decided | undefined;
  /** Bytes held back: the start of the file until the binary check, or an incomplete character. */
  private held: Buffer = Buffer.alloc(0);
  private sniffed = false;
  private totalBytes = 0;

  constructor(
    private readonly file: string,
    encoding?: string,
  ) {
    if (encoding !== undefined) {
      checkEncodingName(file, encoding);
      this.decided = isUtf8Name(encoding) ? { kind: 'utf8' } : iconvDecided(encoding);
    }
  }

  /** The encoding decided so far ("utf-8", "windows-1252", "utf16le"…), undefined while the input is all ASCII. */
  get encoding(): string | undefined {
    if (this.decided === undefined) return undefined;
    return this.decided.kind === 'utf8' ? 'utf-8' : this.decided.name;
  }

  push(chunk: Buffer): Buffer {
    if (this.sniffed) this.refuseNul(chunk, this.totalBytes);
    this.totalBytes += chunk.length;
    const bytes = this.held.length === 0 ? chunk : Buffer.concat([this.held, chunk]);
    this.held = Buffer.alloc(0);
    if (!this.sniffed) {
      if (bytes.length < BINARY_SNIFF_BYTES) {
        this.held = bytes;
        return Buffer.alloc(0);
      }
      return this.afterSniff(bytes, false);
    }
    return this.convert(bytes, false);
  }

  end(): Buffer {
    const bytes = this.held;
    this.held = Buffer.alloc(0);
    if (!this.sniffed) return this.afterSniff(bytes, true);
    return this.convert(bytes, true);
  }

  private afterSniff(bytes: Buffer, atEnd: boolean): Buffer {
    this.sniffed = true;
    if (this.totalBytes === 0) throw new FatalInputError(this.file, 'empty file');
    let body = bytes;
    const bom = bomEncoding(bytes);
    if (bom !== undefined) {
      body = bytes.subarray(bom.length);
      if (this.decided === undefined)
        this.decided = bom.encoding === 'utf8' ? { kind: 'utf8' } : iconvDecided(bom.encoding);
      else if (this.decided.kind === 'iconv') body = bytes; // iconv-lite strips the BOM itself
    } else if (this.decided === undefined) {
      const utf16 = utf16WithoutBom(bytes.subarray(0, BINARY_SNIFF_BYTES));
      if (utf16 !== undefined) this.decided = iconvDecided(utf16);
    }
    if (body.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
      throw new FatalInputError(this.file, 'a PDF file, not CSV or text: name it .pdf to have it read as a PDF');
    }
    const isUtf16 = this.decided?.kind === 'iconv' && /^utf-?16/i.test(this.decided.name);
    if (!isUtf16 && looksBinary(body.subarray(0, BINARY_SNIFF_BYTES))) {
      throw new FatalInputError(
        this.file,
        'binary data, not a file billcheck reads (CSV, text, PDF, XML e-invoice or e-mail)',
      );
    }
    this.refuseNul(bytes, this.totalBytes - bytes.length);
    if (body.length === 0 && atEnd) throw new FatalInputError(this.file, 'empty file');
    return this.convert(body, atEnd);
  }

  /**
   * A NUL byte is binary wherever it is: no CSV export or letter holds one (outside UTF-16, where
   * every ASCII character has one). Refusing it late as early keeps one answer per file, rather
   * than "binary" for a NUL in the first 4 KiB and raw NULs in account numbers after it; rows
   * read before it stay counted, and the file is a fatal problem.
   */
  private refuseNul(bytes: Buffer, offset: number): void {
    if (this.decided?.kind === 'iconv' && /^utf-?16/i.test(this.decided.name)) return;
    const at = bytes.indexOf(0);
    if (at === -1) return;
    const where = (offset + at).toLocaleString('en-US');
    throw new FatalInputError(
      this.file,
      `binary data (a NUL byte at byte ${where}), not a file billcheck reads (CSV, text, PDF, XML e-invoice or e-mail)`,
    );
  }

  private convert(bytes: Buffer, atEnd: boolean): Buffer {
    if (this.decided === undefined) {
      const decidedAt = this.decide(bytes, atEnd);
      if (this.decided === undefined) {
        // Still all ASCII, perhaps with an incomplete sequence held back at the end.
        this.held = Buffer.from(bytes.subarray(decidedAt));
        return bytes.subarray(0, decidedAt);
      }
      const ascii = bytes.subarray(0, decidedAt);
      const rest = this.convert(bytes.subarray(decidedAt), atEnd);
      return ascii.length === 0 ? rest : Buffer.concat([ascii, rest]);
    }
    if (this.decided.kind === 'iconv') {
      const text = this.decided.decoder.write(bytes) + (atEnd ? (this.decided.decoder.end() ?? '') : '');
      return Buffer.from(text, 'utf8');
    }
    if (atEnd) {
      if (!isUtf8(bytes)) this.invalidUtf8Seen = true;
      return bytes;
    }
    const complete = completeUtf8Length(bytes);
    if (complete < bytes.length) this.held = Buffer.from(bytes.subarray(complete));
    const body = bytes.subarray(0, complete);
    if (!this.invalidUtf8Seen && !isAscii(body) && !isUtf8(body)) this.invalidUtf8Seen = true;
    return body;
  }

  /**
   * Decides the encoding from the first non-ASCII sequence. Returns how many leading bytes are
   * ASCII (and may be passed on); leaves `decided` undefined when the bytes do not tell yet.
   */
  private decide(bytes: Buffer, atEnd: boolean): number {
    if (isAscii(bytes)) return bytes.length;
    const at = firstNonAscii(bytes);
    const needed = sequenceLength(bytes[at] ?? 0);
    if (needed === 0) {
      this.decided = iconvDecided(WINDOWS_1252);
      return at;
    }
    if (at + needed > bytes.length && !atEnd) return at;
    this.decided = isUtf8(bytes.subarray(at, at + needed)) ? { kind: 'utf8' } : iconvDecided(WINDOWS_1252);
    return at;
  }
}

/**
 * A whole file's text (the text parser reads files whole). With the whole file at hand the
 * decision can use all of it: UTF-8 when every byte is valid UTF-8, Windows-1252 otherwise.
 */
export function decodeWhole(file: string, bytes: Buffer, encoding?: string): string {
  if (bytes.length === 0) throw new FatalInputError(file, 'empty file');
  if (
    encoding === undefined &&
    bomEncoding(bytes) === undefined &&
    utf16WithoutBom(bytes.subarray(0, BINARY_SNIFF_BYTES)) === undefined
  ) {
    const name = isUtf8(bytes) ? 'utf-8' : WINDOWS_1252;
    return decodeWhole(file, bytes, name);
  }
  const transcoder = new Utf8Transcoder(file, encoding);
  const head = transcoder.push(bytes);
  const tail = transcoder.end();
  return Buffer.concat([head, tail]).toString('utf8');
}
