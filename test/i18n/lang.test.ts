import { describe, expect, it } from 'vitest';
import { formatCount, formatReportDate } from '../../src/i18n/format.js';
import { langOfEnvironment, langOfLocale, resolveLang } from '../../src/i18n/lang.js';

describe('the language of a run', () => {
  it('reads POSIX locales', () => {
    expect(langOfLocale('fr_FR.UTF-8')).toBe('fr');
    expect(langOfLocale('fr_CA')).toBe('fr');
    expect(langOfLocale('fr')).toBe('fr');
    expect(langOfLocale('en_GB.UTF-8')).toBe('en');
    expect(langOfLocale('de_DE.UTF-8')).toBeUndefined();
    expect(langOfLocale('C.UTF-8')).toBeUndefined();
    expect(langOfLocale('POSIX')).toBeUndefined();
  });

  it('takes LC_ALL, else LC_MESSAGES, else LANG: the first one set wins even in a language billcheck lacks', () => {
    expect(langOfEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langOfEnvironment({ LC_MESSAGES: 'fr_FR.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('fr');
    expect(langOfEnvironment({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'fr_FR' })).toBe('en');
    expect(langOfEnvironment({ LC_ALL: '', LANG: 'fr_FR' })).toBe('fr');
    expect(langOfEnvironment({ LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR' })).toBeUndefined();
    expect(langOfEnvironment({})).toBeUndefined();
  });

  it('prefers --lang, then the config, then the locale, then English', () => {
    const env = { LANG: 'fr_FR.UTF-8' };
    expect(resolveLang({ flag: 'en', config: 'fr', env })).toBe('en');
    expect(resolveLang({ config: 'en', env })).toBe('en');
    expect(resolveLang({ env })).toBe('fr');
    expect(resolveLang({ env: { LANG: 'de_DE.UTF-8' } })).toBe('en');
  });
});

describe('one convention per report', () => {
  it('groups counts with a narrow no-break space in French and a comma in English', () => {
    expect(formatCount(9976, 'fr')).toBe('9\u202F976');
    expect(formatCount(9976, 'en')).toBe('9,976');
    expect(formatCount(1234567, 'fr')).toBe('1\u202F234\u202F567');
    expect(formatCount(3.5, 'fr')).toBe('3,5');
    expect(formatCount(3.5, 'en')).toBe('3.5');
    expect(formatCount(12, 'fr')).toBe('12');
  });

  it('writes dates day first in French and with a month name in English', () => {
    expect(formatReportDate('2024-01-05', 'fr')).toBe('05/01/2024');
    expect(formatReportDate('2024-01-05', 'en')).toBe('5 Jan 2024');
    expect(formatReportDate('2024-12-31', 'en')).toBe('31 Dec 2024');
    expect(formatReportDate('not a date', 'fr')).toBe('not a date');
  });
});
