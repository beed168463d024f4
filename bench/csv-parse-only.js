#!/usr/bin/env node
// The floor for billcheck's CSV path: read the file through csv-parse (streaming, array
// rows, the export's delimiter, no columns:true) and count the records, nothing else.
//   node bench/csv-parse-only.js FILE [--delimiter ';']
// Prints {"records": N, "dataRows": N - 1} on stdout.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { delimiter: { type: 'string', default: ';' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/csv-parse-only.js FILE [--delimiter C]\n');
  process.exit(2);
}

let records = 0;
const parser = createReadStream(positionals[0]).pipe(parse({ delimiter: values.delimiter, bom: true }));
for await (const _record of parser) records++;
process.stdout.write(`${JSON.stringify({ records, dataRows: Math.max(0, records - 1) })}\n`);
