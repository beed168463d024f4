/**
 * Reads the value a label introduces: a document or account number, a date, a period.
 */
import { withoutInvisible } from '../../identity/invisible.js';
import { parseDate } from '../values/dates.js';
import type { DateOrder } from '../values/dates.js';

const MAX_ID_LENGTH = 40;
const NUMBER_MARKERS = new Set([
  'n',
  'n°',
  'no',
  'nº',
  'nr',
  'no.',
  'nr.',
  'numero',
  'numéro',
  'number',
  'nummer',
  '#',
  'num',
  'num.',
]);
const ID_CHAR = /[\p{L}\p{N}\-/_.]/u;
const LEADING_NOISE = /^[\s:.#°º=–—-]+/u;

function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start <= MAX_ID_LENGTH && ID_CHAR.test(text[end] ?? '')) end++;
  return end;
}

/**
 * Numbers some issuers print with single spaces: a series prefix ("F 5521K24/0387/14",
 * "FV 128/03/2024") or groups of digits ("1234 5678 9012"). Two spaces end the value (a new
 * column), and two digit groups alone are too little to tell an identifier from two numbers.
 */
function spacedIdentifierEnd(text: string, start: number, end: number): number {
  const first = text.slice(start, end);
  const next = (from: number): number =>
    text[from] === ' ' && ID_CHAR.test(text[from + 1] ?? '') ? wordEnd(text, from + 1) : from;
  if (/^[A-Z]{1,4}$/.test(first)) {
    let after = next(end);
    if (after === end || !/\d/.test(text.slice(end, after))) return end;
    // "C 7741 0923": groups of digits after the prefix belong to it too (a tryout's customer
    // number was cut to "C 7741"); a word or two spaces end it.
    for (;;) {
      const more = next(after);
      if (more === after || !/^ \d{2,4}$/.test(text.slice(after, more)) || more - start > MAX_ID_LENGTH) break;
      after = more;
    }
    return after;
  }
  // "1234 5678 9012", "100087 654 321": a first group of up to six digits is read with the groups of
  // three or four after it, never alone.
  if (!/^\d{1,6}$/.test(first)) return end;
  let stop = end;
  let groups = 1;
  for (;;) {
    const after = next(stop);
    if (after === stop || !/^ \d{3,4}$/.test(text.slice(stop, after))) break;
    stop = after;
    groups++;
  }
  if (groups < 3) return end;
  // Once it is plainly one spaced number, shorter groups after it are its end ("0 612 345 678 07 26",
  // tryout 7's Orange bill, was cut after "678"). A group followed by a decimal part is an amount.
  for (;;) {
    const after = next(stop);
    if (after === stop || !/^ \d{2,4}$/.test(text.slice(stop, after)) || /^[,.]\d/.test(text.slice(after))) break;
    stop = after;
  }
  return stop - start <= MAX_ID_LENGTH ? stop : end;
}

