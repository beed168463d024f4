import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dunning-for-blank-invoice.js';
import trivial from '../../src/rules/dunning-trivial-amount.js';
import { doc, ordinaryYear, runRule } from '../helpers/builder.js';

const blank = doc({ kind: 'invoice', id: 'FAC-2024-0117', issueDate: '2024-02-05' });
const miseEnDemeure = doc({
  kind: 'dunning',
  id: 'MED-2024-031',
  issueDate: '2024-03-10',
  amountDue: '0.01',
  references: ['FAC-2024-0117'],
});

describe('dunning-for-blank-invoice', () => {
  it('flags the seed case: a 0,01 € mise en demeure for a blank invoice, alongside dunning-trivial-amount', () => {
    const reported = runRule(rule, [blank, miseEnDemeure]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('blankInvoice');
    expect(reported[0]?.documentId).toBe('MED-2024-031');
    expect(reported[0]?.data.invoiceId).toBe('FAC-2024-0117');
    expect(runRule(trivial, [blank, miseEnDemeure])).toHaveLength(1);
  });

  it('flags a letter for an invoice with a zero total, or with only zero lines', () => {
    const zeroTotal = doc({ id: 'F-9', total: '0.00', lines: [{ description: 'Hors forfait', net: '0.00' }] });
    const reminder = doc({ kind: 'dunning', issueDate: '2024-04-01', amountDue: '12.00', references: ['F-9'] });
    expect(runRule(rule, [zeroTotal, reminder]).map((r) => r.data.invoiceId)).toEqual(['F-9']);
  });

  it('reports a letter naming several blank invoices once, listing each of them once', () => {
    const second = doc({ id: 'FAC-2024-0118', total: '0' });
    const letter = doc({
      kind: 'dunning',
      amountDue: '0.02',
      references: ['FAC-2024-0117', 'FAC-2024-0118', 'FAC-2024-0117', 'F2023-03'],
    });
    const reported = runRule(rule, [...ordinaryYear(), blank, second, letter]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('blankInvoices');
    expect(reported[0]?.data).toMatchObject({
      invoiceId: 'FAC-2024-0117',
      invoices: ['FAC-2024-0117', 'FAC-2024-0118'],
      count: 2,
    });
  });

  it('names the first five of a letter that claims hundreds of blank invoices, and counts the rest', () => {
    // The audit's 3.5 MB export: letters referring to thousands of blank invoices made one finding per reference.
    const ids = Array.from({ length: 300 }, (_, i) => `FAC-B-${String(i).padStart(3, '0')}`);
    const blanks = ids.map((id) => doc({ id, total: '0.00' }));
    const letters = [1, 2].map((n) => doc({ kind: 'dunning', id: `REL-${n}`, amountDue: '0.01', references: ids }));
    const reported = runRule(rule, [...blanks, ...letters]);
    expect(reported.map((r) => r.documentId)).toEqual(['REL-1', 'REL-2']);
    expect(reported[0]?.data.count).toBe(300);
    expect(reported[0]?.data.listed).toBe('FAC-B-000, FAC-B-001, FAC-B-002, FAC-B-003, FAC-B-004 and 295 more');
    expect(reported[0]?.data.invoices).toHaveLength(300);
  });

  it('passes letters for real bills, for unknown invoices and without references', () => {
    const docs = [
      ...ordinaryYear(),
      blank,
      doc({ kind: 'dunning', amountDue: '39.99', references: ['F2023-01'] }),
      doc({ kind: 'dunning', amountDue: '39.99', references: ['F-UNKNOWN'] }),
      doc({ kind: 'dunning', amountDue: '0.01' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('treats an invoice with an amount due but no total as billing something (absent is not zero)', () => {
    const dueOnly = doc({ id: 'F-10', amountDue: '45.00' });
    expect(runRule(rule, [dueOnly, doc({ kind: 'dunning', amountDue: '45.00', references: ['F-10'] })])).toEqual([]);
  });

  it('passes when a corrected invoice with the same id bills something', () => {
    const corrected = doc({ id: 'FAC-2024-0117', issueDate: '2024-02-06', total: '42.00' });
    expect(runRule(rule, [blank, corrected, miseEnDemeure])).toEqual([]);
  });

  it('ignores blank credit notes and blank invoices of other accounts', () => {
    const blankAvoir = doc({ kind: 'credit-note', id: 'AV-1', total: '0.00' });
    const letter = doc({ kind: 'dunning', amountDue: '5.00', references: ['AV-1', 'FAC-2024-0117'] });
    expect(runRule(rule, [blankAvoir, doc({ id: 'FAC-2024-0117', account: 'B2' }), letter])).toEqual([]);
  });
});
