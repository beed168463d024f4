/**
 * German reference blocks (issue 13): an EOS "Zahlungsaufforderung" whose "Ihr Zeichen",
 * "Aktenzeichen" or "Forderungsnummer" stands over its value beside the address (tryout of
 * 2 December 2026, /work/tryout5-inputs/de-vodafone; the layout EOS describes in its customer FAQ:
 * the Aktenzeichen top right, under the contact), a DIN 5008 "Ihr Zeichen / Unser Zeichen" row
 * over its values, and a Telekom bill whose customer account is written in groups of digits.
 */
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const BODY = [
  '',
  'Zahlungsaufforderung',
  'die Vodafone GmbH hat uns mit dem Einzug ihrer Forderung beauftragt. Die',
  'Rechnung R-2024-0301-7731, fällig am 15.03.2024, ist trotz Mahnung noch offen.',
  'Gesamtforderung                          54,51 EUR',
];

describe('reference blocks of German letters', () => {
  it('pairs "Ihr Zeichen" with the value on the next line of the block', () => {
    const letter = parse(
      [
        'EOS Deutscher Inkasso-Dienst GmbH',
        'Herrn                                          Ihr Zeichen',
        'Jonas Becker                                   EOS-4471-889210',
        'Lindenstraße 8                                 Kundennummer',
        '50674 Köln                                     112804339',
        '                                               Datum',
        '                                               10.06.2024',
        ...BODY,
      ].join('\n'),
    );
    expect(letter).toMatchObject({
      kind: 'dunning',
      id: 'EOS-4471-889210',
      account: '112804339',
      issueDate: '2024-06-10',
      references: ['R-2024-0301-7731'],
    });
  });

  it("prefers the agency's Aktenzeichen to Ihr Zeichen, and reads a Forderungsnummer", () => {
    const block = (first: string, second: string): string =>
      [
        'EOS Deutscher Inkasso-Dienst GmbH',
        `Herrn                                          ${first}`,
        'Jonas Becker                                   KD 4471889',
        `Lindenstraße 8                                 ${second}`,
        '50674 Köln                                     30217755104-0-TEL-VDF',
        '                                               Datum',
        '                                               10.06.2024',
        ...BODY,
      ].join('\n');
    expect(parse(block('Ihr Zeichen', 'Aktenzeichen')).id).toBe('30217755104-0-TEL-VDF');
    expect(parse(block('Ihr Zeichen', 'Forderungsnummer')).id).toBe('30217755104-0-TEL-VDF');
  });

  it('reads a DIN 5008 reference row: an empty "Ihr Zeichen" takes nothing from the next column', () => {
    const letter = parse(
      [
        'EOS Deutscher Inkasso-Dienst GmbH · Steindamm 71 · 20099 Hamburg',
        '',
        'Ihr Zeichen        Ihre Nachricht vom   Unser Zeichen              Telefon              Datum',
        '                                        30217755104-0-TEL-VDF      040 2850-1023        10.06.2024',
        ...BODY,
      ].join('\n'),
    );
    expect(letter).toMatchObject({ id: '30217755104-0-TEL-VDF', issueDate: '2024-06-10' });
  });

  it('reads a customer account written in groups of digits as one account', () => {
    const bill = (label: string): BillingDocument =>
      parse(
        [
          'Telekom Deutschland GmbH',
          `                                                   ${label}`,
          '                                                   Rechnungsnummer  3412 8876 0224',
          '                                                   Datum  05.02.2024',
          'Ihre Rechnung für Februar 2024',
          'Summe netto                                   33,60',
          'Umsatzsteuer 19 %                              6,38',
          'Rechnungsbetrag                               39,98',
        ].join('\n'),
      );
    expect(bill('Kundenkonto  5 123 456 789').account).toBe('5 123 456 789');
    expect(bill('Kundenkonto 5 123 456 789').account).toBe('5 123 456 789');
    expect(bill('Buchungskonto 1234 5678 9012').account).toBe('1234 5678 9012');
    expect(bill('Kundenkonto: 5 123 456 789')).toMatchObject({ id: '3412 8876 0224', issueDate: '2024-02-05' });
  });
});
