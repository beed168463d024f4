import type { AmountStyle, DocumentKind } from '../../model/document.js';
import { addDays, dayNumber, isoFromDayNumber } from '../../model/dates.js';
import { Money } from '../../model/money.js';
import { escapeHtml } from './escape.js';
import type { HistoryPoint } from './histories.js';
import { amountScale, dateTicks, dayScale, type DayScale, roundPixel } from './scale.js';
import { writeMoney } from './values.js';
import { pageWords, type PageWords } from '../../i18n/html.js';
import { wordsFor } from '../../i18n/words.js';
import { insertionIndex } from '../../model/sorted-money.js';

/** What the chart of one account is drawn from. */
export interface ChartInput {
  readonly account: string;
  /** The account's documents in reading order. */
  readonly points: readonly HistoryPoint[];
  /** Rule ids by the flagged document's `file:line` key (see pointKey). */
  readonly flags: ReadonlyMap<string, readonly string[]>;
  readonly style: AmountStyle | undefined;
  /** The page's words (default English). */
  readonly words?: PageWords;
}

export interface Chart {
  readonly svg: string;
  /** Sentences (escaped HTML) about what the chart leaves out or how it aggregates. */
  readonly notes: readonly string[];
}

export function pointKey(file: string, line: number): string {
  return `${line}\u0000${file}`;
}

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 92;
const RIGHT = 604;
const TOP = 28;
const BOTTOM = 132;
const STRIP = 152;
const DATE_LABELS = 176;

/** Above this many bills a chart draws one bar per stretch of time instead of one point per bill. */
export const MAX_POINTS = 150;
const BUCKETS = 100;
/** Rule labels beyond these would overlap into a blur; the ring and the tooltip still mark the bill. */
const MAX_LABELS = 12;
/** Longer histories are not drawn: the running median would cost more than the rest of the report. */
export const MAX_CHART_DOCUMENTS = 20_000;
/** A termination takes effect 10 days after its date when it gives none (Code de la consommation L224-39). */
const TERMINATION_NOTICE_DAYS = 10;

interface Placed {
  readonly point: HistoryPoint;
  readonly day: number;
}

interface Bill extends Placed {
  readonly amount: Money;
}

/**
 * One account's history as an SVG chart: bills' totals over time, the running median of the
 * earlier bills (recomputed here from the series, as amount-spike computes it), the flagged
 * documents ringed and labelled with their rules, and the letters as shapes on a strip below
 * the same time axis. Undefined when the account has fewer than two documents to place.
 */
export function drawAccountChart(input: ChartInput): Chart | undefined {
  if (input.points.length < 2) return undefined;
  const w = input.words ?? pageWords('en');
  const notes: string[] = [];
  if (input.points.length > MAX_CHART_DOCUMENTS) {
    return {
      svg: '',
      notes: [
        w.say('chart.tooMany', {
          documents: w.count('document', input.points.length),
          limit: w.count('document', MAX_CHART_DOCUMENTS),
        }),
      ],
    };
  }
  const placed = placeInTime(input.points);
  const undated = input.points.length - placed.length;
  if (undated > 0) notes.push(w.say('chart.undated', { documents: w.count('document', undated) }));
  if (placed.length < 2) return notes.length === 0 ? undefined : { svg: '', notes };

  const currency = mainCurrency(placed);
  const bills: Bill[] = [];
  for (const p of placed) {
    if (p.point.kind === 'invoice' && p.point.amount !== undefined && p.point.currency === currency)
      bills.push({ ...p, amount: p.point.amount });
  }
  const others = placed.filter(
    (p) => p.point.kind === 'invoice' && p.point.amount !== undefined && p.point.currency !== currency,
  ).length;
  if (others > 0)
    notes.push(w.say('chart.otherCurrencies', { bills: w.count('bill', others), currency: escapeHtml(currency) }));
  const baseline = runningMedians(bills);

  const termination = terminationDays(placed);
  const days = [...placed.map((p) => p.day), ...termination.map((t) => t.effective)];
  const time = dayScale(Math.min(...days), Math.max(...days), LEFT, RIGHT);
  const amounts = [...bills.map((b) => b.amount), ...baseline.filter((m): m is Money => m !== undefined)];
  const scale = amountScale(minOf(amounts), maxOf(amounts), TOP, BOTTOM);
  const money = (value: Money): string => writeMoney(value, currency, input.style);

  const out: string[] = [];
  out.push(
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" ` +
      `aria-label="${w.say('chart.label', {
        account: escapeHtml(input.account),
        bills: w.count('bill', bills.length),
        first: writeDay(time.first, w),
        last: writeDay(time.last, w),
      })}">`,
  );
  out.push(amountAxis(scale.ticks.map((tick) => ({ label: money(tick), y: scale.y(tick) }))));
  out.push(dateAxis(time, w));
  for (const stop of termination) out.push(terminationLine(stop, time, w));
  if (bills.length <= MAX_POINTS) {
    out.push(billLine(bills.map((b) => [time.x(b.day), scale.y(b.amount)])));
    out.push(
      baselineLine(
        bills.flatMap((b, i) =>
          baseline[i] === undefined ? [] : [[time.x(b.day), scale.y(baseline[i] as Money)] as const],
        ),
        w,
      ),
    );
  } else {
    const buckets = bucketize(bills, baseline, time);
    notes.push(w.say('chart.buckets', { bills: w.count('bill', bills.length), days: w.count('day', buckets.days) }));
    out.push(
      bucketBars(buckets.bars.map((bar) => ({ x: time.x(bar.day), low: scale.y(bar.low), high: scale.y(bar.high) }))),
    );
    out.push(billLine(buckets.bars.map((bar) => [time.x(bar.day), scale.y(bar.high)])));
    out.push(
      baselineLine(
        buckets.bars.flatMap((bar) =>
          bar.median === undefined ? [] : [[time.x(bar.day), scale.y(bar.median)] as const],
        ),
        w,
      ),
    );
  }
  const billY = new Map<HistoryPoint, number>(bills.map((b) => [b.point, scale.y(b.amount)]));
  for (const p of placed) {
    if (billY.has(p.point)) continue;
    out.push(stripMark(p, time.x(p.day), describe(p.point, input.style, w)));
  }
  out.push(flagMarks(placed, billY, time, input, w));
  out.push('</svg>');
  return { svg: out.join(''), notes };
}

