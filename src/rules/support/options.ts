/**
 * Checks of option values beyond their type, for the rules' `validateOptions`: the config loader
 * has already made each value the type of its default (a number, a decimal string, a list of
 * strings). Each check returns what is wrong, as a phrase naming the option, or undefined.
 */
import type { OptionValue } from '../../engine/rule.js';
import { Money } from '../../model/money.js';
import { parseRate } from './arithmetic.js';

/** The first problem of several checks, so that a rule validates all its options in one expression. */
export function firstProblem(...problems: readonly (string | undefined)[]): string | undefined {
  return problems.find((problem) => problem !== undefined);
}

const show = (value: OptionValue): string => JSON.stringify(value);

/** A count of days, years or bills, from `min` up to `max` when there is one. */
export function wholeNumberOption(name: string, value: OptionValue, min: number, max = Infinity): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return undefined;
  const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
  return `"${name}" must be a whole number ${range}, not ${show(value)}`;
}

/** A plain number strictly above `floor` (a factor). */
export function numberAboveOption(name: string, value: OptionValue, floor: number): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > floor) return undefined;
  return `"${name}" must be a number above ${floor}, not ${show(value)}`;
}

function parseAmount(value: OptionValue): Money | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    return Money.parse(String(value));
  } catch {
    // Not a decimal, or more digits than an exact amount holds.
    return undefined;
  }
}

/** An amount (a decimal string) of at least zero: a tolerance, a threshold. */
export function amountAtLeastZeroOption(name: string, value: OptionValue): string | undefined {
  const amount = parseAmount(value);
  if (amount !== undefined && !amount.isNegative()) return undefined;
  return `"${name}" must be an amount of at least 0, not ${show(value)}`;
}

/** An amount (a decimal string) above zero: a ceiling. */
export function positiveAmountOption(name: string, value: OptionValue): string | undefined {
  const amount = parseAmount(value);
  if (amount !== undefined && !amount.isNegative() && !amount.isZero()) return undefined;
  return `"${name}" must be an amount above 0, not ${show(value)}`;
}

/** A list of VAT rates in percent ("20", "5.5"); an empty list would explain no tax at all. */
export function ratesOption(name: string, value: OptionValue): string | undefined {
  if (!Array.isArray(value)) return `"${name}" must be a list of rates in percent, such as ["20", "5.5"]`;
  if (value.length === 0) return `"${name}" must list at least one rate`;
  const wrong = value.find((rate) => parseRate(rate) === undefined);
  if (wrong === undefined) return undefined;
  return `"${name}" lists ${show(wrong)}, which is not a rate in percent such as "20" or "5.5"`;
}

const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** A list of ISO 4217 currency codes ("EUR", "USD"). */
export function currenciesOption(name: string, value: OptionValue): string | undefined {
  if (!Array.isArray(value)) return `"${name}" must be a list of currency codes, such as ["EUR"]`;
  const wrong = value.find((code) => !CURRENCY_CODE.test(code));
  if (wrong === undefined) return undefined;
  return `"${name}" lists ${show(wrong)}, which is not a three-letter currency code such as "EUR"`;
}

const currencySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A currency list option as a set of upper-case codes, built once per configured list. */
export function currencySet(option: OptionValue): ReadonlySet<string> {
  const list: readonly string[] = Array.isArray(option) ? option : [];
  let set = currencySets.get(list);
  if (set === undefined) {
    set = new Set(list.map((code) => code.toUpperCase()));
    currencySets.set(list, set);
  }
  return set;
}
