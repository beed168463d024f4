import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/collection-fee-charged.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

describe('collection-fee-charged', () => {
  it('flags recovery fees added to a consumer invoice, with the description as written', () => {
    const reported = runRule(rule, [
      doc({
        id: 'F2024-05',
        lines: [
          { description: 'Forfait Mobile 5G 100 Go', total: '19.99' },
          { description: 'Frais de relance (TTC)', total: '7.50' },
        ],
      }),
    ]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('feeCharged');
    expect(reported[0]?.data.line).toBe(2);
    expect(reported[0]?.data.description).toBe('Frais de relance (TTC)');
    expect(String(reported[0]?.data.amount)).toBe('7.50');
  });

  it.each([
    'FRAIS DE RECOUVREMENT',
    'Indemnité forfaitaire pour frais de recouvrement',
    'Frais de mise en demeure',
    'frais de rappel',
    'Pénalités de retard',
    'Recovery fees',
    'Debt collection costs',
    'Late payment fee',
    'Mahngebühr',
    'Aanmaningskosten',
  ])('recognizes "%s" on a dunning letter', (description) => {
    const letter = doc({
      kind: 'dunning',
      amountDue: '99.98',
      lines: [
        { description: 'Facture F2024-03', total: '59.98' },
        { description, net: '40.00' },
      ],
    });
    expect(runRule(rule, [letter]).map((r) => r.data.description)).toEqual([description]);
  });

  it('does not mistake the debt itself, or other charges, for a fee', () => {
    const lines = [
      { description: 'Relance facture F2024-03', total: '59.98' },
      { description: 'Rappel : abonnement Fibre', total: '39.99' },
      { description: 'Frais de résiliation anticipée', total: '49.00' },
      { description: 'Chocolate feet', total: '3.00' },
    ];
    expect(runRule(rule, [doc({ lines })])).toEqual([]);
  });

  it('ignores fees waived, refunded, without an amount, and on credit notes', () => {
    const invoice = doc({
      lines: [
        { description: 'Frais de relance', total: '0.00' },
        { description: 'Annulation frais de relance', total: '-7.50' },
        { description: 'Des frais de recouvrement pourront être appliqués' },
      ],
    });
    const credit = doc({
      kind: 'credit-note',
      lines: [{ description: 'Remboursement frais de relance', total: '7.50' }],
    });
    expect(runRule(rule, [invoice, credit])).toEqual([]);
  });

  it("flags a dunning letter's file fees and penalties, which on a bill may be a set-up fee (issue 13)", () => {
    const lines = [
      { description: 'Frais de dossier', total: '15.00' },
      { description: 'Pénalités', total: '7.50' },
      { description: 'Intérêts de retard', total: '1.12' },
    ];
    const letter = runRule(rule, [doc({ kind: 'dunning', id: 'MED-1', lines })]);
    expect(letter.map((finding) => finding.data.description)).toEqual([
      'Frais de dossier',
      'Pénalités',
      'Intérêts de retard',
    ]);
    expect(
      runRule(rule, [
        doc({ kind: 'invoice', id: 'F-1', lines: [{ description: 'Frais de dossier', total: '15.00' }] }),
      ]),
    ).toEqual([]);
  });

  it('accepts extra wordings from the options', () => {
    const invoice = doc({ lines: [{ description: 'Frais de gestion impayé', total: '15.00' }] });
    expect(runRule(rule, [invoice])).toEqual([]);
    expect(runRule(rule, [invoice], { options: { extraPatterns: ['Frais de gestion impayé'] } })).toHaveLength(1);
  });

  it('refuses an extra wording that could match nothing, naming the option', () => {
    expect(configRefusal(rule, { extraPatterns: ['Frais de gestion impayé'] })).toBeUndefined();
    expect(configRefusal(rule, { extraPatterns: ['frais de dossier', ' -- '] })).toMatch(
      /rules\.collection-fee-charged\.options: "extraPatterns" lists " -- ", which has no letter or digit/,
    );
  });
});
