/** The engine joins accounts (src/identity) before the account rules: one timeline, the joined account's name. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { defineRule } from '../../src/engine/rule.js';
import { ACCOUNT_CONFLICT } from '../../src/model/finding.js';
import { doc } from '../helpers/builder.js';

const timeline = defineRule({
  id: 'test-timeline',
  scope: 'account',
  severity: 'info',
  description: 'A test rule: reports the ids of each account timeline.',
  docs: { why: 'testing the engine', whatToDo: 'nothing at all' },
  messages: { timeline: '{{ids}}' },
  options: {},
  checkAccount(t, ctx) {
    const last = t.entries.at(-1);
    if (last)
      ctx.report({ messageId: 'timeline', data: { ids: t.entries.map((entry) => entry.id ?? '?') }, document: last });
  },
});

function engine(): Engine {
  return new Engine({ rules: [{ rule: timeline, severity: 'info', options: {} }], today: '2026-11-28' });
}

describe('Engine identity', () => {
  it('checks the forms of one line and a letter naming its bill as one timeline, under the line', () => {
    const run = engine();
    run.addDocument(doc({ id: 'F1', account: 'C-104233', issueDate: '2024-01-05', total: '59.98' }));
    run.addDocument(
      doc({
        id: 'AV1',
        kind: 'credit-note',
        account: 'c104233',
        issueDate: '2024-01-22',
        total: '59.98',
        references: ['F1'],
      }),
    );
    run.addDocument(
      doc({
        kind: 'dunning',
        account: '+33 6 98 76 54 32',
        issueDate: '2024-03-04',
        amountDue: '59.98',
        references: ['F1'],
      }),
    );
    run.addDocument(doc({ id: 'G1', account: 'C-999', issueDate: '2024-01-05', total: '10.00' }));
    const findings = run.finish();
    expect(findings.map((finding) => [finding.account, finding.evidence.ids])).toEqual([
      ['0698765432', ['F1', 'AV1', '?']],
      ['C-999', ['G1']],
    ]);
    expect(run.accountName('C-104233')).toBe('0698765432');
    expect(run.identity?.accounts.get('0698765432')?.aliases.map((alias) => alias.name)).toEqual(['C-104233']);
  });

  it('warns of one bill number claimed by two accounts with different content and keeps them apart', () => {
    const run = engine();
    run.addDocument(
      doc({ id: 'FAC-001', account: 'CL-2001', issueDate: '2024-01-15', total: '29.99', file: 'a.csv', line: 2 }),
    );
    run.addDocument(
      doc({ id: 'FAC-001', account: 'CL-3002', issueDate: '2024-01-20', total: '450.00', file: 'b.csv', line: 2 }),
    );
    const findings = run.finish();
    const conflict = findings.find((finding) => finding.ruleId === ACCOUNT_CONFLICT);
    expect(conflict).toMatchObject({
      severity: 'warning',
      file: 'b.csv',
      line: 2,
      account: 'CL-3002',
      documentId: 'FAC-001',
    });
    expect(conflict?.evidence.otherAccount).toBe('CL-2001');
    expect(findings.filter((finding) => finding.ruleId === 'test-timeline').map((finding) => finding.account)).toEqual([
      'CL-2001',
      'CL-3002',
    ]);
  });

  it('applies a known termination given in another form of the line', () => {
    const run = new Engine({
      rules: [{ rule: timeline, severity: 'info', options: {} }],
      today: '2026-11-28',
      terminations: [{ account: '+33 6 12 34 56 78', date: '2024-02-01' }],
    });
    run.addDocument(doc({ id: 'F1', account: '06 12 34 56 78', issueDate: '2024-01-05', total: '10.00' }));
    const [finding] = run.finish();
    expect(finding?.evidence.ids).toEqual(['F1', '?']);
  });
});
