import { describe, expect, it } from 'vitest';
import type { AmountStyle } from '../../src/model/document.js';
import { formatMoney, formatNumber } from '../../src/model/format.js';
import { Money } from '../../src/model/money.js';

const french: AmountStyle = { decimalSeparator: ',', groupSeparator: ' ', symbolBefore: false };
const english: AmountStyle = { decimalSeparator: '.', groupSeparator: ',', currencySymbol: '€', symbolBefore: true };
const swiss: AmountStyle = { decimalSeparator: '.', groupSeparator: "'", currencySymbol: 'CHF', symbolBefore: true };

describe('formatMoney', () => {
  it('writes amounts the way the input wrote them', () => {
    expect(formatMoney(Money.parse('149000'), 'EUR', french)).toBe('149 000,00 €');
    expect(formatMoney(Money.parse('0.01'), 'EUR', french)).toBe('0,01 €');
    expect(formatMoney(Money.parse('1234567.5'), 'EUR', english)).toBe('€1,234,567.50');
    expect(formatMoney(Money.parse('-12'), 'EUR', english)).toBe('-€12.00');
    expect(formatMoney(Money.parse('1234.5'), 'CHF', swiss)).toBe("CHF 1'234.50");
  });

  it('keeps sub-cent digits rather than rounding them away', () => {
    expect(formatMoney(Money.parse('0.005'), 'EUR', french)).toBe('0,005 €');
  });

  it('falls back to a dot decimal and the currency symbol or code', () => {
    expect(formatMoney(Money.parse('48'), 'EUR', undefined)).toBe('€48.00');
    expect(formatMoney(Money.parse('48'), 'SEK', undefined)).toBe('48.00 SEK');
  });
});

describe('formatNumber', () => {
  it('groups counts and rounds ratios', () => {
    expect(formatNumber(3104, french)).toBe('3 104');
    expect(formatNumber(3104, english)).toBe('3,104');
    expect(formatNumber(3725.6, french)).toBe('3 726');
    expect(formatNumber(2.54, english)).toBe('2.5');
  });

  it('writes a huge ratio in plain digits, not "5.0025e+21" (an absurd total against a normal median)', () => {
    expect(formatNumber(5.002501250625313e21, french)).toBe('5 002 501 250 625 313 000 000');
    expect(formatNumber(1e21, english)).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(Math.round(-0.2), english)).toBe('0');
  });
});

describe('grouping', () => {
  it('groups thousands even when the file never showed a grouped amount', () => {
    const ungrouped: AmountStyle = { decimalSeparator: ',', groupSeparator: '', symbolBefore: false };
    expect(formatMoney(Money.parse('149000'), 'EUR', ungrouped)).toBe('149 000,00 €');
    expect(formatNumber(3726, ungrouped)).toBe('3 726');
  });
});
