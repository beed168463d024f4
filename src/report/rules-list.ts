import { Chalk, type ChalkInstance } from 'chalk';
import type { ReservedRule } from '../engine/reserved-rules.js';
import type { AnyRule, OptionValue } from '../engine/rule.js';
import type { Severity } from '../model/finding.js';
import { formatMoney } from '../model/format.js';
import { Money } from '../model/money.js';
import { ruleTexts } from '../i18n/catalogue.js';
import { languageAmountStyle } from '../i18n/format.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { wordsFor } from '../i18n/words.js';

/** The terminal's width when unknown; prose stops two columns short of the edge. */
const DEFAULT_WIDTH = 80;

/** How `rules` and `explain` are written: in which language, for how wide a terminal. */
export interface ListingOptions {
  readonly lang?: Lang;
  /** Columns of the terminal (process.stdout.columns); 80 when unknown. */
  readonly width?: number;
}

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
  listing: ListingOptions = {},
): string {
  const lang = listing.lang ?? DEFAULT_LANG;
  const words = wordsFor(lang);
  const listed: readonly Listed[] = [...rules, ...reserved];
  const paint = new Chalk({ level: color ? 1 : 0 });
  const header = words.rules.header;
  const severities = Object.values(words.report.severity);
  const scopes = Object.values(words.rules.scopes);
  const idWidth = Math.max(header[0].length, ...listed.map((rule) => rule.id.length));
  const severityWidth = Math.max(header[1].length, ...severities.map((name) => name.length));
  const scopeWidth = Math.max(header[2].length, ...scopes.map((name) => name.length));
  const indent = ' '.repeat(idWidth + severityWidth + scopeWidth + 6);
  const width = listing.width ?? DEFAULT_WIDTH;
  // The description column wraps under itself; a terminal too narrow for it gets it on lines of its own.
  const narrow = width - indent.length < 30;
  const description = (text: string): string[] =>
    narrow
      ? ['', ...wrap(text, '  ', width - 1)]
      : wrap(text, indent, width - 1).map((line, i) => (i === 0 ? line.trimStart() : line));
  const row = (id: string, severity: string, scope: string): string =>
    `${id.padEnd(idWidth)}  ${severity}  ${scope.padEnd(scopeWidth)}  `;
  const lines = [paint.bold(`${row(header[0], header[1].padEnd(severityWidth), header[2])}${header[3]}`)];
  for (const rule of listed) {
    // Padding is applied before coloring so that escape codes do not count as width.
    const severity = paintSeverity(rule.severity, paint)(words.report.severity[rule.severity].padEnd(severityWidth));
    const scope = words.rules.scopes[rule.scope as keyof typeof words.rules.scopes] ?? rule.scope;
    const [first = '', ...rest] = description(ruleTexts(rule, lang).description);
    lines.push(`${row(rule.id, severity, scope)}${first}`.trimEnd(), ...rest);
  }
  return `${lines.join('\n')}\n`;
}

function optionsJson(options: Readonly<Record<string, OptionValue>>): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(options)) out[name] = value;
  return out;
}

/** `billcheck rules --format json`; the reserved rules under their own key, since no config can set them. */
export function renderRulesJson(
  rules: readonly AnyRule[],
  reserved: readonly ReservedRule[] = [],
  lang: Lang = DEFAULT_LANG,
): string {
  const list = rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    scope: rule.scope,
    description: ruleTexts(rule, lang).description,
    options: optionsJson(rule.options),
  }));
  const reservedList = reserved.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    scope: rule.scope,
    description: ruleTexts(rule, lang).description,
  }));
  const report =
    reserved.length === 0 ? { version: 1, rules: list } : { version: 1, rules: list, reserved: reservedList };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Greedy word wrap; a word longer than the width keeps its own line. Only ordinary spaces break a
 * line: a no-break space (French "20 %", "10 000,00 €") holds its neighbours together.
 */
export function wrap(text: string, indent: string, width = DEFAULT_WIDTH - 2): string[] {
  const lines: string[] = [];
  let current = '';
  // "149 000 €", "20 %" stay on one line: their spaces are held while the text is cut, then given back.
  const held = text.replace(/(\d) (?=\d{3}\b)/g, '$1\u0000').replace(/ (?=[€%])/g, '\u0000');
  for (const heldWord of held.split(/[ \t\n]+/).filter((w) => w !== '')) {
    const word = heldWord.replace(/\u0000/g, ' ');
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

/** Amount options are decimal strings with cents ("10000.00", "1.00"); rates and counts are not. */
const AMOUNT_OPTION = /^\d+\.\d{2}$/;

/** An option's default as a report writes it: an amount as "10 000,00 €" (fr) or "€10,000.00" (en). */
function optionText(value: OptionValue, lang: Lang): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' && AMOUNT_OPTION.test(value)) {
    return formatMoney(Money.parse(value), 'EUR', languageAmountStyle(lang));
  }
  return String(value);
}

/**
 * The first message with the option defaults filled in, and the other placeholders shown as
 * <name>: an example has no document to take an amount from, and inventing one would mislead.
 */
export function exampleMessage(rule: Listed, lang: Lang = DEFAULT_LANG): string | undefined {
  const template = Object.values(ruleTexts(rule, lang).messages)[0];
  if (template === undefined) return undefined;
  const options = rule.options as Readonly<Record<string, OptionValue>>;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_placeholder, name: string) =>
    Object.hasOwn(options, name) ? optionText(options[name] as OptionValue, lang) : `<${name}>`,
  );
}

/** `billcheck explain RULE-ID`: what it flags, why it matters, what to do, basis, options, an example. */
export function renderExplain(rule: Listed, color: boolean, listing: ListingOptions = {}): string {
  const lang = listing.lang ?? DEFAULT_LANG;
  const words = wordsFor(lang);
  const texts = ruleTexts(rule, lang);
  const width = (listing.width ?? DEFAULT_WIDTH) - 2;
  const paint = new Chalk({ level: color ? 1 : 0 });
  const heading = (text: string): string => paint.bold(text);
  const severityName = words.report.severity[rule.severity];
  const severity = paintSeverity(rule.severity, paint)(severityName);
  const scope = words.rules.scopes[rule.scope as keyof typeof words.rules.scopes] ?? rule.scope;
  const out: string[] = [
    `${paint.bold(rule.id)}  ${words.rules.byDefault(severity, scope)}`,
    '',
    ...wrap(texts.description, '', width),
    '',
    heading(words.rules.why),
    ...wrap(texts.docs.why, '  ', width),
    '',
    heading(words.rules.whatToDo),
    ...wrap(texts.docs.whatToDo, '  ', width),
  ];
  if (texts.docs.basis !== undefined) out.push('', heading(words.rules.basis), ...wrap(texts.docs.basis, '  ', width));
  const options = Object.entries(rule.options as Readonly<Record<string, OptionValue>>);
  if (options.length > 0) {
    out.push('', heading(words.rules.options));
    for (const [name, value] of options) {
      out.push(`  ${name} ${paint.dim(words.rules.defaultValue(JSON.stringify(value)))}`);
      const doc = texts.docs.options?.[name] ?? rule.docs.options?.[name];
      if (doc !== undefined) out.push(...wrap(doc, '    ', width));
    }
  }
  const example = exampleMessage(rule, lang);
  if (example !== undefined) {
    // One line, as the finding would be in a report.
    out.push('', heading(words.rules.example), `  ${severity}  ${example}  ${paint.dim(rule.id)}`);
  }
  return `${out.join('\n')}\n`;
}
