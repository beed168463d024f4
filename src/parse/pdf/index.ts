/**
 * The PDF reader: bytes of a PDF in, documents out. pdf.js (on a worker thread, within limits)
 * gives the text runs of each page, the layout pass rebuilds the text as `pdftotext -layout`
 * prints it, and the text reader reads it, one document per run of pages that says it is one.
 * A PDF that cannot be read as bills is a FatalInputError with one line saying why. The text
 * reader's work is linear in the text; everything before it runs in the worker, within the time limit.
 */
import type { BillingDocument, PageFacts } from '../../model/document.js';
import { FatalInputError, type ParseEvent } from '../../model/input.js';
import type { DateOrder } from '../values/dates.js';
import { parseTextDocument } from '../text/index.js';
import { parseXmlInvoice } from '../xml/read-xml.js';
import { PdfProblem, readPdfContent } from './bounded-read.js';
import { splitPages } from './documents.js';
import { type EmbeddedInvoice, findEmbeddedInvoice } from './e-invoice.js';
import { tooLargeMessage } from '../input-limits.js';
import { DEFAULT_PDF_LIMITS, describeMs, type PdfLimits } from './limits.js';
import type { PdfContent } from './pdf-content.js';

export { closePdfWorker } from './bounded-read.js';
export type { EmbeddedInvoice, EmbeddedInvoiceStandard } from './e-invoice.js';
export { DEFAULT_PDF_LIMITS, type PdfLimits } from './limits.js';

export { isPdf, tooLargeMessage } from '../input-limits.js';

export interface PdfReadOptions {
  readonly dateOrder?: DateOrder;
  readonly limits?: Partial<PdfLimits>;
}

export interface PdfReading {
  /** The text of every page as the layout pass rebuilt it, pages ended by `\f`. */
  readonly text: string;
  readonly pageCount: number;
  /** What the pages' text says, one document per bill or letter: also the facts to hold an embedded XML against. */
  readonly documents: readonly BillingDocument[];
  /** The Factur-X / ZUGFeRD / XRechnung XML the PDF carries, for the e-invoice reader. */
  readonly embeddedInvoice?: EmbeddedInvoice;
}

/** Fewer visible characters than this in the whole PDF: the text layer of a scan (a page number), not a bill's. */
const SCAN_TEXT_CHARACTERS = 10;

export const SCAN_MESSAGE = 'no text in this PDF: it is a scan; run OCR first, for example ocrmypdf';

function problemMessage(problem: PdfProblem, limits: PdfLimits): string {
  switch (problem.kind) {
    case 'encrypted':
      return 'an encrypted PDF (it asks for a password): open it with its password and save or print it as a new PDF';
    case 'damaged':
      return `a damaged PDF that cannot be read (${problem.message})`;
    case 'too-many-pages':
      return `a PDF of ${problem.message}, more than the ${limits.maxPages} a file of bills is allowed`;
    case 'timeout':
      return `reading this PDF took longer than ${describeMs(limits.timeLimitMs)}, the limit: it was stopped`;
    case 'out-of-memory':
      return `reading this PDF needed more than ${limits.maxHeapMb} MB of memory, the limit: it was stopped`;
    case 'crashed':
      return `the PDF reader failed on this file (${problem.message})`;
  }
}

async function contentOf(bytes: Uint8Array, file: string, limits: PdfLimits): Promise<PdfContent> {
  if (bytes.length > limits.maxBytes) {
    throw new FatalInputError(file, tooLargeMessage(limits.maxBytes));
  }
  try {
    return await readPdfContent(bytes, limits);
  } catch (error) {
    if (error instanceof PdfProblem) throw new FatalInputError(file, problemMessage(error, limits));
    throw error;
  }
}

