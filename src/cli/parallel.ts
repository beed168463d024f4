/**
 * Reads one large CSV file on several threads: parse/split.ts plans byte ranges; the main thread
 * reads the first range itself while each worker reads one of the others and runs the document
 * rules on it. The workers send back findings and compact account entries, which the main
 * thread stores as they arrive, so that the account rules see the whole file at the end.
 *
 * The main thread reads a range of its own rather than only waiting: on a 2-core machine one
 * worker and the main thread keep both cores busy, where two workers and a main thread (three
 * threads, three heaps) made each run slower and took 150 MB more memory.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FatalInputError, type ParseEvent } from '../model/input.js';
import { parseCsvBatches } from '../parse/csv.js';
import type { InputOptions } from '../parse/index.js';
import type { CsvSplitPlan } from '../parse/split.js';
import { planCsvSplit } from '../parse/split.js';
import type { RangeJob, WorkerBatch, WorkerJob, WorkerMessage } from './parallel-job.js';
import { rangeBytes, rangeCsvOptions } from './parallel-job.js';

/** Below this size a file is read by the main thread alone: starting a worker would cost more than it saves. */
export const PARALLEL_MIN_BYTES = Number(process.env.BILLCHECK_PARALLEL_MIN_BYTES ?? 16 << 20);

/**
 * Threads by default: two where there are two cores. More would each add a heap (about 100 MB)
 * while the account rules, which run once the file is read, stay on the main thread.
 */
const DEFAULT_READERS = 2;

/** `--jobs`: threads that read a large file, the main thread included (1: the main thread alone). */
export function readerCount(jobs: number | undefined): number {
  const cores = availableParallelism();
  return jobs === undefined ? Math.min(DEFAULT_READERS, cores) : Math.min(jobs, cores * 2);
}

export type SharedJob = Pick<WorkerJob, 'config' | 'ruleLevels' | 'today'>;

/** What the caller does with each batch: its own range's parse events, or a worker's results. */
export interface ParallelSink {
  ownBatch(events: readonly ParseEvent[]): Promise<void>;
  workerBatch(worker: number, batch: WorkerBatch): Promise<void>;
}

/** A plan for a file worth splitting, else undefined (the caller reads it on the main thread alone). */
export function planParallelRead(path: string, jobs: number | undefined, input: InputOptions): CsvSplitPlan | undefined {
  const readers = readerCount(jobs);
  if (readers < 2 || input.format === 'text' || !/\.(csv|tsv)$/i.test(path)) return undefined;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size < PARALLEL_MIN_BYTES) return undefined;
    return planCsvSplit(path, readers, input);
  } catch {
    // Whatever is wrong with the file, reading it the ordinary way reports it properly.
    return undefined;
  }
}

/** The worker script next to this module (built code; tests running the sources use the build). */
function workerUrl(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? '../../dist/cli/check-worker.js' : './check-worker.js', import.meta.url);
}

/**
 * Reads the file: the first range here, the others in workers, handing every batch to `sink` on
 * the main thread. Throws FatalInputError when any part cannot be read (the workers are stopped).
 */
export async function readInParallel(
  path: string,
  file: string,
  plan: CsvSplitPlan,
  input: InputOptions,
  shared: SharedJob,
  sink: ParallelSink,
): Promise<void> {
  const encoding = input.encoding ?? plan.encoding;
  const jobOf = (index: number): RangeJob => {
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
    };
  };

  const queue: { worker: number; message: WorkerMessage }[] = [];
  let wake: (() => void) | undefined;
  const workers = plan.ranges.slice(1).map((_range, slot) => {
    const worker = new Worker(workerUrl(), { workerData: { ...jobOf(slot + 1), ...shared } satisfies WorkerJob });
    const push = (message: WorkerMessage): void => {
      queue.push({ worker: slot, message });
      wake?.();
    };
    worker.on('message', push);
    worker.on('error', (error: Error) => push({ type: 'error', message: error.message, stack: error.stack }));
    worker.on('exit', (code) => {
      if (code !== 0) push({ type: 'error', message: `a parsing worker stopped with exit code ${code}` });
    });
    return worker;
  });

  let running = workers.length;
  /** Hands over what the workers sent so far. */
  const drain = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { worker, message } = next;
      if (message.type === 'done') running--;
      else if (message.type === 'fatal') throw new FatalInputError(file, message.message);
      else if (message.type === 'error') throw new Error(message.message);
      else await sink.workerBatch(worker, message);
    }
  };

  try {
    const own = jobOf(0);
    for await (const events of parseCsvBatches(rangeBytes(own), rangeCsvOptions(own))) {
      await sink.ownBatch(events);
      await drain();
    }
    for (;;) {
      await drain();
      if (running === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
