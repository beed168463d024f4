import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryDecoder, EntryEncoder } from '../../src/engine/entry-codec.js';
import { EntryStore } from '../../src/engine/entry-store.js';
import { claimHash } from '../../src/identity/claims.js';
import { doc, entryOf } from '../helpers/builder.js';

const FRENCH = { decimalSeparator: ',', groupSeparator: ' ', symbolBefore: false } as const;
const plain = (entry: object) =>
  JSON.parse(JSON.stringify(entry, (_key, value) => (value?.toFixed ? value.toFixed() : value)));

describe('EntryStore', () => {
  it('gives back each account its entries as they were added, amounts exact', () => {
    const docs = [
      doc({ id: 'F1', account: 'A', issueDate: '2024-01-05', total: '39.99', amountDue: '39.99', file: 'a.csv' }),
      doc({
        id: 'AV1',
        kind: 'credit-note',
        account: 'B',
        issueDate: '2024-01-06',
        total: '0.005',
        references: ['F9'],
        file: 'b.csv',
      }),
      doc({ kind: 'termination', account: 'A', effectiveDate: '2024-02-01', file: 'a.csv' }),
      // A letter's fee lines (issue 13): kept apart from the debt it demands.
      doc({
        kind: 'dunning',
        account: 'B',
        issueDate: '2024-02-10',
        amountDue: '79.99',
        references: ['F9'],
        lines: [{ description: 'Frais de recouvrement', total: '40.00' }],
        file: 'b.csv',
      }),
      doc({
        id: 'F2',
        account: 'A',
        periodStart: '2024-02-01',
        periodEnd: '2024-02-29',
        total: `1${'0'.repeat(30)}.00`,
        currency: 'GBP',
        file: 'a.csv',
      }),
    ];
    const store = new EntryStore();
    const entries = docs.map(entryOf);
    for (const entry of entries) store.add(entry);
    const timelines = [...store.timelines()];
    expect(timelines.map((t) => t.account)).toEqual(['A', 'B']);
    expect(store.accounts).toBe(2);
    const byAccount = new Map(timelines.map((t) => [t.account, t.entries.map(plain)]));
    expect(byAccount.get('A')).toEqual([entries[0], entries[2], entries[4]].map((e) => plain(e!)));
    expect(byAccount.get('B')).toEqual([plain(entries[1]!), plain(entries[3]!)]);
    expect(byAccount.get('B')?.[1]).toMatchObject({ fees: '40.00' });
  });

  it('keeps amounts and line numbers exact past the narrow columns (Int32 cents, Uint32 lines)', () => {
    // The marks are -2^31 and -2^31 + 1 cents, and 2^32 - 1 as a line: each must come back as written.
    const cases: [total: string | undefined, cents: number, line: number][] = [
      ['21474836.47', 2_147_483_647, 0],
      ['21474836.48', 2_147_483_648, 4_294_967_294],
      ['-21474836.46', -2_147_483_646, 4_294_967_295],
      ['-21474836.47', -2_147_483_647, 4_294_967_296],
      ['-21474836.48', -2_147_483_648, 2 ** 40],
      ['0.005', Number.NaN, 7],
      [undefined, Number.NaN, 8],
      ['90071992547409.91', 9_007_199_254_740_991, 9],
    ];
    const store = new EntryStore();
    const entries = cases.map(([total, , line], i) => entryOf(doc({ id: `F${i}`, account: 'A', total, line })));
    for (const entry of entries) store.add(entry);
    const [timeline] = [...store.timelines()];
    expect(timeline?.entries.map(plain)).toEqual(entries.map(plain));
    expect(timeline?.entries.map((entry) => entry.line)).toEqual(cases.map(([, , line]) => line));
    expect(cases.map((_, i) => store.identityEntry(i).totalCents)).toEqual(cases.map(([, cents]) => cents));
  });

  it('round-trips arbitrary entries', () => {
    const amount = fc.option(
      fc.integer({ min: -1e12, max: 1e12 }).map((cents) => (cents / 100).toFixed(2)),
      { nil: undefined },
    );
    const date = fc.option(
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            total: amount,
            amountDue: amount,
            issueDate: date,
            dueDate: date,
            account: fc.constantFrom('A', 'B', 'C'),
          }),
          { maxLength: 30 },
        ),
        (inputs) => {
          const store = new EntryStore();
          const entries = inputs.map((input, index) => entryOf(doc({ ...input, line: index + 2 })));
          for (const entry of entries) store.add(entry);
          const out = [...store.timelines()].flatMap((t) => t.entries);
          const expected = ['A', 'B', 'C'].flatMap((account) => entries.filter((e) => e.account === account));
          expect(out.map(plain).sort((a, b) => a.line - b.line)).toEqual(
            expected.map(plain).sort((a, b) => a.line - b.line),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps every day exact, near its issue day or centuries away, with or without an issue day', () => {
    // Days other than the issue day are Int16 offsets from it (issue 19: memory); farther ones are kept beside.
    // Day numbers of the years 0001 to 9999 (day 0 is 1970-01-01).
    const day = fc.option(fc.integer({ min: -719_162, max: 2_932_896 }), { nil: undefined });
    const near = fc.option(fc.integer({ min: -40_000, max: 40_000 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.record({ issue: day, due: near, start: day, end: near, effective: day }), { maxLength: 40 }),
        (inputs) => {
          const store = new EntryStore();
          const entries = inputs.map((input, index) => ({
            ...entryOf(doc({ line: index + 2 })),
            issueDay: input.issue,
            // `near` as an offset from the issue day when there is one: the narrow column's edges.
            dueDay: input.due === undefined ? undefined : (input.issue ?? 0) + input.due,
            periodStartDay: input.start,
            periodEndDay: input.end === undefined ? undefined : (input.issue ?? 0) + input.end,
            effectiveDay: input.effective,
          }));
          for (const entry of entries) store.add(entry);
          const out = [...store.timelines()].flatMap((t) => t.entries);
          const days = (e: (typeof out)[number]) => [
            e.issueDay,
            e.dueDay,
            e.periodStartDay,
            e.periodEndDay,
            e.effectiveDay,
          ];
          expect(out.map(days)).toEqual(entries.map(days));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every content reference exact: none, a writer and an offset, or past the narrow columns', () => {
    // A reference is writer × 2^40 + offset (ContentLog); the store keeps a writer byte and a Uint32 offset.
    const ref = fc.oneof(
      fc.constant(Number.NaN),
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 2 ** 40 - 1 })),
    );
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 40 }), (refs) => {
        const store = new EntryStore();
        const expected = refs.map((r) => (typeof r === 'number' ? r : r[0] * 2 ** 40 + r[1]));
        expected.forEach((contentRef, index) => store.add({ ...entryOf(doc({ line: index + 2 })), contentRef }));
        const out = [...store.timelines()].flatMap((t) => t.entries.map((e) => e.contentRef));
        expect(out).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the file and currency of each entry past 65 534 files (a folder of many PDFs)', () => {
    const store = new EntryStore();
    const files = 70_000;
    for (let n = 0; n < files; n++)
      store.add({ ...entryOf(doc({ line: 2 })), file: `bill-${n}.pdf`, currency: n % 2 === 0 ? 'EUR' : 'GBP' });
    const out = [...store.timelines()].flatMap((t) => t.entries);
    expect(out).toHaveLength(files);
    expect(out.map((e) => e.file)).toEqual(Array.from({ length: files }, (_, n) => `bill-${n}.pdf`));
    expect(out[files - 1]?.currency).toBe('GBP');
    expect(new Set(out.map((e) => e.currency))).toEqual(new Set(['EUR', 'GBP']));
  });

  it('keeps entries apart across its 16 384-entry blocks', () => {
    const store = new EntryStore();
    const count = 40_000;
    for (let i = 0; i < count; i++) {
      const cents = BigInt(i) * 7n;
      const total = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
      store.add(entryOf(doc({ id: `F${i}`, account: `A${i % 3}`, issueDate: '2024-03-01', total, line: i + 2 })));
    }
    const entries = [...store.timelines()].flatMap((t) => t.entries).sort((a, b) => a.line - b.line);
    expect(entries).toHaveLength(count);
    for (const i of [0, 16_383, 16_384, 16_385, 32_768, count - 1]) {
      const entry = entries[i]!;
      expect([entry.id, entry.account, entry.line, entry.total?.toFixed(2)]).toEqual([
        `F${i}`,
        `A${i % 3}`,
        i + 2,
        (i * 0.07).toFixed(2),
      ]);
    }
  });

  it('takes the entries a worker encodes exactly as it takes the entries themselves', () => {
    const amount = fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: -1e12, max: 1e12 }).map((cents) => (cents / 100).toFixed(2)),
      // Not whole cents, or past 2^53 cents: sent as exact text.
      fc.integer({ min: -1e9, max: 1e9 }).map((tenths) => (tenths / 1000).toFixed(3)),
      fc.bigInt({ min: 10n ** 16n, max: 10n ** 30n }).map((units) => `${units}.01`),
    );
    const date = fc.option(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: undefined },
    );
    const input = fc.record({
      kind: fc.constantFrom('invoice', 'credit-note', 'dunning', 'payment', 'termination' as const),
      id: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
      account: fc.constantFrom('0610000370', 'B', 'Ç-ü'),
      currency: fc.constantFrom('EUR', 'GBP'),
      // The country its national numbers are read in (a CSV column, or GBP's): it travels with the entry.
      country: fc.option(fc.constantFrom('BE', 'FR', 'CH'), { nil: undefined }),
      total: amount,
      amountDue: amount,
      issueDate: date,
      dueDate: date,
      periodStart: date,
      references: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 2 }),
      // A dunning letter's fee line (issue 13), sent as exact text like the amounts.
      lines: fc.array(
        fc.record({ description: fc.constantFrom('Frais de relance', 'Pénalités de retard'), total: amount }),
        { maxLength: 2 },
      ),
    });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (inputs, perBatch) => {
        // Two files, one of which writes amounts the French way (known from its second entry on).
        const entries = inputs.map(({ country, ...fields }, index) => {
          const file = index % 3 === 0 ? 'a.csv' : 'b.csv';
          const entry = entryOf(
            doc({ ...fields, file, line: index + 2, extra: country === undefined ? {} : { country } }),
          );
          return file === 'b.csv' && index > 1 ? { ...entry, amountStyle: FRENCH } : entry;
        });
        const direct = new EntryStore();
        for (const entry of entries) direct.add(entry);
        const decoded = new EntryStore();
        const encoder = new EntryEncoder();
        const decoder = new EntryDecoder(decoded);
        for (let at = 0; at < entries.length; at += perBatch) {
          for (const entry of entries.slice(at, at + perBatch)) encoder.add(entry);
          // Through structured cloning, as a message between threads.
          decoder.decodeInto(structuredClone(encoder.take()), true);
        }
        const timelines = (store: EntryStore) => [...store.timelines()].map((t) => [t.account, t.entries.map(plain)]);
        expect(timelines(decoded)).toEqual(timelines(direct));
      }),
      { numRuns: 200 },
    );
  });
});

