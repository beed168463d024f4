/**
 * Builds documents and runs one rule on them, without any CSV or text: rule tests state
 * their cases as data and assert message ids and data, not wording.
 */
import { compareEntries, toAccountEntry } from '../../src/engine/account-entry.js';
import { ContentLog } from '../../src/engine/content-log.js';
import type { AccountEntry, AnyRule, MessageData, RuleContext, RuleOptions } from '../../src/engine/rule.js';
import type { BillingDocument, DocumentKind, DocumentLine, DocumentStatus } from '../../src/model/document.js';
import { Money } from '../../src/model/money.js';

type AmountInput = string | undefined;

export interface DocInput {
  kind?: DocumentKind;
  id?: string;
  account?: string;
  issueDate?: string;
  dueDate?: string;
  periodStart?: string;
  periodEnd?: string;
  effectiveDate?: string;
  currency?: string;
  net?: AmountInput;
  tax?: AmountInput;
  total?: AmountInput;
  amountDue?: AmountInput;
  lines?: LineInput[];
  references?: string[];
  status?: DocumentStatus;
  file?: string;
  line?: number;
  /** Fields the shorthand above does not cover (the e-invoice fields), set as given. */
  extra?: Partial<BillingDocument>;
}

export interface LineInput {
  description?: string;
  net?: AmountInput;
  tax?: AmountInput;
  total?: AmountInput;
  quantity?: string;
  unitPrice?: AmountInput;
  taxRate?: string;
  taxCategory?: string;
}

// Documents built without a line get 2, 3, 4… in the order a test builds them; counted afresh for
// each test (test/setup.ts calls resetLines before every test of every file: a hook registered here
// would only run in the first file a worker imports this module for, vitest's isolation being off).
let nextLine = 2;

/** Line numbers start again at 2. */
export function resetLines(): void {
  nextLine = 2;
}

const money = (value: AmountInput): Money | undefined => (value === undefined ? undefined : Money.parse(value));

function buildLine(input: LineInput): DocumentLine {
  return {
    description: input.description,
    net: money(input.net),
    tax: money(input.tax),
    total: money(input.total),
    quantity: input.quantity,
    unitPrice: money(input.unitPrice),
    taxRate: input.taxRate,
    taxCategory: input.taxCategory,
  };
}

/** A document with sensible defaults: an invoice of account "A1", in EUR, from "test.csv". */
export function doc(input: DocInput = {}): BillingDocument {
  return {
    kind: input.kind ?? 'invoice',
    id: input.id,
    account: input.account ?? 'A1',
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    effectiveDate: input.effectiveDate,
    currency: input.currency ?? 'EUR',
    net: money(input.net),
    tax: money(input.tax),
    total: money(input.total),
    amountDue: money(input.amountDue),
    lines: (input.lines ?? []).map(buildLine),
    references: input.references ?? [],
    ...(input.status === undefined ? {} : { status: input.status }),
    source: { file: input.file ?? 'test.csv', line: input.line ?? nextLine++, format: 'csv' },
    rows: Math.max(1, input.lines?.length ?? 1),
    ...input.extra,
  };
}

/** What a rule reported, as a test asserts it. */
/** The tests' ContentLog: numbered invoices' contents, compared by sameContent as the engine does. */
export const testContent = ContentLog.temporary();

/** A document's account entry, its content kept in the tests' log. */
export function entryOf(doc: BillingDocument): AccountEntry {
  return toAccountEntry(doc, testContent);
}

export interface Reported {
  messageId: string;
  data: MessageData;
  /** The reported document's id (or its line when it has none). */
  documentId: string | undefined;
  line: number;
}

function context(
  rule: AnyRule,
  options: RuleOptions | undefined,
  today: string,
  out: Reported[],
): RuleContext<string, RuleOptions> {
  const merged: RuleOptions = { ...rule.options, ...options };
  return {
    options: merged,
    today,
    moneyOption: (name) => Money.parse(String(merged[name])),
    contentDifference: (a, b) => testContent.difference(a.contentRef, b.contentRef),
    report: (report) => {
      const target = report.document;
      const line = 'source' in target ? target.source.line : target.line;
      out.push({ messageId: report.messageId, data: report.data ?? {}, documentId: target.id, line });
    },
  };
}

export interface RunOptions {
  options?: RuleOptions;
  /** ISO date; defaults to 2026-11-28. */
  today?: string;
}

/** Runs a document or account rule over documents (account rules: grouped by account, in date order). */
export function runRule(rule: AnyRule, docs: BillingDocument[], run: RunOptions = {}): Reported[] {
  const out: Reported[] = [];
  const ctx = context(rule, run.options, run.today ?? '2026-11-28', out);
  if (rule.scope === 'document') {
    for (const d of docs) rule.checkDocument(d, ctx);
    return out;
  }
  const accounts = new Map<string, AccountEntry[]>();
  for (const d of docs) {
    const entries = accounts.get(d.account) ?? [];
    entries.push(entryOf(d));
    accounts.set(d.account, entries);
  }
  for (const [account, entries] of accounts) {
    entries.sort(compareEntries);
    rule.checkAccount({ account, entries }, ctx);
  }
  return out;
}

/** Twelve ordinary monthly bills of account A1 for 2023, between 35 and 45 €. */
/** Twelve ordinary monthly totals of a residential line, about 40 €. */
export const ORDINARY_MONTHS: readonly string[] = [
  '39.99',
  '41.50',
  '38.20',
  '44.90',
  '35.10',
  '39.99',
  '42.00',
  '37.80',
  '39.99',
  '43.25',
  '36.40',
  '40.10',
];

export function ordinaryYear(account = 'A1'): BillingDocument[] {
  const totals = ORDINARY_MONTHS;
  return totals.map((total, i) => {
    const month = String(i + 1).padStart(2, '0');
    return doc({
      id: `F2023-${month}`,
      account,
      issueDate: `2023-${month}-05`,
      dueDate: `2023-${month}-20`,
      periodStart: `2023-${month}-01`,
      periodEnd: `2023-${month}-28`,
      total,
    });
  });
}
