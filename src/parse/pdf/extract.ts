/**
 * pdf.js (through unpdf, which bundles a build that runs on Node 20 without a canvas) turned into
 * PdfContent: the text runs of every page in page space, and the embedded files. Runs inside the
 * PDF worker (pdf-worker.ts): pdf.js parses on the thread that calls it, so only a thread that can
 * be terminated bounds the time a hostile file takes.
 */
import { getDocumentProxy } from 'unpdf';
import { pageText } from './layout.js';
import type { PdfAttachment, PdfContent, PdfFailureKind, PdfTextItem } from './pdf-content.js';

/** pdf.js's errors, 0: its warnings about odd fonts or broken objects would reach stderr uncounted. */
const PDFJS_ERRORS_ONLY = 0;

export class PdfReadFailure extends Error {
  constructor(
    readonly kind: PdfFailureKind,
    detail: string,
  ) {
    super(detail);
  }
}

type Matrix = readonly [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

interface RawTextItem {
  str?: unknown;
  transform?: unknown;
  width?: unknown;
}

function asMatrix(value: unknown): Matrix | undefined {
  if (!Array.isArray(value) || value.length !== 6 || !value.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return undefined;
  return value as unknown as Matrix;
}

/**
 * A run placed on the page as a reader sees it (the viewport applies the page's rotation and crop
 * box). Rotated runs (a sideways legal mention in the margin) are left out, as they would cut
 * across the lines they pass: pdftotext -layout prints them apart too.
 */
function placeItem(raw: RawTextItem, viewport: Matrix): PdfTextItem | undefined {
  const own = asMatrix(raw.transform);
  if (typeof raw.str !== 'string' || raw.str.trim() === '' || own === undefined) return undefined;
  const m = multiply(viewport, own);
  const horizontal = m[0] > 0 && Math.abs(m[1]) <= 0.05 * m[0];
  if (!horizontal) return undefined;
  const size = Math.hypot(m[2], m[3]);
  const width = typeof raw.width === 'number' && Number.isFinite(raw.width) ? raw.width : 0;
  return { text: raw.str, x: m[4], y: m[5], width, size: size > 0 ? size : m[0] };
}

function failureOf(error: unknown): PdfReadFailure {
  if (error instanceof PdfReadFailure) return error;
  const name = (error as { name?: unknown } | undefined)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new PdfReadFailure('encrypted', message);
  return new PdfReadFailure('damaged', message);
}

export async function extractPdfContent(bytes: Uint8Array, maxPages: number): Promise<PdfContent> {
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: PDFJS_ERRORS_ONLY, isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    throw failureOf(error);
  }
  try {
    if (pdf.numPages > maxPages) throw new PdfReadFailure('too-many-pages', `${pdf.numPages} pages`);
    const pages: string[] = [];
    let visibleCharacters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const raw of content.items as RawTextItem[]) {
        const item = placeItem(raw, viewport.transform as unknown as Matrix);
        if (item === undefined) continue;
        items.push(item);
        visibleCharacters += item.text.replace(/\s/gu, '').length;
      }
      page.cleanup();
      pages.push(pageText({ width: viewport.width, height: viewport.height, items }));
    }
    return { pages, visibleCharacters, attachments: await attachmentsOf(pdf) };
  } catch (error) {
    throw failureOf(error);
  } finally {
    await pdf.destroy();
  }
}

interface RawAttachment {
  filename?: unknown;
  content?: unknown;
}

async function attachmentsOf(pdf: { getAttachments(): Promise<unknown> }): Promise<PdfAttachment[]> {
  const found = (await pdf.getAttachments()) as Record<string, RawAttachment> | null;
  if (found === null || typeof found !== 'object') return [];
  const attachments: PdfAttachment[] = [];
  for (const entry of Object.values(found)) {
    if (typeof entry?.filename !== 'string' || !(entry.content instanceof Uint8Array)) continue;
    attachments.push({ name: entry.filename, bytes: entry.content });
  }
  return attachments;
}
