/**
 * Text from the input goes to terminals, spreadsheets and log viewers. A hostile CSV can carry
 * ANSI escape sequences (clear the screen, rewrite earlier lines, forge a "✔ No problems"),
 * C1 controls that some terminals read as escapes, and bidi overrides that make "0612" display
 * as "2160" (Trojan Source). Reporters therefore never print such characters raw.
 */

/**
 * Everything a terminal may interpret rather than display: C0 controls, DEL, C1 controls,
 * the bidi marks, embeddings, overrides and isolates, and the Unicode line/paragraph separators.
 * Also the characters that print as nothing (zero-width space and non-joiner, word joiner and
 * invisible operators, BOM, soft hyphen): "06\u200B12345678" must not look like "0612345678" (issue 18).
 * The zero-width joiner stays: emoji sequences are made of it.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200c\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Line breaks and tabs inside a cell are layout, not content: one space keeps the words apart. */
const LAYOUT = new Set(['\t', '\n', '\r', '\u2028', '\u2029']);

function escapeCode(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The text with every unsafe character made visible as `\uXXXX` (tabs and line breaks become a
 * space). An escape sequence is thus shown, not obeyed, and a NUL inside an account number stays
 * noticeable. Ordinary Unicode (é, €, NBSP, CJK, emoji) is kept.
 */
export function printable(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (char) => (LAYOUT.has(char) ? ' ' : escapeCode(char)));
}

/** What JSON.stringify leaves raw although a terminal may act on it (C0 is already escaped). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the characters above written as `\uXXXX` escapes. They can only occur inside
 * strings, where the escape means the same character: the JSON parses to the same value, but
 * is safe to print on a terminal and to embed in pre-ES2019 JavaScript.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (char) => escapeCode(char).toLowerCase());
}
