/**
 * Dates in a line of text: those the shared date reader finds, plus the "12-Apr-2024" and
 * "12-Apr-24" that Tally and other Indian billing software print, which it does not read.
 */
import { type DateOrder, findDates, parseDate } from '../values/dates.js';

export interface FoundDate {
  readonly index: number;
  readonly length: number;
  readonly iso: string;
}

// Linear: letters and digits are distinct classes on each side of the hyphens.
const DASHED_MONTH = /(?<![\p{L}\p{N}])(\d{1,2})-(\p{L}{3,9})-(\d{4}|\d{2})(?![\p{L}\p{N}])/gu;

function dashedMonthDates(raw: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of raw.matchAll(DASHED_MONTH)) {
    const [text, day, month, year] = match;
    if (day === undefined || month === undefined || year === undefined) continue;
    const fullYear = year.length === 2 ? `20${year}` : year;
    const date = parseDate(`${day} ${month} ${fullYear}`);
    if (date.ok) found.push({ index: match.index, length: text.length, iso: date.iso });
  }
  return found;
}

export function datesInLine(raw: string, order: DateOrder | undefined): FoundDate[] {
  const dates: FoundDate[] = findDates(raw, order).map(({ index, length, iso }) => ({ index, length, iso }));
  if (!raw.includes('-')) return dates;
  const extra = dashedMonthDates(raw).filter(
    (date) => !dates.some((known) => date.index < known.index + known.length && known.index < date.index + date.length),
  );
  return extra.length === 0 ? dates : [...dates, ...extra].sort((a, b) => a.index - b.index);
}
