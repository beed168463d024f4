import { describe, expect, it } from 'vitest';
import { HistoryCollector } from '../../../src/report/html/histories.js';
import { doc } from '../../helpers/builder.js';

describe('HistoryCollector', () => {
  it('keeps each account its documents, in reading order, with the date the timeline uses', () => {
    const collector = new HistoryCollector();
    collector.record(doc({ account: 'L1', id: 'F-1', issueDate: '2024-01-05', total: '40.00', line: 2 }));
    collector.record(doc({ account: 'L2', kind: 'termination', effectiveDate: '2024-02-01', line: 3 }));
    collector.record(
      doc({ account: 'L1', kind: 'dunning', id: 'R-1', issueDate: '2024-03-01', amountDue: '0.01', line: 4 }),
    );
    const { accounts, dropped, incomplete } = collector.histories();
    expect([...accounts.keys()]).toEqual(['L1', 'L2']);
    expect(accounts.get('L1')?.map((p) => [p.id, p.date, p.amount?.toFixed(2), p.line])).toEqual([
      ['F-1', '2024-01-05', '40.00', 2],
      // A dunning letter without a total is drawn with the amount it demands.
      ['R-1', '2024-03-01', '0.01', 4],
    ]);
    expect(accounts.get('L2')?.[0]).toMatchObject({
      kind: 'termination',
      date: '2024-02-01',
      effectiveDate: '2024-02-01',
    });
    expect(dropped).toBe(0);
    expect(incomplete.size).toBe(0);
  });

  it("draws one customer's documents under several names as one history, by the name the findings give", () => {
    // A dossier: the export bills the line written with spaces, the agency's letter names the customer number.
    const collector = new HistoryCollector();
    collector.record(doc({ account: '06 98 46 10 02', id: 'F-2', issueDate: '2024-02-02', total: '30.98', line: 3 }));
    collector.record(doc({ account: '1.43522893', kind: 'dunning', id: 'M-1', issueDate: '2024-03-03', line: 1 }));
    collector.record(doc({ account: '06 98 46 10 02', id: 'F-1', issueDate: '2024-01-02', total: '0.00', line: 2 }));
    collector.record(doc({ account: 'other', id: 'X-1', issueDate: '2024-01-05', total: '9.99', line: 9 }));
    const joined = new Map([
      ['06 98 46 10 02', '0698461002'],
      ['1.43522893', '0698461002'],
    ]);
    const { accounts } = collector.histories((raw) => joined.get(raw) ?? raw);
    expect([...accounts.keys()]).toEqual(['0698461002', 'other']);
    expect(accounts.get('0698461002')?.map((point) => point.id)).toEqual(['F-1', 'F-2', 'M-1']);
  });

  it('stops keeping past its bound and names the accounts whose history it cut', () => {
    const collector = new HistoryCollector(2);
    collector.record(doc({ account: 'L1', issueDate: '2024-01-05', total: '1.00' }));
    collector.record(doc({ account: 'L2', issueDate: '2024-01-05', total: '1.00' }));
    collector.record(doc({ account: 'L2', issueDate: '2024-02-05', total: '1.00' }));
    collector.record(doc({ account: 'L3', issueDate: '2024-02-05', total: '1.00' }));
    const histories = collector.histories();
    expect([...histories.accounts.values()].reduce((n, points) => n + points.length, 0)).toBe(2);
    expect(histories.dropped).toBe(2);
    expect([...histories.incomplete].sort()).toEqual(['L2', 'L3']);
  });
});
