/**
 * The head of a bill or letter: who the operator is, its customer-service address when it prints
 * one (a dunning letter's title is the text reader's, tested there). The texts follow the fixtures'
 * letterheads (fixtures/letters/fr-relance-puis-agence, fixtures/text/final-notice-agency.txt).
 */
import { describe, expect, it } from 'vitest';
import { readLetterhead } from '../../../src/report/letter/letterhead.js';

describe('readLetterhead', () => {
  it("takes the operator's brand and its customer-service address from a letter's head", () => {
    const head = readLetterhead(
      'SFR\nService Client\nTSA 30103\n69947 Lyon Cedex 20\n                          Lyon, le 6 mai 2024\n',
    );
    expect(head).toEqual({
      operator: 'SFR',
      address: { service: 'customer', lines: ['Service Client', 'TSA 30103', '69947 Lyon Cedex 20'] },
    });
  });

  it("keeps no address when the block is another department's (termination, collection)", () => {
    const head = readLetterhead('SFR\nService Client - Résiliation\nTSA 30103\n69947 Lyon Cedex 20\n');
    expect(head).toEqual({ operator: 'SFR' });
  });

  it("names an agency's client, not the agency", () => {
    const head = readLetterhead(
      [
        'CABINET DE RECOUVREMENT FRANCE CONTENTIEUX',
        '12 rue Paul Vaillant-Couturier – 92300 Levallois-Perret',
        '',
        'N/Réf : FCX/2024/120457',
        'Mandant : SFR SA',
        '',
        'Objet : Mise en demeure de payer',
      ].join('\n'),
    );
    expect(head).toEqual({ operator: 'SFR', agency: 'CABINET DE RECOUVREMENT FRANCE CONTENTIEUX' });
  });

  it("takes a British agency's original creditor", () => {
    const head = readLetterhead(
      'Lowell Financial Ltd\nNo. 1 The Square, Leeds LS1 4XX\n\nOriginal creditor: Vodafone Limited\n\nFINAL NOTICE BEFORE FURTHER ACTION\n',
    );
    expect(head).toEqual({ operator: 'Vodafone', agency: 'Lowell Financial Ltd' });
  });

  it("takes a bill's brand from its first cell and a mail's from its sender", () => {
    expect(readLetterhead('SFR                          Facture N° 2406551208\n').operator).toBe('SFR');
    expect(readLetterhead('De : SFR Service Client <ne-pas-repondre@sfr.fr>\nObjet : Relance\n').operator).toBe('SFR');
    expect(readLetterhead('From: Orange <noreply@orange.fr>\n').operator).toBe('Orange');
  });

  it('reads a letterhead printed on the right, in capitals, as pdftotext -layout prints it', () => {
    // The head of /work/tryout8/A-bouygues-blank/01-facture-2026-09.txt (fixtures/letters/bouygues-blank-right-head).
    const pad = ' '.repeat(45);
    const head = readLetterhead(
      [
        `${pad}BOUYGUES TELECOM`,
        `${pad}Service Clients`,
        `${pad}38218 Vienne Cedex`,
        '',
        'Facture n° BT-2609-448812                    Date de facture : 05/09/2026',
      ].join('\n'),
    );
    expect(head).toEqual({
      operator: 'Bouygues Telecom',
      address: { service: 'customer', lines: ['Service Clients', '38218 Vienne Cedex'] },
    });
  });

  it("keeps the customer's block on the left out of a right-hand letterhead", () => {
    const right = (left: string, cell: string): string => `${left.padEnd(40)}${cell}`;
    const head = readLetterhead(
      [
        right('', 'SFR'),
        right('Jean Martin', 'Service Client'),
        right('3 rue Haute', 'TSA 30103'),
        right('75011 Paris', '69947 Lyon Cedex 20'),
      ].join('\n'),
    );
    expect(head.address?.lines).toEqual(['Service Client', 'TSA 30103', '69947 Lyon Cedex 20']);
  });

  it('takes an unknown sender named above its postal address', () => {
    expect(readLetterhead('TelPro Services\n12 avenue de la Gare\n21000 Dijon\n').operator).toBe('TelPro Services');
  });

  it("never takes the customer's block, an agency without a client, or a brand inside a sentence", () => {
    expect(readLetterhead('Madame Sophie Lambert\n21 rue Nationale\n37000 Tours\n')).toEqual({});
    expect(readLetterhead('CABINET RECOUVRA\n18 rue de la Chaussée d’Antin\n75009 Paris\n')).toEqual({});
    expect(readLetterhead('Bonjour,\n\nVotre offre Free est résiliée.\nMerci de votre confiance.\n')).toEqual({});
    expect(readLetterhead('Votre facture ORANGE du mois\n')).toEqual({});
  });

  it('keeps control characters of the input out of the names', () => {
    const head = readLetterhead('Mandant : Evil\u001b[2J Corp\n');
    expect(head.operator).not.toMatch(/\u001b/);
  });
});

