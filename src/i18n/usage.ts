/**
 * Usage errors said in the run's language. The error is thrown where the option is read, before
 * anyone knows the language for sure; it carries its catalogue key and data, and is worded when
 * it is printed.
 */
import { EN_USAGE, type UsageKey } from './en/usage.js';
import { FR_USAGE } from './fr/usage.js';
import type { Lang } from './lang.js';
import { fill, type PhraseBook } from './phrases.js';
import { frenchConfigText } from './fr/config.js';
import { readerText } from './reader.js';

export const USAGE: PhraseBook<UsageKey> = { en: EN_USAGE, fr: FR_USAGE };

/** A phrase to say later: its key and its data, a value being text, another phrase (a reason) or a list of them. */
export interface Said {
  readonly key: UsageKey;
  readonly data: Readonly<Record<string, string | number | Said | readonly Said[]>>;
}

export function said(key: UsageKey, data: Said['data'] = {}): Said {
  return { key, data };
}

/** The phrase in `lang`; a `reason` in text comes from the readers, whose sentences fr/reader.ts translates. */
export function usageText(phrase: Said, lang: Lang): string {
  const data: Record<string, string | number> = Object.create(null) as Record<string, string | number>;
  for (const [name, value] of Object.entries(phrase.data)) {
    if (Array.isArray(value)) data[name] = value.map((item: Said) => usageText(item, lang)).join(', ');
    else if (typeof value === 'object') data[name] = usageText(value as Said, lang);
    else data[name] = name === 'reason' && typeof value === 'string' ? englishSentenceIn(value, lang) : value;
  }
  return fill(USAGE[lang][phrase.key], data);
}

/**
 * A sentence the readers or the config loader wrote in English (they stay English: others edit
 * them), in `lang` when its catalogue knows it.
 */
export function englishSentenceIn(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const read = readerText(text, lang);
  return read === text ? frenchConfigText(text) : read;
}

/** A phrase for an OS error code: `open.ENOENT` / `write.ENOSPC` when the catalogue has it, else the code. */
export function codePhrase(prefix: 'open' | 'write', code: string): Said | string {
  const key = `${prefix}.${code}`;
  return Object.hasOwn(EN_USAGE, key) ? said(key as UsageKey) : code;
}
