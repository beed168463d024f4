/**
 * The exact content of a bill as bytes: what makes two documents "the same bill" (kind, dates,
 * currency, amounts, lines), not where they were found. Each field is
 * written unambiguously (a tag for absent, a length before every text), so that equal bytes mean
 * equal content and different bytes different content.
 */
import type { BillingDocument } from '../model/document.js';
import type { Money } from '../model/money.js';

const ABSENT = 0;
const PRESENT = 1;
const CENTS = 2;
const TEXT = 3;

/** A text written before, as its bytes (tag and length included), to copy when the same text comes again. */
interface WrittenText {
  /** Whether a text was written yet: before, even an absent one must be written, not copied. */
  known: boolean;
  value: string | undefined;
  bytes: Buffer;
}

/** Writes into a buffer it is given, from a position it is given; grows it (a copy) when it is full. */
class ByteWriter {
  buffer: Buffer = Buffer.alloc(0);
  length = 0;

  byte(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  double(value: number): void {
    this.room(8);
    this.buffer.writeDoubleLE(value, this.length);
    this.length += 8;
  }

  text(value: string | undefined): void {
    if (value === undefined) {
      this.byte(ABSENT);
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the length is written before the text.
    this.room(5 + value.length * 3);
    this.buffer[this.length++] = TEXT;
    const written = this.buffer.write(value, this.length + 4, 'utf8');
    this.buffer.writeUInt32LE(written, this.length);
    this.length += 4 + written;
  }

  /**
   * text(), for a field whose value is nearly always the one before (a run's kind, its currency):
   * a copy of the bytes kept, where Buffer.write's native call was a tenth of the cost of keeping
   * an entry (issue 19).
   */
  repeatedText(value: string | undefined, last: WrittenText): void {
    if (!last.known || value !== last.value) {
      const start = this.length;
      this.text(value);
      last.value = value;
      last.known = true;
      last.bytes = Buffer.from(this.buffer.subarray(start, this.length));
      return;
    }
    const { bytes } = last;
    this.room(bytes.length);
    const { buffer } = this;
    for (let at = 0; at < bytes.length; at++) buffer[this.length++] = bytes[at] as number;
  }

  day(value: number | undefined): void {
    if (value === undefined) this.byte(ABSENT);
    else {
      this.byte(PRESENT);
      this.double(value);
    }
  }

  money(amount: Money | undefined): void {
    if (amount === undefined) this.byte(ABSENT);
    else if (amount.isCents) {
      this.byte(CENTS);
      this.double(amount.cents);
    } else this.text(amount.toFixed());
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

const writer = new ByteWriter();
const lastKind: WrittenText = { known: false, value: undefined, bytes: Buffer.alloc(0) };
const lastCurrency: WrittenText = { known: false, value: undefined, bytes: Buffer.alloc(0) };
const NOWHERE: Buffer = Buffer.alloc(0);

/**
 * Writes the document's content as bytes into `buffer` from `at` on, straight where the log keeps
 * them (a copy of 80 bytes a bill, and a view to copy them from, cost a tenth of keeping an entry:
 * issue 19). Returns the buffer written, a larger copy when the content did not fit, and where the
 * content ends in it. `days` are the issue, due, period start and period end day numbers.
 */
export function writeContent(
  doc: BillingDocument,
  days: readonly (number | undefined)[],
  buffer: Buffer,
  at: number,
): { readonly buffer: Buffer; readonly end: number } {
  writer.buffer = buffer;
  writer.length = at;
  writer.repeatedText(doc.kind, lastKind);
  for (const day of days) writer.day(day);
  writer.repeatedText(doc.currency, lastCurrency);
  writer.money(doc.net);
  writer.money(doc.tax);
  writer.money(doc.total);
  writer.money(doc.amountDue);
  writer.double(doc.lines.length);
  for (const line of doc.lines) {
    writer.text(line.description);
    writer.money(line.net);
    writer.money(line.tax);
    writer.money(line.total);
  }
  const written = { buffer: writer.buffer, end: writer.length };
  // The writer keeps no log's buffer alive between calls.
  writer.buffer = NOWHERE;
  return written;
}

/** The fields of contentBytes, in their order, as findings name them. */
const FIELDS = [
  'kind',
  'issue date',
  'due date',
  'period start',
  'period end',
  'currency',
  'net',
  'tax',
  'total',
  'amount due',
];
const LINE_FIELDS = ['description', 'net', 'tax', 'total'];

/** One field's bytes (tag included), or undefined when the document does not state it. */
type Field = Uint8Array | undefined;

class ByteReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  field(): Field {
    const start = this.at;
    const tag = this.bytes[this.at++];
    if (tag === ABSENT) return undefined;
    if (tag === TEXT) {
      const length = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.at, 4).readUInt32LE(0);
      this.at += 4 + length;
    } else this.at += 8;
    return this.bytes.subarray(start, this.at);
  }

  double(): number {
    const value = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.at, 8).readDoubleLE(0);
    this.at += 8;
    return value;
  }
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/**
 * The first field on which two contents disagree, both stating it; undefined when they agree on
 * every field both state. A bill read from an export row (no lines, no net) and the same bill
 * read from its PDF (lines, net, due date) are one bill: only a field both give can tell two
 * bills apart. Lines are compared when both documents have lines.
 */
export function contentDifference(a: Uint8Array, b: Uint8Array): string | undefined {
  const left = new ByteReader(a);
  const right = new ByteReader(b);
  for (const name of FIELDS) {
    const x = left.field();
    const y = right.field();
    if (x !== undefined && y !== undefined && !equalBytes(x, y)) return name;
  }
  const lines = left.double();
  const otherLines = right.double();
  if (lines === 0 || otherLines === 0) return undefined;
  if (lines !== otherLines) return 'number of lines';
  for (let line = 0; line < lines; line++) {
    for (const name of LINE_FIELDS) {
      const x = left.field();
      const y = right.field();
      if (x !== undefined && y !== undefined && !equalBytes(x, y)) return `line ${line + 1} ${name}`;
    }
  }
  return undefined;
}
