import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDayNumber } from '../../../src/model/dates.js';
import { Money } from '../../../src/model/money.js';
import { amountScale, dateTicks } from '../../../src/report/html/scale.js';

const money = (text: string): Money => Money.parse(text);

describe('amountScale', () => {
  it('runs from zero to a round top in steps of 1, 2 or 5 × 10ⁿ', () => {
    const scale = amountScale(money('19.99'), money('149000.00'), 0, 100);
    expect(scale.ticks.map((t) => t.toFixed(2))).toEqual(['0.00', '50000.00', '100000.00', '150000.00']);
    expect(scale.y(money('0.00'))).toBe(100);
    expect(scale.y(money('150000.00'))).toBe(0);
    expect(scale.y(money('75000.00'))).toBe(50);
  });

  it('keeps cents apart when every amount is tiny, and draws an axis when all are zero', () => {
    expect(amountScale(money('0.01'), money('0.01'), 0, 100).ticks.map((t) => t.toFixed(2))).toEqual(['0.00', '0.01']);
    expect(amountScale(Money.ZERO, Money.ZERO, 0, 100).ticks.map((t) => t.toFixed(2))).toEqual([
      '0.00',
      '0.50',
      '1.00',
    ]);
  });

  it('goes below zero for a negative bill', () => {
    // A range of 100 in about four steps: 25, rounded up to 50.
    const scale = amountScale(money('-40.00'), money('60.00'), 0, 100);
    expect(scale.ticks.map((t) => t.toFixed(2))).toEqual(['-50.00', '0.00', '50.00', '100.00']);
    expect(scale.y(Money.ZERO)).toBe(66.7);
  });
});

describe('dateTicks', () => {
  const ticks = (from: string, to: string): string[] => dateTicks(dayNumber(from), dayNumber(to)).map(isoFromDayNumber);

  it('labels the first of months, as a calendar reads', () => {
    expect(ticks('2023-10-05', '2024-03-05')).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
    ]);
    expect(ticks('2023-01-05', '2024-01-05')).toEqual(['2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01']);
  });

  it('labels years over a long history, and at most five dates', () => {
    const long = ticks('2010-03-01', '2024-06-30');
    expect(long.length).toBeLessThanOrEqual(5);
    expect(long.every((iso) => iso.endsWith('-01-01'))).toBe(true);
  });

  it('spreads a few days over a short history', () => {
    expect(ticks('2024-03-10', '2024-03-12')).toEqual(['2024-03-10', '2024-03-11', '2024-03-12']);
    expect(ticks('2024-03-10', '2024-03-10')).toEqual(['2024-03-10']);
  });
});
