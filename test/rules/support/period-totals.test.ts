import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/model/dates.js';
import { Decimal } from '../../../src/model/money.js';
import { PeriodTotals } from '../../../src/rules/support/period-totals.js';
import { doc, entryOf } from '../../helpers/builder.js';

/** The string key the rules used before: the reference the numeric period key must agree with. */
const stringKey = (start: number, end: number, currency: string, total: string | undefined) =>
  `${start}|${end}|${currency}|${total === undefined ? '' : new Decimal(total).toFixed(2)}`;

describe('PeriodTotals', () => {
  it('finds the earlier invoice with the same period, currency and total, as a string key would', () => {
    const day = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2100-12-31') });
    const invoice = fc.record({
      start: fc.oneof(day, fc.constantFrom(19_723, 19_754)),
      span: fc.oneof(fc.integer({ min: -40, max: 400 }), fc.constant(30)),
      currency: fc.constantFrom('EUR', 'GBP'),
      total: fc.option(fc.constantFrom('39.99', '40.00', '39.990', '0.00'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 30 }), (invoices) => {
        const index = new PeriodTotals();
        const seen = new Map<string, number>();
        invoices.forEach(({ start, span, currency, total }, i) => {
          const entry = entryOf(doc({ id: `F${i}`, currency, total }));
          const found = index.firstSame(entry, start, start + span, entry.total);
          const key = stringKey(start, start + span, currency, total);
          expect(found?.id).toBe(seen.has(key) ? `F${seen.get(key)}` : undefined);
          if (!seen.has(key)) seen.set(key, i);
        });
      }),
      { numRuns: 300 },
    );
  });
});
