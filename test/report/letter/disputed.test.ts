/**
 * The amount in dispute when several findings point at one sum: each sum counted once, the fees
 * said apart. The documents and the findings' evidence are those the rules report on the dossiers
 * named in each case (fixtures/dossiers, fixtures/letters), whose wording follows Lowell's "Notice
 * of outstanding balance" layout, Intrum's mise en demeure of a Sosh bill and SFR's letters (see
 * their expectations.json and fixtures/letters/README.md); the expected sums are worked out by
 * hand from those documents, in each case's comment.
 */
import { describe, expect, it } from 'vitest';
import type { AmountStyle, DocumentKind } from '../../../src/model/document.js';
import type { EvidenceValue, Finding } from '../../../src/model/finding.js';
import { Money } from '../../../src/model/money.js';
import type { DisputedSource } from '../../../src/report/letter/disputed.js';
import { disputedAmounts } from '../../../src/report/letter/disputed.js';

const POUNDS: AmountStyle = { decimalSeparator: '.', groupSeparator: ',', currencySymbol: '£', symbolBefore: true };
const EUROS: AmountStyle = { decimalSeparator: ',', groupSeparator: ' ', currencySymbol: '€', symbolBefore: false };

let nextLine = 2;

function finding(ruleId: string, evidence: Record<string, EvidenceValue>, messageId?: string): Finding {
  return {
    ruleId,
    ...(messageId === undefined ? {} : { messageId }),
    severity: 'warning',
    message: 'unused by the amount in dispute',
    file: 'dossier',
    line: 1,
    evidence: Object.assign(Object.create(null) as Record<string, EvidenceValue>, evidence),
  };
}

function source(
  kind: DocumentKind,
  id: string | undefined,
  amount: string,
  findings: Finding[],
  references: string[] = [],
  currency = 'GBP',
): DisputedSource {
  return {
    key: `dossier:${nextLine++}`,
    kind,
    ...(id === undefined ? {} : { id }),
    amount: Money.parse(amount),
    currency,
    style: currency === 'GBP' ? POUNDS : EUROS,
    findings,
    references,
  };
}

/** "£61.50 (debt) + £7.50 (on-top)": what the letter says, in order. */
function said(named: DisputedSource[]): string[] {
  return disputedAmounts(named).map((amount) => `${amount.text} (${amount.part})`);
}