/** What may follow a number in its sentence without belonging to it: punctuation, quotes, brackets. */
const AFTER_NUMBER = /^[\s,;:.!?()[\]{}»”"'’…/_-]/u;
const MAX_CUT_SHOWN = 24;

/**
 * The text that continues a number read from `text` up to `end`, in the same cell, when the reading
 * stopped before it (tryout 7: "10917<b>62601…" read as "10917", "0 612 345 678 07 26" as "0 612 345
 * 678"): a character glued to it that no sentence puts there, or one more group of digits after a
 * single space. Undefined when what follows is a word, punctuation, a date or an amount, or nothing.
 */
export function cutAfter(text: string, end: number): string | undefined {
  const rest = text.slice(end);
  const cell = rest.split(/\s{2,}|\t/u, 1)[0] ?? '';
  if (cell === '') return undefined;
  const glued = !AFTER_NUMBER.test(cell);
  const group = /^ (\d{2,6})(?=\s|$)/u.exec(cell);
  if (!glued && group === null) return undefined;
  // Glued: the characters up to the next space ("<b>62601…"); a group: the rest of the cell ("07 26").
  const shown = glued ? (cell.split(/\s/u, 1)[0] ?? cell) : cell.slice(1);
  return [...shown].slice(0, MAX_CUT_SHOWN).join('') + ([...shown].length > MAX_CUT_SHOWN ? '…' : '');
}

/**
 * The identifier at the start of `text` ("  : F-2024-0012 du 05/03" → "F-2024-0012"), or
 * undefined when what follows is no identifier (a word, a date, an amount).
 */
export function identifierAt(text: string, order: DateOrder | undefined): { id: string; end: number } | undefined {
  let offset = 0;
  for (let round = 0; round < 3; round++) {
    const noise = LEADING_NOISE.exec(text.slice(offset, offset + 40));
    if (noise) offset += noise[0].length;
    let stop = offset;
    while (stop < text.length && stop - offset < 12 && !/[\s:]/u.test(text[stop] ?? '')) stop++;
    if (!NUMBER_MARKERS.has(text.slice(offset, stop).toLowerCase())) break;
    offset = stop;
  }
  let end = wordEnd(text, offset);
  end = spacedIdentifierEnd(text, offset, end);
  let id = text.slice(offset, end);
  while (/[.\-/_]$/.test(id)) id = id.slice(0, -1);
  if (id.length < 3 || id.length > MAX_ID_LENGTH || !/\d/.test(id)) return undefined;
  if (/^\d{1,4}$/.test(id)) return undefined;
  // "12,50", "1.234,56" or "1,234.56" are amounts, "05/03/2024" a date; "7.1234567" is neither, nor is
  // "1.234.567.89", whose decimals would be separated as its thousands are (tryout 7: a Bouygues
  // "Référence client" of that shape was taken for an amount and the account was not read).
  if (/^\d+(?:\.\d{3})*,\d{1,2}$|^\d+(?:,\d{3})*\.\d{1,2}$|^\d{1,3}(?:[.,]\d{3})+$/.test(id)) return undefined;
  if (parseDate(id, order).ok) return undefined;
  return { id, end: offset + id.length };
}

/**
 * An account or line number: like an identifier, but a phone number written in pairs
 * ("06 12 34 56 78") is read whole, without its spaces.
 */
export function accountAt(text: string, order: DateOrder | undefined): string | undefined {
  const head = text.slice(0, 60);
  const cleaned = withoutInvisible(head);
  if (cleaned.removed.length === 0) return visibleAccountAt(text, order);
  // "06 98 46 10 0<U+200B>2" is read whole; the invisible character stays in it, for identity to
  // remove and reports to show (issue 18), rather than end the number where it stands.
  const read = visibleAccountAt(cleaned.text, order);
  return read === undefined ? undefined : withInvisibleKept(head, read);
}

/** `read` as `head` wrote it: the invisible characters between its first and last character put back. */
function withInvisibleKept(head: string, read: string): string {
  let kept = '';
  let matched = 0;
  for (const char of head) {
    if (matched === read.length) break;
    if (char === read[matched]) {
      kept += char;
      matched++;
    } else if (matched > 0 && withoutInvisible(char).removed.length > 0) {
      kept += char;
    }
  }
  return matched === read.length ? kept : read;
}

function visibleAccountAt(text: string, order: DateOrder | undefined): string | undefined {
  const phone = /^[\s:.#°º=-]*(?:n°|no|nº)?[\s:.]*((?:\+\d{2}\s?)?\d{1,2}(?:[ .]\d{2}){4})(?!\d)/iu.exec(
    text.slice(0, 60),
  );
  if (phone?.[1] !== undefined) return phone[1].replace(/[ .]/g, '');
  // Other lines as written: "+49 211 1234567", "0211 1234567", "(415) 555-0134", "415.555.0134" (identity normalizes them).
  const line = /^[\s:.#°º=-]*(?:n°|no|nº)?[\s:.]*((?:\+|00)?\(?\d[\d\s.()/-]{5,18}\d)(?![\d,])/iu.exec(
    text.slice(0, 60),
  );
  const digits = line?.[1]?.replace(/\D/g, '').length ?? 0;
  const shapedLikeDate = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(line?.[1]?.trim() ?? '');
  if (
    line?.[1] !== undefined &&
    digits >= 7 &&
    digits <= 15 &&
    !shapedLikeDate &&
    !/\d[.,]\d{2}$/.test(line[1].trim()) &&
    /[\s.()/-]/.test(line[1])
  ) {
    return line[1].trim().replace(/\s+/g, ' ');
  }
  return identifierAt(text, order)?.id;
}

const MONTHS = new Map<string, number>([
  ['janvier', 1],
  ['fevrier', 2],
  ['mars', 3],
  ['avril', 4],
  ['mai', 5],
  ['juin', 6],
  ['juillet', 7],
  ['aout', 8],
  ['septembre', 9],
  ['octobre', 10],
  ['novembre', 11],
  ['decembre', 12],
]);

/**
 * The start of "du 1er au 31 mars 2024" or "du 1er février au 15 mars 2024", which has no year
 * (and maybe no month) of its own: they are the end date's. `folded` is the folded text between
 * the label and the end date; `endIso` the end date.
 */
export function partialStartDate(folded: string, endIso: string): string | undefined {
  const match = /(?:^|\s)du\s+(\d{1,2})(?:er)?(?:\s+([a-z]{3,9}))?\s+(?:au|a)\s*$/.exec(folded.slice(-60));
  if (match?.[1] === undefined) return undefined;
  const [endYear, endMonth] = [Number(endIso.slice(0, 4)), Number(endIso.slice(5, 7))];
  const month = match[2] === undefined ? endMonth : MONTHS.get(match[2]);
  if (month === undefined) return undefined;
  const year = month > endMonth ? endYear - 1 : endYear;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return parseDate(iso).ok ? iso : undefined;
}

const PERIOD_JOINERS = new Set([
  '-',
  '–',
  '—',
  'au',
  'a',
  'à',
  'to',
  'bis',
  'tot',
  't/m',
  'until',
  'till',
  'through',
  'do',
  "jusqu'au",
  'jusqu’au',
]);

/** The text between two dates of a period: "du … au …", "from … to …", "… - …". */
export function isPeriodJoiner(rawBetween: string): boolean {
  return PERIOD_JOINERS.has(rawBetween.trim().toLowerCase());
}
