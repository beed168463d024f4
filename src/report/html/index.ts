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
import { writeMoney } from './values.js';
import type { Lang } from '../../i18n/lang.js';
import { pageWords, type PageWords } from '../../i18n/html.js';
import { TRANSLATIONS } from '../../i18n/catalogue.js';
import { wordsFor } from '../../i18n/words.js';
import { readerText } from '../../i18n/reader.js';

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
  /** The page's language: its own words, counts, dates and the rules' explanations (default English). */
  readonly lang?: Lang;
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
  const w = pageWords(options.lang ?? 'en');
  const styles = options.styles ?? result.histories?.styles;
  const summary = summarizeFindings(result.findings, TOP_ACCOUNTS);
  const byAccount = groupByAccount(result.findings);
  const histories = result.histories;
  const charted =
    histories === undefined ? undefined : chooseCharted(histories, byAccount, options.maxCharts ?? MAX_CHARTS);
  const anchors = charted?.anchors ?? new Map<string, string>();

  yield head(w);
  yield overview(result, w);
  yield countsSection(result, w);
  yield rulesSection(summary.rules, summary.atStakeOverall, styles, w);
  yield accountsSummary(summary.topAccounts, summary.accountsWithFindings, anchors, w);
  yield unreadableSection(result, summary.unreadable, w);

  yield `<h2 id="accounts">${w.say('accounts.title')}</h2>\n`;
  if (histories === undefined || charted === undefined) {
    yield `<p class="muted">${w.say('accounts.none')}</p>\n`;
  } else {
    yield legend(w);
    yield chartNotices(histories, charted, w);
    yield* accountSections(histories, charted, byAccount, styles, w);
  }

  yield `<h2 id="table">${w.say('table.title')} <small>(${w.count('finding', result.findings.length)})</small></h2>\n`;
  if (result.findings.length === 0) yield `<p>${w.say('table.none')}</p>\n`;
  else
    yield* findingsTable(result.findings, {
      styles,
      anchors,
      ruleIds: summary.rules.map((r) => r.ruleId).sort(),
      words: w,
    });

  yield explanations(options.rules, new Set(summary.rules.map((r) => r.ruleId)), w);
  yield `<script>${SCRIPT}</script>\n</body></html>\n`;
}

function head(w: PageWords): string {
  return (
    `<!DOCTYPE html>\n<html lang="${w.lang}"><head><meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${w.say('title')}</title><style>${STYLE}</style></head><body>\n` +
    // The dot drawn at every bill of every chart, defined once.
    '<svg width="0" height="0" aria-hidden="true" class="defs"><defs><marker id="dot" viewBox="0 0 6 6" refX="3" refY="3" ' +
    'markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse"><circle cx="3" cy="3" r="2.6" fill="#1f5fa8"/></marker></defs></svg>\n'
  );
}

function unchecked(files: number, w: PageWords): string {
  return files === 0 ? '' : w.say('verdict.unchecked', { files: w.count('file', files) });
}

function overview(result: CheckResult, w: PageWords): string {
  const { summary } = result;
  const problems = summary.errors + summary.warnings + summary.infos;
  const verdict = result.valid
    ? `<p class="verdict ok">${
        problems > 0 ? w.say('verdict.okBelow', { findings: w.count('finding', problems) }) : w.say('verdict.ok')
      }</p>`
    : `<p class="verdict bad">${w.say('verdict.bad', { problems: w.count('problem', problems) })}${unchecked(result.fatal.length, w)}</p>`;
  const scope = w.say('scope', {
    files: w.count('file', summary.files),
    documents: w.count('document', summary.documents),
    rows: w.count('row', summary.rows),
    accounts: w.count('account', summary.accounts),
  });
  return `<header><h1>${w.say('title')}</h1>${verdict}<p class="muted">${scope}</p></header>\n`;
}

