/**
 * Letters read as they are written (issue 13): their date from their header, their deadline but
 * never the due date they quote, their kind from the whole letter, labels over their values in an
 * information block, dotted amount headers; and a bill whose figures an OCR misread (issue 18).
 * Wording from the dossiers' letters (fixtures/dossiers/*, see their expectations.json).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import type { ParseEvent } from '../../../src/model/input.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const DOSSIERS = fileURLToPath(new URL('../../../fixtures/dossiers/', import.meta.url));

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const fixture = (path: string): string => readFileSync(`${DOSSIERS}${path}`, 'utf8');

describe('letters', () => {
  it("keeps a dunning letter's own title: its subject's, else a title of its head, else a notice its body gives", () => {
    const due = 'Votre facture n° F-1 reste impayée.\nMontant restant dû : 12,00 €\n';
    expect(parse(`Objet : Mise en demeure de payer\n\n${due}`).dunningTitle).toBe('formal-notice');
    expect(parse(`Objet : Dernière relance avant mise en demeure\n\n${due}`).dunningTitle).toBe('final-reminder');
    expect(parse(`Objet : Facture n° F-1 impayée\n\nMISE EN DEMEURE\n\n${due}`).dunningTitle).toBe('formal-notice');
    expect(parse(`FINAL DEMAND\n\nYour invoice no. F-1 remains unpaid.\nAmount due: £12.00\n`).dunningTitle).toBe(
      'final-demand',
    );
    const onNotice = `Le 04/03/2024\n\nSauf erreur de notre part, la facture n° F-1 reste impayée.\nNous vous mettons en demeure de régler 12,00 €.\n`;
    expect(parse(onNotice)).toMatchObject({ kind: 'dunning', dunningTitle: 'formal-notice' });
    // A UK agency's title above the invoice number it quotes (fixtures/letters/en-uk-letter-before-action).
    const lba = parse('LETTER BEFORE ACTION\n\nDear Mr Harding,\nInvoice number: VM-1\nAmount outstanding: £0.01\n');
    expect(lba).toMatchObject({ kind: 'dunning', dunningTitle: 'letter-before-action', references: ['VM-1'] });
    // Fine print that merely names the word says nothing of the letter.
    const plain = parse(
      `Le 04/03/2024\n\nSauf erreur de notre part, la facture n° F-1 reste impayée : 12,00 €.\nSans mise en demeure préalable, des frais pourront s'appliquer.\n`,
    );
    expect(plain.kind).toBe('dunning');
    expect(plain.dunningTitle).toBeUndefined();
  });

  it('names a German reminder by its rank: "Letzte Mahnung" is the final reminder, "2. Mahnung" a reminder', () => {
    // fixtures/text/de-letzte-mahnung.txt follows freenet's help pages on its dunning run (kundenservice.freenet.de:
    // "1. Mahnfrist", "2. Mahnung", the Mahnreferenznummer, the access blocked); the title is the last rank's.
    const FIXTURES = fileURLToPath(new URL('../../../fixtures/text/', import.meta.url));
    const text = readFileSync(`${FIXTURES}de-letzte-mahnung.txt`, 'utf8');
    expect(parse(text)).toMatchObject({ kind: 'dunning', dunningTitle: 'final-reminder', references: ['880041237'] });
    const titled = (title: string) => parse(text.replace(/^Letzte Mahnung$/m, title)).dunningTitle;
    expect(titled('LETZTE MAHNUNG')).toBe('final-reminder');
    expect(titled('Dritte und letzte Mahnung')).toBe('final-reminder');
    expect(titled('Letzte Zahlungserinnerung')).toBe('final-reminder');
    expect(titled('2. Mahnung')).toBe('reminder');
    expect(titled('Zweite Mahnung')).toBe('reminder');
    expect(titled('Zahlungserinnerung')).toBe('reminder');
    expect(titled('Mahnung')).toBe('reminder');
  });

  it('dates a letter by its header, not by the deadline of its body, and leaves the quoted due date to the invoice', () => {
    const letter = parse(fixture('fr-mise-en-demeure-facture-vierge/mise-en-demeure-agence.txt'));
    expect(letter).toMatchObject({
      kind: 'dunning',
      id: 'REC-88412',
      issueDate: '2024-03-03',
      references: ['FAC-2023-12-5521'],
    });
    // "à régler avant le 20/12/2023" is the invoice's; the letter's own deadline is "avant le 11 mars 2024".
    expect(letter.dueDate).toBe('2024-03-11');
  });

  it('keeps "fällig am" of the quoted Rechnung off the Mahnung', () => {
    const letter = parse(fixture('de-mahnung-trotz-gutschrift/mahnung.txt'));
    expect(letter).toMatchObject({ kind: 'dunning', issueDate: '2024-03-04', references: ['2024-0211-4471'] });
    expect(letter.dueDate).toBe('2024-03-14');
  });

  it('reads "Le 04/03/2024" and "Date : …" headers', () => {
    expect(
      parse('Le 04/03/2024\n\nObjet : Relance\n\nVotre facture n° F-1 reste impayée.\nMontant restant dû : 12,00 €\n')
        .issueDate,
    ).toBe('2024-03-04');
    expect(
      parse(
        'Date : 5 mars 2024\nObjet : Relance\nVotre facture n° F-1 reste impayée : réglez-la avant le 20 mars 2024.\nSomme due : 12,00 €\n',
      ),
    ).toMatchObject({ issueDate: '2024-03-05', dueDate: '2024-03-20' });
  });

  it('takes a subject that names a bill or a payment for less than a body that demands payment', () => {
    const letter = parse(
      'Objet : Votre facture est en attente de paiement\n\nSauf erreur de notre part, votre facture n° F-2024-01-118 reste impayée.\nMontant restant dû : 59,98 €\n',
    );
    expect(letter.kind).toBe('dunning');
    const payment = parse(
      'Objet : Confirmation de votre paiement\n\nNous avons bien reçu votre paiement de 59,98 € pour la facture n° F-2024-01-118.\nMontant payé : 59,98 €\n',
    );
    expect(payment.kind).toBe('payment');
  });

  it("reads a German collection agency's case number and total demand, its fees as lines", () => {
    // An Inkasso "Zahlungsaufforderung" as German agencies lay it out (tryout of 2 December 2026): the
    // reference block beside the address, the principal, the fees, and the total demanded.
    const letter = parse(
      [
        'Muster Inkasso GmbH',
        '                                               Ihr Zeichen',
        '                                               Aktenzeichen',
        '                                               MI-2403-55781',
        '                                               Kundennummer',
        '                                               KD 55120887',
        '',
        'Wuppertal, 12. März 2024',
        '',
        'Zahlungsaufforderung – Auftraggeber: Telekom Deutschland GmbH',
        'Die Rechnung 3412 8876 0224 vom 03.02.2024, fällig am 15.02.2024, ist trotz Mahnung bis heute nicht beglichen.',
        'Hauptforderung                                       39,98 EUR',
        'Mahngebühren                                          2,50 EUR',
        'Inkassokosten                                        29,90 EUR',
        'Gesamtforderung                                      72,38 EUR',
        'Bitte überweisen Sie den Gesamtbetrag bis zum 26.03.2024.',
      ].join('\n'),
    );
    expect(letter).toMatchObject({
      kind: 'dunning',
      id: 'MI-2403-55781',
      account: 'KD 55120887',
      issueDate: '2024-03-12',
      references: ['3412 8876 0224'],
    });
    expect(letter.amountDue?.toFixed(2)).toBe('72.38');
    expect(letter.lines.map((line) => `${line.description} ${line.total?.toFixed(2)}`)).toEqual([
      'Mahngebühren 2.50',
      'Inkassokosten 29.90',
    ]);
  });

  it('reads a UK reminder that lists its bills after its demand, and an agency\'s "collection charges"', () => {
    // EE's payment reminder and a Lowell letter (tryout of 2 December 2026).
    const reminder = parse(
      [
        'Hi Daniel,',
        "We still haven't received payment for the following bills on account number AC-1120-4477:",
        'Invoice EE-B-41203388   £25.00',
        'Invoice EE-B-41611045   £25.00',
        'Total outstanding: £50.00. Please pay by 20 August 2024.',
      ].join('\n'),
    );
    expect(reminder).toMatchObject({ kind: 'dunning', references: ['EE-B-41203388', 'EE-B-41611045'] });
    expect(reminder.amountDue?.toFixed(2)).toBe('50.00');
    const agency = parse(
      [
        'FINAL NOTICE',
        '10 July 2024',
        'Your bill EE-B-41055720 remains unpaid.',
        'Balance                 £0.01',
        'Collection charges     £35.00',
        'Total now due          £35.01',
      ].join('\n'),
    );
    expect(agency.amountDue?.toFixed(2)).toBe('35.01');
    expect(agency.lines.map((line) => line.total?.toFixed(2))).toEqual(['35.00']);
  });

  it('reads the end of a contract as a termination takes it: "endet zum", "ended on"', () => {
    const german = parse(
      'Kündigungsbestätigung\nKöln, 20.05.2024\nKundennummer: 112804339\nIhr Vertrag endet zum 31.05.2024.\n',
    );
    expect(german).toMatchObject({ kind: 'termination', effectiveDate: '2024-05-31' });
    const english = parse(
      'Cancellation confirmation\n22 May 2024\nAccount: AC-1120-4477\nYour contract ended on 31 May 2024.\n',
    );
    expect(english).toMatchObject({ kind: 'termination', effectiveDate: '2024-05-31' });
  });

  it('reads a line number whole across a zero-width space, which it keeps for identity to name', () => {
    // A line pasted from a web page (tryout of 2 December 2026): "10 0<U+200B>2" used to end the number at the 0.
    const letter = parse(
      ['Paris, le 3 mars 2024', 'N° de ligne : +33 6 98 46 10 0\u200b2', 'Objet : mise en demeure'].join('\n') +
        '\nLa facture n° F1 reste impayée. Total à régler : 10,00 €\n',
    );
    expect(letter.account).toBe('+3369846100\u200b2');
  });

  it('reads a credit note as one when its subject gives the termination as the cause', () => {
    // SFR's "avoir" after a termination (tryout of 2 December 2026): the title says what it is, the subject why.
    const avoir = parse(
      [
        'AVOIR',
        "N° d'avoir : AV2404-00931",
        'Date : 18/04/2024',
        'Référence client : C104233',
        'Objet : régularisation suite à résiliation',
        'Cet avoir annule la facture FA2404-778815.',
        "Total TTC de l'avoir  -45,99 €",
      ].join('\n'),
    );
    expect(avoir).toMatchObject({ kind: 'credit-note', id: 'AV2404-00931', references: ['FA2404-778815'] });
    // A subject that starts with its kind still decides.
    const notice = parse(
      ['COURRIER', 'Objet : Résiliation de votre contrat', 'Date : 18/04/2024', 'Ligne : 06 12 34 56 78'].join('\n'),
    );
    expect(notice.kind).toBe('termination');
  });

  it('pairs labels with the values under them in the information block beside the address, and keeps the line as an alias', () => {
    const bill = parse(fixture('de-mahnung-trotz-gutschrift/rechnung-februar.txt'));
    expect(bill).toMatchObject({
      kind: 'invoice',
      id: '2024-0211-4471',
      issueDate: '2024-02-05',
      account: '5566 7788 99',
      accountAliases: ['0211 1234567'],
    });
    expect(bill.total?.toFixed(2)).toBe('39.95');
  });

  it('recognizes dotted and abbreviated amount headers (Mt H.T., T.V.A., Mt T.T.C.)', () => {
    const bill = parse(
      [
        'FACTURE',
        'Facture n° 2024-118',
        'Date de facture : 05/03/2024',
        '',
        'Désignation            Mt H.T.     T.V.A.     Mt T.T.C.',
        'Abonnement fibre         24,99       5,00       29,99',
        '',
      ].join('\n'),
    );
    expect([bill.net?.toFixed(2), bill.tax?.toFixed(2), bill.total?.toFixed(2)]).toEqual(['24.99', '5.00', '29.99']);
    const other = parse(
      [
        'FACTURE',
        'Facture n° 2024-119',
        'Montant H.T. : 41,66 €',
        'T.V.A. 20 % : 8,33 €',
        'Mt T.T.C. : 49,99 €',
        '',
      ].join('\n'),
    );
    expect([other.net?.toFixed(2), other.tax?.toFixed(2), other.total?.toFixed(2)]).toEqual(['41.66', '8.33', '49.99']);
  });

  it('reports a bill whose figures an OCR misread as unreadable, not as blank', () => {
    const events: ParseEvent[] = parseTextDocument(fixture('fr-facture-illisible/facture-scannee.txt'), 'scan.txt', {});
    expect(events).toEqual([
      {
        type: 'invalid',
        file: 'scan.txt',
        line: 1,
        reason: expect.stringContaining('cannot be read'),
        value: expect.any(String),
        // The finding names the bill whose number was read, so that its report points to it.
        documentId: 'FAC-2024-02-9912',
        rows: 1,
      },
    ]);
    // A bill that states no amount at all is still a document (blank-invoice judges it).
    const blank = parseTextDocument(
      'FACTURE\nFacture n° F-9\nDate de facture : 05/03/2024\nTotal TTC :\n',
      'blank.txt',
      {},
    );
    expect(blank[0]?.type).toBe('document');
  });

  it('reports misread decimals ("9,9O €", "8,3Z €") as unreadable too, though its tax was read', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../../fixtures/text/ocr/lpm-facture-decimales-ocr.txt', import.meta.url)),
      'utf8',
    );
    expect(parseTextDocument(text, 'ocr.txt', {})).toEqual([
      {
        type: 'invalid',
        file: 'ocr.txt',
        line: 1,
        reason: expect.stringContaining('cannot be read'),
        value: '8,3Z',
        documentId: 'LPM-0926-21004',
        rows: 1,
      },
    ]);
    // A bill whose total was read keeps it: a figure misread elsewhere does not void it.
    const [read] = parseTextDocument(text.replaceAll('9,9O', '9,99'), 'ocr.txt', {});
    expect(read?.type === 'document' ? read.document.total?.toFixed(2) : read).toBe('9.99');
  });
});
