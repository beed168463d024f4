import { existsSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentLog, NO_CONTENT } from '../../src/engine/content-log.js';

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
    const refs = Array.from({ length: 5000 }, (_, i) => log.append(bytes(`Abonnement ${i % 7} ${'x'.repeat(40)}`)));
    const directory = log.sharedDirectory;
    expect(readdirSync(directory)).toEqual(['content-0.bin']);
    expect(log.same(refs[0] as number, refs[7] as number)).toBe(true);
    expect(log.same(refs[0] as number, refs[4999] as number)).toBe(false);
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
});
