import type { BillingDocument } from './document.js';

/**
 * What a parser yields, in input order: documents, and rows or texts that could not be read.
 * Every data row ends in exactly one of the two (rows read = rows in documents + rows reported).
 */
export type ParseEvent = DocumentEvent | InvalidInputEvent | ColumnsEvent | NoticeEvent;

/** How a column's role was decided: its header's wording, its values, or `--map`. */
export type RoleSource = 'name' | 'values' | 'map';

export interface ColumnRole {
  /** The header as written. */
  readonly column: string;
  /** The model field it fills ("period" for one cell holding both period dates), or undefined: not read. */
  readonly field?: string;
  readonly decidedBy?: RoleSource;
}

/** Once per CSV file, before its documents: which column was read as which field, and why. */
export interface ColumnsEvent {
  readonly type: 'columns';
  readonly file: string;
  readonly columns: readonly ColumnRole[];
  /** True when some role was decided beyond an exact header name (values, keywords, a doubt). */
  readonly inferred: boolean;
}

/**
 * Something a reader inferred or set aside that is not a row of its own (no row count): a
 * column decided against its header, rows that are not about bills, a repeated header.
 */
export interface NoticeEvent {
  readonly type: 'notice';
  readonly file: string;
  /** The line it concerns, when one does. */
  readonly line?: number;
  readonly level: 'info' | 'warning';
  /** Stable id, e.g. "column-role", "duplicate-column", "repeated-header", "not-bills", "row-conflict". */
  readonly code: string;
  readonly message: string;
  /** The `--map FIELD=COLUMN` that settles a doubt about a column. */
  readonly map?: string;
}

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

/**
 * A part of an input that billcheck does not read (yet), such as a PDF attached to an e-mail:
 * counted and named in the report, never dropped without a word. It holds no data row, so it is
 * no ParseEvent: readers hand it to the caller's `skipped` callback.
 */
export interface SkippedPart {
  /** "mail.eml#facture.pdf". */
  readonly file: string;
  readonly reason: string;
}

export type SkippedSink = (part: SkippedPart) => void;

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