/** Reads a PDF's pages into documents. Throws FatalInputError when it cannot be read as bills. */
export async function readPdf(bytes: Uint8Array, file: string, options: PdfReadOptions = {}): Promise<PdfReading> {
  const limits: PdfLimits = { ...DEFAULT_PDF_LIMITS, ...options.limits };
  const content = await contentOf(bytes, file, limits);
  if (content.visibleCharacters < SCAN_TEXT_CHARACTERS) throw new FatalInputError(file, SCAN_MESSAGE);
  const pages = content.pages;
  const embeddedInvoice = findEmbeddedInvoice(content.attachments);
  const textOptions = options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder };
  const documents: BillingDocument[] = [];
  for (const run of splitPages(pages, textOptions)) {
    const linesBefore = pages.slice(0, run.first).reduce((sum, page) => sum + lineCount(page), 0);
    for (const event of parseTextDocument(run.pages.join(''), file, textOptions)) {
      if (event.type !== 'document') continue;
      documents.push(placed(event.document, { linesBefore, page: run.first + 1, embeddedInvoice }));
    }
  }
  return {
    text: pages.join(''),
    pageCount: pages.length,
    documents,
    ...(embeddedInvoice === undefined ? {} : { embeddedInvoice }),
  };
}

function lineCount(page: string): number {
  let count = 0;
  for (let i = page.indexOf('\n'); i !== -1; i = page.indexOf('\n', i + 1)) count++;
  return count;
}

/** A document read from a run of pages, pointed at its place in the whole PDF's text. */
function placed(
  doc: BillingDocument,
  where: { linesBefore: number; page: number; embeddedInvoice: EmbeddedInvoice | undefined },
): BillingDocument {
  const { embeddedInvoice } = where;
  return {
    ...doc,
    source: {
      file: doc.source.file,
      line: doc.source.line + where.linesBefore,
      format: 'pdf',
      page: where.page,
      ...(embeddedInvoice === undefined
        ? {}
        : { embeddedInvoice: { name: embeddedInvoice.name, standard: embeddedInvoice.standard } }),
    },
  };
}

/**
 * The documents of a PDF as the parse stage yields them. A Factur-X / ZUGFeRD / XRechnung PDF is
 * read from its XML, which is the invoice of record, holding what its page says as `pageFacts` so
 * that a rule can tell when the two disagree; an XML that cannot be read leaves the page's reading
 * with an invalid-input that says so.
 */
export async function parsePdfDocument(
  bytes: Uint8Array,
  file: string,
  options: PdfReadOptions,
): Promise<ParseEvent[]> {
  const reading = await readPdf(bytes, file, options);
  const pageEvents: ParseEvent[] = reading.documents.map((document) => ({ type: 'document', document }));
  const embedded = reading.embeddedInvoice;
  if (embedded === undefined) return pageEvents;
  let xmlEvents: ParseEvent[];
  try {
    xmlEvents = parseXmlInvoice(Buffer.from(embedded.bytes), file);
  } catch (error) {
    if (!(error instanceof FatalInputError)) throw error;
    const reason = `the ${embedded.standard} attachment ${embedded.name} cannot be read (${error.message}): the page was read instead`;
    return [...pageEvents, { type: 'invalid', file, line: 1, reason, rows: 0 }];
  }
  const page = reading.documents[0];
  const where = { file, line: page?.source.line ?? 1, format: 'pdf' as const, page: 1 };
  return xmlEvents.map((event) =>
    event.type === 'document'
      ? {
          type: 'document',
          document: {
            ...event.document,
            source: { ...where, embeddedInvoice: { name: embedded.name, standard: embedded.standard } },
            // The page says how the seller writes amounts and dates; the XML only has machine forms.
            ...(page === undefined ? {} : { pageFacts: pageFactsOf(page), amountStyle: page.amountStyle }),
          },
        }
      : { ...event, file },
  );
}

/** What the visible page says of the fields a Factur-X's XML also states. */
function pageFactsOf(page: BillingDocument): PageFacts {
  return {
    ...(page.id === undefined ? {} : { id: page.id }),
    ...(page.issueDate === undefined ? {} : { issueDate: page.issueDate }),
    ...(page.total === undefined ? {} : { total: page.total }),
    ...(page.amountDue === undefined ? {} : { amountDue: page.amountDue }),
  };
}

/** The bytes of the e-invoice XML a PDF carries (Factur-X, ZUGFeRD, XRechnung), undefined when it carries none. */
export async function embeddedInvoiceOf(
  bytes: Uint8Array,
  file: string,
  limits: Partial<PdfLimits> = {},
): Promise<EmbeddedInvoice | undefined> {
  const content = await contentOf(bytes, file, { ...DEFAULT_PDF_LIMITS, ...limits });
  return findEmbeddedInvoice(content.attachments);
}
