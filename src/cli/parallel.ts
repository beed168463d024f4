/**
 * Reads one large CSV file with several workers (both cores of a 2-core machine): each parses a
 * byte range planned by parse/split.ts and runs the document rules; the main thread decodes their
 * account entries as they arrive, so that the account rules see the whole file at the end.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EntryDecoder } from '../engine/entry-codec.js';
import type { AccountEntry } from '../engine/rule.js';
import type { AmountStyle } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { FatalInputError } from '../model/input.js';
import type { InputOptions } from '../parse/index.js';
import type { CsvSplitPlan } from '../parse/split.js';
import { planCsvSplit } from '../parse/split.js';
import type { WorkerJob, WorkerMessage } from './parallel-job.js';

/** Below this size a file is read by the main thread alone: starting workers would cost more than they save. */
export const PARALLEL_MIN_BYTES = Number(process.env.BILLCHECK_PARALLEL_MIN_BYTES ?? 16 << 20);

/**
 * `--jobs`: parsing workers. One (the main thread alone) unless asked: on the 2-core machines
 * billcheck is measured on, two busy threads each ran at half speed (see the README's benchmark
 * section), so workers only pay where cores are really independent.
 */
export function workerCount(jobs: number | undefined): number {
  return Math.min(jobs ?? 1, availableParallelism() * 2);
}

export interface ParallelBatch {
  readonly findings: readonly Finding[];
  readonly entries: readonly AccountEntry[];
  readonly documents: number;
  readonly rows: number;
  readonly style: AmountStyle | undefined;
}

export type SharedJob = Pick<WorkerJob, 'config' | 'ruleLevels' | 'today'>;

/** A plan for a file worth splitting, else undefined (the caller reads it on the main thread). */
export function planParallelRead(path: string, jobs: number | undefined, input: InputOptions): CsvSplitPlan | undefined {
  const workers = workerCount(jobs);
  if (workers < 2 || input.format === 'text' || !/\.(csv|tsv)$/i.test(path)) return undefined;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size < PARALLEL_MIN_BYTES) return undefined;
    return planCsvSplit(path, workers, input);
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

/** Batches from all workers, in arrival order. Throws FatalInputError when a worker cannot read its part. */
export async function* readInParallel(
  path: string,
  file: string,
  plan: CsvSplitPlan,
  input: InputOptions,
  shared: SharedJob,
): AsyncGenerator<ParallelBatch> {
  const queue: { worker: number; message: WorkerMessage }[] = [];
  let wake: (() => void) | undefined;
  const encoding = input.encoding ?? plan.encoding;
  const workers = plan.ranges.map((range, index) => {
    const job: WorkerJob = {
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
      ...shared,
    };
    const worker = new Worker(workerUrl(), { workerData: job });
    const push = (message: WorkerMessage): void => {
      queue.push({ worker: index, message });
      wake?.();
    };
    worker.on('message', push);
    worker.on('error', (error: Error) => push({ type: 'error', message: error.message, stack: error.stack }));
    worker.on('exit', (code) => {
      if (code !== 0) push({ type: 'error', message: `a parsing worker stopped with exit code ${code}` });
    });
    return worker;
  });
  const decoders = plan.ranges.map(() => undefined as EntryDecoder | undefined);
  const styles: (AmountStyle | undefined)[] = plan.ranges.map(() => undefined);
  let running = workers.length;
  try {
    while (running > 0) {
      const next = queue.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      const { worker, message } = next;
      if (message.type === 'done') {
        running--;
        continue;
      }
      if (message.type === 'fatal') throw new FatalInputError(file, message.message);
      if (message.type === 'error') throw new Error(message.message);
      styles[worker] ??= message.style;
      const decoder = (decoders[worker] ??= new EntryDecoder(file, () => styles[worker]));
      yield {
        findings: message.findings,
        entries: decoder.decode(message.entries),
        documents: message.documents,
        rows: message.rows,
        style: message.style,
      };
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
