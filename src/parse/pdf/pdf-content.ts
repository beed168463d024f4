/**
 * What the PDF worker works with and sends back: plain data (structured-clone safe), nothing of
 * pdf.js. The layout pass runs in the worker too, so that the time limit covers it (a page of a
 * hostile file may hold hundreds of thousands of text runs); the main thread gets text.
 */

/** One run of text as pdf.js reports it, in page space with y pointing down (0 = top of the page). */
export interface PdfTextItem {
  readonly text: string;
  /** Left end of the run's baseline. */
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  /** Advance width of the whole run. */
  readonly width: number;
  /** Height of the font as drawn (the scale of the text matrix). */
  readonly size: number;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
}

export interface PdfAttachment {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A PDF as the worker read it. */
export interface PdfContent {
  /** Each page's text with its layout rebuilt, as `pdftotext -layout` prints it (lines ended by "\n", then "\f"). */
  readonly pages: readonly string[];
  /** Characters other than white space in all the text runs: how a scan is told from a bill. */
  readonly visibleCharacters: number;
  readonly attachments: readonly PdfAttachment[];
}

/** Why a PDF could not be read, as the worker classifies pdf.js's exceptions. */
export type PdfFailureKind = 'encrypted' | 'damaged' | 'too-many-pages';

export type PdfWorkerReply =
  | { readonly id: number; readonly ok: true; readonly content: PdfContent }
  | { readonly id: number; readonly ok: false; readonly failure: PdfFailureKind; readonly detail: string };

export interface PdfWorkerRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly maxPages: number;
}
