import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../src/check/stories.js';
import { StoryCollector, MAX_STORY_DOCUMENTS } from '../../src/check/stories.js';
import type { JoinedAccount } from '../../src/identity/join.js';
import type { Finding } from '../../src/model/finding.js';
import { Money } from '../../src/model/money.js';
import { accountHeading, renderStories } from '../../src/report/stories.js';
import { printable } from '../../src/report/sanitize.js';
import { doc } from '../helpers/builder.js';

const paint = new Chalk({ level: 0 });

function entry(input: Partial<StoryEntry> & Pick<StoryEntry, 'kind' | 'file' | 'line'>): StoryEntry {
  return { account: '0612345678', date: undefined, total: undefined, id: undefined, currency: 'EUR', ...input };
}

const JOINED: JoinedAccount = {
  name: '0698765432',
  kind: 'line',
  invisible: [],
  aliases: [{ name: 'C-104233', kind: 'customer', documents: ['invoice', 'credit-note'], invisible: [] }],
};

describe('stories', () => {
  it('names the aliases of a joined account', () => {
    expect(accountHeading('0698765432', JOINED)).toBe(
      'Account 0698765432, also customer C-104233 on the invoices and credit notes',
    );
    expect(accountHeading('0612345678', { name: '0612345678', kind: 'line', invisible: ['U+200B'], aliases: [] })).toBe(
      'Account 0612345678; written with an invisible U+200B',
    );
    expect(accountHeading('C-1', undefined)).toBe('Account C-1');
  });

  it('tells an account seen in several files in date order, with its findings where they happen', () => {
    const entries = [
      entry({
        account: '+33 6 98 76 54 32',
        kind: 'dunning',
        date: '2024-03-04',
        total: Money.parse('59.98'),
        file: 'd/relance.eml',
        line: 1,
      }),
      entry({
        account: 'C-104233',
        kind: 'invoice',
        id: 'F-118',
        date: '2024-01-05',
        total: Money.parse('59.98'),
        file: 'd/factures.csv',
        line: 4,
      }),
      entry({
        account: 'c104233',
        kind: 'credit-note',
        id: 'AV-42',
        date: '2024-01-22',
        total: Money.parse('59.98'),
        file: 'd/avoir.txt',
        line: 1,
      }),
      // One file only: no story.
      entry({ account: 'C-9', kind: 'invoice', id: 'G-1', date: '2024-01-05', file: 'd/factures.csv', line: 5 }),
    ];
    const finding: Finding = {
      ruleId: 'dunning-while-in-credit',
      severity: 'error',
      message: 'A dunning letter demands 59,98 € while credits cover it.',
      file: 'd/relance.eml',
      line: 1,
      evidence: {},
    };
    const names = new Map([
      ['+33 6 98 76 54 32', '0698765432'],
      ['C-104233', '0698765432'],
      ['c104233', '0698765432'],
    ]);
    const lines = renderStories(
      { entries, dropped: 0, accountName: (raw) => names.get(raw) ?? raw, accounts: new Map([['0698765432', JOINED]]) },
      [finding],
      undefined,
      paint,
    );
    expect(lines).toEqual([
      'Stories: each account seen in several files, in date order',
      '  Account 0698765432, also customer C-104233 on the invoices and credit notes',
      // One date notation for the report, whatever each file wrote (English: a month name).
      '    5 Jan 2024   billed      F-118  €59.98  factures.csv:4',
      '    22 Jan 2024  credited    AV-42  €59.98  avoir.txt:1',
      '    4 Mar 2024   demanded    €59.98  relance.eml:1',
      '                 ✖ A dunning letter demands 59,98 € while credits cover it.  dunning-while-in-credit',
      '',
    ]);
  });

  it("says a termination's effective date beside its letter's date, in either language (tryout 6)", () => {
    // The Sosh letter of 6 November 2024: "la résiliation de votre ligne … prendra effet le 15/11/2024".
    const collector = new StoryCollector();
    collector.add(
      doc({
        kind: 'termination',
        account: '0612487359',
        issueDate: '2024-11-06',
        file: 'd/resiliation.txt',
        line: 1,
        extra: { effectiveDate: '2024-11-15' },
      }),
    );
    // A letter that gives no effective date says only its own.
    collector.add(
      doc({ kind: 'termination', account: '0612487359', issueDate: '2024-11-20', file: 'd/b.txt', line: 1 }),
    );
    const stories = { entries: collector.entries, dropped: 0, accountName: (raw: string) => raw, accounts: new Map() };
    expect(renderStories(stories, [], undefined, paint, 'fr').slice(2)).toEqual([
      '    06/11/2024  résilié  résiliation effective le 15/11/2024  resiliation.txt:1',
      '    20/11/2024  résilié    b.txt:1',
      '',
    ]);
    expect(renderStories(stories, [], undefined, paint, 'en').slice(2, 4)).toEqual([
      '    6 Nov 2024   terminated  effective 15 Nov 2024  resiliation.txt:1',
      '    20 Nov 2024  terminated    b.txt:1',
    ]);
  });

  it('names a reminder without a number of its own by the invoice it claims, in either language', () => {
    // fixtures/dossiers/en-uk-lowell-fee-in-balance: Three's e-mail "Your Three bill TH-100233 for £24.00 is
    // now overdue" has no number of its own; Lowell's letter has one (41229087) and is named by it.
    const collector = new StoryCollector();
    const account = '07700900461';
    collector.add(doc({ id: 'TH-100233', account, issueDate: '2024-10-12', total: '24.00', file: 'd/bills.csv' }));
    collector.add(
      doc({
        kind: 'dunning',
        account,
        issueDate: '2024-11-01',
        amountDue: '24.00',
        references: ['TH-100233'],
        file: 'd/three-reminder.eml',
        line: 1,
      }),
    );
    collector.add(
      doc({
        kind: 'dunning',
        id: '41229087',
        account,
        issueDate: '2024-11-18',
        amountDue: '93.00',
        references: ['TH-100232', 'TH-100233'],
        file: 'd/lowell-letter.txt',
        line: 1,
      }),
    );
    // Two bills claimed, no number: both named.
    collector.add(
      doc({
        kind: 'dunning',
        account,
        issueDate: '2024-11-20',
        amountDue: '85.50',
        references: ['TH-100232', 'TH-100233'],
        file: 'd/second.eml',
        line: 1,
      }),
    );
    const stories = { entries: collector.entries, dropped: 0, accountName: (raw: string) => raw, accounts: new Map() };
    const english = renderStories(stories, [], undefined, paint, 'en').slice(3, 6);
    expect(english).toEqual([
      '    1 Nov 2024   demanded    for invoice TH-100233  €24.00  three-reminder.eml:1',
      '    18 Nov 2024  demanded    41229087  €93.00  lowell-letter.txt:1',
      '    20 Nov 2024  demanded    for invoices TH-100232, TH-100233  €85.50  second.eml:1',
    ]);
    expect(renderStories(stories, [], undefined, paint, 'fr')[3]).toBe(
      '    01/11/2024  réclamé  pour la facture TH-100233  24,00 €  three-reminder.eml:1',
    );
  });

  it('keeps at most MAX_STORY_DOCUMENTS documents and counts the others', () => {
    const collector = new StoryCollector();
    for (let i = 0; i < MAX_STORY_DOCUMENTS + 3; i++) collector.add(doc({ id: `F${i}`, account: 'A', total: '1.00' }));
    expect(collector.entries).toHaveLength(MAX_STORY_DOCUMENTS);
    expect(collector.dropped).toBe(3);
    const lines = renderStories(
      { entries: [], dropped: collector.dropped, accountName: (raw) => raw, accounts: new Map() },
      [],
      undefined,
      paint,
    );
    expect(lines.join('\n')).toContain('3 more were not kept');
  });

  it("puts a split file's parts back in reading order, a worker's exact totals kept", () => {
    // The main thread reads lines 2–3 of big.csv; a worker sends lines 4–5 while it does, then small.csv follows.
    const collector = new StoryCollector();
    collector.add(doc({ id: 'F2', account: 'A', total: '1.00', file: 'big.csv', line: 2 }));
    collector.addSent([
      {
        account: 'A',
        kind: 'invoice',
        date: '2024-03-05',
        total: '0.005',
        id: 'F4',
        currency: 'EUR',
        file: 'big.csv',
        line: 4,
      },
    ]);
    collector.add(doc({ id: 'F3', account: 'A', total: '2.00', file: 'big.csv', line: 3 }));
    collector.add(doc({ id: 'S2', account: 'A', total: '3.00', file: 'small.csv', line: 2 }));
    expect(collector.entries.map((kept) => `${kept.file}:${kept.line} ${kept.id} ${kept.total?.toString()}`)).toEqual([
      'big.csv:2 F2 1.00',
      'big.csv:3 F3 2.00',
      'big.csv:4 F4 0.005',
      'small.csv:2 S2 3.00',
    ]);
  });

  it('shows a zero-width space instead of hiding it (issue 18)', () => {
    expect(printable('06\u200b12345678')).toBe('06\\u200B12345678');
    expect(printable('👩\u200d💻')).toBe('👩\u200d💻');
  });
});
