/**
 * Runs pdf.js on its own thread, within PdfLimits. pdf.js parses synchronously on the thread that
 * calls it, so a timer on the main thread could not interrupt a hostile file: the worker is
 * terminated instead, and the next PDF gets a new one. One worker serves every PDF of a run (loading
 * pdf.js costs more than reading a bill); it does not keep the process alive between requests.
 */
import { Worker } from 'node:worker_threads';
import type { PdfLimits } from './limits.js';
import { describeMs } from './limits.js';
import type { PdfContent, PdfFailureKind, PdfWorkerReply, PdfWorkerRequest } from './pdf-content.js';

/** Why the worker gave no content: what pdf.js said, or what the bounds stopped. */
export type PdfProblemKind = PdfFailureKind | 'timeout' | 'out-of-memory' | 'crashed';

export class PdfProblem extends Error {
  constructor(
    readonly kind: PdfProblemKind,
    detail: string,
  ) {
    super(detail);
  }
}

function workerUrl(): URL {
  // Tests run the TypeScript sources; a worker needs the built JavaScript (npm test builds first).
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? '../../../dist/parse/pdf/pdf-worker.js' : './pdf-worker.js', import.meta.url);
}

interface Pending {
  readonly resolve: (content: PdfContent) => void;
  readonly reject: (problem: PdfProblem) => void;
}

class PdfWorker {
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  private pending: Pending | undefined;
  private nextId = 1;
  private dead = false;

  constructor(readonly maxHeapMb: number) {
    this.worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        if (message !== 'ready') return;
        this.worker.off('message', onMessage);
        resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.once('exit', () => reject(new PdfProblem('crashed', 'the PDF reader did not start')));
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: PdfWorkerReply | 'ready') => {
      if (message === 'ready' || this.pending === undefined) return;
      const { resolve, reject } = this.pending;
      this.pending = undefined;
      this.worker.unref();
      if (message.ok) resolve(message.content);
      else reject(new PdfProblem(message.failure, message.detail));
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PdfProblem('out-of-memory', error.message)
          : new PdfProblem('crashed', error.message),
      );
    });
    this.worker.on('exit', () => this.fail(new PdfProblem('crashed', 'the PDF reader stopped')));
    this.worker.unref();
  }

  get alive(): boolean {
    return !this.dead;
  }

  private fail(problem: PdfProblem): void {
    this.dead = true;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(problem);
  }

  /** One PDF; the caller waits for the answer before it asks again (readPdfContent queues). */
  async read(bytes: Uint8Array, limits: PdfLimits): Promise<PdfContent> {
    this.worker.ref();
    try {
      await this.ready;
    } catch (error) {
      this.dead = true;
      throw error;
    }
    // A copy the worker owns: the caller's buffer may be a slice of Node's shared pool.
    const own = new Uint8Array(bytes);
    const request: PdfWorkerRequest = { id: this.nextId++, bytes: own, maxPages: limits.maxPages };
    return new Promise<PdfContent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new PdfProblem('timeout', `longer than ${describeMs(limits.timeLimitMs)}`));
        void this.worker.terminate();
      }, limits.timeLimitMs);
      const settle =
        <T>(then: (value: T) => void) =>
        (value: T): void => {
          clearTimeout(timer);
          then(value);
        };
      this.pending = { resolve: settle(resolve), reject: settle(reject) };
      this.worker.postMessage(request, [own.buffer]);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

let shared: PdfWorker | undefined;
/** Requests one after the other, each on a live worker: the one before may have been terminated. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The content of one PDF, read on the shared worker: a new one when the last was terminated, or
 * when this read's heap limit is another (a run, or a caller of check(), with other limits than
 * the one before in this process must not inherit its worker's).
 */
export function readPdfContent(bytes: Uint8Array, limits: PdfLimits): Promise<PdfContent> {
  const turn = queue.then(async () => {
    if (shared !== undefined && shared.alive && shared.maxHeapMb !== limits.maxHeapMb) await shared.close();
    if (shared === undefined || !shared.alive) shared = new PdfWorker(limits.maxHeapMb);
    return shared.read(bytes, limits);
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/** The heap limit of the shared worker, if one is alive (tests: a read with other limits must not reuse it). */
export function sharedPdfWorkerHeapMb(): number | undefined {
  return shared !== undefined && shared.alive ? shared.maxHeapMb : undefined;
}

/** Stops the shared worker (tests; a run's process may also simply exit, the worker does not hold it). */
export async function closePdfWorker(): Promise<void> {
  const worker = shared;
  shared = undefined;
  await worker?.close();
}
