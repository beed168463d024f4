/**
 * PDFs that cannot be read as bills, and the bounds a PDF is read within: each is one
 * FatalInputError with one line saying why, and the reader is ready for the next PDF.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FatalInputError } from '../../../src/model/input.js';
import { sharedPdfWorkerHeapMb } from '../../../src/parse/pdf/bounded-read.js';
import { closePdfWorker, DEFAULT_PDF_LIMITS, readPdf } from '../../../src/parse/pdf/index.js';
import { pdfOfContents, pdfOfPages, SMALL_BILL } from './make-pdf.js';

afterAll(closePdfWorker);

const SMALL = pdfOfPages([SMALL_BILL]);

/** One page of 50 000 runs of text: a second or two of pdf.js work, standing in for a file built to hang a reader. */
function heavyPdf(): Buffer {
  const runs = Array.from({ length: 50_000 }, (_, i) => `BT /F1 10 Tf ${i % 500} ${i % 800} Td (x${i}) Tj ET`);
  return pdfOfContents([runs.join('\n')]);
}

async function fatalOf(reading: Promise<unknown>): Promise<FatalInputError> {
  try {
    await reading;
  } catch (error) {
    if (error instanceof FatalInputError) return error;
    throw error;
  }
  throw new Error('the PDF was read');
}

describe('readPdf bounds', () => {
  it('reads a small PDF written by hand (the baseline of the tests below)', async () => {
    const [doc] = (await readPdf(SMALL, 'facture.pdf')).documents;
    expect(doc?.id).toBe('F-2024-0007');
    expect(doc?.total?.toFixed(2)).toBe('19.99');
  });

  it('reads with the heap limit it is given, not the limit of the worker an earlier read started', async () => {
    // A worker too small to load pdf.js would show it, but a V8 heap that runs out may take the
    // whole process down on some Node versions (it did on 22 under vitest): the limit is read back.
    expect((await readPdf(SMALL, 'a.pdf')).documents).toHaveLength(1);
    expect(sharedPdfWorkerHeapMb()).toBe(DEFAULT_PDF_LIMITS.maxHeapMb);
    const larger = { ...DEFAULT_PDF_LIMITS, maxHeapMb: DEFAULT_PDF_LIMITS.maxHeapMb + 64 };
    expect((await readPdf(SMALL, 'b.pdf', { limits: larger })).documents).toHaveLength(1);
    expect(sharedPdfWorkerHeapMb()).toBe(larger.maxHeapMb);
    expect((await readPdf(SMALL, 'c.pdf')).documents).toHaveLength(1);
    expect(sharedPdfWorkerHeapMb()).toBe(DEFAULT_PDF_LIMITS.maxHeapMb);
  });

  it('states its limits: 50 MB, 20 s, 2 000 pages, 512 MB of heap', () => {
    expect(DEFAULT_PDF_LIMITS).toEqual({
      maxBytes: 50 * 1024 * 1024,
      timeLimitMs: 20_000,
      maxPages: 2_000,
      maxHeapMb: 512,
    });
  });

  it('refuses a PDF larger than the limit before pdf.js sees it', async () => {
    const error = await fatalOf(readPdf(SMALL, 'gros.pdf', { limits: { maxBytes: 512 } }));
    expect(error.file).toBe('gros.pdf');
    expect(error.message).toBe('a PDF larger than 1 KB, the limit for one file of bills');
  });

  it('refuses more pages than the limit', async () => {
    const error = await fatalOf(
      readPdf(pdfOfPages([SMALL_BILL, SMALL_BILL, SMALL_BILL]), 'pages.pdf', { limits: { maxPages: 2 } }),
    );
    expect(error.message).toBe('a PDF of 3 pages, more than the 2 a file of bills is allowed');
  });

  it('stops a PDF that takes longer than the time limit, and reads the next PDF on a new worker', async () => {
    const heavy = heavyPdf();
    const started = Date.now();
    const error = await fatalOf(readPdf(heavy, 'piege.pdf', { limits: { timeLimitMs: 300 } }));
    const elapsed = Date.now() - started;
    expect(error.message).toBe('reading this PDF took longer than 300 ms, the limit: it was stopped');
    // The limit counts from the request; starting the worker and loading pdf.js come before it.
    expect(elapsed).toBeLessThan(3_000);
    const [doc] = (await readPdf(SMALL, 'suivante.pdf')).documents;
    expect(doc?.id).toBe('F-2024-0007');
  });

  it('reads the same heavy PDF to the end within the default limit: the limit, not the file, stopped it', async () => {
    const reading = await readPdf(heavyPdf(), 'lourd.pdf').catch((error: unknown) => error);
    // 50 000 runs of "x…" are no bill: read to the end, the text reader finds none.
    expect(reading).toBeInstanceOf(FatalInputError);
    expect((reading as FatalInputError).message).toBe('no invoice or letter found in this text');
  }, 30_000);

  it('says a PDF without text is a scan, and what to do', async () => {
    const error = await fatalOf(readPdf(pdfOfContents(['0 0 1 rg 10 10 500 800 re f']), 'scan.pdf'));
    expect(error.message).toBe('no text in this PDF: it is a scan; run OCR first, for example ocrmypdf');
  });

  it('says a PDF whose only text is a page number is a scan too', async () => {
    const error = await fatalOf(readPdf(pdfOfPages([[[290, 20, '1/1']]]), 'scan.pdf'));
    expect(error.message).toMatch(/^no text in this PDF: it is a scan/);
  });

  it('names a damaged PDF: a cut download', async () => {
    const error = await fatalOf(readPdf(SMALL.subarray(0, 40), 'coupe.pdf'));
    expect(error.message).toMatch(/^a damaged PDF that cannot be read \(/);
  });

  it('reads the encrypted fixture as encrypted, one line without a stack', async () => {
    const error = await fatalOf(readPdf(readFileSync('fixtures/pdf/chiffre-mot-de-passe.pdf'), 'chiffre.pdf'));
    expect(error.message).toMatch(/^an encrypted PDF \(it asks for a password\)/);
    expect(error.message).not.toContain('\n');
  });
});

describe('readPdf, several PDFs at once', () => {
  it('answers each, in turn, when one of them runs out of time', async () => {
    const readings = [
      readPdf(SMALL, 'a.pdf'),
      fatalOf(readPdf(heavyPdf(), 'piege.pdf', { limits: { timeLimitMs: 300 } })),
      readPdf(SMALL, 'b.pdf'),
    ] as const;
    const [first, stopped, last] = await Promise.all(readings);
    expect(first.documents[0]?.source.file).toBe('a.pdf');
    expect(stopped.message).toMatch(/^reading this PDF took longer than 300 ms/);
    expect(last.documents[0]?.source.file).toBe('b.pdf');
  });
});
