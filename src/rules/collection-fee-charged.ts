import { defineRule } from '../engine/rule.js';
import type { DocumentLine } from '../model/document.js';
import { chargedAmount, DUNNING_WORDINGS, FEE_WORDINGS, normalizeWording } from '../model/fees.js';

const wordingsWithExtras = new WeakMap<readonly string[], readonly string[]>();

function wordings(extra: readonly string[]): readonly string[] {
  if (extra.length === 0) return FEE_WORDINGS;
  let all = wordingsWithExtras.get(extra);
  if (all === undefined) {
    all = [...FEE_WORDINGS, ...extra.map(normalizeWording).filter((wording) => wording !== '')];
    wordingsWithExtras.set(extra, all);
  }
  return all;
}

/**
 * Verdicts on descriptions already seen, for the built-in wordings: a bill run repeats the same
 * few hundred line labels millions of times, and normalizing each one again was a seventh of
 * the run. Bounded, so that a file of unique labels cannot grow it without end.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 20_000;

/** Plain substring search on normalized text: linear, whatever the input. */
function namesAFee(description: string, feeWordings: readonly string[]): boolean {
  const cacheable = feeWordings === FEE_WORDINGS;
  const known = cacheable ? verdicts.get(description) : undefined;
  if (known !== undefined) return known;
  const text = ` ${normalizeWording(description)}`;
  const verdict = feeWordings.some((wording) => text.includes(` ${wording}`));
  if (cacheable) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(description, verdict);
  }
  return verdict;
}

/** Recovery costs without an enforceable title stay with the creditor: billing them to a consumer is not allowed. */
export default defineRule({
  id: 'collection-fee-charged',
  scope: 'document',
  severity: 'warning',
  description: 'Recovery, dunning or late-payment fees are billed to a consumer.',
  docs: {
    why: 'Operators and their collection agencies add "frais de relance", "frais de recouvrement" or the 40 € "indemnité forfaitaire pour frais de recouvrement" to consumer debts. Without a court decision or another enforceable title, the cost of recovering a debt stays with the creditor, and the 40 € indemnity applies only between businesses.',
    whatToDo:
      "Refuse to pay the fee (pay the undisputed part of the debt), and ask the operator in writing to remove it, citing article L111-8 of the Code des procédures civiles d'exécution.",
    basis:
      "Code des procédures civiles d'exécution, article L111-8 (recovery costs without an enforceable title are borne by the creditor; contrary clauses are void). The 40 € indemnity: Code de commerce, articles L441-10 and D441-5 (business debtors only). Turn the rule off for business accounts.",
    options: {
      extraPatterns: 'More wordings of such fees, matched in line descriptions ignoring case, accents and punctuation.',
    },
  },
  messages: {
    // Named as the document names the fee, not by its line's rank: on a letter, "Item 1" says nothing (tryout).
    feeCharged: 'A collection fee is billed to the customer: "{{description}}", {{amount}}.',
  },
  options: { extraPatterns: [] as string[] },
  validateOptions(options) {
    // A wording of punctuation alone normalizes to nothing and would silently match no line.
    const empty = options.extraPatterns.find((pattern) => normalizeWording(pattern) === '');
    return empty === undefined
      ? undefined
      : `"extraPatterns" lists ${JSON.stringify(empty)}, which has no letter or digit to match`;
  },
  checkDocument(doc, ctx) {
    // A credit note or a payment that mentions such fees gives them back.
    if (doc.kind === 'credit-note' || doc.kind === 'payment') return;
    const extra = ctx.options.extraPatterns;
    const feeWordings = wordings(Array.isArray(extra) ? extra : []);
    for (let index = 0; index < doc.lines.length; index++) {
      const line = doc.lines[index] as DocumentLine;
      if (line.description === undefined) continue;
      const amount = chargedAmount(line);
      if (amount === undefined) continue;
      if (
        !namesAFee(line.description, feeWordings) &&
        !(doc.kind === 'dunning' && namesAFee(line.description, DUNNING_WORDINGS))
      )
        continue;
      ctx.report({
        messageId: 'feeCharged',
        data: { line: index + 1, description: line.description, amount },
        document: doc,
      });
    }
  },
});
