import { describe, expect, it } from 'vitest';
import { accountKey, documentKey } from '../../src/identity/account-key.js';

const keyOf = (raw: string, country?: string): string => accountKey(raw, country).key;

describe('accountKey', () => {
  it('makes one line of the national and international forms of a French number', () => {
    for (const form of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033612345678',
      '+33 (0)6 12 34 56 78'.replace('(0)', ''),
    ]) {
      expect(keyOf(form), form).toBe('tel:+33612345678');
    }
    expect(accountKey('+33 6 12 34 56 78').display).toBe('0612345678');
  });

  it('reads the other countries billcheck reads, national form in the document country first', () => {
    expect(keyOf('0470 12 34 56', 'BE')).toBe(keyOf('+32 470 12 34 56'));
    expect(keyOf('044 668 18 00', 'CH')).toBe(keyOf('+41 44 668 18 00'));
    expect(keyOf('0211 1234567', 'DE')).toBe(keyOf('+49 211 1234567'));
    // 07700 900xxx is a drama range: possible, not valid, so the document's country must say GB (else it reads as German).
    expect(keyOf('07700 900123', 'GB')).toBe(keyOf('+44 7700 900123'));
    expect(keyOf('020 7946 0000', 'GB')).toBe('tel:+442079460000');
    expect(keyOf('(415) 555-0134')).toBe('tel:+14155550134');
    expect(keyOf('415.555.0134')).toBe('tel:+14155550134');
    expect(keyOf('+1 415-555-0134')).toBe('tel:+14155550134');
  });

  it('keeps two different lines apart', () => {
    expect(keyOf('06 12 34 56 78')).not.toBe(keyOf('06 12 34 56 79'));
    expect(keyOf('+33 6 12 34 56 78')).not.toBe(keyOf('+32 6 12 34 56 78'));
  });

  it('takes a bare number without trunk prefix for a customer number, not a line', () => {
    const key = accountKey('5566 7788 99', 'DE');
    expect(key.kind).toBe('customer');
    expect(key.key).toBe('id:5566778899');
    expect(key.display).toBe('5566 7788 99');
  });

  it('compares customer numbers without case and separators', () => {
    expect(keyOf('C-104233')).toBe(keyOf('c104233'));
    expect(keyOf('C 104 233')).toBe(keyOf('c.104.233'));
    expect(keyOf('C-104233')).not.toBe(keyOf('C-104234'));
  });

  it('removes invisible characters and says which', () => {
    const key = accountKey('06\u200b12 34 56 78');
    expect(key.key).toBe('tel:+33612345678');
    expect(key.invisible).toEqual(['U+200B']);
    expect(accountKey('C-10\ufeff4233').key).toBe(keyOf('C-104233'));
    expect(accountKey('C-104233').invisible).toEqual([]);
    // A customer number is shown as written: the report escapes what it hides.
    expect(accountKey('C-10\u200b4233').display).toBe('C-10\u200b4233');
  });

  it('compares document numbers like customer numbers', () => {
    expect(documentKey('FAC 2024-001')).toBe(documentKey('fac-2024-001'));
    expect(documentKey('FAC-2024-001')).not.toBe(documentKey('FAC-2024-002'));
  });
});
