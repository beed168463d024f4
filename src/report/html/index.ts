import type { AmountStyle } from '../../model/document.js';
import type { Finding, Severity } from '../../model/finding.js';
import { INVALID_INPUT, SEVERITIES } from '../../model/finding.js';
import type { CheckResult } from '../result.js';
import { accountSections, type ChartedAccounts, chooseCharted, groupByAccount, MAX_CHARTS } from './accounts.js';
import { escapeHtml, isolated } from './escape.js';
import { SCRIPT, cspHash } from './script.js';
import { STYLE } from './styles.js';
import type { AccountTally, AmountsByCurrency, RuleTally } from './summary.js';
import { summarizeFindings } from './summary.js';
import { findingsTable } from './table.js';
import { plural, writeMoney } from './values.js';

export { HistoryCollector, MAX_HISTORY_DOCUMENTS, type AccountHistories, type HistoryPoint } from './histories.js';

/** What the page says of each rule: the same words as `billcheck explain`. */
export interface RuleExplanation {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly docs: { readonly why: string; readonly whatToDo: string; readonly basis?: string };
}

export interface HtmlReportOptions {
  /** The rules, for the explanations the table links to (a reporter reads no rule module itself). */
  readonly rules: readonly RuleExplanation[];
  /** How each file wrote its amounts and dates, so that the page writes them back the same way. */
  readonly styles?: ReadonlyMap<string, AmountStyle>;
  /** At most this many accounts are drawn (default MAX_CHARTS). */
  readonly maxCharts?: number;
}

const TOP_ACCOUNTS = 10;
const UNREADABLE_LISTED = 50;

const CSP = [
  "default-src 'none'",
  `style-src ${cspHash(STYLE)}`,
  `script-src ${cspHash(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The report as one self-contained page: summary first, then each account's history drawn,
 * then the findings table and the rules' explanations. Pure, and yielded in pieces (a chart,
 * a few hundred rows) so that a large report is written as a stream, never held as one string.
 */
export function* renderHtml(result: CheckResult, options: HtmlReportOptions): Generator<string> {
  const styles = options.styles ?? result.histories?.styles;
  const summary = summarizeFindings(result.findings, TOP_ACCOUNTS);
  const byAccount = groupByAccount(result.findings);
  const histories = result.histories;
  const charted =
    histories === undefined ? undefined : chooseCharted(histories, byAccount, options.maxCharts ?? MAX_CHARTS);
  const anchors = charted?.anchors ?? new Map<string, string>();

  yield head();
  yield overview(result);
  yield countsSection(result);
  yield rulesSection(summary.rules, summary.atStakeOverall, styles);
  yield accountsSummary(summary.topAccounts, summary.accountsWithFindings, anchors);
  yield unreadableSection(result, summary.unreadable);

  yield '<h2 id="accounts">Account histories</h2>\n';
  if (histories === undefined || charted === undefined) {
    yield '<p class="muted">No account histories were collected for this report.</p>\n';
  } else {
    yield legend();
    yield chartNotices(histories, charted);
    yield* accountSections(histories, charted, byAccount, styles);
  }

  yield `<h2 id="table">Findings <small>(${plural(result.findings.length, 'finding')})</small></h2>\n`;
  if (result.findings.length === 0) yield '<p>No findings.</p>\n';
  else yield* findingsTable(result.findings, { styles, anchors, ruleIds: summary.rules.map((r) => r.ruleId).sort() });

  yield explanations(options.rules, new Set(summary.rules.map((r) => r.ruleId)));
  yield `<script>${SCRIPT}</script>\n</body></html>\n`;
}

function head(): string {
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>billcheck report</title><style>${STYLE}</style></head><body>\n` +
    // The dot drawn at every bill of every chart, defined once.
    '<svg width="0" height="0" aria-hidden="true" class="defs"><defs><marker id="dot" viewBox="0 0 6 6" refX="3" refY="3" ' +
    'markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse"><circle cx="3" cy="3" r="2.6" fill="#1f5fa8"/></marker></defs></svg>\n'
  );
}

function unchecked(files: number): string {
  return files === 0 ? '' : `; ${plural(files, 'file')} could not be checked`;
}

function overview(result: CheckResult): string {
  const { summary } = result;
  const problems = summary.errors + summary.warnings + summary.infos;
  const verdict = result.valid
    ? `<p class="verdict ok">✔ No errors${problems > 0 ? ` (${plural(problems, 'finding')} below errors)` : ''}</p>`
    : `<p class="verdict bad">✖ ${plural(problems, 'problem')}${unchecked(result.fatal.length)}</p>`;
  const scope =
    `${plural(summary.files, 'file')}, ${plural(summary.documents, 'document')}, ${plural(summary.rows, 'row')} read, ` +
    `${plural(summary.accounts, 'account')}`;
  return `<header><h1>billcheck report</h1>${verdict}<p class="muted">${scope}</p></header>\n`;
}

