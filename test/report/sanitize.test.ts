import { describe, expect, it } from 'vitest';
import { printable, terminalSafeJson } from '../../src/report/sanitize.js';
import { HOSTILE, RAW_UNSAFE } from './sample.js';

describe('printable', () => {
  it('keeps ordinary Unicode as it is', () => {
    const text = 'Société Générale — 1\u00a0234,56\u202f€ · Zürich ¥ 請求書 📞';
    expect(printable(text)).toBe(text);
  });

  it('shows an ANSI escape sequence as text instead of letting the terminal obey it', () => {
    expect(printable('\u001b[31mrouge\u001b[0m')).toBe('\\u001B[31mrouge\\u001B[0m');
  });

  it('escapes C1 controls, which some terminals read as escapes (U+009B is a CSI)', () => {
    expect(printable('a\u009b2Jb\u0085c')).toBe('a\\u009B2Jb\\u0085c');
  });

  it('escapes bidi overrides and isolates, so "0612" cannot display reversed', () => {
    expect(printable('\u202e0612\u202c')).toBe('\\u202E0612\\u202C');
    expect(printable('\u2067x\u2069\u200f')).toBe('\\u2067x\\u2069\\u200F');
  });

  it('escapes NUL, BEL and DEL, so that they stay noticeable in an account number', () => {
    expect(printable('0612\u0000345\u0007\u007f')).toBe('0612\\u0000345\\u0007\\u007F');
  });

  it('turns tabs and line breaks of a multi-line cell into spaces', () => {
    expect(printable('12 rue de la Paix\r\n75002\tParis\u2028France')).toBe('12 rue de la Paix  75002 Paris France');
  });

  it('leaves nothing unsafe in hostile text, whatever the call order', () => {
    for (const text of Object.values(HOSTILE)) {
      expect(printable(text)).not.toMatch(RAW_UNSAFE);
      expect(printable(text)).not.toMatch(/\n/);
    }
  });
});

describe('terminalSafeJson', () => {
  it('escapes what JSON.stringify leaves raw, and the JSON still means the same', () => {
    const value = { message: 'a\u2028b\u202ec\u009bd\u007f', note: 'é€' };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(RAW_UNSAFE);
    expect(json).toContain('é€');
    expect(JSON.parse(json)).toEqual(value);
  });
});
