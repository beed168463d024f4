/**
 * Lines read without csv-parse (line-fields.ts, issue 19) must read as csv-parse reads them: on
 * every line the fast reading accepts, and through the record splitter, whose records, lines and
 * errors must be the ones of csv-parse's stream alone, on hostile text cut into any chunks.
 */
import { parse as parseWhole } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsOfLine, readsLinesWith } from '../../../src/parse/csv/line-fields.js';
import { RecordSplitter } from '../../../src/parse/csv/records.js';

/** csv-parse's reading of one line and its line break (an empty line is a record of one empty cell), with records.ts's options. */
function csvParseOf(line: string, delimiter: string): string[][] {
  return parseWhole(`${line}\n`, { delimiter, bom: false, relax_column_count: true, relax_quotes: true }) as string[][];
}

describe('fieldsOfLine', () => {
  it('reads plain, quoted and escaped cells', () => {
    expect(fieldsOfLine('F1;Forfait;10,00', ';')).toEqual(['F1', 'Forfait', '10,00']);
    expect(fieldsOfLine('F1;"Forfait; mobile";"2 ""Go""";""', ';')).toEqual(['F1', 'Forfait; mobile', '2 "Go"', '']);
    expect(fieldsOfLine('', ';')).toEqual(['']);
    expect(fieldsOfLine(';;', ';')).toEqual(['', '', '']);
    expect(fieldsOfLine('"a",b', ',')).toEqual(['a', 'b']);
  });

  it('leaves to csv-parse what could be read more than one way or continues on the next line', () => {
    // A stray quote in an unquoted cell, text after a closing quote, a quote open at the end of the line.
    for (const line of ['Câble 2";3', '"a"b;c', 'a;"open', 'a;"ends with ""', ' "x";y']) {
      expect(fieldsOfLine(line, ';')).toBeUndefined();
    }
  });

  it('reads only with a delimiter of one character that is no quote or line break', () => {
    expect([';', ',', '\t', '|'].every(readsLinesWith)).toBe(true);
    expect(['"', '\n', '\r', ';;', '', '\uFFFD', 'é', '\u0000'].some(readsLinesWith)).toBe(false);
  });

  it('reads every line it accepts as csv-parse does (property)', () => {
    const piece = fc.constantFrom('a', 'Forfait', '10,00', ' ', '"', '""', ';', ',', 'é', '€', '\u{1F4DE}', '\uFEFF');
    const line = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(line, fc.constantFrom(';', ','), (text, delimiter) => {
        const fields = fieldsOfLine(text, delimiter);
        if (fields !== undefined) expect([fields]).toEqual(csvParseOf(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });
});

interface Reading {
  records: string[][];
  lines: number[];
  multiline: boolean[];
  error: string | undefined;
  currentLine: number;
  pendingRecordLine: number;
  pendingRecord?: RecordSplitter['pendingRecord'];
}

/** Everything the splitter tells CsvFile, for `bytes` fed in chunks of the given sizes. */
function read(bytes: Buffer, sizes: readonly number[], readsLines: boolean): Reading {
  const splitter = new RecordSplitter(';', 0, { readsLines });
  const reading: Reading = {
    records: [],
    lines: [],
    multiline: [],
    error: undefined,
    currentLine: 0,
    pendingRecordLine: 0,
  };
  const take = (): void => {
    reading.records.push(...splitter.records.map((record) => [...record]));
    reading.lines.push(...splitter.lines);
    reading.multiline.push(...splitter.multiline);
  };
  let at = 0;
  for (let chunk = 0; at < bytes.length && reading.error === undefined; chunk++) {
    const size = Math.max(1, sizes[chunk % sizes.length] ?? 1);
    const error = splitter.feed(bytes.subarray(at, at + size));
    take();
    reading.error = error === undefined ? undefined : ((error as { code?: string }).code ?? 'error');
    at += size;
  }
  if (reading.error === undefined) {
    const error = splitter.end();
    take();
    reading.error = error === undefined ? undefined : ((error as { code?: string }).code ?? 'error');
    if (reading.error === 'CSV_QUOTE_NOT_CLOSED') reading.pendingRecord = splitter.pendingRecord;
  }
  reading.currentLine = splitter.currentLine;
  reading.pendingRecordLine = splitter.pendingRecordLine;
  return reading;
}

describe('RecordSplitter reading lines itself', () => {
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('F1', 'Forfait mobile', '10,00', '', 'é€', '\u{1F4DE}') },
    {
      weight: 3,
      arbitrary: fc.constantFrom('"avec ; dedans"', '"2 ""Go"""', '""', '"Ligne 1\nligne 2"', '"a\r\nb"', '"x\ry"'),
    },
    // What csv-parse alone reads: stray quotes, text after a closing quote, a quote never closed.
    { weight: 1, arbitrary: fc.constantFrom('Câble 2"', '"a"b', '"open', '\uFEFF"bom"', 'a\rb') },
  );
  const row = fc.tuple(
    fc.oneof(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.constant([] as string[])),
    fc.constantFrom('\n', '\r\n', '\r', ''),
  );
  const text = fc
    .array(row, { minLength: 1, maxLength: 25 })
    .map((rows) => rows.map(([cells, end]) => cells.join(';') + end).join(''));
  const sizes = fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 6 });

  it('gives the records, lines and errors of csv-parse reading every line (property)', () => {
    fc.assert(
      fc.property(text, sizes, (written, chunks) => {
        const bytes = Buffer.from(`A;B;C;D\n${written}`, 'utf8');
        expect(read(bytes, chunks, true)).toEqual(read(bytes, [1 << 16], false));
      }),
      { numRuns: 2000 },
    );
  });

  it('hands a record longer than the limit to csv-parse, which stops there', () => {
    const long = 'x'.repeat((1 << 20) + 10);
    const bytes = Buffer.from(`a;b\n1;2\n3;${long}\n4;5\n`);
    const reading = read(bytes, [1 << 16], true);
    expect(reading.error).toBe('CSV_MAX_RECORD_SIZE');
    expect(reading.lines).toEqual([1, 2]);
    expect(reading.pendingRecordLine).toBe(3);
  });

  it('reads a cell over many lines with csv-parse, and the records after it', () => {
    const cellLines = Array.from({ length: 100 }, (_, line) => `ligne ${line}`).join('\n');
    const bytes = Buffer.from(`a;b\n1;"${cellLines}"\n2;"deux\nlignes"\n3;x\n`);
    const reading = read(bytes, [64], true);
    expect(reading).toEqual(read(bytes, [1 << 16], false));
    expect(reading.lines).toEqual([1, 2, 102, 104]);
    expect(reading.multiline).toEqual([false, true, true, false]);
  });
});