function countsSection(result: CheckResult): string {
  const { summary } = result;
  const item = (id: string, count: number, label: string): string =>
    `<li id="count-${id}"><b>${count.toLocaleString('en-US')}</b>${label}</li>`;
  return (
    '<h2 id="summary">Summary</h2><ul class="counts">' +
    item('errors', summary.errors, 'errors') +
    item('warnings', summary.warnings, 'warnings') +
    item('infos', summary.infos, 'infos') +
    item('fatal', result.fatal.length, 'files not checked') +
    item('documents', summary.documents, 'documents') +
    item('rows', summary.rows, 'rows') +
    '</ul>\n'
  );
}

function moneyList(amounts: AmountsByCurrency, styles: ReadonlyMap<string, AmountStyle> | undefined): string {
  if (amounts.size === 0) return '';
  // One style for the whole summary: the first file's, as a person who gave one file expects.
  const style = styles?.values().next().value;
  return [...amounts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amount]) => writeMoney(amount, currency === '' ? undefined : currency, style))
    .join('<br>');
}

function rulesSection(
  rules: readonly RuleTally[],
  overall: AmountsByCurrency,
  styles: ReadonlyMap<string, AmountStyle> | undefined,
): string {
  if (rules.length === 0) return '<p>No rule flagged anything.</p>\n';
  const header =
    '<table id="by-rule"><thead><tr><th>Rule</th><th class="n">Findings</th>' +
    SEVERITIES.map((s) => `<th class="n">${s}</th>`).join('') +
    '<th class="n">Money at stake</th></tr></thead><tbody>';
  const rows = rules.map((rule) => {
    const severities = SEVERITIES.map(
      (s) => `<td class="n">${(rule.bySeverity.get(s) ?? 0).toLocaleString('en-US')}</td>`,
    ).join('');
    const unknown =
      rule.withoutAmount > 0 ? `<br><small>+ ${plural(rule.withoutAmount, 'document')} without amount</small>` : '';
    const stake = rule.ruleId === INVALID_INPUT ? '<small>unread</small>' : moneyList(rule.atStake, styles) + unknown;
    return (
      `<tr data-rule="${escapeHtml(rule.ruleId)}"><td><a href="#rule-${escapeHtml(rule.ruleId)}">${escapeHtml(rule.ruleId)}</a></td>` +
      `<td class="n">${rule.findings.toLocaleString('en-US')}</td>${severities}<td class="n">${stake}</td></tr>`
    );
  });
  const total =
    overall.size === 0
      ? ''
      : `<tfoot><tr><th colspan="${2 + SEVERITIES.length}">Every flagged document once</th>` +
        `<td class="n" id="at-stake">${moneyList(overall, styles)}</td></tr></tfoot>`;
  return (
    `<h3>By rule</h3>${header}${rows.join('')}</tbody>${total}</table>\n` +
    '<p class="muted">Money at stake: the amounts of the documents each rule flagged, each document once, per currency.</p>\n'
  );
}

function accountsSummary(
  top: readonly AccountTally[],
  withFindings: number,
  anchors: ReadonlyMap<string, string>,
): string {
  if (top.length === 0) return '';
  const items = top.map((tally) => {
    const anchor = anchors.get(tally.account);
    const name = anchor === undefined ? isolated(tally.account) : `<a href="#${anchor}">${isolated(tally.account)}</a>`;
    return `<li>${name}: ${plural(tally.findings, 'finding')} (${plural(tally.errors, 'error')})</li>`;
  });
  const heading = `<h3>Accounts with the most findings <small>(${plural(withFindings, 'account')} with findings)</small></h3>`;
  return `${heading}<ol id="top-accounts">${items.join('')}</ol>\n`;
}

function unreadableSection(result: CheckResult, unreadable: readonly Finding[]): string {
  const parts: string[] = ['<h3 id="unread">What could not be read</h3>'];
  // How the readers were unsure: a column decided against its name, a key column missing…
  const warnings = (result.readings ?? []).flatMap((reading) =>
    reading.notices.filter((notice) => notice.level === 'warning'),
  );
  if (result.fatal.length === 0 && unreadable.length === 0 && warnings.length === 0)
    return `${parts[0]}<p>Every file was checked and every row read.</p>\n`;
  if (result.fatal.length > 0) {
    parts.push(`<p>${plural(result.fatal.length, 'file')} could not be checked:</p><ul id="fatal">`);
    for (const problem of result.fatal)
      parts.push(`<li>${isolated(problem.file)}: ${escapeHtml(problem.message)}</li>`);
    parts.push('</ul>');
  }
  if (unreadable.length > 0) {
    parts.push(
      `<p>${plural(unreadable.length, 'row or text', 'rows or texts')} could not be read (rule ${INVALID_INPUT}, also in the table):</p><ul id="invalid">`,
    );
    for (const finding of unreadable.slice(0, UNREADABLE_LISTED)) {
      parts.push(
        `<li>${isolated(finding.file)}${finding.line > 0 ? `:${finding.line}` : ''}: ${escapeHtml(finding.message)}</li>`,
      );
    }
    if (unreadable.length > UNREADABLE_LISTED)
      parts.push(`<li>… and ${plural(unreadable.length - UNREADABLE_LISTED, 'more')} in the table.</li>`);
    parts.push('</ul>');
  }
  if (warnings.length > 0) {
    parts.push(`<p>${plural(warnings.length, 'warning')} about how files were read:</p><ul id="reading">`);
    for (const notice of warnings.slice(0, UNREADABLE_LISTED)) {
      const map = notice.map === undefined ? '' : ` (<code>${escapeHtml(notice.map)}</code> settles it)`;
      const where = notice.line === undefined ? '' : `:${notice.line}`;
      parts.push(`<li>${isolated(notice.file)}${where}: ${escapeHtml(notice.message)}${map}</li>`);
    }
    if (warnings.length > UNREADABLE_LISTED) {
      parts.push(`<li>… and ${plural(warnings.length - UNREADABLE_LISTED, 'more')}.</li>`);
    }
    parts.push('</ul>');
  }
  return `${parts.join('')}\n`;
}

