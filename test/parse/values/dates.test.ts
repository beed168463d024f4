import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../../src/model/dates.js';
import { dateOrderEvidence, findDates, parseDate } from '../../../src/parse/values/dates.js';

function iso(raw: string, order?: 'dmy' | 'mdy' | 'ymd'): string {
  const result = parseDate(raw, order);
  return result.ok ? result.iso : `!${result.reason}`;
}

describe('parseDate: numeric dates', () => {
  it.each([
    ['10/03/2024', '2024-03-10'],
    ['10/03/24', '2024-03-10'],
    ['10-03-2024', '2024-03-10'],
    ['10.03.2024', '2024-03-10'],
    ['1/3/2024', '2024-03-01'],
    ['2024-03-10', '2024-03-10'],
    ['2024/03/10', '2024-03-10'],
    ['2024.3.1', '2024-03-01'],
    ['2024-03-10T12:00:00Z', '2024-03-10'],
    ['2024-03-10T23:30:00.123+02:00', '2024-03-10'],
    ['2024-03-10 12:00', '2024-03-10'],
    ['10/03/2024 14:32:05', '2024-03-10'],
    ['  29/02/2024 ', '2024-02-29'],
  ])('reads %j as %s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it('reads day and month in the order it is told', () => {
    expect(iso('03/10/2024')).toBe('2024-10-03');
    expect(iso('03/10/2024', 'dmy')).toBe('2024-10-03');
    expect(iso('03/10/2024', 'mdy')).toBe('2024-03-10');
    expect(iso('24/03/10', 'ymd')).toBe('2024-03-10');
  });

  it('reads four-digit-year-first dates as year-month-day whatever the order', () => {
    expect(iso('2024-03-10', 'mdy')).toBe('2024-03-10');
    expect(iso('2024/03/10', 'dmy')).toBe('2024-03-10');
  });

  it.each([
    ['31/02/2024', 'no such day in that month'],
    ['2023-02-29', 'no such day in that month'],
    ['31/04/2024', 'no such day in that month'],
    ['00/03/2024', 'no such day in that month'],
    ['10/13/2024', 'month out of range'],
    ['2024-00-10', 'month out of range'],
    ['0000-01-01', 'year out of range'],
    ['12/25/2024', 'month out of range'],
    ['10/03/2024', 'the year comes last, not first as the date order says', 'ymd'],
    ['2024-03-10T25:00', 'impossible time of day'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['10/03-2024', 'not a date'],
    ['20240310', 'not a date'],
    ['10/03/202', 'not a date'],
    ['hier', 'not a date'],
    ['févr. 2024', 'no day in the date'],
    ['mars 2024', 'no day in the date'],
    ['2 brumaire 2015', 'unknown month name'],
    ['1'.repeat(100_000), 'too long to be a date'],
  ] as const)('refuses %j: %s', (raw, reason, order?: 'dmy' | 'mdy' | 'ymd') => {
    expect(parseDate(raw, order)).toEqual({ ok: false, reason });
  });
});

describe('parseDate: month names', () => {
  it.each([
    ['2 juillet 2015', '2015-07-02'],
    ['02 Juillet 2015', '2015-07-02'],
    ['1er mars 2024', '2024-03-01'],
    ['1er Août 2024', '2024-08-01'],
    ['1er aout 2024', '2024-08-01'],
    ['15 févr. 2024', '2024-02-15'],
    ['15 fevrier 2024', '2024-02-15'],
    ['31 DÉCEMBRE 2023', '2023-12-31'],
    ['3 janv. 2024', '2024-01-03'],
    ['lundi 2 septembre 2024', '2024-09-02'],
    ['July 2, 2015', '2015-07-02'],
    ['July 2 2015', '2015-07-02'],
    ['2 July 2015', '2015-07-02'],
    ['2nd July, 2015', '2015-07-02'],
    ['Jul 2 2015', '2015-07-02'],
    ['Jul. 2nd, 2015', '2015-07-02'],
    ['Sept 30, 2024', '2024-09-30'],
    ['Monday, July 1, 2024', '2024-07-01'],
    ['20. März 2024', '2024-03-20'],
    ['20 Maerz 2024', '2024-03-20'],
    ['20. Mrz. 2024', '2024-03-20'],
    ['3. Dezember 2024', '2024-12-03'],
    ['2 juli 2015', '2015-07-02'],
    ['2 mei 2015', '2015-05-02'],
    ['12 mrt 2024', '2024-03-12'],
    ['1 okt. 2024', '2024-10-01'],
  ])('reads %j as %s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it('accepts decomposed accents as well as composed ones', () => {
    expect(iso('15 fe\u0301vrier 2024')).toBe('2024-02-15');
  });

  it('refuses impossible named dates instead of shifting them', () => {
    expect(parseDate('30 février 2024')).toEqual({ ok: false, reason: 'no such day in that month' });
    expect(parseDate('February 29, 2023')).toEqual({ ok: false, reason: 'no such day in that month' });
  });
});

describe('dateOrderEvidence', () => {
  it.each([
    ['25/12/2024', 'dmy'],
    ['12/25/2024', 'mdy'],
    ['31.01.24', 'dmy'],
    ['03/10/2024', undefined],
    ['12/12/2024', undefined],
    ['2024-12-25', undefined],
    ['31/02/2024', undefined],
    ['25 décembre 2024', undefined],
    ['nonsense', undefined],
  ] as const)('%j proves %s', (raw, expected) => {
    expect(dateOrderEvidence(raw)).toBe(expected);
  });
});

