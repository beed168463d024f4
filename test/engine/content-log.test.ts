import { existsSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentLog, NO_CONTENT } from '../../src/engine/content-log.js';
import { doc } from '../helpers/builder.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('ContentLog', () => {
  it('tells equal contents from different ones, before and after they are flushed to its file', () => {
    const log = ContentLog.temporary();
    const a = log.append(bytes('invoice|EUR|39.99'));
    const b = log.append(bytes('invoice|EUR|39.99'));
    const c = log.append(bytes('invoice|EUR|39.90'));
    expect([log.same(a, b), log.same(a, c)]).toEqual([true, false]);
    log.flush();
    const d = log.append(bytes('invoice|EUR|39.90'));
    expect([log.same(a, b), log.same(c, d), log.same(b, d)]).toEqual([true, true, false]);
    expect(log.same(a, NO_CONTENT)).toBe(false);
    log.close();
  });

  it('keeps what outgrows its buffer in a file, and removes its directory when closed', () => {
    const log = ContentLog.temporary();
    // 20 000 contents of 60 bytes: more than its 1 MiB buffer.
    const refs = Array.from({ length: 20_000 }, (_, i) => log.append(bytes(`Abonnement ${i % 7} ${'x'.repeat(40)}`)));
    const directory = log.sharedDirectory;
    expect(readdirSync(directory)).toEqual(['content-0.bin']);
    expect(log.same(refs[0] as number, refs[7] as number)).toBe(true);
    expect(log.same(refs[0] as number, refs[19_997] as number)).toBe(false);
    expect(log.same(refs[6] as number, refs[19_998] as number)).toBe(true);
    log.close();
    expect(existsSync(directory)).toBe(false);
  });

  it("reads another writer's contents once that writer has flushed (threads of one run)", () => {
    const main = ContentLog.temporary();
    const worker = ContentLog.inDirectory(main.sharedDirectory, 1);
    const mine = main.append(bytes('F1 42.50'));
    const theirs = worker.append(bytes('F1 42.50'));
    const other = worker.append(bytes('F1 42.05'));
    worker.flush();
    expect([main.same(mine, theirs), main.same(mine, other)]).toEqual([true, false]);
    expect(() => main.same(mine, worker.append(bytes('not flushed')))).toThrow(/past the end/);
    worker.close();
    main.close();
  });

  it('compares exactly as the bytes compare, whatever the contents (property)', () => {
    const log = ContentLog.temporary();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.boolean(), (x, y, flush) => {
        const a = log.append(x);
        if (flush) log.flush();
        const b = log.append(y);
        return log.same(a, b) === Buffer.from(x).equals(Buffer.from(y));
      }),
    );
    log.close();
  });

  it('keeps bills written straight into its buffer: kind and currency changing, a bill larger than the room left', () => {
    const log = ContentLog.temporary();
    const days = [20_000, 20_030, undefined, undefined];
    const bill = (total: string, extra: Parameters<typeof doc>[0] = {}) =>
      log.appendContent(doc({ total, lines: [{ description: 'Forfait 20 Go', total }], ...extra }), days);
    const first = bill('19.99');
    // Enough bills to fill the 1 MiB buffer several times, so that bills are flushed and some land near its end.
    const filler = Array.from({ length: 30_000 }, (_, i) => bill(i % 2 === 0 ? '19.99' : '29.99'));
    // A bill of 6 000 lines (over 64 kB) after them, twice: the buffer grows or is flushed, the bytes stay whole.
    const lines = Array.from({ length: 6_000 }, (_, i) => ({
      description: `Appel ${i} ${'x'.repeat(20)}`,
      total: '0.10',
    }));
    const big = log.appendContent(doc({ total: '600.00', lines }), days);
    const bigAgain = log.appendContent(doc({ total: '600.00', lines }), days);
    const changed = lines.map((line, i) => (i === 5_999 ? { ...line, total: '0.11' } : line));
    const bigChanged = log.appendContent(doc({ total: '600.00', lines: changed }), days);
    // The same text for kind and currency is copied; another one is written and compared as such.
    const credit = bill('19.99', { kind: 'credit-note' });
    const pounds = bill('19.99', { currency: 'GBP' });
    const last = bill('19.99');
    expect(log.difference(first, filler[0] as number)).toBeUndefined();
    expect(log.difference(first, filler[1] as number)).toBe('total');
    expect(log.difference(first, last)).toBeUndefined();
    expect(log.difference(big, bigAgain)).toBeUndefined();
    expect(log.difference(big, bigChanged)).toBe('line 6000 total');
    expect(log.difference(first, credit)).toBe('kind');
    expect(log.difference(first, pounds)).toBe('currency');
    expect(log.difference(credit, bill('19.99', { kind: 'credit-note' }))).toBeUndefined();
    log.close();
  });
});