function legend(): string {
  const icon = (body: string): string =>
    `<svg width="16" height="16" viewBox="0 0 16 16" class="chart icon" aria-hidden="true">${body}</svg>`;
  return (
    '<ul class="legend">' +
    `<li>${icon('<path class="bills" d="M1 11L8 7L15 9"/>')} bills (totals)</li>` +
    `<li>${icon('<path class="median" d="M1 10H15"/>')} median of the earlier bills</li>` +
    `<li>${icon('<g class="flag"><circle cx="8" cy="8" r="6"/></g>')} flagged, labelled with its rules</li>` +
    `<li>${icon('<path class="k-cn" d="M8 3l5 9H3z"/>')} credit note</li>` +
    `<li>${icon('<path class="k-pay" d="M4 4h8v8H4z"/>')} payment</li>` +
    `<li>${icon('<path class="k-dun" d="M8 2l5 6-5 6-5-6z"/>')} dunning letter</li>` +
    `<li>${icon('<path class="k-end" d="M4 4l8 8m0-8l-8 8"/>')} termination (dashed line: effective date)</li>` +
    `<li>${icon('<circle class="k-inv" cx="8" cy="8" r="4"/>')} bill without a total</li>` +
    '</ul>\n'
  );
}

function chartNotices(histories: NonNullable<CheckResult['histories']>, charted: ChartedAccounts): string {
  const notices: string[] = [];
  if (charted.order.length === 0) notices.push('No account has two documents or more: nothing to draw.');
  if (charted.singleDocument > 0)
    notices.push(`${plural(charted.singleDocument, 'account')} with one document: no chart.`);
  if (charted.beyondLimit > 0) {
    notices.push(
      `${plural(charted.beyondLimit, 'more account')} not drawn: the page draws the ` +
        `${plural(charted.order.length, 'account')} with the most findings; all findings are in the table.`,
    );
  }
  if (histories.dropped > 0) {
    notices.push(
      `${plural(histories.incomplete.size, 'account')} not drawn: ${plural(histories.dropped, 'document')} ` +
        "came after the report's limit of documents kept for charts.",
    );
  }
  return notices.map((text) => `<p class="notice">${text}</p>\n`).join('');
}

function explanations(rules: readonly RuleExplanation[], used: ReadonlySet<string>): string {
  const parts = [
    '<h2 id="rules">Rules</h2><p class="muted">Why each rule matters and what to do (as <code>billcheck explain RULE</code> prints it).</p>\n',
  ];
  if (used.has(INVALID_INPUT)) {
    parts.push(
      `<details class="doc"><summary><b>${INVALID_INPUT}</b>: a row or text that could not be read</summary><div id="rule-${INVALID_INPUT}">` +
        '<p>Why: billcheck never drops what it cannot read; such a row is reported with its file, line and the reason.</p>' +
        '<p>What to do: correct the export or tell billcheck how to read the column (--map, --date-order, --delimiter).</p></div></details>\n',
    );
  }
  for (const rule of rules) {
    if (!used.has(rule.id)) continue;
    const basis = rule.docs.basis === undefined ? '' : `<p>Basis: ${escapeHtml(rule.docs.basis)}</p>`;
    // The anchor is inside the closed <details>: following a link to it opens the explanation.
    parts.push(
      `<details class="doc"><summary><b>${escapeHtml(rule.id)}</b> (${rule.severity} by default): ${escapeHtml(rule.description)}</summary>` +
        `<div id="rule-${escapeHtml(rule.id)}"><p>Why: ${escapeHtml(rule.docs.why)}</p>` +
        `<p>What to do: ${escapeHtml(rule.docs.whatToDo)}</p>${basis}</div></details>\n`,
    );
  }
  return parts.join('');
}
