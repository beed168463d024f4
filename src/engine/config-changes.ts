/**
 * What a config file changes from the defaults, said in a few words per change. A config found
 * upwards from the current folder may come with a folder received from someone else: the report
 * must show that it applied, and above all when it silenced checks.
 */
import type { ConfigReport } from '../report/result.js';
import type { BillcheckConfig, RuleLevel } from './config.js';
import type { AnyRule, OptionValue } from './rule.js';

const show = (value: OptionValue): string => (Array.isArray(value) ? `[${value.join(', ')}]` : String(value));

/** The config report of a run: the file, its changes, and how many rules stay on once `--rule` has had its say. */
export function describeConfig(
  rules: readonly AnyRule[],
  config: BillcheckConfig & { readonly file: string },
  commandLine: ReadonlyMap<string, RuleLevel> = new Map(),
): ConfigReport {
  const changes: string[] = [];
  let rulesOn = 0;
  for (const rule of rules) {
    const setting = config.rules.get(rule.id);
    const level = setting?.level;
    if (level !== undefined && level !== rule.severity) {
      changes.push(level === 'off' ? `${rule.id} off` : `${rule.id} ${rule.severity} → ${level}`);
    }
    for (const [name, value] of setting?.options ?? []) {
      const before = (rule.options as Readonly<Record<string, OptionValue>>)[name];
      if (before !== undefined && show(before) === show(value)) continue;
      changes.push(`${rule.id}.${name} ${before === undefined ? '?' : show(before)} → ${show(value)}`);
    }
    if ((commandLine.get(rule.id) ?? level ?? rule.severity) !== 'off') rulesOn++;
  }
  // The letter's sender details: named by key, never by value (they are the person's own).
  const from = config.letterFrom === undefined ? [] : Object.keys(config.letterFrom);
  if (from.length > 0) changes.push(`letter.from: ${from.join(', ')}`);
  return { file: config.file, changes, rulesOn, rulesTotal: rules.length };
}
