/**
 * The lines of a text document, prepared once for every extractor: a folded copy in which
 * labels are matched (lower case, no accents, punctuation as spaces) keeps the raw line's
 * length, so a label found in the folded text points at the same columns in the raw text.
 */

/** Longer lines are cut: no invoice line is this long, and per-line work must stay bounded. */
export const MAX_LINE_LENGTH = 2000;

export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A run of text separated from its neighbours by two spaces or more (a column in `pdftotext -layout`). */
export interface Cell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TextLine {
  /** 1-based physical line (a `\f` page break does not start a new physical line). */
  readonly no: number;
  readonly page: number;
  readonly raw: string;
  readonly folded: string;
  readonly words: readonly Word[];
  readonly cells: readonly Cell[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING = /[\u0300-\u036f]/g;
const foldCache = new Map<string, string>();

/** One UTF-16 unit folded to one unit: "É" → "e", "°" → " ", "º" → "o". */
function foldUnit(unit: string): string {
  const cached = foldCache.get(unit);
  if (cached !== undefined) return cached;
  let folded = ' ';
  if (unit === 'º' || unit === 'ª') folded = unit === 'º' ? 'o' : 'a';
  else if (unit === 'ß') folded = 's';
  else if (LETTER_OR_DIGIT.test(unit)) {
    const base = unit.toLowerCase().normalize('NFD').replace(COMBINING, '');
    folded = base.length === 1 && LETTER_OR_DIGIT.test(base) ? base : unit.length === 1 ? (base[0] ?? ' ') : ' ';
  }
  if (foldCache.size < 4096) foldCache.set(unit, folded);
  return folded;
}

export function foldLine(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) out += raw[i];
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else if (code < 0x80) out += ' ';
    else out += foldUnit(raw[i] ?? ' ');
  }
  return out;
}

function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const blank = i === folded.length || folded.charCodeAt(i) === 0x20;
    if (!blank && start < 0) start = i;
    else if (blank && start >= 0) {
      words.push({ text: folded.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return words;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x202f;
}

export function cellsOf(raw: string): Cell[] {
  const cells: Cell[] = [];
  let start = -1;
  let lastNonBlank = -1;
  for (let i = 0; i <= raw.length; i++) {
    const code = i === raw.length ? 0x20 : raw.charCodeAt(i);
    if (!isBlank(code)) {
      if (start < 0) start = i;
      lastNonBlank = i;
      continue;
    }
    // A tab or a second blank in a row closes the cell.
    const closes =
      i === raw.length ||
      code === 0x09 ||
      (i + 1 < raw.length && isBlank(raw.charCodeAt(i + 1))) ||
      i + 1 === raw.length;
    if (start >= 0 && closes) {
      cells.push({ text: raw.slice(start, lastNonBlank + 1), start, end: lastNonBlank + 1 });
      start = -1;
    }
  }
  return cells;
}

/** Splits on CRLF, CR, LF; a form feed ends a page but not a physical line. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let page = 1;
  let no = 0;
  for (const physical of text.split(/\r\n|\r|\n/)) {
    no++;
    const pieces = physical.split('\f');
    pieces.forEach((piece, index) => {
      if (index > 0) page++;
      const raw = piece.length > MAX_LINE_LENGTH ? piece.slice(0, MAX_LINE_LENGTH) : piece;
      if (raw.trim() === '') return;
      const folded = foldLine(raw);
      lines.push({ no, page, raw, folded, words: wordsOf(folded), cells: cellsOf(raw) });
    });
  }
  return lines;
}
