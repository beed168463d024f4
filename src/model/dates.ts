/**
 * Dates are ISO calendar dates ("2024-03-10") in the model and whole day numbers (days since
 * 1970-01-01) where rules compare or store many of them: a number is 8 bytes, a string 30+.
 * The conversions are plain integer arithmetic (no Date objects, no regex): a bill run converts
 * millions of them.
 */

const CHAR_0 = 48;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** "2024-03-10" from parts already checked with isValidCalendarDate. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - CHAR_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The last dates converted, by day of the month: a bill run converts the same few dates (issue,
 * due, period start and end) for every document, and comparing two short strings costs less
 * than reading and checking the date again.
 */
const recentIso: (string | undefined)[] = new Array<string | undefined>(32).fill(undefined);
const recentDays = new Float64Array(32);

/** Day number of an ISO date; throws on anything that is not a valid ISO calendar date. */
export function dayNumber(iso: string): number {
  const slot = (iso.charCodeAt(8) * 10 + iso.charCodeAt(9)) & 31;
  if (recentIso[slot] === iso) return recentDays[slot] as number;
  const days = convertIso(iso);
  recentIso[slot] = iso;
  recentDays[slot] = days;
  return days;
}

function convertIso(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45)
    throw new RangeError(`not an ISO date: ${iso}`);
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (!isValidCalendarDate(year, month, day)) throw new RangeError(`not a calendar date: ${iso}`);
  return dayNumberOf(year, month, day);
}

export function dayNumberOrUndefined(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : dayNumber(iso);
}

/** The ISO date of a day number (H. Hinnant's civil_from_days). */
export function isoFromDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return isoDate(year, month, day);
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Today's date as an ISO date in UTC. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
