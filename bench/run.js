#!/usr/bin/env node
// `npm run bench`: billcheck end to end against csv-parse alone, side by side, on a generated
// export of each shape of bill run (bench/shapes.js), --rows rows each.
//   npm run bench -- [--shape NAME] [--rows N] [--accounts M] [--seed S] [--pairs N] [--jobs N]
//                    [--growth] [--billcheck-only] [--profile]
// --pairs: pairs of runs (3), or runs of billcheck alone with --billcheck-only (1).
// --jobs is passed to billcheck (default: billcheck's own, two threads on two cores).
// --growth also measures each shape at twice the rows (same accounts: deeper histories).
// --billcheck-only runs billcheck alone (no csv-parse), e.g. on 10 million rows for its memory.
// --profile runs billcheck once per shape on one thread under --cpu-prof and prints where the time goes.
// --file PATH (repeatable) measures exports you bring instead of the generated ones, each as a shape
// of its own: csv-parse counts its rows once (untimed), with --delimiter C (given to billcheck too) or the delimiter its
// header holds most of (; , tab |); the targets are judged on those of 1 000 000 rows.
// Generated exports are kept in bench/data/ (gitignored), keyed by shape, rows, accounts, seed and
// generator version, and reused by later runs. Exit 0 even when a target is missed; 1 when a child
// crashes; 2 on bad usage.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, GENERATOR_VERSION } from './generate.js';
import { formatSummary, summarizeProfile } from './profile.js';
import { SHAPES, shapeNamed } from './shapes.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
/** BENCH_DATA_DIR moves the cached exports and profiles elsewhere (the bench's own tests do). */
export const DATA_DIR = process.env.BENCH_DATA_DIR ?? join(BENCH_DIR, 'data');
const PROFILE_DIR = join(DATA_DIR, 'profiles');
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

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      shape: { type: 'string' },
      rows: { type: 'string' },
      accounts: { type: 'string' },
      seed: { type: 'string' },
      pairs: { type: 'string' },
      jobs: { type: 'string' },
      growth: { type: 'boolean', default: false },
      'billcheck-only': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      file: { type: 'string', multiple: true },
      delimiter: { type: 'string' },
    },
  });
  const integer = (name, min) => {
    const text = values[name].replaceAll('_', '');
    if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
      throw new Error(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(values[name])}`);
    }
    return Number(text);
  };
  if (values.profile && values['billcheck-only']) throw new Error('--profile and --billcheck-only do not go together');
  const files = values.file ?? [];
  const generating = ['shape', 'rows', 'accounts', 'seed', 'growth'].filter(
    (name) => values[name] !== undefined && values[name] !== false,
  );
  if (files.length > 0 && generating.length > 0)
    throw new Error(`--file measures the files given: not with --${generating.join(', --')}`);
  // Their defaults once it is known none was given with --file.
  values.rows ??= '1000000';
  values.seed ??= '42';
  if (values.delimiter !== undefined && files.length === 0) throw new Error('--delimiter goes with --file');
  if (values.delimiter !== undefined && values.delimiter.length !== 1)
    throw new Error(`--delimiter must be one character, got ${JSON.stringify(values.delimiter)}`);
  return {
    files,
    delimiter: values.delimiter,
    shapes: values.shape === undefined ? SHAPES : [shapeNamed(values.shape)],
    rows: integer('rows', 1),
    accounts: values.accounts === undefined ? undefined : integer('accounts', 1),
    seed: integer('seed', 0),
    // Three pairs by default; billcheck alone runs once (10 M rows take minutes).
    pairs: values.pairs === undefined ? (values['billcheck-only'] ? 1 : 3) : integer('pairs', 1),
    jobs: values.jobs === undefined ? undefined : integer('jobs', 1),
    growth: values.growth,
    billcheckOnly: values['billcheck-only'],
    profile: values.profile,
  };
}

/** The cached export of one shape and size. */
export function dataFile(shape, rows, accounts, seed) {
  return join(DATA_DIR, `${shape.name}-${rows}r-${accounts}a-s${seed}-v${GENERATOR_VERSION}.csv`);
}

async function ensureExport(shape, rows, accounts, seed) {
  const file = dataFile(shape, rows, accounts, seed);
  if (existsSync(file)) {
    process.stderr.write(`reusing ${relative(ROOT, file)}\n`);
  } else {
    process.stderr.write(`generating ${relative(ROOT, file)} …\n`);
    await generate({ rows, accounts, seed, out: file, shape: shape.generator });
  }
  return file;
}

/** The delimiters an export given with --file may use, in the order a tie is settled. */
const DELIMITERS = [';', ',', '\t', '|'];

/**
 * The delimiter of an export given with --file, unless --delimiter says: the one its header line
 * holds most of (csv-parse alone must be called with one, as a user calling it would).
 */
export function sniffDelimiter(headerLine) {
  const counts = DELIMITERS.map((delimiter) => headerLine.split(delimiter).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ';' : DELIMITERS[counts.indexOf(best)];
}

async function firstLine(file) {
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'latin1', highWaterMark: 1 << 16 })) {
    text += chunk;
    if (text.includes('\n') || text.length > 1 << 20) break;
  }
  return text.split('\n')[0] ?? '';
}

/**
 * An export given with --file, as a shape of its own: its name, its delimiter, and its data rows as
 * csv-parse counts them (one untimed run, which also warms the page cache): billcheck must read as
 * many.
 */
async function givenExport(file, delimiter) {
  const shape = { name: basename(file), delimiter: delimiter ?? sniffDelimiter(await firstLine(file)) };
  process.stderr.write(`counting ${file}'s rows with csv-parse (delimiter ${JSON.stringify(shape.delimiter)}) …\n`);
  const result = await runMeasured(CSV_PARSE_ONLY, [file, '--delimiter', shape.delimiter]);
  if (result.code !== 0) throw new ChildCrash(describeFailure('csv-parse-only', result));
  const rows = lastJsonLine(result.stdout)?.dataRows;
  if (typeof rows !== 'number') throw new ChildCrash(`csv-parse-only counted no rows in ${file}`);
  return { shape, rows };
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

/** csv-parse as a user would call it on this export: its delimiter, default encoding (UTF-8). */
async function measureCsvParse(file, rows, shape) {
  const result = await runMeasured(CSV_PARSE_ONLY, [file, '--delimiter', shape.delimiter]);
  if (result.code !== 0) throw new ChildCrash(describeFailure('csv-parse-only', result));
  const counted = lastJsonLine(result.stdout)?.dataRows;
  if (counted !== rows) throw new ChildCrash(`csv-parse-only counted ${counted} data rows, the file has ${rows}`);
  return result;
}

const jobsArgs = (jobs) => (jobs === undefined ? [] : ['--jobs', String(jobs)]);

/**
 * Exit code 1 is expected: the export has planted findings. stdout goes to a pipe rather
 * than /dev/null so that the NDJSON summary line can prove every row was read; the
 * findings are few, so draining them costs next to nothing.
 */
async function measureBillcheck(file, rows, warnings, jobs, delimiter) {
  const delimiterArgs = delimiter === undefined ? [] : ['--delimiter', delimiter];
  const result = await runMeasured(BILLCHECK, [file, '--format', 'ndjson', ...jobsArgs(jobs), ...delimiterArgs]);
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

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const group = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const seconds = (s) => s.toFixed(2);
const megabytes = (kb) => (kb === undefined ? '?' : String(Math.round(kb / 1024)));
const maxRss = (runs) =>
  runs.some((run) => run.maxRssKb === undefined) ? undefined : Math.max(...runs.map((run) => run.maxRssKb));

/** `pairs` pairs of csv-parse and billcheck on one file, the order alternating within pairs. */
async function benchPairs(shape, file, rows, options) {
  await warmPageCache(file);
  const warnings = new Set();
  const csv = [];
  const billcheck = [];
  for (let pair = 0; pair < options.pairs; pair++) {
    // Alternate which one goes first, so that neither always runs on a warmer machine.
    if (pair % 2 === 0) {
      csv.push(await measureCsvParse(file, rows, shape));
      billcheck.push(await measureBillcheck(file, rows, warnings, options.jobs, options.delimiter));
    } else {
      billcheck.push(await measureBillcheck(file, rows, warnings, options.jobs, options.delimiter));
      csv.push(await measureCsvParse(file, rows, shape));
    }
    process.stderr.write(
      `  ${shape.name}, ${group(rows)} rows, pair ${pair + 1}/${options.pairs}: csv-parse ${seconds(csv[pair].seconds)} s ` +
        `${megabytes(csv[pair].maxRssKb)} MB | billcheck ${seconds(billcheck[pair].seconds)} s ` +
        `${megabytes(billcheck[pair].maxRssKb)} MB\n`,
    );
  }
  return {
    shape: shape.name,
    rows,
    csvSeconds: median(csv.map((run) => run.seconds)),
    billcheckSeconds: median(billcheck.map((run) => run.seconds)),
    // Per-pair ratios cancel drift that hits both runs of a pair; their median is the figure.
    ratio: median(csv.map((run, i) => billcheck[i].seconds / run.seconds)),
    csvRssKb: maxRss(csv),
    billcheckRssKb: maxRss(billcheck),
    warnings: [...warnings],
  };
}

/** billcheck alone, `pairs` times (the 10 M rows run, where csv-parse's time is not the question). */
async function benchAlone(shape, file, rows, options) {
  await warmPageCache(file);
  const warnings = new Set();
  const runs = [];
  for (let run = 0; run < options.pairs; run++) {
    runs.push(await measureBillcheck(file, rows, warnings, options.jobs, options.delimiter));
    process.stderr.write(
      `  ${shape.name}, ${group(rows)} rows, run ${run + 1}/${options.pairs}: billcheck ${seconds(runs[run].seconds)} s ` +
        `${megabytes(runs[run].maxRssKb)} MB\n`,
    );
  }
  return {
    shape: shape.name,
    rows,
    billcheckSeconds: median(runs.map((r) => r.seconds)),
    billcheckRssKb: maxRss(runs),
    warnings: [...warnings],
  };
}

/** Right-aligned columns, the first (the shape) left-aligned. */
export function formatTable(header, body) {
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), ...body.map(line)];
}

