/**
 * What an e-mail's headers say of the letter it carries. The Date header is the letter's date,
 * as the sender's clock wrote it ("Mon, 4 Mar 2024 23:30:00 -0500" is the 4th, whatever UTC says).
 */
const MONTHS = new Map([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);
/** RFC 5322 date-time: optional weekday, day, month name, four-digit year (obsolete two-digit years refused). */
const RFC_DATE = /^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i;

/** The ISO date of an RFC 5322 Date header as written; undefined when it is not one. */
export function headerDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = RFC_DATE.exec(value);
  if (match === null) return undefined;
  const day = Number(match[1]);
  const month = MONTHS.get((match[2] ?? '').toLowerCase());
  const year = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A forwarded or pasted message: the letter's date is then the one in its own pasted header, in the body. */
export const FORWARDED =
  /^(?:-{2,}\s*(?:original message|message d'origine|message transféré|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht)|(?:de|from|von)\s*:.*\n(?:.*\n){0,3}(?:envoyé|sent|gesendet|date|datum)\s*:)/imu;
