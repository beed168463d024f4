import { printable } from '../sanitize.js';

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Any string for HTML text or a quoted attribute value. Markup characters become entities, so
 * `<script>` or `" onerror="` stays text; control characters and bidi overrides (U+202E makes
 * "0612" display as "2160") are first made visible as `\u202E` by printable(), as on a terminal.
 */
export function escapeHtml(text: string): string {
  const visible = printable(text);
  HTML_SPECIAL.lastIndex = 0;
  if (!HTML_SPECIAL.test(visible)) return visible;
  return visible.replace(HTML_SPECIAL, (char) => ENTITIES[char] as string);
}

/**
 * Input text set among other words (an account in a heading, a file name in a sentence): isolated
 * with <bdi>, so that right-to-left letters in it cannot reorder the words around it.
 */
export function isolated(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}
