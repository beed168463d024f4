import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../src/model/document.js';
import { addDays } from '../../../src/model/dates.js';
import { Money } from '../../../src/model/money.js';
import { drawAccountChart, MAX_POINTS, pointKey } from '../../../src/report/html/chart.js';
import type { HistoryPoint } from '../../../src/report/html/histories.js';
import { pageWords } from '../../../src/i18n/html.js';
import { FRENCH_STYLE } from '../sample.js';
import { ORDINARY_MONTHS } from '../../helpers/builder.js';

const FRENCH = { ...FRENCH_STYLE, dates: { order: 'dmy', separator: '/' } } as const;

function point(
  line: number,
  kind: DocumentKind,
  date: string | undefined,
  amount?: string,
  extra: Partial<HistoryPoint> = {},
): HistoryPoint {
  return {
    kind,
    id: `D-${line}`,
    date,
    effectiveDate: undefined,
    amount: amount === undefined ? undefined : Money.parse(amount),
    currency: 'EUR',
    file: 'bills.csv',
    line,
    ...extra,
  };
}

/** Twelve months of about 40 € and then 149 000 € (the seed case of a residential line). */
function spikeHistory(): HistoryPoint[] {
  const months = ORDINARY_MONTHS;
  const points = months.map((amount, i) =>
    point(i + 2, 'invoice', `2023-${String(i + 1).padStart(2, '0')}-05`, amount),
  );
  points.push(point(14, 'invoice', '2024-01-05', '149000.00'));
  return points;
}

