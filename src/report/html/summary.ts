import type { Finding, Severity } from '../../model/finding.js';
import { INVALID_INPUT } from '../../model/finding.js';
import { Money } from '../../model/money.js';

/** Per currency, exact: amounts in different currencies are never added up. */
export type AmountsByCurrency = ReadonlyMap<string, Money>;

export interface RuleTally {
  readonly ruleId: string;
  readonly findings: number;
  readonly bySeverity: ReadonlyMap<Severity, number>;
  /** Each flagged document's amount once, however many findings the rule made on it. */
  readonly atStake: AmountsByCurrency;
  /** Flagged documents whose amount is unknown: the sum above leaves them out, and says so. */
  readonly withoutAmount: number;
}

export interface AccountTally {
  readonly account: string;
  readonly findings: number;
  readonly errors: number;
}

export interface PageSummary {
  /** Sorted by number of findings, then rule id. */
  readonly rules: readonly RuleTally[];
  /** Every flagged document once, whichever rules flagged it. */
  readonly atStakeOverall: AmountsByCurrency;
  /** Most findings first (first seen first among equals), at most `topAccounts`. */
  readonly topAccounts: readonly AccountTally[];
  readonly accountsWithFindings: number;
  /** The rows and texts that could not be read (rule invalid-input). */
  readonly unreadable: readonly Finding[];
}

/** The key of the document a finding points to: where it starts (file and line) and its number. */
function documentKey(finding: Finding): string {
  return `${finding.line}\u0000${finding.documentId ?? ''}\u0000${finding.file}`;
}

class MoneyByCurrency {
  readonly sums = new Map<string, Money>();
  private readonly seen = new Set<string>();
  withoutAmount = 0;

  /** Adds the finding's document once; a finding with no document (a whole-account finding) adds nothing. */
  add(finding: Finding): void {
    if (finding.documentId === undefined && finding.documentKind === undefined) return;
    const key = documentKey(finding);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const amount = parseAmount(finding.amount);
    if (amount === undefined) {
      this.withoutAmount++;
      return;
    }
    const currency = finding.currency ?? '';
    // A negative invoice of -50,00 puts 50,00 at stake as much as a bill of 50,00 does.
    this.sums.set(currency, (this.sums.get(currency) ?? Money.ZERO).add(amount.abs()));
  }
}

function parseAmount(amount: string | undefined): Money | undefined {
  if (amount === undefined) return undefined;
  try {
    return Money.parse(amount);
  } catch {
    return undefined;
  }
}

export function summarizeFindings(findings: readonly Finding[], topAccounts: number): PageSummary {
  const rules = new Map<string, { findings: number; bySeverity: Map<Severity, number>; money: MoneyByCurrency }>();
  const overall = new MoneyByCurrency();
  const accounts = new Map<string, { findings: number; errors: number }>();
  const unreadable: Finding[] = [];
  for (const finding of findings) {
    if (finding.ruleId === INVALID_INPUT) unreadable.push(finding);
    let rule = rules.get(finding.ruleId);
    if (rule === undefined) {
      rule = { findings: 0, bySeverity: new Map(), money: new MoneyByCurrency() };
      rules.set(finding.ruleId, rule);
    }
    rule.findings++;
    rule.bySeverity.set(finding.severity, (rule.bySeverity.get(finding.severity) ?? 0) + 1);
    // An unreadable row is no amount at stake: nobody knows what it says.
    if (finding.ruleId !== INVALID_INPUT) {
      rule.money.add(finding);
      overall.add(finding);
    }
    if (finding.account !== undefined) {
      const tally = accounts.get(finding.account) ?? { findings: 0, errors: 0 };
      tally.findings++;
      if (finding.severity === 'error') tally.errors++;
      accounts.set(finding.account, tally);
    }
  }
  const ruleTallies = [...rules].map(([ruleId, rule]) => ({
    ruleId,
    findings: rule.findings,
    bySeverity: rule.bySeverity,
    atStake: rule.money.sums,
    withoutAmount: rule.money.withoutAmount,
  }));
  ruleTallies.sort((a, b) => b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : 1));
  // A stable sort keeps first-seen order among accounts with as many findings.
  const ranked = [...accounts]
    .map(([account, tally]) => ({ account, ...tally }))
    .sort((a, b) => b.findings - a.findings || b.errors - a.errors);
  return {
    rules: ruleTallies,
    atStakeOverall: overall.sums,
    topAccounts: ranked.slice(0, topAccounts),
    accountsWithFindings: accounts.size,
    unreadable,
  };
}
