/**
 * Chooses the bill's amounts among the labelled ones. The strongest label wins; when net and
 * tax can be checked against the total, the pair that balances is preferred, so a tax base or
 * a subtotal does not pass for the net. A printed round-off ("Round Off (-) 0.50") takes part in
 * that check only: net + tax + round-off = total confirms a choice, and no amount is changed by it.
 */
import type { DocumentKind } from '../../model/document.js';
import { Money } from '../../model/money.js';
import type { AmountToken } from './amounts.js';
import { type AmountFact, LINE_ROW_PRIORITY } from './facts.js';

/** Combinations tried are bounded: a long statement may label hundreds of amounts. */
const MAX_CANDIDATES = 40;
/** The priority of a tax label naming one rate ("TVA 20 %", "CGST @ 9%"), below a labelled tax total. */
const RATE_LINE_PRIORITY = 50;

export interface ChosenAmounts {
  readonly net?: Money;
  readonly tax?: Money;
  readonly total?: Money;
  readonly amountDue?: Money;
  /** The printed round-off that reconciles net + tax with the total (EN 16931 BT-114), signed. */
  readonly rounding?: Money;
  /** The tokens chosen, for the amount style and the currency. */
  readonly tokens: readonly AmountToken[];
}

function ranked(facts: readonly AmountFact[]): AmountFact[] {
  return [...facts].sort((a, b) => b.priority - a.priority || a.order - b.order).slice(0, MAX_CANDIDATES);
}

/**
 * What net + tax may differ from the total by: nothing, or a printed round-off. A round-off
 * printed without a sign ("Round Off 0.50") may go either way.
 */
function adjustments(roundings: readonly AmountFact[]): Money[] {
  const candidates: Money[] = [Money.ZERO];
  for (const fact of roundings.slice(0, 2)) {
    const size = fact.token.money.abs();
    if (size.isZero()) continue;
    if (fact.sign === 'minus' || fact.token.money.isNegative()) candidates.push(size.neg());
    else if (fact.sign === 'plus') candidates.push(size);
    else candidates.push(size.neg(), size);
  }
  return candidates;
}

function adds(net: Money, tax: Money, total: Money, adjusted: readonly Money[]): boolean {
  const sum = net.add(tax);
  return adjusted.some((adjustment) => sum.add(adjustment).eq(total));
}

function pickTotal(
  totals: readonly AmountFact[],
  nets: readonly AmountFact[],
  taxes: readonly AmountFact[],
  adjusted: readonly Money[],
): AmountFact | undefined {
  const top = totals[0];
  if (top === undefined) return undefined;
  const best = totals.filter((fact) => fact.priority === top.priority);
  const balanced = best.find((total) =>
    nets.some((net) => taxes.some((tax) => adds(net.token.money, tax.token.money, total.token.money, adjusted))),
  );
  if (balanced !== undefined) return balanced;
  // Equal labels with different figures are subtotals and the grand total: the grand total is the largest.
  return best.reduce((largest, fact) => (fact.token.money.abs().gt(largest.token.money.abs()) ? fact : largest), top);
}

/** Several rates (VAT 19 % and 7 %, CGST and SGST): the tax is the sum of one amount per rate line. */
function summedTax(taxes: readonly AmountFact[]): Money | undefined {
  const perRate = taxes.filter(
    (fact, index) =>
      fact.priority === RATE_LINE_PRIORITY && taxes.findIndex((other) => other.token === fact.token) === index,
  );
  if (perRate.length < 2) return undefined;
  let total = perRate[0]?.token.money;
  for (const fact of perRate.slice(1)) total = total?.add(fact.token.money);
  return total;
}

/**
 * The missing one of net and tax, as total minus the other, but only when the document writes
 * that figure somewhere (a subtotal without a label, a tax summary's column): a difference
 * nobody printed is a guess.
 */
function writtenDifference(
  total: Money,
  part: Money,
  written: readonly AmountToken[],
  except: AmountToken,
): AmountToken | undefined {
  const difference = total.sub(part);
  if (difference.isNegative() || difference.isZero()) return undefined;
  return written.find((token) => token !== except && token.money.eq(difference));
}

interface Pair {
  net?: AmountFact | AmountToken;
  tax?: Money;
  taxToken?: AmountToken;
}

function tokenOf(fact: AmountFact | AmountToken | undefined): AmountToken | undefined {
  if (fact === undefined) return undefined;
  return 'token' in fact ? fact.token : fact;
}

