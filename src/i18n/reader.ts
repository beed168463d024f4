import { frenchReaderText } from './fr/reader.js';
import type { Lang } from './lang.js';

/** A reader's sentence (an invalid-input reason, a notice, a skipped part) in the report's language. */
export function readerText(text: string, lang: Lang): string {
  return lang === 'fr' ? frenchReaderText(text) : text;
}

/** "the amount cannot be read" → "The amount cannot be read": a finding's message is a sentence. */
export function sentence(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
