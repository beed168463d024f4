/** Bills read twice (issue 13, defect 5): which entries are copies, which is kept, and the merge of findings. */
import { describe, expect, it } from 'vitest';
import { CopyMerge, dropCopies } from '../../src/engine/copies.js';
import { toAccountEntry } from '../../src/engine/account-entry.js';
import { ContentLog } from '../../src/engine/content-log.js';
import type { AccountEntry } from '../../src/engine/rule.js';
import type { Finding } from '../../src/model/finding.js';
import { doc } from '../helpers/builder.js';

const content = ContentLog.temporary();
const entry = (file: string, line: number, total = '29.99', id = 'F-2024-02-131'): AccountEntry =>
  toAccountEntry(doc({ id, account: 'C-104233', issueDate: '2024-02-05', total, file, line }), content);
const ORDER = new Map([
  ['facture-fevrier.txt', 0],
  ['factures-orange.csv', 1],
]);
const order = (file: string): number => ORDER.get(file) ?? 99;

describe('dropCopies', () => {
  it('keeps the first source in reading order and names the copies', () => {
    const entries = [entry('factures-orange.csv', 5), entry('facture-fevrier.txt', 1)];
    expect([...dropCopies(entries, order)]).toEqual([['facture-fevrier.txt:1', ['factures-orange.csv:5']]]);
    expect(entries.map((e) => e.file)).toEqual(['facture-fevrier.txt']);
  });

  it('takes no copy of another total, another number, or a second row of the same file', () => {
    const entries = [
      entry('factures-orange.csv', 5),
      entry('facture-fevrier.txt', 1, '39.99'),
      entry('factures-orange.csv', 6),
      entry('facture-fevrier.txt', 2, '29.99', 'F-2024-02-999'),
    ];
    expect(dropCopies(entries, order).size).toBe(0);
    expect(entries).toHaveLength(4);
  });

  it('takes no copy of another period, but one whose source states none (review)', () => {
    const billing = (file: string, line: number, start?: string, end?: string): AccountEntry =>
      toAccountEntry(
        doc({
          id: 'F-2024-02-131',
          account: 'C-104233',
          issueDate: '2024-02-05',
          total: '29.99',
          file,
          line,
          ...(start === undefined ? {} : { periodStart: start, periodEnd: end }),
        }),
        content,
      );
    const march = [
      billing('facture-fevrier.txt', 1, '2024-02-01', '2024-02-29'),
      billing('factures-orange.csv', 5, '2024-03-01', '2024-03-31'),
    ];
    expect(dropCopies(march, order).size).toBe(0);
    expect(march).toHaveLength(2);
    const unsaid = [billing('facture-fevrier.txt', 1), billing('factures-orange.csv', 5, '2024-02-01', '2024-02-29')];
    expect(dropCopies(unsaid, order).size).toBe(1);
    expect(unsaid).toHaveLength(1);
  });

  it('keeps the source that states more of the bill, whatever was read first (tryout 7)', () => {
    const notice = entry('facture-fevrier.txt', 1);
    const bill = toAccountEntry(
      doc({
        id: 'F-2024-02-131',
        account: 'C-104233',
        issueDate: '2024-02-05',
        total: '29.99',
        periodStart: '2024-02-01',
        periodEnd: '2024-02-29',
        file: 'factures-orange.csv',
        line: 5,
      }),
      content,
    );
    const entries = [notice, bill];
    expect([...dropCopies(entries, order)]).toEqual([['factures-orange.csv:5', ['facture-fevrier.txt:1']]]);
    expect(entries).toEqual([bill]);
  });

  it("bills numbered alike as documentKey compares them ('f 2024 02 131')", () => {
    const entries = [entry('factures-orange.csv', 5), entry('facture-fevrier.txt', 1, '29.99', 'f 2024 02 131')];
    expect(dropCopies(entries, order).size).toBe(1);
  });
});

const finding = (file: string, line: number, ruleId: string): Finding => ({
  ruleId,
  messageId: 'm',
  severity: 'error',
  message: '',
  file,
  line,
  evidence: {},
});

describe('CopyMerge', () => {
  it("drops a copy's finding the kept source also has, keeps one only the copy has, names the copy", () => {
    const made = [
      finding('facture-fevrier.txt', 1, 'amount-ceiling'),
      finding('factures-orange.csv', 5, 'amount-ceiling'),
      finding('factures-orange.csv', 5, 'lines-total-mismatch'),
      finding('factures-orange.csv', 6, 'amount-ceiling'),
    ];
    const merge = new CopyMerge([['factures-orange.csv:5', 'facture-fevrier.txt:1']], made);
    const out = made.map((f) => merge.apply(f));
    expect(out.map((f) => (f === undefined ? undefined : [f.file, f.ruleId, f.evidence.alsoAt]))).toEqual([
      ['facture-fevrier.txt', 'amount-ceiling', 'factures-orange.csv:5'],
      undefined,
      ['factures-orange.csv', 'lines-total-mismatch', undefined],
      ['factures-orange.csv', 'amount-ceiling', undefined],
    ]);
    expect(new CopyMerge([], made).empty).toBe(true);
  });
});
