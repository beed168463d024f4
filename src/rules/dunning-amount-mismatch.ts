import { defineRule } from '../engine/rule.js';
import { Money } from '../model/money.js';
import { hasDunningLetter, invoiceAmount } from './support/invoices.js';
import { AccountLedger } from './support/ledger.js';
import { amountAtLeastZeroOption } from './support/options.js';

/** A demand must match the debt behind it; anything else is either an overcharge or a ledger nobody can follow. */
export default defineRule({
  id: 'dunning-amount-mismatch',
  scope: 'account',
  severity: 'warning',
  description: 'A dunning letter demands a different amount from what the invoices it refers to still owe.',
  docs: {
    why: 'A reminder should demand what its invoices still owe on its date: their totals minus the credit notes (avoirs) and payments that refer to them, dated on or before the letter. A higher demand often means a promised credit note or a payment was not taken into account, or that fees were added; a lower one that the letter and the account disagree (often a payment missing from the input). The rule only judges letters whose invoices are all in the input, in one currency; undated letters, credit notes and payments cannot be placed and are left out. A letter for invoices that owe nothing at all is left to dunning-while-in-credit (credit notes and payments cover them) and dunning-for-blank-invoice (they bill nothing). Fees a letter adds on lines of their own (recovery costs, penalties, interest) are not part of the debt: the rule compares the rest of the demand with what is owed, and leaves the fees to collection-fee-charged.',
    whatToDo:
      'List the invoices, credit notes and payments behind the letter and ask the operator to explain the difference in writing before paying it.',
    basis:
      "Recovery or collection fees cannot be charged to a consumer without an enforceable title (Code des procédures civiles d'exécution, art. L111-8); only late-payment interest may legitimately raise a demand (Code civil, art. 1231-6).",
    options: {
      tolerance:
        'Differences up to this amount are accepted, such as late-payment interest (in the letter currency). Default: exact to the cent.',
      flagLowerDemands:
        'Also report letters demanding less than what is owed (often a payment missing from the input). false: report only higher demands.',
    },
  },
  messages: {
    demandsMore:
      'A dunning letter demands {{demanded}}, but only {{owed}} is still owed on {{invoices}} by its date: {{difference}} too much.',
    demandsLess:
      'A dunning letter demands {{demanded}}, but {{owed}} is still owed on {{invoices}} by its date: {{difference}} less.',
    debtDemandsMore:
      'A dunning letter demands {{debt}} for the debt (besides {{fees}} of fees), but only {{owed}} is still owed on {{invoices}} by its date: {{difference}} too much.',
    debtDemandsLess:
      'A dunning letter demands {{debt}} for the debt (besides {{fees}} of fees), but {{owed}} is still owed on {{invoices}} by its date: {{difference}} less.',
  },
  // Widened: the literal `true` would make the config's `false` a type error.
  options: { tolerance: '0.00', flagLowerDemands: true as boolean },
  validateOptions: (options) => amountAtLeastZeroOption('tolerance', options.tolerance),
  checkAccount(timeline, ctx) {
    if (!hasDunningLetter(timeline.entries)) return;
    let ledger: AccountLedger | undefined;
    const tolerance = ctx.moneyOption('tolerance');
    for (const letter of timeline.entries) {
      const demanded = letter.amountDue ?? letter.total;
      if (
        letter.kind !== 'dunning' ||
        demanded === undefined ||
        letter.issueDay === undefined ||
        letter.references.length === 0
      )
        continue;
      // Built once, only for accounts that have a letter to judge.
      ledger ??= new AccountLedger(timeline.entries);
      const owed = ledger.owedAt(letter.references, letter.issueDay);
      if (owed === undefined || owed.currency !== letter.currency) continue;
      // One fact, one finding: a letter for a debt that does not exist is another rule's.
      if (owesNothing(owed.amount, letter.references, ledger)) continue;
      // The fees the letter adds are their own matter (collection-fee-charged): only the debt part is compared.
      const fees = letter.fees !== undefined && letter.fees.lt(demanded) ? letter.fees : undefined;
      const debt = fees === undefined ? demanded : demanded.sub(fees);
      const excess = debt.sub(owed.amount);
      if (!excess.abs().gt(tolerance)) continue;
      const higher = !excess.isNegative();
      if (!higher && !ctx.options.flagLowerDemands) continue;
      const invoices = [...new Set(letter.references)];
      const difference = excess.abs();
      if (fees === undefined) {
        ctx.report({
          messageId: higher ? 'demandsMore' : 'demandsLess',
          data: { demanded, owed: owed.amount, difference, invoices },
          document: letter,
        });
      } else {
        ctx.report({
          messageId: higher ? 'debtDemandsMore' : 'debtDemandsLess',
          data: { demanded, fees, debt, owed: owed.amount, difference, invoices },
          document: letter,
        });
      }
    }
  },
});

/**
 * Nothing is owed: the invoices are blank or zero (dunning-for-blank-invoice), or credit notes
 * and payments cover them (dunning-while-in-credit). Owing less than nothing because an invoice
 * bills a negative amount is no such case: no other rule judges that letter.
 */
function owesNothing(owed: Money, references: readonly string[], ledger: AccountLedger): boolean {
  if (owed.gt(Money.ZERO)) return false;
  return references.every((id) => {
    const invoice = ledger.invoice(id);
    const billed = invoice === undefined ? undefined : invoiceAmount(invoice);
    return billed !== undefined && !billed.isNegative();
  });
}
