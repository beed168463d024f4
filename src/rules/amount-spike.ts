import type { AccountEntry } from '../engine/timeline.js';
import { defineRule } from '../engine/rule.js';
import { untrackedArray } from '../engine/untracked-array.js';
import { Decimal, Money } from '../model/money.js';
import { amountAtLeastZeroOption, firstProblem, numberAboveOption, wholeNumberOption } from './support/options.js';
import { insertionIndex } from '../model/sorted-money.js';

/** The last factor read, as a Decimal: the rule runs once an account, 500 000 times in a run of as many (issue 19). */
let lastFactor: { readonly option: unknown; readonly value: Decimal } | undefined;

function factorOf(option: unknown): Decimal {
  if (lastFactor === undefined || lastFactor.option !== option) {
    lastFactor = { option, value: new Decimal(String(option)) };
  }
  return lastFactor.value;
}

/**
 * A bill far above the account's own history is flagged against the median of the earlier
 * bills: one earlier absurd bill, or a few months of seasonal variation, barely move it.
 */
export default defineRule({
  id: 'amount-spike',
  scope: 'account',
  severity: 'error',
  description: "An invoice total is far above the account's own history (median of its earlier bills).",
  docs: {
    why: 'An operator may bill a year of 40 € months and then 149 000 €: a rating or unit error that no customer could have caused. Comparing each bill with what the same line usually costs catches it even when the amount is below any fixed ceiling.',
    whatToDo:
      'Compare the bill with the previous ones and with your usage; dispute it in writing and ask for the detailed records behind the amount before paying.',
    options: {
      factor: 'A total is a spike when it is more than this many times the median of the earlier bills.',
      minHistory: 'How many earlier bills (with a total, same currency) the account needs before any bill is judged.',
      minIncrease:
        'A spike must also exceed the median by at least this amount, so that 2 € after months of 0,15 € is not flagged.',
    },
  },
  messages: {
    spike: '{{amount}} is {{ratio}}× the median of the {{history}} earlier bills, {{median}}.',
    spikeAfterOne: '{{amount}} is {{ratio}}× the one earlier bill, {{median}}.',
  },
  options: { factor: 10, minHistory: 3, minIncrease: '50.00' },
  validateOptions: (options) =>
    firstProblem(
      // A factor of 1 or less would call every bill above the median a spike.
      numberAboveOption('factor', options.factor, 1),
      // A median needs at least one earlier bill.
      wholeNumberOption('minHistory', options.minHistory, 1),
      amountAtLeastZeroOption('minIncrease', options.minIncrease),
    ),
  checkAccount(timeline, ctx) {
    const minHistory = ctx.options.minHistory;
    // A bill is judged after minHistory earlier ones: a shorter history has none to judge (issue 19:
    // 500 000 accounts of two bills, where this rule's tables per account were 180 ms of the end phase).
    if (timeline.entries.length <= minHistory) return;
    const factor = factorOf(ctx.options.factor);
    const minIncrease = ctx.moneyOption('minIncrease');
    // Compared doubled, so that the median of an even count (a half-cent) stays on the cents fast path.
    const doubledMinIncrease = minIncrease.add(minIncrease);
    // Earlier totals, sorted, per currency: amounts in different currencies say nothing of each other.
    const histories = new Map<string, Money[]>();
    for (const entry of timeline.entries) {
      const total = entry.total;
      // A bill without a date cannot be placed after anything, so it neither is judged nor sets the baseline.
      if (entry.kind !== 'invoice' || total === undefined || entry.issueDay === undefined) continue;
      let history = histories.get(entry.currency);
      if (history === undefined) {
        history = untrackedArray<Money>();
        histories.set(entry.currency, history);
      }
      if (history.length >= minHistory) checkTotal(entry, total, history);
      // A spike enters the baseline too: the median shrugs off a few, and a lasting change of
      // plan (5 € → 80 €) must stop being flagged once it is the account's new normal.
      history.splice(insertionIndex(history, total), 0, total);
    }

    function checkTotal(entry: AccountEntry, total: Money, history: readonly Money[]): void {
      const doubledMedian = doubledMedianOf(history);
      // A median of zero or less (free months, blank bills) is no baseline to multiply.
      if (doubledMedian.isNegative() || doubledMedian.isZero()) return;
      const doubledTotal = total.add(total);
      if (doubledTotal.sub(doubledMedian).lt(doubledMinIncrease)) return;
      const doubledMedianValue = doubledMedian.toDecimal();
      if (!doubledTotal.toDecimal().gt(doubledMedianValue.times(factor))) return;
      const median = Money.fromDecimal(doubledMedianValue.dividedBy(2));
      const ratio = total.toDecimal().dividedBy(median.toDecimal());
      ctx.report({
        messageId: history.length === 1 ? 'spikeAfterOne' : 'spike',
        data: { amount: total, median, history: history.length, ratio: roundRatio(ratio), factor: factor.toNumber() },
        document: entry,
      });
    }
  },
});

/** The median of a sorted, non-empty list, times two (exact, in cents when the amounts are). */
function doubledMedianOf(sorted: readonly Money[]): Money {
  const middle = sorted.length >> 1;
  const upper = sorted[middle] as Money;
  const lower = sorted.length % 2 === 0 ? (sorted[middle - 1] as Money) : upper;
  return lower.add(upper);
}

/** "3 104×" reads better than "3 104,17×"; below 10 (a configured factor of 3) one decimal still matters. */
function roundRatio(ratio: Decimal): number {
  return ratio.toDecimalPlaces(ratio.gte(10) ? 0 : 1, Decimal.ROUND_HALF_UP).toNumber();
}
