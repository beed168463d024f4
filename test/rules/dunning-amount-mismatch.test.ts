import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dunning-amount-mismatch.js';
import dunningForBlankInvoice from '../../src/rules/dunning-for-blank-invoice.js';
import dunningWhileInCredit from '../../src/rules/dunning-while-in-credit.js';
import { doc, runRule } from '../helpers/builder.js';
import { configRefusal } from './support/config.js';

const facture = (id: string, total: string, issueDate = '2024-03-05') =>
  doc({ id, issueDate, dueDate: '2024-03-20', total });
const relance = (issueDate: string, amountDue: string, references: string[]) =>
  doc({ kind: 'dunning', id: `REL-${issueDate}`, issueDate, amountDue, references });

describe('dunning-amount-mismatch', () => {
  it('flags a relance for the full invoice after a promised avoir was issued', () => {
    const docs = [
      facture('FAC-0324', '89.98'),
      doc({ kind: 'credit-note', id: 'AV-0012', issueDate: '2024-03-25', total: '30.00', references: ['FAC-0324'] }),
      relance('2024-04-02', '89.98', ['FAC-0324']),
    ];
    const reported = runRule(rule, docs);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ messageId: 'demandsMore', documentId: 'REL-2024-04-02' });
    expect(String(reported[0]?.data.demanded)).toBe('89.98');
    expect(String(reported[0]?.data.owed)).toBe('59.98');
    expect(String(reported[0]?.data.difference)).toBe('30.00');
    expect(reported[0]?.data.invoices).toEqual(['FAC-0324']);
  });

  it('passes a demand equal to what is owed after credit notes and payments on or before the letter', () => {
    const docs = [
      facture('F1', '40.00'),
      facture('F2', '45.50', '2024-04-05'),
      doc({ kind: 'payment', issueDate: '2024-04-30', total: '40.00', references: ['F1'] }),
      doc({ kind: 'credit-note', issueDate: '2024-05-02', total: '5.50', references: ['F2'] }),
      relance('2024-05-02', '40.00', ['F1', 'F2']),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('does not count a payment made after the letter', () => {
    const docs = [
      facture('F1', '59.98'),
      relance('2024-04-02', '59.98', ['F1']),
      doc({ kind: 'payment', issueDate: '2024-04-03', total: '59.98', references: ['F1'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('flags a lower demand unless told to report only higher ones', () => {
    const docs = [facture('F1', '59.98'), relance('2024-04-02', '29.99', ['F1'])];
    const reported = runRule(rule, docs);
    expect(reported.map((r) => r.messageId)).toEqual(['demandsLess']);
    expect(String(reported[0]?.data.difference)).toBe('29.99');
    expect(runRule(rule, docs, { options: { flagLowerDemands: false } })).toEqual([]);
  });

  it('is exact to the cent by default and accepts a configured tolerance for interest', () => {
    const docs = [facture('F1', '59.98'), relance('2024-04-02', '60.41', ['F1'])];
    expect(runRule(rule, docs).map((r) => r.messageId)).toEqual(['demandsMore']);
    expect(runRule(rule, docs, { options: { tolerance: '0.43' } })).toEqual([]);
    expect(runRule(rule, docs, { options: { tolerance: '0.42' } })).toHaveLength(1);
  });

  it('uses the letter total when it has no separate amount due', () => {
    const docs = [
      facture('F1', '59.98'),
      doc({ kind: 'dunning', issueDate: '2024-04-02', total: '75.98', references: ['F1'] }),
    ];
    expect(runRule(rule, docs).map((r) => String(r.data.difference))).toEqual(['16.00']);
  });

  it('does not judge letters it cannot check', () => {
    const docs = [
      facture('F1', '59.98'),
      doc({ id: 'F2', issueDate: '2024-03-05' }),
      doc({ id: 'F3', issueDate: '2024-03-05', total: '10.00', currency: 'GBP' }),
      relance('2024-04-02', '100.00', ['F1', 'UNKNOWN']),
      relance('2024-04-03', '100.00', ['F2']),
      relance('2024-04-04', '100.00', ['F1', 'F3']),
      relance('2024-04-05', '100.00', []),
      doc({ kind: 'dunning', amountDue: '100.00', references: ['F1'] }),
      doc({ kind: 'dunning', issueDate: '2024-04-06', references: ['F1'] }),
      doc({ kind: 'dunning', issueDate: '2024-04-07', amountDue: '100.00', currency: 'USD', references: ['F1'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('leaves a letter for invoices that owe nothing to the rule that tells why, one fact one finding', () => {
    // Story 2: the avoir cancels the invoice, then a relance for it anyway.
    const cancelled = [
      facture('FAC-0324', '89.98'),
      doc({ kind: 'credit-note', id: 'AV-0012', issueDate: '2024-03-25', total: '89.98', references: ['FAC-0324'] }),
      relance('2024-04-02', '89.98', ['FAC-0324']),
    ];
    expect(runRule(rule, cancelled)).toEqual([]);
    expect(runRule(dunningWhileInCredit, cancelled).map((r) => r.documentId)).toEqual(['REL-2024-04-02']);
    // Story 1: a mise en demeure for 0,01 € on an invoice of 0,00 €.
    const blank = [facture('FAC-A1-202312', '0.00'), relance('2024-03-10', '0.01', ['FAC-A1-202312'])];
    expect(runRule(rule, blank)).toEqual([]);
    expect(runRule(dunningForBlankInvoice, blank).map((r) => r.documentId)).toEqual(['REL-2024-03-10']);
    // Paid in full, then more paid than owed.
    const paid = [
      facture('F1', '45.00'),
      doc({ kind: 'payment', issueDate: '2024-03-18', total: '50.00', references: ['F1'] }),
      relance('2024-04-02', '45.00', ['F1']),
    ];
    expect(runRule(rule, paid)).toEqual([]);
  });

  it('still judges a letter whose invoice bills a negative amount: no other rule judges that letter', () => {
    const docs = [facture('F1', '-20.00'), relance('2024-04-02', '50.00', ['F1'])];
    expect(runRule(rule, docs).map((r) => r.messageId)).toEqual(['demandsMore']);
    expect(runRule(dunningWhileInCredit, docs)).toEqual([]);
  });

  describe('fees the letter adds (issue 13: an agency letter with an unlinked credit note)', () => {
    // As fixtures/dossiers/fr-agence-frais-malgre-avoir's mise en demeure: the bill, the 40 € indemnity, penalties.
    const agencyLetter = (principal: string, amountDue: string) =>
      doc({
        kind: 'dunning',
        id: '4471-882913',
        issueDate: '2024-10-02',
        amountDue,
        references: ['FM2407-0014410'],
        lines: [
          { description: 'Indemnité forfaitaire pour frais de recouvrement', total: '40.00' },
          { description: 'Pénalités de retard', total: '7.50' },
          // A line of the debt itself is no fee.
          { description: `Facture FM2407-0014410 (${principal})` },
        ],
      });
    const PLAIN_LETTER = {
      kind: 'dunning',
      id: 'REL-2024-10-02',
      issueDate: '2024-10-02',
      amountDue: '67.49',
      references: ['FM2407-0014410'],
    } as const;
    const bill = doc({ id: 'FM2407-0014410', issueDate: '2024-07-15', dueDate: '2024-07-25', total: '19.99' });
    // A credit note that names no invoice: the ledger cannot net it against the bill.
    const unlinked = doc({ kind: 'credit-note', id: 'AV2408-0000211', issueDate: '2024-08-12', total: '19.99' });

    it('does not count the fee lines as debt demanded too much', () => {
      expect(runRule(rule, [bill, unlinked, agencyLetter('19,99 €', '67.49')])).toEqual([]);
    });

    it('compares the debt part, and says what the fees were, when the debt part itself is wrong', () => {
      const reported = runRule(rule, [bill, unlinked, agencyLetter('29,99 €', '77.49')]);
      expect(reported.map((r) => r.messageId)).toEqual(['debtDemandsMore']);
      const data = reported[0]?.data ?? {};
      expect([data.demanded, data.fees, data.debt, data.owed, data.difference].map(String)).toEqual([
        '77.49',
        '47.50',
        '29.99',
        '19.99',
        '10.00',
      ]);
    });

    it('reports a debt part below what is owed as less', () => {
      const reported = runRule(rule, [bill, agencyLetter('9,99 €', '57.49')]);
      expect(reported.map((r) => r.messageId)).toEqual(['debtDemandsLess']);
      expect(String(reported[0]?.data.difference)).toBe('10.00');
    });

    it('keeps the plain message for a letter without fee lines', () => {
      const plain = doc({
        ...PLAIN_LETTER,
        references: [...PLAIN_LETTER.references],
        lines: [{ description: 'Facture de juillet', total: '67.49' }],
      });
      expect(runRule(rule, [bill, plain]).map((r) => [r.messageId, String(r.data.difference)])).toEqual([
        ['demandsMore', '47.50'],
      ]);
    });
  });

  it('refuses a negative tolerance, naming the option', () => {
    expect(configRefusal(rule, { tolerance: '0.50', flagLowerDemands: false })).toBeUndefined();
    expect(configRefusal(rule, { tolerance: '-0.50' })).toMatch(
      /rules\.dunning-amount-mismatch\.options: "tolerance" must be an amount of at least 0/,
    );
  });
});
