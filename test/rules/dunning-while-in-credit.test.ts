import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dunning-while-in-credit.js';
import type { DocInput } from '../helpers/builder.js';
import { doc, runRule } from '../helpers/builder.js';

const invoice = (extra: DocInput = {}) =>
  doc({ kind: 'invoice', id: 'FAC-0159', issueDate: '2024-01-05', total: '59.98', ...extra });
const avoir = (extra: DocInput = {}) =>
  doc({ kind: 'credit-note', id: 'AV-0012', issueDate: '2024-01-20', total: '59.98', ...extra });
const relance = (extra: DocInput = {}) =>
  doc({ kind: 'dunning', id: 'REL-0007', issueDate: '2024-02-10', amountDue: '59.98', ...extra });

describe('dunning-while-in-credit', () => {
  it('flags the seed case: a relance for an invoice that its avoir cancelled', () => {
    const reported = runRule(rule, [
      invoice(),
      avoir({ references: ['FAC-0159'] }),
      relance({ references: ['FAC-0159'] }),
    ]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.messageId).toBe('covered');
    expect(reported[0]?.documentId).toBe('REL-0007');
    expect(String(reported[0]?.data.billed)).toBe('59.98');
    expect(String(reported[0]?.data.credited)).toBe('59.98');
    expect(reported[0]?.data.references).toEqual(['FAC-0159']);
    // The letter names the credit note that covers the debt (a tryout's letter never did).
    expect(reported[0]?.data.coveredBy).toEqual(['AV-0012']);
  });

  it('flags a letter without references when the account balance is not in the operator favour', () => {
    const reported = runRule(rule, [invoice(), avoir(), relance()]);
    expect(reported.map((r) => r.messageId)).toEqual(['inCredit']);
    expect(String(reported[0]?.data.billed)).toBe('59.98');
    expect(String(reported[0]?.data.credited)).toBe('59.98');
    expect(reported[0]?.data.references).toEqual([]);
  });

  it('takes an avoir naming no invoice, of exactly the claimed invoice, as its cover (issue 13)', () => {
    const earlier = doc({ kind: 'invoice', id: 'FAC-0158', issueDate: '2023-12-05', total: '19.99' });
    const claimed = invoice({ total: '19.99' });
    // The export has no reference column; the agency's letter names the invoice and adds 40 € of fees.
    const letter = relance({ references: ['FAC-0159'], amountDue: '59.99' });
    const reported = runRule(rule, [earlier, claimed, avoir({ total: '19.99' }), letter]);
    expect(reported.map((r) => r.messageId)).toEqual(['covered']);
    expect(String(reported[0]?.data.credited)).toBe('19.99');
  });

  it('does not take a free avoir of another amount, or one dated before the invoice, as its cover', () => {
    const earlier = doc({ kind: 'invoice', id: 'FAC-0158', issueDate: '2023-12-05', total: '19.99' });
    const letter = relance({ references: ['FAC-0159'] });
    expect(runRule(rule, [earlier, invoice({ total: '19.99' }), avoir({ total: '9.99' }), letter])).toEqual([]);
    const before = avoir({ total: '19.99', issueDate: '2024-01-02' });
    expect(runRule(rule, [earlier, before, invoice({ total: '19.99' }), letter])).toEqual([]);
  });

  it('falls back on the balance when the letter refers to an invoice but the avoir refers to nothing', () => {
    const reported = runRule(rule, [invoice(), avoir({ total: '60.00' }), relance({ references: ['FAC-0159'] })]);
    expect(reported.map((r) => r.messageId)).toEqual(['inCredit']);
  });

  it('counts payments as well as credit notes, and over-payment as cover', () => {
    const docs = [
      invoice(),
      doc({ kind: 'payment', issueDate: '2024-01-25', total: '60.00', references: ['FAC-0159'] }),
      relance({ references: ['FAC-0159'] }),
    ];
    expect(runRule(rule, docs).map((r) => String(r.data.credited))).toEqual(['60.00']);
  });

  it('passes a letter when credits cover only part of what was billed', () => {
    expect(
      runRule(rule, [
        invoice(),
        avoir({ total: '20.00', references: ['FAC-0159'] }),
        relance({ references: ['FAC-0159'] }),
      ]),
    ).toEqual([]);
    expect(runRule(rule, [invoice(), avoir({ total: '59.97' }), relance()])).toEqual([]);
  });

  it('counts only credits dated on or before the letter, whatever the order in the file', () => {
    expect(
      runRule(rule, [
        invoice(),
        relance({ references: ['FAC-0159'] }),
        avoir({ issueDate: '2024-02-11', references: ['FAC-0159'] }),
      ]),
    ).toEqual([]);
    const sameDay = runRule(rule, [
      invoice(),
      relance({ references: ['FAC-0159'] }),
      avoir({ issueDate: '2024-02-10', references: ['FAC-0159'] }),
    ]);
    expect(sameDay.map((r) => r.messageId)).toEqual(['covered']);
  });

  it('does not let unreferenced payments of earlier months cover a later unpaid invoice', () => {
    const docs = [];
    for (let month = 1; month <= 11; month++) {
      const mm = String(month).padStart(2, '0');
      docs.push(doc({ kind: 'invoice', id: `F-${mm}`, issueDate: `2023-${mm}-05`, total: '39.99' }));
      docs.push(doc({ kind: 'payment', issueDate: `2023-${mm}-20`, total: '39.99' }));
    }
    docs.push(doc({ kind: 'invoice', id: 'F-12', issueDate: '2023-12-05', total: '39.99' }));
    docs.push(relance({ issueDate: '2024-01-10', amountDue: '39.99', references: ['F-12'] }));
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('does not let a credit for one invoice cover a letter for another', () => {
    const docs = [
      invoice({ id: 'F-1', total: '40.00' }),
      invoice({ id: 'F-2', issueDate: '2024-01-06', total: '40.00' }),
      avoir({ total: '40.00', references: ['F-1'] }),
      relance({ references: ['F-2'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('counts a credit note that refers to two claimed invoices once', () => {
    const docs = [
      invoice({ id: 'F-1', total: '30.00' }),
      invoice({ id: 'F-2', total: '30.00' }),
      avoir({ total: '40.00', references: ['F-1', 'F-2'] }),
      relance({ references: ['F-1', 'F-2', 'F-1'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
    docs[2] = avoir({ total: '60.00', references: ['F-1', 'F-2'] });
    expect(runRule(rule, docs).map((r) => r.data.references)).toEqual([['F-1', 'F-2']]);
  });

  it('treats absent amounts as unknown, not zero', () => {
    // An invoice known only by its net amount bills something; how much, with tax, is unknown.
    expect(runRule(rule, [invoice({ total: undefined, net: '49.98' }), avoir(), relance()])).toEqual([]);
    expect(
      runRule(rule, [
        invoice({ total: undefined, net: '49.98' }),
        avoir({ references: ['FAC-0159'] }),
        relance({ references: ['FAC-0159'] }),
      ]),
    ).toEqual([]);
    // A credit note without an amount credits nothing that can be counted.
    expect(runRule(rule, [invoice(), avoir({ total: undefined }), relance()])).toEqual([]);
  });

  it('leaves letters for blank invoices, with nothing credited, to dunning-for-blank-invoice', () => {
    const docs = [invoice({ total: undefined }), relance({ amountDue: '0.01', references: ['FAC-0159'] })];
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('skips a letter without a date', () => {
    expect(runRule(rule, [invoice(), avoir(), relance({ issueDate: undefined })])).toEqual([]);
  });

  it('keeps accounts independent and skips accounts billed in several currencies', () => {
    expect(runRule(rule, [invoice(), avoir({ account: 'B2' }), relance()])).toEqual([]);
    expect(runRule(rule, [invoice(), avoir({ currency: 'USD' }), relance()])).toEqual([]);
  });
});

describe('dunning-while-in-credit without references', () => {
  const history = () => [
    doc({ id: 'F-05', issueDate: '2024-05-03', total: '32.99' }),
    doc({ id: 'F-06', issueDate: '2024-06-03', total: '65.98' }),
  ];

  it('flags a reminder for the amount of an invoice that a later credit note covers', () => {
    const docs = [
      ...history(),
      doc({ kind: 'credit-note', id: 'AV-1', issueDate: '2024-06-20', total: '65.98' }),
      doc({ kind: 'dunning', id: 'RL-1', issueDate: '2024-07-15', amountDue: '65.98' }),
    ];
    const reported = runRule(rule, docs);
    expect(reported.map((r) => [r.messageId, r.documentId, r.data.invoice])).toEqual([
      ['creditMatchesDemand', 'RL-1', 'F-06'],
    ]);
  });

  it('passes when the credit note came before the invoice, is smaller, or no invoice has that amount', () => {
    const earlyCredit = [
      doc({ kind: 'credit-note', id: 'AV-0', issueDate: '2024-04-01', total: '65.98' }),
      ...history(),
      doc({ kind: 'dunning', id: 'RL-1', issueDate: '2024-07-15', amountDue: '65.98' }),
    ];
    const smallCredit = [
      ...history(),
      doc({ kind: 'credit-note', id: 'AV-1', issueDate: '2024-06-20', total: '10.00' }),
      doc({ kind: 'dunning', id: 'RL-1', issueDate: '2024-07-15', amountDue: '65.98' }),
    ];
    const otherAmount = [
      ...history(),
      doc({ kind: 'credit-note', id: 'AV-1', issueDate: '2024-06-20', total: '65.98' }),
      doc({ kind: 'dunning', id: 'RL-1', issueDate: '2024-07-15', amountDue: '70.00' }),
    ];
    for (const docs of [earlyCredit, smallCredit, otherAmount]) expect(runRule(rule, docs)).toEqual([]);
  });
});

describe('dunning-while-in-credit with a status column (issue 12)', () => {
  it('flags a letter for an invoice that the export itself marks paid', () => {
    const reported = runRule(rule, [invoice({ status: 'paid' }), relance({ references: ['FAC-0159'] })]);
    expect(reported.map((r) => r.messageId)).toEqual(['markedPaid']);
    expect(reported[0]?.documentId).toBe('REL-0007');
    expect(reported[0]?.data.references).toEqual(['FAC-0159']);
  });

  it('passes a letter for an invoice marked unpaid or overdue, or without a status', () => {
    for (const status of ['unpaid', 'overdue', undefined] as const) {
      const docs = [invoice(status === undefined ? {} : { status }), relance({ references: ['FAC-0159'] })];
      expect(runRule(rule, docs), String(status)).toEqual([]);
    }
  });

  it('passes a letter that claims a paid invoice and an unpaid one', () => {
    const docs = [
      invoice({ status: 'paid' }),
      invoice({ id: 'FAC-0160', issueDate: '2024-01-06', status: 'unpaid' }),
      relance({ references: ['FAC-0159', 'FAC-0160'] }),
    ];
    expect(runRule(rule, docs)).toEqual([]);
  });
});

describe('a letter for a credited invoice and an unpaid one (issue 13)', () => {
  // As fixtures/dossiers/fr-relance-plusieurs-factures: "les factures n° FA-1 et FA-2 restent impayées", an avoir cancels FA-1.
  const fa1 = () => invoice({ id: 'FA-1', issueDate: '2024-01-05', total: '39.99' });
  const fa2 = () => invoice({ id: 'FA-2', issueDate: '2024-02-05', total: '24.99' });
  const letter = () => relance({ issueDate: '2024-03-10', amountDue: '64.98', references: ['FA-1', 'FA-2'] });

  it('flags the part demanded for the invoice the avoir cancels', () => {
    const reported = runRule(rule, [
      fa1(),
      fa2(),
      avoir({ id: 'AV-1', total: '39.99', references: ['FA-1'] }),
      letter(),
    ]);
    expect(reported.map((r) => [r.messageId, r.documentId])).toEqual([['partlyCovered', 'REL-0007']]);
    expect(reported[0]?.data.coveredInvoices).toEqual(['FA-1']);
    expect(reported[0]?.data.references).toEqual(['FA-1', 'FA-2']);
    expect(String(reported[0]?.data.billed)).toBe('39.99');
    expect(String(reported[0]?.data.credited)).toBe('39.99');
    expect(reported[0]?.data.coveredBy).toEqual(['AV-1']);
  });

  it("takes an avoir naming no invoice, of exactly one claimed invoice, as that part's cover", () => {
    const reported = runRule(rule, [
      fa1(),
      fa2(),
      avoir({ id: 'AV-1', issueDate: '2024-02-20', total: '24.99' }),
      letter(),
    ]);
    expect(reported.map((r) => [r.messageId, r.data.coveredInvoices])).toEqual([['partlyCovered', ['FA-2']]]);
  });

  it('passes when the letter demands no more than the unpaid invoice bills, fees apart', () => {
    const cancelled = avoir({ id: 'AV-1', total: '39.99', references: ['FA-1'] });
    const onlyFa2 = relance({ issueDate: '2024-03-10', amountDue: '24.99', references: ['FA-1', 'FA-2'] });
    expect(runRule(rule, [fa1(), fa2(), cancelled, onlyFa2])).toEqual([]);
    // The same debt with 10,00 € of fees on top is still only FA-2's debt.
    const withFees = relance({
      issueDate: '2024-03-10',
      amountDue: '34.99',
      references: ['FA-1', 'FA-2'],
      lines: [{ description: 'Frais de recouvrement', total: '10.00' }],
    });
    expect(runRule(rule, [fa1(), fa2(), cancelled, withFees])).toEqual([]);
    // One cent more than FA-2 is part of FA-1's cancelled amount.
    const more = relance({ issueDate: '2024-03-10', amountDue: '25.00', references: ['FA-1', 'FA-2'] });
    expect(runRule(rule, [fa1(), fa2(), cancelled, more]).map((r) => r.messageId)).toEqual(['partlyCovered']);
  });

  it('passes when no claimed invoice is covered on its own', () => {
    // Half of FA-1 credited; a credit of another amount naming nothing; an avoir after the letter.
    expect(runRule(rule, [fa1(), fa2(), avoir({ total: '20.00', references: ['FA-1'] }), letter()])).toEqual([]);
    expect(runRule(rule, [fa1(), fa2(), avoir({ total: '10.00' }), letter()])).toEqual([]);
    const late = avoir({ issueDate: '2024-03-20', total: '39.99', references: ['FA-1'] });
    expect(runRule(rule, [fa1(), fa2(), late, letter()])).toEqual([]);
    expect(runRule(rule, [fa1(), fa2(), letter()])).toEqual([]);
  });

  it('leaves a credit naming both invoices to the whole cover: how it splits is unknown', () => {
    const both = avoir({ total: '39.99', references: ['FA-1', 'FA-2'] });
    expect(runRule(rule, [fa1(), fa2(), both, letter()])).toEqual([]);
  });

  it('reports a letter whose invoices are all covered once, as covered', () => {
    const docs = [
      fa1(),
      fa2(),
      avoir({ id: 'AV-1', total: '39.99', references: ['FA-1'] }),
      avoir({ id: 'AV-2', total: '24.99', references: ['FA-2'] }),
      // An unpaid bill of the same account that the letter does not claim keeps the balance owing.
      invoice({ id: 'FA-3', issueDate: '2024-03-01', total: '99.00' }),
      letter(),
    ];
    expect(runRule(rule, docs).map((r) => r.messageId)).toEqual(['covered']);
  });
});
