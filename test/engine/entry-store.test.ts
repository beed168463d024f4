import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAccountEntry } from '../../src/engine/account-entry.js';
import { EntryStore } from '../../src/engine/entry-store.js';
import { doc } from '../helpers/builder.js';

const plain = (entry: object) => JSON.parse(JSON.stringify(entry, (_key, value) => (value?.toFixed ? value.toFixed() : value)));

describe('EntryStore', () => {
  it('gives back each account its entries as they were added, amounts exact', () => {
    const docs = [
      doc({ id: 'F1', account: 'A', issueDate: '2024-01-05', total: '39.99', amountDue: '39.99', file: 'a.csv' }),
      doc({ id: 'AV1', kind: 'credit-note', account: 'B', issueDate: '2024-01-06', total: '0.005', references: ['F9'], file: 'b.csv' }),
      doc({ kind: 'termination', account: 'A', effectiveDate: '2024-02-01', file: 'a.csv' }),
      doc({ id: 'F2', account: 'A', periodStart: '2024-02-01', periodEnd: '2024-02-29', total: `1${'0'.repeat(30)}.00`, currency: 'GBP', file: 'a.csv' }),
    ];
    const store = new EntryStore();
    for (const d of docs) store.add(toAccountEntry(d));
    const timelines = [...store.timelines()];
    expect(timelines.map((t) => t.account)).toEqual(['A', 'B']);
    expect(store.accounts).toBe(2);
    const byAccount = new Map(timelines.map((t) => [t.account, t.entries.map(plain)]));
    expect(byAccount.get('A')).toEqual([docs[0], docs[2], docs[3]].map((d) => plain(toAccountEntry(d!))));
    expect(byAccount.get('B')).toEqual([plain(toAccountEntry(docs[1]!))]);
  });

  it('round-trips arbitrary entries', () => {
    const amount = fc.option(fc.integer({ min: -1e12, max: 1e12 }).map((cents) => (cents / 100).toFixed(2)), { nil: undefined });
    const date = fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.record({ total: amount, amountDue: amount, issueDate: date, dueDate: date, account: fc.constantFrom('A', 'B', 'C') }), { maxLength: 30 }), (inputs) => {
        const store = new EntryStore();
        const entries = inputs.map((input, index) => toAccountEntry(doc({ ...input, line: index + 2 })));
        for (const entry of entries) store.add(entry);
        const out = [...store.timelines()].flatMap((t) => t.entries);
        const expected = ['A', 'B', 'C'].flatMap((account) => entries.filter((e) => e.account === account));
        expect(out.map(plain).sort((a, b) => a.line - b.line)).toEqual(expected.map(plain).sort((a, b) => a.line - b.line));
      }),
      { numRuns: 200 },
    );
  });
});
