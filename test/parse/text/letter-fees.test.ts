/**
 * What a letter quotes is read as what it is (issue 13, a tryout on a dossier nobody wrote): an
 * invoice number after the operator's product name is a reference, not the customer; the fees a
 * collection agency adds are the letter's lines, never its total; the dates of the invoices it
 * lists are theirs, not the letter's. Wording from fixtures/dossiers/fr-agence-frais-malgre-avoir
 * (see its expectations.json for the public letters it follows).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const DOSSIER = fileURLToPath(new URL('../../../fixtures/dossiers/fr-agence-frais-malgre-avoir/', import.meta.url));

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const lines = (doc: BillingDocument) => doc.lines.map((line) => [line.description, String(line.total)]);

describe('letters: quoted invoices and added fees', () => {
  it("reads an agency's fees as the letter's lines, its own date and id, and the creditor's customer number", () => {
    const letter = parse(readFileSync(`${DOSSIER}mise-en-demeure-agence.txt`, 'utf8'));
    expect(letter).toMatchObject({
      kind: 'dunning',
      id: '4471-882913',
      account: '12345678',
      issueDate: '2024-10-02',
      references: ['FM2407-0014410'],
    });
    expect(String(letter.amountDue)).toBe('67.49');
    expect(lines(letter)).toEqual([
      ['Indemnité forfaitaire pour frais de recouvrement', '40.00'],
      ['Pénalités de retard', '7.50'],
    ]);
  });

  it('reads an invoice number after a product name as a reference, and no account from it', () => {
    const doc = parse(
      'Objet : Rappel\n\nSauf erreur de notre part, votre facture Free Mobile n° FM2407-0014410 du 15/07/2024\n' +
        "d'un montant de 19,99 € reste impayée à ce jour.\n",
    );
    expect(doc.references).toEqual(['FM2407-0014410']);
    expect(doc.account).toBe('letter.txt');
    expect(doc.accountAliases).toBeUndefined();
    const orange = parse(
      'Objet : Relance\n\nVotre facture Orange référence 0123456789A reste impayée.\nMontant dû : 35,99 €\n',
    );
    expect(orange.references).toEqual(['0123456789A']);
  });

  it('takes a line after a bare line label, never an identifier that is no number', () => {
    const doc = parse(
      'Objet : Relance\n\nVotre facture reste impayée.\nLigne : 06 98 76 54 32\nMontant dû : 19,99 €\n',
    );
    expect(doc.account).toBe('0698765432');
    const mobile = parse(
      'Objet : Relance\n\nFacture n° F-2024-88 reste impayée.\nMobile n° AB-77\nMontant dû : 19,99 €\n',
    );
    expect(mobile.account).toBe('letter.txt');
  });

  it('reads no fee from fine print, from a bill, or from a waived fee', () => {
    const finePrint = parse(
      'Objet : Relance\n\nLa facture n° F-2024-88 reste impayée.\n' +
        'En cas de retard, une indemnité forfaitaire de 40 € pour frais de recouvrement sera due.\n' +
        'Frais de relance                       0,00 €\nMontant dû : 19,99 €\n',
    );
    expect(finePrint.lines).toEqual([]);
    const bill = parse('FACTURE\nFacture n° F-2024-88\nFrais de recouvrement       40,00 €\nTotal TTC    59,99 €\n');
    expect(bill.lines).toEqual([]);
    expect(String(bill.total)).toBe('59.99');
  });

  it("leaves the dates of a letter's table of invoices to the invoices", () => {
    const doc = parse(
      '                                  Lyon, le 4 novembre 2024\n\nObjet : Mise en demeure\n\n' +
        'N° de facture       Date de facture     Montant\nF-2024-0977         12/09/2024          45,00 €\n\n' +
        'Nous vous mettons en demeure de régler la somme de 45,00 €.\n',
    );
    expect(doc.issueDate).toBe('2024-11-04');
    expect(doc.references).toEqual(['F-2024-0977']);
  });
});

describe("a dunning letter's amount due holds its fee lines", () => {
  const notice = (amounts: string[]) =>
    parse(['MISE EN DEMEURE', 'Paris, le 3 mars 2024', 'Facture n° FA-1 impayée.', ...amounts].join('\n'));
  const due = (doc: BillingDocument) => [doc.amountDue?.toFixed(2), doc.lines.map((line) => line.total?.toFixed(2))];

  it('takes the written sum: "Principal 0,01 € / Frais 40,00 € / Total à régler 40,01 €"', () => {
    const letter = notice([
      'Principal restant dû : 0,01 €',
      'Frais de recouvrement : 40,00 €',
      'Total à régler : 40,01 €',
    ]);
    expect(due(letter)).toEqual(['40.01', ['40.00']]);
  });

  it('adds the fees when the sum is left unwritten: "la somme de 19,99 €" and 19,50 € of fees', () => {
    const letter = notice([
      'Montant principal : 19,99 €',
      'Frais de recouvrement : 15,00 €',
      'Pénalités de retard : 4,50 €',
      'Merci de régler la somme de 19,99 €.',
    ]);
    expect(due(letter)).toEqual(['39.49', ['15.00', '4.50']]);
  });

  it('keeps a figure that already holds its fees: "Principal 40,00 € / Frais 7,50 € / Montant dû 47,50 €"', () => {
    const letter = notice(['Montant principal 40,00 €', 'Frais de relance : 7,50 €', 'Montant dû : 47,50 €']);
    expect(due(letter)).toEqual(['47.50', ['7.50']]);
  });
});
