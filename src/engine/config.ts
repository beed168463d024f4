import type { SenderDetails } from '../report/letter/sender.js';
import { SenderFileError, senderFromConfig } from '../report/letter/sender.js';
import { open, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';
import type { ConfiguredRule } from './engine.js';
import type { AnyRule, OptionValue, RuleOptions } from './rule.js';
import { isLang, LANGS, type Lang } from '../i18n/lang.js';

export const CONFIG_FILE_NAME = 'billcheck.config.json';

export type RuleLevel = Severity | 'off';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', ...SEVERITIES];

export interface RuleSetting {
  readonly level?: RuleLevel;
  readonly options?: ReadonlyMap<string, OptionValue>;
}

/** A validated config file: per-rule severity and options. */
export interface BillcheckConfig {
  /** Where it was read from; undefined for the built-in defaults. */
  readonly file?: string;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  /** `letter.from`: the customer's own details for `billcheck letter` (`--from FILE` replaces them). */
  readonly letterFrom?: SenderDetails;
  /** The language of reports (issue 20); `--lang` wins over it, it wins over the locale. */
  readonly lang?: Lang;
}

export const EMPTY_CONFIG: BillcheckConfig = { rules: new Map() };

/** A config problem: the CLI prints it on one line and exits with 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string | undefined,
    message: string,
  ) {
    super(file === undefined ? message : `${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** billcheck.config.json in `cwd` or the nearest folder above it, like ESLint's and Prettier's lookup. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let folder = resolve(cwd);
  for (;;) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A config is a few hundred bytes; `--config /dev/zero` must not read forever. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const CONFIG_READ_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['EISDIR', 'is a directory'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ELOOP', 'symbolic links that point to each other in a loop'],
  ['ENOTDIR', 'a part of the path is not a directory'],
]);

export async function loadConfigFile(file: string, rules: readonly AnyRule[]): Promise<BillcheckConfig> {
  let bytes: Buffer;
  try {
    bytes = await readAtMost(file, MAX_CONFIG_BYTES + 1);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const known = code === undefined ? undefined : CONFIG_READ_ERRORS.get(code);
    const reason = known ?? `error ${code ?? (error as Error).message}`;
    throw new ConfigError(file, `cannot read the config file: ${reason}`);
  }
  if (bytes.length > MAX_CONFIG_BYTES)
    throw new ConfigError(file, 'a config file larger than 1 MB: not a billcheck config');
  return parseConfig(bytes.toString('utf8'), file, rules);
}

/** The first `limit` bytes of a file, by reads from its start: a device or a pipe has no size to check first. */
async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Parses and validates a config text; every problem names the key at fault. */
export function parseConfig(text: string, file: string | undefined, rules: readonly AnyRule[]): BillcheckConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(raw)) throw new ConfigError(file, 'the config must be a JSON object');
  for (const key of Object.keys(raw)) {
    if (key !== '$schema' && key !== 'rules' && key !== 'letter' && key !== 'lang') {
      throw new ConfigError(file, `unknown key "${key}" (expected "rules", "letter" or "lang")`);
    }
  }
  if (raw.lang !== undefined && !isLang(raw.lang)) {
    throw new ConfigError(file, `"lang": "${String(raw.lang)}" is not a language of billcheck (${LANGS.join(', ')})`);
  }
  const letterFrom = parseLetter(raw.letter, file);
  const settings = new Map<string, RuleSetting>();
  // null is a wrong type like any other, not "no rules" (only an absent key means that).
  const rawRules = raw.rules === undefined ? {} : raw.rules;
  if (!isRecord(rawRules)) throw new ConfigError(file, '"rules" must be an object of rule id → severity or settings');
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const [id, value] of Object.entries(rawRules)) {
    const rule = byId.get(id);
    if (rule === undefined) throw new ConfigError(file, `unknown rule "${id}" (see \`billcheck rules\`)`);
    settings.set(id, parseRuleSetting(rule, value, file));
  }
  return {
    file,
    rules: settings,
    ...(letterFrom === undefined ? {} : { letterFrom }),
    ...(isLang(raw.lang) ? { lang: raw.lang } : {}),
  };
}

/** `"letter": { "from": { "name": …, "address": [ … ] } }`, checked as `--from` checks its file. */
function parseLetter(value: unknown, file: string | undefined): SenderDetails | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new ConfigError(file, '"letter" must be an object with "from"');
  for (const key of Object.keys(value))
    if (key !== 'from') throw new ConfigError(file, `letter: unknown key "${key}" (expected "from")`);
  if (value.from === undefined) return undefined;
  try {
    return senderFromConfig(value.from);
  } catch (error) {
    if (error instanceof SenderFileError) throw new ConfigError(file, `letter.from: ${error.message}`);
    throw error;
  }
}

