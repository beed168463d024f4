import { describe, expect, it } from 'vitest';
import type { AllowanceCharge, VatBreakdown } from '../../src/model/document.js';
import { Money } from '../../src/model/money.js';
import rule from '../../src/rules/vat-breakdown-mismatch.js';
import { doc, type LineInput, runRule } from '../helpers/builder.js';

const row = (category: string, rate: string | undefined, taxableAmount: string, taxAmount: string): VatBreakdown => ({
  category,
  rate,
  taxableAmount: Money.parse(taxableAmount),
  taxAmount: Money.parse(taxAmount),
});

const eInvoice = (
  tax: string,
  vatBreakdown: VatBreakdown[],
  lines: LineInput[] = [],
  allowanceCharges: AllowanceCharge[] = [],
) => doc({ tax, lines, extra: { vatBreakdown, allowanceCharges } });

const ids = (reported: ReturnType<typeof runRule>) => reported.map((r) => `${r.messageId} ${String(r.data.en16931)}`);

describe('vat-breakdown-mismatch', () => {
  it('accepts the breakdown of ubl-tc434-example2 (two standard rates, an exempt line, an allowance and a charge)', () => {
    const lines: LineInput[] = [
      { net: '1273.00', taxCategory: 'S', taxRate: '25' },
      { net: '-3.96', taxCategory: 'S', taxRate: '25' },
      { net: '1.00', taxCategory: 'S', taxRate: '15' },
      { net: '-25.00', taxCategory: 'E', taxRate: '0' },
      { net: '191.46', taxCategory: 'S', taxRate: '25' },
    ];
    const adjustments: AllowanceCharge[] = [
      { charge: false, amount: Money.parse('100.00'), taxCategory: 'S', taxRate: '25' },
      { charge: true, amount: Money.parse('100.00'), taxCategory: 'S', taxRate: '25' },
    ];
    const breakdown = [
      row('S', '25', '1460.50', '365.13'),
      row('S', '15', '1.00', '0.15'),
      row('E', '0', '-25.00', '0.00'),
    ];
    expect(runRule(rule, [eInvoice('365.28', breakdown, lines, adjustments)])).toEqual([]);
  });

  it('reports a VAT total that is not the sum of the breakdown (BR-CO-14)', () => {
    const reported = runRule(rule, [eInvoice('300.00', [row('S', '25', '1000.00', '250.00')])]);
    expect(ids(reported)).toEqual(['taxTotalMismatch BR-CO-14']);
    expect(String(reported[0]?.data.difference)).toBe('50.00');
  });

  it('accepts less than one unit of difference on base × rate, as the UBL artefact does (BR-CO-17)', () => {
    expect(runRule(rule, [eInvoice('250.99', [row('S', '25', '1000.00', '250.99')])])).toEqual([]);
    expect(runRule(rule, [eInvoice('249.01', [row('S', '25', '1000.00', '249.01')])])).toEqual([]);
    const reported = runRule(rule, [eInvoice('251.00', [row('S', '25', '1000.00', '251.00')])]);
    expect(ids(reported)).toEqual(['rateMismatch BR-CO-17']);
    expect(String(reported[0]?.data.expected)).toBe('250.00');
  });

  it('requires a zero tax at a zero rate, rounded to the unit (BR-CO-17)', () => {
    expect(runRule(rule, [eInvoice('0.40', [row('Z', '0', '100.00', '0.40')])])).toEqual([]);
    expect(ids(runRule(rule, [eInvoice('5.00', [row('Z', '0', '100.00', '5.00')])]))).toEqual([
      'rateMismatch BR-CO-17',
    ]);
  });

  it('reports a standard-rated base that its lines do not make (BR-S-08)', () => {
    const lines: LineInput[] = [{ net: '800.00', taxCategory: 'S', taxRate: '20' }];
    const reported = runRule(rule, [eInvoice('200.00', [row('S', '20', '1000.00', '200.00')], lines)]);
    expect(ids(reported)).toEqual(['basisMismatch BR-S-08']);
    expect(String(reported[0]?.data.expected)).toBe('800.00');
  });

  it('reports a standard rate that no line or allowance bears (BR-S-08)', () => {
    const lines: LineInput[] = [{ net: '1000.00', taxCategory: 'S', taxRate: '20' }];
    const breakdown = [row('S', '20', '1000.00', '200.00'), row('S', '10', '0.00', '0.00')];
    expect(ids(runRule(rule, [eInvoice('200.00', breakdown, lines)]))).toEqual(['basisMismatch BR-S-08']);
  });

  it('holds exempt, reverse-charge, intra-community, export and not-subject bases to their lines exactly', () => {
    for (const [category, en16931] of [
      ['E', 'BR-E-08'],
      ['AE', 'BR-AE-08'],
      ['K', 'BR-IC-08'],
      ['G', 'BR-G-08'],
      ['O', 'BR-O-08'],
      ['Z', 'BR-Z-08'],
    ] as const) {
      const rate = category === 'O' ? undefined : '0';
      const lines: LineInput[] = [{ net: '100.00', taxCategory: category, taxRate: rate }];
      expect(runRule(rule, [eInvoice('0.00', [row(category, rate, '100.00', '0.00')], lines)])).toEqual([]);
      expect(ids(runRule(rule, [eInvoice('0.00', [row(category, rate, '100.01', '0.00')], lines)]))).toEqual([
        `basisMismatch ${en16931}`,
      ]);
    }
  });

  it('does not hold a category to lines when a line has no category (a Factur-X EXTENDED group line)', () => {
    const lines: LineInput[] = [{ net: '1000.00' }];
    expect(runRule(rule, [eInvoice('200.00', [row('S', '20', '1000.00', '200.00')], lines)])).toEqual([]);
  });

  it('does not hold a breakdown to lines the document was read without', () => {
    expect(runRule(rule, [eInvoice('200.00', [row('S', '20', '1000.00', '200.00')])])).toEqual([]);
  });

  it('does not apply to a bill without a VAT breakdown', () => {
    expect(runRule(rule, [doc({ net: '100.00', tax: '20.00', total: '120.00' })])).toEqual([]);
  });
});