function describeRun(options, what, unit) {
  const billcheck = options.jobs === undefined ? 'billcheck' : `billcheck --jobs ${options.jobs}`;
  const accounts = options.accounts === undefined ? "each shape's accounts" : `${options.accounts} accounts`;
  const inputs = options.files.length > 0 ? 'files given' : `${accounts}, seed ${options.seed}`;
  return `${billcheck}${what} — ${inputs}, median of ${options.pairs} ${unit}, node ${process.version}`;
}

/** The verdicts on the targets, for the results at the target's size (or a note that there are none). */
function targetLines(results) {
  const out = [
    `targets: ratio ≤ ${TARGET_RATIO} (billcheck time / csv-parse time), billcheck peak RSS ≤ ${TARGET_RSS_MB} MB at ${group(TARGET_ROWS)} rows`,
  ];
  const atTarget = results.filter((r) => r.rows === TARGET_ROWS);
  if (atTarget.length === 0)
    out.push(`note: no shape was measured at ${group(TARGET_ROWS)} rows; the targets are not judged`);
  for (const r of atTarget) {
    const missed = [];
    if (r.ratio !== undefined && r.ratio > TARGET_RATIO) missed.push(`ratio ${r.ratio.toFixed(2)}`);
    if (r.billcheckRssKb === undefined) missed.push('peak RSS not reported');
    else if (r.billcheckRssKb / 1024 > TARGET_RSS_MB) missed.push(`peak RSS ${megabytes(r.billcheckRssKb)} MB`);
    out.push(`${r.shape}: ${missed.length === 0 ? 'targets met' : `target missed: ${missed.join(', ')}`}`);
  }
  return out;
}

