import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

function parse(text: string): BillingDocument {
  const [event, ...rest] = parseTextDocument(text, 'bill.txt', {});
  if (event?.type !== 'document' || rest.length > 0) throw new Error('expected one document');
  return event.document;
}

/** An invoice in English wording (labels that point to no country), with a footer line of choice. */
const englishBill = (footer: string): string =>
  [
    'INVOICE',
    'Invoice number: INV-2024-118',
    'Invoice date: 05/03/2024',
    'Subtotal      100.00',
    'VAT           20.00',
    'Total         120.00',
    footer,
  ].join('\n');

const GERMAN = [
  'Rechnung',
  'Rechnungsnummer:   RE-2024-03117',
  'Rechnungsdatum:    20.03.2024',
  'Kundennummer:      4711-0815',
  'Nettobetrag        84,03 €',
  'zzgl. 19 % MwSt.   15,97 €',
  'Gesamtbetrag      100,00 €',
];
const DUTCH = [
  'FACTUUR',
  'Factuurnummer:   2024-000153',
  'Factuurdatum:    12-03-2024',
  'Klantnummer:     88123456',
  'Totaal excl. BTW     € 41,32',
  'BTW 21%              € 8,68',
  'Totaal incl. BTW     € 50,00',
];
const FRENCH = [
  'Facture',
  'N° de facture : F-2024-0042',
  'Date de facture : 05/03/2024',
  'N° client : 0891234567',
  'Total HT       41,66 €',
  'TVA 20 %        8,33 €',
  'Total TTC      49,99 €',
];
const POLISH = [
  'FAKTURA VAT',
  'Numer faktury: F/10428731/02/24',
  'Data wystawienia: 29.02.2024',
  'Numer konta klienta: 7.1234567',
  'Wartość netto     1 089,42 zł',
  'Kwota VAT           250,57 zł',
  'Wartość brutto    1 339,99 zł',
];

describe('the country of a text bill', () => {
  describe('from the VAT number printed after a VAT label', () => {
    it.each([
      ['TVA intracommunautaire : FR 60 421 938 861', 'FR'],
      ['TVA FR 604 219 388 61', 'FR'],
      ['USt-IdNr.:   DE 123 475 223', 'DE'],
      ['USt-IdNr.: DE298765432 · Amtsgericht Stuttgart HRB 765432', 'DE'],
      ['BTW-id NL007053022B01', 'NL'],
      ['BTW-nr: BE 0123.456.789', 'BE'],
      ['N° TVA : BE0123456789', 'BE'],
      ['UID-Nr.: ATU12345678', 'AT'],
      ['VAT Reg No. GB 294 1234 56', 'GB'],
      ['VAT number: IE6388047V', 'IE'],
      ['P.IVA IT12345678901', 'IT'],
      ['NIF/CIF: ESB12345678', 'ES'],
      ['TVA LU12345678', 'LU'],
      ['MWST-Nr. CHE-123.456.789 MWST', 'CH'],
      ['NIP: 951-21-20-077   REGON: 015808609', 'PL'],
      ['GSTIN/UIN: 27AABCS1234F1Z5', 'IN'],
    ])('%s → %s', (footer, country) => {
      expect(parse(englishBill(footer)).country).toBe(country);
    });

    it('takes no bank account for a VAT number, even beside a VAT label', () => {
      expect(parse(englishBill('VAT paid to IBAN DE44 6009 0100 0123 4567 89')).country).toBeUndefined();
      expect(parse(englishBill('VAT: FR76 3000 6000 0112 3456 7890 189')).country).toBeUndefined();
      // A VAT-shaped number without a VAT label before it proves nothing.
      expect(parse(englishBill('Order ref DE123456789')).country).toBeUndefined();
    });

    it("takes the seller's number when the customer's is of another country", () => {
      const text = englishBill('VAT number: FR 60 421 938 861\nCustomer VAT number: DE 123 475 223');
      expect(parse(text).country).toBe('FR');
      expect(parse(englishBill('Ihre USt-IdNr.: DE 123 475 223\nVAT: ATU12345678')).country).toBe('AT');
    });

    it("leaves the country open when two numbers disagree and neither is the customer's", () => {
      expect(parse(englishBill('VAT: FR 60 421 938 861     VAT: DE 123 475 223')).country).toBeUndefined();
      // The labels' language does not settle it either: German, but with a French number beside it.
      expect(
        parse([...GERMAN, 'USt-IdNr.: DE 123 475 223   TVA: FR 60 421 938 861'].join('\n')).country,
      ).toBeUndefined();
    });

    it('trusts the number over the language of the labels', () => {
      expect(parse([...GERMAN, 'UID: ATU12345678'].join('\n')).country).toBe('AT');
      expect(parse([...DUTCH, 'BTW-nr BE 0123.456.789'].join('\n')).country).toBe('BE');
    });
  });

  describe('from the language of the labels', () => {
    it('reads German labels as Germany, Dutch as the Netherlands, French as France, Polish as Poland', () => {
      expect(parse(GERMAN.join('\n')).country).toBe('DE');
      expect(parse(DUTCH.join('\n')).country).toBe('NL');
      expect(parse(FRENCH.join('\n')).country).toBe('FR');
      expect(parse(POLISH.join('\n')).country).toBe('PL');
    });

    it('leaves English labels without a country: they are written from India to the United States', () => {
      expect(parse(englishBill('Thank you for your business.')).country).toBeUndefined();
    });

    it('leaves the country open when a neighbour writing the same language is named', () => {
      expect(parse([...GERMAN, 'Musterweg 1, 1010 Wien, Österreich'].join('\n')).country).toBeUndefined();
      expect(parse([...GERMAN, 'UID-Nummer siehe Rückseite'].join('\n')).country).toBeUndefined();
      expect(parse([...DUTCH, 'Kerkstraat 10, 2000 Antwerpen, België'].join('\n')).country).toBeUndefined();
      expect(parse([...FRENCH, 'Rue Neuve 1, 1000 Bruxelles, Belgique'].join('\n')).country).toBeUndefined();
      expect(parse([...FRENCH, 'Rue du Rhône 1, 1204 Genève, Suisse'].join('\n')).country).toBeUndefined();
    });

    it("leaves the country open when the bill is not in that country's currency", () => {
      const swiss = FRENCH.map((line) => line.replace('€', 'CHF'));
      expect(parse(swiss.join('\n')).currency).toBe('CHF');
      expect(parse(swiss.join('\n')).country).toBeUndefined();
      const polishInEuro = POLISH.map((line) => line.replace('zł', '€'));
      expect(parse(polishInEuro.join('\n')).country).toBeUndefined();
    });

    it('needs more than one label of the language, and a clear majority', () => {
      expect(parse('Rechnung RE-77\nTotal: 120,00 €\n').country).toBeUndefined();
      const bilingual = [
        ...FRENCH,
        'Factuurnummer: F-2024-0042',
        'Factuurdatum: 05/03/2024',
        'Klantnummer: 0891234567',
        'Vervaldatum: 20/03/2024',
        'Te betalen: € 49,99',
      ];
      expect(parse(bilingual.join('\n')).country).toBeUndefined();
    });
  });
});
