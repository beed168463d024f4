/**
 * The bench's command line (issue 19): every shape by default, one with --shape, billcheck alone
 * once by default (the 10 M rows run), and cached exports keyed by shape and size.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark is plain JavaScript without types
import { GENERATOR_VERSION } from '../../bench/generate.js';
// @ts-expect-error -- the benchmark is plain JavaScript without types
import { DATA_DIR, dataFile, formatTable, median, parseOptions, sniffDelimiter } from '../../bench/run.js';
// @ts-expect-error -- the benchmark is plain JavaScript without types
import { SHAPES, shapeNamed } from '../../bench/shapes.js';

describe('bench options', () => {
  it('measures every shape at a million rows, three pairs, by default', () => {
    const options = parseOptions([]);
    expect(options.shapes.map((shape: { name: string }) => shape.name)).toEqual([
      'one-line',
      'multi-line',
      'many-accounts',
      'deep-history',
      'english',
      'windows-1252',
      'no-quotes',
    ]);
    expect(options).toMatchObject({ rows: 1_000_000, pairs: 3, jobs: undefined, accounts: undefined, growth: false });
  });

  it('takes one shape, ten million rows and billcheck alone, run once', () => {
    const options = parseOptions(['--shape', 'one-line', '--rows', '10_000_000', '--billcheck-only']);
    expect(options.shapes).toEqual([shapeNamed('one-line')]);
    expect(options).toMatchObject({ rows: 10_000_000, pairs: 1, billcheckOnly: true, profile: false });
    expect(parseOptions(['--billcheck-only', '--pairs', '2']).pairs).toBe(2);
  });

  it('refuses an unknown shape, a bad number and --profile with --billcheck-only', () => {
    expect(() => parseOptions(['--shape', 'two-lines'])).toThrow(/unknown shape "two-lines"/);
    expect(() => parseOptions(['--rows', '1e6'])).toThrow('--rows must be an integer ≥ 1, got "1e6"');
    expect(() => parseOptions(['--jobs', '0'])).toThrow(/--jobs must be an integer ≥ 1/);
    expect(() => parseOptions(['--profile', '--billcheck-only'])).toThrow(/do not go together/);
  });

  it('measures files given with --file, alone or with their delimiter, not with --shape or --growth', () => {
    expect(parseOptions(['--file', 'a.csv', '--file', 'b.csv'])).toMatchObject({
      files: ['a.csv', 'b.csv'],
      delimiter: undefined,
    });
    expect(parseOptions(['--file', 'a.csv', '--delimiter', ','])).toMatchObject({ delimiter: ',' });
    expect(parseOptions([]).files).toEqual([]);
    expect(() => parseOptions(['--file', 'a.csv', '--shape', 'one-line'])).toThrow('not with --shape');
    expect(() => parseOptions(['--file', 'a.csv', '--growth'])).toThrow('not with --growth');
    // What the generator takes means nothing for a file given (review: it was silently ignored).
    expect(() => parseOptions(['--file', 'a.csv', '--rows', '5', '--seed', '7'])).toThrow('not with --rows, --seed');
    expect(parseOptions([])).toMatchObject({ rows: 1_000_000, seed: 42 });
    expect(() => parseOptions(['--delimiter', ';'])).toThrow('--delimiter goes with --file');
    expect(() => parseOptions(['--file', 'a.csv', '--delimiter', ';;'])).toThrow(/one character/);
  });

  it("reads a given export's delimiter from its header: the one it holds most of", () => {
    expect(sniffDelimiter('N° de facture;Type;N° client;Montant TTC')).toBe(';');
    expect(sniffDelimiter('Invoice No,Customer ID,Issue date,"Net, excl. VAT",Gross')).toBe(',');
    expect(sniffDelimiter('invoice\taccount\tdate\ttotal')).toBe('\t');
    expect(sniffDelimiter('invoice|account|total')).toBe('|');
    // A header of one column: csv-parse's default for the French exports, the bench's first.
    expect(sniffDelimiter('invoice')).toBe(';');
  });

  it('keeps one export per shape, size, accounts, seed and generator version', () => {
    const names = new Set();
    for (const shape of SHAPES as { accounts: number }[])
      for (const rows of [1_000_000, 2_000_000]) names.add(dataFile(shape, rows, shape.accounts, 42));
    expect(names.size).toBe(SHAPES.length * 2);
    expect(dataFile(shapeNamed('no-quotes'), 20_000, 50_000, 7)).toBe(
      `${DATA_DIR}/no-quotes-20000r-50000a-s7-v${GENERATOR_VERSION}.csv`,
    );
  });
});

describe('bench table helpers', () => {
  it('takes the median of an odd and an even number of runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('aligns the shape left and the numbers right', () => {
    expect(
      formatTable(
        ['shape', 'ratio'],
        [
          ['one-line', '1.87'],
          ['english', '12.50'],
        ],
      ),
    ).toEqual(['shape     ratio', 'one-line   1.87', 'english   12.50']);
  });
});
