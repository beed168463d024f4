/**
 * Reads dates as bills write them: "10/03/2024", "10.03.24", "2024-03-10T12:00:00Z",
 * "2 juillet 2015", "1er mars 2024", "July 2, 2015", "20. März 2024", "05-Mar-2024". An impossible date
 * (31/02/2024) is refused with a reason, never shifted into the next month.
 */
import { daysInMonth, isoDate } from '../../model/dates.js';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type DateParse = { ok: true; iso: string } | { ok: false; reason: string };

const MAX_DATE_TEXT_LENGTH = 64;
/** The reason of a text with no date shape at all: callers that can say more (an option's expected form) test for it. */
export const NOT_A_DATE = 'not a date';

/** Month names and abbreviations (French, English, German, Dutch, Polish), lower case without accents or dot. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'janvier janv jan january januar jaenner janner januari stycznia styczen'],
      [2, 'fevrier fevr fev february feb februar februari lutego luty'],
      [3, 'mars mar march marz maerz mrz maart mrt marca marzec'],
      [4, 'avril avr april apr kwietnia kwiecien'],
      [5, 'mai may mei maja maj'],
      [6, 'juin june jun juni czerwca czerwiec'],
      [7, 'juillet juil juill july jul juli lipca lipiec'],
      [8, 'aout august aug augustus sierpnia sierpien'],
      [9, 'septembre sept sep september wrzesnia wrzesien'],
      [10, 'octobre oct october oktober okt pazdziernika pazdziernik'],
      [11, 'novembre nov november listopada listopad'],
      [12, 'decembre dec december dezember dez grudnia grudzien'],
    ] as const
  ).flatMap(([month, names]) => names.split(' ').map((name) => [name, month] as const)),
);

const WEEKDAYS: ReadonlySet<string> = new Set(
  (
    'lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'
  ).split(' '),
);

// Pieces shared by the anchored (parseDate) and the searching (findDates) patterns.
// Every quantifier sits between distinct character classes, so matching stays linear.
const BLANK = '[ \\t\\u00a0\\u202f]';
const WORD = '[\\p{L}\\p{M}]{3,12}\\.?';
const YEAR_FIRST = '(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})';
const NUMERIC = '(\\d{1,2})([./-])(\\d{1,2})\\6(\\d{4}|\\d{2})';
const DAY_FIRST = `(\\d{1,2})(?:er|re|st|nd|rd|th|\\.)?${BLANK}+(${WORD})${BLANK}*,?${BLANK}*(\\d{4})`;
const MONTH_FIRST = `(${WORD})${BLANK}+(\\d{1,2})(?:st|nd|rd|th)?${BLANK}*,?${BLANK}*(\\d{4})`;
const TIME =
  '(?:(?:T|[ \\t]+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?:[ \\t]*(?:Z|[+-]\\d{2}(?::?\\d{2})?))?)?';

const ANCHORED = new RegExp(`^(?:${YEAR_FIRST}|${NUMERIC}|${DAY_FIRST}|${MONTH_FIRST})${TIME}$`, 'iu');
/**
 * In free text a date must stand alone: not inside a longer digit run, and not the middle of a
 * phone number or reference such as "06.12.34.56.78" or "FA-2024-03-10-001".
 */