/** A rule's setting: "warning", or { "severity": "warning", "options": { … } }, or ["warning", { … }]. */
function parseRuleSetting(rule: AnyRule, value: unknown, file: string | undefined): RuleSetting {
  if (typeof value === 'string') return { level: parseLevel(value, `rules.${rule.id}`, file) };
  let level: unknown;
  let options: unknown;
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 2) {
      throw new ConfigError(file, `rules.${rule.id}: expected [severity] or [severity, options]`);
    }
    [level, options] = value;
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (key !== 'severity' && key !== 'options') {
        throw new ConfigError(file, `rules.${rule.id}: unknown key "${key}" (expected "severity" or "options")`);
      }
    }
    level = value.severity;
    options = value.options;
  } else {
    throw new ConfigError(file, `rules.${rule.id}: expected a severity (${RULE_LEVELS.join(', ')}) or an object`);
  }
  return {
    level: level === undefined ? undefined : parseLevel(level, `rules.${rule.id}.severity`, file),
    options: options === undefined ? undefined : parseOptions(rule, options, file),
  };
}

export function parseLevel(value: unknown, where: string, file: string | undefined): RuleLevel {
  if (typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value)) return value as RuleLevel;
  throw new ConfigError(file, `${where}: "${String(value)}" is not a severity (${RULE_LEVELS.join(', ')})`);
}

function parseOptions(rule: AnyRule, value: unknown, file: string | undefined): ReadonlyMap<string, OptionValue> {
  const where = `rules.${rule.id}.options`;
  if (!isRecord(value)) throw new ConfigError(file, `${where}: expected an object`);
  const defaults: RuleOptions = rule.options;
  const options = new Map<string, OptionValue>();
  for (const [name, given] of Object.entries(value)) {
    if (!Object.hasOwn(defaults, name)) {
      const known = Object.keys(defaults);
      throw new ConfigError(
        file,
        `${where}: unknown option "${name}" (${known.length > 0 ? `known: ${known.join(', ')}` : 'this rule has no options'})`,
      );
    }
    options.set(name, coerceOption(defaults[name] as OptionValue, given, `${where}.${name}`, file));
  }
  const problem = rule.validateOptions?.({ ...rule.options, ...Object.fromEntries(options) });
  if (problem !== undefined) throw new ConfigError(file, `${where}: ${problem}`);
  return options;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** An option takes the type of its default; amounts are decimal strings ("10000.00" or 10000). */
function coerceOption(defaultValue: OptionValue, given: unknown, where: string, file: string | undefined): OptionValue {
  if (typeof defaultValue === 'string' && DECIMAL_TEXT.test(defaultValue)) {
    // JSON numbers are accepted for convenience; integers and short decimals print back exactly.
    const text = typeof given === 'number' && Number.isFinite(given) ? String(given) : given;
    if (typeof text === 'string' && DECIMAL_TEXT.test(text)) return text;
    throw new ConfigError(file, `${where}: expected a decimal amount such as "${defaultValue}"`);
  }
  if (Array.isArray(defaultValue)) {
    if (
      Array.isArray(given) &&
      given.every((item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))
    ) {
      return given.map((item) => String(item));
    }
    throw new ConfigError(file, `${where}: expected a list of strings`);
  }
  if (typeof given !== typeof defaultValue || (typeof given === 'number' && !Number.isFinite(given))) {
    throw new ConfigError(file, `${where}: expected a ${typeof defaultValue}`);
  }
  return given as OptionValue;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The rules of one run: defaults, then the config file, then `--rule ID=LEVEL` from the command
 * line, which wins. Rules set to "off" are left out.
 */
export function configureRules(
  rules: readonly AnyRule[],
  config: BillcheckConfig,
  commandLine: ReadonlyMap<string, RuleLevel> = new Map(),
): ConfiguredRule[] {
  const configured: ConfiguredRule[] = [];
  for (const rule of rules) {
    const setting = config.rules.get(rule.id);
    const level = commandLine.get(rule.id) ?? setting?.level ?? rule.severity;
    if (level === 'off') continue;
    const options: Record<string, OptionValue> = Object.create(null);
    Object.assign(options, rule.options);
    for (const [name, value] of setting?.options ?? []) options[name] = value;
    configured.push({ rule, severity: level, options: Object.freeze(options) });
  }
  return configured;
}
