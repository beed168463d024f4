import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdColumn } from '../../src/engine/id-column.js';

/** The straightforward way the store kept bill numbers before issue 19: one string an entry in an array. */
function roundTrip(ids: readonly (string | undefined)[]): (string | undefined)[] {
  const column = new IdColumn();
  for (const id of ids) column.push(id);
  expect(column.size).toBe(ids.length);
  return ids.map((_, index) => column.at(index));
}

describe('IdColumn', () => {
  it('gives back bill numbers as written, absent ones as absent', () => {
    const ids = ['F202001-0000010', undefined, '', 'FAC-2024/118', 'Façture-7', 'F\u200b1', '\ud800', 'x'.repeat(256)];
    expect(roundTrip(ids)).toEqual(ids);
  });

  it('gives back every string as the array did, ASCII or not, lone surrogates included', () => {
    const id = fc.option(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 300 }),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 200 }), (ids) => {
        expect(roundTrip(ids)).toEqual(ids);
      }),
    );
  });

  it('keeps numbers apart across blocks and when a block must grow its buffer', () => {
    // 16 384 entries a block, 16 bytes an entry at first: 200-character numbers make the buffer grow.
    const ids = Array.from({ length: 40_000 }, (_, i) =>
      i % 7 === 0 ? undefined : i % 3 === 0 ? `L${String(i).padStart(199, '0')}` : `F2020-${i}`,
    );
    expect(roundTrip(ids)).toEqual(ids);
  });
});
