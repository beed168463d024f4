import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentKey } from '../../src/identity/account-key.js';
import { type ClaimedEntry, FirstClaims } from '../../src/identity/claims.js';

/** Where the claimed entries are kept (the store, in a run): the claims read them back by index. */
class Entries {
  readonly byIndex = new Map<number, ClaimedEntry>();
  readonly claims: FirstClaims;
  constructor(expected?: number) {
    this.claims = new FirstClaims((index) => this.byIndex.get(index) as ClaimedEntry, expected);
  }

  /** Keeps the entry, then claims its bill number: the first claim, or undefined. */
  claim(id: string, index: number, content: Partial<Omit<ClaimedEntry, 'id' | 'index'>> = {}) {
    // `in`, not ??: an absent date (undefined) is a content too.
    const issueDay = 'issueDay' in content ? content.issueDay : 18_000;
    const { account = index, totalCents = 100 + index } = content;
    this.byIndex.set(index, { id, index, account, totalCents, issueDay });
    return this.claims.firstOrKeep(documentKey(id), index);
  }
}

describe('FirstClaims', () => {
  it('keeps the first claim of a bill number and hands it back for every later one', () => {
    const entries = new Entries();
    expect(entries.claim('FAC-001', 0, { account: 3, totalCents: 2999, issueDay: 19_000 })).toBeUndefined();
    expect(entries.claim('fac 001', 5, { account: 7, totalCents: 45000 })).toEqual({
      index: 0,
      account: 3,
      totalCents: 2999,
      issueDay: 19_000,
    });
    expect(entries.claims.find('FAC001')).toEqual({ index: 0, account: 3, totalCents: 2999, issueDay: 19_000 });
    expect(entries.claims.size).toBe(1);
  });

  it('gives back an absent total and date as they were (NaN, undefined)', () => {
    const entries = new Entries();
    entries.claim('F1', 0, { account: 0, totalCents: Number.NaN, issueDay: undefined });
    expect(entries.claims.find('F1')).toEqual({ index: 0, account: 0, totalCents: Number.NaN, issueDay: undefined });
  });

  it('tells apart bill numbers whose keys share a hash', () => {
    // FNV-1a gives 'FEG47' and 'FY000' the same 32-bit value (found by a search): the key read back decides.
    const entries = new Entries();
    expect(entries.claim('FEG47', 0)).toBeUndefined();
    expect(entries.claim('FY000', 1)).toBeUndefined();
    expect(entries.claims.find('FY000')?.index).toBe(1);
    expect(entries.claims.find('FEG47')?.index).toBe(0);
    expect(entries.claims.size).toBe(2);
  });

  it.each([
    ['grows from its first size', undefined],
    ['was sized for them all', 50_000],
    ['was sized for fewer', 10_000],
    ['was sized for more', 70_000],
  ])(
    'tells apart every one of 50 000 bill numbers when its table %s, and finds none it was not given',
    (_, expected) => {
      const entries = new Entries(expected);
      const count = 50_000;
      for (let i = 0; i < count; i++) expect(entries.claim(`F2020-${String(i).padStart(7, '0')}`, i)).toBeUndefined();
      expect(entries.claims.size).toBe(count);
      for (const i of [0, 1, 1023, 1024, 31_337, count - 1]) {
        expect(entries.claim(`f2020 ${String(i).padStart(7, '0')}`, count + i)?.index).toBe(i);
      }
      expect(entries.claims.find(documentKey(`F2020-${String(count).padStart(7, '0')}`))).toBeUndefined();
      expect(entries.claims.size).toBe(count);
    },
  );
});

describe('FirstClaims against a Map of keys (the join before issue 19)', () => {
  it('finds the same first claim, with its content, for every bill number, over numbers written in many ways', () => {
    const idChars = fc.constantFrom('F', 'f', 'A', '0', '1', '2', '-', ' ', '.', '/', '\u200b', 'é');
    const bill = fc.record({
      id: fc.string({ unit: idChars, minLength: 1, maxLength: 4 }),
      account: fc.nat(20),
      totalCents: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
      issueDay: fc.option(fc.integer({ min: -700_000, max: 3_000_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(bill, { maxLength: 300 }), (bills) => {
        const entries = new Entries();
        const oracle = new Map<string, { index: number; account: number; totalCents: number; issueDay?: number }>();
        bills.forEach(({ id, account, totalCents, issueDay }, index) => {
          const key = documentKey(id);
          expect(entries.claim(id, index, { account, totalCents, issueDay })).toEqual(oracle.get(key));
          if (!oracle.has(key)) oracle.set(key, { index, account, totalCents, issueDay });
        });
        expect(entries.claims.size).toBe(oracle.size);
        for (const [key, claim] of oracle) expect(entries.claims.find(key)).toEqual(claim);
      }),
    );
  });
});
