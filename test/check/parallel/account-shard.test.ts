/** The shard key's shortcut for accounts of digits alone (issue 19) against its general path. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shardKey } from '../../../src/check/parallel/account-shard.js';

const ZERO_WIDTH_SPACE = '\u200b';
const digitString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('shardKey of digits alone', () => {
  it('is the key of the general path for eight digits and more (an invisible character forces it)', () => {
    fc.assert(
      fc.property(digitString(8, 20), (account) => {
        expect(shardKey(account)).toBe(shardKey(`${account}${ZERO_WIDTH_SPACE}`));
      }),
      { numRuns: 1500 },
    );
  });

  it('meets the spaced and international forms of a line on its last seven digits', () => {
    expect(shardKey('0612345678')).toBe('tel:2345678');
    expect(shardKey('06 12 34 56 78')).toBe('tel:2345678');
    expect(shardKey('+33 6 12 34 56 78')).toBe('tel:2345678');
  });

  it('keeps a short number of digits as it is', () => {
    expect(shardKey('1234567')).toBe('1234567');
    expect(shardKey('42')).toBe('42');
  });
});
