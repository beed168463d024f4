/**
 * Checks large CSV files on several threads. split.ts plans byte ranges; the main thread reads
 * the first range itself, then every thread takes the next range left as it becomes free, and
 * runs the document rules on it. Findings come back to the main thread as they are found.
 *
 * Account entries go where their account's timeline is checked. With two threads (the default
 * on two cores) the accounts are shared by a hash (engine/account-shard.ts): each thread keeps
 * its share's entries, sends the others' to the other thread, and at the end both run the
 * account rules on their share at the same time. With more threads every entry goes to the main
 * thread, which runs the account rules alone.
 *
 * The main thread reads a range of its own rather than only waiting: on a 2-core machine one
 * worker and the main thread keep both cores busy, where two workers and a main thread (three
 * threads, three heaps) made each run slower and took 150 MB more memory.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { accountShard } from './account-shard.js';
import { toAccountEntry } from '../../engine/account-entry.js';
import type { Engine } from '../../engine/engine.js';
import type { EntryDecoder } from '../../engine/entry-codec.js';
import { EntryEncoder } from '../../engine/entry-codec.js';
import type { BillingDocument } from '../../model/document.js';
import type { JoinedAccount } from '../../identity/join.js';
import type { Finding } from '../../model/finding.js';
import { FatalInputError, type ParseEvent } from '../../model/input.js';
import { type CsvOptions, parseCsvBatches } from '../../parse/csv/index.js';
import type { InputOptions } from '../../parse/index.js';
import type { ReaderConventions } from '../../parse/csv/rows.js';
import type { CsvSplitPlan } from './split.js';
import { planCsvSplit } from './split.js';
import type { RangeJob, WorkerBatch, WorkerMessage, WorkerRequest, WorkerSetup } from './job.js';
import { EVENTS_PER_MESSAGE, MAIN_SHARD, rangeBytes, rangeCsvOptions, SHARDS } from './job.js';

/** Below this size a file is read by the main thread alone: starting a worker would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 16 << 20;

/**
 * The size from which a file is split: `BILLCHECK_PARALLEL_MIN_BYTES` of the caller's environment
 * (tests split small files with it), else PARALLEL_MIN_BYTES. Read from the environment `main()`
 * is given, not the process's, so a run in-process behaves as the bin does with the same variables.
 */
export function parallelMinBytes(text: string | undefined): number {
  return wholeNumberOr(text, PARALLEL_MIN_BYTES);
}

/** A test knob's value from the environment: a whole number, else the default. */
function wholeNumberOr(text: string | undefined, fallback: number): number {
  const value = text === undefined || !/^\d+$/.test(text) ? Number.NaN : Number(text);
  return Number.isSafeInteger(value) ? value : fallback;
}

/**
 * The first range of a split file, the main thread's alone while the workers start (they need
 * the conventions its first rows show), as a part of an equal share per thread.
 */
const FIRST_RANGE_SHARE = 0.5;
/**
 * The ranges after the first are handed out to whichever thread is free, each a part of what is
 * left (guided scheduling): large at first, so that few headers are parsed again and few
 * boundaries looked for, then small, so that the threads end their last ranges close together.
 */
const LATER_RANGE_SHARE = 0.25;
/** The smallest range, as a part of the file: 5 000 rows of a million, read in about 0.1 s. */
const SMALLEST_RANGE = 0.005;

/** Where each range of a file read by `readers` threads ends, but the last (planCsvSplit's `ends`). */
export function rangeEnds(readers: number): number[] {
  const ends: number[] = [];
  let end = FIRST_RANGE_SHARE / readers;
  while (end < 1 - SMALLEST_RANGE) {
    ends.push(end);
    end += Math.max(((1 - end) * LATER_RANGE_SHARE * 2) / readers, SMALLEST_RANGE);
  }
  return ends;
}

/**
 * Accounts on the main thread up to which both threads' end phases overlap (pool.finish): the
 * bench's shapes of 50 000 accounts gain 0.5 to 1 s a million rows by it. 500 000 accounts (250 000
 * a thread) peaked 20–80 MB higher while the join's tables stayed resident until a collection;
 * given back at once since (engine/transient.ts), they overlap at 260–275 MB, where one after the
 * other took 0.5 s more (issue 19: a ratio of 1.56 on an independent export, over its 1.5).
 */
