/**
 * The check command's option values, read and checked before any file is opened: a wrong value
 * is one usage error (exit 2), not a problem repeated for every file.
 */
import iconv from 'iconv-lite';
import type { RuleLevel } from '../engine/config.js';
import { parseLevel, RULE_LEVELS } from '../engine/config.js';
import type { KnownTermination } from '../engine/engine.js';
import { FIELDS } from '../parse/csv/columns.js';
import type { DateOrder } from '../parse/values/dates.js';
import { NOT_A_DATE, parseDate } from '../parse/values/dates.js';
import type { InputOptions } from '../parse/index.js';
import { findRule } from '../rules/index.js';
import type { CliIo } from './io.js';
import { usageError } from './io.js';

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
      throw usageError('map.unknownField', { field, fields: FIELDS.join(', ') });
    }
    columnMap.set(field, column);
  }
  if (flags.encoding !== undefined && !iconv.encodingExists(flags.encoding)) {
    throw usageError('encoding.unknown', { encoding: flags.encoding });
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
    throw usageError('delimiter.notOne', { text });
  }
  if (delimiter === '"') throw usageError('delimiter.quote');
  if (/[\r\n\0]/.test(delimiter)) throw usageError('delimiter.lineBreak');
  return delimiter;
}

function splitAssignment(text: string, option: string, shape: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw usageError('assignment.shape', { option, shape, text });
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

export function parseRuleLevels(assignments: readonly string[]): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const assignment of assignments) {
    const [id, level] = splitAssignment(assignment, '--rule', 'ID=off|info|warning|error');
    if (findRule(id) === undefined) throw usageError('rule.unknown', { id });
    if (!(RULE_LEVELS as readonly string[]).includes(level)) {
      throw usageError('rule.level', { id, level, levels: RULE_LEVELS.join(', ') });
    }
    levels.set(id, parseLevel(level, `--rule ${id}`, undefined));
  }
  return levels;
}

export function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw usageError('maxWarnings.notNumber', { text });
  const count = Number(text);
  // Past 2^53 the number is no longer exact; no run has that many warnings anyway.
  if (!Number.isSafeInteger(count)) {
    throw usageError('maxWarnings.tooLarge', { text, max: String(Number.MAX_SAFE_INTEGER) });
  }
  return count;
}

export function parseJobs(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 16) throw usageError('jobs.range', { text });
  return Number(text);
}

export function dateOrderOf(flags: CheckFlags): DateOrder | undefined {
  return flags.dateOrder as DateOrder | undefined;
}

/**
 * An option's date. A text with no date shape at all gets the form to write instead of the reason,
 * which would only say "not a date" again (tryout 7: "«bogus» is not a date (not a date)"); a
 * date that is wrong in one part says which ("month out of range").
 */
export function parseIsoOption(option: string, text: string, order: DateOrder | undefined): string {
  const parsed = parseDate(text, order);
  if (parsed.ok) return parsed.iso;
  if (parsed.reason === NOT_A_DATE) throw usageError('date.unreadable', { option, text });
  throw usageError('date.invalid', { option, text, reason: parsed.reason });
}

/** `--terminated 2024-01-15` (every account) or `--terminated 0612345001=15/01/2024`. */
export function parseTermination(text: string, order: DateOrder | undefined): KnownTermination {
  const at = text.lastIndexOf('=');
  if (at !== -1 && text.slice(0, at).trim() === '') {
    throw usageError('terminated.noAccount', { text });
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
