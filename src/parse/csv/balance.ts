/**
 * A "Solde" or "Balance" column may hold each document's own unpaid amount, or the account's
 * running balance after it (customer areas print statements that way). The latter is no
 * amount due of the document: read as one, it makes a blank invoice look billed and a 0,01 €
 * letter look like a large claim.
 */
import type { Money } from '../../model/money.js';

export interface BalanceRow {
  readonly account: string | undefined;
  readonly total: Money | undefined;
  readonly balance: Money | undefined;
}

/**
 * Whether the rows read as a running balance: on enough rows, the balance is the account's
 * previous (non-zero) balance plus or minus the row's total. A per-document balance does so
 * only by chance.
 */
export function isRunningBalance(rows: Iterable<BalanceRow>): boolean {
  const previous = new Map<string, Money>();
  let running = 0;
  let own = 0;
  let other = 0;
  for (const { account, total, balance } of rows) {
    const key = account ?? '';
    const before = previous.get(key);
    if (balance !== undefined) previous.set(key, balance);
    if (balance === undefined || total === undefined || total.isZero()) continue;
    // A balance equal to the document's own amount, or settled to zero, is what a per-document
    // amount due looks like: a row that reads both ways proves nothing.
    const ownAmount = balance.eq(total) || balance.eq(total.neg()) || balance.isZero();
    const runs =
      before !== undefined && !before.isZero() && (balance.eq(before.add(total)) || balance.eq(before.sub(total)));
    if (ownAmount) {
      if (!runs) own++;
      continue;
    }
    if (before === undefined || before.isZero()) continue;
    if (runs) running++;
    else other++;
  }
  return running >= 2 && running > 3 * other && running > own;
}
