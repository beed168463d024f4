import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountTable } from '../../src/engine/account-table.js';

describe('AccountTable', () => {
  it('numbers names in the order first seen and gives the same number to the same name, as a Map would', () => {
    // Few distinct characters: many names share hash slots and probe past each other.
    const name = fc.string({ unit: fc.constantFrom('0', '6', 'A', 'é', '\u0000'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 3000 }), (names) => {
        const table = new AccountTable();
        const reference = new Map<string, number>();
        for (const account of names) {
          if (!reference.has(account)) reference.set(account, reference.size);
          // A copy, as a parser hands a new string for every row.
          expect(table.idOf(`${account}`.slice(0))).toBe(reference.get(account));
        }
        expect(table.size).toBe(reference.size);
        for (const [account, id] of reference) expect(table.nameOf(id)).toBe(account);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps its numbers while it grows past a bill run of 50 000 accounts', () => {
    const table = new AccountTable();
    for (let i = 0; i < 50_000; i++) expect(table.idOf(`06${String(i).padStart(8, '0')}`)).toBe(i);
    for (let i = 0; i < 50_000; i += 997) expect(table.idOf(`06${String(i).padStart(8, '0')}`)).toBe(i);
    expect(table.size).toBe(50_000);
  });

  it('finds the names it holds and answers -1 for others, adding nothing', () => {
    const table = new AccountTable();
    for (let i = 0; i < 3000; i++) table.idOf(`C-${i}`);
    expect(table.find('C-0')).toBe(0);
    expect(table.find('C-2999')).toBe(2999);
    expect(table.find('C-3000')).toBe(-1);
    expect(table.find('c-0')).toBe(-1);
    expect(table.size).toBe(3000);
  });
});
