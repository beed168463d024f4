/**
 * E-mail files (.eml): the letter in the body (text, or HTML turned into text) and the
 * attachments billcheck reads, each one more source of the dossier. postal-mime decodes MIME
 * (quoted-printable, base64, charsets, nested parts); it has no dependencies and runs on Node 20,
 * where mailparser would bring a dozen packages for the same work.
 *
 * Documents of an attachment name it after the message: "relance.eml#facture.csv". The body's
 * document is the message's own ("relance.eml", line 1: the message).
 */
import { convert } from 'html-to-text';
import PostalMime from 'postal-mime';
import type { BillingDocument, DunningTitle } from '../../model/document.js';
import { FatalInputError, type ParseEvent, type SkippedPart, type SkippedSink } from '../../model/input.js';
import type { CsvOptions } from '../csv/index.js';
import { parseCsvBatches } from '../csv/index.js';
import { decodeWhole } from '../decode.js';
import { detectFormat } from '../detect.js';
import { isPdf, parsePdfDocument } from '../pdf/index.js';
import { parseXmlInvoice } from '../xml/read-xml.js';
import { parseTextDocument } from '../text/index.js';
import { detectKind, type KindDecision } from '../text/kind.js';
import { splitLines } from '../text/lines.js';
import { FORWARDED, headerDate } from './headers.js';

export type MailOptions = Omit<CsvOptions, 'file'>;

export { MAX_MAIL_BYTES } from '../input-limits.js';
/** A message attached to a message attached to…: three levels are all real mail needs. */
const MAX_DEPTH = 3;
const MAX_ATTACHMENTS = 50;
const NOT_A_BILL = 'no invoice or letter found in this text';
const TEXT_NAMES = /\.(?:txt|text)$/i;
const CSV_NAMES = /\.(?:csv|tsv)$/i;

interface Attachment {
  readonly filename: string | null;
  readonly mimeType: string;
  readonly content: ArrayBuffer | Uint8Array | string;
  readonly disposition?: string | null;
  readonly related?: boolean;
}

/** A name safe to print and to join to the message's: its last path segment, without control characters. */
function attachmentName(attachment: Attachment, index: number): string {
  const raw = attachment.filename ?? '';
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f-\u009f#]/g, '')
    .trim()
    .slice(0, 120);
  return clean === '' ? `attachment-${index + 1}` : clean;
}

function bytesOf(content: Attachment['content']): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return Buffer.from(content instanceof Uint8Array ? content : new Uint8Array(content));
}

