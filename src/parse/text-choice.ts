/**
 * Chooses the bill's amounts among the labelled ones. The strongest label wins; when net and
 * tax can be checked against the total, the pair that balances is preferred, so a tax base or
 * a subtotal does not pass for the net.
 */
import type { DocumentKind } from '../model/document.js';
import type { Money } from '../model/money.js';
import type { AmountToken } from './text-amounts.js';
import type { AmountFact } from './text-facts.js';

/** Combinations tried are bounded: a long statement may label hundreds of amounts. */
const MAX_CANDIDATES = 40;

export interface ChosenAmounts {
  readonly net?: Money;
  readonly tax?: Money;
  readonly total?: Money;
  readonly amountDue?: Money;
  /** The tokens chosen, for the amount style and the currency. */
  readonly tokens: readonly AmountToken[];
}

function ranked(facts: readonly AmountFact[]): AmountFact[] {
  return [...facts].sort((a, b) => b.priority - a.priority || a.order - b.order).slice(0, MAX_CANDIDATES);
}

function pickTotal(totals: readonly AmountFact[], nets: readonly AmountFact[], taxes: readonly AmountFact[]): AmountFact | undefined {
  const top = totals[0];
  if (top === undefined) return undefined;
  const best = totals.filter((fact) => fact.priority === top.priority);
  const balanced = best.find((total) => nets.some((net) => taxes.some((tax) => net.token.money.add(tax.token.money).eq(total.token.money))));
  if (balanced !== undefined) return balanced;
  // Equal labels with different figures are subtotals and the grand total: the grand total is the largest.
  return best.reduce((largest, fact) => (fact.token.money.abs().gt(largest.token.money.abs()) ? fact : largest), top);
}

/** Several VAT rates: the tax is the sum of one amount per rate line. */
function summedTax(taxes: readonly AmountFact[]): Money | undefined {
  const distinct = taxes.filter((fact, index) => taxes.findIndex((other) => other.token === fact.token) === index);
  if (distinct.length < 2) return undefined;
  let total = distinct[0]?.token.money;
  for (const fact of distinct.slice(1)) total = total?.add(fact.token.money);
  return total;
}

export function chooseAmounts(facts: readonly AmountFact[], kind: DocumentKind): ChosenAmounts {
  const of = (role: AmountFact['role']): AmountFact[] => ranked(facts.filter((fact) => fact.role === role));
  const nets = of('net');
  const taxes = of('tax');
  const dues = of('due');
  let totals = of('total');
  if (kind === 'payment') totals = ranked([...of('paid').map((fact) => ({ ...fact, priority: fact.priority + 10 })), ...totals]);
  const totalFact = pickTotal(totals, nets, taxes) ?? dues[0];
  const dueFact = dues[0];

  let netFact = nets[0];
  let taxFact = taxes[0];
  let tax = taxFact?.token.money;
  if (totalFact !== undefined) {
    const target = totalFact.token.money;
    outer: for (const net of nets) {
      for (const candidate of taxes) {
        if (net.token.money.add(candidate.token.money).eq(target)) {
          netFact = net;
          taxFact = candidate;
          tax = candidate.token.money;
          break outer;
        }
      }
    }
    const summed = summedTax(taxes.filter((fact) => fact.priority >= 50));
    if (netFact !== undefined && tax !== undefined && !netFact.token.money.add(tax).eq(target) && summed !== undefined && netFact.token.money.add(summed).eq(target)) {
      tax = summed;
    }
  }

  const chosen = [totalFact, dueFact, netFact, taxFact].filter((fact): fact is AmountFact => fact !== undefined).map((fact) => fact.token);
  let total = totalFact?.token.money;
  let amountDue = dueFact?.token.money;
  if (kind === 'dunning' && amountDue === undefined) amountDue = total;
  let net = netFact?.token.money;
  if (kind === 'credit-note' || kind === 'payment') {
    // The model stores a credit note's or a payment's magnitude; the kind gives the direction.
    [net, tax, total, amountDue] = [net?.abs(), tax?.abs(), total?.abs(), amountDue?.abs()];
  }
  return { net, tax, total, amountDue, tokens: chosen };
}
