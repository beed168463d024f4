/**
 * The engine's view of an account's history: the compact entries account rules read, in date order.
 * Defined with the engine (which builds, stores and shards them), not with the rule contract.
 */
import type { AmountStyle, DocumentKind } from '../model/document.js';
import type { Money } from '../model/money.js';

/**
 * The compact record an account rule sees for each document: integer-backed amounts, day
 * numbers, an id. Account rules keep the whole account history, so a million-row bill run
 * keeps these (tens of bytes) rather than documents with their lines.
 */
export interface AccountEntry {
  readonly kind: DocumentKind;
  readonly id: string | undefined;
  readonly account: string;
  readonly currency: string;
  readonly issueDay: number | undefined;
  readonly dueDay: number | undefined;
  readonly periodStartDay: number | undefined;
  readonly periodEndDay: number | undefined;
  readonly effectiveDay: number | undefined;
  readonly total: Money | undefined;
  readonly amountDue: Money | undefined;
  /** No lines and no amount, or only zero amounts (see model/blank.ts). */
  readonly blank: boolean;
  /** The input marks the bill paid (a CSV status column); dunning-while-in-credit counts it as covered. */
  readonly paid?: boolean;
  /** A dunning letter's fee lines, summed (model/fees.ts): what it adds to the debt it demands. */
  readonly fees?: Money;
  /**
   * Where a numbered invoice's exact content is kept (a ContentLog reference; NaN for other
   * entries): RuleContext.contentDifference compares two of them.
   */
  readonly contentRef: number;
  readonly references: readonly string[];
  readonly file: string;
  readonly line: number;
  readonly amountStyle: AmountStyle | undefined;
  /**
   * The country the document's national phone numbers are read in (its own, else its currency's),
   * for the identity keys of its account (identity/account-key.ts); undefined when nothing says.
   * It travels with the entry: the thread that keeps an account is not always the one that read
   * its documents, and one thread and two must key the account alike (issue 13).
   */
  readonly country?: string;
}

/** One account's documents in date order (issue date, else effective date, else period start; then file, line). */
export interface AccountTimeline {
  readonly account: string;
  readonly entries: readonly AccountEntry[];
}
