/**
 * The shortcuts of account-key.ts (issue 19) against the long way: libphonenumber's own national
 * format, and the normalization that an invisible character forces.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  accountKey,
  accountKeyInFull,
  documentKey,
  frenchInternationalLine,
  frenchNationalLine,
  plainCustomerNumber,
  frenchNationalLineKeyHash,
} from '../../src/identity/account-key.js';
import { fnv1a } from '../../src/engine/account-table.js';
import { claimHash } from '../../src/identity/claims.js';

const ZERO_WIDTH_SPACE = '\u200b';
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('accountKey of French lines', () => {
  it('gives the national digits of formatNational, written nationally or internationally', () => {
    const separator = fc.constantFrom('', ' ', '.', '-');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        digits(8),
        separator,
        fc.constantFrom('0', '+33', '0033'),
        (first, rest, sep, prefix) => {
          const national = `${first}${rest}`;
          const written = `${prefix}${national.slice(0, 1)}${sep}${national.slice(1, 3)}${sep}${national.slice(3)}`;
          const key = accountKey(written);
          if (key.kind !== 'line') return;
          const phone = parsePhoneNumberFromString(key.key.slice('tel:'.length));
          expect(phone, written).toBeDefined();
          expect(key.display, written).toBe(phone?.formatNational().replace(/\D/g, ''));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads the bench and operators\u2019 mobile and landline numbers as lines of France', () => {
    expect(accountKey('0610000370')).toMatchObject({ key: 'tel:+33610000370', display: '0610000370', kind: 'line' });
    expect(accountKey('+33 1 44 55 66 77')).toMatchObject({ key: 'tel:+33144556677', display: '0144556677' });
  });

  it('keys a French national number without the metadata as libphonenumber keys it (France tried first)', () => {
    // Any ten characters of digits, the trunk 0 first or not: the shortcut must answer exactly where
    // France's metadata says valid, and leave the rest (00…, 0 then 0, eleven digits) to the long way.
    const written = fc.oneof(
      fc.tuple(fc.constantFrom('0'), digits(9)).map(([trunk, rest]) => `${trunk}${rest}`),
      digits(10),
      digits(11),
    );
    fc.assert(
      fc.property(written, (compact) => {
        const fast = frenchNationalLine(compact, []);
        const phone = parsePhoneNumberFromString(compact, 'FR');
        const valid = /^0[1-9]/.test(compact) && phone?.isValid() === true;
        expect(fast !== undefined, compact).toBe(valid);
        if (fast === undefined || phone === undefined) return;
        expect(fast.key, compact).toBe(`tel:${phone.number}`);
        expect(fast.display, compact).toBe(phone.formatNational().replace(/\D/g, ''));
        // And accountKey, with the country unknown or French, gives the same as the shortcut.
        expect(accountKey(compact)).toEqual(fast);
        expect(accountKey(compact, 'FR')).toEqual(fast);
      }),
      { numRuns: 3000 },
    );
  });

  it('keys a French line written internationally as libphonenumber keys it (property)', () => {
    // "+33" and nine or ten digits, the first 0 or not: the shortcut answers exactly for "+33[1-9]"
    // and eight more digits, with libphonenumber's key and national digits, whatever the country.
    const written = fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.oneof(digits(8), digits(9), digits(7)))
      .map(([first, rest]) => `+33${first}${rest}`);
    fc.assert(
      fc.property(written, fc.constantFrom(undefined, 'FR', 'BE', 'GB'), (compact, country) => {
        const fast = frenchInternationalLine(compact, []);
        expect(fast !== undefined, compact).toBe(/^\+33[1-9]\d{8}$/.test(compact));
        if (fast === undefined) return;
        const phone = parsePhoneNumberFromString(compact);
        expect(phone?.isPossible(), compact).toBe(true);
        expect(fast.key, compact).toBe(`tel:${phone?.number}`);
        expect(fast.display, compact).toBe(phone?.formatNational().replace(/\D/g, ''));
        // accountKey's own shortcut, whatever the country (accountKeyInFull takes the same one: no check).
        expect(accountKey(compact, country)).toEqual(fast);
      }),
      { numRuns: 2000 },
    );
    expect(frenchInternationalLine('+330612345678', [])).toBeUndefined();
    expect(accountKey('0033 6 12 34 56 78')).toMatchObject({ key: 'tel:+33612345678', display: '0612345678' });
  });

  it('keys a customer number written plainly as the long way keys it (property)', () => {
    // Letters, digits, separators, spaces, an invisible character, a leading digit or "+": the
    // shortcut answers for a letter then letters, digits and . _ / - only, exactly as the long way.
    const written = fc.string({ unit: fc.constantFrom(...'AbCz09-_./ +\u200b:é'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(written, fc.constantFrom(undefined, 'FR', 'GB'), (raw, country) => {
        const fast = plainCustomerNumber(raw);
        expect(fast !== undefined, raw).toBe(/^[A-Za-z][A-Za-z0-9._/-]*$/.test(raw));
        expect(accountKey(raw, country), raw).toEqual(accountKeyInFull(raw, country));
        if (fast !== undefined) expect(fast, raw).toEqual(accountKeyInFull(raw, country));
      }),
      { numRuns: 4000 },
    );
    expect(plainCustomerNumber('PRO-004511')).toMatchObject({ key: 'id:PRO004511', display: 'PRO-004511' });
    expect(plainCustomerNumber('0612345678')).toBeUndefined();
  });

  it("hashes a French line's key without making it, as fnv1a hashes the key made (property)", () => {
    // The join hashes every account's key: for the lines of the shortcut, without its string.
    const written = fc.oneof(
      fc.tuple(fc.constantFrom('0'), digits(9)).map(([trunk, rest]) => `${trunk}${rest}`),
      digits(10),
      fc.constantFrom('0612345678', '06 12 34 56 78', '+33612345678', '0012345678', 'C-104233'),
    );
    fc.assert(
      fc.property(written, (compact) => {
        const key = frenchNationalLine(compact, [])?.key;
        expect(frenchNationalLineKeyHash(compact), compact).toBe(key === undefined ? undefined : fnv1a(key));
      }),
      { numRuns: 2000 },
    );
    expect(frenchNationalLineKeyHash('0612345678')).toBe(fnv1a('tel:+33612345678'));
  });

  it('gives every account the key the long way gives, French lines taken straight or not (property)', () => {
    // Lines as exports write them, with the country known or not, and the same with what the long
    // way cleans (spaces, dots, a zero-width space, a leading "+33", letters): one key either way.
    const written = fc.oneof(
      fc.tuple(fc.constantFrom('0'), digits(9)).map(([trunk, rest]) => `${trunk}${rest}`),
      digits(10),
      fc
        .tuple(fc.constantFrom('0', '+33 ', '0033'), digits(9), fc.constantFrom(' ', '.', '\u200b', '', 'A'))
        .map(([start, rest, between]) => `${start}${rest.slice(0, 1)}${between}${rest.slice(1)}`),
    );
    fc.assert(
      fc.property(written, fc.constantFrom(undefined, 'FR', 'BE', 'GB'), (raw, country) => {
        expect(accountKey(raw, country), raw).toEqual(accountKeyInFull(raw, country));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves a national number of a document from another country to that country\u2019s metadata', () => {
    // 0612345678 from a Belgian bill: Belgium's own rules decide first, not the French shortcut.
    const belgian = accountKey('0470123456', 'BE');
    expect(belgian.key).toBe('tel:+32470123456');
  });

  it('still formats the lines of other countries with the metadata', () => {
    expect(accountKey('0470 12 34 56', 'BE').display).toBe('0470123456');
    expect(accountKey('(415) 555-0134').display).toBe('4155550134');
  });
});

describe('documentKey of printable ASCII bill numbers', () => {
  it('is the key the normalization gives (an invisible character forces it)', () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
      maxLength: 20,
    });
    fc.assert(
      fc.property(ascii, (id) => {
        expect(documentKey(id)).toBe(documentKey(`${id}${ZERO_WIDTH_SPACE}`));
      }),
      { numRuns: 5000 },
    );
  });

  it('compacts separators and case as before', () => {
    expect(documentKey('F202001-0000010')).toBe('F2020010000010');
    expect(documentKey('fac 001')).toBe('FAC001');
    expect(documentKey(' - ')).toBe(' - ');
  });
});

describe('claimHash of printable ASCII bill numbers', () => {
  it('is the hash of documentKey, whatever the characters (fast path or not)', () => {
    const ascii = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
        fc.constantFrom(' ', '-', '.', '/', '_', '(', ')', ':', ',', ';', '\\'),
        fc.constantFrom('\u00e9', '\u200b', '\t', '\u00a0', '\uff26'),
      ),
      maxLength: 24,
    });
    fc.assert(
      fc.property(ascii, (id) => {
        expect(claimHash(id), JSON.stringify(id)).toBe(fnv1a(documentKey(id)));
      }),
      { numRuns: 5000 },
    );
  });

  it('hashes the bench and operators\u2019 numbers as their keys', () => {
    for (const id of ['F202001-0000010', 'fac 001', 'FR-2024/00017', ' - ', '', 'INV_2025.03'])
      expect(claimHash(id)).toBe(fnv1a(documentKey(id)));
  });
});
