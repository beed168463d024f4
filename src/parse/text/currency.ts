/**
 * The currency of a text bill or letter whose amounts name none ("Total credit  -61.50"): pounds
 * when the text is British by the same signals the CSV reader uses (a UK line number, a UK
 * postcode: src/parse/values/uk.ts), else undefined and the reader's euros are a guess that
 * adopts the account's stated currency (engine/account-entry.ts), never a currency-mismatch.
 */
import { ukLineIn, ukPostcodeIn } from '../values/uk.js';
import type { TextLine } from './lines.js';

export interface InferredCurrency {
  readonly code: string;
  /** What pointed to it, for the notice: "the text names a UK line (07700 900461)". */
  readonly evidence: string;
}

export function currencyFromSignals(lines: readonly TextLine[]): InferredCurrency | undefined {
  for (const line of lines) {
    const phone = ukLineIn(line.raw);
    if (phone !== undefined) return { code: 'GBP', evidence: `the text names a UK line (${phone})` };
    const postcode = ukPostcodeIn(line.raw);
    if (postcode !== undefined) return { code: 'GBP', evidence: `the text names a UK postcode (${postcode})` };
  }
  return undefined;
}

/** The notice that says from what the reader took pounds. */
export function currencyNoticeMessage(inferred: InferredCurrency): string {
  return `the amounts name no currency: read as pounds (${inferred.code}), from the text: ${inferred.evidence}`;
}
