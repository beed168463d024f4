import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/amount-spike.js';
import type { DocInput } from '../helpers/builder.js';
import { doc, ordinaryYear, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

/** Monthly invoices of one account from January 2023, one per total. */
function monthly(totals: string[], extra: DocInput = {}) {
  return totals.map((total, i) => {
    const year = 2023 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    return doc({ id: `F-${year}-${month}`, issueDate: `${year}-${month}-05`, total, ...extra });
  });
}

describe('amount-spike', () => {
  it('flags 149 000,00 € after a year of bills between 35 and 45 €', () => {
    const spike = doc({ id: 'F2024-01', issueDate: '2024-01-05', total: '149000.00' });
    const reported = runRule(rule, [...ordinaryYear(), spike]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('spike');
    expect(reported[0]?.documentId).toBe('F2024-01');
    // ordinaryYear's sorted totals have 39.99 in both middle places.
    expect(String(reported[0]?.data.median)).toBe('39.99');
    expect(reported[0]?.data.history).toBe(12);
    expect(reported[0]?.data.ratio).toBe(3726); // 149000 / 39.99 = 3725.93…
  });

  it('reads like the design example: 3 104× the median of 11 earlier bills, 48,00 €', () => {
    const history = monthly([
      '40.00',
      '58.00',
      '42.00',
      '55.00',
      '44.00',
      '52.00',
      '46.00',
      '50.00',
      '47.00',
      '49.00',
      '48.00',
    ]);
    const spike = doc({ id: 'F-2023-12', issueDate: '2023-12-05', total: '149000.00' });
    const reported = runRule(rule, [...history, spike]);
    expect(reported.map((r) => r.data.history)).toEqual([11]);
    expect(String(reported[0]?.data.median)).toBe('48.00');
    expect(reported[0]?.data.ratio).toBe(3104);
  });

  it('passes seasonal variation of ±20 %', () => {
    const totals = [
      '40.00',
      '44.00',
      '48.00',
      '46.50',
      '41.00',
      '36.00',
      '32.00',
      '33.50',
      '38.00',
      '42.00',
      '47.90',
      '48.00',
    ];
    expect(runRule(rule, monthly([...totals, ...totals]))).toEqual([]);
  });

  it('flags strictly above factor × median, with the median of an even count kept exact', () => {
    const history = ['10.00', '10.01', '10.02', '10.03']; // median 10.015: threshold 100.15
    expect(runRule(rule, monthly([...history, '100.15']))).toEqual([]);
    const reported = runRule(rule, monthly([...history, '100.16']));
    expect(reported).toHaveLength(1);
    expect(String(reported[0]?.data.median)).toBe('10.015');
    expect(reported[0]?.data.ratio).toBe(10);
  });

  it('needs an increase of at least minIncrease, not only a ratio', () => {
    expect(runRule(rule, monthly(['0.15', '0.15', '0.15', '2.00']))).toEqual([]);
    expect(runRule(rule, monthly(['2.00', '2.00', '2.00', '51.99']))).toEqual([]);
    expect(runRule(rule, monthly(['2.00', '2.00', '2.00', '52.00']))).toHaveLength(1);
    expect(
      runRule(rule, monthly(['2.00', '2.00', '2.00', '30.00']), { options: { minIncrease: '20.00' } }),
    ).toHaveLength(1);
  });

  it('does not divide by a median of zero after blank or free months', () => {
    expect(runRule(rule, monthly(['0.00', '0.00', '0.00', '0.00', '149000.00']))).toEqual([]);
    expect(runRule(rule, monthly(['-5.00', '-5.00', '0.00', '500.00']))).toEqual([]);
  });

  it('waits for minHistory earlier bills', () => {
    expect(runRule(rule, monthly(['40.00', '40.00', '9000.00']))).toEqual([]);
    expect(runRule(rule, monthly(['40.00', '40.00', '40.00', '9000.00']))).toHaveLength(1);
    const afterOne = runRule(rule, monthly(['40.00', '9000.00']), { options: { minHistory: 1 } });
    expect(afterOne.map((r) => r.messageId)).toEqual(['spikeAfterOne']); // "the one earlier bill", not "the 1 earlier bills"
  });

  it('lets spikes enter the baseline, so that a lasting new level stops being flagged', () => {
    const reported = runRule(
      rule,
      monthly(['40.00', '40.00', '40.00', '1000.00', '1000.00', '1000.00', '1000.00', '1000.00']),
    );
    // Against 40,40,40 | +1000 | +1000,1000: the median is 40 until half the history is at the new level.
    expect(reported.map((r) => r.documentId)).toEqual(['F-2023-04', 'F-2023-05', 'F-2023-06']);
  });

  it('judges by date, not by input order', () => {
    const spike = doc({ id: 'F2024-01', issueDate: '2024-01-05', total: '149000.00' });
    expect(runRule(rule, [spike, ...ordinaryYear().reverse()])).toHaveLength(1);
    const early = doc({ id: 'F2022-12', issueDate: '2022-12-05', total: '149000.00' });
    expect(runRule(rule, [...ordinaryYear(), early])).toEqual([]);
  });

  it('ignores credit notes, invoices without a total or a date, and other currencies', () => {
    const docs = [
      ...ordinaryYear(),
      doc({ kind: 'credit-note', issueDate: '2024-01-10', total: '5000.00' }),
      doc({ kind: 'dunning', issueDate: '2024-01-11', amountDue: '5000.00' }),
      doc({ issueDate: '2024-01-12', net: '5000.00', amountDue: '6000.00' }),
      doc({ total: '5000.00' }),
      doc({ issueDate: '2024-01-13', total: '5000.00', currency: 'USD' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('keeps each account to its own history', () => {
    const business = monthly(['4800.00', '5100.00', '4950.00', '5020.00'], { account: 'B2' });
    const residential = doc({ id: 'F2024-01', account: 'A1', issueDate: '2024-01-05', total: '4999.00' });
    const reported = runRule(rule, [...ordinaryYear('A1'), ...business, residential]);
    expect(reported.map((r) => r.documentId)).toEqual(['F2024-01']);
  });

  it('honours a configured factor, keeping one decimal in small ratios', () => {
    const reported = runRule(rule, monthly(['40.00', '40.00', '40.00', '130.00']), { options: { factor: 3 } });
    expect(reported[0]?.data.ratio).toBe(3.3); // 130 / 40 = 3.25, rounded half up as people read it
    expect(runRule(rule, monthly(['40.00', '40.00', '40.00', '130.00']))).toEqual([]);
  });

  it('refuses options that would flag every bill or judge without history, naming the option', () => {
    expect(configRefusal(rule, { factor: 5, minHistory: 1, minIncrease: '0' })).toBeUndefined();
    expect(configRefusal(rule, { factor: 1 })).toMatch(
      /rules\.amount-spike\.options: "factor" must be a number above 1, not 1/,
    );
    expect(configRefusal(rule, { factor: 0.5 })).toMatch(/"factor" must be a number above 1/);
    expect(configRefusal(rule, { minHistory: 0 })).toMatch(
      /rules\.amount-spike\.options: "minHistory" must be a whole number of at least 1, not 0/,
    );
    expect(configRefusal(rule, { minHistory: 2.5 })).toMatch(/"minHistory" must be a whole number/);
    expect(configRefusal(rule, { minIncrease: '-50.00' })).toMatch(
      /rules\.amount-spike\.options: "minIncrease" must be an amount of at least 0/,
    );
  });
});
