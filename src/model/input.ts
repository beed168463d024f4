import type { BillingDocument } from './document.js';

/**
 * What a parser yields, in input order: documents, and rows or texts that could not be read.
 * Every data row ends in exactly one of the two (rows read = rows in documents + rows reported).
 */
export type ParseEvent = DocumentEvent | InvalidInputEvent;

export interface DocumentEvent {
  readonly type: 'document';
  readonly document: BillingDocument;
}

export interface InvalidInputEvent {
  readonly type: 'invalid';
  readonly file: string;
  readonly line: number;
  /** One sentence, e.g. "the amount cannot be read". */
  readonly reason: string;
  /** The column name as the input wrote it, when the problem is one field. */
  readonly column?: string;
  /** The raw value (parsers truncate it; reporters make it printable). */
  readonly value?: string;
  /** The document number of the row, when it could be read although the row could not: the finding names it. */
  readonly documentId?: string;
  /** Data rows this event accounts for (0 for a problem that is not a row, e.g. a header warning). */
  readonly rows: number;
}

/** A file that cannot be checked at all: reported on stderr, exit code 2, other files still checked. */
export class FatalInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FatalInputError';
  }
}
