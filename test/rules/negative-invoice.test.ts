import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/negative-invoice.js';
import { doc, runRule } from '../helpers/builder.js';

describe('negative-invoice', () => {
  it('flags an invoice whose refunds exceed its charges', () => {
    const reported = runRule(rule, [
      doc({ kind: 'invoice', id: 'F2024-07', net: '-10.28', tax: '-2.06', total: '-12.34' }),
    ]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('negativeTotal');
    expect(String(reported[0]?.data.total)).toBe('-12.34');
  });

  it('falls back on the net when the invoice has no total', () => {
    expect(runRule(rule, [doc({ net: '-5.00' })])).toHaveLength(1);
  });

  it('passes zero and positive totals, and a negative amount due that carries an earlier credit', () => {
    const docs = [doc({ total: '0.00' }), doc({ total: '39.99' }), doc({ total: '39.99', amountDue: '-10.01' })];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('leaves credit notes, payments and letters alone, even signed', () => {
    const docs = [
      doc({ kind: 'credit-note', total: '-20.00' }),
      doc({ kind: 'payment', total: '-39.99' }),
      doc({ kind: 'dunning', total: '-1.00' }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});