export const OVERLAPPING_END_ACCOUNTS = 300_000;

/**
 * Entries on the main thread up to which the end phases overlap: each end phase's columns (claims,
 * grouping) take about 16 bytes an entry, 80 MB a thread at ten million rows, where the run must
 * stay under 1 GB (issue 19); a million rows (half a million a thread) take 8 MB.
 */
const OVERLAPPING_END_ENTRIES = 1_000_000;

/** Entries an account on average up to which the end phases overlap: the bench's 10 to 20 do, deep-history's 5 000 not. */
const OVERLAPPING_END_HISTORY = 500;

/** `BILLCHECK_OVERLAPPING_END_ACCOUNTS` of the caller's environment (tests take each path with it), else OVERLAPPING_END_ACCOUNTS. */
export function overlappingEndAccounts(text: string | undefined): number {
  return wholeNumberOr(text, OVERLAPPING_END_ACCOUNTS);
}

/**
 * Threads by default: two where there are two cores. More would each add a heap (about 100 MB)
 * for a smaller gain each time: the file is split before reading and the report is written by
 * the main thread alone.
 */
const DEFAULT_READERS = 2;

/** `--jobs`: threads that check a large file, the main thread included (1: the main thread alone). */
export function readerCount(jobs: number | undefined): number {
  const cores = availableParallelism();
  return jobs === undefined ? Math.min(DEFAULT_READERS, cores) : Math.min(jobs, cores * 2);
}

/**
 * A plan for a file worth splitting, else undefined (the caller reads it on the main thread
 * alone). `onLargeFile` runs once the file's start shows it can be split, before it is scanned
 * for record boundaries: workers started then load their code during the scan.
 */
export function planParallelRead(
  path: string,
  jobs: number | undefined,
  input: InputOptions,
  onLargeFile: () => void = () => {},
  minBytes: number = PARALLEL_MIN_BYTES,
): CsvSplitPlan | undefined {
  const readers = readerCount(jobs);
  if (readers < 2 || input.format === 'text' || !/\.(csv|tsv)$/i.test(path)) return undefined;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size < minBytes) return undefined;
    return planCsvSplit(path, readers, { ...input, beforeScan: onLargeFile, ends: rangeEnds(readers) });
  } catch {
    // Whatever is wrong with the file, reading it the ordinary way reports it properly.
    return undefined;
  }
}

/** The worker script next to this module (built code; tests running the sources use the build). */
function workerUrl(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? '../../../dist/check/parallel/worker.js' : './worker.js', import.meta.url);
}

/** What the caller does with each batch: its own range's parse events, or a worker's results. */
export interface ParallelSink {
  ownBatch(events: readonly ParseEvent[]): Promise<void>;
  workerBatch(worker: number, batch: WorkerBatch): Promise<void>;
}

/** One worker; the messages it sends go to the handler of the moment. */
class PooledWorker {
  private readonly worker: Worker;
  private handler: ((message: WorkerMessage) => void) | undefined;
  /** An error while no handler listened (a crash between requests), told to the next one. */
  private failure: WorkerMessage | undefined;
  /** Set by terminate(): the worker's end is then no crash. */
  private closing = false;

  constructor(setup: WorkerSetup) {
    this.worker = new Worker(workerUrl(), { workerData: setup });
    const deliver = (message: WorkerMessage): void => {
      if (this.handler !== undefined) this.handler(message);
      else if (message.type === 'error') this.failure ??= message;
    };
    this.worker.on('message', deliver);
    this.worker.on('error', (error: Error) => deliver({ type: 'error', message: error.message, stack: error.stack }));
    this.worker.on('exit', (code) => {
      if (code !== 0 && !this.closing) deliver({ type: 'error', message: `a worker stopped with exit code ${code}` });
    });
  }

  listen(handler: ((message: WorkerMessage) => void) | undefined): void {
    this.handler = handler;
    if (handler !== undefined && this.failure !== undefined) handler(this.failure);
  }

  send(request: WorkerRequest): void {
    const transfer =
      request.type === 'entries'
        ? [request.entries.numbers.buffer as ArrayBuffer]
        : request.type === 'identity'
          ? [request.billHashes.buffer as ArrayBuffer]
          : [];
    this.worker.postMessage(request, transfer);
  }

