import { describe, expect, it } from 'vitest';
import { splitPages } from '../../../src/parse/pdf/documents.js';

const invoice = (id: string, date: string, total: string): string =>
  `FACTURE\nFacture n° ${id}\nDate de facture : ${date}\nTotal HT  ${total}\nTotal TTC  ${total}\n\f`;

const detail = (id: string): string => `Détail de votre facture ${id}\nForfait  19,99 €\n\f`;

const letter =
  'Lille, le 10 mars 2024\nNos références : MED-2024-031\nObjet : Mise en demeure de payer\n' +
  'votre facture n° F-2024-02-0042 du 05/02/2024 reste impayée : la somme de 0,01 €\n\f';
const letterPage2 = 'Rappel : facture n° F-2024-02-0042 du 05/02/2024, 0,01 €\nLe Service Recouvrement\n\f';

describe('splitPages', () => {
  it('keeps a bill of several pages as one document: its detail page repeats its number', () => {
    const runs = splitPages(
      [invoice('F-1', '05/03/2024', '19,99 €'), detail('F-1'), invoice('F-1', '05/03/2024', '19,99 €')],
      {},
    );
    expect(runs.map((run) => run.first)).toEqual([0]);
    expect(runs[0]?.pages).toHaveLength(3);
  });

  it('opens a document on each page that has a new number and date', () => {
    const pages = [
      invoice('F-1', '05/03/2024', '19,99 €'),
      detail('F-1'),
      invoice('F-2', '05/04/2024', '19,99 €'),
      letter,
    ];
    expect(splitPages(pages, {}).map((run) => run.first)).toEqual([0, 2, 3]);
  });

  it("keeps a letter's second page with it, though that page quotes an invoice's number and date", () => {
    expect(splitPages([letter, letterPage2], {}).map((run) => run.first)).toEqual([0]);
  });

  it('reads a cover page without a number as part of the first document', () => {
    const runs = splitPages(
      [
        'Vos factures 2024\nEspace client\n\f',
        invoice('F-1', '05/03/2024', '19,99 €'),
        invoice('F-2', '05/04/2024', '9,99 €'),
      ],
      {},
    );
    expect(runs.map((run) => run.first)).toEqual([0, 2]);
  });
});
