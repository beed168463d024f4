/**
 * Writes small PDFs in tests, object by object with a correct cross-reference table, so that a test
 * can make exactly the PDF it needs (many pages, a page with a huge text stream) without a fixture.
 * Text uses Helvetica, one of the 14 standard fonts that need not be embedded.
 */

/** One page's text: lines of [x, y from the bottom, text] in points, 10-point Helvetica. */
export type PageLines = readonly (readonly [number, number, string])[];

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

export function contentOf(lines: PageLines): string {
  return lines.map(([x, y, text]) => `BT /F1 10 Tf ${x} ${y} Td (${escapePdfString(text)}) Tj ET`).join('\n');
}

/** A PDF of pages given as content streams (latin1: WinAnsi text). */
export function pdfOfContents(contents: readonly string[]): Buffer {
  const objects: string[] = [];
  const pageIds = contents.map((_, index) => 4 + 2 * index);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  contents.forEach((content, index) => {
    const pageId = 4 + 2 * index;
    objects[pageId] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> ' +
      `/Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function pdfOfPages(pages: readonly PageLines[]): Buffer {
  return pdfOfContents(pages.map(contentOf));
}

/** A bill as a PDF of one page, in 10-point Helvetica. */
export const SMALL_BILL: PageLines = [
  [50, 800, 'FACTURE'],
  [50, 780, 'Facture n\xb0 F-2024-0007'],
  [50, 765, 'Date de facture : 05/03/2024'],
  [50, 740, 'Total HT'],
  [300, 740, '16,66 \x80'],
  [50, 725, 'TVA 20 %'],
  [300, 725, '3,33 \x80'],
  [50, 710, 'Total TTC'],
  [300, 710, '19,99 \x80'],
];
