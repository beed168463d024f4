import type { AllowanceCharge, BillingDocument, DocumentLine, PageFacts, VatBreakdown } from '../model/document.js';
import type { InvalidInputEvent } from '../model/input.js';
import type { Money } from '../model/money.js';
import { readingsJson } from './json.js';
import type { FileReading } from './result.js';

/**
 * `billcheck extract`: the normalized documents with the model's field names, amounts as
 * decimal strings, absent fields left out (absent is not zero). Rows that could not be read
 * are listed under `invalid`, so that nothing billcheck was given goes unaccounted for.
 */
export function renderExtract(
  documents: readonly BillingDocument[],
  invalid: readonly InvalidInputEvent[],
  readings: readonly FileReading[] = [],
): string {
  const writer = new ExtractWriter();
  return [writer.head(), writer.documents(documents), writer.tail(invalid, readings)].join('');
}

/** JSON.stringify(value, null, 2) placed `depth` levels deep (JSON strings hold no raw line break). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * The same report written in pieces as documents are read: a 100 MB export's documents are
 * longer than the longest string V8 builds, and need not all be held. The pieces joined are
 * JSON.stringify(report, null, 2) of `{ version, documents, invalid }`.
 */
export class ExtractWriter {
  private count = 0;

  head(): string {
    return '{\n  "version": 1,\n  "documents": [';
  }

  documents(batch: readonly BillingDocument[]): string {
    let piece = '';
    for (const doc of batch) piece += `${this.count++ === 0 ? '' : ','}\n    ${nested(serializeDocument(doc), 2)}`;
    return piece;
  }

  /** The rows that could not be read, and how each CSV file's columns were read (issue 12). */
  tail(invalid: readonly InvalidInputEvent[], readings: readonly FileReading[] = []): string {
    const rows = invalid.map(({ file, line, reason, column, value, documentId }) => {
      return { file, line, reason, column, value, documentId };
    });
    const files = readings.length === 0 ? '' : `,\n  "files": ${nested(readingsJson(readings), 1)}`;
    return `${this.count === 0 ? '' : '\n  '}],\n  "invalid": ${nested(rows, 1)}${files}\n}\n`;
  }
}

const amount = (value: Money | undefined): string | undefined => value?.toFixed(2);

function serializeLine(line: DocumentLine): Record<string, string | undefined> {
  return {
    description: line.description,
    net: amount(line.net),
    tax: amount(line.tax),
    total: amount(line.total),
    quantity: line.quantity,
    unitPrice: amount(line.unitPrice),
    taxRate: line.taxRate,
    taxCategory: line.taxCategory,
  };
}

// ---- e-invoice fields (EN 16931): left out when absent, as every field ----
const serializeBreakdown = (row: VatBreakdown): Record<string, string | undefined> => ({
  category: row.category,
  rate: row.rate,
  taxableAmount: amount(row.taxableAmount),
  taxAmount: amount(row.taxAmount),
});

const serializeAllowanceCharge = (item: AllowanceCharge): Record<string, unknown> => ({
  charge: item.charge,
  amount: amount(item.amount),
  taxCategory: item.taxCategory,
  taxRate: item.taxRate,
  reason: item.reason,
});

const serializePageFacts = (facts: PageFacts | undefined): Record<string, string | undefined> | undefined =>
  facts === undefined
    ? undefined
    : { id: facts.id, issueDate: facts.issueDate, total: amount(facts.total), amountDue: amount(facts.amountDue) };

function serializeEInvoiceFields(doc: BillingDocument): Record<string, unknown> {
  return {
    typeCode: doc.typeCode,
    lineNetTotal: amount(doc.lineNetTotal),
    allowanceTotal: amount(doc.allowanceTotal),
    chargeTotal: amount(doc.chargeTotal),
    paidAmount: amount(doc.paidAmount),
    amountDueRounding: amount(doc.amountDueRounding),
    thirdPartyPaymentTotal: amount(doc.thirdPartyPaymentTotal),
    allowanceCharges: doc.allowanceCharges?.map(serializeAllowanceCharge),
    vatBreakdown: doc.vatBreakdown?.map(serializeBreakdown),
    seller: doc.seller,
    buyer: doc.buyer,
    pageFacts: serializePageFacts(doc.pageFacts),
  };
}
// ---- end of e-invoice fields ----

export function serializeDocument(doc: BillingDocument): Record<string, unknown> {
  return {
    kind: doc.kind,
    id: doc.id,
    account: doc.account,
    operator: doc.operator,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    effectiveDate: doc.effectiveDate,
    currency: doc.currency,
    // Only when nothing in the input said it (issue 13): extract shows what billcheck assumed.
    currencyGuessed: doc.currencyGuessed,
    country: doc.country,
    net: amount(doc.net),
    tax: amount(doc.tax),
    total: amount(doc.total),
    amountDue: amount(doc.amountDue),
    rounding: amount(doc.rounding),
    ...serializeEInvoiceFields(doc),
    lines: doc.lines.map(serializeLine),
    references: doc.references,
    status: doc.status,
    dunningTitle: doc.dunningTitle,
    source: doc.source,
  };
}
