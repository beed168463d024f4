/**
 * What is in dispute: each debt once, and what a demand adds on top of the debt apart.
 *
 * One unpaid invoice is often demanded by several letters (the operator's reminder, then a
 * collection agency's formal notice with its fees): they are one debt, not several. A debt is an
 * invoice, named by its number; a demand about one invoice is the same debt. Its amount is the
 * largest of what the invoice and the demands about it claim for the debt itself (a 0,01 € demand
 * for a blank invoice claims 0,01 €). What a demand adds to the debt (collection fees, or an excess
 * dunning-amount-mismatch measured) is disputed apart, as collection-fee-charged says: it is not owed.
 * Several findings on one demand dispute each sum once: a bill a credit note covers, which the
 * demand claims, is both dunning-while-in-credit's sum and dunning-amount-mismatch's excess.
 */
import type { AmountStyle, DocumentKind } from '../../model/document.js';
import type { Finding } from '../../model/finding.js';
import { formatMoney } from '../../model/format.js';
import { Money } from '../../model/money.js';
import type { DisputedAmount } from './letter.js';

/** What disputedAmounts needs to know of a document the letter names. */
export interface DisputedSource {
  readonly key: string;
  readonly kind: DocumentKind;
  readonly id?: string;
  readonly amount?: Money;
  readonly currency: string;
  readonly style: AmountStyle | undefined;
  readonly findings: readonly Finding[];
  readonly references: readonly string[];
}

/** The rules whose findings are about what a demand adds to the debt, not about the debt. */
const ON_TOP_RULES = new Set(['collection-fee-charged', 'dunning-amount-mismatch']);

function moneyEvidence(finding: Finding, key: string): Money | undefined {
  const value = finding.evidence[key];
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Money.parse(value) : undefined;
}

/** The fee lines a demand adds (collection-fee-charged), each found once. */
function feesOf(entry: DisputedSource): Money {
  return Money.sum(
    entry.findings
      .filter((finding) => finding.ruleId === 'collection-fee-charged')
      .flatMap((finding) => {
        const amount = moneyEvidence(finding, 'amount');
        return amount === undefined ? [] : [amount];
      }),
  );
}

/**
 * What dunning-amount-mismatch measures the demand's debt part claims beyond what is owed. When
 * the rule knew the letter's fees (evidence `fees`) it compared the debt alone, so the excess is
 * beyond the fees; otherwise the fees are inside the excess, and only what exceeds them is more.
 */
function excessOf(entry: DisputedSource, fees: Money): Money {
  let largest = Money.ZERO;
  for (const finding of entry.findings) {
    if (finding.ruleId !== 'dunning-amount-mismatch') continue;
    const difference = moneyEvidence(finding, 'difference');
    if (difference === undefined || !difference.gt(Money.ZERO)) continue;
    const beyondFees = moneyEvidence(finding, 'fees') === undefined ? difference.sub(fees) : difference;
    if (beyondFees.gt(largest)) largest = beyondFees;
  }
  return largest;
}

/**
 * The invoices of a demand that credit notes or payments already cover, beside others it claims
 * rightly (dunning-while-in-credit's partlyCovered: evidence `coveredInvoices` and the `billed`
 * there). Undefined when no finding says so.
 */
function coveredPartOf(entry: DisputedSource): { readonly invoices: string[]; readonly billed: Money } | undefined {
  // Another finding about the debt (time-barred, before its due date) disputes the whole demand.
  const others = entry.findings.filter((f) => !ON_TOP_RULES.has(f.ruleId) && f.ruleId !== 'dunning-while-in-credit');
  if (others.length > 0) return undefined;
  for (const finding of entry.findings) {
    const invoices = finding.evidence.coveredInvoices;
    const billed = moneyEvidence(finding, 'billed');
    if (finding.ruleId !== 'dunning-while-in-credit' || !Array.isArray(invoices) || billed === undefined) continue;
    if (invoices.length > 0) return { invoices: [...new Set(invoices)].sort(), billed };
  }
  return undefined;
}

interface Sum {
  total: Money;
  readonly style: AmountStyle | undefined;
}

function addTo(sums: Map<string, Sum>, currency: string, amount: Money, style: AmountStyle | undefined): void {
  const sum = sums.get(currency);
  if (sum === undefined) sums.set(currency, { total: amount, style });
  else sum.total = sum.total.add(amount);
}

function amountsOf(sums: ReadonlyMap<string, Sum>, part: DisputedAmount['part']): DisputedAmount[] {
  return [...sums].map(([currency, { total, style }]) => ({
    amount: total.toFixed(2),
    currency,
    text: formatMoney(total, currency, style),
    part,
  }));
}

/** The rules that say which of a demand's invoices are at issue (evidence `invoices`), the others not. */
const PER_INVOICE_RULES = new Set(['dunning-for-blank-invoice', 'dunning-before-due']);
/** Rules about a demand's sum as a whole that do not dispute the other invoices it claims. */
const ABOUT_THE_SUM = new Set(['dunning-trivial-amount']);

