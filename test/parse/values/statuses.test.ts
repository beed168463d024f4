import { describe, expect, it } from 'vitest';
import { statusFrom } from '../../../src/parse/values/statuses.js';

describe('statusFrom', () => {
  it('reads paid, unpaid and overdue in French, English, German and Dutch', () => {
    const cases: [string, string][] = [
      ['Payée', 'paid'],
      ['Réglée', 'paid'],
      ['Paid', 'paid'],
      ['bezahlt', 'paid'],
      ['Betaald', 'paid'],
      ['Impayée', 'unpaid'],
      ['À payer', 'unpaid'],
      ['Unpaid', 'unpaid'],
      ['Due', 'unpaid'],
      ['offen', 'unpaid'],
      ['Openstaand', 'unpaid'],
      ['En retard', 'overdue'],
      ['Échue', 'overdue'],
      ['Overdue', 'overdue'],
      ['Past due', 'overdue'],
      ['überfällig', 'overdue'],
      ['Achterstallig', 'overdue'],
    ];
    for (const [cell, status] of cases) expect(statusFrom(cell), cell).toBe(status);
  });

  it('knows no status in other words, in long texts or in amounts', () => {
    for (const cell of [
      'Facture',
      'Payée par carte le 05/01/2024 au guichet de la boutique',
      '12,00',
      '',
      'Paid in part',
    ])
      expect(statusFrom(cell), cell).toBeUndefined();
  });
});