function countsSection(result: CheckResult, w: PageWords): string {
  const { summary } = result;
  // "1 alerte", "0 erreur" in French; "1 warning", "0 errors" in English.
  const one = (count: number): boolean => (w.lang === 'fr' ? count < 2 : count === 1);
  const item = (id: string, count: number, label: string): string =>
    `<li id="count-${id}"><b>${w.number(count)}</b>${label}</li>`;
  return (
    `<h2 id="summary">${w.say('summary.title')}</h2><ul class="counts">` +
    item('errors', summary.errors, w.say(one(summary.errors) ? 'summary.error' : 'summary.errors')) +
    item('warnings', summary.warnings, w.say(one(summary.warnings) ? 'summary.warning' : 'summary.warnings')) +
    item('infos', summary.infos, w.say(one(summary.infos) ? 'summary.info' : 'summary.infos')) +
    item('fatal', result.fatal.length, w.say(one(result.fatal.length) ? 'summary.fatalOne' : 'summary.fatal')) +
    item('documents', summary.documents, w.say(one(summary.documents) ? 'summary.document' : 'summary.documents')) +
    item('rows', summary.rows, w.say(one(summary.rows) ? 'summary.row' : 'summary.rows')) +
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
  w: PageWords,
): string {
  if (rules.length === 0) return `<p>${w.say('byRule.none')}</p>\n`;
  const severityNames = wordsFor(w.lang).report.severity;
  const header =
    `<table id="by-rule"><thead><tr><th>${w.say('byRule.rule')}</th><th class="n">${w.say('byRule.findings')}</th>` +
    SEVERITIES.map((s) => `<th class="n">${severityNames[s]}</th>`).join('') +
    `<th class="n">${w.say('byRule.atStake')}</th></tr></thead><tbody>`;
  const rows = rules.map((rule) => {
    const severities = SEVERITIES.map((s) => `<td class="n">${w.number(rule.bySeverity.get(s) ?? 0)}</td>`).join('');
    const unknown =
      rule.withoutAmount > 0
        ? `<br><small>${w.say('byRule.withoutAmount', { documents: w.count('document', rule.withoutAmount) })}</small>`
        : '';
    const stake =
      rule.ruleId === INVALID_INPUT
        ? `<small>${w.say('byRule.unread')}</small>`
        : moneyList(rule.atStake, styles) + unknown;
    return (
      `<tr data-rule="${escapeHtml(rule.ruleId)}"><td><a href="#rule-${escapeHtml(rule.ruleId)}">${escapeHtml(rule.ruleId)}</a></td>` +
      `<td class="n">${w.number(rule.findings)}</td>${severities}<td class="n">${stake}</td></tr>`
    );
  });
  const total =
    overall.size === 0
      ? ''
      : `<tfoot><tr><th colspan="${2 + SEVERITIES.length}">${w.say('byRule.overall')}</th>` +
        `<td class="n" id="at-stake">${moneyList(overall, styles)}</td></tr></tfoot>`;
  return (
    `<h3>${w.say('byRule.title')}</h3>${header}${rows.join('')}</tbody>${total}</table>\n` +
    `<p class="muted">${w.say('byRule.note')}</p>\n`
  );
}

function accountsSummary(
  top: readonly AccountTally[],
  withFindings: number,
  anchors: ReadonlyMap<string, string>,
  w: PageWords,
): string {
  if (top.length === 0) return '';
  const items = top.map((tally) => {
    const anchor = anchors.get(tally.account);
    const name = anchor === undefined ? isolated(tally.account) : `<a href="#${anchor}">${isolated(tally.account)}</a>`;
    const counts = w.say('top.item', {
      findings: w.count('finding', tally.findings),
      errors: w.count('error', tally.errors),
    });
    return `<li>${name}${w.say('colon')}${counts}</li>`;
  });
  const heading =
    `<h3>${w.say('top.title')} ` +
    `<small>(${w.say('top.withFindings', { accounts: w.count('account', withFindings) })})</small></h3>`;
  return `${heading}<ol id="top-accounts">${items.join('')}</ol>\n`;
}

function unreadableSection(result: CheckResult, unreadable: readonly Finding[], w: PageWords): string {
  const parts: string[] = [`<h3 id="unread">${w.say('unread.title')}</h3>`];
  // How the readers were unsure: a column decided against its name, a key column missing…
  const warnings = (result.readings ?? []).flatMap((reading) =>
    reading.notices.filter((notice) => notice.level === 'warning'),
  );
  if (result.fatal.length === 0 && unreadable.length === 0 && warnings.length === 0)
    return `${parts[0]}<p>${w.say('unread.allRead')}</p>\n`;
  const say = (text: string): string => escapeHtml(readerText(text, w.lang));
  if (result.fatal.length > 0) {
    parts.push(`<p>${w.say('unread.fatal', { files: w.count('file', result.fatal.length) })}</p><ul id="fatal">`);
    for (const problem of result.fatal) parts.push(`<li>${isolated(problem.file)}: ${say(problem.message)}</li>`);
    parts.push('</ul>');
  }
  if (unreadable.length > 0) {
    const rows = w.count('rowOrText', unreadable.length);
    parts.push(`<p>${w.say('unread.invalid', { rows, rule: INVALID_INPUT })}</p><ul id="invalid">`);
    for (const finding of unreadable.slice(0, UNREADABLE_LISTED)) {
      parts.push(
        `<li>${isolated(finding.file)}${finding.line > 0 ? `:${finding.line}` : ''}: ${escapeHtml(finding.message)}</li>`,
      );
    }
    if (unreadable.length > UNREADABLE_LISTED)
      parts.push(
        `<li>${w.say('unread.moreInTable', { more: w.count('more', unreadable.length - UNREADABLE_LISTED) })}</li>`,
      );
    parts.push('</ul>');
  }
  if (warnings.length > 0) {
    parts.push(`<p>${w.say('unread.reading', { warnings: w.count('warning', warnings.length) })}</p><ul id="reading">`);
    for (const notice of warnings.slice(0, UNREADABLE_LISTED)) {
      const map =
        notice.map === undefined
          ? ''
          : ` (${w.say('unread.settles', { map: `<code>${escapeHtml(notice.map)}</code>` })})`;
      const where = notice.line === undefined ? '' : `:${notice.line}`;
      parts.push(`<li>${isolated(notice.file)}${where}: ${say(notice.message)}${map}</li>`);
    }
    if (warnings.length > UNREADABLE_LISTED) {
      parts.push(`<li>${w.say('unread.more', { more: w.count('more', warnings.length - UNREADABLE_LISTED) })}</li>`);
    }
    parts.push('</ul>');
  }
  return `${parts.join('')}\n`;
}

function legend(w: PageWords): string {
  const icon = (body: string): string =>
    `<svg width="16" height="16" viewBox="0 0 16 16" class="chart icon" aria-hidden="true">${body}</svg>`;
  return (
    '<ul class="legend">' +
    `<li>${icon('<path class="bills" d="M1 11L8 7L15 9"/>')} ${w.say('legend.bills')}</li>` +
    `<li>${icon('<path class="median" d="M1 10H15"/>')} ${w.say('legend.median')}</li>` +
    `<li>${icon('<g class="flag"><circle cx="8" cy="8" r="6"/></g>')} ${w.say('legend.flag')}</li>` +
    `<li>${icon('<path class="k-cn" d="M8 3l5 9H3z"/>')} ${w.say('legend.creditNote')}</li>` +
    `<li>${icon('<path class="k-pay" d="M4 4h8v8H4z"/>')} ${w.say('legend.payment')}</li>` +
    `<li>${icon('<path class="k-dun" d="M8 2l5 6-5 6-5-6z"/>')} ${w.say('legend.dunning')}</li>` +
    `<li>${icon('<path class="k-end" d="M4 4l8 8m0-8l-8 8"/>')} ${w.say('legend.termination')}</li>` +
    `<li>${icon('<circle class="k-inv" cx="8" cy="8" r="4"/>')} ${w.say('legend.noTotal')}</li>` +
    '</ul>\n'
  );
}

function chartNotices(
  histories: NonNullable<CheckResult['histories']>,
  charted: ChartedAccounts,
  w: PageWords,
): string {
  const notices: string[] = [];
  if (charted.order.length === 0) notices.push(w.say('notice.nothingToDraw'));
  if (charted.singleDocument > 0)
    notices.push(w.say('notice.singleDocument', { accounts: w.count('account', charted.singleDocument) }));
  if (charted.beyondLimit > 0) {
    notices.push(
      w.say('notice.beyondLimit', {
        more: w.count('moreAccount', charted.beyondLimit),
        accounts: w.count('account', charted.order.length),
      }),
    );
  }
  if (histories.dropped > 0) {
    notices.push(
      w.say('notice.dropped', {
        accounts: w.count('account', histories.incomplete.size),
        documents: w.count('document', histories.dropped),
      }),
    );
  }
  return notices.map((text) => `<p class="notice">${text}</p>\n`).join('');
}

/** A rule's description and docs in the page's language (English, the rule's own, when none is catalogued). */
function explained(rule: RuleExplanation, lang: Lang): Pick<RuleExplanation, 'description' | 'docs'> {
  if (lang === 'en') return rule;
  const catalogue = TRANSLATIONS[lang];
  const texts = Object.hasOwn(catalogue, rule.id) ? catalogue[rule.id] : undefined;
  return texts === undefined ? rule : { description: texts.description, docs: texts.docs };
}

function explanations(rules: readonly RuleExplanation[], used: ReadonlySet<string>, w: PageWords): string {
  const command = `<code>${w.say('rules.command')}</code>`;
  const parts = [
    `<h2 id="rules">${w.say('rules.title')}</h2><p class="muted">${w.say('rules.intro', { command })}</p>\n`,
  ];
  if (used.has(INVALID_INPUT)) {
    parts.push(
      `<details class="doc"><summary><b>${INVALID_INPUT}</b>${w.say('colon')}${w.say('rules.invalidInput')}</summary><div id="rule-${INVALID_INPUT}">` +
        `<p>${w.say('rules.why', { text: w.say('rules.invalidWhy') })}</p>` +
        `<p>${w.say('rules.whatToDo', { text: w.say('rules.invalidWhatToDo') })}</p></div></details>\n`,
    );
  }
  const severityNames = wordsFor(w.lang).report.severity;
  for (const rule of rules) {
    if (!used.has(rule.id)) continue;
    const { description, docs } = explained(rule, w.lang);
    const basis = docs.basis === undefined ? '' : `<p>${w.say('rules.basis', { text: escapeHtml(docs.basis) })}</p>`;
    const byDefault = w.say('rules.byDefault', { severity: severityNames[rule.severity] });
    // The anchor is inside the closed <details>: following a link to it opens the explanation.
    parts.push(
      `<details class="doc"><summary><b>${escapeHtml(rule.id)}</b> (${byDefault})${w.say('colon')}${escapeHtml(description)}</summary>` +
        `<div id="rule-${escapeHtml(rule.id)}"><p>${w.say('rules.why', { text: escapeHtml(docs.why) })}</p>` +
        `<p>${w.say('rules.whatToDo', { text: escapeHtml(docs.whatToDo) })}</p>${basis}</div></details>\n`,
    );
  }
  return parts.join('');
}
