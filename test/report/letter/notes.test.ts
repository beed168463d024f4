/**
 * The sender's notes about a country billcheck does not cover: the country said once, inside one
 * pair of parentheses, in either language (issue 16, tryout 6: the German letter's country line).
 */
import { describe, expect, it } from 'vitest';
import { notesOf } from '../../../src/report/letter/build.js';

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('notesOf', () => {
  it('names a country by its name and code, once, in balanced parentheses', () => {
    const [en] = notesOf('en', undefined, 'DE');
    const [fr] = notesOf('fr', undefined, 'DE');
    expect(en).toContain('(country: Germany, DE)');
    expect(fr).toContain('(pays : Allemagne, DE)');
    for (const note of [en, fr]) expect(balanced(note ?? '')).toBe(true);
  });

  it('writes a code Intl has no name for once, not "AA, AA"', () => {
    const [note] = notesOf('en', undefined, 'AA');
    expect(note).toContain('(country: AA)');
    expect(note).not.toContain('AA, AA');
  });

  it('says nothing when the country is covered', () => {
    expect(notesOf('en', 'GB', 'GB')).toEqual([]);
  });
});
