import { Chalk, type ChalkInstance } from 'chalk';
import type { AmountStyle } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import { formatMoney } from '../model/format.js';
import { formatCount, formatReportDate, languageAmountStyle } from '../i18n/format.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { readerText } from '../i18n/reader.js';
import { type Counted, type ReportWords, wordsFor } from '../i18n/words.js';
import { Money } from '../model/money.js';
import type { CheckResult, FatalProblem, FileReading, SkipReason, SkipSummary, Summary } from './result.js';
import { printable } from './sanitize.js';
import { accountHeading, renderStories, type Stories } from './stories.js';

export interface TextReportOptions {
  readonly color: boolean;
  /** How each file wrote its amounts, so that a document's amount is written back the same way. */
  readonly styles?: ReadonlyMap<string, AmountStyle>;
  /** List the files that could not be checked (default true); false when stderr, on the same screen, already did. */
  readonly listFatal?: boolean;
  /** Each account's documents, told as a story when they come from several files (issue 13). */
  readonly stories?: Stories;
  /** The report's language: its labels, summary, counts and dates (default English). */
  readonly lang?: Lang;
}

/** What every line of one report shares: its colors, its language and its words. */
interface Voice {
  readonly paint: ChalkInstance;
  readonly lang: Lang;
  readonly words: ReportWords;
  /** Severity and other labels are padded to the longest one of the language. */
  readonly labelWidth: number;
}

function voiceOf(options: TextReportOptions): Voice {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = wordsFor(lang).report;
  const labels = [...Object.values(words.severity), words.fatal, words.skipped, words.columns];
  return {
    paint: new Chalk({ level: options.color ? 1 : 0 }),
    lang,
    words,
    labelWidth: Math.max(...labels.map((label) => label.length)),
  };
}

/** Above this many accounts a reader needs to be told where to start. */
const MANY_ACCOUNTS = 10;
const WORST_ACCOUNTS_SHOWN = 5;

const FINDING_INDENT = '    ';

/**
 * The report for a person, in the manner of ESLint's "stylish": findings grouped by file, then
 * account, then a summary line. Every string that comes from the input goes through printable().
 */
export function renderText(result: CheckResult, options: TextReportOptions): string {
  return [...renderTextPieces(result, options)].join('');
}

/** Files grouped per piece: a report of a million findings is never built as one string. */
const FINDINGS_PER_PIECE = 512;

/** The same report in pieces (each a few lines), for writing as a stream. */
export function* renderTextPieces(result: CheckResult, options: TextReportOptions): Generator<string> {
  const voice = voiceOf(options);
  const { paint, words } = voice;
  let out: string[] = [];
  let sinceFlush = 0;
  const readings = readingLinesByFile(result.readings ?? [], voice);
  for (const [file, groups] of groupFindings(result.findings)) {
    out.push(paint.underline(printable(file)));
    for (const line of readings.get(file) ?? []) out.push(line);
    readings.delete(file);
    let first = true;
    for (const [account, findings] of groups) {
      if (account !== undefined) {
        if (!first) out.push('');
        out.push(`  ${paint.bold(accountHeading(account, options.stories?.accounts.get(account), words))}`);
      }
      first = false;
      for (const finding of findings) {
        for (const line of renderFinding(finding, options.styles?.get(file), voice)) out.push(line);
        if (++sinceFlush >= FINDINGS_PER_PIECE) {
          yield `${out.join('\n')}\n`;
          out = [];
          sinceFlush = 0;
        }
      }
    }
    out.push('');
  }
  if (options.stories !== undefined) {
    for (const line of renderStories(options.stories, result.findings, options.styles, paint, voice.lang)) {
      out.push(line);
    }
  }
  const parts = result.skippedParts ?? [];
  for (const part of parts)
    out.push(
      `${paint.dim(words.skipped.padEnd(voice.labelWidth))}  ${printable(part.file)}: ${printable(readerText(part.reason, voice.lang))}`,
    );
  if (parts.length > 0) out.push('');
  // Files without findings still say how they were read when it was not plain.
  for (const [file, lines] of readings) out.push(paint.underline(printable(file)), ...lines, '');
  if (options.listFatal !== false) {
    for (const problem of result.fatal) out.push(renderFatal(problem, voice));
    if (result.fatal.length > 0) out.push('');
  }
  const config = configLine(result, voice);
  if (config !== undefined) out.push(config);
  const skipped = skippedLine(result.skipped, voice.lang);
  if (skipped !== undefined) out.push(skipped);
  out.push(summaryLine(result, voice));
  const worst = worstAccountsLine(result.findings, result.summary, voice);
  if (worst !== undefined) out.push(worst);
  yield `${out.join('\n')}\n`;
}

