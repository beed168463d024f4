/**
 * `-o, --output FILE`: the report goes to a file instead of stdout, as ESLint's `-o` does, in
 * any format. The file is opened before any input is read, so that an unwritable path is one
 * clear line and exit code 2 at once, not after an hour of reading; nothing else is created
 * (no folder, no temporary file).
 */
import { closeSync, createWriteStream, openSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Output, usageError } from './io.js';
import { codePhrase, said, type Said } from '../i18n/usage.js';

export interface OutputFile {
  readonly output: Output;
  /** Waits until every byte is on disk; a write error then is an OutputFailed. */
  finish(): Promise<void>;
  /** After a run that broke off: the half-written report is removed rather than left as if whole. */
  discard(): void;
}

/**
 * Why a report file cannot be opened, as a phrase of the run's language (the code when none says it
 * better). A missing folder is named, as the path was typed (tryout 7: "-o /nonexistent/x.txt" said
 * only "ENOENT" in the letter command, and "its folder does not exist" left the user to find which).
 */
function describeOpenError(error: unknown, path: string, cwd: string): Said | string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return 'unknown error';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const folder = firstBadFolder(path, cwd);
    if (folder !== undefined)
      return said(folder.missing ? 'open.noSuchFolder' : 'open.notAFolder', { folder: folder.path });
  }
  return codePhrase('open', code === 'EPERM' ? 'EACCES' : code);
}

/**
 * The outermost folder of `path` (as typed) that does not exist or is a file: "/nonexistent" for
 * "/nonexistent/x.txt", "no" for "no/such/folder/report.txt" when "no" is missing.
 */
function firstBadFolder(path: string, cwd: string): { path: string; missing: boolean } | undefined {
  const folders: string[] = [];
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder || folder === '.') break;
  }
  for (const folder of folders) {
    let isFolder: boolean;
    try {
      isFolder = statSync(resolve(cwd, folder)).isDirectory();
    } catch {
      return { path: folder, missing: true };
    }
    if (!isFolder) return { path: folder, missing: false };
  }
  return undefined;
}

/**
 * A report written whole at the end (the letter): the same one clear line as -o of the check when
 * the file cannot be written, naming the path and the folder at fault.
 */
export async function writeReportFile(path: string, text: string, cwd: string): Promise<void> {
  try {
    await writeFile(resolve(cwd, path), text, 'utf8');
  } catch (error) {
    throw usageError('output.cannotOpen', { path, reason: describeOpenError(error, path, cwd) });
  }
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
    throw usageError('output.cannotOpen', { path, reason: describeOpenError(error, path, cwd) });
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
