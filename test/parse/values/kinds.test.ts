import { describe, expect, it } from 'vitest';
import { documentKindFrom } from '../../../src/parse/values/kinds.js';

describe('documentKindFrom', () => {
  it.each([
    [
      'invoice',
      [
        'Facture',
        'FACTURE',
        'facture mensuelle',
        'Invoice',
        'Bill',
        'Rechnung',
        'factuur',
        'Factures',
        'Facture n° F-2024-0311',
      ],
    ],
    [
      'credit-note',
      [
        'Avoir',
        'facture d’avoir',
        "Facture d'avoir",
        'Credit note',
        'Credit memo',
        'Refund',
        'Remboursement',
        'Gutschrift',
        'creditnota',
        'Note de crédit',
        'Avoirs',
      ],
    ],
    [
      'dunning',
      [
        'Relance',
        'Rappel',
        'Mise en demeure',
        'MISE EN DEMEURE DE PAYER',
        'Lettre de relance',
        'Reminder',
        'Payment reminder',
        'Dunning',
        'Final notice',
        'Formal notice',
        'Mahnung',
        'Zahlungserinnerung',
        'aanmaning',
        'herinnering',
        'rappel de facture',
        'Relance facture impayée',
      ],
    ],
    [
      'payment',
      [
        'Paiement',
        'Règlement',
        'reglement',
        'Prélèvement',
        'Virement',
        'Payment',
        'Zahlung',
        'betaling',
        'Paiement facture F-123',
      ],
    ],
    [
      'termination',
      [
        'Résiliation',
        'resiliation',
        'Confirmation de résiliation',
        'Termination',
        'Cancellation',
        'Fin de contrat',
        'Kündigung',
        'opzegging',
      ],
    ],
  ] as const)('reads %s labels', (kind, labels) => {
    for (const label of labels) expect(documentKindFrom(label), label).toBe(kind);
  });

  it('reads a credit note even when the label also says facture', () => {
    expect(documentKindFrom("Facture d'avoir n° AV-2024-001")).toBe('credit-note');
  });

  it('reads the titles of UK collection letters as dunning letters (a tryout export said "Final Demand")', () => {
    for (const title of ['Final Demand', 'Letter Before Action', 'Demand for payment', 'Default notice']) {
      expect(documentKindFrom(title), title).toBe('dunning');
    }
  });

  it('reads a reminder about an invoice as a dunning letter', () => {
    expect(documentKindFrom('Rappel de facture')).toBe('dunning');
    expect(documentKindFrom('Invoice reminder')).toBe('dunning');
  });

  it('reads an invoice for termination fees as an invoice, not as the termination', () => {
    expect(documentKindFrom('Facture de résiliation')).toBe('invoice');
  });

  it('matches whole words only', () => {
    expect(documentKindFrom('Billing address')).toBe(undefined);
    expect(documentKindFrom('Avoirdupois')).toBe(undefined);
    expect(documentKindFrom('Rappelé')).toBe(undefined);
    expect(documentKindFrom('Facturation')).toBe(undefined);
  });

  it('returns undefined for labels that name no kind', () => {
    for (const label of ['', '   ', '—', 'Devis', 'Quote', 'Consommation', 'Abonnement mobile']) {
      expect(documentKindFrom(label), label).toBe(undefined);
    }
  });

  it('reads only the head of a megabyte-long label', () => {
    // A title is short: a kind word buried a megabyte deep is no title, and is never reached.
    expect(documentKindFrom('x '.repeat(500_000) + 'facture')).toBe(undefined);
    expect(documentKindFrom('Facture ' + 'x '.repeat(500_000))).toBe('invoice');
  });
});

describe('Polish wording', () => {
  it.each([
    ['Faktura VAT', 'invoice'],
    ['Faktura korygująca', 'credit-note'],
    ['Wezwanie do zapłaty', 'dunning'],
    ['Wypowiedzenie umowy', 'termination'],
  ] as const)('%s is a %s', (label, kind) => {
    expect(documentKindFrom(label)).toBe(kind);
  });

  it('reads "Credit" alone as a credit note, not inside a payment label', () => {
    expect(documentKindFrom('Credit')).toBe('credit-note');
    expect(documentKindFrom('CREDITS')).toBe('credit-note');
    expect(documentKindFrom('Paiement par carte de crédit')).toBe('payment');
  });
});
