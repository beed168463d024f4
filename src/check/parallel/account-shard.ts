/**
 * Which thread checks an account's timeline when the account rules run on several threads: a
 * hash of the account, so that every thread sends each entry where its account belongs without
 * asking anyone, and every account's entries meet in one place.
 */
import { fnv1a } from '../../engine/account-table.js';
import { withoutInvisible } from '../../identity/invisible.js';

/**
 * Not the AccountTable's own hash: shards taken from the low bits of that one would leave each
 * thread's table with home slots of one parity only.
 */
const SHARD_SEED = 0x2545f491;
/** Digits a line keeps in every form it is written in: its national number has at least seven. */
const LINE_TAIL_DIGITS = 7;
const PLAIN = /^[A-Z0-9]+$/;
/** Digits alone: NFKC, invisible characters and separators leave them as they are (issue 19: a row of each). */
const DIGITS = /^\d+$/;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * What the forms of one account have in common, so that they meet on one thread and join there
 * as on one (issue 13; see src/identity): "06 12 34 56 78", "+33 6 12 34 56 78" and "0033612345678"
 * end with the same digits; "C-104233" and "c104233" are the same letters and digits. Cheaper than
 * the identity key itself (no phone metadata per row); two accounts that share it merely share a thread.
 */
export function shardKey(account: string): string {
  // Eight digits and more are a line's (the general path below gives them the same key, at the cost of a normalization a row).
  if (DIGITS.test(account)) return account.length >= 8 ? `tel:${account.slice(-LINE_TAIL_DIGITS)}` : account;
  if (PLAIN.test(account)) return account;
  const { text } = withoutInvisible(account.normalize('NFKC'));
  const compact = text.replace(SEPARATORS, '').toUpperCase();
  const phoneLike = /^\+?[\d\s.()/-]+$/.test(text.trim()) && compact.length >= LINE_TAIL_DIGITS;
  return phoneLike ? `tel:${compact.slice(-LINE_TAIL_DIGITS)}` : compact;
}

export function accountShard(account: string, shards: number): number {
  return (fnv1a(shardKey(account), SHARD_SEED) >>> 0) % shards;
}
