import { Chalk, type ChalkInstance } from 'chalk';
import type { AmountStyle, DocumentKind } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import { formatDate, formatMoney } from '../model/format.js';
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
}

/** Above this many accounts a reader needs to be told where to start. */
const MANY_ACCOUNTS = 10;
const WORST_ACCOUNTS_SHOWN = 5;

const LABEL_WIDTH = 'warning'.length;
const FINDING_INDENT = '    ';
const DETAIL_INDENT = ' '.repeat(FINDING_INDENT.length + LABEL_WIDTH + 2);

const KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  invoice: 'invoice',
  'credit-note': 'credit note',
  dunning: 'dunning letter',
  payment: 'payment',
  termination: 'termination',
};

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
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  let out: string[] = [];
  let sinceFlush = 0;
  const readings = readingLinesByFile(result.readings ?? [], paint);
  for (const [file, groups] of groupFindings(result.findings)) {
    out.push(paint.underline(printable(file)));
    for (const line of readings.get(file) ?? []) out.push(line);
    readings.delete(file);
    let first = true;
    for (const [account, findings] of groups) {
      if (account !== undefined) {
        if (!first) out.push('');
        out.push(`  ${paint.bold(accountHeading(account, options.stories?.accounts.get(account)))}`);
      }
      first = false;
      for (const finding of findings) {
        for (const line of renderFinding(finding, options.styles?.get(file), paint)) out.push(line);
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
    for (const line of renderStories(options.stories, result.findings, options.styles, paint)) out.push(line);
  }
  const parts = result.skippedParts ?? [];
  for (const part of parts)
    out.push(`${paint.dim('skipped'.padEnd(LABEL_WIDTH))}  ${printable(part.file)}: ${printable(part.reason)}`);
  if (parts.length > 0) out.push('');
  // Files without findings still say how they were read when it was not plain.
  for (const [file, lines] of readings) out.push(paint.underline(printable(file)), ...lines, '');
  if (options.listFatal !== false) {
    for (const problem of result.fatal) out.push(renderFatal(problem, paint));
    if (result.fatal.length > 0) out.push('');
  }
  const config = configLine(result, paint);
  if (config !== undefined) out.push(config);
  const skipped = skippedLine(result.skipped);
  if (skipped !== undefined) out.push(skipped);
  out.push(summaryLine(result, paint));
  const worst = worstAccountsLine(result.findings, result.summary);
  if (worst !== undefined) out.push(worst);
  yield `${out.join('\n')}\n`;
}

/**
 * The config that applied and what it changes, on one line; loud when it leaves no rule on (an
 * archive received from someone else may carry a config that silences every check).
 */
function configLine(result: CheckResult, paint: ChalkInstance): string | undefined {
  const { config } = result;
  if (config === undefined) return undefined;
  const file = printable(config.file);
  if (config.rulesOn === 0) {
    return paint.red.bold(`⚠ Config ${file} turns off every rule (${config.rulesTotal}): nothing was checked`);
  }
  const changes =
    config.changes.length === 0 ? 'no change from the defaults' : config.changes.map(printable).join(', ');
  const line = `Config ${file}: ${changes}`;
  return config.changes.some((change) => change.endsWith(' off')) ? paint.yellow(line) : paint.dim(line);
}

const SKIP_PHRASES: ReadonlyArray<[SkipReason, string, string]> = [
  ['extension', 'file billcheck does not read', 'files billcheck does not read'],
  ['hidden', 'hidden entry', 'hidden entries'],
  ['duplicate', 'link to a file or folder already read', 'links to files or folders already read'],
  [
    'special',
    'entry that is not a file (a device, pipe or socket)',
    'entries that are not files (devices, pipes, sockets)',
  ],
];

/** "Skipped 4 files billcheck does not read: .gz, .xlsx; 1 hidden entry: .git". */
export function skippedLine(skipped: SkipSummary | undefined): string | undefined {
  if (skipped === undefined || skipped.files === 0) return undefined;
  const parts: string[] = [];
  for (const [reason, one, many] of SKIP_PHRASES) {
    const count = skipped.byReason.get(reason) ?? 0;
    if (count === 0) continue;
    const names = reason === 'extension' ? skipped.extensions : reason === 'hidden' ? skipped.hidden : [];
    const more = reason === 'hidden' && names.length < count ? ', …' : '';
    const list = names.length === 0 ? '' : `: ${names.map(printable).join(', ')}${more}`;
    parts.push(`${count.toLocaleString('en-US')} ${count === 1 ? one : many}${list}`);
  }
  return `Skipped ${parts.join('; ')}`;
}

/**
 * Per file: one line saying how the columns were read when they were inferred beyond exact
 * names, then one line per notice (warnings name the columns and the `--map` that settles them).
 */
function readingLinesByFile(readings: readonly FileReading[], paint: ChalkInstance): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const reading of readings) {
    const lines: string[] = [];
    if (reading.inferred && reading.columns !== undefined) {
      const roles = reading.columns
        .filter((role) => role.field !== undefined)
        .map(
          (role) =>
            `${printable(role.column)} → ${role.field}${role.decidedBy === 'name' ? '' : ` (${role.decidedBy})`}`,
        );
      lines.push(`${FINDING_INDENT}${paint.blue('columns'.padEnd(LABEL_WIDTH))}  read as ${roles.join(', ')}`);
    }
    for (const notice of reading.notices) {
      const label =
        notice.level === 'warning'
          ? paint.yellow('warning'.padEnd(LABEL_WIDTH))
          : paint.blue('info'.padEnd(LABEL_WIDTH));
      const where = notice.line === undefined ? '' : `  ${paint.dim(`${printable(reading.file)}:${notice.line}`)}`;
      const map = notice.map === undefined ? '' : ` (${printable(notice.map)} settles it)`;
      lines.push(`${FINDING_INDENT}${label}  ${printable(notice.message)}${map}${where}`);
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

function severityLabel(severity: Severity, paint: ChalkInstance): string {
  const label = severity.padEnd(LABEL_WIDTH);
  if (severity === 'error') return paint.red(label);
  if (severity === 'warning') return paint.yellow(label);
  return paint.blue(label);
}

/** Two lines: what is wrong and which rule says so; then which document and where. */
function renderFinding(finding: Finding, style: AmountStyle | undefined, paint: ChalkInstance): string[] {
  const headline = `${FINDING_INDENT}${severityLabel(finding.severity, paint)}  ${printable(finding.message)}  ${paint.dim(finding.ruleId)}`;
  const document = describeDocument(finding, style);
  const place = location(finding);
  const details = document === undefined ? place : `${document}  ${place}`;
  return [headline, `${DETAIL_INDENT}${details}`];
}

function location(finding: Finding): string {
  const file = printable(finding.file);
  // Line 0 marks a fact that comes from no file line (e.g. a termination given on the command line).
  return finding.line > 0 ? `${file}:${finding.line}` : file;
}

/** "dunning letter MED-2024-031 of 2024-03-10, 0,01 €"; undefined for a finding about no document. */
function describeDocument(finding: Finding, style: AmountStyle | undefined): string | undefined {
  if (finding.documentKind === undefined && finding.documentId === undefined) return undefined;
  const parts: string[] = [];
  if (finding.documentKind !== undefined) parts.push(KIND_NAMES[finding.documentKind]);
  if (finding.documentId !== undefined) parts.push(printable(finding.documentId));
  if (finding.date !== undefined) parts.push(`of ${formatDate(finding.date, style)}`);
  let text = parts.join(' ');
  if (finding.amount !== undefined) text += `, ${writeAmount(finding.amount, finding.currency, style)}`;
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

function renderFatal(problem: FatalProblem, paint: ChalkInstance): string {
  return `${paint.red('fatal'.padEnd(LABEL_WIDTH))}  ${printable(problem.file)}: ${printable(problem.message)}`;
}

/** "1 file", "501,236 documents": the summary is English, so are its thousands separators. */
function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/**
 * "✖ 5 problems (4 errors, 1 warning) in 31 documents, 3 accounts, 1 file". A green ✔ only when
 * documents were checked and nothing was found; otherwise the line says what was not checked.
 */
function summaryLine(result: CheckResult, paint: ChalkInstance): string {
  const { summary } = result;
  const scope = `in ${plural(summary.documents, 'document')}, ${plural(summary.accounts, 'account')}, ${plural(summary.files, 'file')}`;
  const failed = result.fatal.length;
  const unchecked = failed === 0 ? '' : `; ${plural(failed, 'file')} could not be checked`;
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) {
    if (failed > 0 && summary.files === 0)
      return paint.red.bold(`✖ ${plural(failed, 'file')} could not be checked; nothing was checked`);
    if (summary.documents === 0) {
      const what = `No documents found in ${plural(summary.files, 'file')} (${plural(summary.rows, 'data row')}): nothing was checked`;
      return failed > 0
        ? paint.red.bold(`✖ ${plural(failed, 'file')} could not be checked; ${what}`)
        : paint.yellow.bold(`⚠ ${what}`);
    }
    if (failed > 0) return paint.red.bold(`✖ ${plural(failed, 'file')} could not be checked; no problems ${scope}`);
    if (result.config?.rulesOn === 0) return paint.red.bold(`⚠ No rule is on: ${scope.slice(3)} read, none checked`);
    return paint.green(`✔ No problems ${scope}`);
  }
  const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos > 0) counts.push(plural(summary.infos, 'info'));
  const line = `✖ ${plural(problems, 'problem')} (${counts.join(', ')}) ${scope}${unchecked}`;
  if (summary.errors > 0 || failed > 0) return paint.red.bold(line);
  return summary.warnings > 0 ? paint.yellow.bold(line) : paint.blue.bold(line);
}

/** With many accounts, the few that need attention first: most errors, then first seen. */
function worstAccountsLine(findings: readonly Finding[], summary: Summary): string | undefined {
  if (summary.accounts <= MANY_ACCOUNTS) return undefined;
  const errors = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.account === undefined) continue;
    errors.set(finding.account, (errors.get(finding.account) ?? 0) + 1);
  }
  if (errors.size === 0) return undefined;
  // A stable sort keeps first-seen order among accounts with as many errors.
  const worst = [...errors].sort((a, b) => b[1] - a[1]).slice(0, WORST_ACCOUNTS_SHOWN);
  return `  Worst accounts: ${worst.map(([account, count]) => `${printable(account)} (${plural(count, 'error')})`).join(', ')}`;
}
