import type { BillingDocument, DocumentLine } from '../model/document.js';
import type { InvalidInputEvent } from '../model/input.js';
import type { Money } from '../model/money.js';

/**
 * `billcheck extract`: the normalized documents with the model's field names, amounts as
 * decimal strings, absent fields left out (absent is not zero). Rows that could not be read
 * are listed under `invalid`, so that nothing billcheck was given goes unaccounted for.
 */
export function renderExtract(documents: readonly BillingDocument[], invalid: readonly InvalidInputEvent[]): string {
  const writer = new ExtractWriter();
  return [writer.head(), writer.documents(documents), writer.tail(invalid)].join('');
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

  tail(invalid: readonly InvalidInputEvent[]): string {
    const rows = invalid.map(({ file, line, reason, column, value, documentId }) => {
      return { file, line, reason, column, value, documentId };
    });
    return `${this.count === 0 ? '' : '\n  '}],\n  "invalid": ${nested(rows, 1)}\n}\n`;
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
  };
}

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
    country: doc.country,
    net: amount(doc.net),
    tax: amount(doc.tax),
    total: amount(doc.total),
    amountDue: amount(doc.amountDue),
    rounding: amount(doc.rounding),
    lines: doc.lines.map(serializeLine),
    references: doc.references,
    source: doc.source,
  };
}