/**
 * The invoices of a demand that are at issue, when its findings name them: a reminder for a real
 * bill and a blank one disputes the blank one alone. Undefined: the whole demand is disputed.
 */
function invoicesAtIssue(entry: DisputedSource): Set<string> | undefined {
  const about = entry.findings.filter((f) => !ON_TOP_RULES.has(f.ruleId) && !ABOUT_THE_SUM.has(f.ruleId));
  if (about.length === 0 || !about.every((f) => PER_INVOICE_RULES.has(f.ruleId))) return undefined;
  const ids = about.flatMap((f) => {
    const invoices = f.evidence.invoices;
    return Array.isArray(invoices) ? invoices : [];
  });
  return ids.length === 0 ? undefined : new Set(ids);
}

/** The debts in dispute, then what demands add on top of them, per currency. */
export function disputedAmounts(named: readonly DisputedSource[]): DisputedAmount[] {
  const disputed = named.filter(
    (entry) => entry.findings.length > 0 && (entry.kind === 'invoice' || entry.kind === 'dunning'),
  );
  // An invoice disputed for itself (not only for a fee on it) makes every demand for it disputed too.
  const disputedInvoices = new Set(
    disputed.flatMap((entry) =>
      entry.kind === 'invoice' && entry.id !== undefined && entry.findings.some((f) => !ON_TOP_RULES.has(f.ruleId))
        ? [entry.id]
        : [],
    ),
  );
  // Per currency and debt: the largest amount claimed for the debt itself.
  const debts = new Map<string, { amount: Money; currency: string; style: AmountStyle | undefined }>();
  const claim = (key: string, amount: Money, entry: DisputedSource): void => {
    const at = `${entry.currency}\u0000${key}`;
    const known = debts.get(at);
    if (known === undefined || amount.gt(known.amount))
      debts.set(at, { amount, currency: entry.currency, style: entry.style ?? known?.style });
  };
  // What the undisputed invoices a demand also claims bill: that part of the demand is not disputed.
  const undisputedBills = new Map<string, Money>();
  for (const entry of named)
    if (entry.kind === 'invoice' && entry.id !== undefined && entry.findings.length === 0 && entry.amount !== undefined)
      undisputedBills.set(entry.id, entry.amount);
  const onTop = new Map<string, Sum>();
  const coveredByGroup = new Set<string>();
  const claimDebt = (refs: readonly string[], amount: Money, entry: DisputedSource): void => {
    if (refs.length > 1) for (const ref of refs) coveredByGroup.add(`${entry.currency}\u0000${ref}`);
    claim(refs.length === 0 ? entry.key : refs.join('+'), amount.isNegative() ? Money.ZERO : amount, entry);
  };
  for (const entry of disputed) {
    // Each sum once, whatever the number of findings on it: the fee lines; the excess
    // dunning-amount-mismatch measures beyond what is owed; the debt itself. A bill a credit note
    // covers, which the demand still claims, is both dunning-while-in-credit's sum and part of that
    // excess (what is owed leaves it out): it is disputed as the debt, and not again on top.
    const fees = feesOf(entry);
    if (fees.gt(Money.ZERO)) addTo(onTop, entry.currency, fees, entry.style);
    const excess = excessOf(entry, fees);
    const aboutTheDebt = entry.findings.some((finding) => !ON_TOP_RULES.has(finding.ruleId));
    const covered = entry.kind === 'dunning' ? coveredPartOf(entry) : undefined;
    const beyond = covered === undefined ? excess : excess.sub(covered.billed);
    if (beyond.gt(Money.ZERO)) addTo(onTop, entry.currency, beyond, entry.style);
    if (entry.amount === undefined) continue;
    const debtPart = entry.amount.sub(fees);
    if (covered !== undefined && invoicesAtIssue(entry) === undefined) {
      // Only the covered invoices' part of the demand is in dispute; the others it claims are owed.
      claimDebt(covered.invoices, covered.billed.gt(debtPart) ? debtPart : covered.billed, entry);
      continue;
    }
    let principal = excess.gt(Money.ZERO) ? debtPart.sub(excess) : debtPart;
    if (entry.kind === 'invoice') {
      if (aboutTheDebt) claimDebt([entry.id ?? entry.key], principal, entry);
      continue;
    }
    const atIssue = invoicesAtIssue(entry);
    let refs = [...new Set(entry.references)].sort();
    if (atIssue !== undefined) {
      for (const ref of refs) {
        const bill = atIssue.has(ref) ? undefined : undisputedBills.get(ref);
        if (bill !== undefined) principal = principal.sub(bill);
      }
      refs = refs.filter((ref) => atIssue.has(ref) || !undisputedBills.has(ref));
    }
    if (!aboutTheDebt && !refs.some((ref) => disputedInvoices.has(ref))) continue;
    claimDebt(refs, principal, entry);
  }
  // A demand for several invoices holds them all: each of them alone would be counted twice.
  const sums = new Map<string, Sum>();
  for (const [at, debt] of debts) if (!coveredByGroup.has(at)) addTo(sums, debt.currency, debt.amount, debt.style);
  return [...amountsOf(sums, 'debt'), ...amountsOf(onTop, 'on-top')];
}
