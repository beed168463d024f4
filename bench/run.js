#!/usr/bin/env node
// `npm run bench`: billcheck end to end against csv-parse alone, side by side, on a
// generated export of --rows rows and one twice as large with the same accounts.
//   npm run bench -- [--rows N] [--accounts M] [--seed S] [--pairs N] [--jobs N] [--skip-2m] [--keep]
// --jobs is passed to billcheck (default: billcheck's own, two threads on two cores).
// Exit 0 even when a target is missed; 1 when a child crashes; 2 on bad usage.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, GENERATOR_VERSION } from './generate.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const DATA_DIR = join(BENCH_DIR, 'data');
const MEASURE = join(BENCH_DIR, 'measure-child.js');
const CSV_PARSE_ONLY = join(BENCH_DIR, 'csv-parse-only.js');
const BILLCHECK = join(ROOT, 'bin', 'billcheck.js');
const BUILT_MAIN = join(ROOT, 'dist', 'cli', 'main.js');

const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 300;
const TARGET_ROWS = 1_000_000;
/** Enough of a child's output to show why it failed, and to hold the NDJSON summary line. */
const TAIL_CHARS = 64 * 1024;

class ChildCrash extends Error {}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      accounts: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '42' },
      pairs: { type: 'string', default: '3' },
      jobs: { type: 'string' },
      'skip-2m': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const integer = (name, min) => {
    const text = values[name].replaceAll('_', '');
    if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
      throw new Error(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(values[name])}`);
    }
    return Number(text);
  };
  return {
    rows: integer('rows', 1),
    accounts: integer('accounts', 1),
    seed: integer('seed', 0),
    pairs: integer('pairs', 1),
    jobs: values.jobs === undefined ? undefined : integer('jobs', 1),
    skipDouble: values['skip-2m'],
    keep: values.keep,
  };
}

function dataFile(rows, accounts, seed) {
  return join(DATA_DIR, `export-${rows}r-${accounts}a-s${seed}-v${GENERATOR_VERSION}.csv`);
}

/** Reads the file once so that the first measured run does not pay for the disk. */
async function warmPageCache(file) {
  for await (const _chunk of createReadStream(file, { highWaterMark: 1 << 20 }));
}

/** One fresh child: wall time around the spawn, peak RSS reported by measure-child.js. */
function runMeasured(script, args) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [MEASURE, script, ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_REPORT_FD: '3', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let report = '';
    const keepTail = (text, chunk) => (text + chunk).slice(-TAIL_CHARS);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout = keepTail(stdout, chunk)));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = keepTail(stderr, chunk)));
    child.stdio[3].setEncoding('utf8').on('data', (chunk) => (report += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let maxRssKb;
      try {
        maxRssKb = JSON.parse(report.trim().split('\n').at(-1) ?? '').maxRssKb;
      } catch {
        maxRssKb = undefined;
      }
      resolvePromise({ code, signal, seconds, maxRssKb, stdout, stderr });
    });
  });
}

function lastJsonLine(text) {
  const lines = text.trimEnd().split('\n');
  try {
    return JSON.parse(lines.at(-1) ?? '');
  } catch {
    return undefined;
  }
}

function describeFailure(name, result) {
  const how = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
  return `${name} crashed (${how})\n${result.stderr.slice(-4000)}`;
}

async function measureCsvParse(file, rows) {
  const result = await runMeasured(CSV_PARSE_ONLY, [file]);
  if (result.code !== 0) throw new ChildCrash(describeFailure('csv-parse-only', result));
  const counted = lastJsonLine(result.stdout)?.dataRows;
  if (counted !== rows) throw new ChildCrash(`csv-parse-only counted ${counted} data rows, the file has ${rows}`);
  return result;
}

/**
 * Exit code 1 is expected: the export has planted findings. stdout goes to a pipe rather
 * than /dev/null so that the NDJSON summary line can prove every row was read; the
 * findings are few, so draining them costs next to nothing.
 */
async function measureBillcheck(file, rows, warnings, jobs) {
  const result = await runMeasured(BILLCHECK, [file, '--format', 'ndjson', ...(jobs === undefined ? [] : ['--jobs', String(jobs)])]);
  if (result.code !== 0 && result.code !== 1) throw new ChildCrash(describeFailure('billcheck', result));
  const summaryLine = lastJsonLine(result.stdout);
  const summary = summaryLine?.summary ?? summaryLine;
  if (typeof summary?.rows !== 'number') {
    warnings.add('billcheck printed no NDJSON summary line with "rows"; row count not verified');
  } else if (summary.rows !== rows) {
    warnings.add(`billcheck read ${summary.rows} rows of a ${rows}-row file (invalid-input or a parsing gap?)`);
  }
  return result;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const group = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const seconds = (s) => s.toFixed(2);
const megabytes = (kb) => (kb === undefined ? '?' : String(Math.round(kb / 1024)));

async function benchSize(file, rows, pairs, jobs) {
  await warmPageCache(file);
  const warnings = new Set();
  const csv = [];
  const billcheck = [];
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which one goes first, so that neither always runs on a warmer machine.
    if (pair % 2 === 0) {
      csv.push(await measureCsvParse(file, rows));
      billcheck.push(await measureBillcheck(file, rows, warnings, jobs));
    } else {
      billcheck.push(await measureBillcheck(file, rows, warnings, jobs));
      csv.push(await measureCsvParse(file, rows));
    }
    process.stderr.write(
      `  ${group(rows)} rows, pair ${pair + 1}/${pairs}: csv-parse ${seconds(csv[pair].seconds)} s ` +
        `${megabytes(csv[pair].maxRssKb)} MB | billcheck ${seconds(billcheck[pair].seconds)} s ` +
        `${megabytes(billcheck[pair].maxRssKb)} MB\n`,
    );
  }
  const csvSeconds = median(csv.map((run) => run.seconds));
  const billcheckSeconds = median(billcheck.map((run) => run.seconds));
  const maxRss = (runs) => (runs.some((run) => run.maxRssKb === undefined) ? undefined : Math.max(...runs.map((run) => run.maxRssKb)));
  return {
    rows,
    csvSeconds,
    billcheckSeconds,
    // Per-pair ratios cancel drift that hits both runs of a pair; their median is the figure.
    ratio: median(csv.map((run, i) => billcheck[i].seconds / run.seconds)),
    csvRssKb: maxRss(csv),
    billcheckRssKb: maxRss(billcheck),
    warnings: [...warnings],
  };
}

function printTable(results, options) {
  const header = ['rows', 'csv-parse s', 'billcheck s', 'ratio', 'csv-parse rows/s', 'billcheck rows/s', 'csv-parse RSS MB', 'billcheck RSS MB'];
  const body = results.map((r) => [
    group(r.rows),
    seconds(r.csvSeconds),
    seconds(r.billcheckSeconds),
    r.ratio.toFixed(2),
    group(r.rows / r.csvSeconds),
    group(r.rows / r.billcheckSeconds),
    megabytes(r.csvRssKb),
    megabytes(r.billcheckRssKb),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ');
  const out = [];
  out.push('');
  const billcheck = options.jobs === undefined ? 'billcheck' : `billcheck --jobs ${options.jobs}`;
  out.push(`${billcheck} vs csv-parse alone — ${options.accounts} accounts, seed ${options.seed}, median of ${options.pairs} pair(s), node ${process.version}`);
  out.push(line(header));
  for (const row of body) out.push(line(row));
  out.push('');
  out.push(`targets: ratio ≤ ${TARGET_RATIO} (billcheck time / csv-parse time), billcheck peak RSS ≤ ${TARGET_RSS_MB} MB at ${group(TARGET_ROWS)} rows`);
  const base = results[0];
  const ratioMet = base.ratio <= TARGET_RATIO;
  out.push(`${ratioMet ? 'target met' : 'target missed'}: ratio ${base.ratio.toFixed(2)} at ${group(base.rows)} rows`);
  const rssMb = base.billcheckRssKb === undefined ? undefined : base.billcheckRssKb / 1024;
  if (rssMb === undefined) out.push('target unknown: billcheck peak RSS was not reported');
  else out.push(`${rssMb <= TARGET_RSS_MB ? 'target met' : 'target missed'}: billcheck peak RSS ${Math.round(rssMb)} MB at ${group(base.rows)} rows`);
  if (base.rows !== TARGET_ROWS) out.push(`note: the targets are set at ${group(TARGET_ROWS)} rows; this run's base size is ${group(base.rows)}`);
  if (results.length > 1 && base.billcheckRssKb !== undefined && results[1].billcheckRssKb !== undefined) {
    const growth = (results[1].billcheckRssKb - base.billcheckRssKb) / 1024;
    out.push(`memory growth ${group(base.rows)} → ${group(results[1].rows)} rows (same accounts): billcheck ${growth >= 0 ? '+' : ''}${Math.round(growth)} MB`);
  }
  for (const result of results) for (const warning of result.warnings) out.push(`warning (${group(result.rows)} rows): ${warning}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  if (!existsSync(BUILT_MAIN)) {
    process.stderr.write(`bench: ${relative(ROOT, BUILT_MAIN)} is missing; run \`npm run build\` (npm run bench does)\n`);
    return 2;
  }
  const sizes = options.skipDouble ? [options.rows] : [options.rows, options.rows * 2];
  const created = [];
  try {
    const results = [];
    for (const rows of sizes) {
      const file = dataFile(rows, options.accounts, options.seed);
      if (existsSync(file)) {
        process.stderr.write(`reusing ${relative(ROOT, file)}\n`);
      } else {
        process.stderr.write(`generating ${relative(ROOT, file)} …\n`);
        await generate({ rows, accounts: options.accounts, seed: options.seed, out: file });
        created.push(file);
      }
      results.push(await benchSize(file, rows, options.pairs, options.jobs));
    }
    printTable(results, options);
    return 0;
  } catch (error) {
    if (!(error instanceof ChildCrash)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 1;
  } finally {
    // Files an earlier --keep run left behind are reused, and left alone.
    if (!options.keep) for (const file of created) await rm(file, { force: true });
    else if (created.length > 0) process.stderr.write(`kept ${created.map((file) => relative(ROOT, file)).join(', ')}\n`);
  }
}

process.exitCode = await main();