describe('EntryStore countries (the identity keys of national numbers)', () => {
  const inCountry = (account: string, country: string | undefined, file: string, line: number) =>
    entryOf(doc({ account, file, line, extra: country === undefined ? {} : { country } }));

  it('gives each account the country of its entry first in the input, whatever order the entries came in', () => {
    const store = new EntryStore();
    // As on two threads: the second file's entries first, then the first file's, lines out of order.
    for (const entry of [
      inCountry('0470 12 34 56', 'FR', 'b.csv', 2),
      inCountry('0470 12 34 56', undefined, 'a.csv', 3),
      inCountry('0470 12 34 56', 'CH', 'a.csv', 9),
      inCountry('0470 12 34 56', 'BE', 'a.csv', 5),
      inCountry('C-104233', undefined, 'a.csv', 4),
      inCountry('+44 20 7946 0958', 'GB', 'b.csv', 7),
    ])
      store.add(entry);
    const order = new Map([
      ['a.csv', 0],
      ['b.csv', 1],
    ]);
    const countryOf = store.accountCountries((file) => order.get(file) as number);
    expect([0, 1, 2, 3].map(countryOf)).toEqual(['BE', undefined, 'GB', undefined]);
  });

  it('keeps the countries of 300 distinct codes apart (past a Uint8 index)', () => {
    const store = new EntryStore();
    const codes = Array.from({ length: 300 }, (_, n) => `X${n}`);
    codes.forEach((code, n) => store.add(inCountry(`A${n}`, code, 'a.csv', n + 2)));
    const countryOf = store.accountCountries(() => 0);
    expect(codes.map((_, n) => countryOf(n))).toEqual(codes);
    expect([...store.timelines()].map((t) => t.entries[0]?.country)).toEqual(codes);
  });

  it('names no country when no entry names one', () => {
    const store = new EntryStore();
    store.add(inCountry('A', undefined, 'a.csv', 2));
    expect(store.accountCountries(() => 0)(0)).toBeUndefined();
  });
});