  terminate(): Promise<number> {
    this.closing = true;
    return this.worker.terminate();
  }
}

/** The account rules' findings and the accounts counted; with the other thread's joins when it checked a share. */
export interface FinishedRun {
  readonly findings: Finding[];
  readonly accounts: number;
  readonly remote?: {
    readonly renamed: [string, string][];
    readonly joined: JoinedAccount[];
    readonly copies: [string, string][];
  };
}

/**
 * The workers of a run, started by its first large file and kept until the account rules are
 * done: with two threads, the worker holds its share of the accounts until then.
 */
export class WorkerPool {
  private readonly workers: PooledWorker[];
  /** Whether the accounts are shared between the main thread and the one worker. */
  private readonly sharded: boolean;
  private toWorker: EntryEncoder | undefined;
  private readonly decoders: EntryDecoder[] = [];

  constructor(
    readers: number,
    setup: Omit<WorkerSetup, 'keepsShard' | 'contentWriter'>,
    private readonly overlappingEndUpTo = OVERLAPPING_END_ACCOUNTS,
  ) {
    this.sharded = readers === 2;
    // Writer 0 is the main thread's log; each worker writes its own.
    this.workers = Array.from(
      { length: readers - 1 },
      (_, index) => new PooledWorker({ ...setup, keepsShard: this.sharded, contentWriter: index + 1 }),
    );
  }

  /** The stream of entries to the worker, flushing the main thread's contents before each batch. */
  private encoderFor(engine: Engine): EntryEncoder {
    return (this.toWorker ??= new EntryEncoder(engine.content));
  }

  /** The decoder of one worker's stream of entries for the main thread (one stream per worker, for the whole run). */
  decoderOf(engine: Engine, worker: number): EntryDecoder {
    let decoder = this.decoders[worker];
    if (decoder === undefined) {
      decoder = engine.entryDecoder();
      this.decoders[worker] = decoder;
    }
    return decoder;
  }

  /**
   * A document read on the main thread: kept here (the engine's addDocument) unless its account
   * is the worker's, whose entry is then sent there after the document rules ran here.
   */
  addDocument(engine: Engine, doc: BillingDocument, findings: Finding[]): void {
    if (!this.sharded || accountShard(doc.account, SHARDS) === MAIN_SHARD) {
      engine.addDocument(doc, findings);
      return;
    }
    engine.checkDocument(doc, findings);
    const toWorker = this.encoderFor(engine);
    toWorker.add(toAccountEntry(doc, engine.content));
    if (toWorker.size >= EVENTS_PER_MESSAGE) this.flush();
  }

  /**
   * The account rules over every account, findings unsorted (like Engine.finish), and the number
   * of distinct accounts. Accounts of the worker's share that the main thread read in a small
   * file are sent to it first.
   */
  async finish(engine: Engine): Promise<FinishedRun> {
    if (!this.sharded) return { accounts: engine.accountCount, findings: engine.finish() };
    const worker = this.workers[0] as PooledWorker;
    // The worker has every entry sent while reading: the joins across the shares can be found now.
    this.flush();
    const received = await this.joinAcrossShards(engine, worker);
    const theirs = (account: string): boolean => accountShard(account, SHARDS) !== MAIN_SHARD;
    // This thread keeps accounts of the worker's share only when it read them in a small file beside
    // the split one, or was given them just now: most runs have none, and the passes over every
    // account and entry below then found nothing (issue 19: 90 ms of the end at 500 000 accounts).
    if (engine.anyAccount(theirs)) this.sendTheirs(engine, received, theirs);
    this.flush();
    // The two end phases run at once, each thread on its share, unless the accounts are many, the
    // entries very many (see OVERLAPPING_END_ENTRIES) or the histories long (issue 19): the joins peak in proportion to the accounts (about 120
    // bytes each), and each history is rebuilt whole as objects that live through its account's
    // rules (5 000 bills an account took 45 MB more at once). Otherwise the worker ends first and
    // is stopped, which frees its heap and store (half the entries) before this thread's end phase.
    const accounts = engine.accountCount;
    const entries = engine.entryCount;
    const overlap =
      accounts <= this.overlappingEndUpTo &&
      entries <= OVERLAPPING_END_ENTRIES &&
      entries <= accounts * OVERLAPPING_END_HISTORY;
    let findings: Finding[];
    let other: Extract<WorkerMessage, { type: 'finished' }>;
    if (overlap) {
      const answer = this.ask(worker, { type: 'finish', files: engine.files }, 'finished');
      findings = engine.finish();
      other = await answer;
      await worker.terminate();
    } else {
      other = await this.ask(worker, { type: 'finish', files: engine.files }, 'finished');
      await worker.terminate();
      findings = engine.finish();
    }
    // One push per finding: a spread passes every finding as an argument, and a few hundred
    // thousand of them overflow the call stack ("Maximum call stack size exceeded").
    for (const finding of other.findings) findings.push(finding);
    return {
      findings,
      accounts: accounts + other.accounts,
      remote: { renamed: other.renamed, joined: other.joined, copies: other.copies },
    };
  }

