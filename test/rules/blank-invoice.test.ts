import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/blank-invoice.js';
import { doc, runRule } from '../helpers/builder.js';

describe('blank-invoice', () => {
  it('flags an invoice with no lines and no amount at all', () => {
    const reported = runRule(rule, [doc({ kind: 'invoice', id: 'FAC-2024-0117', issueDate: '2024-02-05' })]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('empty');
    expect(reported[0]?.documentId).toBe('FAC-2024-0117');
  });

  it('flags an invoice whose every amount is zero, and counts the amounts it found', () => {
    const reported = runRule(rule, [
      doc({
        id: 'FAC-2024-0118',
        net: '0.00',
        tax: '0',
        total: '0.00',
        lines: [{ description: 'Forfait mobile 5 Go', net: '0.00', total: '0.00' }],
      }),
    ]);
    expect(reported.map((r) => r.messageId)).toEqual(['zero']);
    expect(reported[0]?.data.amounts).toBe(5);
    expect(reported[0]?.data.lines).toBe(1);
  });

  it('treats lines that carry only a description as billing nothing', () => {
    const reported = runRule(rule, [
      doc({ lines: [{ description: 'Abonnement fibre' }, { description: 'Option TV' }] }),
    ]);
    expect(reported.map((r) => r.messageId)).toEqual(['empty']);
    expect(reported[0]?.data.lines).toBe(2);
  });

  it('passes an invoice with one non-zero amount anywhere', () => {
    const docs = [
      doc({ total: '39.99' }),
      doc({ total: '0.00', amountDue: '12.50' }),
      doc({ total: '0.00', lines: [{ description: 'Hors forfait', net: '0.00', tax: '0.01' }] }),
      doc({ lines: [{ description: 'Remboursement', unitPrice: '-2.00' }] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('ignores other kinds of documents, even empty ones', () => {
    const docs = [
      doc({ kind: 'credit-note' }),
      doc({ kind: 'dunning', amountDue: '0.00' }),
      doc({ kind: 'payment', total: '0' }),
      doc({ kind: 'termination', issueDate: '2024-03-01' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});