/**
 * Debt purchasers' letters. Wording after Lowell UK's "debt collection process" page ("Once a debt
 * is sold, the outstanding balance is legally owed to the new company"; lowell.co.uk), Cabot's FAQ
 * ("If we've purchased your debt ... This is known as a Notice of Assignment"; cabotfinancial.es
 * and cabotfinancial.co.uk), Que Choisir's "Recouvrement de créance cédée" (2020) and the Code
 * civil's art. 1321-1324 wording ("cession de créance", "notifiée"), and the BGB's §§ 398 ff.
 * ("abgetreten", "Forderungskäufer", haufe.de). The fixtures of fixtures/letters/fr-cession-creance-sfr
 * and de-abtretung-telekom run them end to end.
 */
describe('readLetterhead: a purchaser of the debt', () => {
  it('takes Lowell as the purchaser and the original creditor as the operator', () => {
    const head = readLetterhead(
      [
        'Lowell Solutions Ltd',
        'PO Box 1234',
        'Leeds LS1 4XX',
        '',
        'Original creditor: Hutchison 3G UK Ltd (Three)',
        '',
        'NOTICE OF ASSIGNMENT',
        '',
        'We are writing to let you know that Hutchison 3G UK Ltd has sold your account to',
        'Lowell Portfolio I Ltd.',
      ].join('\n'),
    );
    expect(head).toEqual({
      operator: 'Three',
      purchaser: { name: 'Lowell Solutions Ltd', lines: ['PO Box 1234', 'Leeds LS1 4XX'] },
    });
  });

  it('reads "we have purchased your ... account" and "has been assigned" without a creditor label', () => {
    const lowell = readLetterhead(
      'Lowell Financial Ltd\nPO Box 1163\nLeeds LS2 8ZT\n\nWe have purchased your EE account.\n',
    );
    expect(lowell).toEqual({
      operator: 'EE',
      purchaser: { name: 'Lowell Financial Ltd', lines: ['PO Box 1163', 'Leeds LS2 8ZT'] },
    });
    const cabot = readLetterhead(
      'Cabot Financial (UK) Limited\n1 Kings Hill Avenue\nWest Malling ME19 4UA\n\nYour Vodafone account has been assigned to Cabot Financial (UK) Limited.\n',
    );
    expect(cabot.purchaser?.name).toBe('Cabot Financial (UK) Limited');
    expect(cabot.operator).toBe('Vodafone');
  });

  it('reads a French notification de cession and a German Abtretungsanzeige', () => {
    const fr = readLetterhead(
      [
        'PORTEFEUILLES CRÉANCES DU CENTRE',
        'BP 40217',
        '45002 Orléans Cedex 1',
        '',
        "Créancier d'origine : SFR SA",
        'Objet : Notification de cession de créance',
      ].join('\n'),
    );
    expect(fr).toEqual({
      operator: 'SFR',
      purchaser: { name: 'PORTEFEUILLES CRÉANCES DU CENTRE', lines: ['BP 40217', '45002 Orléans Cedex 1'] },
    });
    const de = readLetterhead(
      [
        'Nordwest Forderungskauf GmbH · Postfach 10 22 33 · 20015 Hamburg',
        '',
        'Ursprünglicher Gläubiger: Telekom Deutschland GmbH',
        'die Telekom Deutschland GmbH hat ihre Forderung gegen Sie an uns abgetreten.',
      ].join('\n'),
    );
    expect(de).toEqual({
      operator: 'Telekom',
      purchaser: { name: 'Nordwest Forderungskauf GmbH', lines: ['Postfach 10 22 33', '20015 Hamburg'] },
    });
  });

  it('never takes the purchaser for the operator when its own name follows "Créancier :"', () => {
    const head = readLetterhead(
      'PORTEFEUILLES CRÉANCES DU CENTRE\nBP 40217\n45002 Orléans\n\nCréancier : Portefeuilles Créances du Centre\nVotre créance a été cédée par Bouygues Telecom.\n',
    );
    expect(head.operator).toBe('Bouygues Telecom');
    expect(head.purchaser?.name).toBe('PORTEFEUILLES CRÉANCES DU CENTRE');
  });

  it('keeps an agency acting for the operator an agency: no purchaser', () => {
    // fixtures/dossiers/en-uk-agency-after-payment: a placement with an agency, titled "assignment".
    const placement = readLetterhead(
      [
        'NORTHGATE CREDIT MANAGEMENT LTD',
        'PO Box 7712',
        'Leeds LS1 9ZZ',
        'Original creditor: UK Mobile Ltd',
        'NOTICE OF DEBT ASSIGNMENT TO COLLECTIONS',
        'UK Mobile Ltd has passed your account to us to collect the balance shown below.',
      ].join('\n'),
    );
    expect(placement).toEqual({ operator: 'UK Mobile Ltd', agency: 'NORTHGATE CREDIT MANAGEMENT LTD' });
    const mandate = readLetterhead(
      'CABINET DE RECOUVREMENT\n12 rue Paul Vaillant-Couturier – 92300 Levallois-Perret\n\nMandant : SFR SA\nNous avons été mandatés par la société SFR pour le recouvrement de votre créance.\n',
    );
    expect(mandate).toEqual({ operator: 'SFR', agency: 'CABINET DE RECOUVREMENT' });
  });
});

