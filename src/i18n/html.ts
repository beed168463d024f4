/** The HTML report's own words in the report's language, with counts written as the text report writes them. */
import { EN_HTML, type HtmlKey } from './en/html.js';
import { FR_HTML } from './fr/html.js';
import { formatCount, formatReportDate } from './format.js';
import type { Lang } from './lang.js';
import { phrase, type PhraseBook } from './phrases.js';

export const HTML_WORDS: PhraseBook<HtmlKey> = { en: EN_HTML, fr: FR_HTML };

/** The nouns the page counts; each has `count.<noun>.one` and `.other` in every catalogue. */
export type CountedNoun =
  | 'file'
  | 'document'
  | 'row'
  | 'account'
  | 'finding'
  | 'problem'
  | 'error'
  | 'warning'
  | 'rowOrText'
  | 'more'
  | 'moreAccount'
  | 'bill'
  | 'day';

export interface PageWords {
  readonly lang: Lang;
  /** A phrase, its data inserted as given (the page escapes what comes from the input before). */
  say(key: HtmlKey, data?: Readonly<Record<string, string>>): string;
  /** "1 file" / "2 files"; French keeps 0 and 1 singular, as fr/words.ts does. */
  count(noun: CountedNoun, n: number): string;
  /** A plain count: 9,976 or 9 976 (U+202F). */
  number(n: number): string;
  /** A date in the report's one notation (05/01/2024, 5 Jan 2024). */
  date(iso: string): string;
}

export function pageWords(lang: Lang): PageWords {
  return {
    lang,
    say: (key, data) => phrase(HTML_WORDS, lang, key, data),
    count: (noun, n) => {
      const singular = lang === 'fr' ? n < 2 : n === 1;
      const key = `count.${noun}.${singular ? 'one' : 'other'}` as HtmlKey;
      return phrase(HTML_WORDS, lang, key, { n: formatCount(n, lang) });
    },
    number: (n) => formatCount(n, lang),
    date: (iso) => formatReportDate(iso, lang),
  };
}
