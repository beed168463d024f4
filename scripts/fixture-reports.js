#!/usr/bin/env node
// Writes the JSON report and the extract of every fixture to a folder, one file each, so that a
// refactoring can be proved neutral: run it before and after, then `diff -r BEFORE AFTER`.
// Usage: node scripts/fixture-reports.js OUT_DIR   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const out = process.argv[2];
if (out === undefined) {
  console.error('usage: node scripts/fixture-reports.js OUT_DIR');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/billcheck.js');
const READABLE = /\.(csv|txt|tsv|pdf|xml|eml)$/i;

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (READABLE.test(name)) yield path;
  }
}

mkdirSync(out, { recursive: true });
let count = 0;
for (const path of walk(join(root, 'fixtures'))) {
  const name = relative(root, path);
  for (const command of [['check', '--format', 'json', '--today', '2025-01-01', '--no-config'], ['extract']]) {
    const run = spawnSync(process.execPath, [bin, ...command, name], { cwd: root, encoding: 'utf8' });
    const file = join(out, `${name.replaceAll('/', '__')}.${command[0]}.txt`);
    writeFileSync(file, `exit ${run.status}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`);
  }
  count++;
}
console.log(`${count} fixtures written to ${out}`);
