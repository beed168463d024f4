/**
 * The record splitter over csv-parse's public stream API: every record gets the physical line it
 * starts on, whatever the chunking, with line breaks inside quoted cells ("\r\n" counted once),
 * empty lines and lone "\r" line ends; an unclosed quote leaves its record readable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordSplitter } from '../../../src/parse/csv/records.js';

function split(
  text: string,
  chunkSizes: readonly number[],
): { records: string[][]; lines: number[]; multiline: boolean[]; error?: string } {
  const splitter = new RecordSplitter(';');
  const records: string[][] = [];
  const lines: number[] = [];
  const multiline: boolean[] = [];
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  let size = 0;
  let error: string | undefined;
  const take = (): void => {
    records.push(...splitter.records);
    lines.push(...splitter.lines);
    multiline.push(...splitter.multiline);
  };
  while (at < bytes.length && error === undefined) {
    const length = Math.max(1, chunkSizes[size++ % chunkSizes.length] ?? 1);
    error = splitter.feed(bytes.subarray(at, at + length))?.message;
    take();
    at += length;
  }
  if (error === undefined) {
    error = splitter.end()?.message;
    take();
  }
  return error === undefined ? { records, lines, multiline } : { records, lines, multiline, error };
}

const SAMPLE = [
  'N° facture;Libellé;Montant',
  'F1;"Forfait\r\nmobile";10,00',
  '',
  'F2;Option;2,00\rF3;"Ligne 1\nligne 2\nligne 3";3,00',
  '',
  '',
  'F4;Fin;4,00',
].join('\n');

describe('RecordSplitter', () => {
  it('gives each record the physical line it starts on', () => {
    const { records, lines } = split(SAMPLE, [1 << 16]);
    expect(records.map((record) => record[0])).toEqual(['N° facture', 'F1', 'F2', 'F3', 'F4']);
    // F1 spans lines 2-3, line 4 is empty, F2 ends with a lone CR on line 5, F3 spans 6-8.
    expect(lines).toEqual([1, 2, 5, 6, 11]);
  });

  it('gives the same records and lines whatever the chunk sizes', () => {
    const whole = split(SAMPLE, [1 << 16]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        expect(split(SAMPLE, sizes)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('numbers every record by the line breaks before it, quoted breaks, empty lines and chunking mixed (property)', () => {
    // Records built cell by cell, each record's line counted while the text is written: the
    // reference the splitter's counting (and its shortcut for chunks whose breaks all end records) must give.
    const cell = fc.oneof(
      fc.constantFrom('F1', 'Forfait', '10,00', ''),
      fc.constantFrom('"Ligne 1\nligne 2"', '"a\r\nb"', '"x\ry"', '"avec ; dedans"', '"deux\n\nlignes"'),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 4 });
    const rows = fc.array(fc.tuple(fc.oneof(record, fc.constant(null)), fc.constantFrom('\n', '\r\n', '\r')), {
      minLength: 1,
      maxLength: 30,
    });
    const breaksIn = (text: string): number => (text.match(/\r\n|\r|\n/g) ?? []).length;
    const sizes = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, sizes, fc.boolean(), (written, chunks, lastEnds) => {
        let text = 'A;B;C;D\n';
        const expected: number[] = [1];
        const spans: boolean[] = [false];
        written.forEach(([cells, end], at) => {
          // null: an empty line, which the splitter skips but counts. A "\r" then "\n" are one break.
          const body = cells === null ? '' : cells.join(';');
          if (cells !== null && !(cells.length === 1 && cells[0] === '')) {
            expected.push(1 + breaksIn(text));
            spans.push(breaksIn(body) > 0);
          }
          // The file's last record may end without a line break.
          text += at === written.length - 1 && !lastEnds ? body : body + end;
        });
        const sizes = chunks;
        const { lines, multiline, error } = split(text, sizes);
        expect(error).toBeUndefined();
        expect(lines).toEqual(expected);
        expect(multiline).toEqual(spans);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the record an unclosed quote leaves open, with the line it starts on', () => {
    const splitter = new RecordSplitter(';');
    expect(splitter.feed(Buffer.from('a;b\n1;2\n\n3;"open\nrest;of;it\n'))).toBeUndefined();
    expect(splitter.lines).toEqual([1, 2]);
    const error = splitter.end() as Error & { code?: string };
    expect(error.code).toBe('CSV_QUOTE_NOT_CLOSED');
    expect(splitter.pendingRecordLine).toBe(4);
    expect(splitter.pendingRecord).toEqual({ cells: ['3'], openCell: 'open\nrest;of;it\n' });
    // The last line with text: the final line break opens no line of its own.
    expect(splitter.currentLine).toBe(5);
  });

  it('keeps the open record whole when a "\\r\\n" before it was cut between chunks', () => {
    // Found by the property test of line-fields.test.ts: the chunk that starts with the "\n" of a cut
    // "\r\n" was read as starting a line of its own, and the open cell lost its first line.
    const splitter = new RecordSplitter(';', 0, { readsLines: false });
    expect(splitter.feed(Buffer.from('a;b\r'))).toBeUndefined();
    expect(splitter.feed(Buffer.from('\n1;2\n3;"open\nrest\n'))).toBeUndefined();
    const error = splitter.end() as Error & { code?: string };
    expect(error.code).toBe('CSV_QUOTE_NOT_CLOSED');
    expect(splitter.pendingRecordLine).toBe(3);
    expect(splitter.pendingRecord).toEqual({ cells: ['3'], openCell: 'open\nrest\n' });
  });

  it('stops at a record longer than the limit, on the line where it starts', () => {
    const splitter = new RecordSplitter(';');
    const long = 'x'.repeat((1 << 20) + 10);
    const error = splitter.feed(Buffer.from(`a;b\n1;2\n3;${long}\n`)) as Error & { code?: string };
    expect(error.code).toBe('CSV_MAX_RECORD_SIZE');
    expect(splitter.lines).toEqual([1, 2]);
    expect(splitter.pendingRecordLine).toBe(3);
  });
});

/** Fixtures from a review of the line reader: inputs where reading line by line cost or delayed more than the stream. */
describe('RecordSplitter hands over to the stream where lines would cost more', () => {
  const feedAll = (splitter: RecordSplitter, bytes: Buffer, size: number): string[][] => {
    const records: string[][] = [];
    for (let at = 0; at < bytes.length; at += size) {
      expect(splitter.feed(bytes.subarray(at, at + size))).toBeUndefined();
      records.push(...splitter.records.map((record) => [...record]));
    }
    expect(splitter.end()).toBeUndefined();
    records.push(...splitter.records.map((record) => [...record]));
    return records;
  };

  it('reads a file of lone "\\r" line ends as its chunks come, not all at its end', () => {
    const text = `Facture;Total\r${Array.from({ length: 50 }, (_, i) => `F${i};10,00`).join('\r')}\r`;
    const splitter = new RecordSplitter(';');
    splitter.feed(Buffer.from(text.slice(0, 100), 'utf8'));
    expect(splitter.readingLines).toBe(false);
    expect(splitter.records.length).toBeGreaterThan(3);
  });

  it('leaves lines with stray quotes to the stream once they are many, reading them the same', () => {
    const text = `Facture;Article;Total\n${Array.from({ length: 5000 }, (_, i) => `F${i};Câble 2";10,00`).join('\n')}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const lines = new RecordSplitter(';');
    const read = feedAll(lines, bytes, 65536);
    expect(lines.readingLines).toBe(false);
    expect(read).toEqual(feedAll(new RecordSplitter(';', 0, { readsLines: false }), bytes, 65536));
    expect(read[4000]).toEqual(['F3999', 'Câble 2"', '10,00']);
  });

  it('reads cells over many lines the same, without parsing each record again per line', () => {
    const cell = Array.from({ length: 40 }, (_, j) => `ligne ${j}`).join('\n');
    const text = `Facture;Détail;Total\n${Array.from({ length: 300 }, (_, i) => `F${i};"${cell}";10,00`).join('\n')}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const lines = new RecordSplitter(';');
    const read = feedAll(lines, bytes, 4096);
    expect(lines.readingLines).toBe(false);
    expect(read).toEqual(feedAll(new RecordSplitter(';', 0, { readsLines: false }), bytes, 4096));
    expect(read).toHaveLength(301);
  });
});

describe('RecordSplitter keeps reading lines', () => {
  it('through a "\\r\\n" inside a quoted cell cut between chunks (not a lone "\\r")', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `F${i};"12 rue des Lilas\r\n75011 Paris";10,00`);
    const bytes = Buffer.from(`Facture;Adresse;Total\r\n${rows.join('\r\n')}\r\n`, 'utf8');
    const read = (splitter: RecordSplitter): string[][] => {
      const records: string[][] = [];
      for (let at = 0; at < bytes.length; at += 50) {
        expect(splitter.feed(bytes.subarray(at, at + 50))).toBeUndefined();
        records.push(...splitter.records.map((record) => [...record]));
      }
      expect(splitter.end()).toBeUndefined();
      records.push(...splitter.records.map((record) => [...record]));
      return records;
    };
    const lines = new RecordSplitter(';');
    const records = read(lines);
    expect(lines.readingLines).toBe(true);
    expect(records).toEqual(read(new RecordSplitter(';', 0, { readsLines: false })));
    expect(records[40]).toEqual(['F39', '12 rue des Lilas\r\n75011 Paris', '10,00']);
  });
});
