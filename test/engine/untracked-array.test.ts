import { describe, expect, it } from 'vitest';
import { untrackedArray } from '../../src/engine/untracked-array.js';

describe('untrackedArray', () => {
  it('gives a new empty array at each call, as `[]` does (each account its own)', () => {
    const first = untrackedArray<number>();
    first.push(1, 2);
    const second = untrackedArray<number>();
    expect(second).toEqual([]);
    expect(second).not.toBe(first);
    expect(Array.isArray(second)).toBe(true);
    second.splice(0, 0, 5);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([5]);
  });
});
