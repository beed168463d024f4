/**
 * What the threads of a split run ask of each engine to join accounts across their shares (issue
 * 13; the end-to-end check is test/cli/parallel-joins.e2e.test.ts), and joins after accounts left.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { EntryEncoder } from '../../src/engine/entry-codec.js';
import { fnv1a } from '../../src/engine/account-table.js';
import { defineRule } from '../../src/engine/rule.js';
import { doc } from '../helpers/builder.js';

const timeline = defineRule({
  id: 'test-timeline',
  scope: 'account',
  severity: 'info',
  description: 'A test rule: reports the ids of each account timeline.',
  docs: { why: 'testing the engine', whatToDo: 'nothing at all' },
  messages: { timeline: '{{ids}}' },
  options: {},
  checkAccount(t, ctx) {
    const last = t.entries.at(-1);
    if (last)
      ctx.report({ messageId: 'timeline', data: { ids: t.entries.map((entry) => entry.id ?? '?') }, document: last });
  },
});

const engine = (): Engine =>
  new Engine({ rules: [{ rule: timeline, severity: 'info', options: {} }], today: '2026-11-28' });

describe('joins across threads', () => {
  it('names the accounts that bill what another thread refers to, and those that refer to bills here', () => {
    const here = engine();
    here.addDocument(doc({ id: 'F-1', account: '0611223344', issueDate: '2024-01-05', total: '0.00' }));
    // One number billed by two accounts here: no reference joins through it (the conflict is this thread's to report).
    here.addDocument(doc({ id: 'F-2', account: 'A', issueDate: '2024-01-05', total: '1.00' }));
    here.addDocument(doc({ id: 'F-2', account: 'B', issueDate: '2024-01-05', total: '2.00' }));
    here.addDocument(
      doc({
        kind: 'dunning',
        id: 'R-9',
        account: 'C-1',
        issueDate: '2024-03-01',
        amountDue: '5.00',
        references: ['X-9'],
      }),
    );
    expect(here.identityReferrers()).toEqual([['C-1', ['X-9']]]);
    const elsewhere: [string, string[]][] = [
      ['CLI-7', ['f 1', 'F-404']],
      ['CLI-8', ['F-2']],
    ];
    // Bill numbers compare as the join compares them ("f 1" is F-1).
    expect(here.claimantsFor(elsewhere)).toEqual(['0611223344']);
    expect(here.referrersJoinedHere(elsewhere)).toEqual(['CLI-7']);
    expect(here.claimantsFor([])).toEqual([]);
  });

  it('gives what an account joins here along with it', () => {
    const here = engine();
    here.addDocument(doc({ id: 'F-1', account: 'C-104233', issueDate: '2024-01-05', total: '9.99' }));
    here.addDocument(
      doc({
        kind: 'credit-note',
        id: 'AV-1',
        account: 'c104233',
        issueDate: '2024-01-09',
        total: '9.99',
        references: ['F-1'],
      }),
    );
    here.addDocument(doc({ id: 'G-1', account: 'OTHER', issueDate: '2024-01-05', total: '1.00' }));
    expect([...here.joinedWith((account) => account === 'C-104233')].sort()).toEqual(['C-104233', 'c104233']);
    // Nothing to look for: no join is made.
    expect(
      here.joinedWith(
        () => true,
        () => false,
      ).size,
    ).toBe(0);
  });

  it('still joins the accounts it keeps after others were taken out, and claims a bill marked paid', () => {
    const here = engine();
    here.addDocument(doc({ id: 'F-1', account: 'LINE', issueDate: '2024-01-05', total: '9.99', status: 'paid' }));
    here.addDocument(
      doc({
        kind: 'dunning',
        id: 'R-1',
        account: 'CUSTOMER',
        issueDate: '2024-02-01',
        amountDue: '9.99',
        references: ['F-1'],
      }),
    );
    here.addDocument(doc({ id: 'G-1', account: 'LEAVING', issueDate: '2024-01-05', total: '1.00' }));
    here.takeAccounts((account) => account === 'LEAVING', new EntryEncoder());
    const findings = here.finish();
    expect(findings.map((finding) => [finding.account, finding.evidence.ids])).toEqual([['LINE', ['F-1', 'R-1']]]);
  });

  it('names the accounts that claim a bill number another thread claims, by its hash (issue 13)', () => {
    const here = engine();
    here.addDocument(doc({ id: 'FAC-001', account: 'CL-3002', issueDate: '2024-03-07', total: '412.80' }));
    here.addDocument(doc({ id: 'FAC-002', account: 'CL-3002', issueDate: '2024-04-07', total: '12.80' }));
    here.addDocument(doc({ kind: 'dunning', id: 'FAC-001', account: 'CL-9', issueDate: '2024-05-01' }));
    // The hashes of the two bill numbers, sorted; a letter's number claims nothing.
    const expected = [fnv1a('FAC001'), fnv1a('FAC002')].sort((a, b) => a - b);
    expect([...here.billHashes()]).toEqual(expected);
    // "fac 001" on another thread is FAC-001 here: its claimant, with the key to check.
    expect(here.claimsOfHashes(Int32Array.of(fnv1a('FAC001')))).toEqual([['CL-3002', 'FAC001']]);
    expect(here.claimsOfHashes(Int32Array.of(fnv1a('FAC404')))).toEqual([]);
    expect(here.claimsOfHashes(new Int32Array(0))).toEqual([]);
    // The other thread keeps only the keys it claims itself.
    expect([...here.claimedKeys(new Set(['FAC001', 'FAC404']))]).toEqual(['FAC001']);
  });

  it('tells a hash in common from a bill in common (issue 19: 32-bit hashes collide between big runs)', () => {
    // Two distinct keys with one fnv1a hash, found by search: neither thread claims the other's bill.
    const [a, b] = collidingKeys();
    expect(a).not.toBe(b);
    expect(fnv1a(a)).toBe(fnv1a(b));
    const here = engine();
    here.addDocument(doc({ id: a, account: 'CL-1', issueDate: '2024-03-07', total: '10.00' }));
    const there = engine();
    there.addDocument(doc({ id: b, account: 'CL-2', issueDate: '2024-03-07', total: '10.00' }));
    const matches = there.claimsOfHashes(here.billHashes());
    expect(matches).toEqual([['CL-2', b]]);
    expect(here.claimedKeys(new Set(matches.map(([, key]) => key))).size).toBe(0);
  });

  it('keeps beside an account received the accounts that claim its bill numbers', () => {
    const here = engine();
    here.addDocument(doc({ id: 'FAC-001', account: 'CL-2001', issueDate: '2024-03-05', total: '29.99' }));
    here.addDocument(doc({ id: 'FAC-001', account: 'CL-3002', issueDate: '2024-03-07', total: '412.80' }));
    here.addDocument(doc({ id: 'FAC-009', account: 'CL-4000', issueDate: '2024-03-07', total: '1.00' }));
    expect([...here.claimingWith(new Set(['CL-3002']))].sort()).toEqual(['CL-2001', 'CL-3002']);
    expect(here.claimingWith(new Set()).size).toBe(0);
  });

  it('names a conflict from the first claim in the input, whatever order the entries arrived in', () => {
    const here = engine();
    here.adoptFileOrder(['client-dupuis.csv', 'client-martin.csv']);
    // The later file's row arrives first (as entries sent from another thread do).
    here.addDocument(
      doc({
        id: 'FAC-001',
        account: 'CL-3002',
        issueDate: '2024-03-07',
        total: '412.80',
        file: 'client-martin.csv',
        line: 2,
      }),
    );
    here.addDocument(
      doc({
        id: 'FAC-001',
        account: 'CL-2001',
        issueDate: '2024-03-05',
        total: '29.99',
        file: 'client-dupuis.csv',
        line: 9,
      }),
    );
    const conflicts = here.finish().filter((finding) => finding.ruleId === 'account-conflict');
    expect(conflicts.map((finding) => [finding.account, finding.file, finding.evidence])).toEqual([
      [
        'CL-3002',
        'client-martin.csv',
        { invoiceId: 'FAC-001', otherAccount: 'CL-2001', otherFile: 'client-dupuis.csv', otherLine: 9 },
      ],
    ]);
  });

  it('never names an account in conflict with itself when one account claims the number twice (review)', () => {
    const bill = (account: string, line: number, total: string) =>
      doc({ id: 'K-1', account, issueDate: '2024-01-05', total, file: 'big.csv', line });
    // Either order of arrival: X's two claims and Y's one make one conflict, X's first against Y.
    for (const arrival of [
      [bill('X-1', 300, '10.00'), bill('X-1', 305, '11.00'), bill('Y-2', 600, '12.00')],
      [bill('Y-2', 600, '12.00'), bill('X-1', 305, '11.00'), bill('X-1', 300, '10.00')],
    ]) {
      const here = engine();
      here.adoptFileOrder(['big.csv']);
      for (const made of arrival) here.addDocument(made);
      const conflicts = here.finish().filter((finding) => finding.ruleId === 'account-conflict');
      expect(conflicts.map((finding) => [finding.account, finding.line, finding.evidence.otherAccount])).toEqual([
        ['Y-2', 600, 'X-1'],
      ]);
    }
  });
});

/** Two bill-number keys (letters and digits) with the same fnv1a hash, found by a birthday search. */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let n = 0; ; n++) {
    const key = `F${n.toString(36).toUpperCase()}`;
    const hash = fnv1a(key);
    const other = seen.get(hash);
    if (other !== undefined) return [other, key];
    seen.set(hash, key);
  }
}