  /** Sends the worker the accounts of its share kept here, but those that stay joined or in conflict with one checked here. */
  private sendTheirs(engine: Engine, received: ReadonlySet<string>, theirs: (account: string) => boolean): void {
    // An account of the worker's share stays here when it joins one that is checked here.
    // So does one that claims a bill number a received account claims: joined or in conflict, it is decided here.
    const claiming = engine.claimingWith(received);
    for (const account of engine.claimingAcrossShares(theirs)) claiming.add(account);
    const staying = engine.joinedWith(
      (account) => !theirs(account) || received.has(account) || claiming.has(account),
      theirs,
    );
    const toWorker = this.encoderFor(engine);
    engine.takeAccounts((account) => theirs(account) && !staying.has(account), {
      add: (entry) => {
        toWorker.add(entry);
        if (toWorker.size >= EVENTS_PER_MESSAGE) this.flush();
      },
      addAccount: (account) => toWorker.addAccount(account),
    });
  }

  /**
   * Accounts that join through a reference across the shares (issue 13: a letter read here names
   * a bill whose account the worker keeps, or the other way round) come to the main thread, with
   * every account they join on the worker, so that the joins and the account rules see them whole.
   * So do the worker's accounts that claim a bill number the main thread's accounts claim: one bill
   * under two accounts is joined or reported as a conflict here, as on one thread.
   */
  private async joinAcrossShards(engine: Engine, worker: PooledWorker): Promise<Set<string>> {
    const request = {
      type: 'identity',
      referrers: engine.identityReferrers(),
      billHashes: engine.billHashes(),
    } as const;
    const answer = await this.ask(worker, request, 'identity');
    // A hash in common is a bill in common only when the keys are equal too.
    const claimedHere = engine.claimedKeys(new Set(answer.hashMatches.map(([, key]) => key)));
    const wanted = new Set([
      ...answer.claimants,
      ...answer.hashMatches.filter(([, key]) => claimedHere.has(key)).map(([account]) => account),
      ...engine.referrersJoinedHere(answer.referrers),
    ]);
    if (wanted.size === 0) return wanted;
    const given = await this.ask(worker, { type: 'give', accounts: [...wanted] }, 'given');
    engine.addEncodedEntries(engine.entryDecoder(), given.entries);
    return new Set(given.entries.newAccounts);
  }

