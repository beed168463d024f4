import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysInMonth, isoFromDayNumber, isValidCalendarDate } from '../../src/model/dates.js';

/** The arithmetic of record for the fast conversions: JavaScript's own UTC calendar. */
function dayNumberByDate(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}

describe('day numbers', () => {
  it('count days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1);
    expect(isoFromDayNumber(dayNumber('2000-02-29'))).toBe('2000-02-29');
    expect(addDays('2024-01-15', 10)).toBe('2024-01-25');
    expect(addDays('2023-12-25', 10)).toBe('2024-01-04');
  });

  it('agree with the JavaScript calendar on every valid date, both ways', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          fc.pre(day <= daysInMonth(year, month));
          const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(dayNumber(iso)).toBe(dayNumberByDate(year, month, day));
          expect(isoFromDayNumber(dayNumber(iso))).toBe(iso);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuse impossible dates and other text rather than shifting them', () => {
    for (const text of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '24-01-01',
      'abcd-ef-gh',
      '',
    ]) {
      expect(() => dayNumber(text), text).toThrow(RangeError);
    }
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
    expect(isValidCalendarDate(1900, 2, 29)).toBe(false);
  });
});

describe('dayNumber on a bill run (recent dates remembered)', () => {
  it('gives each date its own day number, whatever came just before, dates sharing a day of the month included', () => {
    const date = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 60 }), (dates) => {
        for (const { year, month, day } of [...dates, ...dates.reverse()]) {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(dayNumber(iso)).toBe(Math.round(Date.UTC(year, month - 1, day) / 86_400_000));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('still refuses an impossible date that shares its slot with a date just read', () => {
    expect(dayNumber('2024-02-29')).toBe(19_782);
    expect(() => dayNumber('2023-02-29')).toThrow(RangeError);
  });
});