// Issue 16, defect 9: SFR prints its customer-service address on one line at the foot of its bills.
describe('readLetterhead: a one-line service address', () => {
  it('splits it on " - " into the address lines, from the foot of the text', () => {
    const bill = [
      'SFR                                                              Facture N° 2510774312',
      'M. Karim Benali                                                  Ligne SFR : 06 12 48 90 31',
      '',
      'Montant à payer                                                         19,99 € TTC',
      '',
      'Service Clients SFR - TSA 30103 - 69947 LYON CEDEX 20',
      'SFR - SA au capital de 3 423 265 598,40 € - RCS Paris 343 059 564',
    ].join('\n');
    expect(readLetterhead(bill)).toEqual({
      operator: 'SFR',
      address: { service: 'customer', lines: ['Service Clients SFR', 'TSA 30103', '69947 LYON CEDEX 20'] },
    });
  });

  it('keeps a line whose dash is part of a name, and ignores a termination department', () => {
    expect(readLetterhead('SFR\nService Résiliation - TSA 70134 - 69947 Lyon Cedex 20\n').address).toBeUndefined();
    const head = readLetterhead(
      'INTRUM\nService Recouvrement\n97 allée Alexandre Borodine\n69800 Saint-Priest\n\nCréancier : ORANGE SA\n',
    );
    expect(head).toEqual({ operator: 'ORANGE SA', agency: 'Intrum' });
  });
});
