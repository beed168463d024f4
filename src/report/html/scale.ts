import { dayNumberOf, isoFromDayNumber } from '../../model/dates.js';
import { Decimal, Money } from '../../model/money.js';

/**
 * The amount axis of a chart: from a round low to a round high in steps of 1, 2 or 5 × 10ⁿ, as a
 * person would draw it. Computed on exact decimals; only the final pixel position is a float.
 */
export interface AmountScale {
  readonly ticks: readonly Money[];
  /** Pixel row of an amount, between `top` (the high tick) and `bottom` (the low tick). */
  y(amount: Money): number;
}

const TARGET_STEPS = 4;
/** Below a cent a tick would be written like its neighbour ("0,00 €" twice). */
const MIN_STEP = new Decimal('0.01');

export function amountScale(low: Money, high: Money, top: number, bottom: number): AmountScale {
  const min = Decimal.min(low.toDecimal(), 0);
  let max = high.toDecimal();
  if (max.lte(min)) max = min.plus(1);
  const step = niceStep(max.minus(min).dividedBy(TARGET_STEPS));
  const first = min.dividedBy(step).floor().times(step);
  const last = max.dividedBy(step).ceil().times(step);
  const ticks: Money[] = [];
  for (let value = first; value.lte(last); value = value.plus(step)) ticks.push(Money.fromDecimal(value));
  const span = last.minus(first);
  return {
    ticks,
    y(amount) {
      // A pixel row, not an amount: the one place a chart leaves exact decimals.
      const fraction = amount.toDecimal().minus(first).dividedBy(span).toNumber();
      return roundPixel(bottom - fraction * (bottom - top));
    },
  };
}

/** 1, 2 or 5 × 10ⁿ, the smallest at least `raw`. */
function niceStep(raw: Decimal): Decimal {
  if (raw.lte(MIN_STEP)) return MIN_STEP;
  const magnitude = new Decimal(10).pow(raw.e);
  const normalized = raw.dividedBy(magnitude);
  const factor = normalized.lte(1) ? 1 : normalized.lte(2) ? 2 : normalized.lte(5) ? 5 : 10;
  return magnitude.times(factor);
}

/** A tenth of a pixel is finer than any screen needs and keeps the SVG short. */
export function roundPixel(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The date axis: day numbers to pixel columns, with a margin so that the first and last marks are not on the frame. */
export interface DayScale {
  readonly first: number;
  readonly last: number;
  x(day: number): number;
}

export function dayScale(firstDay: number, lastDay: number, left: number, right: number): DayScale {
  const margin = Math.max(3, Math.round((lastDay - firstDay) * 0.03));
  const from = firstDay - margin;
  const to = lastDay + margin;
  return {
    first: firstDay,
    last: lastDay,
    x: (day) => roundPixel(left + ((day - from) / (to - from)) * (right - left)),
  };
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 600];
const MAX_DATE_TICKS = 5;

/**
 * Up to five days to label on the date axis: the first of a month every 1, 2, 3, 6 or 12 months
 * (as a calendar reads), or, over less than two months, the first day, the last and evenly between.
 */
export function dateTicks(firstDay: number, lastDay: number): number[] {
  const first = isoFromDayNumber(firstDay);
  const monthIndex = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
  for (const step of MONTH_STEPS) {
    const ticks: number[] = [];
    // The first month start at or after firstDay that is a multiple of the step (January for years).
    let index = Math.ceil((monthIndex + (first.endsWith('-01') ? 0 : 1)) / step) * step;
    for (let day = monthStart(index); day <= lastDay; index += step, day = monthStart(index)) ticks.push(day);
    if (ticks.length > MAX_DATE_TICKS) continue;
    if (ticks.length >= 2) return ticks;
    break;
  }
  const span = lastDay - firstDay;
  const count = span === 0 ? 1 : Math.min(MAX_DATE_TICKS, span + 1);
  if (count === 1) return [firstDay];
  return Array.from({ length: count }, (_, i) => firstDay + Math.round((span * i) / (count - 1)));
}

function monthStart(monthIndex: number): number {
  return dayNumberOf(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}
