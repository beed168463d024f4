import type { Readable, Writable } from 'node:stream';
import type { UsageKey } from '../i18n/en/usage.js';
import type { Lang } from '../i18n/lang.js';
import { codePhrase, said, type Said, usageText } from '../i18n/usage.js';

/** The process I/O main() runs against; tests pass their own streams and environment. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** A problem with how billcheck was called (bad option value, no input): one line, exit code 2. */
export class UsageError extends Error {
  /** `message` is the English wording; `phrase`, when given, words it in the run's language. */
  constructor(
    message: string,
    readonly phrase?: Said,
  ) {
    super(message);
    this.name = 'UsageError';
  }

  /** The message in `lang`: the catalogue's phrase when there is one, else the message as thrown. */
  textIn(lang: Lang): string {
    return this.phrase === undefined ? this.message : usageText(this.phrase, lang);
  }
}

/** A usage error from the catalogue (src/i18n/en/usage.ts), worded when it is printed. */
export function usageError(key: UsageKey, data: Said['data'] = {}): UsageError {
  const phrase = said(key, data);
  return new UsageError(usageText(phrase, 'en'), phrase);
}

/** Thrown by `Output.write` when the report cannot be written (a full disk, an I/O error): exit code 2. */
export class OutputFailed extends Error {
  readonly phrase: Said;

  constructor(readonly code: string) {
    const phrase = said('output.failed', { reason: codePhrase('write', code) });
    super(usageText(phrase, 'en'));
    this.phrase = phrase;
    this.name = 'OutputFailed';
  }
}

/** Thrown by `Output.write` when the reader went away (`billcheck big.csv | head -1`). */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
    this.name = 'OutputClosed';
  }
}

/**
 * Writes to a stream, honouring backpressure (a million findings must not pile up in memory)
 * and turning a closed pipe into OutputClosed instead of an unhandled 'error' event.
 */
export class Output {
  private closed = false;
  private failure: string | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that went away is a normal end; anything else is a failure to report.
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') this.failure = error.code ?? error.message;
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed || this.stream.destroyed;
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    this.throwIfClosed();
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          this.stream.off('close', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
        this.stream.on('close', done);
      });
      this.throwIfClosed();
    }
  }

  /** Throws OutputFailed when a write failed, e.g. while the last bytes were flushed to a file. */
  assertWritten(): void {
    if (this.failure !== undefined) throw new OutputFailed(this.failure);
  }

  /**
   * Like write, but once the reader has gone away (`billcheck … | head -1`) the text is dropped:
   * the run goes on to its end, so that the exit code still says whether errors were found.
   */
  async offer(text: string): Promise<void> {
    if (this.isClosed && this.failure === undefined) return;
    try {
      await this.write(text);
    } catch (error) {
      if (!(error instanceof OutputClosed)) throw error;
    }
  }

  /**
   * Waits until what was written has reached the stream, then throws OutputFailed if it could not
   * be written: a write error (a full disk) arrives as an event after the write call has returned.
   */
  async settle(): Promise<void> {
    if (!this.isClosed) {
      await new Promise<void>((resolve) => {
        this.stream.write('', () => resolve());
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failure !== undefined) throw new OutputFailed(this.failure);
  }

  private throwIfClosed(): void {
    if (this.failure !== undefined) throw new OutputFailed(this.failure);
    if (this.isClosed) throw new OutputClosed();
  }
}
