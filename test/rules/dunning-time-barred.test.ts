import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDayNumber } from '../../src/model/dates.js';
import rule, { lastDayOfLimit } from '../../src/rules/dunning-time-barred.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

const facture = (id: string, dueDate: string | undefined, issueDate = '2022-01-05') =>
  doc({ id, issueDate, dueDate, total: '45.00' });
const miseEnDemeure = (issueDate: string, references: string[]) =>
  doc({ kind: 'dunning', id: `MED-${issueDate}`, issueDate, amountDue: '45.00', references });

const lastDay = (iso: string, years = 1) => isoFromDayNumber(lastDayOfLimit(dayNumber(iso), years));

describe('lastDayOfLimit', () => {
  it('ends a year on the same day of the month', () => {
    expect(lastDay('2023-03-15')).toBe('2024-03-15');
    expect(lastDay('2023-02-28')).toBe('2024-02-28');
    expect(lastDay('2023-12-31', 3)).toBe('2026-12-31');
  });

  it('ends a year from 29 February on 28 February, and keeps 29 February when it exists', () => {
    expect(lastDay('2024-02-29')).toBe('2025-02-28');
    expect(lastDay('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('dunning-time-barred', () => {
  it('flags a mise en demeure sent more than a year after the invoice fell due', () => {
    const reported = runRule(rule, [
      facture('FAC-2022-01', '2022-01-20'),
      miseEnDemeure('2023-06-01', ['FAC-2022-01']),
    ]);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'timeBarred', documentId: 'MED-2023-06-01' });
    expect(reported[0]?.data).toEqual({
      invoice: 'FAC-2022-01',
      fellDue: '2022-01-20',
      letterDate: '2023-06-01',
      barredSince: '2023-01-21',
      invoices: ['FAC-2022-01'],
    });
  });

  it('accepts a claim on the last day of the year, and bars it the day after', () => {
    expect(runRule(rule, [facture('F1', '2023-02-28'), miseEnDemeure('2024-02-28', ['F1'])])).toEqual([]);
    const reported = runRule(rule, [facture('F1', '2023-02-28'), miseEnDemeure('2024-02-29', ['F1'])]);
    expect(reported.map((r) => r.data.barredSince)).toEqual(['2024-02-29']);
  });

  it('counts from 29 February to 28 February of the next year', () => {
    expect(runRule(rule, [facture('F1', '2024-02-29'), miseEnDemeure('2025-02-28', ['F1'])])).toEqual([]);
    expect(runRule(rule, [facture('F1', '2024-02-29'), miseEnDemeure('2025-03-01', ['F1'])])).toHaveLength(1);
  });

  it('uses the issue date when the invoice has no due date', () => {
    const reported = runRule(rule, [facture('F1', undefined, '2022-01-05'), miseEnDemeure('2023-01-06', ['F1'])]);
    expect(reported.map((r) => r.data.fellDue)).toEqual(['2022-01-05']);
  });

  it('reports a letter once, about the oldest claim, listing every barred invoice', () => {
    const docs = [
      facture('F-2021-11', '2021-11-20'),
      facture('F-2022-01', '2022-01-20'),
      facture('F-2023-01', '2023-01-20'),
      miseEnDemeure('2023-06-01', ['F-2022-01', 'F-2021-11', 'F-2023-01']),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.data).toMatchObject({ invoice: 'F-2021-11', invoices: ['F-2022-01', 'F-2021-11'] });
  });

  it('honours a longer limit', () => {
    const docs = [facture('F1', '2022-01-20'), miseEnDemeure('2023-06-01', ['F1'])];
    expect(runRule(rule, docs, { options: { years: 2 } })).toEqual([]);
  });

  it('refuses a limit that is not a whole number of years from 1 to 100, in the config rather than mid-run', () => {
    expect(configRefusal(rule, { years: 2 })).toBeUndefined();
    for (const years of [0.5, 0, -1, 101]) {
      expect(configRefusal(rule, { years }), String(years)).toMatch(
        new RegExp(
          `rules\\.dunning-time-barred\\.options: "years" must be a whole number from 1 to 100, not ${years}$`,
        ),
      );
    }
  });

  it('ignores recent claims, undated letters, unknown invoices and other accounts', () => {
    const docs = [
      facture('F1', '2023-05-20'),
      miseEnDemeure('2023-06-01', ['F1', 'UNKNOWN']),
      doc({ kind: 'dunning', amountDue: '45.00', references: ['F1'] }),
      doc({ kind: 'dunning', account: 'A2', issueDate: '2030-01-01', amountDue: '45.00', references: ['F1'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});