describe('EntryStore claims (issue 19: keys hashed once, as entries are kept)', () => {
  it('gives each invoice and credit note with a number its key hash, and nothing for the rest', () => {
    const store = new EntryStore();
    const docs = [
      doc({ id: 'F2024-001', account: 'A', issueDate: '2024-01-05', total: '10.00' }),
      doc({ id: 'fac 002', kind: 'credit-note', account: 'B', issueDate: '2024-01-06', total: '5.00' }),
      // A dunning letter's number and an invoice without one claim no bill number.
      doc({ id: 'R-1', kind: 'dunning', account: 'A', issueDate: '2024-02-01', amountDue: '10.00' }),
      doc({ account: 'B', issueDate: '2024-02-02', total: '7.00' }),
    ];
    for (const document of docs) store.add(entryOf(document));
    const seen: [number, number, number][] = [];
    store.forEachClaim((hash, account, index) => seen.push([hash, account, index]));
    expect(seen).toEqual([
      [claimHash('F2024-001'), 0, 0],
      [claimHash('FAC002'), 1, 1],
    ]);
    // The key compacts case and separators: "fac 002" and "FAC-002" are one claim.
    expect(claimHash('fac 002')).toBe(claimHash('FAC-002'));
    expect(store.identityEntry(1).claimHash).toBe(claimHash('FAC-002'));
  });

  it('finds the claimants of a key by its hash, leaving the accounts taken out', () => {
    const store = new EntryStore();
    store.add(entryOf(doc({ id: 'F-1', account: 'A', issueDate: '2024-01-05', total: '10.00' })));
    store.add(entryOf(doc({ id: 'F1', account: 'B', issueDate: '2024-01-05', total: '10.00' })));
    store.add(entryOf(doc({ id: 'F-2', account: 'C', issueDate: '2024-01-05', total: '10.00' })));
    expect([...store.claimants(new Set(['F1', 'F2']))]).toEqual([
      ['F1', null],
      ['F2', 'C'],
    ]);
    store.takeAccounts(
      (account) => account === 'C',
      () => {},
      () => {},
    );
    expect([...store.claimants(new Set(['F2']))]).toEqual([]);
  });
});
