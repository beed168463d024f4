import type { BillcheckConfig, RuleLevel } from '../engine/config.js';
import { configureRules } from '../engine/config.js';
import type { KnownTermination } from '../engine/engine.js';
import { Engine } from '../engine/engine.js';
import type { AmountStyle, BillingDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { FatalInputError, type ParseEvent } from '../model/input.js';
import type { InputOptions, InputSource } from '../parse/index.js';
import type { CsvSplitPlan } from '../parse/split.js';
import { parseInputBatches } from '../parse/index.js';
import { renderCsvFinding, renderCsvHeader } from '../report/csv.js';
import { renderJson } from '../report/json.js';
import { renderNdjsonFinding, renderNdjsonSummary } from '../report/ndjson.js';
import type { CheckResult, FatalProblem } from '../report/result.js';
import { summarize } from '../report/result.js';
import { printable } from '../report/sanitize.js';
import { renderText } from '../report/text.js';
import { RULES } from '../rules/index.js';
import type { ResolvedInput } from './inputs.js';
import type { Output } from './io.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK } from './io.js';
import { planParallelRead, readerCount, WorkerPool } from './parallel.js';
import { serializeConfig } from './parallel-job.js';
import type { Progress } from './progress.js';

export const OUTPUT_FORMATS = ['text', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CheckOptions {
  readonly format: OutputFormat;
  readonly config: BillcheckConfig;
  readonly ruleLevels: ReadonlyMap<string, RuleLevel>;
  readonly quiet: boolean;
  readonly maxWarnings: number | undefined;
  readonly exitZero: boolean;
  readonly terminations: readonly KnownTermination[];
  readonly input: InputOptions;
  readonly color: boolean;
  readonly today: string;
  /** Whether stdout and stderr share a screen (then fatal problems are not repeated in the report). */
  readonly stdoutIsTerminal?: boolean;
  /** `--jobs`: threads reading a large CSV file, the main thread included; undefined: as many as cores, up to 2. */
  readonly jobs?: number;
}

export interface CheckStreams {
  readonly stdout: Output;
  /** One line per fatal problem, as `billcheck: FILE: message`. */
  readonly warn: (line: string) => void;
  readonly progress: Progress;
  // letter hook (issue 16): `billcheck letter` takes the documents and the result instead of a report.
  /** Each document as it is read on this thread (a letter runs with one thread, so that is every document). */
  readonly onDocument?: (doc: BillingDocument) => void;
  /** When given, receives the result (and how each file wrote amounts) and no report is printed. */
  readonly takeResult?: (result: CheckResult, styles: ReadonlyMap<string, AmountStyle>) => void;
  // end letter hook
}

/** What the report counts, as the inputs are read. */
interface Tally {
  files: number;
  documents: number;
  rows: number;
  /** How each file wrote its amounts and dates, for the text report. */
  readonly styles: Map<string, AmountStyle>;
}

type Emit = (batch: readonly Finding[]) => Promise<void>;

/** Reads every input, runs the rules, prints the report; returns the exit code. */
export async function runCheck(inputs: readonly ResolvedInput[], options: CheckOptions, streams: CheckStreams): Promise<number> {
  const engine = new Engine({
    rules: configureRules(RULES, options.config, options.ruleLevels),
    today: options.today,
    terminations: options.terminations,
  });
  const keep = (finding: Finding): boolean => !options.quiet || finding.severity === 'error';
  const streaming = options.format === 'ndjson' || options.format === 'csv';
  const renderStreamed = options.format === 'csv' ? renderCsvFinding : renderNdjsonFinding;
  const findings: Finding[] = [];
  const fatal: FatalProblem[] = [];
  const tally: Tally = { files: 0, documents: 0, rows: 0, styles: new Map() };

  const emit: Emit = async (batch) => {
    for (const finding of batch) {
      if (!keep(finding)) continue;
      findings.push(finding);
      if (streaming) await streams.stdout.write(renderStreamed(finding));
    }
  };

  if (options.format === 'csv') await streams.stdout.write(renderCsvHeader());
  // Started by the first file large enough to split, kept for the account rules at the end.
  let pool: WorkerPool | undefined;
  const poolForRun = (): WorkerPool =>
    (pool ??= new WorkerPool(readerCount(options.jobs), {
      config: serializeConfig(options.config),
      ruleLevels: [...options.ruleLevels],
      today: options.today,
      terminations: [...options.terminations],
    }));
  let finished: { findings: Finding[]; accounts: number };
  try {
    for (const input of inputs) {
      if ('problem' in input) {
        fatal.push(reportFatal(input.problem, streams));
        continue;
      }
      try {
        const path = input.source.path;
        const plan = path === undefined ? undefined : planParallelRead(path, options.jobs, options.input, poolForRun);
        if (path !== undefined && plan !== undefined) {
          await readInParallelHere({ path, file: input.source.name, plan, input: options.input }, poolForRun(), engine, { tally, emit, progress: streams.progress });
        } else {
          await readHere(input.source, options, engine, tally, emit, streams.progress, streams.onDocument);
        }
        tally.files++;
      } catch (error) {
        if (error instanceof FatalInputError) fatal.push(reportFatal(error, streams));
        else throw error;
      }
    }
    streams.progress.done();
    finished = pool === undefined ? { accounts: engine.accountCount, findings: engine.finish() } : await pool.finish(engine);
  } finally {
    await pool?.close();
  }
  const { accounts } = finished;
  await emit(finished.findings);
  findings.sort(engine.compareFindings);

  const summary = summarize(findings, { files: tally.files, documents: tally.documents, rows: tally.rows, accounts });
  const valid = summary.errors === 0 && fatal.length === 0;
  const result: CheckResult = { findings, summary, fatal, valid };
  // letter hook (issue 16)
  if (streams.takeResult !== undefined) {
    streams.takeResult(result, tally.styles);
    return exitCode(result, options);
  }
  // end letter hook
  switch (options.format) {
    case 'json':
      await streams.stdout.write(renderJson(result));
      break;
    case 'ndjson':
      await streams.stdout.write(renderNdjsonSummary(result));
      break;
    case 'text':
      // On a terminal the fatal problems were just printed on stderr, above the report.
      await streams.stdout.write(renderText(result, { color: options.color, styles: tally.styles, listFatal: !options.stdoutIsTerminal }));
      break;
    case 'csv':
      break;
  }
  return exitCode(result, options);
}

/** One input on the main thread: document rules as each batch of documents is read. */
async function readHere(
  source: InputSource,
  options: CheckOptions,
  engine: Engine,
  tally: Tally,
  emit: Emit,
  progress: Progress,
  onDocument?: (doc: BillingDocument) => void,
): Promise<void> {
  const add = (doc: BillingDocument, found: Finding[]): void => {
    onDocument?.(doc); // letter hook (issue 16)
    engine.addDocument(doc, found);
  };
  for await (const batch of parseInputBatches(source, options.input)) {
    await addEvents(batch, engine, add, { tally, emit });
    progress.tick(tally.rows);
  }
}

/** Documents through `add` (the document rules, the entry kept), rows counted, findings out. */
async function addEvents(
  batch: readonly ParseEvent[],
  engine: Engine,
  add: (doc: BillingDocument, found: Finding[]) => void,
  { tally, emit }: { tally: Tally; emit: Emit },
): Promise<void> {
  const found: Finding[] = [];
  for (const event of batch) {
    if (event.type === 'document') {
      const doc = event.document;
      tally.documents++;
      tally.rows += doc.rows;
      if (doc.amountStyle !== undefined && !tally.styles.has(doc.source.file)) tally.styles.set(doc.source.file, doc.amountStyle);
      add(doc, found);
    } else {
      tally.rows += event.rows;
      found.push(engine.addInvalid(event));
    }
  }
  if (found.length > 0) await emit(found);
}

/** One large CSV file read on several threads: the main thread's own range as above, the workers' results as they come. */
async function readInParallelHere(
  { path, file, plan, input }: { path: string; file: string; plan: CsvSplitPlan; input: InputOptions },
  pool: WorkerPool,
  engine: Engine,
  { tally, emit, progress }: { tally: Tally; emit: Emit; progress: Progress },
): Promise<void> {
  engine.noteFile(file);
  const add = (doc: BillingDocument, found: Finding[]): void => pool.addDocument(engine, doc, found);
  await pool.read(path, file, plan, input, {
    ownBatch: async (events) => {
      await addEvents(events, engine, add, { tally, emit });
      progress.tick(tally.rows);
    },
    workerBatch: async (worker, batch) => {
      tally.documents += batch.documents;
      tally.rows += batch.rows;
      if (batch.style !== undefined && !tally.styles.has(file)) tally.styles.set(file, batch.style);
      engine.addEncodedEntries(pool.decoderOf(engine, worker), batch.entries);
      await emit(batch.findings);
      progress.tick(tally.rows);
    },
  });
}

function reportFatal(error: FatalInputError, streams: CheckStreams): FatalProblem {
  const problem = { file: error.file, message: error.message };
  streams.warn(`billcheck: ${printable(problem.file)}: ${printable(problem.message)}`);
  return problem;
}

/** 2 when a file could not be checked, 1 on errors or too many warnings, else 0 (`--exit-zero` keeps 2 only). */
export function exitCode(result: CheckResult, options: Pick<CheckOptions, 'maxWarnings' | 'exitZero'>): number {
  if (result.fatal.length > 0) return EXIT_FAILURE;
  if (options.exitZero) return EXIT_OK;
  if (result.summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && result.summary.warnings > options.maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
