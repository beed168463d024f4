import { describe, expect, it } from 'vitest';
import { documentKindFrom, dunningTitleFrom } from '../../../src/parse/values/kinds.js';

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

  it("reads agencies' titles as dunning letters, with no rank of their own (issue 13: Lowell, EOS)", () => {
    for (const title of [
      'Notice of outstanding balance',
      'Notice of default',
      'Zahlungsaufforderung',
      'Forderungsaufstellung',
    ]) {
      expect(documentKindFrom(title), title).toBe('dunning');
      expect(dunningTitleFrom(title), title).toBeUndefined();
    }
    expect(documentKindFrom('Notice of price change')).toBeUndefined();
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

/**
 * Titles as operators and agencies print them: Orange's and SFR's "Relance", agencies' "Mise en
 * demeure de payer" (fixtures/letters/fr-relance-puis-agence), UK agencies' "Final Demand" and
 * "Final Notice" (Citizens Advice's debt letter guide), German "Letzte Mahnung".
 */
describe('dunningTitleFrom', () => {
  it.each([
    [
      'reminder',
      ['Relance', 'Relance facture impayée', 'Rappel', 'Reminder', 'Payment reminder', '2. Mahnung', 'Relances'],
    ],
    ['final-reminder', ['Dernière relance', 'DERNIER RAPPEL', 'Final reminder', 'Letzte Mahnung', 'laatste aanmaning']],
    ['final-notice', ['Final notice', 'FINAL NOTICE BEFORE FURTHER ACTION', 'Dernier avis avant recouvrement']],
    ['final-demand', ['Final Demand', 'FINAL DEMAND']],
    ['formal-notice', ['Mise en demeure', 'MISE EN DEMEURE DE PAYER', 'Formal notice', 'Sommation de payer']],
    ['letter-before-action', ['Letter Before Action', 'Letter before claim']],
  ] as const)('reads %s titles', (title, labels) => {
    for (const label of labels) expect(dunningTitleFrom(label), label).toBe(title);
  });

  it('takes the phrase that comes first: a last reminder before a formal notice is no formal notice', () => {
    expect(dunningTitleFrom('Dernière relance avant mise en demeure')).toBe('final-reminder');
    expect(dunningTitleFrom('Relance avant mise en demeure')).toBe('reminder');
    expect(dunningTitleFrom('Mise en demeure avant poursuites')).toBe('formal-notice');
    expect(dunningTitleFrom('Avis de mise en demeure')).toBe('formal-notice');
  });

  it('names no title for a dunning letter of no known rank, nor for other documents', () => {
    for (const label of ['Dunning', 'Default notice', 'Demand for payment', 'Facture', 'Avoir', 'Rappelé', '']) {
      expect(dunningTitleFrom(label), label).toBe(undefined);
    }
  });
});
