import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentKey } from '../../src/identity/account-key.js';
import { FirstClaims } from '../../src/identity/claims.js';

const claim = (index: number, account = index, totalCents = 100 + index, issueDay: number | undefined = 18_000) => ({
  index,
  account,
  totalCents,
  issueDay,
});

describe('FirstClaims', () => {
  it('keeps the first claim of a bill number and hands it back for every later one', () => {
    const claims = new FirstClaims();
    expect(claims.firstOrKeep('FAC-001', documentKey('FAC-001'), claim(0, 3, 2999, 19_000))).toBeUndefined();
    expect(claims.firstOrKeep('fac 001', documentKey('fac 001'), claim(5, 7, 45000))).toEqual({
      index: 0,
      account: 3,
      totalCents: 2999,
      issueDay: 19_000,
    });
    expect(claims.find('FAC001')).toEqual({ index: 0, account: 3, totalCents: 2999, issueDay: 19_000 });
    expect(claims.size).toBe(1);
  });

  it('gives back an absent total and date as they were (NaN, undefined)', () => {
    const claims = new FirstClaims();
    claims.firstOrKeep('F1', 'F1', { index: 0, account: 0, totalCents: Number.NaN, issueDay: undefined });
    expect(claims.find('F1')).toEqual({ index: 0, account: 0, totalCents: Number.NaN, issueDay: undefined });
  });

  it.each([
    ['grows from its first size', undefined],
    ['was sized for them all', 50_000],
    ['was sized for fewer', 10_000],
    ['was sized for more', 70_000],
  ])(
    'tells apart every one of 50 000 bill numbers when its table %s, and finds none it was not given',
    (_, expected) => {
      const claims = new FirstClaims(expected);
      const count = 50_000;
      for (let i = 0; i < count; i++) {
        const id = `F2020-${String(i).padStart(7, '0')}`;
        expect(claims.firstOrKeep(id, documentKey(id), claim(i))).toBeUndefined();
      }
      expect(claims.size).toBe(count);
      for (const i of [0, 1, 1023, 1024, 31_337, count - 1]) {
        const id = `f2020 ${String(i).padStart(7, '0')}`;
        expect(claims.firstOrKeep(id, documentKey(id), claim(count + i))?.index).toBe(i);
      }
      expect(claims.find(documentKey(`F2020-${String(count).padStart(7, '0')}`))).toBeUndefined();
      expect(claims.size).toBe(count);
    },
  );
});

describe('FirstClaims against a Map of keys (the join before issue 19)', () => {
  it('finds the same first claim for every bill number, over numbers written in many ways', () => {
    const idChars = fc.constantFrom('F', 'f', 'A', '0', '1', '2', '-', ' ', '.', '/', '\u200b', 'é');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: idChars, minLength: 1, maxLength: 4 }), { maxLength: 300 }), (ids) => {
        const claims = new FirstClaims();
        const oracle = new Map<string, number>();
        ids.forEach((id, index) => {
          const key = documentKey(id);
          const first = claims.firstOrKeep(id, key, claim(index));
          expect(first?.index).toBe(oracle.get(key));
          if (!oracle.has(key)) oracle.set(key, index);
        });
        expect(claims.size).toBe(oracle.size);
        for (const [key, index] of oracle) expect(claims.find(key)?.index).toBe(index);
      }),
    );
  });
});
