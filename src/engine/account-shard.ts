/**
 * Which thread checks an account's timeline when the account rules run on several threads: a
 * hash of the account, so that every thread sends each entry where its account belongs without
 * asking anyone, and every account's entries meet in one place.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function accountShard(account: string, shards: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < account.length; i++) hash = Math.imul(hash ^ account.charCodeAt(i), FNV_PRIME);
  return (hash >>> 0) % shards;
}
