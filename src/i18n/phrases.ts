/**
 * Flat catalogues of templates with `{{placeholders}}` for the words of the CLI itself: help
 * texts, usage errors and the HTML report's own words. English is the reference; every other
 * language gives the same keys (the compiler holds that) with the same placeholders (a registry
 * test holds that, as it does for the rules' messages).
 */
import type { Lang } from './lang.js';

export type Phrases<Key extends string> = Readonly<Record<Key, string>>;

/** One catalogue per language, the English one giving the keys. */
export type PhraseBook<Key extends string> = Readonly<Record<Lang, Phrases<Key>>>;

/** "{{file}}: cannot read it" with { file: "a.json" } → "a.json: cannot read it"; unknown names stay as written. */
export function fill(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** A phrase of `book` in `lang`, filled. */
export function phrase<Key extends string>(
  book: PhraseBook<Key>,
  lang: Lang,
  key: Key,
  data?: Readonly<Record<string, string | number>>,
): string {
  return fill(book[lang][key], data);
}
