/**
 * An empty array that V8 does not track: for the arrays made once per account at the end of a
 * run (an account's entries, its invoices' periods, its earlier totals). V8 tracks the objects of
 * each array literal (`[]` included, and `new Array()`) and, when a garbage collection finds them
 * all alive, allocates that literal's later arrays straight in the old generation. There each
 * dead array kept what it held (the account's entries, their amounts) alive through every young
 * collection until a full one: on many-accounts (issue 19) 1 run in 5 peaked 80 MB higher, and 0
 * in 20 once these three arrays were made here.
 *
 * A copy of an empty array carries no tracking. `slice()` rather than `Array.of()`, which gave the
 * same runs but took 70 ns an array, 100 ms of a run of 500 000 accounts; a copy takes 10.
 */
const EMPTY: never[] = [];

export function untrackedArray<T>(): T[] {
  // EMPTY is never written to: each call copies it, empty.
  return EMPTY.slice();
}
