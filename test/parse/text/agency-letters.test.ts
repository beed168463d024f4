/**
 * Collection agencies' letters read as letters, not as the bills they quote (issue 13, a new user's
 * tryout). The texts are the tryout's minimal repros: Lowell UK's "Notice of outstanding balance"
 * (layout of Lowell's letters and FAQ: the bills bought listed with their dates and "originally due
 * on"), EOS's "Zahlungsaufforderung" (EOS Deutscher Inkasso-Dienst's claim statement: Rechnung,
 * Mahngebühr, Inkassovergütung, Gesamtforderung).
 */
import { describe, expect, it } from 'vitest';
import { FatalInputError } from '../../../src/model/input.js';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const LOWELL_HEAD = 'Lowell Financial Ltd\n\n18 November 2024\n\nAccount number: +44 7700 900461\n\n';
const LOWELL_BILLS = (word: string): string =>
  `${word} TH-100232 dated 12/09/2024, originally due on 26/09/2024     £61.50\n` +
  `${word} TH-100233 dated 12/10/2024, originally due on 26/10/2024     £24.00\n`;

const EOS =
  'EOS Deutscher Inkasso-Dienst GmbH\nHamburg, 20.05.2025\n\n{title}\n\nKundennummer: 1234567890\n\n' +
  'Rechnung 900012345604 vom 03.04.2025, fällig am 17.04.2025     39,95 €\n' +
  'Mahngebühr                                                      2,50 €\n' +
  'Inkassovergütung                                               58,50 €\n' +
  'Gesamtforderung                                               100,95 €\n';

describe('collection letters that quote bills', () => {
  it.each(['Notice of outstanding balance', 'Notice of default', 'NOTICE OF OUTSTANDING BALANCE'])(
    'reads "%s" as a dunning letter whose quoted bills are references',
    (title) => {
      const letter = parse(`${LOWELL_HEAD}${title}\n\n${LOWELL_BILLS('Invoice')}\nBalance outstanding: £93.00\n`);
      expect(letter).toMatchObject({
        kind: 'dunning',
        issueDate: '2024-11-18',
        account: '+44 7700 900461',
        references: ['TH-100232', 'TH-100233'],
      });
      expect(letter.amountDue?.toFixed(2)).toBe('93.00');
      // The quoted bills' id, date and "originally due on" are theirs, not the letter's.
      expect(letter.id).toBeUndefined();
      expect(letter.dueDate).toBeUndefined();
    },
  );

  it('takes "Bill TH-…" lines of an agency letter for the bills it is about', () => {
    const letter = parse(
      `${LOWELL_HEAD}Notice of outstanding balance\n\n${LOWELL_BILLS('Bill')}\nBalance outstanding: £93.00\n`,
    );
    expect(letter).toMatchObject({ kind: 'dunning', references: ['TH-100232', 'TH-100233'] });
    expect(letter.id).toBeUndefined();
  });

  it.each(['Zahlungsaufforderung', 'Forderungsaufstellung'])('reads a German "%s" as a dunning letter', (title) => {
    const letter = parse(EOS.replace('{title}', title));
    expect(letter).toMatchObject({
      kind: 'dunning',
      issueDate: '2025-05-20',
      account: '1234567890',
      references: ['900012345604'],
    });
    expect(letter.id).toBeUndefined();
    expect(letter.dueDate).toBeUndefined();
  });

  it('reads a "Notice of assignment" that demands payment as a dunning letter, one that only informs as none', () => {
    const bills = `${LOWELL_BILLS('Invoice')}\n`;
    const notice = `${LOWELL_HEAD}Notice of assignment\n\nThree has assigned your account to Lowell.\n\n${bills}`;
    const demanding = parse(`${notice}Balance outstanding: £85.50\nPlease pay the balance by 2 December 2024.\n`);
    expect(demanding).toMatchObject({ kind: 'dunning', references: ['TH-100232', 'TH-100233'] });
    expect(demanding.id).toBeUndefined();
    // Informing only: neither the bills it lists nor a demand; billcheck says it read no bill or letter.
    expect(() => parseTextDocument(`${notice}You do not need to do anything.\n`, 'notice.txt', {})).toThrow(
      FatalInputError,
    );
  });

  it('reads "Please pay the balance in full by …" as the letter\'s deadline (tryout 7)', () => {
    const text = `${LOWELL_HEAD}Notice of outstanding balance\n\n${LOWELL_BILLS('Invoice')}\nBalance outstanding: £93.00\n\nPlease pay the balance in full by 2 December 2024.\n`;
    expect(parse(text).dueDate).toBe('2024-12-02');
  });

  it("reads an operator's account-closure letter as a termination (tryout 7: EE's wording)", () => {
    const closure = parse(
      'Account number: 07700 900812\n25 April 2025\n\nYour EE account is closing\n\n' +
        'We can confirm that your plan on 07700 900812 will end on 30 April 2025.\n',
    );
    expect(closure).toMatchObject({ kind: 'termination', issueDate: '2025-04-25', effectiveDate: '2025-04-30' });
  });

  it('still reads an invoice that lists its own number as the invoice', () => {
    const bill = parse('INVOICE\n\nInvoice TH-100232\nDate: 12/09/2024\nTotal due: £61.50\n');
    expect(bill).toMatchObject({ kind: 'invoice', id: 'TH-100232' });
  });
});