const SEARCHING = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][./-])(?:${YEAR_FIRST}|${NUMERIC}|${DAY_FIRST}|${MONTH_FIRST})(?!\\p{N})(?![./-]\\p{N})`,
  'giu',
);
/** "05-Mar-2024", "5-mars-24": English-style report dates; read as "05 Mar 2024". */
const DASHED_NAMED = /^(\d{1,2})-(\p{L}{3,12}\.?)-(\d{4}|\d{2})(?=$|[T \t])/u;
const WEEKDAY_PREFIX = /^([\p{L}\p{M}]+)\.?,?[ \t\u00a0]+/u;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

type Groups = RegExpExecArray;

function monthNumber(word: string): number | undefined {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  return MONTHS.get(bare.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase());
}

function calendarDate(year: number, month: number, day: number): DateParse {
  if (month < 1 || month > 12) return { ok: false, reason: 'month out of range' };
  if (year < 1) return { ok: false, reason: 'year out of range' };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'no such day in that month' };
  return { ok: true, iso: isoDate(year, month, day) };
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** The date a match of YEAR_FIRST | NUMERIC | DAY_FIRST | MONTH_FIRST stands for. */
function dateFromGroups(match: Groups, order: DateOrder): DateParse {
  const [, y1, , m1, d1, a, , b, c, d3, w3, y3, w4, d4, y4] = match;
  if (y1 !== undefined) return calendarDate(Number(y1), Number(m1), Number(d1));
  if (a !== undefined && b !== undefined && c !== undefined) {
    if (order === 'ymd') {
      if (c.length === 4) return { ok: false, reason: 'the year comes last, not first as the date order says' };
      return calendarDate(fullYear(a), Number(b), Number(c));
    }
    const [day, month] = order === 'mdy' ? [b, a] : [a, b];
    return calendarDate(fullYear(c), Number(month), Number(day));
  }
  const [day, word, year] = w3 !== undefined ? [d3, w3, y3] : [d4, w4, y4];
  const month = word === undefined ? undefined : monthNumber(word);
  if (month === undefined) return { ok: false, reason: 'unknown month name' };
  return calendarDate(Number(year), month, Number(day));
}

function timeIsValid(match: Groups): boolean {
  const [hours, minutes, seconds] = match.slice(15, 18);
  if (hours === undefined) return true;
  return Number(hours) <= 23 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 60);
}

/**
 * One date as ISO "yyyy-mm-dd". `order` applies to all-numeric dates such as 03/10/2024
 * (default 'dmy'); dates that start with a four-digit year are always year-month-day.
 * A time of day, if any, is checked and dropped; the date is the one written, whatever its zone.
 */
export function parseDate(raw: string, order: DateOrder = 'dmy'): DateParse {
  if (raw.length > MAX_DATE_TEXT_LENGTH) return { ok: false, reason: 'too long to be a date' };
  let text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const weekday = WEEKDAY_PREFIX.exec(text);
  if (weekday?.[1] !== undefined && WEEKDAYS.has(weekday[1].toLowerCase())) text = text.slice(weekday[0].length);
  const dashed = DASHED_NAMED.exec(text);
  if (dashed !== null) {
    const [whole, day, month, year] = dashed as unknown as [string, string, string, string];
    text = `${day} ${month} ${fullYear(year)}${text.slice(whole.length)}`;
  }
  const match = ANCHORED.exec(text);
  if (match === null) {
    return { ok: false, reason: /^\D*\d{4}\D*$/.test(text) ? 'no day in the date' : NOT_A_DATE };
  }
  if (!timeIsValid(match)) return { ok: false, reason: 'impossible time of day' };
  return dateFromGroups(match, order);
}

/** What a numeric date proves about the order: "25/12/2024" → 'dmy', "12/25/2024" → 'mdy', "03/10/2024" → undefined. */
export function dateOrderEvidence(raw: string): 'dmy' | 'mdy' | undefined {
  if (raw.length > MAX_DATE_TEXT_LENGTH) return undefined;
  const match = ANCHORED.exec(raw.trim());
  const [first, second] = [match?.[5], match?.[7]];
  if (first === undefined || second === undefined) return undefined;
  const [a, b] = [Number(first), Number(second)];
  if (a > 12 && b <= 12) return parseDate(raw, 'dmy').ok ? 'dmy' : undefined;
  if (b > 12 && a <= 12) return parseDate(raw, 'mdy').ok ? 'mdy' : undefined;
  return undefined;
}

/** Every date written inside free text, in order, with its position; impossible dates are skipped. */
export function findDates(
  text: string,
  order: DateOrder = 'dmy',
): { index: number; length: number; raw: string; iso: string }[] {
  const found: { index: number; length: number; raw: string; iso: string }[] = [];
  const pattern = new RegExp(SEARCHING);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const date = dateFromGroups(match, order);
    if (date.ok) {
      found.push({ index: match.index, length: match[0].length, raw: match[0], iso: date.iso });
    } else {
      // The span was no date ("Total 12 2024"); one may still start inside it.
      pattern.lastIndex = match.index + 1;
    }
  }
  return found;
}