function placeInTime(points: readonly HistoryPoint[]): Placed[] {
  const placed: Placed[] = [];
  for (const point of points) if (point.date !== undefined) placed.push({ point, day: dayNumber(point.date) });
  // The account timeline's order (engine/account-entry.ts): date, then file, then line.
  return placed.sort(
    (a, b) =>
      a.day - b.day ||
      (a.point.file < b.point.file ? -1 : a.point.file > b.point.file ? 1 : a.point.line - b.point.line),
  );
}

/** The currency of most bills: one axis cannot hold euros and pounds. */
function mainCurrency(placed: readonly Placed[]): string {
  const counts = new Map<string, number>();
  for (const p of placed)
    if (p.point.kind === 'invoice') counts.set(p.point.currency, (counts.get(p.point.currency) ?? 0) + 1);
  let best = placed[0]?.point.currency ?? 'EUR';
  let most = 0;
  for (const [currency, count] of counts) {
    if (count > most) {
      best = currency;
      most = count;
    }
  }
  return best;
}

/**
 * The median of the bills before each bill (undefined for the first), as amount-spike compares
 * them: per currency, every earlier bill in date order, the spikes included.
 */
function runningMedians(bills: readonly Bill[]): (Money | undefined)[] {
  const sorted: Money[] = [];
  const medians: (Money | undefined)[] = [];
  for (const bill of bills) {
    medians.push(sorted.length === 0 ? undefined : medianOf(sorted));
    sorted.splice(insertionIndex(sorted, bill.amount), 0, bill.amount);
  }
  return medians;
}

function medianOf(sorted: readonly Money[]): Money {
  const middle = sorted.length >> 1;
  const upper = sorted[middle] as Money;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] as Money;
  return lower.add(upper).times('0.5');
}

/** An account of letters only still gets an axis, from zero. */
function minOf(amounts: readonly Money[]): Money {
  return amounts.reduce((min, a) => (a.lt(min) ? a : min), Money.ZERO);
}

function maxOf(amounts: readonly Money[]): Money {
  return amounts.reduce((max, a) => (a.gt(max) ? a : max), Money.ZERO);
}

interface TerminationStop {
  readonly placed: Placed;
  readonly effective: number;
  readonly stated: boolean;
}

function terminationDays(placed: readonly Placed[]): TerminationStop[] {
  return placed
    .filter((p) => p.point.kind === 'termination')
    .map((p) => {
      const stated = p.point.effectiveDate !== undefined;
      const effective = dayNumber(p.point.effectiveDate ?? addDays(p.point.date as string, TERMINATION_NOTICE_DAYS));
      return { placed: p, effective, stated };
    });
}

