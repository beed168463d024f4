import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/amount-ceiling.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

describe('amount-ceiling', () => {
  it('flags the 149 000 € bill of a residential line', () => {
    const reported = runRule(rule, [doc({ id: 'FM-0042', total: '149000.00', issueDate: '2024-01-06' })]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('aboveCeiling');
    expect(String(reported[0]?.data.amount)).toBe('149000.00');
    expect(String(reported[0]?.data.max)).toBe('10000.00');
    expect(reported[0]?.documentId).toBe('FM-0042');
  });

  it('flags a total one cent above the ceiling but not one at it', () => {
    expect(runRule(rule, [doc({ total: '10000.01' })])).toHaveLength(1);
    expect(runRule(rule, [doc({ total: '10000.00' })])).toEqual([]);
  });

  it('compares exactly, beyond the cents fast path', () => {
    expect(runRule(rule, [doc({ total: '10000.001' })])).toHaveLength(1);
    expect(runRule(rule, [doc({ total: '123456789012345678901234567890.00' })])).toHaveLength(1);
  });

  it('passes ordinary bills and invoices without a total (absent is not zero, nor huge)', () => {
    const docs = [
      doc({ total: '39.99' }),
      doc({ net: '150000.00' }),
      doc({ amountDue: '150000.00' }),
      doc({ total: '-20000.00' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('ignores credit notes, payments and letters above the ceiling', () => {
    const docs = [
      doc({ kind: 'credit-note', total: '149000.00' }),
      doc({ kind: 'payment', total: '20000.00' }),
      doc({ kind: 'dunning', total: '149000.00' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('honours a configured ceiling for business accounts', () => {
    const docs = [doc({ total: '18500.00' })];
    expect(runRule(rule, docs, { options: { max: '25000.00' } })).toEqual([]);
    const reported = runRule(rule, docs, { options: { max: '5000' } });
    expect(String(reported[0]?.data.max)).toBe('5000.00');
  });

  it('checks only the currencies where the ceiling means something, unless configured', () => {
    // 1,23,457 ₹ is about 1 400 €: an ordinary business bill, not a 123 457 € one.
    const rupees = doc({ id: 'KDS/2024-25/INV-0087', currency: 'INR', total: '123457.00' });
    const yen = doc({ id: 'JP-1', currency: 'JPY', total: '15800' });
    expect(runRule(rule, [rupees, yen])).toEqual([]);
    for (const currency of ['EUR', 'USD', 'GBP', 'CHF'])
      expect(runRule(rule, [doc({ currency, total: '12000.00' })]), currency).toHaveLength(1);
    const inRupees = runRule(rule, [rupees, yen], { options: { currencies: ['INR'], max: '1000000.00' } });
    expect(inRupees).toEqual([]);
    expect(
      runRule(rule, [rupees], { options: { currencies: ['INR'], max: '100000.00' } }).map((r) => r.documentId),
    ).toEqual(['KDS/2024-25/INV-0087']);
  });

  it('refuses a ceiling of zero or less and a currency that is not a code, naming the option', () => {
    expect(configRefusal(rule, { max: '5000.00', currencies: ['EUR', 'INR'] })).toBeUndefined();
    expect(configRefusal(rule, { max: '0' })).toMatch(
      /rules\.amount-ceiling\.options: "max" must be an amount above 0/,
    );
    expect(configRefusal(rule, { max: '-10000.00' })).toMatch(/"max" must be an amount above 0/);
    expect(configRefusal(rule, { currencies: ['€'] })).toMatch(
      /rules\.amount-ceiling\.options: "currencies" lists "€"/,
    );
  });
});
