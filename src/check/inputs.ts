import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { FatalInputError } from '../model/input.js';
import type { InputSource } from '../parse/index.js';
import { fileInputSource } from '../parse/index.js';

/** Extensions a directory walk picks up; files named on the command line are read whatever they are called. */
export const CHECKED_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.tsv', '.txt', '.text', '.eml', '.pdf', '.xml']);

export const STDIN_NAME = '<stdin>';

export type ResolvedInput = { readonly source: InputSource } | { readonly problem: FatalInputError };

/**
 * Files as given, directories walked (sorted, so that reports are stable), `-` for standard input.
 * A path that cannot be used becomes a problem for that path only; the others are still checked.
 */
export async function resolveInputs(paths: readonly string[], stdin: Readable): Promise<ResolvedInput[]> {
  const inputs: ResolvedInput[] = [];
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
      const message = /[*?]|\[[^\]]*\]/.test(path) && (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no file matches this pattern' : describeFsError(error);
      inputs.push({ problem: new FatalInputError(path, message) });
      continue;
    }
    if (!info.isDirectory()) {
      inputs.push({ source: fileInputSource(path) });
      continue;
    }
    const files = await walk(path);
    if (files.length === 0) {
      inputs.push({
        problem: new FatalInputError(path, `no file to check in this directory (looked for ${[...CHECKED_EXTENSIONS].join(' ')})`),
      });
    }
    for (const file of files) inputs.push({ source: fileInputSource(file) });
  }
  return inputs;
}

async function walk(directory: string): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return found;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden folders (.git) and dependencies are never bills.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && CHECKED_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read: no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'EISDIR':
      return 'cannot read: is a directory';
    default:
      return `cannot read (${code ?? 'unknown error'})`;
  }
}
