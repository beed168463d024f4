import { describe, expect, it } from 'vitest';
import { type IdentityEntry, joinAccounts } from '../../src/identity/join.js';
import { accountKey } from '../../src/identity/account-key.js';
import { AccountTable, fnv1a } from '../../src/engine/account-table.js';
import type { DocumentKind } from '../../src/model/document.js';

let index = 0;
function entry(
  account: number,
  kind: DocumentKind,
  id?: string,
  totalCents = Number.NaN,
  references: string[] = [],
  issueDay?: number,
): IdentityEntry {
  return { index: index++, account, kind, id, totalCents, issueDay, references };
}

function join(names: string[], entries: IdentityEntry[], aliases = new Map<string, Set<string>>()) {
  return joinAccounts({ names, aliases, entries });
}

describe('joinAccounts', () => {
  it('joins the forms of one line and names the account by its national form', () => {
    const result = join(['06 12 34 56 78', '+33 6 12 34 56 78'], [entry(0, 'invoice', 'F1'), entry(1, 'dunning')]);
    expect(result.rootOf[0]).toBe(result.rootOf[1]);
    expect(result.names).toEqual(['0612345678', '0612345678']);
    expect(result.nameOf('+33 6 12 34 56 78')).toBe('0612345678');
    expect(result.conflicts).toEqual([]);
  });

  it('hands over only the names another thread could not give: joined, not merely written another way', () => {
    // "+33612345678" alone is named "0612345678" by any thread; "C-104233", joined to a line, is not.
    const result = join(
      ['+33612345678', 'C-104233', '0698765432', 'C 55'],
      [
        entry(0, 'invoice', 'F1'),
        entry(1, 'invoice', 'F-2024-01-118', 5998),
        entry(2, 'dunning', undefined, 5998, ['F-2024-01-118']),
        entry(3, 'invoice', 'F3'),
      ],
    );
    expect(result.names).toEqual(['0612345678', '0698765432', '0698765432', 'C 55']);
    expect(result.renamed()).toEqual([['C-104233', '0698765432']]);
    expect(result.nameOf('+33612345678')).toBe(accountKey('+33612345678').display);
  });

  it('joins a letter to the account of the bill it names, preferring the line as the name', () => {
    const result = join(
      ['C-104233', '0698765432'],
      [entry(0, 'invoice', 'F-2024-01-118', 5998), entry(1, 'dunning', undefined, 5998, ['F-2024-01-118'])],
    );
    expect(result.rootOf[1]).toBe(result.rootOf[0]);
    expect(result.names).toEqual(['0698765432', '0698765432']);
    const joined = result.accounts.get('0698765432');
    expect(joined?.aliases).toEqual([{ name: 'C-104233', kind: 'customer', documents: ['invoice'], invisible: [] }]);
  });

  it('keeps apart two accounts whose keys share a hash, and joins a third written like the first', () => {
    // The join keeps each key's hash, not the key (memory, issue 19): "C418398" and "C1541356" are
    // two customer numbers whose keys have the same 32-bit hash, found by a search over C0…C3000000.
    const [a, b] = ['C418398', 'C1541356'].map((name) => accountKey(name).key) as [string, string];
    expect(a).not.toBe(b);
    expect(fnv1a(a)).toBe(fnv1a(b));
    const result = join(['C418398', 'C1541356', 'c-418 398'], [entry(0, 'invoice', 'F1'), entry(1, 'invoice', 'F2')]);
    expect(result.rootOf[1]).not.toBe(result.rootOf[0]);
    expect(result.rootOf[2]).toBe(result.rootOf[0]);
    expect(result.groups).toBe(2);
  });

  it('leaves accounts apart when nothing links them', () => {
    const result = join(['C-1', 'C-2'], [entry(0, 'invoice', 'F1'), entry(1, 'dunning', undefined, 100, ['F9'])]);
    expect(result.rootOf[0]).not.toBe(result.rootOf[1]);
    expect(result.accounts.size).toBe(0);
  });

  it('joins through an identifier a document names beside its account', () => {
    const aliases = new Map([['5566778899', new Set(['0211 1234567'])]]);
    const result = joinAccounts({
      names: ['5566778899', '+49 211 1234567'],
      countryOf: (number) => (number === 0 ? 'DE' : undefined),
      aliases,
      entries: [entry(0, 'invoice', 'R1'), entry(1, 'dunning')],
    });
    expect(result.rootOf[0]).toBe(result.rootOf[1]);
    expect(result.names[0]).toBe('02111234567');
  });

  it('joins two claims of one bill number with the same content (the export and the text of one bill)', () => {
    const result = join(
      ['C-1', '0612345678'],
      [entry(0, 'invoice', 'F1', 1999, [], 19000), entry(1, 'invoice', 'F1', 1999, [], 19000)],
    );
    expect(result.rootOf[0]).toBe(result.rootOf[1]);
    expect(result.conflicts).toEqual([]);
  });

  it('reports one bill number claimed with different content as a conflict, and joins nothing through it', () => {
    const first = entry(0, 'invoice', 'FAC-001', 2999);
    const second = entry(1, 'invoice', 'FAC-001', 45000);
    const letter = entry(1, 'dunning', undefined, 45000, ['FAC-001']);
    const result = join(['CL-2001', 'CL-3002'], [first, second, letter]);
    expect(result.rootOf[0]).not.toBe(result.rootOf[1]);
    expect(result.conflicts).toEqual([
      { invoiceId: 'FAC001', first: first.index, second: second.index, firstAccount: 0, secondAccount: 1 },
    ]);
  });

  it('does not call one account claiming a number twice a conflict (duplicate-invoice judges that)', () => {
    const result = join(['C-1'], [entry(0, 'invoice', 'F1', 100), entry(0, 'invoice', 'F1', 200)]);
    expect(result.conflicts).toEqual([]);
  });

  it('says when an account was written with invisible characters', () => {
    const result = join(
      ['06 12 34 56 78', '06\u200b12 34 56 78'],
      [entry(0, 'invoice', 'F1'), entry(1, 'invoice', 'F2')],
    );
    expect(result.rootOf[0]).toBe(result.rootOf[1]);
    expect(result.accounts.get('0612345678')?.invisible).toEqual(['U+200B']);
  });

  it('names accounts the same whether it looks names up in the table of the store or in its own', () => {
    // The store's table (AccountTable) numbers the names in the order first seen, as the store does.
    const names = ['06 12 34 56 78', 'C-104233', '+33 6 12 34 56 78', '5566778899', 'F\u200B-001'];
    const table = new AccountTable();
    for (const name of names) table.idOf(name);
    const aliases = new Map([['5566778899', new Set(['0211 1234567', 'C 104 233'])]]);
    const entries = (): IdentityEntry[] => [entry(0, 'invoice', 'F1'), entry(3, 'dunning'), entry(4, 'invoice', 'F2')];
    const input = { names, countryOf: (number: number) => (number === 3 ? 'DE' : undefined), aliases };
    const own = joinAccounts({ ...input, entries: entries() });
    const stored = joinAccounts({ ...input, entries: entries(), numberOf: (name) => table.find(name) });
    expect(stored.names).toEqual(own.names);
    expect(stored.groups).toBe(own.groups);
    expect([...stored.rootOf]).toEqual([...own.rootOf]);
    // Stored names, an alias given only beside an account, and names the run never saw.
    for (const raw of [...names, '0211 1234567', '0033612345678', 'c-104233', 'X9']) {
      expect(stored.nameOf(raw), raw).toBe(own.nameOf(raw));
    }
    expect(stored.nameOf('C-104233')).toBe('02111234567');
    expect(stored.nameOf('+33 6 12 34 56 78')).toBe('0612345678');
    expect(stored.nameOf('0033612345678')).toBe('0612345678');
    expect(stored.renamed()).toEqual(own.renamed());
  });
});
