/**
 * Which thread checks an account's timeline when the account rules run on several threads: a
 * hash of the account, so that every thread sends each entry where its account belongs without
 * asking anyone, and every account's entries meet in one place.
 */
import { fnv1a } from '../../engine/account-table.js';

/**
 * Not the AccountTable's own hash: shards taken from the low bits of that one would leave each
 * thread's table with home slots of one parity only.
 */
const SHARD_SEED = 0x2545f491;

export function accountShard(account: string, shards: number): number {
  return (fnv1a(account, SHARD_SEED) >>> 0) % shards;
}
