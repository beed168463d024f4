/**
 * The content writer copies the bytes of a repeated kind or currency (content-bytes.ts): the very
 * first bill a thread keeps must be written whole, even with a field absent, or every field after
 * it would shift. Its own file, so that this bill is the first the module writes (review finding).
 */
import { describe, expect, it } from 'vitest';
import { ContentLog } from '../../src/engine/content-log.js';
import type { BillingDocument } from '../../src/model/document.js';
import { doc } from '../helpers/builder.js';

describe('the first bill kept', () => {
  it('writes an absent currency as absent, not as a copy of nothing', () => {
    const log = ContentLog.temporary();
    const days = [20_000, undefined, undefined, undefined];
    // A reader always sets the currency; a document built by other code might not.
    const noCurrency = { ...doc({ total: '19.99' }), currency: undefined } as unknown as BillingDocument;
    const first = log.appendContent(noCurrency, days);
    const again = log.appendContent(noCurrency, days);
    const euros = log.appendContent(doc({ total: '19.99' }), days);
    const other = log.appendContent(doc({ total: '29.99' }), days);
    expect(log.difference(first, again)).toBeUndefined();
    // Absent on one side: not a difference (contentDifference compares what both state), and the
    // fields after it still line up: the total is compared as a total.
    expect(log.difference(first, euros)).toBeUndefined();
    expect(log.difference(first, other)).toBe('total');
    log.close();
  });
});
