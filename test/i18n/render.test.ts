/**
 * Every message of every rule, in every language, filled with sample data as the engine fills it.
 * The French output is kept in fr-golden.txt, read once by a French reader (see test/i18n/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine, renderRuleMessage } from '../../src/engine/engine.js';
import { INVALID_INPUT } from '../../src/model/finding.js';
import { RESERVED_RULES } from '../../src/engine/reserved-rules.js';
import type { AnyRule, MessageData, MessageValue } from '../../src/engine/rule.js';
import { placeholdersOf } from '../../src/i18n/catalogue.js';
import { LANGS } from '../../src/i18n/lang.js';
import type { AmountStyle } from '../../src/model/document.js';
import { Money } from '../../src/model/money.js';
import { RULES } from '../../src/rules/index.js';

/** A French customer-area export writes amounts "1 234,56 €" and dates "05/01/2024". */
const FRENCH_EXPORT: AmountStyle = { decimalSeparator: ',', groupSeparator: ' ', symbolBefore: false };

const money = (text: string): Money => Money.parse(text);

/** One value per placeholder name used by any rule, of the type the rule puts there. */
const SAMPLES: Readonly<Record<string, MessageValue>> = {
  amount: money('149000.00'),
  max: money('10000.00'),
  median: money('39.99'),
  total: money('59.98'),
  paid: money('20.00'),
  rounding: money('0.00'),
  expected: money('39.98'),
  amountDue: money('59.98'),
  difference: money('20.00'),
  thirdParty: money('5.00'),
  credited: money('59.98'),
  billed: money('59.98'),
  demanded: money('79.98'),
  owed: money('59.98'),
  debt: money('79.98'),
  fees: money('47.50'),
  sum: money('49.99'),
  documentAmount: money('59.98'),
  stated: money('10.00'),
  lineNetTotal: money('49.98'),
  allowanceTotal: money('5.00'),
  chargeTotal: money('2.50'),
  net: money('49.98'),
  tax: money('10.00'),
  taxableAmount: money('49.98'),
  taxAmount: money('9.00'),
  minAmount: money('1.00'),
  periodStart: '2024-02-01',
  periodEnd: '2024-02-29',
  effectiveDate: '2024-01-25',
  issueDate: '2024-03-05',
  dueDate: '2024-03-20',
  today: '2024-03-01',
  letterDate: '2024-03-10',
  fellDue: '2023-01-20',
  barredSince: '2024-01-20',
  otherPeriodStart: '2024-02-15',
  otherPeriodEnd: '2024-03-14',
  overlapStart: '2024-02-15',
  overlapEnd: '2024-02-29',
  ratio: 3726,
  history: 12,
  graceDays: 31,
  count: 2,
  lines: 3,
  decimals: 2,
  more: 4,
  line: 2,
  currency: 'USD',
  accountCurrency: 'EUR',
  invoiceId: 'FAC-A1-202312',
  invoice: 'FAC-A2-202312',
  id: 'FAC-2024-0117',
  other: 'FAC-2024-0116',
  otherLocation: 'factures.csv:12',
  listed: 'FAC-1, FAC-2, FAC-3 and 2 more',
  claimed: 'invoice FAC-A2-202312',
  covering: 'invoice FAC-A2-202312',
  references: ['FAC-A2-202312'],
  invoices: ['FAC-A2-202312'],
  description: 'Frais de relance',
  category: 'S',
  rate: '5.5',
  rateText: ' at 5.5 %',
  rates: ['20', '10', '5.5', '2.1', '0'],
  source: 'rates of France, FR',
  xml: 'FA-2026-0042',
  page: 'FA-2026-0043',
  amounts: '12.345, 0.005',
  reason: 'the amount cannot be read (letters in the amount)',
  column: 'Montant TTC',
  value: '4Z,66',
};

function sampleData(template: string): MessageData {
  const data: Record<string, MessageValue> = Object.create(null);
  // What dunning-while-in-credit reports beside `claimed`, which the French catalogue reads.
  if (template.includes('{{claimed}}')) data.references = SAMPLES.references;
  if (template.includes('{{covering}}')) data.coveredInvoices = SAMPLES.references;
  for (const name of placeholdersOf(template)) {
    if (!Object.hasOwn(SAMPLES, name)) throw new Error(`no sample value for {{${name}}}`);
    data[name] = SAMPLES[name];
  }
  return data;
}

const ALL = [...RULES, ...(RESERVED_RULES as unknown as AnyRule[])];

function renderAll(lang: (typeof LANGS)[number]): string {
  const out: string[] = [];
  for (const rule of ALL) {
    for (const [id, english] of Object.entries(rule.messages as Record<string, string>)) {
      // invalid-input is the engine's own: its reason comes from a reader, in English.
      const message =
        rule.id === INVALID_INPUT
          ? new Engine({ rules: [], today: '2024-03-01', lang }).addInvalid({
              type: 'invalid',
              file: 'factures.csv',
              line: 7,
              reason: SAMPLES.reason as string,
              column: SAMPLES.column as string,
              value: SAMPLES.value as string,
              rows: 1,
            }).message
          : renderRuleMessage(rule, id, sampleData(english), 'EUR', FRENCH_EXPORT, lang);
      out.push(`${rule.id}.${id}`, `  ${message}`);
    }
  }
  return `${out.join('\n')}\n`;
}

describe.each(LANGS)('every message in %s', (lang) => {
  const text = renderAll(lang);

  it('fills every placeholder with its sample', () => {
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toContain('—');
  });

  it('writes dates in the one notation of the language, and counts grouped as it groups them', () => {
    if (lang === 'fr') {
      expect(text).toContain('05/03/2024');
      expect(text).toContain('3\u202F726 fois');
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    } else {
      expect(text).toContain('5 Mar 2024');
      expect(text).toContain('3,726×');
    }
    // Amounts keep their bill's style in both languages.
    expect(text).toContain('149 000,00 €');
  });
});

describe('the French messages', () => {
  const text = renderAll('fr');

  it('carry none of the English phrases rules compose in their data', () => {
    expect(text).not.toMatch(/\binvoices? FAC|\bat 5\.5|rates of France| and 2 more|\b5\.5\b|cannot be read/);
    expect(text).toContain('Le montant est illisible (des lettres dans le montant)');
    expect(text).toContain('20 ; 10 ; 5,5 ; 2,1 ; 0 %');
    expect(text).toContain('la facture FAC-A2-202312');
    expect(text).toContain('taux du pays FR');
    expect(text).toContain(' à 5,5 %');
    expect(text).toContain('et 2 autres');
  });

  it('read as the golden file a French reader checked', () => {
    const golden = readFileSync(new URL('./fr-golden.txt', import.meta.url), 'utf8');
    expect(text).toBe(golden);
  });
});
