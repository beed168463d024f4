/**
 * A bare "Mobile" label before an address is no account (tryout 6): Orange's bills print where to
 * write as "Pour nous écrire : Orange - service clients Mobile - 41965 BLOIS CEDEX 9", and the
 * postcode became an alias of the customer ("customer 41965 named beside it").
 */
import { describe, expect, it } from 'vitest';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const ORANGE_HEAD = [
  'orange',
  'Orange SA - 111 quai du Président Roosevelt 92130 Issy-les-Moulineaux',
  'Pour nous écrire : Orange - service clients Mobile - 41965 BLOIS CEDEX 9',
  '',
  'facture n° FM0926-4415811                          date de facture : 05/09/2026',
  'numéro de contrat : 9900012456                     ligne : 06 72 55 18 04',
  '',
  'total HT          27,49 €',
  'TVA 20 %           5,50 €',
  'total TTC         32,99 €',
];

const documentOf = (lines: readonly string[]) => {
  const event = parseTextDocument(lines.join('\n'), 'facture.txt', {})[0];
  if (event?.type !== 'document') throw new Error('expected a document');
  return event.document;
};

describe('a postcode after a bare line label', () => {
  it('is an address: the contract and the line are the only identifiers', () => {
    const doc = documentOf(ORANGE_HEAD);
    expect(doc.account).toBe('9900012456');
    expect(doc.accountAliases ?? []).toEqual(['0672551804']);
  });

  it('still lets a bare label read a line number', () => {
    const doc = documentOf(
      ORANGE_HEAD.map((line) => line.replace('Mobile - 41965 BLOIS CEDEX 9', 'Mobile : 06 11 22 33 44')),
    );
    expect(doc.accountAliases).toContain('0611223344');
  });
});
