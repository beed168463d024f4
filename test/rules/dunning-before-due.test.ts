import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dunning-before-due.js';
import { doc, runRule } from '../helpers/builder.js';

const invoice = (id: string, dueDate: string, account = 'A1') =>
  doc({ id, account, issueDate: '2024-03-05', dueDate, total: '59.98' });
const letter = (issueDate: string, references: string[], account = 'A1') =>
  doc({ kind: 'dunning', id: `REL-${issueDate}`, account, issueDate, amountDue: '59.98', references });

describe('dunning-before-due', () => {
  it('flags a relance dated before the invoice falls due, with the days early', () => {
    const reported = runRule(rule, [invoice('FAC-0324', '2024-03-20'), letter('2024-03-12', ['FAC-0324'])]);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'beforeDue', documentId: 'REL-2024-03-12' });
    expect(reported[0]?.data).toEqual({
      invoice: 'FAC-0324',
      dueDate: '2024-03-20',
      letterDate: '2024-03-12',
      daysEarly: 8,
      invoices: ['FAC-0324'],
    });
  });

  it('passes a letter sent on or after the due date', () => {
    const docs = [invoice('F1', '2024-03-20'), letter('2024-03-20', ['F1']), letter('2024-04-02', ['F1'])];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('reports a letter once, about the invoice that falls due last, listing every early one', () => {
    const docs = [
      invoice('F1', '2024-02-20'),
      invoice('F2', '2024-03-20'),
      invoice('F3', '2024-04-20'),
      letter('2024-03-01', ['F1', 'F2', 'F3', 'F3']),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.data).toMatchObject({
      invoice: 'F3',
      dueDate: '2024-04-20',
      daysEarly: 50,
      invoices: ['F2', 'F3'],
    });
  });

  it('matches invoices by id within the same account only', () => {
    const docs = [invoice('F1', '2024-03-20', 'A2'), letter('2024-03-01', ['F1'], 'A1')];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('needs a letter date and an invoice due date', () => {
    const docs = [
      doc({ id: 'F1', issueDate: '2024-03-05', total: '10.00' }),
      invoice('F2', '2024-03-20'),
      letter('2024-03-10', ['F1', 'UNKNOWN']),
      doc({ kind: 'dunning', id: 'MED-SANS-DATE', amountDue: '59.98', references: ['F2'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('claims, for a letter that names no invoice, the latest one of the demanded amount', () => {
    const bill = (id: string, issueDate: string, dueDate: string, total: string) =>
      doc({ id, account: 'A1', issueDate, dueDate, total });
    const docs = [
      bill('F1', '2024-02-02', '2024-02-25', '70.00'),
      bill('F2', '2024-03-02', '2024-03-25', '59.98'),
      letter('2024-03-10', []),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.data).toMatchObject({ invoice: 'F2', dueDate: '2024-03-25', daysEarly: 15 });
  });

  it("claims nothing when flat monthly bills leave the letter for last month's bill", () => {
    const bill = (id: string, issueDate: string, dueDate: string) =>
      doc({ id, account: 'A1', issueDate, dueDate, total: '59.98' });
    const docs = [
      bill('F1', '2024-02-02', '2024-02-25'),
      bill('F2', '2024-03-02', '2024-03-25'),
      letter('2024-03-10', []),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});

describe('dunning-before-due without references, when an older bill of the same amount is overdue', () => {
  it('claims nothing: the letter may be about the overdue one', () => {
    const docs = [
      doc({ id: 'F1', issueDate: '2024-01-01', dueDate: '2024-01-15', total: '30.00' }),
      doc({ id: 'F2', issueDate: '2024-02-01', dueDate: '2024-02-15', total: '45.00' }),
      doc({ id: 'F3', issueDate: '2024-03-01', dueDate: '2024-03-31', total: '30.00' }),
      doc({ kind: 'dunning', id: 'R1', issueDate: '2024-03-10', amountDue: '30.00' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});

describe('dunning-before-due without references, when the older bills of that amount are long past due', () => {
  it('claims the recent one: reminders follow a due date by weeks, not seasons', () => {
    const docs = [
      doc({ id: 'F-SEP', issueDate: '2024-09-02', dueDate: '2024-09-25', total: '3120.50' }),
      doc({ id: 'F-JAN', issueDate: '2025-01-02', dueDate: '2025-01-25', total: '3120.50' }),
      doc({ kind: 'dunning', id: 'R1', issueDate: '2025-01-10', amountDue: '3120.50' }),
    ];
    expect(runRule(rule, docs).map((r) => r.documentId)).toEqual(['R1']);
  });
});
