/**
 * A currency nothing in the input said (issue 13, defect 4): an English export of bare amounts is
 * read as euros, a guess; a £ reminder on the same joined account must not then be a
 * currency-mismatch, and the account's sums are made in pounds. A stated EUR against a stated GBP
 * is still a mismatch.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { Finding } from '../../src/model/finding.js';
import currencyMismatch from '../../src/rules/currency-mismatch.js';
import dunningWhileInCredit from '../../src/rules/dunning-while-in-credit.js';
import { doc } from '../helpers/builder.js';

const run = (docs: ReturnType<typeof doc>[]): Finding[] => {
  const engine = new Engine({
    rules: [
      { rule: currencyMismatch, severity: 'warning', options: {} },
      { rule: dunningWhileInCredit, severity: 'error', options: {} },
    ],
    today: '2024-12-31',
  });
  for (const document of docs) engine.addDocument(document);
  return engine.finish();
};

const guessed = { currencyGuessed: true } as const;
/** The export's rows: bare amounts, read as euros by guess, under the customer number. */
const exportRows = (extra: { currencyGuessed?: true } = guessed) => [
  doc({ id: 'INV-20417', account: 'NL-448120', issueDate: '2024-05-14', total: '36.00', extra }),
  doc({ kind: 'payment', id: 'PAY-1', account: 'NL-448120', issueDate: '2024-05-30', total: '36.00', extra }),
];
/** The final notice, in pounds, naming the bill (the join goes through its number). */
const notice = () =>
  doc({
    kind: 'dunning',
    id: 'FN-7781',
    account: '+44 7700 900456',
    issueDate: '2024-07-03',
    amountDue: '36.00',
    currency: 'GBP',
    references: ['INV-20417'],
  });

describe('a guessed currency', () => {
  it('takes the currency the account states elsewhere: no mismatch, and the sums are made', () => {
    const findings = run([...exportRows(), notice()]);
    expect(findings.map((finding) => [finding.ruleId, finding.documentId, finding.currency])).toEqual([
      ['dunning-while-in-credit', 'FN-7781', 'GBP'],
    ]);
  });

  it('stays what it was when nothing states a currency', () => {
    const findings = run(exportRows());
    expect(findings).toEqual([]);
  });

  it('leaves a stated EUR against a stated GBP a mismatch', () => {
    const findings = run([...exportRows({}), notice()]);
    expect(findings.map((finding) => [finding.ruleId, finding.documentId, finding.evidence])).toEqual([
      ['currency-mismatch', 'FN-7781', expect.objectContaining({ currency: 'GBP', accountCurrency: 'EUR' })],
    ]);
  });

  it('keeps a third currency a mismatch against the one stated by most', () => {
    const dollars = doc({ id: 'INV-9', account: 'NL-448120', issueDate: '2024-06-14', total: '5.00', currency: 'USD' });
    const findings = run([...exportRows(), notice(), notice(), dollars]);
    expect(findings.filter((finding) => finding.ruleId === 'currency-mismatch').map((f) => f.documentId)).toEqual([
      'INV-9',
    ]);
  });
});
