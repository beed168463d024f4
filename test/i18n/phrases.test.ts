/**
 * The registry of the CLI's own words (issue 20): every help, usage-error and HTML phrase exists
 * in every language with the placeholders of the English one, and no French phrase was left in
 * English by mistake (the few words that are the same in both are listed).
 */
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../src/i18n/catalogue.js';
import { HELP } from '../../src/i18n/help.js';
import { HTML_WORDS } from '../../src/i18n/html.js';
import { LANGS } from '../../src/i18n/lang.js';
import { fill, type PhraseBook } from '../../src/i18n/phrases.js';
import { USAGE } from '../../src/i18n/usage.js';

const BOOKS: Readonly<Record<string, PhraseBook<string>>> = { help: HELP, usage: USAGE, html: HTML_WORDS };

/** Phrases French writes as English does: loanwords, numbers only, or a frame around placeholders. */
const SAME_IN_FRENCH: Readonly<Record<string, readonly string[]>> = {
  help: [],
  usage: [],
  html: [
    'verdict.bad',
    'top.item',
    'summary.infos',
    'summary.documents',
    'summary.info',
    'summary.document',
    'table.message',
    'table.document',
    'table.date',
    'count.document.one',
    'count.document.other',
  ],
};

/** The page script's own markers ({shown}, {total}), which the catalogue must keep too. */
function scriptMarkers(text: string): string[] {
  return [...text.matchAll(/(?<!\{)\{(\w+)\}(?!\})/g)].map((m) => m[1] as string).sort();
}

describe.each(Object.entries(BOOKS))('the %s catalogue', (name, book) => {
  const english = book.en;
  const keys = Object.keys(english).sort();

  it('has a phrase for every English key in every language, and no other', () => {
    for (const lang of LANGS) {
      expect(Object.keys(book[lang]).sort(), lang).toEqual(keys);
    }
  });

  it.each(LANGS.filter((lang) => lang !== 'en'))('gives each %s phrase the English placeholders', (lang) => {
    const mismatched = keys.filter(
      (key) =>
        placeholdersOf(book[lang][key] as string).join() !== placeholdersOf(english[key] as string).join() ||
        scriptMarkers(book[lang][key] as string).join() !== scriptMarkers(english[key] as string).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('leaves no French phrase in English, but the ones listed as the same', () => {
    const same = keys.filter((key) => book.fr[key] === english[key]);
    expect(same.sort()).toEqual([...(SAME_IN_FRENCH[name] ?? [])].sort());
  });

  it('has no empty phrase', () => {
    for (const lang of LANGS) {
      expect(
        keys.filter((key) => (book[lang][key] as string).trim() === ''),
        lang,
      ).toEqual([]);
    }
  });
});

describe('French help headings', () => {
  it('put a no-break space before the colon, as French typography does', () => {
    for (const key of ['title.usage', 'title.arguments', 'title.options', 'title.commands'] as const) {
      expect(HELP.fr[key]).toMatch(/\S\u00A0:$/);
    }
    expect(HELP.fr['title.usage']).toBe('Utilisation\u00A0:');
    expect(HELP.fr['title.commands']).toBe('Commandes\u00A0:');
  });
});

describe('fill', () => {
  it('puts the data in its placeholders and leaves unknown names as written', () => {
    expect(fill('{{file}}: {{ reason }} ({{other}})', { file: 'a.json', reason: 'unreadable' })).toBe(
      'a.json: unreadable ({{other}})',
    );
  });

  it('does not read names from the prototype of the data', () => {
    expect(fill('{{constructor}}', {})).toBe('{{constructor}}');
  });
});
