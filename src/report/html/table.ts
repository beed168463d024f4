import type { AmountStyle } from '../../model/document.js';
import type { Finding } from '../../model/finding.js';
import { SEVERITIES } from '../../model/finding.js';
import { escapeHtml } from './escape.js';
import { KIND_NAMES, writeAmountText, writeDate } from './values.js';

/** Rows are yielded this many at a time: pieces of a few tens of kilobytes, never the whole table at once. */
const ROWS_PER_PIECE = 200;

export interface TableContext {
  readonly styles: ReadonlyMap<string, AmountStyle> | undefined;
  /** Anchors of the charted accounts: their cell links to the chart. */
  readonly anchors: ReadonlyMap<string, string>;
  readonly ruleIds: readonly string[];
}

/**
 * The findings table. The filters above it stay hidden unless the page's script runs; the
 * columns the script sorts by carry `data-sort` (and amounts an exact `data-k` key).
 */
export function* findingsTable(findings: readonly Finding[], context: TableContext): Generator<string> {
  yield filters(context.ruleIds);
  yield (
    '<div id="table-wrap"><table id="findings"><colgroup>' +
    '<col class="c-sev"><col class="c-rule"><col class="c-acct"><col class="c-msg">' +
    '<col class="c-doc"><col class="c-date"><col class="c-amt"><col class="c-where"></colgroup>' +
    '<thead><tr><th data-sort="severity">Severity</th><th data-sort="text">Rule</th>' +
    '<th data-sort="text">Account</th><th>Message</th><th data-sort="text">Document</th><th data-sort="text">Date</th>' +
    '<th class="n" data-sort="amount">Amount</th><th data-sort="text">Where</th></tr></thead><tbody>\n'
  );
  let piece: string[] = [];
  for (const finding of findings) {
    piece.push(row(finding, context));
    if (piece.length === ROWS_PER_PIECE) {
      yield piece.join('');
      piece = [];
    }
  }
  if (piece.length > 0) yield piece.join('');
  yield '</tbody></table></div>\n';
}

function filters(ruleIds: readonly string[]): string {
  const ruleOptions = ruleIds.map((id) => `<option>${escapeHtml(id)}</option>`).join('');
  const severityOptions = SEVERITIES.map((s) => `<option>${s}</option>`).join('');
  return (
    '<div id="filters" hidden>' +
    `<label>Rule <select id="f-rule"><option value="">all rules</option>${ruleOptions}</select></label>` +
    `<label>Severity <select id="f-severity"><option value="">all</option>${severityOptions}</select></label>` +
    '<label>Account <input id="f-account" type="search" placeholder="part of an account"></label>' +
    '<output id="f-shown" aria-live="polite"></output></div>\n'
  );
}

function row(finding: Finding, context: TableContext): string {
  const style = context.styles?.get(finding.file);
  const anchor = finding.account === undefined ? undefined : context.anchors.get(finding.account);
  const account = finding.account === undefined ? '' : escapeHtml(finding.account);
  const accountCell = anchor === undefined ? account : `<a href="#${anchor}">${account}</a>`;
  const kind = finding.documentKind === undefined ? '' : KIND_NAMES[finding.documentKind];
  const id = finding.documentId === undefined ? '' : escapeHtml(finding.documentId);
  const document = kind !== '' && id !== '' ? `${kind} ${id}` : kind + id;
  const amount = writeAmountText(finding.amount, finding.currency, style);
  const amountCell =
    amount === undefined
      ? '<td class="n"></td>'
      : `<td class="n" data-k="${escapeHtml(finding.amount as string)}">${amount}</td>`;
  // Line 0 marks a fact that comes from no file line (a termination given on the command line).
  const where = finding.line > 0 ? `${escapeHtml(finding.file)}:${finding.line}` : escapeHtml(finding.file);
  const rule = escapeHtml(finding.ruleId);
  return (
    `<tr><td class="sev-${finding.severity}">${finding.severity}</td><td><a href="#rule-${rule}">${rule}</a></td>` +
    `<td>${accountCell}</td><td>${escapeHtml(finding.message)}</td><td>${document}</td>` +
    `<td>${finding.date === undefined ? '' : writeDate(finding.date, style)}</td>${amountCell}<td>${where}</td></tr>\n`
  );
}
