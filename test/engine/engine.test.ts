import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { ConfiguredRule } from '../../src/engine/engine.js';
import type { AccountEntry } from '../../src/engine/rule.js';
import { defineRule } from '../../src/engine/rule.js';
import { INVALID_INPUT } from '../../src/model/finding.js';
import { doc } from '../helpers/builder.js';

const bigBill = defineRule({
  id: 'test-big-bill',
  scope: 'document',
  severity: 'warning',
  description: 'A test rule: totals above max.',
  docs: { why: 'testing the engine', whatToDo: 'nothing at all' },
  messages: { big: '{{total}} is above {{max}} ({{count}} lines; refs {{refs}}; {{missing}})' },
  options: { max: '100.00' },
  checkDocument(d, ctx) {
    const max = ctx.moneyOption('max');
    if (d.total?.gt(max)) {
      ctx.report({
        messageId: 'big',
        data: { total: d.total, max, count: 1234, refs: ['A', 'B'], missing: undefined },
        document: d,
      });
    }
  },
});

/** A test rule that reports, on each account's last entry, one field of every entry in timeline order. */
function timelineRule(field: (entry: AccountEntry) => string) {
  return defineRule({
    id: 'test-timeline',
    scope: 'account',
    severity: 'info',
    description: 'A test rule: reports the account timeline.',
    docs: { why: 'testing the engine', whatToDo: 'nothing at all' },
    messages: { timeline: '{{values}}' },
    options: {},
    checkAccount(timeline, ctx) {
      const last = timeline.entries.at(-1);
      if (last) ctx.report({ messageId: 'timeline', data: { values: timeline.entries.map(field) }, document: last });
    },
  });
}

const lastOfAccount = timelineRule((entry) => entry.id ?? '?');

const configured = (
  rule: ConfiguredRule['rule'],
  severity: ConfiguredRule['severity'] = rule.severity,
): ConfiguredRule => ({
  rule,
  severity,
  options: rule.options,
});

describe('Engine', () => {
  it('fills messages with amounts in the input style and evidence with decimal strings', () => {
    const engine = new Engine({ rules: [configured(bigBill, 'error')], today: '2026-11-28' });
    const d = {
      ...doc({ id: 'F1', total: '149000', issueDate: '2024-01-05' }),
      amountStyle: { decimalSeparator: ',', groupSeparator: ' ', symbolBefore: false } as const,
    };
    const [finding] = engine.addDocument(d);
    expect(finding).toMatchObject({
      ruleId: 'test-big-bill',
      messageId: 'big',
      severity: 'error',
      // The amounts keep the bill's style; a count follows the report's language (English here).
      message: '149 000,00 € is above 100,00 € (1,234 lines; refs A, B; —)',
      documentId: 'F1',
      documentKind: 'invoice',
      date: '2024-01-05',
      amount: '149000.00',
      currency: 'EUR',
    });
    expect({ ...finding?.evidence }).toEqual({
      total: '149000.00',
      max: '100.00',
      count: 1234,
      refs: ['A', 'B'],
      missing: null,
    });
    expect(Object.getPrototypeOf(finding?.evidence)).toBeNull();
  });

  it('runs account rules per account, in date order, when the input ends', () => {
    const engine = new Engine({ rules: [configured(lastOfAccount)], today: '2026-11-28' });
    engine.addDocument(doc({ id: 'late', issueDate: '2024-03-01' }));
    engine.addDocument(doc({ id: 'early', issueDate: '2024-01-01' }));
    engine.addDocument(doc({ id: 'other', account: 'B', issueDate: '2024-02-01' }));
    const findings = engine.finish();
    expect(findings.map((f) => [f.account, f.message])).toEqual([
      ['A1', 'early, late'],
      ['B', 'other'],
    ]);
  });

  it('adds a --terminated date to every account, or to the one named', () => {
    const engine = new Engine({
      rules: [configured(lastOfAccount)],
      today: '2026-11-28',
      terminations: [{ date: '2024-02-15' }, { account: 'B', date: '2024-01-01' }],
    });
    engine.addDocument(doc({ id: 'a', issueDate: '2024-03-01' }));
    engine.addDocument(doc({ id: 'b', account: 'B', issueDate: '2024-03-01' }));
    expect(engine.finish().map((f) => f.message)).toEqual(['?, a', '?, ?, b']);
  });

  it('gives a --terminated entry the currency of its account', () => {
    const currencies = timelineRule((entry) => entry.currency);
    const engine = new Engine({
      rules: [configured(currencies)],
      today: '2026-11-28',
      terminations: [{ date: '2024-02-15' }],
    });
    engine.addDocument(doc({ id: 'a', currency: 'GBP', issueDate: '2024-01-01' }));
    expect(engine.finish().map((f) => f.message)).toEqual(['GBP, GBP']);
  });

  it('turns an unreadable row into an invalid-input error with its column and value', () => {
    const engine = new Engine({ rules: [], today: '2026-11-28' });
    const finding = engine.addInvalid({
      type: 'invalid',
      file: 'x.csv',
      line: 7,
      reason: 'the amount cannot be read',
      column: 'Montant TTC',
      value: '12,3a',
      rows: 1,
    });
    expect(finding).toMatchObject({ ruleId: INVALID_INPUT, severity: 'error', file: 'x.csv', line: 7 });
    expect(finding.message).toContain('Montant TTC');
    expect({ ...finding.evidence }).toEqual({
      reason: 'the amount cannot be read',
      column: 'Montant TTC',
      value: '12,3a',
    });
  });

  it('names the document of an unreadable row when its number could be read, and only then', () => {
    const engine = new Engine({ rules: [], today: '2026-11-28' });
    const row = { type: 'invalid', file: 'x.csv', line: 7, reason: 'the amount cannot be read', rows: 1 } as const;
    expect(engine.addInvalid({ ...row, documentId: 'FAC-2024-0117' }).documentId).toBe('FAC-2024-0117');
    expect(engine.addInvalid(row)).not.toHaveProperty('documentId');
  });

  it('sorts findings by file in reading order, then line, then rule id', () => {
    const engine = new Engine({ rules: [], today: '2026-11-28' });
    const invalid = (file: string, line: number) =>
      engine.addInvalid({ type: 'invalid', file, line, reason: 'r', rows: 1 });
    const findings = [invalid('b.csv', 9), invalid('b.csv', 2), invalid('a.csv', 1)];
    findings.sort(engine.compareFindings);
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['b.csv:2', 'b.csv:9', 'a.csv:1']);
  });
});