/**
 * The config that applied and what it changes, on one line; loud when it leaves no rule on (an
 * archive received from someone else may carry a config that silences every check).
 */
function configLine(result: CheckResult, { paint, words, lang }: Voice): string | undefined {
  const { config } = result;
  if (config === undefined) return undefined;
  const file = printable(config.file);
  if (config.rulesOn === 0) {
    return paint.red.bold(words.configOff(file, formatCount(config.rulesTotal, lang)));
  }
  const changes = config.changes.length === 0 ? words.configNoChange : config.changes.map(printable).join(', ');
  const line = words.configLine(file, changes);
  return config.changes.some((change) => change.endsWith(' off')) ? paint.yellow(line) : paint.dim(line);
}

const SKIP_REASONS: readonly SkipReason[] = ['extension', 'hidden', 'duplicate', 'special'];

/** "Skipped 4 files billcheck does not read: .gz, .xlsx; 1 hidden entry: .git". */
export function skippedLine(skipped: SkipSummary | undefined, lang: Lang = DEFAULT_LANG): string | undefined {
  if (skipped === undefined || skipped.files === 0) return undefined;
  const words = wordsFor(lang).report;
  const parts: string[] = [];
  for (const reason of SKIP_REASONS) {
    const count = skipped.byReason.get(reason) ?? 0;
    if (count === 0) continue;
    const names = reason === 'extension' ? skipped.extensions : reason === 'hidden' ? skipped.hidden : [];
    const more = reason === 'hidden' && names.length < count ? ', …' : '';
    const list = names.length === 0 ? '' : `: ${names.map(printable).join(', ')}${more}`;
    parts.push(`${words.skipReasons[reason](count, formatCount(count, lang))}${list}`);
  }
  return words.skippedLine(parts.join('; '));
}

/**
 * Per file: one line saying how the columns were read when they were inferred beyond exact
 * names, then one line per notice (warnings name the columns and the `--map` that settles them).
 */
function readingLinesByFile(readings: readonly FileReading[], voice: Voice): Map<string, string[]> {
  const { paint, words, labelWidth } = voice;
  const byFile = new Map<string, string[]>();
  for (const reading of readings) {
    const lines: string[] = [];
    if (reading.inferred && reading.columns !== undefined) {
      const roles = reading.columns
        .filter((role) => role.field !== undefined)
        .map(
          (role) =>
            `${printable(role.column)} → ${role.field}` +
            (role.decidedBy === undefined || role.decidedBy === 'name' ? '' : ` (${words.decidedBy[role.decidedBy]})`),
        );
      lines.push(`${FINDING_INDENT}${paint.blue(words.columns.padEnd(labelWidth))}  ${words.readAs(roles.join(', '))}`);
    }
    for (const notice of reading.notices) {
      const label =
        notice.level === 'warning'
          ? paint.yellow(words.severity.warning.padEnd(labelWidth))
          : paint.blue(words.severity.info.padEnd(labelWidth));
      const where = notice.line === undefined ? '' : `  ${paint.dim(`${printable(reading.file)}:${notice.line}`)}`;
      const map = notice.map === undefined ? '' : words.settles(printable(notice.map));
      const message = printable(readerText(notice.message, voice.lang));
      lines.push(`${FINDING_INDENT}${label}  ${message}${map}${where}`);
    }
    if (lines.length > 0) byFile.set(reading.file, lines);
  }
  return byFile;
}

