/**
 * The amount a reminder writes in a sentence rather than after a label (issue 13, a tryout):
 * "Your Three bill TH-100233 for £24.00 is now overdue." (Three UK's e-mails), "Ihre Rechnung
 * 900012345604 vom 03.04.2025 über 39,95 € …" (Telekom's Zahlungserinnerung). Read only when it is
 * unambiguous: one bill named, one amount said of it; anything else stays unread, never guessed.
 */
import type { Money } from '../../model/money.js';
import type { DateOrder } from '../values/dates.js';
import { type AmountToken, scanAmounts } from './amounts.js';
import { dateSpans, excludedSpans } from './facts.js';
import type { TextLine } from './lines.js';

/**
 * A bill named in the sentence before the amount: "bill TH-1", "Rechnung 9000…", "facture n° F-1";
 * or the balance a final notice asks for ("Please pay the full balance of £48.98", EE; tryout 6).
 */
const BILL_BEFORE =
  /\b(?:bill|invoice|rechnung|facture)\b|\bpay (?:the |your )?(?:full |outstanding |total )?balance\b/;
/**
 * The word that ties the amount to the bill, right before it: "for £24.00", "über 39,95 €", "de 39,99 €",
 * "le montant de votre facture n° …, soit 19,99 €" (a direct-debit notice; tryout 8).
 */
const TIE_BEFORE = /(?:^|\s)(?:for|of|uber|d un montant de|de|soit)\s*$/;
/** A sentence ends at a full stop followed by a space (amounts' own dots are followed by digits). */
const SENTENCE_END = /[.!?](?=\s|$)/g;

/** The sentence of `folded` that holds `index`: from the last full stop before it. */
function sentenceStart(folded: string, raw: string, index: number): number {
  let start = 0;
  for (const match of raw.slice(0, index).matchAll(SENTENCE_END)) start = match.index + 1;
  return Math.min(start, folded.length);
}

/**
 * The end of the sentence the previous line leaves open, for an amount its sentence carries over:
 * "votre facture n° 0726-88421937 du 06/07/2026 d'un montant / de 44,99 €" (SFR's reminder; tryout 6).
 */
function openSentence(previous: TextLine | undefined, line: TextLine): string {
  // Only the line right above: a blank line between them ends the paragraph (blank lines are not kept).
  if (previous === undefined || previous.no !== line.no - 1 || previous.raw.trim() === '') return '';
  return previous.folded.slice(sentenceStart(previous.folded, previous.raw, previous.raw.length));
}

function tiedAmounts(
  line: TextLine,
  previous: TextLine | undefined,
  order: DateOrder | undefined,
  decimal: ',' | '.' | undefined,
): AmountToken[] {
  const tokens = scanAmounts(line.raw, excludedSpans(dateSpans(line.raw, order)), decimal);
  return tokens.filter((token) => {
    const start = sentenceStart(line.folded, line.raw, token.start);
    const inLine = line.folded.slice(start, token.start);
    const before = start === 0 ? `${openSentence(previous, line)} ${inLine}` : inLine;
    return TIE_BEFORE.test(before) && BILL_BEFORE.test(before);
  });
}

/**
 * The one amount the text's sentences say of the one bill it names, or undefined: none said, two
 * different ones ("bill A for £10.00 … bill B for £12.00"), or several bills referred to.
 */
export function proseAmount(
  lines: readonly TextLine[],
  references: readonly string[],
  order: DateOrder | undefined,
  decimal: ',' | '.' | undefined,
): { money: Money; token: AmountToken } | undefined {
  if (references.length > 1) return undefined;
  let found: AmountToken | undefined;
  let previous: TextLine | undefined;
  for (const line of lines) {
    const tied = tiedAmounts(line, previous, order, decimal);
    previous = line;
    for (const token of tied) {
      if (found !== undefined && !found.money.eq(token.money)) return undefined;
      found ??= token;
    }
  }
  return found === undefined ? undefined : { money: found.money, token: found };
}
