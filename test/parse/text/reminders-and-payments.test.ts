/**
 * Wording of the reading round's dossiers (fixtures/dossiers/en-uk-three-reminder-then-lowell,
 * de-1und1-mahnung-nach-zahlung; their expectations.json name the public sources): a UK
 * reminder's "Amount overdue" and "pay the full amount by", a payment "for bill …", 1&1's
 * returned-debit fee and "Zahlungseingang bestätigt", an invoice number written in groups.
 */
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

describe('reminders and payments of the reading round', () => {
  it('reads a UK reminder\'s "Amount overdue" and its own deadline', () => {
    const letter = parse(
      [
        'Account number: 9041 2277 310',
        'Our records show that despite our previous reminder, your bill TH-90412-0324 of £26.50,',
        'which was due on 28 March 2024, has still not been paid.',
        'Amount overdue: £26.50',
        'Please pay the full amount by 30 April 2024.',
      ].join('\n'),
    );
    expect(letter).toMatchObject({ kind: 'dunning', dueDate: '2024-04-30', references: ['TH-90412-0324'] });
    expect(letter.amountDue?.toFixed(2)).toBe('26.50');
  });

  it('reads the bill a payment is "for"', () => {
    const payment = parse(
      "Thanks, we've received your card payment of £26.50 for bill TH-90412-0324 on account 9041 2277 310.\nPayment received: £26.50\n",
    );
    expect(payment).toMatchObject({ kind: 'payment', references: ['TH-90412-0324'] });
    expect(payment.total?.toFixed(2)).toBe('26.50');
  });

  it('reads "Zahlungseingang bestätigt" as a payment, with its amount', () => {
    const payment = parse(
      [
        'Objet : Zahlungseingang bestätigt',
        '',
        'vielen Dank: Ihre Überweisung zur Rechnung 100087 654 321 ist bei uns eingegangen.',
        'Kundennummer: 44 812 907',
        'Zahlungsbetrag: 43,88 EUR',
      ].join('\n'),
    );
    expect(payment).toMatchObject({ kind: 'payment', account: '44 812 907', references: ['100087 654 321'] });
    expect(payment.total?.toFixed(2)).toBe('43.88');
  });

  it("takes a returned debit's fee for a fee, and the written total for the demand", () => {
    const letter = parse(
      [
        'Datum: 06.05.2024',
        '2. Zahlungserinnerung',
        'trotz unserer Zahlungserinnerung vom 11.04.2024 ist die Rechnung 100087 654 321 noch offen.',
        'Rechnungsbetrag                               39,98 EUR',
        'Bearbeitungsgebühr Rücklastschrift             3,90 EUR',
        'Mahngebühr                                     1,50 EUR',
        'Offener Betrag                                45,38 EUR',
      ].join('\n'),
    );
    expect(letter.amountDue?.toFixed(2)).toBe('45.38');
    expect(letter.lines.map((line) => `${line.description} ${line.total?.toFixed(2)}`)).toEqual([
      'Bearbeitungsgebühr Rücklastschrift 3.90',
      'Mahngebühr 1.50',
    ]);
  });

  it('reads an invoice number written in groups after a longer first group, not two numbers', () => {
    const bill = (number: string): string | undefined =>
      parse(`Rechnung\nRechnungsnummer: ${number}\nRechnungsdatum: 02.04.2024\nRechnungsbetrag   39,98\n`).id;
    expect(bill('100087 654 321')).toBe('100087 654 321');
    // Two groups are too little to tell an identifier from two numbers.
    expect(bill('100087 654')).toBe('100087');
  });
});
