/**
 * A direct-debit notice announces a debit to come (SEPA pre-notification): no payment. Naming a bill,
 * it is one more source of that bill, as an e-mail announcing a bill is; naming none, it is set aside,
 * counted and said (tryout 8, fixtures/text/free-avis-de-prelevement.txt).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SkippedPart } from '../../../src/model/input.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const NOTICE = readFileSync(new URL('../../../fixtures/text/free-avis-de-prelevement.txt', import.meta.url), 'utf8');
const NAMING_NO_BILL = NOTICE.replace('le montant de votre facture n° FM-2611-5510293 du 01/11/2026', 'un montant');

describe('direct-debit notices', () => {
  it('is the bill it names, with its number, date and amount, never a payment', () => {
    const events = parseTextDocument(NOTICE, 'avis.txt', {});
    const doc = events.find((event) => event.type === 'document')?.document;
    expect(doc).toMatchObject({ kind: 'invoice', id: 'FM-2611-5510293', issueDate: '2026-11-01' });
    expect(doc?.total?.toFixed(2)).toBe('19.99');
  });

  it('is a payment still once the debit was made ("a été prélevé")', () => {
    const events = parseTextDocument(NOTICE.replace('sera prélevé', 'a été prélevé'), 'avis.txt', {});
    expect(events.find((event) => event.type === 'document')?.document.kind).toBe('payment');
  });

  it('is set aside with its reason, counted as skipped, when it names no bill', () => {
    const skipped: SkippedPart[] = [];
    const events = parseTextDocument(NAMING_NO_BILL, 'avis.txt', { skipped: (part) => skipped.push(part) });
    expect(events).toEqual([]);
    expect(skipped).toEqual([{ file: 'avis.txt', reason: expect.stringContaining('direct-debit notice') }]);
  });

  it('says so in a warning when no count of skipped parts is kept', () => {
    const events = parseTextDocument(NAMING_NO_BILL, 'avis.txt', {});
    expect(events).toMatchObject([{ type: 'notice', level: 'warning', code: 'debit-notice-skipped' }]);
  });
});