describe('the amount in dispute, each sum once', () => {
  it('writes the sum as the document it comes from writes it (tryout 7: "0,01 EUR" for the notice\'s "0,01 €")', () => {
    // Tryout 7's dossier A (a helper's, from SFR's public bill layout): the blank bill writes
    // "0,00 EUR T.T.C.", the mise en demeure "0,01 €". The sum in dispute is the notice's 0,01, so it is written as the notice writes it.
    const bill: DisputedSource = {
      ...source('invoice', '1091762601', '0.00', [finding('blank-invoice', {})], [], 'EUR'),
      style: { decimalSeparator: ',', groupSeparator: ' ', currencySymbol: 'EUR', symbolBefore: false },
    };
    const notice = source(
      'dunning',
      undefined,
      '0.01',
      [finding('dunning-for-blank-invoice', { invoiceId: '1091762601' })],
      ['1091762601'],
      'EUR',
    );
    expect(said([bill, notice])).toEqual(['0,01 € (debt)']);
  });

  it('a demand while in credit, with a mismatch and a fee: the covered bill once, the fee apart', () => {
    // fixtures/dossiers/en-uk-lowell-fee-in-balance: Lowell's £93.00 = TH-100232 £61.50 (cancelled
    // by CN-55120) + TH-100233 £24.00 (owed) + Late Payment Fee £7.50. In dispute: the £61.50 the
    // credit note covers, plus the £7.50 fee; the £24.00 is owed. The mismatch's £61.50 excess is
    // that same covered bill, not a second sum.
    const letter = source(
      'dunning',
      '41229087',
      '93.00',
      [
        finding('collection-fee-charged', { line: 1, description: 'Late Payment Fee', amount: '7.50' }, 'feeCharged'),
        finding(
          'dunning-amount-mismatch',
          {
            demanded: '93.00',
            fees: '7.50',
            debt: '85.50',
            owed: '24.00',
            difference: '61.50',
            invoices: ['TH-100232', 'TH-100233'],
          },
          'debtDemandsMore',
        ),
        finding(
          'dunning-while-in-credit',
          {
            billed: '61.50',
            credited: '61.50',
            coveredBy: ['CN-55120'],
            coveredInvoices: ['TH-100232'],
            references: ['TH-100232', 'TH-100233'],
          },
          'partlyCovered',
        ),
      ],
      ['TH-100232', 'TH-100233'],
    );
    const invoices = [
      source('invoice', 'TH-100232', '61.50', []),
      source('invoice', 'TH-100233', '24.00', []),
      source('credit-note', 'CN-55120', '-61.50', []),
    ];
    expect(said([...invoices, letter])).toEqual(['£61.50 (debt)', '£7.50 (on-top)']);
  });

  it('a debt buyer’s £69.00 for one bill a credit note cancelled: £61.50, plus the £7.50 fee', () => {
    // The tryout's dossier: "Invoice TH-200412 £61.50, Collection costs £7.50, Balance outstanding
    // £69.00", the bill cancelled by CN-66021. The fee is not counted into the debt.
    const letter = source(
      'dunning',
      '51338201',
      '69.00',
      [
        finding('collection-fee-charged', { line: 1, description: 'Collection costs', amount: '7.50' }, 'feeCharged'),
        finding(
          'dunning-while-in-credit',
          { billed: '61.50', credited: '61.50', coveredBy: ['CN-66021'], references: ['TH-200412'] },
          'covered',
        ),
      ],
      ['TH-200412'],
    );
    expect(said([source('invoice', 'TH-200412', '61.50', []), letter])).toEqual(['£61.50 (debt)', '£7.50 (on-top)']);
  });

  it('a demand beyond what is owed, with its fees: the excess and the fees, both', () => {
    // The same letter when CN-66021 credits only £30.00 of the £61.50: £31.50 is owed, the letter
    // claims £61.50 for the debt (£30.00 too much, measured without the fees) and £7.50 of fees.
    const letter = source(
      'dunning',
      '51338201',
      '69.00',
      [
        finding('collection-fee-charged', { line: 1, description: 'Collection costs', amount: '7.50' }, 'feeCharged'),
        finding(
          'dunning-amount-mismatch',
          { demanded: '69.00', fees: '7.50', debt: '61.50', owed: '31.50', difference: '30.00' },
          'debtDemandsMore',
        ),
      ],
      ['TH-200412'],
    );
    expect(said([source('invoice', 'TH-200412', '61.50', []), letter])).toEqual(['£37.50 (on-top)']);
  });

  it('a blank bill, a 0,01 € reminder and a trivial-amount finding: 0,01 € once, the agency’s fees apart', () => {
    // fixtures/letters/fr-sosh-intrum-frais: the blank Sosh bill F2410-0012346 (0,00 €), then
    // Intrum's mise en demeure of 12,01 € = 0,01 € of principal + 12,00 € of "Frais de
    // recouvrement"; the reminder before it claimed the 0,01 € alone.
    const blank = source('invoice', 'F2410-0012346', '0.00', [finding('blank-invoice', {})], [], 'EUR');
    const reminder = source(
      'dunning',
      'R-0012',
      '0.01',
      [
        finding('dunning-for-blank-invoice', { invoices: ['F2410-0012346'] }),
        finding('dunning-trivial-amount', { amount: '0.01' }),
      ],
      ['F2410-0012346'],
      'EUR',
    );
    const notice = source(
      'dunning',
      '7734129055',
      '12.01',
      [
        finding('collection-fee-charged', { line: 1, description: 'Frais de recouvrement', amount: '12.00' }),
        finding('dunning-for-blank-invoice', { invoices: ['F2410-0012346'] }),
        finding('dunning-trivial-amount', { amount: '0.01' }),
      ],
      ['F2410-0012346'],
      'EUR',
    );
    expect(said([blank, reminder, notice])).toEqual(['0,01 € (debt)', '12,00 € (on-top)']);
  });

  it('a bill after the termination, its reminder and an agency’s fee: the bill once, the fee apart', () => {
    // fixtures/letters/fr-relance-puis-agence: SFR's June bill 2406551208 (89,99 €) after the
    // termination, SFR's reminder for it, then the agency's 129,99 € with a 40,00 € fee line.
    const bill = source(
      'invoice',
      '2406551208',
      '89.99',
      [finding('billed-after-termination', { daysAfter: 19 })],
      [],
      'EUR',
    );
    const reminder = source('dunning', 'RL-0624', '89.99', [], ['2406551208'], 'EUR');
    const notice = source(
      'dunning',
      'FCX/2024/120457',
      '129.99',
      [finding('collection-fee-charged', { line: 1, description: 'Frais de recouvrement', amount: '40.00' })],
      ['2406551208'],
      'EUR',
    );
    expect(said([bill, reminder, notice])).toEqual(['89,99 € (debt)', '40,00 € (on-top)']);
  });

  it('the same with the fee unseen as a line: the excess the mismatch measures is said apart once', () => {
    // The agency's letter as it is read in that dossier: no fee line, "129,99 €" against the 89,99 € owed.
    const bill = source(
      'invoice',
      '2406551208',
      '89.99',
      [finding('billed-after-termination', { daysAfter: 19 })],
      [],
      'EUR',
    );
    const notice = source(
      'dunning',
      'FCX/2024/120457',
      '129.99',
      [
        finding(
          'dunning-amount-mismatch',
          { demanded: '129.99', owed: '89.99', difference: '40.00', invoices: ['2406551208'] },
          'demandsMore',
        ),
      ],
      ['2406551208'],
      'EUR',
    );
    expect(said([bill, notice])).toEqual(['89,99 € (debt)', '40,00 € (on-top)']);
  });
});
