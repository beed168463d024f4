/** The registry of words: every rule complete in every language, with the English placeholders. */
import { describe, expect, it } from 'vitest';
import { RESERVED_RULES } from '../../src/engine/reserved-rules.js';
import { placeholdersOf, TRANSLATIONS } from '../../src/i18n/catalogue.js';
import { EN_WORDS } from '../../src/i18n/en/words.js';
import { FR_WORDS } from '../../src/i18n/fr/words.js';
import { RULES } from '../../src/rules/index.js';

const ALL = [...RULES, ...RESERVED_RULES];

describe.each(Object.entries(TRANSLATIONS))('the %s catalogue', (lang, catalogue) => {
  it('has an entry for every rule and reserved rule, and none for a rule that does not exist', () => {
    expect(Object.keys(catalogue).sort()).toEqual(ALL.map((rule) => rule.id).sort());
  });

  describe.each(ALL.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    const texts = catalogue[rule.id];

    it('translates every message, with the same placeholders as English', () => {
      expect(texts).toBeDefined();
      expect(Object.keys(texts?.messages ?? {}).sort()).toEqual(Object.keys(rule.messages).sort());
      for (const [id, english] of Object.entries(rule.messages as Record<string, string>)) {
        const translated = texts?.messages[id] ?? '';
        expect(placeholdersOf(translated), `${lang} ${rule.id}.${id}`).toEqual(placeholdersOf(english));
        expect(translated).not.toBe(english);
      }
    });

    it('documents the rule and each of its options', () => {
      expect(texts?.description).not.toBe(rule.description);
      expect(texts?.docs.why).not.toBe(rule.docs.why);
      expect(texts?.docs.whatToDo).not.toBe(rule.docs.whatToDo);
      expect(texts?.docs.basis === undefined).toBe(rule.docs.basis === undefined);
      expect(Object.keys(texts?.docs.options ?? {}).sort()).toEqual(Object.keys(rule.docs.options ?? {}).sort());
    });
  });
});

describe('the words outside the rules', () => {
  it('give account-conflict the same placeholders in French as in English', () => {
    expect(placeholdersOf(FR_WORDS.engine.conflict)).toEqual(placeholdersOf(EN_WORDS.engine.conflict));
    expect(placeholdersOf(EN_WORDS.engine.conflict)).toEqual(['invoiceId', 'otherAccount', 'otherFile', 'otherLine']);
  });
});

describe('placeholdersOf', () => {
  it('lists each name once, sorted, spaces inside the braces allowed', () => {
    expect(placeholdersOf('{{b}} and {{ a }} then {{b}}')).toEqual(['a', 'b']);
    expect(placeholdersOf('no placeholder')).toEqual([]);
  });
});