function amountAxis(ticks: readonly { label: string; y: number }[]): string {
  const lines = ticks.map((t) => `M${LEFT} ${t.y}H${RIGHT}`).join('');
  const labels = ticks.map((t) => `<text x="${LEFT - 6}" y="${roundPixel(t.y + 4)}">${t.label}</text>`).join('');
  return `<path class="grid" d="${lines}"/><g class="yl">${labels}</g>`;
}

/** The dates of dateTicks(), in the report's one notation (the tables' too). */
function dateAxis(time: DayScale, w: PageWords): string {
  const labels = dateTicks(time.first, time.last).map((day) => {
    const x = time.x(day);
    // Middle-anchored unless the label would leave the picture (the margins hold half a label).
    const anchor = x < 40 ? 'start' : x > WIDTH - 32 ? 'end' : 'middle';
    const tick = `<path d="M${x} ${BOTTOM}v4"/>`;
    return `${tick}<text x="${x}" y="${DATE_LABELS}" text-anchor="${anchor}">${writeDay(day, w)}</text>`;
  });
  return `<path class="axis" d="M${LEFT} ${BOTTOM}H${RIGHT}"/><g class="xl">${labels.join('')}</g>`;
}

function billLine(points: readonly (readonly [number, number])[]): string {
  if (points.length === 0) return '';
  // Markers draw a dot at every bill without an element per bill (see the CSS of .bills).
  return `<polyline class="bills" points="${points.map(([x, y]) => `${x},${y}`).join(' ')}"/>`;
}

function baselineLine(points: readonly (readonly [number, number])[], w: PageWords): string {
  if (points.length < 1) return '';
  // With two bills the median is one value: a short dash at the second bill, not an invisible point.
  const drawn =
    points.length === 1
      ? [
          [roundPixel((points[0] as readonly [number, number])[0] - 12), (points[0] as readonly [number, number])[1]],
          points[0] as readonly [number, number],
        ]
      : points;
  const coordinates = drawn.map(([x, y]) => `${x},${y}`).join(' ');
  return `<polyline class="median" points="${coordinates}"><title>${w.say('legend.median')}</title></polyline>`;
}

interface Bar {
  readonly day: number;
  readonly low: Money;
  readonly high: Money;
  /** The running median before the bar's last bill. */
  readonly median: Money | undefined;
}

/** Bills gathered into equal stretches of time: 500 bills still make 100 readable bars, never a blur. */
function bucketize(
  bills: readonly Bill[],
  medians: readonly (Money | undefined)[],
  time: DayScale,
): { bars: Bar[]; days: number } {
  const span = Math.max(1, time.last - time.first + 1);
  const width = Math.ceil(span / BUCKETS);
  const bars: Bar[] = [];
  let current:
    { index: number; first: number; last: number; low: Money; high: Money; median: Money | undefined } | undefined;
  const close = (): void => {
    if (current !== undefined)
      bars.push({
        day: Math.round((current.first + current.last) / 2),
        low: current.low,
        high: current.high,
        median: current.median,
      });
  };
  bills.forEach((bill, i) => {
    const index = Math.floor((bill.day - time.first) / width);
    if (current === undefined || current.index !== index) {
      close();
      current = { index, first: bill.day, last: bill.day, low: bill.amount, high: bill.amount, median: medians[i] };
      return;
    }
    current.last = bill.day;
    if (bill.amount.lt(current.low)) current.low = bill.amount;
    if (bill.amount.gt(current.high)) current.high = bill.amount;
    current.median = medians[i];
  });
  close();
  return { bars, days: width };
}

function bucketBars(bars: readonly { x: number; low: number; high: number }[]): string {
  // A bar of one pixel at least: a stretch of equal bills is a dot, not nothing.
  const d = bars.map((b) => `M${b.x} ${b.low}V${b.high === b.low ? roundPixel(b.high - 1) : b.high}`).join('');
  return `<path class="bars" d="${d}"/>`;
}

/** The letters' shapes on the strip: shapes, not only colors, so that a black-and-white print keeps them apart. */
const STRIP_SHAPES: Readonly<Record<DocumentKind, (x: number) => string>> = {
  'credit-note': (x) => `<path class="k-cn" d="M${x} ${STRIP - 5}l5 9h-10z"/>`,
  payment: (x) => `<path class="k-pay" d="M${roundPixel(x - 4)} ${STRIP - 4}h8v8h-8z"/>`,
  dunning: (x) => `<path class="k-dun" d="M${x} ${STRIP - 6}l5 6-5 6-5-6z"/>`,
  termination: (x) => `<path class="k-end" d="M${roundPixel(x - 4)} ${STRIP - 4}l8 8m0-8l-8 8"/>`,
  // A bill with no amount (or in another currency): a hollow circle on the strip.
  invoice: (x) => `<circle class="k-inv" cx="${x}" cy="${STRIP}" r="4"/>`,
};

