/**
 * What the dispatcher (parse/index.ts) needs to know of the PDF, XML and e-mail readers before it
 * loads them: their size limits and the PDF signature. Kept apart so that a run over CSV files
 * never loads pdf.js's wrapper, the XML parser or the MIME and HTML libraries (a third of the
 * start-up time of every billcheck process).
 */
import { describeBytes } from './pdf/limits.js';

/** Every PDF starts so (pdf.js also accepts the header a little later; producers write it first). */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export function isPdf(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, PDF_MAGIC.length)).equals(PDF_MAGIC);
}

/** Also said by the PDF reader, which refuses a file past the limit. */
export function tooLargeMessage(maxBytes: number): string {
  return `a PDF larger than ${describeBytes(maxBytes)}, the limit for one file of bills`;
}

/** A UBL or CII invoice of a few thousand lines is a few megabytes. */
export const MAX_XML_BYTES = 20 * 1024 * 1024;

/** An e-mail with its attachments; a bill run sent as one CSV attachment is read by streaming elsewhere. */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;
