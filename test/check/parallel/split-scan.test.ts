/**
 * The split's boundary scan (issue 18, "Performance traps"): a CSV over 16 MB with no quote
 * character at all was 2.7 × slower on two threads than on one, because the scan searched for
 * the next quote again after every line break, each time to the end of its 4 MiB chunk. These
 * tests hold the scan linear, by the bytes its searches cover, and its boundaries equal to a
 * byte-by-byte parity walk written here.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { BoundaryScanner } from '../../../src/check/parallel/split.js';

const folder = mkdtempSync(join(tmpdir(), 'billcheck-split-scan-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A French one-line-invoice export, as bench/generate.js writes its `no-quotes` shape. */
function exportText(rows: number, quoteEvery: number | undefined): string {
  const lines = ['N° de facture;Type;N° client;Date de facture;Échéance;Libellé;Montant HT;TVA;Montant TTC'];
  for (let row = 0; row < rows; row++) {
    const quoted = quoteEvery !== undefined && row % quoteEvery === 0;
    // A quoted description with a line break inside: not a record boundary.
    const label = quoted ? '"Box Fibre\nTV incluse"' : 'Box Fibre';
    lines.push(
      `F2024${String(row).padStart(7, '0')};Facture;06${String(10_000_000 + row)};01/02/2024;15/02/2024;${label};24,99;5,00;29,99`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Reference: record boundaries by walking every byte (a line break outside quotes ends a record). */
function boundariesByWalk(
  bytes: Buffer,
  targets: readonly number[],
): { offset: number; newlinesBefore: number; previousStart: number }[] {
  const found = [];
  let quoted = false;
  let newlines = 0;
  let recordStart = 0;
  let next = 0;
  for (let i = 0; i < bytes.length && next < targets.length; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    if (bytes[i] !== 0x0a) continue;
    newlines++;
    if (quoted) continue;
    const offset = i + 1;
    if (offset >= (targets[next] as number)) {
      found.push({ offset, newlinesBefore: newlines, previousStart: recordStart });
      next++;
    }
    recordStart = offset;
  }
  return found;
}

function scan(name: string, text: string, targets: readonly number[], chunkBytes?: number) {
  const path = join(folder, name);
  writeFileSync(path, text);
  const bytes = Buffer.from(text);
  // Every byte the scan's searches cover: from where a search starts to what it finds, or to the end.
  let searched = 0;
  const indexOf = Buffer.prototype.indexOf;
  vi.spyOn(Buffer.prototype, 'indexOf').mockImplementation(function (this: Buffer, value, from, encoding) {
    const at = indexOf.call(this, value, from, encoding);
    searched += (at === -1 ? this.length : at) - Number(from ?? 0);
    return at;
  });
  const fd = openSync(path, 'r');
  try {
    const scanner = new BoundaryScanner(fd, bytes.length, chunkBytes);
    const boundaries = targets.map((target) => scanner.boundaryAtOrAfter(target));
    return { boundaries, searched, size: bytes.length, expected: boundariesByWalk(bytes, targets) };
  } finally {
    closeSync(fd);
  }
}

describe('BoundaryScanner', () => {
  it('scans a file without any quote character once, not once per line', () => {
    // 6 MB: two of the scan's 4 MiB chunks, 70 000 lines.
    const text = exportText(70_000, undefined);
    expect(text.includes('"')).toBe(false);
    const size = Buffer.byteLength(text);
    const result = scan('no-quotes.csv', text, [Math.floor(size / 3), Math.floor((2 * size) / 3)]);
    expect(result.boundaries).toEqual(result.expected);
    expect(result.expected).toHaveLength(2);
    // One pass for line breaks, one for quotes, a chunk re-read after each boundary: well under 3 × the file.
    // Searching for the quote after every line break covered about 70 000 × 2 MiB here.
    expect(result.searched).toBeLessThan(3 * result.size);
  });

  it('finds the same boundaries as a byte-by-byte walk when quoted fields hold line breaks', () => {
    const text = exportText(20_000, 7);
    const size = Buffer.byteLength(text);
    const targets = [1, Math.floor(size / 4), Math.floor(size / 2), size - 200];
    // Small chunks, so that boundaries and quotes fall on both sides of chunk edges.
    const result = scan('quoted.csv', text, targets, 64 * 1024);
    expect(result.boundaries).toEqual(result.expected);
    expect(result.expected).toHaveLength(4);
    expect(result.searched).toBeLessThan(3 * result.size);
  });

  it('does not take a line break inside a quoted field as a boundary', () => {
    const header = 'N° de facture;Libellé;Montant TTC\n';
    const text = `${header}F1;"Box Fibre\nTV incluse";29,99\nF2;Box Fibre;29,99\n`;
    // The target falls on the line break inside the quotes: the boundary is the end of that record.
    const target = Buffer.byteLength(`${header}F1;"Box Fibre\n`);
    const result = scan('inside-quotes.csv', text, [target]);
    expect(result.boundaries[0]?.offset).toBe(Buffer.byteLength(`${header}F1;"Box Fibre\nTV incluse";29,99\n`));
    expect(result.boundaries[0]?.newlinesBefore).toBe(3);
  });

  it('says there is no boundary past the last line break', () => {
    const text = exportText(10, undefined);
    const result = scan('short.csv', text, [Buffer.byteLength(text) + 1]);
    expect(result.boundaries).toEqual([undefined]);
  });
});

describe('the first range of a split', () => {
  it("ends past the reader's sample, its first 1 000 rows and two read chunks, not at 1 MiB", async () => {
    const { planCsvSplit } = await import('../../../src/check/parallel/split.js');
    // 4 000 rows of about 100 bytes: 400 kB, a sample of 1 000 rows ending near 100 kB.
    const path = join(folder, 'small-split.csv');
    const text = exportText(4000, undefined);
    writeFileSync(path, text);
    const plan = planCsvSplit(path, 2);
    const first = plan?.ranges[0];
    // The header, then 1 000 rows: the reader has its sample by the end of the chunk holding the last.
    const recordEnds = [...text.matchAll(/\n/g)].map((match) => (match.index as number) + 1);
    const sampleEnd = recordEnds[1000] as number;
    expect(first?.end).toBeGreaterThanOrEqual(sampleEnd + 2 * 64 * 1024);
    expect(first?.end).toBeLessThan(1 << 20);
    expect(plan?.ranges).toHaveLength(2);
  });

  it('counts no blank row towards the sample, which the reader skips', async () => {
    const { planCsvSplit } = await import('../../../src/check/parallel/split.js');
    // Every other record an empty row or a row of empty cells: the sample ends twice as far in.
    const rows = exportText(4000, undefined).split('\n');
    const spaced = [rows[0], ...rows.slice(1).flatMap((row, i) => [row, i % 2 === 0 ? '' : ';;;;;;;;'])].join('\n');
    const path = join(folder, 'blank-rows.csv');
    writeFileSync(path, spaced);
    const first = planCsvSplit(path, 2)?.ranges[0];
    const dataEnds = [...spaced.matchAll(/[0-9]\n/g)].map((match) => (match.index as number) + 2);
    expect(first?.end).toBeGreaterThanOrEqual((dataEnds[999] as number) + 2 * 64 * 1024);
  });
});
