import { describe, expect, it } from 'vitest';
import { doc, entryOf, testContent } from '../helpers/builder.js';

describe('toAccountEntry', () => {
  const base = {
    id: 'F1',
    issueDate: '2024-03-05',
    periodStart: '2024-03-01',
    periodEnd: '2024-03-31',
    total: '39.99',
    lines: [{ description: 'Forfait', total: '39.99' }],
  };

  it('keeps day numbers and amounts, and tells copies of one bill by content, not by place', () => {
    const entry = entryOf(doc({ ...base, line: 2 }));
    const copy = entryOf(doc({ ...base, line: 40, file: 'other.csv' }));
    expect(entry.issueDay).toBe(19787);
    expect(entry.total?.toFixed()).toBe('39.99');
    expect(testContent.difference(copy.contentRef, entry.contentRef)).toBeUndefined();
  });

  it.each([
    ['total', { total: '39.98' }, 'total'],
    ['issue date', { issueDate: '2024-03-06' }, 'issue date'],
    ['period', { periodEnd: '2024-03-30' }, 'period end'],
    ['a line', { lines: [{ description: 'Forfait+', total: '39.99' }] }, 'line 1 description'],
    ['a sub-cent amount', { total: '39.991' }, 'total'],
  ])('tells the content apart when the %s differs', (_what, change, field) => {
    const changed = entryOf(doc({ ...base, ...change }));
    expect(testContent.difference(changed.contentRef, entryOf(doc(base)).contentRef)).toBe(field);
  });

  it('takes an amount one document leaves out for no difference (an export row and its bill)', () => {
    const without = entryOf(doc({ ...base, lines: [{ description: 'Forfait' }] }));
    expect(testContent.difference(without.contentRef, entryOf(doc(base)).contentRef)).toBeUndefined();
  });
});
