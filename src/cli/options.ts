/**
 * The check command's option values, read and checked before any file is opened: a wrong value
 * is one usage error (exit 2), not a problem repeated for every file.
 */
import iconv from 'iconv-lite';
import type { RuleLevel } from '../engine/config.js';
import { parseLevel } from '../engine/config.js';
import type { KnownTermination } from '../engine/engine.js';
import { FIELDS } from '../parse/csv/columns.js';
import type { DateOrder } from '../parse/values/dates.js';
import { parseDate } from '../parse/values/dates.js';
import type { InputOptions } from '../parse/index.js';
import { findRule } from '../rules/index.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

/** The check command's flags as commander gives them. */
export interface CheckFlags {
  format: string;
  output?: string;
  config?: string | false;
  rule?: string[];
  quiet?: boolean;
  maxWarnings?: string;
  exitZero?: boolean;
  terminated?: string[];
  delimiter?: string;
  encoding?: string;
  map?: string[];
  dateOrder?: string;
  color?: boolean;
  today?: string;
  jobs?: string;
  debug?: boolean;
}

/** A spinner on stderr only for a person watching a terminal: never in pipes, CI or with --quiet. */
/** A line this wide holds the spinner and the count. */
const MIN_PROGRESS_COLUMNS = 20;

export function wantsProgress(io: Pick<CliIo, 'stderr' | 'env'>, quiet: boolean): boolean {
  // A terminal of 0 columns (a pseudo-terminal nobody sized, as `script` or `docker -t` give) made
  // the spinner count its line as endless and clear it ever more times: gigabytes, then a hang.
  const columns = (io.stderr as { columns?: unknown }).columns;
  const wideEnough = typeof columns === 'number' && columns >= MIN_PROGRESS_COLUMNS;
  return (
    io.stderr.isTTY === true &&
    wideEnough &&
    !quiet &&
    (io.env.CI === undefined || io.env.CI === '' || io.env.CI === 'false')
  );
}

export function inputOptions(flags: CheckFlags): InputOptions {
  const columnMap = new Map<string, string>();
  for (const mapping of flags.map ?? []) {
    const [field, column] = splitAssignment(mapping, '--map', 'FIELD=COLUMN');
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map: unknown field "${field}" (fields: ${FIELDS.join(', ')})`);
    }
    columnMap.set(field, column);
  }
  if (flags.encoding !== undefined && !iconv.encodingExists(flags.encoding)) {
    throw new UsageError(`--encoding: unknown encoding "${flags.encoding}" (e.g. utf-8, windows-1252, utf-16le)`);
  }
  const delimiter = flags.delimiter === undefined ? undefined : parseDelimiter(flags.delimiter);
  return {
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(flags.encoding === undefined ? {} : { encoding: flags.encoding }),
    ...(columnMap.size === 0 ? {} : { columnMap }),
    ...(flags.dateOrder === undefined ? {} : { dateOrder: flags.dateOrder as DateOrder }),
  };
}

/** Names a shell cannot pass as one character easily; the help lists "tab". */
const DELIMITER_NAMES: ReadonlyMap<string, string> = new Map([
  ['tab', '\t'],
  ['\\t', '\t'],
  ['semicolon', ';'],
  ['comma', ','],
  ['pipe', '|'],
  ['space', ' '],
]);

/** One character that can separate CSV fields: never the quote, a line break or a character CSV cannot hold. */
export function parseDelimiter(text: string): string {
  const delimiter = DELIMITER_NAMES.get(text.toLowerCase()) ?? text;
  if ([...delimiter].length !== 1) {
    throw new UsageError(`--delimiter takes one character or tab, not "${text}"`);
  }
  if (delimiter === '"') throw new UsageError('--delimiter cannot be ", the character CSV quotes fields with');
  if (/[\r\n\0]/.test(delimiter)) throw new UsageError('--delimiter cannot be a line break or a NUL');
  return delimiter;
}

function splitAssignment(text: string, option: string, shape: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`${option} expects ${shape}, not "${text}"`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

export function parseRuleLevels(assignments: readonly string[]): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const assignment of assignments) {
    const [id, level] = splitAssignment(assignment, '--rule', 'ID=off|info|warning|error');
    if (findRule(id) === undefined)
      throw new UsageError(`--rule: unknown rule "${id}" (run billcheck rules for the list)`);
    try {
      levels.set(id, parseLevel(level, `--rule ${id}`, undefined));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return levels;
}

export function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings expects a whole number, not "${text}"`);
  const count = Number(text);
  // Past 2^53 the number is no longer exact; no run has that many warnings anyway.
  if (!Number.isSafeInteger(count)) {
    throw new UsageError(`--max-warnings ${text} is too large (at most ${Number.MAX_SAFE_INTEGER})`);
  }
  return count;
}

export function parseJobs(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 16)
    throw new UsageError(`--jobs expects a number from 1 to 16, not "${text}"`);
  return Number(text);
}

export function dateOrderOf(flags: CheckFlags): DateOrder | undefined {
  return flags.dateOrder as DateOrder | undefined;
}

export function parseIsoOption(option: string, text: string, order: DateOrder | undefined): string {
  const parsed = parseDate(text, order);
  if (!parsed.ok) throw new UsageError(`${option}: "${text}" is not a date (${parsed.reason})`);
  return parsed.iso;
}

/** `--terminated 2024-01-15` (every account) or `--terminated 0612345001=15/01/2024`. */
export function parseTermination(text: string, order: DateOrder | undefined): KnownTermination {
  const at = text.lastIndexOf('=');
  if (at !== -1 && text.slice(0, at).trim() === '') {
    throw new UsageError(
      `--terminated: no account before "=" in "${text}" (give ACCOUNT=DATE, or DATE alone for every account)`,
    );
  }
  const account = at > 0 ? text.slice(0, at).trim() : undefined;
  const date = parseIsoOption('--terminated', at > 0 ? text.slice(at + 1).trim() : text.trim(), order);
  return account === undefined ? { date } : { account, date };
}

/** --color / --no-color win; then NO_COLOR (which chalk ignores) and FORCE_COLOR; then whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}
