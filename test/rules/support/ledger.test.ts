import { describe, expect, it } from 'vitest';
import { compareEntries } from '../../../src/engine/account-entry.js';
import type { BillingDocument } from '../../../src/model/document.js';
import { dayNumber } from '../../../src/model/dates.js';
import { AccountLedger } from '../../../src/rules/support/ledger.js';
import { doc, entryOf } from '../../helpers/builder.js';

const ledgerOf = (docs: BillingDocument[]): AccountLedger => new AccountLedger(docs.map(entryOf).sort(compareEntries));
const owed = (ledger: AccountLedger, ids: string[], date: string): string | undefined =>
  ledger.owedAt(ids, dayNumber(date))?.amount.toFixed();

const invoice = (id: string, total: string, issueDate = '2024-01-05') =>
  doc({ kind: 'invoice', id, total, issueDate, dueDate: '2024-01-20' });

describe('AccountLedger', () => {
  it('subtracts credit notes and payments dated on or before the day, not later ones', () => {
    const ledger = ledgerOf([
      invoice('F1', '59.98'),
      doc({ kind: 'credit-note', id: 'AV1', total: '20.00', issueDate: '2024-02-01', references: ['F1'] }),
      doc({ kind: 'payment', id: 'P1', total: '10.00', issueDate: '2024-02-10', references: ['F1'] }),
    ]);
    expect(owed(ledger, ['F1'], '2024-01-31')).toBe('59.98');
    expect(owed(ledger, ['F1'], '2024-02-01')).toBe('39.98');
    expect(owed(ledger, ['F1'], '2024-03-01')).toBe('29.98');
  });

  it('sums several invoices, counting a repeated reference once', () => {
    const ledger = ledgerOf([invoice('F1', '40.00'), invoice('F2', '45.50', '2024-02-05')]);
    expect(owed(ledger, ['F1', 'F2', 'F1'], '2024-03-01')).toBe('85.50');
  });

  it('spreads a payment for several invoices in the order it lists them, the rest on the last', () => {
    const ledger = ledgerOf([
      invoice('F1', '40.00'),
      invoice('F2', '45.00', '2024-02-05'),
      doc({ kind: 'payment', total: '60.00', issueDate: '2024-02-20', references: ['F1', 'F2'] }),
    ]);
    expect(owed(ledger, ['F1'], '2024-03-01')).toBe('0.00');
    expect(owed(ledger, ['F2'], '2024-03-01')).toBe('25.00');
  });

  it('cannot say what is owed for an unknown invoice, one without amount, or mixed currencies', () => {
    const ledger = ledgerOf([
      invoice('F1', '40.00'),
      doc({ kind: 'invoice', id: 'F2', issueDate: '2024-02-05' }),
      doc({ kind: 'invoice', id: 'F3', total: '12.00', currency: 'CHF', issueDate: '2024-02-05' }),
    ]);
    expect(ledger.owedAt(['F1', 'X9'], dayNumber('2024-03-01'))).toBeUndefined();
    expect(ledger.owedAt(['F2'], dayNumber('2024-03-01'))).toBeUndefined();
    expect(ledger.owedAt(['F1', 'F3'], dayNumber('2024-03-01'))).toBeUndefined();
    expect(ledger.owedAt(['F1'], dayNumber('2024-03-01'))?.currency).toBe('EUR');
  });

  it('leaves out undated payments, which cannot be placed before or after a date', () => {
    const ledger = ledgerOf([invoice('F1', '40.00'), doc({ kind: 'payment', total: '40.00', references: ['F1'] })]);
    expect(owed(ledger, ['F1'], '2030-01-01')).toBe('40.00');
  });

  it('calls an invoice cancelled when credit notes cover it, whatever their date; payments do not cancel', () => {
    const ledger = ledgerOf([
      invoice('F1', '40.00'),
      invoice('F2', '45.00'),
      invoice('F3', '45.00'),
      // An undated credit note exported with a sign still cancels by its magnitude.
      doc({ kind: 'credit-note', total: '-40.00', references: ['F1'] }),
      doc({ kind: 'credit-note', total: '15.00', issueDate: '2024-02-01', references: ['F2'] }),
      doc({ kind: 'payment', total: '45.00', issueDate: '2024-02-01', references: ['F3'] }),
    ]);
    expect(ledger.isCancelled('F1')).toBe(true);
    expect(ledger.isCancelled('F2')).toBe(false);
    expect(ledger.isCancelled('F3')).toBe(false);
    expect(ledger.isCancelled('X9')).toBe(false);
  });
});
