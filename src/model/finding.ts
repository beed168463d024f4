import type { DocumentKind } from './document.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type EvidenceValue = string | number | boolean | null | readonly string[];

/** One finding as reporters print it: flat, amounts as decimal strings, dates as ISO dates. */
export interface Finding {
  readonly ruleId: string;
  /** The rule's message id ("aboveCeiling"), for programs: the message itself follows the report's language. */
  readonly messageId?: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly account?: string;
  readonly documentId?: string;
  readonly documentKind?: DocumentKind;
  readonly date?: string;
  readonly amount?: string;
  readonly currency?: string;
  /** Keys are chosen by rules (never by input); a null-prototype object. */
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
}

/** The reserved rule id for rows and texts that cannot be read. */
export const INVALID_INPUT = 'invalid-input';

/** The reserved rule id for one bill number claimed by two accounts with different content (src/identity). */
export const ACCOUNT_CONFLICT = 'account-conflict';
