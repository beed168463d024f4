import type { AmountStyle } from '../../model/document.js';
import type { Finding } from '../../model/finding.js';
import { SEVERITIES } from '../../model/finding.js';
import { escapeHtml } from './escape.js';
import { writeAmountText } from './values.js';
import type { PageWords } from '../../i18n/html.js';
import { wordsFor } from '../../i18n/words.js';

/** Rows are yielded this many at a time: pieces of a few tens of kilobytes, never the whole table at once. */
const ROWS_PER_PIECE = 200;

export interface TableContext {
  readonly styles: ReadonlyMap<string, AmountStyle> | undefined;
  /** Anchors of the charted accounts: their cell links to the chart. */
  readonly anchors: ReadonlyMap<string, string>;
  readonly ruleIds: readonly string[];
  readonly words: PageWords;
}

/**
 * The findings table. The filters above it stay hidden unless the page's script runs; the
 * columns the script sorts by carry `data-sort` (and amounts an exact `data-k` key).
 */
export function* findingsTable(findings: readonly Finding[], context: TableContext): Generator<string> {
  const w = context.words;
  yield filters(context.ruleIds, w);
  yield (
    '<div id="table-wrap"><table id="findings"><colgroup>' +
    '<col class="c-sev"><col class="c-rule"><col class="c-acct"><col class="c-msg">' +
    '<col class="c-doc"><col class="c-date"><col class="c-amt"><col class="c-where"></colgroup>' +
    `<thead><tr><th data-sort="severity">${w.say('table.severity')}</th><th data-sort="text">${w.say('table.rule')}</th>` +
    `<th data-sort="text">${w.say('table.account')}</th><th>${w.say('table.message')}</th>` +
    `<th data-sort="text">${w.say('table.document')}</th><th data-sort="text">${w.say('table.date')}</th>` +
    `<th class="n" data-sort="amount">${w.say('table.amount')}</th><th data-sort="text">${w.say('table.where')}</th>` +
    '</tr></thead><tbody>\n'
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

function filters(ruleIds: readonly string[], w: PageWords): string {
  const ruleOptions = ruleIds.map((id) => `<option>${escapeHtml(id)}</option>`).join('');
  // The value is the severity's id, which the script compares with each row's data-k.
  const names = wordsFor(w.lang).report.severity;
  const severityOptions = SEVERITIES.map((s) => `<option value="${s}">${names[s]}</option>`).join('');
  return (
    '<div id="filters" hidden>' +
    `<label>${w.say('filter.rule')} <select id="f-rule"><option value="">${w.say('filter.allRules')}</option>${ruleOptions}</select></label>` +
    `<label>${w.say('filter.severity')} <select id="f-severity"><option value="">${w.say('filter.all')}</option>${severityOptions}</select></label>` +
    `<label>${w.say('filter.account')} <input id="f-account" type="search" placeholder="${w.say('filter.accountPlaceholder')}"></label>` +
    `<output id="f-shown" aria-live="polite" data-template="${escapeHtml(w.say('filter.shown'))}"></output></div>\n`
  );
}

function row(finding: Finding, context: TableContext): string {
  const style = context.styles?.get(finding.file);
  const anchor = finding.account === undefined ? undefined : context.anchors.get(finding.account);
  const account = finding.account === undefined ? '' : escapeHtml(finding.account);
  const accountCell = anchor === undefined ? account : `<a href="#${anchor}">${account}</a>`;
  const w = context.words;
  const kind = finding.documentKind === undefined ? '' : wordsFor(w.lang).report.kinds[finding.documentKind];
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
    `<tr><td class="sev-${finding.severity}" data-k="${finding.severity}">${wordsFor(w.lang).report.severity[finding.severity]}</td>` +
    `<td><a href="#rule-${rule}">${rule}</a></td>` +
    `<td>${accountCell}</td><td>${escapeHtml(finding.message)}</td><td>${document}</td>` +
    `<td>${finding.date === undefined ? '' : reportDate(finding.date, w)}</td>${amountCell}<td>${where}</td></tr>\n`
  );
}

/** A date in the report's one notation, whatever its file wrote; the script sorts by the ISO datetime. */
function reportDate(iso: string, w: PageWords): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(w.date(iso))}</time>`;
}
