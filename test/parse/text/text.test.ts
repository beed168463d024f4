import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { frenchReaderText } from '../../../src/i18n/fr/reader.js';
import { FatalInputError } from '../../../src/model/input.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';
import { serializeDocument } from '../../../src/report/extract.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/text/', import.meta.url));

function parse(text: string, file = 'doc.txt'): BillingDocument {
  const events = parseTextDocument(text, file, {});
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.type !== 'document') throw new Error('expected a document');
  return event.document;
}

// Each fixture against its expectation: see text-accuracy.test.ts.

describe('parseTextDocument', () => {
  it('never takes a tax or company identifier for an amount (GSTIN, NIP, USt-IdNr., KvK)', () => {
    const doc = parse(
      [
        'TAX INVOICE',
        'GSTIN: 27AABCS1234F1Z5      NIP: 526-000-12-34      USt-IdNr.: DE 123 475 223      KvK 27117123',
        'Invoice No.: INV-0042',
        'Taxable Value                 1,000.00',
        'CGST @ 9%                        90.00',
        'SGST @ 9%                        90.00',
        'Grand Total              Rs. 1,180.00',
      ].join('\n'),
    );
    expect([doc.net?.toFixed(2), doc.tax?.toFixed(2), doc.total?.toFixed(2), doc.currency]).toEqual([
      '1000.00',
      '180.00',
      '1180.00',
      'INR',
    ]);
  });

  it('reads lakh grouping and the rupee written before the amount', () => {
    const doc = parse('TAX INVOICE\nInvoice No. KDS-77\nGrand Total   ₹ 1,23,456.00\nAmount Payable: Rs.1,23,456.00\n');
    expect(doc.total?.toFixed(2)).toBe('123456.00');
    expect(doc.amountDue?.toFixed(2)).toBe('123456.00');
  });

  it('reads a Polish invoice with space-grouped amounts in złoty', () => {
    const doc = parse(
      [
        'Faktura VAT nr FV/2024/03/117',
        'Data wystawienia: 15.03.2024        Termin płatności: 29.03.2024',
        'Wartość netto            1 000,00 zł',
        'Kwota VAT                  230,00 zł',
        'Wartość brutto           1 230,00 zł',
        'Do zapłaty               1 230,00 zł',
      ].join('\n'),
    );
    expect([doc.kind, doc.id, doc.issueDate, doc.dueDate, doc.currency]).toEqual([
      'invoice',
      'FV/2024/03/117',
      '2024-03-15',
      '2024-03-29',
      'PLN',
    ]);
    expect([doc.net?.toFixed(2), doc.tax?.toFixed(2), doc.total?.toFixed(2), doc.amountDue?.toFixed(2)]).toEqual([
      '1000.00',
      '230.00',
      '1230.00',
      '1230.00',
    ]);
  });

  it('derives a missing net only when the document writes it', () => {
    const written = parse(
      'Invoice No. A-1001\nItems                 100.00\nVAT 20%                20.00\nTotal                 120.00\n',
    );
    expect(written.net?.toFixed(2)).toBe('100.00');
    const unwritten = parse(
      'Invoice No. A-1002\nItems                 100.00\nVAT 20%                20.00\nTotal                 125.00\n',
    );
    expect(unwritten.net).toBeUndefined();
    expect(unwritten.total?.toFixed(2)).toBe('125.00');
  });

  it("takes a table's first line for one of the bill's lines when a total or amount due is labelled", () => {
    // A tryout's PDF bill, as its text layer reads: the 149 040 € bill had been read as 40,00 €.
    const bill = parse(
      [
        'Facture n° FB-2024-0456789',
        'Date de facture : 05/03/2024',
        '           Détail            Montant HT       TVA      Montant TTC',
        'Abonnement Livebox Fibre 33,33 €          6,67 €       40,00 €',
        'Total à payer : 149 040,00 € TTC',
        'Customer account: CUST-5521',
      ].join('\n'),
    );
    expect([bill.net, bill.tax, bill.total?.toFixed(2)]).toEqual([undefined, undefined, '149040.00']);
    expect(bill.account).toBe('CUST-5521');
  });

  it('keeps numbers printed with single spaces whole, but not two loose numbers', () => {
    expect(parse('Rechnung\nRechnungsnummer   1234 5678 9012\nRechnungsbetrag   49,95 €\n').id).toBe('1234 5678 9012');
    expect(parse('Faktura nr: F 5521K24/0387/14\nRazem:  10,00  2,30  12,30\n').id).toBe('F 5521K24/0387/14');
    // Two loose numbers: the first is read, and the second is said to follow it (never cut silently).
    const loose = parseTextDocument('Invoice number: 123456 7890\nTotal  12.00\n', 'doc.txt', {});
    expect(loose.map((event) => (event.type === 'document' ? event.document.id : event.type))).toEqual([
      '123456',
      'notice',
    ]);
    // A tryout's Orange bill: the customer number had been cut to "C 7741".
    const orange =
      'Facture n° OR-25030551\nNuméro client : C 7741 0923    Ligne fixe : 02 40 12 34 56\nTotal TTC  42,99 €\n';
    expect(parse(orange).account).toBe('C 7741 0923');
  });

  it('reads a customer reference written with dots, never taken for an amount (tryout 7)', () => {
    const bill = (reference: string): BillingDocument =>
      parse(
        `Facture n° FA-20260820-4411\nRéférence client : ${reference}\nLigne : 02 40 11 22 33\nTotal TTC  23,99 €\n`,
      );
    // Bouygues prints "N° de compte client : 1.43522893"; the tryout wrote "1.234.567.89".
    expect(bill('1.234.567.89').account).toBe('1.234.567.89');
    expect(bill('1.43522893').account).toBe('1.43522893');
    // An amount is still no reference: the line is then the account.
    expect(bill('1.234,56').account).toBe('0240112233');
    expect(bill('1,234.56').account).toBe('0240112233');
  });

  it("reads an Orange-style number's short groups to its end, and says when a number may be cut (tryout 7)", () => {
    const read = (text: string) => parseTextDocument(text, 'doc.txt', {});
    const noticesOf = (events: ReturnType<typeof read>) =>
      events.flatMap((event) =>
        event.type === 'notice' ? [[event.code, event.level, event.line, event.message]] : [],
      );
    const orange = read("Facture n° 0 612 345 678 07 26\nDate d'émission : 05/07/2026\nTotal TTC  44,99 €\n");
    expect(orange[0]?.type === 'document' && orange[0].document.id).toBe('0 612 345 678 07 26');
    expect(noticesOf(orange)).toEqual([]);
    // A figure after the number is an amount, a date after it a date: no part of it, no warning.
    const amount = read('Facture n° 1234 5678 9012 29,99 €\nTotal TTC  29,99 €\n');
    expect(amount[0]?.type === 'document' && amount[0].document.id).toBe('1234 5678 9012');
    expect(noticesOf(amount)).toEqual([]);
    expect(noticesOf(read('Facture n° F-2024-0012 du 05/03/2024.\nTotal TTC  29,99 €\n'))).toEqual([]);
    // Markup glued to the number (tryout 7's hostile bill): read up to it, and a warning names the rest.
    const hostile = read('N° de Facture : 10917<b>62601\u202e\u001b[2J\nTotal TTC  0,00 €\n');
    expect(hostile[0]?.type === 'document' && hostile[0].document.id).toBe('10917');
    expect(noticesOf(hostile)).toEqual([
      [
        'number-cut',
        'warning',
        1,
        'the invoice number "10917" may be cut: "<b>62601\u202e\u001b[2J" follows it on the same line and is not read as part of it',
      ],
    ]);
    expect(frenchReaderText(noticesOf(hostile)[0]?.[3] as string)).toBe(
      'le numéro de facture « 10917 » est peut-être tronqué : « <b>62601\u202e\u001b[2J », qui le suit sur la même ligne, n’a pas été lu avec lui',
    );
    // A letter's reference too: the bill it names may then not be found.
    const letter = read(
      'Relance\nVotre facture n° 10917<b>62601 du 14/06/2026 reste impayée.\nMontant restant dû : 0,01 €\n',
    );
    expect(letter[0]?.type === 'document' && letter[0].document.references).toEqual(['10917']);
    expect(noticesOf(letter).map((notice) => notice[3])).toEqual([
      'the invoice number "10917" may be cut: "<b>62601" follows it on the same line and is not read as part of it',
    ]);
  });

  it('refuses texts that only mention bills: a program, a README', () => {
    const program = readFileSync(fileURLToPath(new URL('../../../fixtures/csv/generate.mjs', import.meta.url)), 'utf8');
    expect(() => parseTextDocument(program, 'generate.mjs', {})).toThrow(/no invoice or letter found/);
    const strings =
      "// Facture\nconst KINDS = ['Facture', 'Avoir', 'Relance'];\nconst sample = { total: 'Total TTC 12,00 €' };\n";
    expect(() => parseTextDocument(strings, 'kinds.ts', {})).toThrow(/no invoice or letter found/);
    const readme =
      '# billcheck\n\nFlags an invoice total above a ceiling (default 10000.00).\nKnown VAT rates: 20, 10, 5.5 and 2.1 %.\n';
    expect(() => parseTextDocument(readme, 'README.md', {})).toThrow(/no invoice or letter found/);
  });

  it("reads a text that only mentions its kind when it carries a bill's own marks", () => {
    const withNumber = parse(
      'Bonjour,\n\nVeuillez trouver ci-joint la facture n° F-2024-117 de mars.\n\nCordialement\n',
    );
    expect([withNumber.kind, withNumber.id]).toEqual(['invoice', 'F-2024-117']);
    // Net + tax = total: the arithmetic of a bill, which no README table happens to print.
    const withAmounts = parse(
      'Récapitulatif de la facture de mars\nMontant HT   10,00 €\nTVA 20 %      2,00 €\nTotal TTC    12,00 €\n',
    );
    expect([withAmounts.kind, withAmounts.total?.toFixed(2)]).toEqual(['invoice', '12.00']);
  });

  it('reads a round-off as what net + tax was rounded by, in the direction printed', () => {
    // Two rate rows and their sub-total are all labelled as a net; only the sub-total adds up, after the round-off.
    const invoice = (roundOff: string): BillingDocument =>
      parse(
        [
          'TAX INVOICE',
          'Invoice No. : KDS/INV-0091',
          'Taxable Value        85,500.00',
          'Taxable Value        19,125.00',
          'Sub Total         1,04,625.00',
          'IGST 18%             18,832.50',
          `Round Off            ${roundOff}`,
          'Grand Total       1,23,457.00',
        ].join('\n'),
      );
    for (const roundOff of ['(-) 0.50', '-0.50', '0.50 (-)', '0.50']) {
      const doc = invoice(roundOff);
      expect([doc.net?.toFixed(2), doc.tax?.toFixed(2), doc.total?.toFixed(2)], roundOff).toEqual([
        '104625.00',
        '18832.50',
        '123457.00',
      ]);
    }
    // Rounded up by 0.50, the sub-total would not add up: the printed direction is not overridden to make it fit.
    expect(invoice('(+) 0.50').net?.toFixed(2)).not.toBe('104625.00');
  });

  it('refuses a text with no invoice or letter in it', () => {
    const text =
      'Compte rendu de la réunion du 12 mars 2024\n\nPrésents : Alice, Bob.\nProchaine réunion le 19 mars.\n';
    expect(() => parseTextDocument(text, 'notes.txt', {})).toThrow(FatalInputError);
    expect(() => parseTextDocument('', 'empty.txt', {})).toThrow(/no invoice or letter/);
  });

  it('never takes a phone number, a previous balance, a unit price, a rate or the share capital for the total', () => {
    const doc = parse(
      [
        'FACTURE N° F-77120',
        'Service clients : 09 69 36 39 00 (appel non surtaxé)',
        'Solde précédent                       1 250,00 €',
        'Prix unitaire HT                        999,00 €',
        'Total HT                                 10,00 €',
        'TVA 20 %                                  2,00 €',
        'Total TTC                                12,00 €',
        'SAS au capital de 2 500 000,00 €',
      ].join('\n'),
    );
    expect(doc.total?.toFixed(2)).toBe('12.00');
    expect(doc.net?.toFixed(2)).toBe('10.00');
    expect(doc.tax?.toFixed(2)).toBe('2.00');
  });

  it('leaves the total absent rather than guessing it from unlabelled figures', () => {
    const doc = parse(
      'Facture n° F-2024-88\nDate de facture : 02/05/2024\nForfait mobile        19,99 €\nOption roaming         5,00 €\n',
    );
    expect(doc.total).toBeUndefined();
    expect(doc.amountDue).toBeUndefined();
    expect(doc.id).toBe('F-2024-88');
  });

  it('reads an amount qualified after it ("xx,xx € TTC") and a label whose value is on the next line', () => {
    const doc = parse(
      ['Facture N° 2024-555', 'Montant total de votre facture :', '   59,90 € TTC', 'Dont 49,92 € HT'].join('\n'),
    );
    expect(doc.total?.toFixed(2)).toBe('59.90');
    expect(doc.net?.toFixed(2)).toBe('49.92');
  });

  it('prefers the net and tax that add up to the total', () => {
    const doc = parse(
      [
        'INVOICE',
        'Invoice number: INV-9',
        'Net amount       90.00',
        'Net amount      100.00',
        'VAT              20.00',
        'Total           120.00',
      ].join('\n'),
    );
    expect([doc.net?.toFixed(2), doc.tax?.toFixed(2), doc.total?.toFixed(2)]).toEqual(['100.00', '20.00', '120.00']);
  });

  it('keeps every page of a text as one document, and counts lines as physical lines', () => {
    const text = 'FACTURE\nN° de facture : F-1\n\f\nDétail\nTotal TTC     30,00 €\n\fConditions générales\n';
    const doc = parse(text);
    expect(doc.total?.toFixed(2)).toBe('30.00');
    expect(doc.source.line).toBe(1);
    // The document starts at its first printed line (the sender), not at its title on line 5.
    const later = parse('\n\n  Orange\n\nFACTURE\nN° de facture : F-2\nTotal TTC 10,00 €\n');
    expect(later.source.line).toBe(3);
    const afterBlankPage = parse('\r\n \t\r\n\f\r\nFACTURE\r\nN° de facture : F-3\r\nTotal TTC 10,00 €\r\n');
    expect(afterBlankPage.source.line).toBe(4);
  });

  it('reads CRLF text like LF text', () => {
    const lf = readFileSync(`${FIXTURES}orange-facture.txt`, 'utf8');
    expect(serializeDocument(parse(lf.replace(/\n/g, '\r\n')))).toEqual(serializeDocument(parse(lf)));
  });

  it('reads dates written in words in French, English and German', () => {
    expect(parse('FACTURE\nN° de facture : F-3\nDate de facture : 02 Juillet 2015\nTotal TTC 1,00 €').issueDate).toBe(
      '2015-07-02',
    );
    expect(parse('INVOICE\nInvoice number: I-3\nInvoice date: July 2, 2015\nTotal 1.00 USD').issueDate).toBe(
      '2015-07-02',
    );
    expect(parse('RECHNUNG\nRechnungsnummer: R-3\nRechnungsdatum: 20. März 2024\nGesamtbetrag 1,00 €').issueDate).toBe(
      '2024-03-20',
    );
  });

  it('follows --date-order for numeric dates', () => {
    const text = 'INVOICE\nInvoice number: I-4\nInvoice date: 03/04/2024\nTotal $5.00';
    expect(parseTextDocument(text, 'a.txt', { dateOrder: 'mdy' })[0]).toMatchObject({
      document: { issueDate: '2024-03-04' },
    });
    expect(parseTextDocument(text, 'a.txt', {})[0]).toMatchObject({ document: { issueDate: '2024-04-03' } });
  });

  it('sums the tax of several VAT rates when that balances the total', () => {
    const doc = parse(
      [
        'FACTURE N° F-5',
        'Total HT          100,00 €',
        'TVA 20 %           10,00 €',
        'TVA 10 %            5,00 €',
        'Total TTC         115,00 €',
      ].join('\n'),
    );
    expect(doc.tax?.toFixed(2)).toBe('15.00');
  });

  it('reads a dunning e-mail without a title from its wording', () => {
    const doc = parse(
      'Bonjour,\nSauf erreur de notre part, votre facture n° 88-1234 reste impayée.\nNous vous remercions de nous régler la somme de 12,50 € sous huit jours.\n',
    );
    expect(doc.kind).toBe('dunning');
    expect(doc.amountDue?.toFixed(2)).toBe('12.50');
    expect(doc.references).toEqual(['88-1234']);
    expect(doc.account).toBe('doc.txt');
  });

  it('does not take the fine print of an invoice for a dunning letter', () => {
    const doc = parse(
      'Orange\n\nFACTURE\nn° de facture : 9\nTotal TTC 10,00 €\nPénalités exigibles sans mise en demeure préalable ; frais de relance : 0 €\n',
    );
    expect(doc.kind).toBe('invoice');
  });

  it('reads the labelled total through a large hostile input', () => {
    // Thousands of bare numbers and unlabelled amounts must neither be taken for the total nor stall the parser.
    const line = `${'1 '.repeat(3000)}${'a'.repeat(5000)}`;
    const text = `FACTURE\nN° de facture : F-9\n${`${line}\n`.repeat(300)}${'9,99 € '.repeat(20000)}\nTotal TTC 10,00 €\n`;
    const doc = parse(text);
    expect(doc.id).toBe('F-9');
    expect(doc.total?.toFixed(2)).toBe('10.00');
  });
});

describe('date style of a text bill', () => {
  it('is taken from its first numeric date, for reports to write dates the same way', () => {
    const doc = parse(['FACTURE', 'Facture n° F-1', 'Date de facture : 15.01.2024', 'Total TTC : 39,99 €'].join('\n'));
    expect(doc.amountStyle?.dates).toEqual({ order: 'dmy', separator: '.' });
  });
});