type AccountGroups = Map<string | undefined, Finding[]>;

/**
 * Files in the order of their first finding (the result is sorted by file already); within a
 * file, the findings about no account (unreadable rows) first, then accounts by first finding.
 */
function groupFindings(findings: readonly Finding[]): Map<string, AccountGroups> {
  const files = new Map<string, AccountGroups>();
  for (const finding of findings) {
    let groups = files.get(finding.file);
    if (groups === undefined) {
      groups = new Map([[undefined, []]]);
      files.set(finding.file, groups);
    }
    let group = groups.get(finding.account);
    if (group === undefined) {
      group = [];
      groups.set(finding.account, group);
    }
    group.push(finding);
  }
  for (const groups of files.values()) {
    if (groups.get(undefined)?.length === 0) groups.delete(undefined);
    // A person reads an account's story in date order; undated findings keep their line order.
    for (const [account, group] of groups) if (account !== undefined) group.sort(byDateThenLine);
  }
  return files;
}

function byDateThenLine(a: Finding, b: Finding): number {
  if (a.date !== undefined && b.date !== undefined && a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.line - b.line;
}

function severityLabel(severity: Severity, { paint, words, labelWidth }: Voice): string {
  const label = words.severity[severity].padEnd(labelWidth);
  if (severity === 'error') return paint.red(label);
  if (severity === 'warning') return paint.yellow(label);
  return paint.blue(label);
}

/** Two lines: what is wrong and which rule says so; then which document and where. */
function renderFinding(finding: Finding, style: AmountStyle | undefined, voice: Voice): string[] {
  const { paint } = voice;
  const headline = `${FINDING_INDENT}${severityLabel(finding.severity, voice)}  ${printable(finding.message)}  ${paint.dim(finding.ruleId)}`;
  const document = describeDocument(finding, style, voice);
  const place = location(finding);
  const details = `${document === undefined ? place : `${document}  ${place}`}${alsoReadAt(finding, voice)}`;
  return [headline, `${' '.repeat(FINDING_INDENT.length + voice.labelWidth + 2)}${details}`];
}

/** A bill read twice (engine/copies.ts) names its other source: ", also read at export.csv:5". */
function alsoReadAt(finding: Finding, voice: Voice): string {
  const also = finding.evidence.alsoAt;
  const places = typeof also === 'string' ? [also] : Array.isArray(also) ? also.map(String) : [];
  return places.length === 0 ? '' : `, ${voice.words.alsoReadAt(places.map(printable).join(', '))}`;
}

function location(finding: Finding): string {
  const file = printable(finding.file);
  // Line 0 marks a fact that comes from no file line (e.g. a termination given on the command line).
  return finding.line > 0 ? `${file}:${finding.line}` : file;
}

/** "dunning letter MED-2024-031 of 2024-03-10, 0,01 €"; undefined for a finding about no document. */
function describeDocument(finding: Finding, style: AmountStyle | undefined, voice: Voice): string | undefined {
  if (finding.documentKind === undefined && finding.documentId === undefined) return undefined;
  const parts: string[] = [];
  if (finding.documentKind !== undefined) parts.push(voice.words.kinds[finding.documentKind]);
  if (finding.documentId !== undefined) parts.push(printable(finding.documentId));
  // One date notation for the whole report: a file's own (06/01/2024) would be June or January.
  if (finding.date !== undefined) parts.push(voice.words.ofDate(formatReportDate(finding.date, voice.lang)));
  let text = parts.join(' ');
  const amountStyle = style ?? languageAmountStyle(voice.lang);
  if (finding.amount !== undefined) text += `, ${writeAmount(finding.amount, finding.currency, amountStyle)}`;
  return text;
}

/** The amount as the file wrote amounts (as the messages write them when the style is unknown). */
function writeAmount(amount: string, currency: string | undefined, style: AmountStyle | undefined): string {
  const code = currency === undefined ? '' : ` ${printable(currency)}`;
  if (currency === undefined) return amount;
  let money: Money;
  try {
    money = Money.parse(amount);
  } catch {
    return `${printable(amount)}${code}`;
  }
  return formatMoney(money, currency, style);
}

function renderFatal(problem: FatalProblem, { paint, words, labelWidth, lang }: Voice): string {
  const message = printable(readerText(problem.message, lang));
  return `${paint.red(words.fatal.padEnd(labelWidth))}  ${printable(problem.file)}: ${message}`;
}

/** "1 file", "501,236 documents" (en), "501 236 documents" with U+202F (fr). */
function counted(noun: Counted, count: number, lang: Lang): string {
  return noun(count, formatCount(count, lang));
}

/**
 * "✖ 5 problems (4 errors, 1 warning) in 31 documents, 3 accounts, 1 file". A green ✔ only when
 * documents were checked and nothing was found; otherwise the line says what was not checked.
 */
function summaryLine(result: CheckResult, { paint, words, lang }: Voice): string {
  const { summary } = result;
  const n = (noun: Counted, count: number): string => counted(noun, count, lang);
  const scope = words.scope(
    n(words.documents, summary.documents),
    n(words.accounts, summary.accounts),
    n(words.files, summary.files),
  );
  const failed = result.fatal.length;
  const notChecked = words.couldNotBeChecked(n(words.files, failed), failed);
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) {
    if (failed > 0 && summary.files === 0) return paint.red.bold(`✖ ${notChecked}${words.then}${words.nothingChecked}`);
    if (summary.documents === 0) {
      const what = words.noDocuments(n(words.files, summary.files), n(words.dataRows, summary.rows));
      return failed > 0
        ? paint.red.bold(`✖ ${notChecked}${words.then}${lowerFirst(what)}`)
        : paint.yellow.bold(`⚠ ${what}`);
    }
    if (failed > 0) return paint.red.bold(`✖ ${notChecked}${words.then}${lowerFirst(words.noProblems(scope))}`);
    if (result.config?.rulesOn === 0) {
      return paint.red.bold(
        `⚠ ${words.noRuleOn(n(words.documents, summary.documents), n(words.accounts, summary.accounts), n(words.files, summary.files))}`,
      );
    }
    return paint.green(`✔ ${words.noProblems(scope)}`);
  }
  const counts = [n(words.errors, summary.errors), n(words.warnings, summary.warnings)];
  if (summary.infos > 0) counts.push(n(words.infos, summary.infos));
  const unchecked = failed === 0 ? '' : `${words.then}${notChecked}`;
  const line = `✖ ${words.problemsLine(n(words.problems, problems), counts.join(', '), scope)}${unchecked}`;
  if (summary.errors > 0 || failed > 0) return paint.red.bold(line);
  return summary.warnings > 0 ? paint.yellow.bold(line) : paint.blue.bold(line);
}

/** "No problems in …" after a semicolon: "; no problems in …". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** With many accounts, the few that need attention first: most errors, then first seen. */
function worstAccountsLine(findings: readonly Finding[], summary: Summary, voice: Voice): string | undefined {
  if (summary.accounts <= MANY_ACCOUNTS) return undefined;
  const errors = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.account === undefined) continue;
    errors.set(finding.account, (errors.get(finding.account) ?? 0) + 1);
  }
  if (errors.size === 0) return undefined;
  // A stable sort keeps first-seen order among accounts with as many errors.
  const worst = [...errors].sort((a, b) => b[1] - a[1]).slice(0, WORST_ACCOUNTS_SHOWN);
  const list = worst
    .map(([account, count]) => `${printable(account)} (${counted(voice.words.errors, count, voice.lang)})`)
    .join(', ');
  return `  ${voice.words.worstAccounts(list)}`;
}