/**
 * A French agency's letter (issue 16: tryout 7's Intrum letter, fixtures/text/intrum-total-a-regler.txt):
 * its case number, the creditor it collects for, the bill it quotes, then its demand. The head is the
 * tryout's; the labels vary as fixtures/text/agence-*.txt (see fixtures/text/README.md).
 */
const AGENCY = (
  caseLine: string,
  demand: string,
  body = 'Notre mandant Orange nous a confié le recouvrement de la créance ci-dessous :',
) =>
  'INTRUM\n97 allée Alexandre Borodine\n69795 SAINT PRIEST CEDEX\n\nSaint-Priest, le 10 septembre 2026\n\n' +
  `${caseLine}\nMandant : Orange\nRéférence client : 9876543210\n\nMadame,\n\n${body}\n\n` +
  `Facture n° 0 612 345 678 07 26 du 05/07/2026         44,99 €\n${demand}\n`;

describe('French collection agencies: the demand and the case number (issue 16)', () => {
  it.each([
    'Total à régler                                      44,99 €',
    'Total à régler : 44,99 €',
    'Solde à régler : 44,99 €',
    'Reste à régler :                                    44,99 €',
    'Montant à régler : 44,99 €',
    'Créance :                                           44,99 €',
    'Solde : 44,99 €',
  ])('reads "%s" as what the letter demands', (demand) => {
    const letter = parse(AGENCY('N° de dossier : 40771234', demand));
    expect(letter.kind).toBe('dunning');
    expect(letter.amountDue?.toFixed(2)).toBe('44.99');
    expect(letter.total?.toFixed(2)).toBe('44.99');
  });

  it('reads no demand from a credit balance: a bare "Solde" is one only with its figure right after it', () => {
    const credit = parse(AGENCY('N° de dossier : 40771234', 'Solde créditeur : 12,00 €'));
    expect(credit.amountDue).toBeUndefined();
    expect(credit.total).toBeUndefined();
  });

  it('keeps "à régler" a demand on a bill too, as "à payer" is', () => {
    const bill = parse('FACTURE\n\nFacture n° FA-2026-118\nDate de facture : 05/07/2026\nTotal à régler : 44,99 €\n');
    expect(bill).toMatchObject({ kind: 'invoice', id: 'FA-2026-118' });
    expect(bill.amountDue?.toFixed(2)).toBe('44.99');
  });

  it.each([
    'N° de dossier : 40771234',
    'Numéro de dossier : 40771234',
    'Référence dossier : 40771234',
    'Réf. dossier : 40771234',
    'N° dossier : 40771234',
    'Dossier : 40771234',
    'Dossier n° 40771234',
    'Votre dossier n° 40771234',
    'Vos références : dossier 40771234',
  ])('takes "%s" for the letter\'s own id, never the bill it claims nor the customer', (caseLine) => {
    const letter = parse(AGENCY(caseLine, 'Total à régler : 44,99 €'));
    expect(letter).toMatchObject({
      kind: 'dunning',
      id: '40771234',
      account: '9876543210',
      references: ['0 612 345 678 07 26'],
    });
    expect(letter.accountAliases ?? []).not.toContain('40771234');
  });

  it('leaves the account to the file rather than take the case number for it, when the letter names no customer', () => {
    const text = AGENCY('Dossier : 40771234', 'Total à régler : 44,99 €').replace(
      'Référence client : 9876543210\n',
      '',
    );
    const letter = parse(text);
    expect(letter.id).toBe('40771234');
    expect(letter.account).toBe('letter.txt');
    expect(letter.references).toEqual(['0 612 345 678 07 26']);
  });

  it.each([
    'Nous avons été mandatés par Bouygues Telecom pour le recouvrement de la facture ci-dessous.',
    'Votre créancier Orange nous a chargés du recouvrement de la facture ci-dessous.',
    'Nous avons été mandatés par Orange pour obtenir le paiement de la facture ci-dessous.',
  ])('reads a letter without a title that says "%s" as a dunning letter, not as the bill it quotes', (body) => {
    const letter = parse(AGENCY('Dossier : 40771234', 'Total à régler : 44,99 €', body));
    expect(letter).toMatchObject({ kind: 'dunning', id: '40771234', references: ['0 612 345 678 07 26'] });
  });
});
