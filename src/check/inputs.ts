import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { FatalInputError } from '../model/input.js';
import type { InputSource } from '../parse/index.js';
import { fileInputSource } from '../parse/index.js';
import type { SkipReason, SkipSummary } from '../report/result.js';

/** Extensions a directory walk picks up; files named on the command line are read whatever they are called. */
export const CHECKED_EXTENSIONS: ReadonlySet<string> = new Set([
  '.csv',
  '.tsv',
  '.txt',
  '.text',
  '.eml',
  '.pdf',
  '.xml',
]);

export const STDIN_NAME = '<stdin>';

/** A directory entry a walk did not read, so that the report can say so (nothing skipped without a word). */
export interface SkippedEntry {
  readonly path: string;
  readonly reason: SkipReason;
}

export type ResolvedInput =
  { readonly source: InputSource } | { readonly problem: FatalInputError } | { readonly skipped: SkippedEntry };

/**
 * Files as given, directories walked (sorted, so that reports are stable), `-` for standard input.
 * A path that cannot be used becomes a problem for that path only; the others are still checked.
 * Walks follow symbolic links, each directory and file once by its real path (so that a link
 * loop ends and a linked bill is read once), and report what they leave out.
 */
export async function resolveInputs(paths: readonly string[], stdin: Readable): Promise<ResolvedInput[]> {
  const inputs: ResolvedInput[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ source: { name: STDIN_NAME, open: () => stdin } });
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      // An unexpanded pattern (quoted, or no match in a shell without nullglob) is not a file name.
      const message =
        /[*?]|\[[^\]]*\]/.test(path) && (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no file matches this pattern'
          : describeFsError(error);
      inputs.push({ problem: new FatalInputError(path, message) });
      continue;
    }
    if (!info.isDirectory()) {
      inputs.push({ source: fileInputSource(path) });
      continue;
    }
    const found: ResolvedInput[] = [];
    seen.add(await realpath(path));
    await walk(path, found, seen);
    if (!found.some((input) => !('skipped' in input))) {
      inputs.push({
        problem: new FatalInputError(
          path,
          `no file to check in this directory (looked for ${[...CHECKED_EXTENSIONS].join(' ')})`,
        ),
      });
    }
    for (const input of found) inputs.push(input);
  }
  return inputs;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function walk(directory: string, out: ResolvedInput[], seen: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    // An unreadable folder holds files nobody will see checked: as loud as an unreadable file.
    out.push({ problem: new FatalInputError(directory, describeFsError(error, 'folder')) });
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // Hidden entries (.git, .DS_Store) and dependencies are never bills; they are counted, not entered.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') {
      out.push({ skipped: { path, reason: 'hidden' } });
      continue;
    }
    const kind = entry.isSymbolicLink() ? await linkTarget(path) : entryKind(entry);
    if (typeof kind !== 'string') {
      out.push(kind);
      continue;
    }
    if (kind === 'other') {
      out.push({ skipped: { path, reason: 'special' } });
      continue;
    }
    if (kind === 'file' && !CHECKED_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      out.push({ skipped: { path, reason: 'extension' } });
      continue;
    }
    const real = await realpathOrSelf(path);
    if (seen.has(real)) {
      // A link back to a folder being walked (a loop) or to a file already read.
      out.push({ skipped: { path, reason: 'duplicate' } });
      continue;
    }
    seen.add(real);
    if (kind === 'directory') await walk(path, out, seen);
    else out.push({ source: fileInputSource(path) });
  }
}

type EntryKind = 'file' | 'directory' | 'other';

function entryKind(entry: Dirent): EntryKind {
  if (entry.isDirectory()) return 'directory';
  return entry.isFile() ? 'file' : 'other';
}

/** What a symbolic link points to, or the problem of a dangling link or a loop of links. */
async function linkTarget(path: string): Promise<EntryKind | { readonly problem: FatalInputError }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return 'directory';
    return info.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const target = await readlink(path).catch(() => '?');
      return { problem: new FatalInputError(path, `a symbolic link to ${target}, which does not exist`) };
    }
    return { problem: new FatalInputError(path, describeFsError(error)) };
  }
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** One line for a failed file system call, never a raw code such as "ELOOP". */
export function describeFsError(error: unknown, what: 'file' | 'folder' = 'file'): string {
  const code = (error as NodeJS.ErrnoException).code;
  const cannot = what === 'folder' ? 'cannot read this folder' : 'cannot read';
  switch (code) {
    case 'ENOENT':
      return `${cannot}: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `${cannot}: permission denied`;
    case 'EISDIR':
      return `${cannot}: is a directory`;
    case 'ENOTDIR':
      return `${cannot}: a part of the path is not a directory`;
    case 'ELOOP':
      return `${cannot}: symbolic links that point to each other in a loop`;
    case 'ENAMETOOLONG':
      return `${cannot}: the path is too long`;
    case 'EMFILE':
    case 'ENFILE':
      return `${cannot}: too many open files`;
    case 'EIO':
      return `${cannot}: input/output error (a failing disk or network share)`;
    default:
      return `${cannot} (${code ?? 'unknown error'})`;
  }
}

/** The name a skipped entry is summarized by: its extension, or its own name when it has none. */
export function skippedLabel(entry: SkippedEntry): string {
  const name = basename(entry.path);
  if (entry.reason === 'extension') return extname(name).toLowerCase() || '(no extension)';
  return name;
}

/** Hidden names listed in the report; the rest are counted. */
const HIDDEN_NAMES_SHOWN = 5;

/** The skipped entries of every walk, counted by reason. */
export function summarizeSkipped(entries: readonly SkippedEntry[]): SkipSummary {
  const byReason = new Map<SkipReason, number>();
  const extensions = new Set<string>();
  const hidden = new Set<string>();
  for (const entry of entries) {
    byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
    if (entry.reason === 'extension') extensions.add(skippedLabel(entry));
    if (entry.reason === 'hidden') hidden.add(skippedLabel(entry));
  }
  return {
    files: entries.length,
    byReason,
    extensions: [...extensions].sort(),
    hidden: [...hidden].sort().slice(0, HIDDEN_NAMES_SHOWN),
  };
}
