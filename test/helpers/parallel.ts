/** Runs billcheck on one thread and split, and compares (see test/cli/parallel*.e2e.test.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { planCsvSplit } from '../../src/check/parallel/split.js';
import { runBin, runCli } from './cli.js';

/** Lets the test split small files (the default threshold is 16 MB). */
export const SPLIT_SMALL_FILES = { BILLCHECK_PARALLEL_MIN_BYTES: '0' };

/** Also has the worker end before the main thread's end phase starts, as with many accounts (pool.finish). */
export const SPLIT_SMALL_FILES_ENDS_IN_TURN = { ...SPLIT_SMALL_FILES, BILLCHECK_OVERLAPPING_END_ACCOUNTS: '0' };

export interface Comparison {
  readonly jobs?: readonly string[];
  readonly env?: Record<string, string>;
  readonly today?: string;
  /** Reports compared: `json` holds every finding with its evidence and the row count; `text` also counts accounts. */
  readonly formats?: readonly ('json' | 'text')[];
  /**
   * `main`: both runs in this process through main(argv, io), whose workers are the built ones (the
   * same code the bin runs, without a process start and cold compilation per run); `bin`: as a user runs it.
   */
  readonly via?: 'main' | 'bin';
}

/** The split run (`--jobs 2` unless told) prints exactly what one thread prints: report, stderr, exit code. */
export async function sameFindings(
  file: string | string[],
  {
    jobs = ['--jobs', '2'],
    env = SPLIT_SMALL_FILES,
    today = '2026-01-01',
    formats = ['json'],
    via = 'main',
  }: Comparison = {},
): Promise<void> {
  const run = via === 'bin' ? runBin : runCli;
  // A file the planner would not split would compare one thread with itself.
  expect([file].flat().some((path) => planCsvSplit(path, 2) !== undefined)).toBe(true);
  const args = [...[file].flat(), '--today', today, '--terminated', '2021-06-30'];
  for (const format of formats) {
    const alone = await run([...args, '--format', format, '--jobs', '1'], { env });
    const split = await run([...args, '--format', format, ...jobs], { env });
    expect(split.stderr).toBe(alone.stderr);
    expect(split.code).toBe(alone.code);
    // Both reports are sorted by file, line and rule: identical, line for line.
    expect(split.stdout).toBe(alone.stdout);
  }
}

/** The generated export with `edit` applied to its lines (header included, as line 0), as another file. */
export function variant(
  source: string,
  name: string,
  edit: (lines: string[]) => string[],
  encoding: BufferEncoding = 'utf8',
): string {
  const lines = readFileSync(source, 'utf8').split('\n');
  const out = join(dirname(source), name);
  writeFileSync(out, edit(lines).join('\n'), encoding);
  return out;
}
