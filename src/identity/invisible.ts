/**
 * Characters that print as nothing: a zero-width space copied from a web page makes
 * "06<U+200B>12 34 56 78" and "06 12 34 56 78" two different strings that look the same on screen
 * (issue 18). Identity compares accounts without them and reports say they were there.
 */
// A class of single code points on purpose: U+034F (a combining joiner) stands alone here.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/gu;

export interface Cleaned {
  readonly text: string;
  /** The invisible characters removed, as "U+200B", once each, in the order met. */
  readonly removed: readonly string[];
}

export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function withoutInvisible(text: string): Cleaned {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return { text, removed: [] };
  const removed = new Set<string>();
  const cleaned = text.replace(INVISIBLE, (char) => {
    removed.add(codePointName(char));
    return '';
  });
  return { text: cleaned, removed: [...removed] };
}
