#!/usr/bin/env node
// `npm run bench:pdf`: how long billcheck takes to read each PDF fixture (fixtures/pdf), in this
// process through the built reader: the median and the slowest of --runs warm reads per PDF, and
// the first read of the run apart (it starts the worker thread and loads pdf.js).
//   npm run bench:pdf -- [--runs N] [--dir DIR]
// Unreadable fixtures (scan, encrypted, damaged) are timed too: refusing them must be quick.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, dir: { type: 'string', default: join(ROOT, 'fixtures', 'pdf') } },
});
const runs = Number.parseInt(values.runs, 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench:pdf: --runs must be a whole number of at least 1');
  process.exit(2);
}

const { readPdf, closePdfWorker } = await import(join(ROOT, 'dist', 'parse', 'pdf', 'index.js'));
const { FatalInputError } = await import(join(ROOT, 'dist', 'model', 'input.js'));

/** One read, in milliseconds, and what it gave. */
async function timeRead(bytes, name) {
  const started = process.hrtime.bigint();
  let outcome;
  try {
    outcome = `${(await readPdf(bytes, name)).documents.length} document(s)`;
  } catch (error) {
    if (!(error instanceof FatalInputError)) throw error;
    outcome = `refused: ${error.message.split(':')[0]}`;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, outcome };
}

const files = readdirSync(values.dir)
  .filter((name) => name.toLowerCase().endsWith('.pdf'))
  .sort();
if (files.length === 0) {
  console.error(`bench:pdf: no PDF in ${values.dir}`);
  process.exit(2);
}

const first = await timeRead(readFileSync(join(values.dir, files[0])), files[0]);
console.log(`first read of the run (worker start, pdf.js load): ${first.ms.toFixed(0)} ms (${files[0]})`);
console.log(`${runs} warm reads per PDF, Node ${process.version}\n`);
const rows = [];
for (const name of files) {
  const bytes = readFileSync(join(values.dir, name));
  const times = [];
  let outcome = '';
  for (let i = 0; i < runs; i++) {
    const read = await timeRead(bytes, name);
    times.push(read.ms);
    outcome = read.outcome;
  }
  times.sort((a, b) => a - b);
  rows.push({
    name,
    kb: bytes.length / 1024,
    median: times[Math.floor(times.length / 2)],
    slowest: times[times.length - 1],
    outcome,
  });
}
await closePdfWorker();

const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${'PDF'.padEnd(width)}  ${'KB'.padStart(6)}  ${'median'.padStart(9)}  ${'slowest'.padStart(9)}  read as`);
for (const row of rows) {
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(9);
  console.log(
    [row.name.padEnd(width), row.kb.toFixed(1).padStart(6), ms(row.median), ms(row.slowest), row.outcome].join('  '),
  );
}
const medians = rows.map((row) => row.median).sort((a, b) => a - b);
console.log(
  `\nmedian of the medians: ${medians[Math.floor(medians.length / 2)].toFixed(1)} ms; ` +
    `slowest read: ${Math.max(...rows.map((row) => row.slowest)).toFixed(1)} ms`,
);
