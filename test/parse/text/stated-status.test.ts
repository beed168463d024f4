/**
 * A bill that says it is settled (issue 13): Free's "Réglée par prélèvement" under its total, as
 * the fixture fixtures/dossiers/fr-free-relance-facture-prelevee follows. The reader marks it paid
 * and says so; an announced debit ("Montant prélevé le …", "sera prélevée") is no payment.
 */
import { describe, expect, it } from 'vitest';
import type { ParseEvent } from '../../../src/model/input.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';
import { frenchReaderText } from '../../../src/i18n/fr/reader.js';

const FREE_BILL = [
  'Free',
  '  Numéro de ligne       Identifiant',
  '  09 54 12 34 56        34567812',
  '',
  '  Facture n° 2403987654 du 02/03/2024',
  '',
  '  Total facture                                      33.32       6.67             39.99',
  '',
];

function events(text: string): ParseEvent[] {
  return parseTextDocument(text, 'facture.txt', {});
}

function statusOf(text: string): string | undefined {
  const [event] = events(text);
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document.status;
}

describe('a status the bill states', () => {
  it('reads "Réglée par prélèvement" as paid, with a notice naming the line', () => {
    const text = [...FREE_BILL, '  Réglée par prélèvement', '  Montant prélevé le 07/03/2024 : 39.99 Euros'].join('\n');
    const [document, notice] = events(text);
    expect(document).toMatchObject({ type: 'document', document: { kind: 'invoice', status: 'paid' } });
    expect(notice).toMatchObject({ type: 'notice', code: 'status-from-text', level: 'info', line: 9 });
    expect(notice?.type === 'notice' ? notice.message : '').toContain('Réglée par prélèvement');
  });

  it('says so in French in a French report', () => {
    const [, notice] = events([...FREE_BILL, 'Paid in full, thank you'].join('\n'));
    expect(frenchReaderText(notice?.type === 'notice' ? notice.message : '')).toBe(
      'lue comme payée : la facture indique « Paid in full »',
    );
  });

  it('reads other settled statements in French, English and German', () => {
    expect(statusOf([...FREE_BILL, 'Facture acquittée'].join('\n'))).toBe('paid');
    expect(statusOf([...FREE_BILL, 'This bill has been PAID BY DIRECT DEBIT.'].join('\n'))).toBe('paid');
    expect(statusOf([...FREE_BILL, 'Der Betrag wurde per Lastschrift bezahlt.'].join('\n'))).toBe('paid');
  });

  it('does not take a request to pay, or a deadline, for a payment (review)', () => {
    expect(statusOf([...FREE_BILL, 'Please make sure this bill is paid in full by 20 May 2024.'].join('\n'))).toBe(
      undefined,
    );
    expect(statusOf([...FREE_BILL, 'Facture payée avant le 20/05/2024 au plus tard'].join('\n'))).toBe(undefined);
    expect(statusOf([...FREE_BILL, 'Merci de veiller à ce que la facture réglée soit jointe'].join('\n'))).toBe(
      undefined,
    );
    // The statement itself still reads as one, whatever follows it.
    expect(statusOf([...FREE_BILL, 'This bill has been paid in full, thank you.'].join('\n'))).toBe('paid');
  });

  it('does not take an announced or denied payment for one', () => {
    const plain = events([...FREE_BILL, '  Montant prélevé le 07/03/2024 : 39.99 Euros'].join('\n'));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatchObject({ document: { dueDate: '2024-03-07' } });
    expect(statusOf([...FREE_BILL, 'Cette facture sera réglée par prélèvement le 07/03/2024.'].join('\n'))).toBe(
      undefined,
    );
    expect(statusOf([...FREE_BILL, 'Facture non réglée'].join('\n'))).toBe(undefined);
    // A bill recalls the one before it: that one was settled, not this one.
    expect(statusOf([...FREE_BILL, 'Votre facture précédente, réglée par prélèvement le 07/02/2024'].join('\n'))).toBe(
      undefined,
    );
    expect(statusOf([...FREE_BILL, 'Previous bill: paid in full, thank you'].join('\n'))).toBe(undefined);
    expect(statusOf([...FREE_BILL, 'Facture réglée : non'].join('\n'))).toBe(undefined);
    expect(statusOf([...FREE_BILL, 'Your bill will be paid by Direct Debit on 7 March.'].join('\n'))).toBe(undefined);
  });

  it('never gives a letter the status of the bill it quotes', () => {
    const letter = [
      'Paris, le 25 mars 2024',
      'Objet : Relance',
      'Sauf erreur de notre part, votre facture n° 2403987654 reste impayée.',
      'Si votre facture réglée par prélèvement a été rejetée, merci de régler 39,99 €.',
    ].join('\n');
    const [event] = events(letter);
    expect(event).toMatchObject({ type: 'document', document: { kind: 'dunning' } });
    expect(event?.type === 'document' ? event.document.status : 'none').toBe(undefined);
  });

  it('dates a credit note by "Avoir n° … du …"', () => {
    const [event] = events(
      "Free\nAVOIR n° AV2403001122 du 15/03/2024\nFacture d'origine : 2403987654\nMontant de l'avoir TTC   39,99 €\n",
    );
    expect(event).toMatchObject({
      document: { kind: 'credit-note', id: 'AV2403001122', issueDate: '2024-03-15', references: ['2403987654'] },
    });
  });
});
