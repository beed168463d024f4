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
/** Coarser than the identity keys' separators (src/identity/account-key.ts): it removes every one of them. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Digits alone, however they were grouped: a line's form meets its others on its last digits. */
function digitsKey(digits: string): string {
  return digits.length >= LINE_TAIL_DIGITS ? `tel:${digits.slice(-LINE_TAIL_DIGITS)}` : digits;
}

/**
 * What the forms of one account have in common, so that they meet on one thread and join there
 * as on one (issue 13; see src/identity): "06 12 34 56 78", "+33 6 12 34 56 78" and "0033612345678"
 * end with the same digits; "C-104233" and "c104233" are the same letters and digits; "1234567"
 * and "123 4567" are the same digits. Any two names with one identity key share it (held by a
 * property test); cheaper than the identity key itself (no phone metadata per row), it may also
 * be shared by two accounts, which then merely share a thread.
 */
export function shardKey(account: string): string {
  // The two shortcuts give what the general path gives (a property test holds them equal).
  if (DIGITS.test(account)) return digitsKey(account);
  if (PLAIN.test(account)) return account;
  const { text } = withoutInvisible(account.normalize('NFKC'));
  const compact = text.replace(SEPARATORS, '').toUpperCase();
  return DIGITS.test(compact) ? digitsKey(compact) : compact;
}

export function accountShard(account: string, shards: number): number {
  return (fnv1a(shardKey(account), SHARD_SEED) >>> 0) % shards;
}
