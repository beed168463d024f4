/**
 * One CSV cell holding a whole billing period: "01/03/2024 - 31/03/2024",
 * "du 01/03/2024 au 31/03/2024", "2024-03-01/2024-03-31", or a month: "mars 2024", "03/2024".
 */
import { daysInMonth, isoDate } from '../../model/dates.js';
import { type DateOrder, parseDate } from '../values/dates.js';

export type PeriodParse = { ok: true; start: string; end: string } | { ok: false; reason: string };

const MAX_PERIOD_TEXT_LENGTH = 120;
const LEADING_WORDS = /^(?:p[ée]riode\s+)?(?:du|from|von|van)\s+/i;
/** Words and dashes between two dates; spaces around them keep "2024-03-01" whole. */
const SPACED_SEPARATOR = /\s+(?:au|à|a|to|until|till|bis|tot|jusqu'au|-|–|—)\s+/i;
const NUMERIC_MONTH = /^(\d{1,2})[/.-](\d{4})$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const NAMED_MONTH = /^\p{L}{3,12}\.?\s+\d{4}$/u;

function wholeMonth(year: number, month: number): PeriodParse {
  if (month < 1 || month > 12) return { ok: false, reason: 'month out of range in the period' };
  return { ok: true, start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
}

function monthPeriod(text: string): PeriodParse | undefined {
  const numeric = NUMERIC_MONTH.exec(text);
  if (numeric) return wholeMonth(Number(numeric[2]), Number(numeric[1]));
  const iso = ISO_MONTH.exec(text);
  if (iso) return wholeMonth(Number(iso[1]), Number(iso[2]));
  if (NAMED_MONTH.test(text)) {
    const first = parseDate(`1 ${text}`);
    if (!first.ok) return undefined;
    const [year, month] = first.iso.split('-').map(Number);
    return wholeMonth(year ?? 0, month ?? 0);
  }
  return undefined;
}

/** Splits "a - b" style text into its two dates; undefined when it holds no recognizable pair. */
function splitPair(text: string): [string, string] | undefined {
  const spaced = SPACED_SEPARATOR.exec(text);
  if (spaced) return [text.slice(0, spaced.index), text.slice(spaced.index + spaced[0].length)];
  for (const separator of ['/', '-', '–', '—']) {
    const at = text.indexOf(separator);
    if (at > 0 && text.indexOf(separator, at + 1) === -1) return [text.slice(0, at), text.slice(at + 1)];
  }
  return undefined;
}

export function parsePeriod(raw: string, order: DateOrder | undefined): PeriodParse {
  if (raw.length > MAX_PERIOD_TEXT_LENGTH) return { ok: false, reason: 'too long to be a period' };
  const text = raw.trim().replace(LEADING_WORDS, '');
  const month = monthPeriod(text);
  if (month !== undefined) return month;
  const pair = splitPair(text);
  if (pair === undefined)
    return { ok: false, reason: 'not a period: expected two dates such as "01/03/2024 - 31/03/2024"' };
  const end = parseDate(pair[1].trim(), order);
  // "du 01/01 au 31/01/2024": the start takes the end's year (the year before when its month is later).
  const start = end.ok
    ? (withYearOf(pair[0].trim(), end.iso, order) ?? parseDate(pair[0].trim(), order))
    : parseDate(pair[0].trim(), order);
  if (!start.ok) return { ok: false, reason: `the period's start date cannot be read (${start.reason})` };
  if (!end.ok) return { ok: false, reason: `the period's end date cannot be read (${end.reason})` };
  return { ok: true, start: start.iso, end: end.iso };
}

const DAY_AND_MONTH = /^(\d{1,2})[/.-](\d{1,2})$/;

/** A day and month without a year ("01/12"), dated in the year of the period's end. */
function withYearOf(
  text: string,
  endIso: string,
  order: DateOrder | undefined,
): ReturnType<typeof parseDate> | undefined {
  const match = DAY_AND_MONTH.exec(text);
  if (match === null) return undefined;
  const endYear = Number(endIso.slice(0, 4));
  const endMonth = Number(endIso.slice(5, 7));
  const month = Number(order === 'mdy' ? match[1] : match[2]);
  const year = month > endMonth ? endYear - 1 : endYear;
  return parseDate(`${text}${text.includes('.') ? '.' : text.includes('-') ? '-' : '/'}${year}`, order);
}
