/**
 * A list of amounts kept sorted as amounts arrive, for running medians: the amount-spike rule
 * judges a bill against its account's earlier bills, and the HTML report draws the same median.
 */
import type { Money } from './money.js';

/** Where `amount` goes in a sorted list: after any equal amounts, so that input order is kept. */
export function insertionIndex(sorted: readonly Money[], amount: Money): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as Money).compare(amount) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
