/**
 * Credit notes read with their amount and the bill they credit (tryout 8): a UK credit note's
 * "Total credited" (fixtures/dossiers/en-uk-ee-credit-note-then-final-demand), a French credit
 * note's "Facture concernée :" (the avoir of fixtures/dossiers/fr-red-avoir-annonce-email), and a
 * warning when no amount of a credit note could be read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import type { ParseEvent } from '../../../src/model/input.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const EE_CREDIT_NOTE = readFileSync(
  new URL('../../../fixtures/dossiers/en-uk-ee-credit-note-then-final-demand/02-credit-note.txt', import.meta.url),
  'utf8',
);

function documentOf(events: readonly ParseEvent[]): BillingDocument {
  const event = events.find((candidate) => candidate.type === 'document');
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(events)}`);
  return event.document;
}

const warnings = (events: readonly ParseEvent[]): string[] =>
  events.flatMap((event) => (event.type === 'notice' && event.level === 'warning' ? [event.code] : []));

describe('UK credit notes', () => {
  it.each(['Total credited', 'Amount credited', 'Credit note total', 'Total credit'])(
    'reads the total labelled "%s"',
    (label) => {
      const events = parseTextDocument(EE_CREDIT_NOTE.replace('Total credited', label), 'credit-note.txt', {});
      const doc = documentOf(events);
      expect(doc).toMatchObject({ kind: 'credit-note', id: 'CN-EE-0927-1130', references: ['EE-1409-883201'] });
      expect(doc.total?.toFixed(2)).toBe('24.00');
      expect(warnings(events)).not.toContain('credit-amount-unread');
    },
  );

  it('warns when no amount of the credit note was read', () => {
    const events = parseTextDocument(EE_CREDIT_NOTE.replace('Total credited', 'Credit summary'), 'credit-note.txt', {});
    expect(documentOf(events)).toMatchObject({ kind: 'credit-note', total: undefined });
    expect(warnings(events)).toContain('credit-amount-unread');
  });
});

describe('the bill a French credit note names', () => {
  const avoir = (label: string): string =>
    `AVOIR\n\nAvoir n° AV-RED-0826-0091 du 18/08/2026\nNuméro de client : 92 7731 5540\n${label} : RED-0826-77120\nMontant de l'avoir : 29,99 €\n`;

  it.each(['Facture concernée', 'Facture initiale', 'Facture de référence', 'Facture rectifiée', 'Facture annulée'])(
    'is read from "%s :" as its reference, never its own number',
    (label) => {
      const doc = documentOf(parseTextDocument(avoir(label), 'avoir.txt', {}));
      expect(doc).toMatchObject({ kind: 'credit-note', id: 'AV-RED-0826-0091', references: ['RED-0826-77120'] });
    },
  );
});
