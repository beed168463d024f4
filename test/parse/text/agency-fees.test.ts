/**
 * A collection letter's fees counted once (issue 13, a new user's tryout): when the letter writes the
 * sum that already holds its fees, that sum is the demand; when it writes the debt alone, the fees are
 * added. Layouts of the tryout's repros: EOS's Zahlungsaufforderung (Rechnung, Mahngebühr,
 * Inkassovergütung, Gesamtforderung) and Lowell UK's letter (the Three bills it bought, a "Late
 * Payment Fee", "Balance outstanding"). German agencies' extra lines ("Auslagen", "Kontoführung")
 * as gegen-hartz.de and inkasso.de list them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { check, resolveInputs } from '../../../src/index.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';
import { defaultCheckOptions } from '../../helpers/options.js';

function parse(text: string): BillingDocument {
  const [event] = parseTextDocument(text, 'letter.txt', {});
  if (event?.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(event)}`);
  return event.document;
}

const fees = (doc: BillingDocument) => doc.lines.map((line) => [line.description, String(line.total)]);

const EOS_HEAD =
  'EOS Deutscher Inkasso-Dienst GmbH\nHamburg, 20.05.2025\n\nZahlungsaufforderung\n\nKundennummer: 1234567890\n\n';
const EOS_BILL = 'Rechnung 900012345604 vom 03.04.2025, fällig am 17.04.2025     39,95 €\n';
const EOS_FEES =
  'Mahngebühr                                                      2,50 €\n' +
  'Inkassovergütung                                               58,50 €\n';

const lowell = (balance: string, bills = ['61.50', '24.00']): string =>
  'Lowell Financial Ltd\n\n18 November 2024\n\nAccount number: +44 7700 900461\n\nPayment reminder\n\n' +
  `Invoice TH-100232 dated 12/09/2024, originally due on 26/09/2024     £${bills[0]}\n` +
  `Invoice TH-100233 dated 12/10/2024, originally due on 26/10/2024     £${bills[1]}\n` +
  'Late Payment Fee                                                      £7.50\n\n' +
  `Balance outstanding: £${balance}\n`;

describe("a collection letter's fees", () => {
  it('takes a German agency\'s "Inkassovergütung", "Auslagen" and "Kontoführungsgebühr" for fee lines', () => {
    const letter = parse(
      `${EOS_HEAD}${EOS_BILL}${EOS_FEES}Auslagen                                                       11,70 €\n` +
        'Kontoführungsgebühr                                             3,00 €\n' +
        'Gesamtforderung                                               115,65 €\n',
    );
    expect(fees(letter)).toEqual([
      ['Mahngebühr', '2.50'],
      ['Inkassovergütung', '58.50'],
      ['Auslagen', '11.70'],
      ['Kontoführungsgebühr', '3.00'],
    ]);
    expect(String(letter.amountDue)).toBe('115.65');
  });

  it('keeps a "Gesamtforderung" that is the bill plus the fees as the demand', () => {
    const letter = parse(
      `${EOS_HEAD}${EOS_BILL}${EOS_FEES}Gesamtforderung                                               100,95 €\n`,
    );
    expect(String(letter.amountDue)).toBe('100.95');
  });

  it('keeps a "Balance outstanding" that is the listed bills plus the fee as the demand', () => {
    expect(String(parse(lowell('93.00')).amountDue)).toBe('93.00');
  });

  it('adds the fees to a figure labelled as the debt alone', () => {
    const haupt = parse(
      `${EOS_HEAD}Hauptforderung                                                 39,95 €\n${EOS_FEES}`,
    );
    expect(String(haupt.amountDue)).toBe('100.95');
    const overdue = parse(
      'Three\n\n1 November 2024\n\nFinal reminder\n\nYour bill TH-100233 remains unpaid.\n' +
        'Amount overdue: £24.00\nLate Payment Fee: £7.50\n',
    );
    expect(String(overdue.amountDue)).toBe('31.50');
  });

  it('reads "Principal" as the debt alone, the fees added to it, and a total that holds them as the demand', () => {
    // Debt purchasers set the principal apart from their fees (Lowell's FAQ lists a £7.50 Late Payment Fee
    // on phone debts; Intrum's and French agencies' letters write "Principal" / "Montant principal", as
    // Service-Public.fr F35106 asks an agency's letter to split principal and accessory sums).
    const head = 'Lowell Financial Ltd\n\n17 November 2025\n\nNotice of outstanding balance\n\n';
    const bill = 'Invoice TH-200412 dated 12/09/2025\n';
    const fee = 'Collection costs:                                                    £7.50\n';
    const principal = parse(`${head}${bill}Principal:                                        £61.50\n${fee}`);
    expect(String(principal.amountDue)).toBe('69.00');
    expect(fees(principal)).toEqual([['Collection costs', '7.50']]);
    const balance = parse(`${head}${bill}Principal balance                                 £61.50\n${fee}`);
    expect(String(balance.amountDue)).toBe('69.00');
    const total = parse(`${head}${bill}Principal:                 £61.50\n${fee}Total due:                  £69.00\n`);
    expect(String(total.amountDue)).toBe('69.00');
    const french = parse(
      'Cabinet de recouvrement\n\nLe 17/11/2025\n\nMISE EN DEMEURE\n\nFacture n° F-2412 du 12/09/2025\n' +
        'Montant principal :                              61,50 €\nFrais de recouvrement :                            7,50 €\n',
    );
    expect(String(french.amountDue)).toBe('69.00');
    // "- principal : … / Montant total dû : …": the total the letter states is its demand, not the principal.
    const detailed = parse(
      'Cabinet de recouvrement\n\nLe 03/09/2024\n\nMISE EN DEMEURE\n\nFacture n° 2406551208 du 07/06/2024\n' +
        '   - principal :                   89,99 €\n   Montant total dû :             129,99 €\n',
    );
    expect(String(detailed.amountDue)).toBe('129.99');
  });

  it('adds the fees when nothing shows the sum holds them, as before', () => {
    // 100.50 − 7.50 = 93.00 is neither written nor the listed bills' 85.50.
    expect(String(parse(lowell('100.50')).amountDue)).toBe('108.00');
  });
});

describe('dunning-amount-mismatch on agency letters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'billcheck-agency-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const OPTIONS = defaultCheckOptions('2025-01-01');

  /** The findings' rule ids and messages (quiet: false, so that warnings are reported). */
  async function findings(name: string, letter: string, bills: readonly string[]): Promise<string[][]> {
    const folder = join(dir, name);
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'bills.csv'),
      'Invoice number,Invoice date,Type,Amount,Mobile number,Status\n' +
        `TH-100232,12/09/2024,Invoice,${bills[0]},+44 7700 900461,Unpaid\n` +
        `TH-100233,12/10/2024,Invoice,${bills[1]},+44 7700 900461,Unpaid\n`,
    );
    writeFileSync(join(folder, 'letter.txt'), letter);
    const inputs = await resolveInputs([join(folder, 'bills.csv'), join(folder, 'letter.txt')], Readable.from([]));
    const { result } = await check(inputs, OPTIONS);
    return result.findings.map((finding) => [finding.ruleId, finding.message]);
  }

  async function mismatches(name: string, letter: string, bills: readonly string[]): Promise<string[]> {
    const all = await findings(name, letter, bills);
    return all.filter(([rule]) => rule === 'dunning-amount-mismatch').map(([, message]) => message ?? '');
  }

  it('finds no mismatch when the balance is the bills plus the fee', async () => {
    // The fee is flagged on its own (the rules did run), the debt matches the bills.
    const rules = (await findings('fair', lowell('93.00'), ['61.50', '24.00'])).map(([rule]) => rule);
    expect(rules).toEqual(['collection-fee-charged']);
  });

  it('still finds a letter that lists more than the bills owe', async () => {
    // The bills say £20.00 for TH-100233; the letter lists £24.00 and demands £93.00 with its £7.50 fee.
    const found = await mismatches('unfair', lowell('93.00'), ['61.50', '20.00']);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('£85.50');
    expect(found[0]).toContain('£81.50');
  });
});
