import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/date-inconsistency.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

const today = '2024-03-15';

describe('date-inconsistency', () => {
  it('flags a due date before the issue date', () => {
    const reported = runRule(rule, [doc({ issueDate: '2024-03-05', dueDate: '2024-02-20' })], { today });
    expect(reported.map((r) => r.messageId)).toEqual(['dueBeforeIssue']);
    expect(reported[0]?.data).toMatchObject({ issueDate: '2024-03-05', dueDate: '2024-02-20', days: 14 });
  });

  it('flags a period that ends before it starts', () => {
    const reported = runRule(rule, [doc({ periodStart: '2024-03-01', periodEnd: '2024-02-29' })], { today });
    expect(reported.map((r) => r.messageId)).toEqual(['periodEndsBeforeStart']);
    expect(reported[0]?.data).toMatchObject({ periodStart: '2024-03-01', periodEnd: '2024-02-29', days: 1 });
  });

  it('flags an issue date beyond tomorrow, and accepts tomorrow for time zones', () => {
    const reported = runRule(rule, [doc({ issueDate: '2024-04-05' }), doc({ issueDate: '2024-03-16' })], { today });
    expect(reported.map((r) => r.messageId)).toEqual(['issuedInFuture']);
    expect(reported[0]?.data).toMatchObject({ issueDate: '2024-04-05', today, days: 21 });
    expect(runRule(rule, [doc({ issueDate: '2024-03-16' })], { today, options: { futureDays: 0 } })).toHaveLength(1);
  });

  it('reports each problem of one document separately', () => {
    const reported = runRule(
      rule,
      [doc({ issueDate: '2024-12-01', dueDate: '2024-11-15', periodStart: '2024-12-01', periodEnd: '2024-11-30' })],
      { today },
    );
    expect(reported.map((r) => r.messageId)).toEqual(['dueBeforeIssue', 'periodEndsBeforeStart', 'issuedInFuture']);
  });

  it('accepts bills payable on receipt, one-day periods, periods billed in advance and missing dates', () => {
    const docs = [
      doc({ issueDate: '2024-03-05', dueDate: '2024-03-05' }),
      doc({ periodStart: '2024-03-01', periodEnd: '2024-03-01' }),
      doc({ issueDate: '2024-03-01', dueDate: '2024-03-20', periodStart: '2024-03-01', periodEnd: '2024-03-31' }),
      doc({ dueDate: '2020-01-01', periodEnd: '2020-01-01' }),
    ];
    expect(runRule(rule, docs, { today })).toEqual([]);
  });

  it('refuses a number of days that is not whole, negative or beyond a century, naming the option', () => {
    expect(configRefusal(rule, { futureDays: 0 })).toBeUndefined();
    expect(configRefusal(rule, { futureDays: -1 })).toMatch(
      /rules\.date-inconsistency\.options: "futureDays" must be a whole number from 0 to 36500, not -1/,
    );
    expect(configRefusal(rule, { futureDays: 1.5 })).toMatch(/"futureDays" must be a whole number/);
    // Further ahead, today + futureDays leaves four-digit years and would flag every dated bill.
    expect(configRefusal(rule, { futureDays: 3_000_000 })).toMatch(
      /"futureDays" must be a whole number from 0 to 36500/,
    );
  });
});
