// The shapes of bill run the benchmark measures (issue 19): each one changes one thing from
// today's export (`multi-line`), so that a ratio that moves points at what moved it.
// `generator` is passed to bench/generate.js; `delimiter` to csv-parse alone.

/** Which shape `npm run bench` measures, in this order, when no --shape is given. */
export const SHAPES = [
  {
    name: 'one-line',
    about: 'one line per invoice: a million documents, each read, checked and kept',
    accounts: 50_000,
    generator: { minLines: 1, maxLines: 1 },
  },
  {
    name: 'multi-line',
    about: "1–3 lines per invoice (the bench's first export)",
    accounts: 50_000,
    generator: {},
  },
  {
    name: 'many-accounts',
    about: '500 000 accounts, one line per invoice: two bills each, many shallow histories',
    accounts: 500_000,
    generator: { minLines: 1, maxLines: 1 },
  },
  {
    name: 'deep-history',
    about: '100 accounts billed daily, 1–3 lines: about 5 000 bills per account',
    accounts: 100,
    generator: { cadence: 'daily' },
  },
  {
    name: 'english',
    about: 'English, comma-delimited, every amount quoted as "1,234.56"',
    accounts: 50_000,
    generator: { dialect: 'en' },
    delimiter: ',',
  },
  {
    name: 'windows-1252',
    about: 'the French export in Windows-1252 (é, NBSP as single bytes)',
    accounts: 50_000,
    generator: { encoding: 'windows-1252' },
  },
  {
    name: 'no-quotes',
    about: 'not one quote character: descriptions that needed quotes lose `"` and `;`',
    accounts: 50_000,
    generator: { quotes: false },
  },
].map((shape) => Object.freeze({ delimiter: ';', ...shape }));

export function shapeNamed(name) {
  const shape = SHAPES.find((candidate) => candidate.name === name);
  if (shape === undefined) {
    throw new Error(`unknown shape ${JSON.stringify(name)}; shapes: ${SHAPES.map((known) => known.name).join(', ')}`);
  }
  return shape;
}
