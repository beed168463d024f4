/**
 * Reminders that say their bill, amount and deadline in sentences (issue 13, a new user's tryout):
 * Three UK's e-mail ("Your Three bill TH-100233 for £24.00 is now overdue. Please pay it by
 * 8 November 2024.") and Telekom's Zahlungserinnerung ("für Ihre Rechnung 900012345604 vom
 * 03.04.2025 über 39,95 € … noch keinen Zahlungseingang"). Read when unambiguous, silent when not.
 */
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

function parse(text: string, issueDate?: string): BillingDocument {
  const [event] = parseTextDocument(text, 'reminder.txt', issueDate === undefined ? {} : { issueDate });
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const THREE =
  'Your Three bill TH-100233 for £24.00 is now overdue.\nPlease pay it by 8 November 2024.\nMobile number 07700900461\n';
const TELEKOM =
  'Guten Tag Herr Weber,\nleider konnten wir für Ihre Rechnung 900012345604 vom 03.04.2025 über 39,95 € (fällig am ' +
  '17.04.2025) noch keinen Zahlungseingang feststellen.\nBitte überweisen Sie den offenen Betrag bis zum 09.05.2025.\n' +
  'Rufnummer: 0151 23456789\n';

describe('prose reminders', () => {
  it("reads Three's reminder: the bill as reference, its amount as the demand, the deadline", () => {
    const reminder = parse(THREE, '2024-11-01');
    expect(reminder).toMatchObject({ kind: 'dunning', references: ['TH-100233'], dueDate: '2024-11-08' });
    expect(String(reminder.amountDue)).toBe('24.00');
    expect(reminder.id).toBeUndefined();
  });

  it('reads "Rechnung … über 39,95 €" as the demand, and the letter\'s deadline, not the quoted due date', () => {
    const reminder = parse(`Zahlungserinnerung\n\n${TELEKOM}`, '2025-04-29');
    expect(reminder).toMatchObject({ kind: 'dunning', references: ['900012345604'], dueDate: '2025-05-09' });
    expect(String(reminder.amountDue)).toBe('39.95');
  });

  it('stays silent when two bills or two amounts are named', () => {
    const two = parse(
      'Your bills TH-100232 and TH-100233 are now overdue.\nYour bill TH-100232 for £61.50 and your bill TH-100233 for £24.00.\n',
    );
    expect(two).toMatchObject({ kind: 'dunning', references: ['TH-100232', 'TH-100233'] });
    expect(two.amountDue).toBeUndefined();
    const amounts = parse('Your Three bill TH-100233 for £24.00 is now overdue. Your bill for £30.00 is due too.\n');
    expect(amounts.references).toEqual(['TH-100233']);
    expect(amounts.amountDue).toBeUndefined();
  });

  it('takes no amount that is not said of a bill', () => {
    const plan = parse('Your bill TH-100233 is now overdue.\nWe can offer a plan of £5.00 a month.\n');
    expect(plan.references).toEqual(['TH-100233']);
    expect(plan.amountDue).toBeUndefined();
  });

  it('keeps a labelled amount over a sentence', () => {
    const labelled = parse('Your Three bill TH-100233 for £24.00 is now overdue.\nAmount due: £31.50\n');
    expect(String(labelled.amountDue)).toBe('31.50');
  });
});

// Tryout 6: the amount of a sentence carried over to the next line (SFR's "Relance - facture
// impayée"), and the balance a final notice asks for without naming the bill in that sentence (EE).
describe('prose reminders, tryout 6', () => {
  it('reads "facture n° … d\'un montant / de 44,99 €" across the line break', () => {
    const reminder = parse(
      "Relance - facture impayée\n\nSauf erreur de notre part, votre facture n° 0726-88421937 du 06/07/2026 d'un montant\n" +
        'de 44,99 €, arrivée à échéance le 20/07/2026, reste impayée à ce jour.\n',
      '2026-08-15',
    );
    expect(reminder).toMatchObject({ kind: 'dunning', references: ['0726-88421937'] });
    expect(String(reminder.amountDue)).toBe('44.99');
  });

  it('does not carry a sentence over a blank line', () => {
    const reminder = parse(
      'Relance - facture impayée\n\nVotre facture n° 0726-88421937 reste impayée, montant\n\nde 44,99 € offerts.\n',
      '2026-08-15',
    );
    expect(reminder.amountDue).toBeUndefined();
  });

  it('reads "Please pay the full balance of £48.98" as the demand', () => {
    const reminder = parse(
      'FINAL NOTICE\n\nYour bill EE-0626-30418876 is overdue.\nPlease pay the full balance of £48.98 within 7 days of the date of this letter.\n',
      '2026-08-03',
    );
    expect(reminder).toMatchObject({ kind: 'dunning', references: ['EE-0626-30418876'] });
    expect(String(reminder.amountDue)).toBe('48.98');
  });
});
