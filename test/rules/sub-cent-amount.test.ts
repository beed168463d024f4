import { describe, expect, it } from 'vitest';
import rule, { subCentAmounts } from '../../src/rules/sub-cent-amount.js';
import { doc, runRule } from '../helpers/builder.js';

describe('sub-cent-amount', () => {
  it('flags a total in fractions of a cent, with where and what', () => {
    const reported = runRule(rule, [doc({ id: 'F-1', net: '10.29', tax: '2.058', total: '12.348' })]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('subCent');
    expect(reported[0]?.data).toMatchObject({
      count: 2,
      decimals: 2,
      currency: 'EUR',
      amounts: ['tax 2.058', 'total 12.348'],
    });
  });

  it('looks at line amounts but not at unit prices, which may be per-minute rates', () => {
    const invoice = doc({
      total: '0.25',
      lines: [
        { description: 'Appels vers mobiles', quantity: '125', unitPrice: '0.0015', net: '0.1875' },
        { description: 'SMS', quantity: '2', unitPrice: '0.05', net: '0.10' },
      ],
    });
    expect(runRule(rule, [invoice])[0]?.data.amounts).toEqual(['item 1 net 0.1875']);
  });

  it("lists a one-row document's amounts once, not again as its item 1 (company export, INV-202501-S01 style)", () => {
    const row = { description: 'Outbound calls, international', net: '7.125', tax: '1.425', total: '8.55' };
    const data = runRule(rule, [doc({ ...row, lines: [row] })])[0]?.data;
    expect(data?.amounts).toEqual(['net 7.125', 'tax 1.425']);
    const twoLines = [row, { description: 'SIP trunk', net: '180.00', tax: '36.00', total: '216.00' }];
    expect(
      runRule(rule, [doc({ net: '187.125', tax: '37.425', total: '224.55', lines: twoLines })])[0]?.data.amounts,
    ).toEqual(['net 187.125', 'tax 37.425', 'item 1 net 7.125', 'item 1 tax 1.425']);
  });

  it('ignores trailing zeros and amounts within the currency decimals', () => {
    expect(runRule(rule, [doc({ net: '33.330', tax: '6.6600', total: '39.99', amountDue: '40' })])).toEqual([]);
  });

  it('knows currencies without cents and with thousandths', () => {
    expect(runRule(rule, [doc({ currency: 'JPY', total: '1100.50' })])[0]?.data).toMatchObject({
      decimals: 0,
      amounts: ['total 1100.5'],
    });
    expect(runRule(rule, [doc({ currency: 'JPY', total: '1100' })])).toEqual([]);
    expect(runRule(rule, [doc({ currency: 'TND', total: '45.125' })])).toEqual([]);
    expect(runRule(rule, [doc({ currency: 'TND', total: '45.1255' })])).toHaveLength(1);
  });

  it('lists at most five amounts and counts them all', () => {
    const lines = Array.from({ length: 8 }, () => ({ net: '0.0833' }));
    const data = runRule(rule, [doc({ lines })])[0]?.data;
    expect(data?.count).toBe(8);
    expect(data?.amounts).toHaveLength(5);
    expect(data?.more).toBe(3);
    expect(runRule(rule, [doc({ lines })])[0]?.messageId).toBe('subCentMany');
  });

  it('answers a clean bill with a list no caller can change', () => {
    const clean = doc({ net: '33.33', tax: '6.66', total: '39.99' });
    expect(runRule(rule, [clean])).toEqual([]);
    // The fast path shares one empty list between bills: it must stay empty whatever happens to it.
    const none = subCentAmounts(clean, 2);
    expect(none).toEqual([]);
    expect(Object.isFrozen(none)).toBe(true);
    expect(subCentAmounts(doc({ total: '1.005' }), 2)).toEqual(['total 1.005']);
    expect(none).toEqual([]);
  });
});