function bodyText(text: string | undefined, html: string | undefined): string {
  if (text !== undefined && text.trim() !== '') return text;
  if (html === undefined) return '';
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

/** A payment's thanks in the body: "Thanks for your payment of £38.50", "Nous avons bien reçu votre règlement". */
const PAYMENT_THANKS =
  /\b(?:thank(?:s| you) for your payment|we(?: have|'ve| ha(?:ve|s)) received your payment|merci pour votre (?:paiement|r[èe]glement)|nous avons bien re[çc]u votre (?:paiement|r[èe]glement)|vielen dank f(?:ü|ue)r ihre zahlung)\b/i;

/**
 * A payment confirmation whose body quotes the bill it pays ("Bill number: VF-2605-123064", read as
 * an invoice's title): its subject ("Thanks for your payment") says what it is when the body thanks
 * for a payment too. Tryout 6: Vodafone UK's e-mail became a blank duplicate of the bill it paid.
 */
function thanksForPayment(subject: string | undefined, body: string, bodyKind: KindDecision): boolean {
  if (subject === undefined || bodyKind.kind !== 'invoice' || !PAYMENT_THANKS.test(body)) return false;
  return detectKind(splitLines(`Objet : ${subject}`))?.kind === 'payment';
}

/**
 * The letter of the body. Its title or phrases decide its kind; the subject decides over a body
 * that names none or only mentions one (issue 13: "the body weighing more than a subject line").
 */
function bodyDocument(
  body: string,
  subject: string | undefined,
  file: string,
  date: string | undefined,
  options: MailOptions,
  setAside: SkippedSink,
): BillingDocument | undefined {
  // A forwarded message's letter is dated by its own pasted header, which the text reader reads;
  // any other by the message's Date header.
  const forwarded = FORWARDED.test(body);
  const textOptions = {
    ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
    ...(forwarded || date === undefined ? {} : { issueDate: date }),
    skipped: setAside,
  };
  const withSubject = subject === undefined || subject.trim() === '' ? [] : [`Objet : ${subject}\n\n${body}`];
  // A body that only mentions a kind ("zu Ihrer Rechnung …") says less than a subject
  // ("Zahlungserinnerung zu Ihrer Rechnung"); a title or a letter's phrase in it says more.
  const bodyKind = detectKind(splitLines(body));
  const subjectFirst = bodyKind === undefined || bodyKind.by === 'mention' || thanksForPayment(subject, body, bodyKind);
  const attempts = subjectFirst ? [...withSubject, body] : [body, ...withSubject];
  for (const text of attempts) {
    if (text.trim() === '') continue;
    try {
      const [event] = parseTextDocument(text, file, textOptions);
      if (event?.type !== 'document') continue;
      const doc = event.document;
      // The text reader weighed the message's Date against the dates the text prints (a bill's own wins).
      const issueDate = doc.issueDate ?? date;
      // The body decided the kind; a subject "Final reminder: …" still names the letter's rank.
      const title = doc.kind === 'dunning' && doc.dunningTitle === undefined ? subjectTitle(subject) : undefined;
      return {
        ...doc,
        issueDate,
        ...(title === undefined ? {} : { dunningTitle: title }),
        source: { file, line: 1, format: 'mail' },
      };
    } catch (error) {
      if (!(error instanceof FatalInputError) || error.message !== NOT_A_BILL) throw error;
    }
  }
  return undefined;
}

/** The dunning title a subject line gives ("Final reminder: your account is overdue"), if any. */
function subjectTitle(subject: string | undefined): DunningTitle | undefined {
  if (subject === undefined || subject.trim() === '') return undefined;
  const decision = detectKind(splitLines(`Objet : ${subject}`));
  return decision?.kind === 'dunning' ? decision.title : undefined;
}

async function* attachmentEvents(
  attachment: Attachment,
  name: string,
  options: MailOptions,
  skipped: SkippedSink,
  depth: number,
): AsyncGenerator<ParseEvent> {
  const bytes = bytesOf(attachment.content);
  const type = attachment.mimeType.toLowerCase();
  if (type === 'message/rfc822' || /\.eml$/i.test(name)) {
    if (depth >= MAX_DEPTH) {
      skipped({ file: name, reason: `a message nested more than ${MAX_DEPTH} levels deep` });
      return;
    }
    yield* parseMailEvents(bytes, name, options, skipped, depth + 1);
    return;
  }
  // A bill attached as PDF or as an e-invoice is read as the same file would be on its own.
  if (type === 'application/pdf' || /\.pdf$/i.test(name) || isPdf(bytes)) {
    yield* await parsePdfDocument(bytes, name, options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder });
    return;
  }
  if (type === 'application/xml' || type === 'text/xml' || /\.xml$/i.test(name)) {
    yield* parseXmlInvoice(bytes, name);
    return;
  }
  const isCsv = CSV_NAMES.test(name) || type === 'text/csv' || type === 'text/tab-separated-values';
  const isText = TEXT_NAMES.test(name) || type === 'text/plain';
  if (!isCsv && !isText) {
    skipped({
      file: name,
      reason: `an attachment of type ${type.replace(/[^\w./+-]/g, '')}, not a bill billcheck reads`,
    });
    return;
  }
  const text = decodeWhole(name, bytes, options.encoding);
  if (isCsv || detectFormat(name, text.slice(0, 64 * 1024)) === 'csv') {
    for await (const batch of parseCsvBatches(once(bytes), { ...options, file: name })) yield* batch;
    return;
  }
  if (text.trim() === '') throw new FatalInputError(name, 'empty attachment');
  yield* parseTextDocument(text, name, options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder });
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function* parseMailEvents(
  bytes: Buffer,
  file: string,
  options: MailOptions,
  skipped: SkippedSink,
  depth: number,
): AsyncGenerator<ParseEvent> {
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new FatalInputError(
      file,
      `not a readable e-mail (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'})`,
    );
  }
  const dateHeader = email.headers.find((header) => header.key === 'date')?.value;
  const body = bodyText(email.text, email.html);
  // A body the text reader sets aside (a direct-debit notice naming no bill) is one skipped part,
  // however many readings of it (with and without its subject) were tried.
  let setAside: SkippedPart | undefined;
  const doc = bodyDocument(body, email.subject, file, headerDate(dateHeader), options, (part) => {
    setAside ??= part;
  });
  // Skipped attachments count as found: the file was a message with something in it, said in the report.
  let found = doc !== undefined;
  const skip: SkippedSink = (part) => {
    found = true;
    skipped(part);
  };
  if (doc === undefined && setAside !== undefined) skip(setAside);
  if (doc !== undefined) yield { type: 'document', document: doc };
  const attachments = email.attachments as readonly Attachment[];
  for (const [index, attachment] of attachments.entries()) {
    const name = `${file}#${attachmentName(attachment, index)}`;
    if (index >= MAX_ATTACHMENTS) {
      skip({ file: name, reason: `more than ${MAX_ATTACHMENTS} attachments: the others are not read` });
      break;
    }
    // Logos and signatures of an HTML message are part of its layout, not attachments anyone sent.
    if (attachment.related === true && attachment.mimeType.startsWith('image/')) continue;
    try {
      for await (const event of attachmentEvents(attachment, name, options, skip, depth)) {
        if (event.type === 'document') found = true;
        yield event;
      }
    } catch (error) {
      if (!(error instanceof FatalInputError)) throw error;
      // One attachment that cannot be read does not hide the message and its other attachments.
      found = true;
      yield {
        type: 'invalid',
        file: name,
        line: 0,
        reason: `the attachment cannot be read: ${error.message}`,
        rows: 0,
      };
    }
  }
  if (!found) throw new FatalInputError(file, 'no invoice or letter found in this e-mail or its attachments');
}

/** The documents of one .eml file: its body's letter, then its attachments'; parts it does not read go to `skipped`. */
export async function parseMail(
  bytes: Buffer,
  file: string,
  options: MailOptions,
  skipped: SkippedSink,
): Promise<ParseEvent[]> {
  const events: ParseEvent[] = [];
  for await (const event of parseMailEvents(bytes, file, options, skipped, 0)) events.push(event);
  return events;
}
