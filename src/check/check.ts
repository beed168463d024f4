import type { BillcheckConfig, RuleLevel } from '../engine/config.js';
import { configureRules } from '../engine/config.js';
import type { KnownTermination } from '../engine/engine.js';
import { Engine } from '../engine/engine.js';
import type { AmountStyle, BillingDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { FatalInputError, type ParseEvent, type SkippedPart } from '../model/input.js';
import type { InputOptions, InputSource } from '../parse/index.js';
import { parseInputBatches } from '../parse/index.js';
import type { CheckResult, FatalProblem } from '../report/result.js';
import type { Summary } from '../report/result.js';
import { FileReadings, SeverityCounts } from '../report/result.js';
import { describeConfig } from '../engine/config-changes.js';
import { RULES } from '../rules/index.js';
import type { ResolvedInput, SkippedEntry } from './inputs.js';
import { summarizeSkipped } from './inputs.js';
import { type FinishedRun, planParallelRead, readerCount, WorkerPool } from './parallel/pool.js';
import type { CsvSplitPlan } from './parallel/split.js';
import { serializeConfig } from './parallel/job.js';
import type { Stories } from '../report/stories.js';
import type { Lang } from '../i18n/lang.js';
import { CopyMerge } from '../engine/copies.js';
import { MAX_STORY_DOCUMENTS, StoryCollector, withStatedCurrencies } from './stories.js';
import { HeldFindings } from './held-findings.js';

/** What a run checks and how: the programmatic API's options (the CLI builds them from its flags). */
export interface CheckOptions {
  readonly config: BillcheckConfig;
  readonly ruleLevels: ReadonlyMap<string, RuleLevel>;
  /** Errors only: warnings and infos are neither reported nor counted (as ESLint's --quiet). */
  readonly quiet: boolean;
  readonly terminations: readonly KnownTermination[];
  readonly input: InputOptions;
  readonly today: string;
  /** The language of the findings' messages (default English). */
  readonly lang?: Lang;
  /** Threads reading a large CSV file, the main thread included; undefined: as many as cores, up to 2. */
  readonly jobs?: number;
  /** Files from this size are split across the threads (default PARALLEL_MIN_BYTES, 16 MiB). */
  readonly parallelMinBytes?: number;
  /** Main-thread accounts up to which both threads' end phases overlap (default OVERLAPPING_END_ACCOUNTS). */
  readonly overlappingEndAccounts?: number;
  /**
   * Collect each account's documents for the story a report tells of it (billed, credited, paid,
   * demanded), bounded: a bill run of more than MAX_STORY_DOCUMENTS documents is no story.
   */
  readonly tellStories?: boolean;
  /**
   * False: the result's `findings` stay empty (the summary still counts them), for callers that
   * take every finding through `onFindings` (streamed reports): a million findings need not be held.
   */
  readonly keepFindings?: boolean;
}

/** How a caller follows a run as it goes; every hook is optional. */
export interface CheckHooks {
  /** Findings as they are made (in batches), for reports written as streams. */
  readonly onFindings?: (batch: readonly Finding[]) => Promise<void>;
  /** A file that cannot be checked; the run goes on with the others. */
  readonly onFatal?: (problem: FatalProblem) => void;
  /** Rows read so far, for a progress display. */
  readonly onProgress?: (rows: number) => void;
  /**
   * Every document read, for callers that need more than the findings (a chart, a letter). With
   * it, every file is read on the main thread: a split file's other parts reach it as rule entries.
   */
  readonly onDocument?: (doc: BillingDocument) => void;
}

/** The result, and how each file wrote its amounts and dates (for reports that write them back). */
export interface CheckOutcome {
  readonly result: CheckResult;
  readonly styles: ReadonlyMap<string, AmountStyle>;
  /** Each account's story, when asked for and the run is small enough to tell them. */
  readonly stories?: Stories;
  /** The name reports give an account a document wrote as `raw`: the joined account's (src/identity). */
  readonly accountName: (raw: string) => string;
}

/** What the report counts, as the inputs are read. */
interface Tally {
  files: number;
  documents: number;
  rows: number;
  readonly styles: Map<string, AmountStyle>;
  readonly stories: StoryCollector | undefined;
  /** Parts of inputs not read (an attachment billcheck does not read), named in the report. */
  readonly skipped: SkippedPart[];
  /** How each file's columns were read and what its reader noticed. */
  readonly readings: FileReadings;
}

type Emit = (batch: readonly Finding[]) => Promise<void>;

interface RunState {
  readonly tally: Tally;
  readonly emit: Emit;
  readonly progress: (rows: number) => void;
  readonly onDocument: ((doc: BillingDocument) => void) | undefined;
}

/** A finding counted when it was made and then merged into another's (a bill read twice). */
function uncount(severities: SeverityCounts, finding: Finding): void {
  if (finding.severity === 'error') severities.errors--;
  else if (finding.severity === 'warning') severities.warnings--;
  else severities.infos--;
}

/**
 * Reads every input, runs the rules and returns the sorted result: the API the CLI calls (ESLint's
 * `lintFiles` is the model). A file that cannot be read is a fatal problem of the result, never an
 * exception; anything else thrown is an internal error.
 */
export async function check(
  inputs: readonly ResolvedInput[],
  options: CheckOptions,
  hooks: CheckHooks = {},
): Promise<CheckOutcome> {
  const engine = new Engine({
    rules: configureRules(RULES, options.config, options.ruleLevels),
    today: options.today,
    terminations: options.terminations,
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
  const keep = (finding: Finding): boolean => !options.quiet || finding.severity === 'error';
  const keepFindings = options.keepFindings !== false;
  const findings: Finding[] = [];
  const severities = new SeverityCounts();
  const fatal: FatalProblem[] = [];
  const skippedEntries: SkippedEntry[] = [];
  const tally: Tally = {
    files: 0,
    documents: 0,
    rows: 0,
    styles: new Map(),
    stories: options.tellStories === true ? new StoryCollector() : undefined,
    skipped: [],
    readings: new FileReadings(),
  };
  // A streamed report gets the findings made while reading once the joins are known (issue 13).
  const held = hooks.onFindings === undefined ? undefined : new HeldFindings();
  const joins: { rename?: (finding: Finding) => Finding } = {};
  const emit: Emit = async (batch) => {
    const kept = batch.filter(keep);
    for (const finding of kept) {
      severities.add(finding);
      if (keepFindings) findings.push(finding);
    }
    if (kept.length === 0) return;
    if (joins.rename === undefined) held?.add(kept);
    else await hooks.onFindings?.(kept.map(joins.rename));
  };
  const state: RunState = { tally, emit, progress: hooks.onProgress ?? (() => {}), onDocument: hooks.onDocument };
  const jobs = hooks.onDocument === undefined ? options.jobs : 1;
  const noteFatal = (error: FatalInputError): void => {
    const problem = { file: error.file, message: error.message };
    fatal.push(problem);
    hooks.onFatal?.(problem);
  };

  // Started by the first file large enough to split, kept for the account rules at the end.
  let pool: WorkerPool | undefined;
  const poolForRun = (): WorkerPool =>
    (pool ??= new WorkerPool(
      readerCount(options.jobs),
      {
        config: serializeConfig(options.config),
        ruleLevels: [...options.ruleLevels],
        today: options.today,
        terminations: [...options.terminations],
        contentDirectory: engine.content.sharedDirectory,
        ...(options.tellStories === true ? { tellsStories: true } : {}),
        ...(options.lang === undefined ? {} : { lang: options.lang }),
      },
      options.overlappingEndAccounts,
    ));
  let finished: FinishedRun;
  try {
    for (const input of inputs) {
      if ('problem' in input) {
        noteFatal(input.problem);
        continue;
      }
      if ('skipped' in input) {
        skippedEntries.push(input.skipped);
        continue;
      }
      try {
        await readInput(input.source, { ...options, jobs }, engine, state, poolForRun);
        tally.files++;
      } catch (error) {
        if (error instanceof FatalInputError) noteFatal(error);
        else throw error;
      }
    }
    finished =
      pool === undefined ? { accounts: engine.accountCount, findings: engine.finish() } : await pool.finish(engine);
  } catch (error) {
    held?.discard();
    throw error;
  } finally {
    await pool?.close();
    // After every thread is done: the workers read the main thread's contents, and it theirs.
    engine.close();
  }
  // Findings name the joined account (src/identity), in every format; the summary counts joined accounts.
  const identity = engine.identity;
  // On two threads the other one joined its share of the accounts: its names win for its accounts.
  const remoteNames = new Map(finished.remote?.renamed ?? []);
  const joinedName = (finding: Finding): Finding => {
    if (identity === undefined || finding.account === undefined) return finding;
    const name = remoteNames.get(finding.account) ?? identity.nameOf(finding.account);
    return name === finding.account ? finding : { ...finding, account: name };
  };
  joins.rename = joinedName;
  // A bill read twice (a CSV row and its PDF copy) is one bill: its findings once (engine/copies.ts).
  const copies = new CopyMerge([...engine.copyPairs, ...(finished.remote?.copies ?? [])], findings);
  if (!copies.empty) {
    let to = 0;
    for (const finding of findings) {
      const merged = copies.apply(finding);
      if (merged === undefined) uncount(severities, finding);
      else findings[to++] = merged;
    }
    findings.length = to;
  }
  // A streamed report's findings are held apart, not in `findings`: the kept sources' are learnt from them first.
  if (!copies.empty && held !== undefined) for await (const batch of held.batches()) copies.learn(batch);
  const merged = (batch: readonly Finding[]): Finding[] =>
    copies.empty ? [...batch] : batch.flatMap((finding) => copies.apply(finding) ?? []);
  if (held !== undefined)
    for await (const batch of held.drain()) {
      // Findings not kept in `findings` were counted when made: a copy's dropped here is uncounted here.
      if (!keepFindings && !copies.empty)
        for (const finding of batch) if (copies.apply(finding) === undefined) uncount(severities, finding);
      await hooks.onFindings?.(merged(batch).map(joinedName));
    }
  await emitInBatches(merged(finished.findings), emit);
  if (identity !== undefined) findings.forEach((finding, index) => (findings[index] = joinedName(finding)));
  // On two threads each thread joins its own share of the accounts.
  const accounts =
    identity === undefined ? finished.accounts : finished.accounts - (identity.names.length - identity.groups);
  findings.sort(engine.compareFindings);

  const summary: Summary = {
    files: tally.files,
    documents: tally.documents,
    rows: tally.rows,
    accounts,
    errors: severities.errors,
    warnings: severities.warnings,
    infos: severities.infos,
  };
  const configFile = options.config.file;
  const config =
    configFile === undefined
      ? undefined
      : describeConfig(RULES, { ...options.config, file: configFile }, options.ruleLevels);
  const joinedAccounts = [...(identity?.accounts.values() ?? []), ...(finished.remote?.joined ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const result: CheckResult = {
    findings,
    summary,
    fatal,
    valid: summary.errors === 0 && fatal.length === 0,
    readings: tally.readings.list(),
    ...(tally.skipped.length === 0 ? {} : { skippedParts: tally.skipped }),
    ...(skippedEntries.length === 0 ? {} : { skipped: summarizeSkipped(skippedEntries) }),
    ...(config === undefined ? {} : { config }),
    ...(joinedAccounts.length === 0 ? {} : { accounts: joinedAccounts }),
  };
  // A bill run is no story: above the bound none is told (decided on the run's count, the same on any number of threads).
  const stories: Stories | undefined =
    tally.stories === undefined || tally.documents > MAX_STORY_DOCUMENTS
      ? undefined
      : {
          entries: withStatedCurrencies(
            // A bill read twice is told once, from the source its findings are on (engine/copies.ts).
            copies.empty ? tally.stories.entries : tally.stories.entries.filter((entry) => !copies.isCopy(entry)),
            (raw) => engine.accountName(raw),
          ),
          dropped: 0,
          accountName: (raw: string) => engine.accountName(raw),
          accounts: identity?.accounts ?? new Map(),
        };
  return {
    result,
    styles: tally.styles,
    ...(stories === undefined ? {} : { stories }),
    accountName: (raw: string) => engine.accountName(raw),
  };
}

/** One input, on the main thread or, when it is a large CSV file, split over the pool's threads. */
async function readInput(
  source: InputSource,
  options: CheckOptions,
  engine: Engine,
  state: RunState,
  poolForRun: () => WorkerPool,
): Promise<void> {
  const path = source.path;
  const plan =
    path === undefined
      ? undefined
      : planParallelRead(path, options.jobs, options.input, poolForRun, options.parallelMinBytes);
  if (path !== undefined && plan !== undefined) {
    await readInParallelHere({ path, file: source.name, plan, input: options.input }, poolForRun(), engine, state);
  } else {
    await readHere(source, options, engine, state);
  }
}

/** One input on the main thread: document rules as each batch of documents is read. */
async function readHere(source: InputSource, options: CheckOptions, engine: Engine, state: RunState): Promise<void> {
  const onDocument = state.onDocument;
  const add =
    onDocument === undefined
      ? (doc: BillingDocument, found: Finding[]): void => {
          engine.addDocument(doc, found);
        }
      : (doc: BillingDocument, found: Finding[]): void => {
          engine.addDocument(doc, found);
          onDocument(doc);
        };
  for await (const batch of parseInputBatches(source, options.input, (part) => state.tally.skipped.push(part))) {
    await addEvents(batch, engine, add, state);
    state.progress(state.tally.rows);
  }
}

/** Documents through `add` (the document rules, the entry kept), rows counted, findings out. */
async function addEvents(
  batch: readonly ParseEvent[],
  engine: Engine,
  add: (doc: BillingDocument, found: Finding[]) => void,
  { tally, emit }: Pick<RunState, 'tally' | 'emit'>,
): Promise<void> {
  const found: Finding[] = [];
  for (const event of batch) {
    if (event.type === 'document') {
      const doc = event.document;
      tally.documents++;
      tally.rows += doc.rows;
      if (doc.amountStyle !== undefined && !tally.styles.has(doc.source.file))
        tally.styles.set(doc.source.file, doc.amountStyle);
      tally.stories?.add(doc);
      add(doc, found);
    } else if (event.type === 'columns' || event.type === 'notice') {
      tally.readings.add(event);
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
  { tally, emit, progress }: RunState,
): Promise<void> {
  engine.noteFile(file);
  const add = (doc: BillingDocument, found: Finding[]): void => pool.addDocument(engine, doc, found);
  await pool.read(path, file, plan, input, {
    ownBatch: async (events) => {
      await addEvents(events, engine, add, { tally, emit });
      progress(tally.rows);
    },
    workerBatch: async (worker, batch) => {
      tally.documents += batch.documents;
      tally.rows += batch.rows;
      if (batch.style !== undefined && !tally.styles.has(file)) tally.styles.set(file, batch.style);
      for (const notice of batch.notices) tally.readings.add(notice);
      if (batch.stories !== undefined) tally.stories?.addSent(batch.stories);
      engine.addEncodedEntries(pool.decoderOf(engine, worker), batch.entries);
      await emit(batch.findings);
      progress(tally.rows);
    },
  });
}

/** The account rules' findings, handed on in slices so that a streamed report writes them as it goes. */
async function emitInBatches(findings: readonly Finding[], emit: Emit): Promise<void> {
  for (let start = 0; start < findings.length; start += FINDINGS_PER_BATCH) {
    await emit(findings.slice(start, start + FINDINGS_PER_BATCH));
  }
}

const FINDINGS_PER_BATCH = 4096;
