import { Chalk, type ChalkInstance } from 'chalk';
import type { ReservedRule } from '../engine/reserved-rules.js';
import type { AnyRule, OptionValue } from '../engine/rule.js';
import type { Severity } from '../model/finding.js';

/** Prose is wrapped to fit an 80-column terminal. */
const WRAP_WIDTH = 78;

function paintSeverity(severity: Severity, paint: ChalkInstance): (text: string) => string {
  if (severity === 'error') return paint.red;
  if (severity === 'warning') return paint.yellow;
  return paint.blue;
}

/** What the listing and the explanation read of a rule: a rule file's, or a rule the engine reports itself. */
type Listed = Pick<AnyRule, 'id' | 'severity' | 'description' | 'docs' | 'options' | 'messages'> & {
  readonly scope: string;
};

/** `billcheck rules`: one row per rule, columns aligned; the reserved rules (invalid-input) last. */
export function renderRulesText(
  rules: readonly AnyRule[],
  color: boolean,
  reserved: readonly ReservedRule[] = [],
): string {
  const listed: readonly Listed[] = [...rules, ...reserved];
  const paint = new Chalk({ level: color ? 1 : 0 });
  const header = ['Rule', 'Severity', 'Scope', 'Description'] as const;
  const idWidth = Math.max(header[0].length, ...listed.map((rule) => rule.id.length));
  const severityWidth = Math.max(header[1].length, 'warning'.length);
  const scopeWidth = Math.max(header[2].length, 'document'.length);
  const row = (id: string, severity: string, scope: string, description: string): string =>
    `${id.padEnd(idWidth)}  ${severity.padEnd(severityWidth)}  ${scope.padEnd(scopeWidth)}  ${description}`.trimEnd();
  const lines = [paint.bold(row(...header))];
  for (const rule of listed) {
    // Padding is applied before coloring so that escape codes do not count as width.
    const severity = paintSeverity(rule.severity, paint)(rule.severity.padEnd(severityWidth));
    lines.push(`${rule.id.padEnd(idWidth)}  ${severity}  ${rule.scope.padEnd(scopeWidth)}  ${rule.description}`);
  }
  return `${lines.join('\n')}\n`;
}

function optionsJson(options: Readonly<Record<string, OptionValue>>): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(options)) out[name] = value;
  return out;
}

/** `billcheck rules --format json`; the reserved rules under their own key, since no config can set them. */
export function renderRulesJson(rules: readonly AnyRule[], reserved: readonly ReservedRule[] = []): string {
  const list = rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    scope: rule.scope,
    description: rule.description,
    options: optionsJson(rule.options),
  }));
  const reservedList = reserved.map(({ id, severity, scope, description }) => ({ id, severity, scope, description }));
  const report =
    reserved.length === 0 ? { version: 1, rules: list } : { version: 1, rules: list, reserved: reservedList };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Greedy word wrap; a word longer than the width keeps its own line. */
export function wrap(text: string, indent: string, width = WRAP_WIDTH): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (current !== '' && indent.length + current.length + 1 + word.length > width) {
      lines.push(indent + current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(indent + current);
  return lines;
}

function optionText(value: OptionValue): string {
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * The first message with the option defaults filled in, and the other placeholders shown as
 * <name>: an example has no document to take an amount from, and inventing one would mislead.
 */
export function exampleMessage(rule: Listed): string | undefined {
  const template = Object.values(rule.messages as Record<string, string>)[0];
  if (template === undefined) return undefined;
  const options = rule.options as Readonly<Record<string, OptionValue>>;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_placeholder, name: string) =>
    Object.hasOwn(options, name) ? optionText(options[name] as OptionValue) : `<${name}>`,
  );
}

/** `billcheck explain RULE-ID`: what it flags, why it matters, what to do, basis, options, an example. */
export function renderExplain(rule: Listed, color: boolean): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const heading = (text: string): string => paint.bold(text);
  const severity = paintSeverity(rule.severity, paint)(rule.severity);
  const out: string[] = [
    `${paint.bold(rule.id)}  (${severity} by default, ${rule.scope} rule)`,
    '',
    ...wrap(rule.description, ''),
    '',
    heading('Why it matters'),
    ...wrap(rule.docs.why, '  '),
    '',
    heading('What to do'),
    ...wrap(rule.docs.whatToDo, '  '),
  ];
  if (rule.docs.basis !== undefined) out.push('', heading('Basis'), ...wrap(rule.docs.basis, '  '));
  const options = Object.entries(rule.options as Readonly<Record<string, OptionValue>>);
  if (options.length > 0) {
    out.push('', heading('Options'));
    for (const [name, value] of options) {
      out.push(`  ${name} ${paint.dim(`(default: ${JSON.stringify(value)})`)}`);
      const doc = rule.docs.options?.[name];
      if (doc !== undefined) out.push(...wrap(doc, '    '));
    }
  }
  const example = exampleMessage(rule);
  if (example !== undefined) {
    out.push(
      '',
      heading('Example'),
      `  ${paintSeverity(rule.severity, paint)(rule.severity)}  ${example}  ${paint.dim(rule.id)}`,
    );
  }
  return `${out.join('\n')}\n`;
}
