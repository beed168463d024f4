/**
 * With two threads, the account rules run on each thread over its share of the accounts
 * (engine/account-shard.ts); accounts read on the wrong thread are handed over whole
 * (Engine.takeAccounts). The findings of the two shares must be exactly those of one engine
 * finishing everything, on real exports with planted anomalies in every account rule.
 */
import { describe, expect, it } from 'vitest';
import { accountShard } from '../../src/check/parallel/account-shard.js';
import { configureRules, EMPTY_CONFIG } from '../../src/engine/config.js';
import { Engine } from '../../src/engine/engine.js';
import { EntryEncoder } from '../../src/engine/entry-codec.js';
import type { Finding } from '../../src/model/finding.js';
import { fileInputSource, parseInput } from '../../src/parse/index.js';
import { RULES } from '../../src/rules/index.js';

const TODAY = '2026-01-01';
const TERMINATIONS = [{ date: '2024-06-30' }, { account: '0611204590', date: '2024-09-15' }];
const FILES = ['fixtures/company-export-en.csv', 'fixtures/seed-cases.csv', 'fixtures/csv/exact-amounts.csv'];

const newEngine = () =>
  new Engine({ rules: configureRules(RULES, EMPTY_CONFIG, new Map()), today: TODAY, terminations: TERMINATIONS });

async function engineWith(files: readonly string[]): Promise<Engine> {
  const engine = newEngine();
  for (const file of files) {
    for await (const event of parseInput(fileInputSource(file), {})) {
      if (event.type === 'document') engine.addDocument(event.document);
    }
  }
  return engine;
}

const key = (finding: Finding) => JSON.stringify(finding);

describe('account rules on two shares of the accounts', () => {
  it('finds exactly what one engine finds, and counts each account once', async () => {
    const whole = await engineWith(FILES);
    const accounts = whole.accountCount;
    const expected = whole.finish();
    expect(expected.filter((finding) => finding.ruleId === 'billed-after-termination').length).toBeGreaterThan(0);

    const here = await engineWith(FILES);
    const encoder = new EntryEncoder();
    here.takeAccounts((account) => accountShard(account, 2) === 1, encoder);
    const sent = encoder.take();
    expect(sent.newAccounts.length).toBeGreaterThan(0);
    expect(here.accountCount).toBeGreaterThan(0);
    const there = newEngine();
    there.addEncodedEntries(there.entryDecoder(), structuredClone(sent));
    expect(here.accountCount + there.accountCount).toBe(accounts);

    const found = [...here.finish(), ...there.finish()];
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('finds the same when the entries go in many small batches of one stream (accounts named per batch)', async () => {
    const whole = await engineWith(FILES);
    const expected = whole.finish();
    const here = await engineWith(FILES);
    const encoder = new EntryEncoder();
    const batches: ReturnType<EntryEncoder['take']>[] = [];
    // Three entries a batch: one account's entries fall in several batches, each naming it again.
    here.takeAccounts((account) => accountShard(account, 2) === 1, {
      add: (entry) => {
        encoder.add(entry);
        if (encoder.size === 3) batches.push(structuredClone(encoder.take()));
      },
      addAccount: (account) => encoder.addAccount(account),
    });
    if (encoder.pending) batches.push(structuredClone(encoder.take()));
    expect(batches.length).toBeGreaterThan(3);
    const named = batches.flatMap((batch) => batch.newAccounts);
    expect(new Set(named).size).toBeLessThan(named.length);
    const there = newEngine();
    const decoder = there.entryDecoder();
    for (const batch of batches) there.addEncodedEntries(decoder, batch);
    const found = [...here.finish(), ...there.finish()];
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('hands over the names of accounts that have no entry (no account rule runs), so that each is counted once', async () => {
    const documentRulesOnly = () =>
      new Engine({ rules: Engine.documentRulesOf(configureRules(RULES, EMPTY_CONFIG, new Map())), today: TODAY });
    const here = documentRulesOnly();
    for await (const event of parseInput(fileInputSource('fixtures/company-export-en.csv'), {})) {
      if (event.type === 'document') here.addDocument(event.document);
    }
    const accounts = here.accountCount;
    const encoder = new EntryEncoder();
    here.takeAccounts((account) => accountShard(account, 2) === 1, encoder);
    const there = documentRulesOnly();
    there.addEncodedEntries(there.entryDecoder(), structuredClone(encoder.take()));
    expect(there.accountCount).toBeGreaterThan(0);
    expect(here.accountCount + there.accountCount).toBe(accounts);
  });

  it('shares accounts by their name alone, the same way on every thread', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `06${String(i * 7919).padStart(8, '0')}`);
    const shares = names.map((name) => accountShard(name, 2));
    expect(names.map((name) => accountShard(name, 2))).toEqual(shares);
    const inFirst = shares.filter((share) => share === 0).length;
    // Neither thread gets nearly all the accounts.
    expect(inFirst).toBeGreaterThan(800);
    expect(inFirst).toBeLessThan(1200);
  });
});