/** Net and tax that add up to the total, preferring labelled figures. */
function balancedPair(
  total: AmountFact,
  nets: readonly AmountFact[],
  taxes: readonly AmountFact[],
  written: readonly AmountToken[],
  adjusted: readonly Money[],
): Pair | undefined {
  const target = total.token.money;
  // Without a round-off first: a pair that adds up exactly beats one that needs the rounding.
  for (const tried of [adjusted.slice(0, 1), adjusted]) {
    for (const net of nets) {
      for (const tax of taxes) {
        if (adds(net.token.money, tax.token.money, target, tried))
          return { net, tax: tax.token.money, taxToken: tax.token };
      }
    }
  }
  const summed = summedTax(taxes);
  const net = nets[0];
  if (net !== undefined && summed !== undefined && adds(net.token.money, summed, target, adjusted))
    return { net, tax: summed };
  if (net === undefined) {
    const candidates: (Money | AmountFact)[] = summed === undefined ? [...taxes] : [summed, ...taxes];
    for (const candidate of candidates) {
      const money = 'token' in candidate ? candidate.token.money : candidate;
      const derived = writtenDifference(target, money, written, total.token);
      if (derived !== undefined)
        return { net: derived, tax: money, taxToken: 'token' in candidate ? candidate.token : undefined };
    }
  } else if (taxes.length === 0) {
    const derived = writtenDifference(target, net.token.money, written, total.token);
    if (derived !== undefined) return { net, tax: derived.money, taxToken: derived };
  }
  return undefined;
}

/** `written` is every amount of the document, labelled or not. */
export function chooseAmounts(
  facts: readonly AmountFact[],
  kind: DocumentKind,
  written: readonly AmountToken[] = [],
): ChosenAmounts {
  const of = (role: AmountFact['role']): AmountFact[] => ranked(facts.filter((fact) => fact.role === role));
  const dues = of('due');
  // Figures of the first line of the bill's table are its amounts only when no total or amount due
  // is labelled (a one-line bill); beside one, that line is one of several (a tryout's 149 040 € bill).
  const fromLineRow = (fact: AmountFact): boolean => fact.priority <= LINE_ROW_PRIORITY;
  const labelled = dues.length > 0 || of('total').some((fact) => !fromLineRow(fact));
  const kept = (role: AmountFact['role']): AmountFact[] =>
    labelled ? of(role).filter((fact) => !fromLineRow(fact)) : of(role);
  const nets = kept('net');
  const taxes = kept('tax');
  let totals = kept('total');
  if (kind === 'payment')
    totals = ranked([...of('paid').map((fact) => ({ ...fact, priority: fact.priority + 10 })), ...totals]);
  const adjusted = adjustments(of('rounding'));
  const totalFact = pickTotal(totals, nets, taxes, adjusted) ?? dues[0];
  const dueFact = dues[0];

  const pair = totalFact === undefined ? undefined : balancedPair(totalFact, nets, taxes, written, adjusted);
  const netToken = tokenOf(pair?.net ?? nets[0]);
  const taxToken = pair === undefined ? taxes[0]?.token : pair.taxToken;
  let tax = pair === undefined ? taxes[0]?.token.money : pair.tax;

  const chosen = [totalFact?.token, dueFact?.token, netToken, taxToken].filter(
    (token): token is AmountToken => token !== undefined,
  );
  let total = totalFact?.token.money;
  let amountDue = dueFact?.token.money;
  if (kind === 'dunning' && amountDue === undefined) amountDue = total;
  let net = netToken?.money;
  if (kind === 'credit-note' || kind === 'payment') {
    // The model stores a credit note's or a payment's magnitude; the kind gives the direction.
    [net, tax, total, amountDue] = [net?.abs(), tax?.abs(), total?.abs(), amountDue?.abs()];
  }
  const rounding = roundingBetween(net, tax, total, adjusted);
  return { net, tax, total, amountDue, ...(rounding === undefined ? {} : { rounding }), tokens: chosen };
}

/** The round-off that makes net + tax equal the total, when one is needed and printed. */
function roundingBetween(
  net: Money | undefined,
  tax: Money | undefined,
  total: Money | undefined,
  adjusted: readonly Money[],
): Money | undefined {
  if (net === undefined || tax === undefined || total === undefined || net.add(tax).eq(total)) return undefined;
  return adjusted.find((adjustment) => !adjustment.isZero() && net.add(tax).add(adjustment).eq(total));
}