describe('findDates', () => {
  it('finds every date of a French bill, in order, with its position', () => {
    const text =
      'Facture n° F-2024-0311 du 10/03/2024\nPériode du 1er mars 2024 au 31 mars 2024\nDate limite de paiement le 25.03.2024.';
    const found = findDates(text);
    expect(found.map((date) => date.iso)).toEqual(['2024-03-10', '2024-03-01', '2024-03-31', '2024-03-25']);
    for (const date of found) expect(text.slice(date.index, date.index + date.length)).toBe(date.raw);
    expect(found[1]?.raw).toBe('1er mars 2024');
  });

  it('finds English and ISO dates', () => {
    const text = 'Invoice date: July 2, 2015. Due: 2015-07-16T00:00:00Z (Thu 16 Jul 2015)';
    expect(findDates(text).map((date) => date.iso)).toEqual(['2015-07-02', '2015-07-16', '2015-07-16']);
  });

  it('applies the date order to numeric dates', () => {
    expect(findDates('due 03/10/2024', 'mdy').map((date) => date.iso)).toEqual(['2024-03-10']);
  });

  it('does not read dates inside phone numbers, references or longer digit runs', () => {
    const text = [
      'Tél. 06.12.34.56.78',
      'Facture 20240310123',
      'Réf. FA-2024-03-10-001',
      'Contrat 110/03/2024',
      'Compte 10/03/20245',
      'Ligne 1.10.03.2024',
    ].join('\n');
    expect(findDates(text)).toEqual([]);
  });

  it('skips impossible dates and month-like words that are no month', () => {
    expect(findDates('le 31/02/2024 ou le 2 brumaire 2015, total 12 2024')).toEqual([]);
    expect(findDates('en févr. 2024 puis le 3 mars 2024').map((date) => date.iso)).toEqual(['2024-03-03']);
  });

  it('finds the one real date after a megabyte of near-dates', () => {
    // Day-like numbers, month words and slashes that never complete a date, then one that does.
    const noise = '12 '.repeat(200_000) + 'mars '.repeat(100_000) + '1/'.repeat(100_000);
    expect(findDates(noise)).toEqual([]);
    expect(findDates(`${noise} le 3 mars 2024`)).toEqual([
      { index: noise.length + 4, length: 11, raw: '3 mars 2024', iso: '2024-03-03' },
    ]);
  });
});

describe('parseDate properties', () => {
  const calendarDates = fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => day <= daysInMonth(year, month));
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

  it('gives, whatever the string, a real calendar date or a reason, never an impossible date', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{1,4}[./ -][0-9a-zé. ]{1,10}[0-9]{0,4}$/)),
        fc.constantFrom('dmy', 'mdy', 'ymd') as fc.Arbitrary<'dmy' | 'mdy' | 'ymd'>,
        (raw, order) => {
          const result = parseDate(raw, order);
          if (result.ok) {
            const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(result.iso);
            expect(match).not.toBeNull();
            const [, year, month, day] = (match as RegExpExecArray).map(Number) as [number, number, number, number];
            expect(month).toBeGreaterThanOrEqual(1);
            expect(month).toBeLessThanOrEqual(12);
            expect(day).toBeGreaterThanOrEqual(1);
            expect(day).toBeLessThanOrEqual(daysInMonth(year, month));
            // The digits of a numeric date are in the text it was read from.
            if (/^[\d./ -]+$/.test(raw.trim())) expect(raw).toContain(String(day));
          } else {
            expect(result.reason.length).toBeGreaterThan(0);
          }
          findDates(raw, order);
          dateOrderEvidence(raw);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('round-trips every valid calendar date in each numeric form', () => {
    fc.assert(
      fc.property(calendarDates, fc.constantFrom('/', '-', '.'), ({ year, month, day }, separator) => {
        const expected = `${year}-${pad(month)}-${pad(day)}`;
        expect(iso(`${pad(day)}${separator}${pad(month)}${separator}${year}`, 'dmy')).toBe(expected);
        expect(iso(`${day}${separator}${month}${separator}${year}`, 'dmy')).toBe(expected);
        expect(iso(`${pad(month)}${separator}${pad(day)}${separator}${year}`, 'mdy')).toBe(expected);
        expect(iso(`${year}${separator}${pad(month)}${separator}${pad(day)}`)).toBe(expected);
        expect(iso(`${expected}T08:30:00Z`)).toBe(expected);
        if (year >= 2000 && year <= 2099) {
          const short = pad(year % 100);
          expect(iso(`${pad(day)}${separator}${pad(month)}${separator}${short}`, 'dmy')).toBe(expected);
          expect(iso(`${short}${separator}${pad(month)}${separator}${pad(day)}`, 'ymd')).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const day = daysInMonth(year, month) + 1;
        if (day <= 31) expect(parseDate(`${year}-${pad(month)}-${pad(day)}`).ok).toBe(false);
      }),
    );
  });
});

describe('Polish month names', () => {
  it('reads genitive and nominative forms', () => {
    expect(parseDate('15 marca 2024')).toEqual({ ok: true, iso: '2024-03-15' });
    expect(parseDate('3 października 2024')).toEqual({ ok: true, iso: '2024-10-03' });
    expect(parseDate('31 lutego 2024').ok).toBe(false);
  });

  it('reads report dates written day-month-year with dashes', () => {
    expect(parseDate('05-Mar-2024')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('5-mars-24')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('31-Feb-2024').ok).toBe(false);
    expect(parseDate('05-Foo-2024').ok).toBe(false);
  });
});
