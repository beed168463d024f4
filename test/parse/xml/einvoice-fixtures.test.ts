/**
 * Every e-invoice fixture reads with the values its XML states, and billcheck's findings on it
 * are the ones reviewed in fixtures/einvoice/expectations.json (values copied from the XML
 * elements, not from billcheck's reader; see fixtures/einvoice/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { Money } from '../../../src/model/money.js';
import { parseXmlInvoice } from '../../../src/parse/xml/read-xml.js';
import { RULES } from '../../../src/rules/index.js';
import { runRule } from '../../helpers/builder.js';
import { ROOT } from '../../helpers/cli.js';

interface Expectation {
  file: string;
  id: string | null;
  issueDate: string | null;
  typeCode: string | null;
  kind: string;
  currency: string | null;
  net: string | null;
  tax: string | null;
  total: string | null;
  amountDue: string | null;
  lines: number;
  findings: string[];
}

const DIR = `${ROOT}/fixtures/einvoice`;
const expectations = JSON.parse(readFileSync(`${DIR}/expectations.json`, 'utf8')) as Expectation[];

function read(file: string): { doc: BillingDocument; invalid: number } {
  const events = parseXmlInvoice(readFileSync(`${DIR}/${file}`), file);
  const first = events[0];
  if (first?.type !== 'document') throw new Error(`${file}: no document`);
  return { doc: first.document, invalid: events.length - 1 };
}

const amountText = (amount: Money | undefined): string | null => (amount === undefined ? null : amount.toFixed(2));
const expectedAmount = (text: string | null): string | null => (text === null ? null : Money.parse(text).toFixed(2));

describe('e-invoice fixtures', () => {
  it('covers the standard examples and the other producers', () => {
    expect(expectations.filter((row) => row.file.startsWith('en16931/examples/')).length).toBe(34);
    expect(expectations.filter((row) => row.file.startsWith('others/')).length).toBe(6);
  });

  it.each(expectations)('$file reads number, date, type, currency and totals', (row) => {
    const { doc, invalid } = read(row.file);
    expect(invalid).toBe(0);
    expect({
      id: doc.id ?? null,
      issueDate: doc.issueDate ?? null,
      typeCode: doc.typeCode ?? null,
      kind: doc.kind,
      currency: doc.currency,
      net: amountText(doc.net),
      tax: amountText(doc.tax),
      total: amountText(doc.total),
      amountDue: amountText(doc.amountDue),
      lines: doc.lines.length,
    }).toEqual({
      id: row.id,
      issueDate: row.issueDate,
      typeCode: row.typeCode,
      kind: row.kind,
      currency: row.currency,
      net: expectedAmount(row.net),
      tax: expectedAmount(row.tax),
      total: expectedAmount(row.total),
      amountDue: expectedAmount(row.amountDue),
      lines: row.lines,
    });
  });

  it.each(expectations)('$file gets the reviewed findings', (row) => {
    const { doc } = read(row.file);
    const reported = RULES.filter((rule) => runRule(rule, [doc], { today: '2026-12-01' }).length > 0).map(
      (rule) => rule.id,
    );
    expect(reported).toEqual(row.findings);
  });
});
