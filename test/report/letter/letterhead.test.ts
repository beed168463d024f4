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
    expect(head).toEqual({ operator: 'SFR' });
  });

  it("takes a British agency's original creditor", () => {
    const head = readLetterhead(
      'Lowell Financial Ltd\nNo. 1 The Square, Leeds LS1 4XX\n\nOriginal creditor: Vodafone Limited\n\nFINAL NOTICE BEFORE FURTHER ACTION\n',
    );
    expect(head).toEqual({ operator: 'Vodafone' });
  });

  it("takes a bill's brand from its first cell and a mail's from its sender", () => {
    expect(readLetterhead('SFR                          Facture N° 2406551208\n').operator).toBe('SFR');
    expect(readLetterhead('De : SFR Service Client <ne-pas-repondre@sfr.fr>\nObjet : Relance\n').operator).toBe('SFR');
    expect(readLetterhead('From: Orange <noreply@orange.fr>\n').operator).toBe('Orange');
  });

  it('takes an unknown sender named above its postal address', () => {
    expect(readLetterhead('TelPro Services\n12 avenue de la Gare\n21000 Dijon\n').operator).toBe('TelPro Services');
  });

  it("never takes the customer's block, an agency without a client, or a brand inside a sentence", () => {
    expect(readLetterhead('Madame Sophie Lambert\n21 rue Nationale\n37000 Tours\n')).toEqual({});
    expect(readLetterhead('CABINET RECOUVRA\n18 rue de la Chaussée d’Antin\n75009 Paris\n')).toEqual({});
    expect(readLetterhead('Bonjour,\n\nVotre offre Free est résiliée.\nMerci de votre confiance.\n')).toEqual({});
  });

  it('keeps control characters of the input out of the names', () => {
    const head = readLetterhead('Mandant : Evil\u001b[2J Corp\n');
    expect(head.operator).not.toMatch(/\u001b/);
  });
});
