/**
 * The exact content of a bill as bytes: what makes two documents "the same bill" (kind, dates,
 * currency, amounts, lines), not where they were found. The same fields as the content hash, each
 * written unambiguously (a tag for absent, a length before every text), so that equal bytes mean
 * equal content and different bytes different content.
 */
import type { BillingDocument } from '../model/document.js';
import type { Money } from '../model/money.js';

const ABSENT = 0;
const PRESENT = 1;
const CENTS = 2;
const TEXT = 3;

class ByteWriter {
  private buffer = Buffer.allocUnsafe(256);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

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

/**
 * The document's content as bytes, in a buffer reused by the next call: copy it (ContentLog.append
 * does) before calling again. `days` are the issue, due, period start and period end day numbers.
 */
export function contentBytes(doc: BillingDocument, days: readonly (number | undefined)[]): Uint8Array {
  writer.reset();
  writer.text(doc.kind);
  for (const day of days) writer.day(day);
  writer.text(doc.currency);
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
  return writer.bytes();
}