function stripMark(p: Placed, x: number, title: string): string {
  return `<g>${STRIP_SHAPES[p.point.kind](x)}<title>${title}</title></g>`;
}

function terminationLine(stop: TerminationStop, time: DayScale, w: PageWords): string {
  const x = time.x(stop.effective);
  const when = writeDay(stop.effective, w);
  const title = stop.stated
    ? w.say('chart.termination', { when })
    : w.say('chart.terminationAfter', { when, days: w.number(TERMINATION_NOTICE_DAYS) });
  const line = `<path d="M${x} ${TOP - 8}V${STRIP + 8}"/>`;
  const label = `<text x="${x + 4}" y="${STRIP + 4}">${w.say('chart.terminated')}</text>`;
  return `<g class="end">${line}${label}<title>${title}</title></g>`;
}

/** A day in the report's one notation ("20 Sep 2024", "20/09/2024"), as the page's tables write dates. */
function writeDay(day: number, w: PageWords): string {
  return escapeHtml(w.date(isoFromDayNumber(day)));
}

function describe(point: HistoryPoint, style: AmountStyle | undefined, w: PageWords): string {
  const parts = [wordsFor(w.lang).report.kinds[point.kind]];
  if (point.id !== undefined) parts.push(escapeHtml(point.id));
  let text = parts.join(' ');
  if (point.date !== undefined) text += `, ${escapeHtml(w.date(point.date))}`;
  if (point.amount !== undefined) {
    text += `, ${writeMoney(point.amount, point.currency, style)}`;
  }
  return text;
}

/** A ring around every flagged document and, where there is room, its rule ids written above it. */
function flagMarks(
  placed: readonly Placed[],
  billY: ReadonlyMap<HistoryPoint, number>,
  time: DayScale,
  input: ChartInput,
  w: PageWords,
): string {
  const out: string[] = [];
  const labels = new LabelRows();
  for (const p of placed) {
    const rules = input.flags.get(pointKey(p.point.file, p.point.line));
    if (rules === undefined) continue;
    const x = time.x(p.day);
    const y = billY.get(p.point) ?? STRIP;
    const ruleText = rules.map(escapeHtml).join(', ');
    const label = labels.place(x, y, rules.join(', ').length);
    const text =
      label === undefined ? '' : `<text x="${label.x}" y="${label.y}" text-anchor="${label.anchor}">${ruleText}</text>`;
    out.push(
      `<g class="flag" data-rules="${rules.map(escapeHtml).join(' ')}"><circle cx="${x}" cy="${y}" r="6"/>${text}` +
        `<title>${describe(p.point, input.style, w)}${w.say('colon')}${ruleText}</title></g>`,
    );
  }
  return out.join('');
}

/** Bold 10px text: about this many pixels a character (rule ids are ASCII). */
const LABEL_CHAR_WIDTH = 6;
const LABEL_ROW_HEIGHT = 11;
const LABEL_TRIES = 3;

/**
 * A label goes just above its mark, or one or two rows higher, wherever it overlaps no earlier
 * label; a label with no room is left out (the ring and the tooltip still say it), never overprinted.
 */
class LabelRows {
  /** Boxes already taken: left, right, top, bottom. */
  private readonly taken: Array<readonly [number, number, number, number]> = [];

  place(x: number, markY: number, characters: number): { x: number; y: number; anchor: string } | undefined {
    if (this.taken.length >= MAX_LABELS) return undefined;
    const width = characters * LABEL_CHAR_WIDTH;
    const anchor = x > WIDTH - 4 - width / 2 ? 'end' : x < LEFT + width / 2 ? 'start' : 'middle';
    const left = (anchor === 'end' ? x - width : anchor === 'start' ? x : x - width / 2) - 3;
    const right = left + width + 6;
    for (let row = 0; row < LABEL_TRIES; row++) {
      // y is the text's baseline; the box spans the letters above it.
      const y = roundPixel(Math.max(10, markY - 9 - row * LABEL_ROW_HEIGHT));
      const box = [left, right, y - LABEL_ROW_HEIGHT + 1, y + 1] as const;
      if (this.taken.some(([l, r, t, b]) => box[0] < r && l < box[1] && box[2] < b && t < box[3])) continue;
      this.taken.push(box);
      return { x, y, anchor };
    }
    return undefined;
  }
}
