/**
 * A text bill whose amounts name no currency (issue 13): pounds when it names a UK line or a UK
 * postcode, said in a notice with the evidence; else euros marked as a guess, which adopts the
 * account's stated currency and is never a currency-mismatch. A currency the text states wins.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { BillingDocument } from '../../../src/model/document.js';
import type { ParseEvent } from '../../../src/model/input.js';
import type { Finding } from '../../../src/model/finding.js';
import { readerText } from '../../../src/i18n/reader.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';
import currencyMismatch from '../../../src/rules/currency-mismatch.js';
import { doc } from '../../helpers/builder.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/text/currency/${name}`, import.meta.url)), 'utf8');
const BARE = fixture('three-credit-note-bare.txt');
const POUNDS = fixture('three-credit-note-pounds.txt');

const parse = (text: string): ParseEvent[] => parseTextDocument(text, 'note.txt', {});
const documentOf = (events: readonly ParseEvent[]): BillingDocument => {
  const found = events.find((event) => event.type === 'document');
  if (found?.type !== 'document') throw new Error('expected a document');
  return found.document;
};
const currencyNotices = (events: readonly ParseEvent[]): string[] =>
  events.flatMap((event) => (event.type === 'notice' && event.code === 'currency' ? [event.message] : []));

/** A French bill with bare amounts and no British sign (wording of Bouygues Telecom's bills). */
const FRENCH_BARE = [
  'FACTURE',
  'Numéro de facture : FB-2024-0911',
  'Date de facture : 05/09/2024',
  'Numéro client : 1.23456789',
  'Total HT      25,00',
  'TVA 20 %       5,00',
  'Total TTC     30,00',
].join('\n');
const FRENCH_EUROS = FRENCH_BARE.replace('Total TTC     30,00', 'Total TTC     30,00 €');

describe('the currency of a text that names none', () => {
  it('is pounds from a UK postcode, and a notice says from what', () => {
    const events = parse(BARE);
    const note = documentOf(events);
    expect([note.currency, note.currencyGuessed]).toEqual(['GBP', undefined]);
    expect(currencyNotices(events)).toEqual([
      'the amounts name no currency: read as pounds (GBP), from the text: the text names a UK postcode (RG2 6GF)',
    ]);
  });

  it('is pounds from a UK mobile number when no postcode is written', () => {
    const events = parse(BARE.replace('Hutchison 3G UK Limited, Reading RG2 6GF', 'Hutchison 3G UK Limited'));
    expect(documentOf(events).currency).toBe('GBP');
    expect(currencyNotices(events)).toEqual([
      'the amounts name no currency: read as pounds (GBP), from the text: the text names a UK line (07700 900461)',
    ]);
  });

  it('says the evidence in French too', () => {
    const [message] = currencyNotices(parse(BARE));
    expect(readerText(message ?? '', 'fr')).toBe(
      'les montants ne nomment aucune devise : lus en livres (GBP), d’après le texte : ' +
        'il nomme un code postal britannique (RG2 6GF)',
    );
  });

  it('is the one the text states, without a notice', () => {
    const pounds = parse(POUNDS);
    expect([documentOf(pounds).currency, documentOf(pounds).currencyGuessed]).toEqual(['GBP', undefined]);
    expect(currencyNotices(pounds)).toEqual([]);
    const euros = parse(FRENCH_EUROS);
    expect([documentOf(euros).currency, documentOf(euros).currencyGuessed]).toEqual(['EUR', undefined]);
    expect(currencyNotices(euros)).toEqual([]);
  });

  it('is euros marked as a guess when nothing points elsewhere', () => {
    const events = parse(FRENCH_BARE);
    expect([documentOf(events).currency, documentOf(events).currencyGuessed]).toEqual(['EUR', true]);
    expect(currencyNotices(events)).toEqual([]);
  });
});

describe('a guessed text currency on an account that states another', () => {
  const run = (docs: readonly BillingDocument[]): Finding[] => {
    const engine = new Engine({
      rules: [{ rule: currencyMismatch, severity: 'warning', options: {} }],
      today: '2024-12-31',
    });
    for (const document of docs) engine.addDocument(document);
    return engine.finish();
  };
  const poundBill = doc({
    id: 'FB-2024-0811',
    account: '1.23456789',
    issueDate: '2024-08-05',
    total: '30.00',
    currency: 'GBP',
  });

  it('adopts the stated currency: no currency-mismatch', () => {
    expect(run([poundBill, documentOf(parse(FRENCH_BARE))])).toEqual([]);
  });

  it('leaves a stated EUR against a stated GBP a mismatch', () => {
    const findings = run([poundBill, documentOf(parse(FRENCH_EUROS))]);
    expect(findings.map((finding) => [finding.ruleId, finding.documentId])).toEqual([
      ['currency-mismatch', 'FB-2024-0911'],
    ]);
  });
});
