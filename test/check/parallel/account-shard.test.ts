/**
 * The shard key (issue 13, issue 19): its shortcuts against its general path, and every two
 * forms that the identity keys join meet on one thread.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shardKey } from '../../../src/check/parallel/account-shard.js';
import { accountKey } from '../../../src/identity/account-key.js';

const ZERO_WIDTH_SPACE = '\u200b';
const digitString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** `text` with separators the identity keys ignore put between its characters, and its letters' case changed. */
const writtenAs = (text: string) =>
  fc
    .array(fc.constantFrom('', '', '', ' ', '.', '-', '/', '_', ':', ZERO_WIDTH_SPACE), {
      minLength: text.length,
      maxLength: text.length,
    })
    .chain((gaps) =>
      fc
        .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
        .map((lower) =>
          [...text].map((char, at) => (lower[at] === true ? char.toLowerCase() : char) + (gaps[at] as string)).join(''),
        ),
    );

describe('shardKey', () => {
  it('gives digits alone the key of the general path, at every length (an invisible character forces it)', () => {
    fc.assert(
      fc.property(digitString(1, 20), (account) => {
        expect(shardKey(account)).toBe(shardKey(`${account}${ZERO_WIDTH_SPACE}`));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives plain letters and digits the key of the general path', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCXYZ0189'), minLength: 1, maxLength: 14 }), (account) => {
        expect(shardKey(account)).toBe(shardKey(`${account}${ZERO_WIDTH_SPACE}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('puts two forms of one identity key on one thread (customer numbers and bare digits)', () => {
    const id = fc.string({ unit: fc.constantFrom(...'ABCDEFKLZ0123456789'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        id.chain((text) => fc.tuple(writtenAs(text), writtenAs(text))),
        ([one, other]) => {
          if (accountKey(one).key === accountKey(other).key) expect(shardKey(one)).toBe(shardKey(other));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('puts the national and international forms of a line on one thread', () => {
    const national = fc.tuple(fc.constantFrom('6', '7', '1', '9'), digitString(8, 8)).map(([a, b]) => `${a}${b}`);
    fc.assert(
      fc.property(national, (number) => {
        const forms = [`0${number}`, `+33${number}`, `0033${number}`, `+33 ${number.replace(/(\d\d)(?=\d)/g, '$1 ')}`];
        expect(new Set(forms.map((form) => accountKey(form, 'FR').key)).size).toBe(1);
        expect(new Set(forms.map(shardKey)).size).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('meets the spaced and international forms of a line on its last seven digits', () => {
    expect(shardKey('0612345678')).toBe('tel:2345678');
    expect(shardKey('06 12 34 56 78')).toBe('tel:2345678');
    expect(shardKey('+33 6 12 34 56 78')).toBe('tel:2345678');
    expect(shardKey('07700 900123')).toBe(shardKey('+44 7700 900123'));
  });

  it('gives seven digits one key however they are grouped (issue 13: they had two)', () => {
    expect(shardKey('1234567')).toBe('tel:1234567');
    expect(shardKey('123 4567')).toBe('tel:1234567');
    expect(shardKey('123_4567')).toBe('tel:1234567');
    expect(shardKey('42')).toBe('42');
    expect(shardKey('c-104233')).toBe('C104233');
  });
});
