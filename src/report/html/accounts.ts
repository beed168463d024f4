import type { AmountStyle } from '../../model/document.js';
import type { Finding } from '../../model/finding.js';
import { drawAccountChart, pointKey } from './chart.js';
import { isolated } from './escape.js';
import type { AccountHistories } from './histories.js';
import type { PageWords } from '../../i18n/html.js';

/**
 * A chart is about 1.5 kB: 500 of them keep a report of 10 000 findings under 5 MB. Nobody
 * scrolls through more; the others' findings are all in the table, and the page says so.
 */
export const MAX_CHARTS = 500;

export interface ChartedAccounts {
  /** The anchor of each account drawn, for links from the summary and the table. */
  readonly anchors: ReadonlyMap<string, string>;
  /** The accounts to draw, in order: most findings first, then the others in reading order. */
  readonly order: readonly string[];
  readonly singleDocument: number;
  readonly beyondLimit: number;
}

/** Which accounts get a chart (two documents or more, at most `maxCharts`) and their anchors. */
export function chooseCharted(
  histories: AccountHistories,
  findingsByAccount: ReadonlyMap<string, readonly Finding[]>,
  maxCharts: number,
): ChartedAccounts {
  const drawable = [...histories.accounts].filter(
    ([account, points]) => points.length >= 2 && !histories.incomplete.has(account),
  );
  const singleDocument = [...histories.accounts.values()].filter((points) => points.length < 2).length;
  const count = (account: string): number => findingsByAccount.get(account)?.length ?? 0;
  // A stable sort keeps reading order among accounts with as many findings.
  const ranked = drawable.map(([account]) => account).sort((a, b) => count(b) - count(a));
  const order = ranked.slice(0, maxCharts);
  const anchors = new Map(order.map((account, i) => [account, `acct-${i + 1}`]));
  return { anchors, order, singleDocument, beyondLimit: ranked.length - order.length };
}

/** Findings by account, and per account the rule ids by flagged document. */
export function groupByAccount(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.account === undefined) continue;
    let group = groups.get(finding.account);
    if (group === undefined) {
      group = [];
      groups.set(finding.account, group);
    }
    group.push(finding);
  }
  return groups;
}

function flagsOf(findings: readonly Finding[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (const finding of findings) {
    // line 0: a fact from no file line (a termination given with --terminated), on no drawn document.
    if (finding.line <= 0) continue;
    const key = pointKey(finding.file, finding.line);
    const rules = flags.get(key) ?? [];
    if (!rules.includes(finding.ruleId)) rules.push(finding.ruleId);
    flags.set(key, rules);
  }
  return flags;
}

/** One section per charted account: heading, chart, and what the chart leaves out. */
export function* accountSections(
  histories: AccountHistories,
  charted: ChartedAccounts,
  findingsByAccount: ReadonlyMap<string, readonly Finding[]>,
  styles: ReadonlyMap<string, AmountStyle> | undefined,
  w: PageWords,
): Generator<string> {
  for (const account of charted.order) {
    const points = histories.accounts.get(account) ?? [];
    const findings = findingsByAccount.get(account) ?? [];
    const file = points[0]?.file ?? '';
    const style = histories.styles.get(file) ?? styles?.get(file);
    const chart = drawAccountChart({ account, points, flags: flagsOf(findings), style, words: w });
    const anchor = charted.anchors.get(account) as string;
    const counts = `${w.count('document', points.length)} · ${w.count('finding', findings.length)}`;
    const notes = chart === undefined ? [] : chart.notes;
    yield (
      `<section class="acct" id="${anchor}"><h3>${w.say('accounts.heading', { account: isolated(account) })} ` +
      `<small>${counts}</small></h3>` +
      `${chart?.svg ?? ''}${notes.map((note) => `<p class="muted">${note}</p>`).join('')}</section>\n`
    );
  }
}