function growthLines(results) {
  const out = [];
  for (const base of results) {
    const double = results.find((r) => r.shape === base.shape && r.rows === base.rows * 2);
    if (double === undefined || base.billcheckRssKb === undefined || double.billcheckRssKb === undefined) continue;
    const growth = (double.billcheckRssKb - base.billcheckRssKb) / 1024;
    out.push(
      `memory growth ${base.shape} ${group(base.rows)} → ${group(double.rows)} rows (same accounts): billcheck ${growth >= 0 ? '+' : ''}${Math.round(growth)} MB`,
    );
  }
  return out;
}

function printPairs(results, options) {
  const header = [
    'shape',
    'rows',
    'csv-parse s',
    'billcheck s',
    'ratio',
    'csv-parse rows/s',
    'billcheck rows/s',
    'csv-parse RSS MB',
    'billcheck RSS MB',
  ];
  const body = results.map((r) => [
    r.shape,
    group(r.rows),
    seconds(r.csvSeconds),
    seconds(r.billcheckSeconds),
    r.ratio.toFixed(2),
    group(r.rows / r.csvSeconds),
    group(r.rows / r.billcheckSeconds),
    megabytes(r.csvRssKb),
    megabytes(r.billcheckRssKb),
  ]);
  const out = [
    '',
    describeRun(options, ' vs csv-parse alone', 'pair(s)'),
    ...formatTable(header, body),
    '',
    ...targetLines(results),
    ...growthLines(results),
  ];
  for (const r of results)
    for (const warning of r.warnings) out.push(`warning (${r.shape}, ${group(r.rows)} rows): ${warning}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function printAlone(results, options) {
  const header = ['shape', 'rows', 'billcheck s', 'billcheck rows/s', 'billcheck RSS MB'];
  const body = results.map((r) => [
    r.shape,
    group(r.rows),
    seconds(r.billcheckSeconds),
    group(r.rows / r.billcheckSeconds),
    megabytes(r.billcheckRssKb),
  ]);
  const out = ['', describeRun(options, ' alone', 'run(s)'), ...formatTable(header, body), ...growthLines(results)];
  for (const r of results)
    for (const warning of r.warnings) out.push(`warning (${r.shape}, ${group(r.rows)} rows): ${warning}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** billcheck once on one thread under --cpu-prof; the profile is kept for Chrome DevTools. */
async function profileShape(shape, file, rows, delimiter) {
  await mkdir(PROFILE_DIR, { recursive: true });
  const name = shape.profileName ?? `${basename(file).replace(/\.csv$/, '')}.cpuprofile`;
  const profileFile = join(PROFILE_DIR, name);
  await rm(profileFile, { force: true });
  const args = [
    '--cpu-prof',
    `--cpu-prof-dir=${PROFILE_DIR}`,
    `--cpu-prof-name=${name}`,
    BILLCHECK,
    file,
    '--format',
    'ndjson',
    '--jobs',
    '1',
    ...(delimiter === undefined ? [] : ['--delimiter', delimiter]),
  ];
  const result = await new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-TAIL_CHARS)));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stderr }));
  });
  if (result.code !== 0 && result.code !== 1) throw new ChildCrash(describeFailure('billcheck --cpu-prof', result));
  const summary = summarizeProfile(JSON.parse(await readFile(profileFile, 'utf8')), ROOT);
  const title = `${shape.name}, ${group(rows)} rows, billcheck --jobs 1 under --cpu-prof (${relative(ROOT, profileFile)})`;
  process.stdout.write(`\n${title}\n${formatSummary(summary)}`);
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
    process.stderr.write(
      `bench: ${relative(ROOT, BUILT_MAIN)} is missing; run \`npm run build\` (npm run bench does)\n`,
    );
    return 2;
  }
  const sizes = options.growth ? [options.rows, options.rows * 2] : [options.rows];
  try {
    const results = [];
    for (const [at, file] of options.files.entries()) {
      const { shape, rows } = await givenExport(file, options.delimiter);
      // Two files of one name (a.csv from two folders) get a table row and a profile each.
      if (options.files.some((other, i) => i !== at && basename(other) === shape.name)) {
        shape.name = `${at + 1}:${shape.name}`;
        shape.profileName = `${at + 1}-${basename(file).replace(/\.csv$/, '')}.cpuprofile`;
      }
      if (options.profile) await profileShape(shape, file, rows, options.delimiter);
      else results.push(await (options.billcheckOnly ? benchAlone : benchPairs)(shape, file, rows, options));
    }
    for (const shape of options.files.length > 0 ? [] : options.shapes) {
      const accounts = options.accounts ?? shape.accounts;
      for (const rows of sizes) {
        const file = await ensureExport(shape, rows, accounts, options.seed);
        if (options.profile) await profileShape(shape, file, rows);
        else results.push(await (options.billcheckOnly ? benchAlone : benchPairs)(shape, file, rows, options));
      }
    }
    if (options.billcheckOnly) printAlone(results, options);
    else if (!options.profile) printPairs(results, options);
    return 0;
  } catch (error) {
    if (!(error instanceof ChildCrash)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
