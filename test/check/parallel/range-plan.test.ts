/**
 * How a split file is cut for several threads (issue 19): a first range for the main thread while
 * the workers start, then ranges each smaller than the last, handed out as threads become free,
 * so that the threads end within a small range of each other however late a worker started.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rangeEnds } from '../../../src/check/parallel/pool.js';
import { planCsvSplit } from '../../../src/check/parallel/split.js';

const folder = mkdtempSync(join(tmpdir(), 'billcheck-range-plan-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('rangeEnds', () => {
  it.each([2, 3, 4])('cuts the file for %i threads into shrinking ranges after the first', (readers) => {
    const ends = rangeEnds(readers);
    const sizes = ends.map((end, at) => end - (at === 0 ? 0 : (ends[at - 1] as number)));
    expect(ends[0]).toBeCloseTo(0.5 / readers, 10);
    // Increasing, inside the file, the last range (from the last end to the file's end) small.
    for (let at = 1; at < ends.length; at++) expect(ends[at]).toBeGreaterThan(ends[at - 1] as number);
    expect(ends.at(-1)).toBeLessThan(1);
    expect(1 - (ends.at(-1) as number)).toBeLessThanOrEqual(0.01);
    // After the first, each range is no larger than the one before it, and none under 0.5 % of the file.
    for (let at = 2; at < sizes.length; at++) expect(sizes[at]).toBeLessThanOrEqual((sizes[at - 1] as number) + 1e-12);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(0.005 - 1e-12);
    // Enough ranges that a thread's last one is short; few enough that headers parsed again cost nothing.
    expect(ends.length).toBeGreaterThan(8);
    expect(ends.length).toBeLessThan(40);
  });
});

describe('planCsvSplit with ends', () => {
  it('cuts at record boundaries near each end given, never inside a document, covering the file once', () => {
    const lines = ['N° de facture;Type;N° client;Date de facture;Libellé;Montant HT;TVA;Montant TTC'];
    // Invoices of three lines each (one number), 2 000 of them: a cut must never fall between their rows.
    for (let bill = 0; bill < 2_000; bill++) {
      for (let row = 0; row < 3; row++) {
        lines.push(`F${100_000 + bill};Facture;06${10_000_000 + bill};05/01/2024;Ligne ${row};10,00;2,00;12,00`);
      }
    }
    const text = `${lines.join('\n')}\n`;
    const file = join(folder, 'export.csv');
    writeFileSync(file, text);
    const ends = rangeEnds(2);
    const plan = planCsvSplit(file, 2, { ends });
    expect(plan).toBeDefined();
    const ranges = plan?.ranges ?? [];
    expect(ranges.length).toBeGreaterThan(8);
    expect(ranges[0]?.start).toBe(0);
    expect(ranges.at(-1)?.end).toBe(Buffer.byteLength(text));
    for (let at = 1; at < ranges.length; at++) expect(ranges[at]?.start).toBe(ranges[at - 1]?.end);
    for (const range of ranges.slice(1)) {
      const rest = text.slice(range.start);
      const first = rest.slice(0, rest.indexOf(';'));
      const before = text.slice(0, range.start).trimEnd().split('\n').at(-1) ?? '';
      // The row before a cut belongs to another invoice than the row after it.
      expect(before.startsWith(`${first};`)).toBe(false);
      // The line offset is that of the file: the record at the cut is on line lineOffset + 2.
      expect(text.slice(0, range.start).split('\n').length - 1).toBe(range.lineOffset + 1);
    }
  });
});