  /** One request to the worker and its one answer, of type `type`. */
  private ask<T extends WorkerMessage['type']>(
    worker: PooledWorker,
    request: WorkerRequest,
    type: T,
  ): Promise<Extract<WorkerMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      worker.listen((message) => {
        worker.listen(undefined);
        if (message.type === type) resolve(message as Extract<WorkerMessage, { type: T }>);
        else
          reject(
            new Error(
              message.type === 'error' || message.type === 'fatal'
                ? message.message
                : `unexpected ${message.type} message`,
            ),
          );
      });
      worker.send(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /**
   * Reads one file: the first range here, the others in the workers, handing every batch to
   * `sink` on the main thread. The workers start once this thread has read the file's first rows
   * and learned its conventions (dates, decimals, columns), which they adopt.
   *
   * A problem that stops the reading of a range (FatalInputError) is thrown once every range has
   * been read: the rows of the ranges before it are all read, as one reader would have them; the
   * rows of the ranges after it are read too (one reader would have stopped), so that the result
   * does not depend on which thread got there first.
   */
  async read(path: string, file: string, plan: CsvSplitPlan, input: InputOptions, sink: ParallelSink): Promise<void> {
    const encoding = input.encoding ?? plan.encoding;
    const jobOf = (index: number, conventions?: ReaderConventions): RangeJob => {
      const range = plan.ranges[index] as CsvSplitPlan['ranges'][number];
      return {
        path,
        file,
        start: range.start,
        end: range.end,
        lineOffset: range.lineOffset,
        header: index === 0 ? undefined : plan.header,
        input: {
          ...(input.delimiter === undefined ? {} : { delimiter: input.delimiter }),
          ...(encoding === undefined ? {} : { encoding }),
          ...(input.columnMap === undefined ? {} : { columnMap: [...input.columnMap] }),
          ...(input.dateOrder === undefined ? {} : { dateOrder: input.dateOrder }),
        },
        ...(conventions === undefined ? {} : { conventions }),
      };
    };

    const queue: { worker: number; message: WorkerMessage }[] = [];
    let wake: (() => void) | undefined;
    /**
     * The ranges after the first, handed out one at a time to whichever thread is free (issue 19):
     * a fixed share per thread left one of them idle for up to 0.7 s a million rows, by how late
     * the worker started and how busy each core was. In file order, each range smaller than the last.
     */
    const waiting = plan.ranges.map((_, index) => index).slice(1);
    // A plan may have fewer ranges than there are workers (a small file, many --jobs).
    const readers = this.workers.slice(0, waiting.length);
    /** The range each worker reads, by slot; undefined once it has no more to read. */
    const reading: (number | undefined)[] = [];
    let learned: ReaderConventions | undefined;
    /** The first problem of each range that stopped, by range: the earliest in the file is told. */
    const fatal: (FatalInputError | undefined)[] = [];
    const giveNext = (worker: PooledWorker, slot: number): void => {
      const next = waiting.shift();
      reading[slot] = next;
      if (next !== undefined) worker.send({ type: 'read', job: jobOf(next, learned) });
    };
    const startWorkers = (conventions: ReaderConventions): void => {
      if (learned !== undefined) return;
      learned = conventions;
      readers.forEach((worker, slot) => {
        worker.listen((message) => {
          queue.push({ worker: slot, message });
          wake?.();
        });
        giveNext(worker, slot);
      });
    };
    const running = (): boolean => reading.some((range) => range !== undefined);
    /** Hands over what the workers sent so far, and a next range to each worker done with one. */
    const drain = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const { worker, message } = next;
        if (message.type === 'done' || message.type === 'fatal') {
          const range = reading[worker] as number;
          if (message.type === 'fatal') fatal[range] = new FatalInputError(file, message.message);
          giveNext(readers[worker] as PooledWorker, worker);
        } else if (message.type === 'batch') {
          await sink.workerBatch(worker, message);
        } else {
          throw new Error(message.type === 'error' ? message.message : `unexpected ${message.type} message`);
        }
      }
    };
    /** One range read on this thread, its batches handed to the sink. */
    const readOwn = async (index: number, options: Partial<CsvOptions>): Promise<void> => {
      const job = jobOf(index, learned);
      try {
        for await (const events of parseCsvBatches(rangeBytes(job), { ...rangeCsvOptions(job), ...options })) {
          await sink.ownBatch(events);
          await drain();
        }
      } catch (error) {
        if (!(error instanceof FatalInputError)) throw error;
        fatal[index] = error;
      }
    };

    await readOwn(0, { onSettled: startWorkers });
    // Stopped before its first rows were learned from, no other range is read: nothing tells how.
    if (learned !== undefined) {
      for (let index = waiting.shift(); index !== undefined; index = waiting.shift()) await readOwn(index, {});
    }
    for (;;) {
      await drain();
      if (!running()) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    for (const worker of readers) worker.listen(undefined);
    this.flush();
    const first = fatal.find((problem) => problem !== undefined);
    if (first !== undefined) throw first;
  }

  /** Sends the worker the entries of its accounts gathered so far. */
  private flush(): void {
    if (this.toWorker?.pending === true) this.workers[0]?.send({ type: 'entries', entries: this.toWorker.take() });
  }
}
