/**
 * The bounds a PDF is read within. A bill is a few hundred kilobytes and one to a few pages; a
 * customer-area "all my bills" file a few megabytes and a hundred pages. Anything far beyond is
 * not a bill, and a hostile file must not hold billcheck: pdf.js runs in a worker thread that is
 * terminated when the time is up or its heap is full.
 */
export interface PdfLimits {
  /** Larger files are refused before pdf.js sees them. */
  readonly maxBytes: number;
  /** Wall-clock time the worker may take for one PDF, from the request to the reply. */
  readonly timeLimitMs: number;
  readonly maxPages: number;
  /** The worker's V8 heap: a PDF that needs more is refused, billcheck goes on. */
  readonly maxHeapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxBytes: 50 * 1024 * 1024,
  timeLimitMs: 20_000,
  maxPages: 2_000,
  maxHeapMb: 512,
};

/** "50 MB", "20 s": limits as the messages state them. */
export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function describeMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
