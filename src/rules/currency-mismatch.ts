import type { AccountEntry } from '../engine/timeline.js';
import { defineRule } from '../engine/rule.js';

/** Only a document with an amount states a currency; the others carry the file's default. */
const hasAmount = (entry: AccountEntry): boolean => entry.total !== undefined || entry.amountDue !== undefined;

/** An account's usual currency and how many of its documents with an amount use it. A class, not an object literal: see AccountRule.checkAccount. */
class UsualCurrency {
  constructor(
    readonly currency: string,
    readonly count: number,
  ) {}
}

/** The currency most of the account's documents use; on a tie, the one used first. */
function accountCurrency(entries: readonly AccountEntry[]): UsualCurrency | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (hasAmount(entry)) counts.set(entry.currency, (counts.get(entry.currency) ?? 0) + 1);
  }
  let best: UsualCurrency | undefined;
  // Map iteration follows first use, so a strict `>` keeps the earliest currency on a tie.
  for (const [currency, count] of counts) {
    if (best === undefined || count > best.count) best = new UsualCurrency(currency, count);
  }
  return best;
}

/** Amounts in different currencies cannot be added, compared or netted against each other. */
export default defineRule({
  id: 'currency-mismatch',
  scope: 'account',
  severity: 'warning',
  description: 'One account is billed in several currencies.',
  docs: {
    why: "An account is billed in one currency. A document in another one is either a data error (a wrong currency code, a document filed under the wrong account) or a bill whose amounts cannot be netted against the others, so credit notes, payments and reminders no longer add up. The account's currency is the one most of its documents with an amount use (the earliest on a tie); documents without any amount are not counted.",
    whatToDo:
      'Check the currency on the document. If it is right, ask the operator how it is converted and settled against the rest of the account.',
  },
  messages: {
    otherCurrency: 'This document is in {{currency}}, while the account is billed in {{accountCurrency}}.',
  },
  options: {},
  checkAccount(timeline, ctx) {
    // One currency throughout has no other to report: most accounts, without counting them (issue 19).
    const first = timeline.entries[0]?.currency;
    if (timeline.entries.every((entry) => entry.currency === first)) return;
    const usual = accountCurrency(timeline.entries);
    if (usual === undefined) return;
    for (const entry of timeline.entries) {
      if (!hasAmount(entry) || entry.currency === usual.currency) continue;
      ctx.report({
        messageId: 'otherCurrency',
        data: { currency: entry.currency, accountCurrency: usual.currency, accountDocuments: usual.count },
        document: entry,
      });
    }
  },
});
