import { describe, expect, it } from 'vitest';
import { doc, entryOf } from '../helpers/builder.js';

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
    expect(copy.contentHash).toBe(entry.contentHash);
  });

  it.each([
    ['total', { total: '39.98' }],
    ['issue date', { issueDate: '2024-03-06' }],
    ['period', { periodEnd: '2024-03-30' }],
    ['a line', { lines: [{ description: 'Forfait+', total: '39.99' }] }],
    ['an absent amount', { lines: [{ description: 'Forfait' }] }],
    ['a sub-cent amount', { total: '39.991' }],
  ])('changes the content key when the %s differs', (_what, change) => {
    expect(entryOf(doc({ ...base, ...change })).contentHash).not.toBe(entryOf(doc(base)).contentHash);
  });
});
