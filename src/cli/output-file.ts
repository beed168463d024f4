/**
 * `-o, --output FILE`: the report goes to a file instead of stdout, as ESLint's `-o` does, in
 * any format. The file is opened before any input is read, so that an unwritable path is one
 * clear line and exit code 2 at once, not after an hour of reading; nothing else is created
 * (no folder, no temporary file).
 */
import { closeSync, createWriteStream, openSync, realpathSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { Output, usageError } from './io.js';
import { codePhrase, type Said } from '../i18n/usage.js';

export interface OutputFile {
  readonly output: Output;
  /** Waits until every byte is on disk; a write error then is an OutputFailed. */
  finish(): Promise<void>;
  /** After a run that broke off: the half-written report is removed rather than left as if whole. */
  discard(): void;
}

/** Why a report file cannot be opened, as a phrase of the run's language (the code when none says it better). */
function describeOpenError(error: unknown): Said | string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return 'unknown error';
  return codePhrase('open', code === 'EPERM' ? 'EACCES' : code);
}

/** Same file as one of the inputs? Writing it would empty the export before it is read. */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

export function openOutputFile(path: string, cwd: string, inputPaths: readonly string[]): OutputFile {
  const target = resolve(cwd, path);
  if (inputPaths.some((input) => input !== '-' && sameFile(resolve(cwd, input), target))) {
    throw usageError('output.isInput', { path });
  }
  let fd: number;
  try {
    fd = openSync(target, 'w');
  } catch (error) {
    throw usageError('output.cannotOpen', { path, reason: describeOpenError(error) });
  }
  const stream = createWriteStream('', { fd, autoClose: true });
  const output = new Output(stream);
  let finished = false;
  return {
    output,
    async finish() {
      finished = true;
      await new Promise<void>((done) => {
        stream.end(() => done());
        stream.once('error', () => done());
      });
      // A failure seen while flushing (a full disk) surfaces as OutputFailed, exit code 2.
      output.assertWritten();
    },
    discard() {
      if (finished) return;
      stream.destroy();
      try {
        closeSync(fd);
      } catch {
        // Already closed by the stream.
      }
      try {
        unlinkSync(target);
      } catch {
        // Nothing to remove.
      }
    },
  };
}