function polylinePoints(svg: string, className: string): Array<[number, number]> {
  const match = new RegExp(`<polyline class="${className}" points="([^"]*)"`).exec(svg);
  return (match?.[1] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('drawAccountChart', () => {
  it('draws no chart for an account with one document', () => {
    expect(
      drawAccountChart({
        account: 'L1',
        points: [point(2, 'invoice', '2024-01-05', '40.00')],
        flags: new Map(),
        style: FRENCH,
      }),
    ).toBeUndefined();
  });

  it('rings the spike and labels it with its rules, far above the other bills', () => {
    const flags = new Map([[pointKey('bills.csv', 14), ['amount-ceiling', 'amount-spike']]]);
    const chart = drawAccountChart({ account: '0612345003', points: spikeHistory(), flags, style: FRENCH });
    const svg = chart?.svg ?? '';
    expect(svg).toMatch(
      /<g class="flag" data-rules="amount-ceiling amount-spike"><circle cx="[\d.]+" cy="([\d.]+)" r="6"\/><text[^>]*>amount-ceiling, amount-spike<\/text>/,
    );
    const bills = polylinePoints(svg, 'bills');
    expect(bills).toHaveLength(13);
    const spikeY = bills[12]?.[1] as number;
    // SVG rows grow downwards: the spike is near the top, the ordinary months near the bottom.
    expect(Math.max(...bills.slice(0, 12).map(([, y]) => y)) - spikeY).toBeGreaterThan(80);
    expect(svg).toContain('<title>invoice D-14, 5 Jan 2024, 149 000,00 €: amount-ceiling, amount-spike</title>');
  });

  it("writes amounts as the bills write them and dates in the report's one notation, as the tables do", () => {
    // French bills (dd/mm/yyyy) on an English page: "1 Apr 2023" on the axis, as the findings' table writes dates.
    const svg = drawAccountChart({ account: 'L', points: spikeHistory(), flags: new Map(), style: FRENCH })?.svg ?? '';
    expect(svg).toContain('>150 000,00 €</text>');
    expect(svg).toContain('>0,00 €</text>');
    expect(svg).toContain('>1 Apr 2023</text>');
    expect(svg).not.toContain('01/04/2023');
    expect(svg).toContain('aria-label="History of account L: 13 bills from 5 Jan 2023 to 5 Jan 2024"');
    const french =
      drawAccountChart({
        account: 'L',
        points: spikeHistory(),
        flags: new Map(),
        style: FRENCH,
        words: pageWords('fr'),
      })?.svg ?? '';
    expect(french).toContain('>01/04/2023</text>');
    expect(french).not.toContain('Apr 2023');
  });

  it('draws the median of the earlier bills under each bill after the first, as amount-spike computes it', () => {
    const points = [
      point(2, 'invoice', '2024-01-05', '10.00'),
      point(3, 'invoice', '2024-02-05', '30.00'),
      point(4, 'invoice', '2024-03-05', '20.00'),
      point(5, 'invoice', '2024-04-05', '90.00'),
    ];
    const svg = drawAccountChart({ account: 'L', points, flags: new Map(), style: FRENCH })?.svg ?? '';
    const bills = polylinePoints(svg, 'bills');
    const medians = polylinePoints(svg, 'median');
    // Medians before bills 2, 3, 4: 10,00; (10 + 30) / 2 = 20,00; median of 10, 20, 30 = 20,00.
    expect(medians.map(([x]) => x)).toEqual(bills.slice(1).map(([x]) => x));
    const yOf20 = bills[2]?.[1];
    expect(medians.map(([, y]) => y)).toEqual([bills[0]?.[1], yOf20, yOf20]);
  });

  it('puts letters on the strip in their own shapes and the termination as a dashed line at its effective date', () => {
    const points = [
      point(2, 'invoice', '2024-01-05', '24.99'),
      point(3, 'credit-note', '2024-01-20', '24.99'),
      point(4, 'payment', '2024-02-01', '10.00'),
      point(5, 'dunning', '2024-02-10', '0.01'),
      point(6, 'termination', '2024-02-15'),
      point(7, 'invoice', '2024-03-05', '24.99'),
    ];
    const svg = drawAccountChart({ account: 'L', points, flags: new Map(), style: FRENCH })?.svg ?? '';
    for (const shape of ['k-cn', 'k-pay', 'k-dun', 'k-end']) expect(svg).toContain(`class="${shape}"`);
    // No effective date given: ten days after the letter (L224-39), and the tooltip says so.
    expect(svg).toContain('termination effective (10 days after the letter) 25 Feb 2024');
  });

  it('aggregates 500 bills into at most 100 bars and says so, keeping the flagged bill ringed', () => {
    const points: HistoryPoint[] = [];
    for (let i = 0; i < 500; i++)
      points.push(point(i + 2, 'invoice', addDays('2010-01-01', i * 7), i === 400 ? '9000.00' : '40.00'));
    const flags = new Map([[pointKey('bills.csv', 402), ['amount-spike']]]);
    const chart = drawAccountChart({ account: 'L', points, flags, style: FRENCH });
    const bars = (/<path class="bars" d="([^"]*)"/.exec(chart?.svg ?? '')?.[1] ?? '').split('M').filter(Boolean);
    expect(500).toBeGreaterThan(MAX_POINTS);
    expect(bars.length).toBeGreaterThan(50);
    expect(bars.length).toBeLessThanOrEqual(100);
    expect(chart?.notes.join(' ')).toMatch(
      /^500 bills: each bar spans the lowest to the highest bill of about \d+ days\.$/,
    );
    expect(chart?.svg.match(/class="flag"/g)).toHaveLength(1);
  });

  it('escapes ids and says what it leaves out (undated documents, other currencies)', () => {
    const points = [
      point(2, 'invoice', '2024-01-05', '40.00', { id: '"><script>alert(1)</script>' }),
      point(3, 'invoice', '2024-02-05', '40.00'),
      point(4, 'invoice', '2024-03-05', '35.00', { currency: 'GBP' }),
      point(5, 'dunning', undefined, '0.01'),
    ];
    const flags = new Map([[pointKey('bills.csv', 2), ['blank-invoice']]]);
    const chart = drawAccountChart({ account: '<b>L</b>', points, flags, style: FRENCH });
    expect(chart?.svg).not.toContain('<script>');
    expect(chart?.svg).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(chart?.svg).toContain('aria-label="History of account &lt;b&gt;L&lt;/b&gt;');
    expect(chart?.notes).toEqual([
      '1 document without a date, not drawn.',
      '1 bill in other currencies than EUR, shown on the strip only.',
    ]);
  });
});

describe('drawAccountChart at two bills', () => {
  it('draws both bills and the one median as a short dash before the second', () => {
    const points = [point(2, 'invoice', '2024-01-05', '39.99'), point(3, 'invoice', '2024-02-05', '41.99')];
    const svg = drawAccountChart({ account: 'L', points, flags: new Map(), style: FRENCH })?.svg ?? '';
    const bills = polylinePoints(svg, 'bills');
    const median = polylinePoints(svg, 'median');
    expect(bills).toHaveLength(2);
    expect(median).toHaveLength(2);
    // The median of the one earlier bill is that bill: the dash is level with the first point.
    expect(median.map(([, y]) => y)).toEqual([bills[0]?.[1], bills[0]?.[1]]);
    expect(median[1]?.[0]).toBe(bills[1]?.[0]);
  });
});
