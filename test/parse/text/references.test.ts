/**
 * Letters about several bills (issue 13): every invoice number a plural label lists is a
 * reference, and naming bills never makes a letter a bill. The wording follows the relance models
 * of la-lettre.com and legifiscal.fr put in the plural (see
 * fixtures/dossiers/fr-relance-plusieurs-factures/expectations.json), UK final notices and Telekom's Mahnung.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const DOSSIERS = fileURLToPath(new URL('../../../fixtures/dossiers/', import.meta.url));

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const letter = (header: string, body: string, due = 'Montant restant dû : 59,98 €'): string =>
  `Lyon, le 4 mars 2024\n\n${header}\n\nMadame,\n\n${body}\n\n${due}\n`;

describe('plural references', () => {
  it('reads both bills of "les factures n° … et … restent impayées" (the dossier letter)', () => {
    const text = readFileSync(`${DOSSIERS}fr-relance-plusieurs-factures/relance-deux-factures.txt`, 'utf8');
    expect(parse(text)).toMatchObject({
      kind: 'dunning',
      id: 'RL-2024-77120',
      account: 'CPT-0099-4521',
      issueDate: '2024-04-15',
      references: ['F-2024-03-0311', 'F-2024-04-0412'],
    });
  });

  it.each([
    [
      'vos factures n° 2024-000118, 2024-000245 et 2024-000391 restent impayées.',
      ['2024-000118', '2024-000245', '2024-000391'],
    ],
    [
      'les factures n° FA-2024-001, n° FA-2024-002 et n° FA-2024-003 restent impayées.',
      ['FA-2024-001', 'FA-2024-002', 'FA-2024-003'],
    ],
    ['Les factures FA-2024-001 ; FA-2024-002 restent impayées.', ['FA-2024-001', 'FA-2024-002']],
    ['Factures concernées : FA-2024-001 et FA-2024-002, restées impayées.', ['FA-2024-001', 'FA-2024-002']],
  ])('French: %s', (body, references) => {
    expect(parse(letter('Objet : Relance', body))).toMatchObject({ kind: 'dunning', references });
  });

  it('English: "invoices INV-20931 and INV-21044 remain unpaid", "your invoices … & …"', () => {
    const notice = (body: string) => `5 March 2024\n\nFINAL NOTICE\n\nDear customer,\n${body}\nAmount due: £45.00\n`;
    expect(parse(notice('Our records show that invoices INV-20931 and INV-21044 remain unpaid.'))).toMatchObject({
      kind: 'dunning',
      references: ['INV-20931', 'INV-21044'],
    });
    expect(parse(notice('Your invoices 88120031, 88120457 & 88120983 remain unpaid.')).references).toEqual([
      '88120031',
      '88120457',
      '88120983',
    ]);
  });

  it('reads a list whose bills carry their amounts in brackets', () => {
    // SFR's reminder e-mail wording (tryout of 2 December 2026).
    const letter = parse(
      'Le 6 août 2024\nSauf erreur de notre part, nous n’avons pas reçu le règlement de vos factures FM24050611 (29,99 €) et FM24080514 (29,99 €).\nMontant restant dû : 59,98 €\n',
    );
    expect(letter.references).toEqual(['FM24050611', 'FM24080514']);
  });

  it('English: "Your bill VF-7731-0224 remains unpaid", as UK operators say bill', () => {
    // A Vodafone UK final notice (tryout of 2 December 2026).
    const letter = parse(
      '15 April 2024\nAccount number: 773155209\n\nFINAL NOTICE\nYour bill VF-7731-0224 remains unpaid.\nOutstanding balance £27.00\n',
    );
    expect(letter).toMatchObject({ kind: 'dunning', references: ['VF-7731-0224'], account: '773155209' });
  });

  it('German: "die Rechnungen R-2024-0311 und R-2024-0412 sind noch offen"', () => {
    const mahnung =
      'München, 05.03.2024\n\nZahlungserinnerung\n\nSehr geehrte Damen und Herren,\n' +
      'die Rechnungen R-2024-0311 und R-2024-0412 sind noch offen.\nOffener Betrag: 59,98 €\n';
    expect(parse(mahnung)).toMatchObject({ kind: 'dunning', references: ['R-2024-0311', 'R-2024-0412'] });
  });

  it('ends a list at what is no bill number: an amount, a date, a word', () => {
    const text = letter(
      'Objet : Relance',
      'Les factures FA-2024-001 et 12,50 € de frais restent impayées. Les factures FA-2024-002 et suivantes aussi.\n' +
        'Vos factures FA-2024-003 et 05/03/2024 : voir ci-dessous.',
    );
    expect(parse(text).references).toEqual(['FA-2024-001', 'FA-2024-002', 'FA-2024-003']);
  });

  it('keeps the letter own number out of its references', () => {
    const text = letter(
      'Relance n° RL-2024-0042\nObjet : Relance',
      'Les factures FA-2024-001 et FA-2024-002 restent impayées.',
    );
    expect(parse(text)).toMatchObject({ id: 'RL-2024-0042', references: ['FA-2024-001', 'FA-2024-002'] });
  });
});

describe('naming bills does not make a letter a bill', () => {
  it('a "Factures : …" line above the title is no title', () => {
    const text =
      'Le 04/03/2024\nFactures : FA-2024-001, FA-2024-002\n\nRELANCE\n\nMadame,\n' +
      'Sauf erreur de notre part, ces factures restent impayées.\nSomme due : 59,98 €\n';
    expect(parse(text)).toMatchObject({ kind: 'dunning', references: ['FA-2024-001', 'FA-2024-002'] });
  });

  it('a subject that lists bills is no invoice subject; the body decides', () => {
    const text = letter(
      'Objet : Factures n° FA-2024-001 et FA-2024-002',
      'Le paiement de ces factures ne nous est pas parvenu.',
      'Somme due : 59,98 €',
    );
    expect(parse(text)).toMatchObject({ kind: 'dunning', references: ['FA-2024-001', 'FA-2024-002'] });
  });

  it('an invoice stays an invoice, with its own number and no references', () => {
    const bill =
      'FACTURE\n\nFacture n° F-2024-0412\nDate de facture : 05/04/2024\nFactures précédentes : F-2024-0311, F-2024-0209\n' +
      'Total HT 24,99 €\nTVA 20 % 5,00 €\nTotal TTC 29,99 €\n';
    expect(parse(bill)).toMatchObject({ kind: 'invoice', id: 'F-2024-0412', references: [] });
  });

  it('a singular "facture n° … et …" reads one bill: only a plural label lists', () => {
    const text = letter('Objet : Relance', 'Votre facture n° FA-2024-001 et 2 autres documents restent impayés.');
    expect(parse(text).references).toEqual(['FA-2024-001']);
  });
});
