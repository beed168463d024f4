import { defineRule } from '../engine/rule.js';
import type { BillingDocument, DocumentLine } from '../model/document.js';
import { Money } from '../model/money.js';
import type { TaxRate } from './support/arithmetic.js';
import {
  currencyDecimals,
  lineRoundingAllowance,
  netFromGross,
  netFromGrossInCents,
  parseRate,
  parseRates,
  taxAtRate,
  taxAtRateInCents,
  withinTolerance,
} from './support/arithmetic.js';
import type { TaxedAmounts as Taxed } from './support/magnitudes.js';
import { comparableAmounts } from './support/magnitudes.js';
import {
  amountAtLeastZeroOption,
  currenciesOption,
  currencySet,
  firstProblem,
  ratesOption,
} from './support/options.js';
import { lineRepeatsDocument } from './support/single-line.js';
import { COUNTRIES_WITH_RATES, countryRates } from './support/vat-rates.js';

/**
 * The tax a rate gives, computed both ways a bill may be priced: on the net (tax = round(net × r),
 * as EN 16931 BR-CO-17 does) and from a tax-inclusive price (net = round(total / (1 + r)),
 * tax = total − net, as consumer bills priced TTC do).
 */
function expectedTaxes(amounts: Taxed, rate: TaxRate, places: number): Money[] {
  const expected: Money[] = [];
  if (amounts.net !== undefined) expected.push(taxAtRate(amounts.net, rate, places));
  if (amounts.total !== undefined) expected.push(amounts.total.sub(netFromGross(amounts.total, rate, places)));
  return expected;
}

/** The tax lies between the least and the most that any rate gives, on the net or from the total. */
function withinMix(amounts: Taxed, rates: readonly TaxRate[], places: number, allowed: Money): boolean {
  const { tax } = amounts;
  if (tax === undefined) return true;
  const expected = rates.flatMap((rate) => expectedTaxes(amounts, rate, places));
  if (expected.length === 0) return true;
  const lowest = expected.reduce((a, b) => (b.lt(a) ? b : a));
  const highest = expected.reduce((a, b) => (b.gt(a) ? b : a));
  return !tax.lt(lowest.sub(allowed)) && !tax.gt(highest.add(allowed));
}

function explains(amounts: Taxed, rates: readonly TaxRate[], places: number, allowed: Money): boolean {
  const { tax } = amounts;
  // Without a tax, or without a base to take it from, there is nothing to explain.
  if (tax === undefined || (amounts.net === undefined && amounts.total === undefined)) return true;
  const inCents = places === 2 ? explainsInCents(amounts, tax, rates, allowed) : undefined;
  if (inCents !== undefined) return inCents;
  return rates.some((rate) =>
    expectedTaxes(amounts, rate, places).some((expected) => withinTolerance(tax, expected, allowed)),
  );
}

/**
 * explains() for amounts held in cents, in integers: asked of every bill of a run, where the Money
 * version allocates a dozen amounts per bill. Undefined when an amount is not in cents or a
 * product leaves the safe integers; a property test holds it equal to the Money version.
 */
export function explainsInCents(
  amounts: Taxed,
  tax: Money,
  rates: readonly TaxRate[],
  allowed: Money,
): boolean | undefined {
  const { net, total } = amounts;
  if (!tax.isCents || !allowed.isCents || net?.isCents === false || total?.isCents === false) return undefined;
  for (const rate of rates) {
    if (net !== undefined) {
      const expected = taxAtRateInCents(net.cents, rate);
      if (expected === undefined) return undefined;
      if (Math.abs(tax.cents - expected) <= allowed.cents) return true;
    }
    if (total !== undefined) {
      const netBehind = netFromGrossInCents(total.cents, rate);
      if (netBehind === undefined) return undefined;
      if (Math.abs(tax.cents - (total.cents - netBehind)) <= allowed.cents) return true;
    }
  }
  return false;
}

/** "20" and "20.0" are the same rate: the key is the rate in ten-thousandths of a percent. */
function rateKey(rate: TaxRate): number {
  return (rate.numerator * 10_000) / rate.denominator;
}

interface RateGroup {
  readonly rate: TaxRate;
  net: Money;
  total: Money | undefined;
}

/**
 * The lines grouped by their declared rate, when every line declares one and has a net: VAT is
 * computed per rate on the group's sum, so a mixed-rate bill (20 % service, 2.1 % press) is
 * checked rate by rate rather than against one rate. Undefined when the lines do not tell.
 */
function groupsByRate(lines: readonly DocumentLine[], doc: BillingDocument): RateGroup[] | undefined {
  if (lines.length === 0) return undefined;
  const groups = new Map<number, RateGroup>();
  for (const line of lines) {
    const rate = line.taxRate === undefined ? undefined : parseRate(line.taxRate);
    const { net, total } = comparableAmounts(doc.kind, line);
    if (rate === undefined || net === undefined) return undefined;
    const group = groups.get(rateKey(rate));
    if (group === undefined) {
      groups.set(rateKey(rate), { rate, net, total });
    } else {
      group.net = group.net.add(net);
      group.total = group.total === undefined || total === undefined ? undefined : group.total.add(total);
    }
  }
  return [...groups.values()];
}

function sumOfGroupTaxes(groups: readonly RateGroup[], places: number): Money[] {
  const onNet = Money.sum(groups.map((group) => taxAtRate(group.net, group.rate, places)));
  const expected = [onNet];
  if (groups.every((group) => group.total !== undefined)) {
    const fromGross = groups.map((group) => {
      const total = group.total ?? Money.ZERO;
      return total.sub(netFromGross(total, group.rate, places));
    });
    expected.push(Money.sum(fromGross));
  }
  return expected;
}

function distinctDeclaredRates(lines: readonly DocumentLine[]): readonly TaxRate[] {
  // Most exports have no rate column: no Map for them.
  let distinct: Map<number, TaxRate> | undefined;
  for (const line of lines) {
    const rate = line.taxRate === undefined ? undefined : parseRate(line.taxRate);
    if (rate === undefined) continue;
    distinct ??= new Map();
    if (!distinct.has(rateKey(rate))) distinct.set(rateKey(rate), rate);
  }
  return distinct === undefined ? NO_RATES : [...distinct.values()];
}

const NO_RATES: readonly TaxRate[] = Object.freeze([]);

const parsedRateOptions = new WeakMap<readonly string[], TaxRate[]>();

function knownRates(option: readonly string[]): TaxRate[] {
  let rates = parsedRateOptions.get(option);
  if (rates === undefined) {
    rates = parseRates(option);
    parsedRateOptions.set(option, rates);
  }
  return rates;
}

const texts = (rates: readonly TaxRate[]): string[] => rates.map((rate) => rate.text);

interface ApplicableRates {
  readonly rates: readonly TaxRate[];
  /** Whose rates they are, for the messages: "rates of Germany, DE", or the option. */
  readonly source: string;
}

const FROM_OPTION = 'the "rates" option';

/**
 * The rates a document is checked against: its country's when the input told the country and
 * the table has it (whatever the currency: a Polish bill is in PLN), else the `rates` option, for
 * the currencies it describes only. Undefined: the document is not checked.
 */
function applicableRates(
  doc: BillingDocument,
  options: {
    readonly rates: readonly string[];
    readonly useCountryRates: boolean;
    readonly currencies: readonly string[];
  },
): ApplicableRates | undefined {
  if (options.useCountryRates && doc.country !== undefined) {
    const country = countryRates(doc.country);
    if (country !== undefined)
      return { rates: country.rates, source: `rates of ${country.name}, ${doc.country.toUpperCase()}` };
  }
  if (!currencySet(options.currencies).has(doc.currency)) return undefined;
  return { rates: knownRates(Array.isArray(options.rates) ? options.rates : []), source: FROM_OPTION };
}

/** VAT that no rate explains is either charged at a wrong rate or computed on a different base than the one shown. */
export default defineRule({
  id: 'vat-rate-mismatch',
  scope: 'document',
  severity: 'warning',
  description:
    "The VAT is not explained by any rate of the bill's country (when known; otherwise the French rates 20, 10, 5.5, 2.1, 0, on EUR bills), within the rounding of a tax-inclusive bill.",
  docs: {
    why: "VAT at a wrong rate, or computed on another base than the one printed, means the customer pays a wrong amount and cannot recover or check the VAT. Roundings are not errors: a bill priced 39,99 € TTC with 33,33 € HT and 6,66 € TVA is correct, so the rule accepts the tax computed on the net and the tax derived from a tax-inclusive price, each rounded line by line. Rates differ from one country to the next (19 % in Germany, 21 % in the Netherlands, 23 % in Poland), so a bill whose country the input tells is checked against that country's rates.",
    whatToDo:
      'Check which rate each service should bear (French telecom services 20 %; some bundled press or TV content at a reduced rate) and ask the operator for the VAT breakdown per rate. When the message names the rates of another country than the bill\'s, tell billcheck the country (a "Country" column in a CSV export) or set `rates`.',
    basis: `EN 16931 BR-CO-17 (VAT per category = taxable amount × rate, rounded to two decimals). The country is the one the input states: a country column in a CSV export; in a text bill, the prefix of the seller's VAT number (FR, DE, NL…B01, BE0, ATU, GB…, a Polish NIP, an Indian GSTIN), else the language of its labels when it points to one country. Rates per country: the standard, reduced and zero rates in force; French rates: Code général des impôts, articles 278 (20 %), 278-0 bis to 279 (reduced rates, 5,5 % and 10 %) and 298 septies (2,1 %, press), and the invoice must give the VAT per rate (annex II, article 242 nonies A); Indian GST: the slabs of the CGST Act rate notifications, a CGST + SGST pair adding up to one slab.`,
    options: {
      rates:
        'The rates applied to documents whose country is unknown (or not in the table), in percent, as decimal strings; the default is France\'s. For an export from another country without a country column, set its rates (Germany: ["19", "7", "0"]; the Netherlands: ["21", "9", "0"]), or every bill of it is reported. A line that declares its own rate is checked against that rate.',
      useCountryRates: `Check a document whose country is known against that country's rates (${COUNTRIES_WITH_RATES.join(', ')}). false: \`rates\` applies to every document, as when every bill comes from one jurisdiction.`,
      currencies:
        'Documents of unknown country are checked only in these currencies (default: EUR, for the French rates): a bill in another currency comes from another tax system (US sales tax, say) that `rates` does not describe. A document whose country is in the table is checked whatever its currency (PLN for Poland, INR for India).',
      tolerance:
        'Difference accepted between the tax and the tax a rate gives (document currency); one cent absorbs the rounding of a tax-inclusive price.',
      roundingPerLine:
        'Extra difference accepted for each line after the first, when the document tax is compared with its lines rounded one by one.',
    },
  },
  messages: {
    unexplained: 'The tax {{tax}} (net {{net}}, total {{total}}) matches none of the rates {{rates}} % ({{source}}).',
    unexplainedMix:
      'The tax {{tax}} (net {{net}}, total {{total}}) is more than the highest or less than the lowest of the rates {{rates}} % ({{source}}) gives, whatever rate each of its {{lines}} lines bears.',
    unexplainedAnyMix:
      'The tax {{tax}} (net {{net}}, total {{total}}) is more than the highest or less than the lowest of the rates {{rates}} % ({{source}}) gives, whatever mix of them the bill applies.',
    ratesMismatch: 'The tax {{tax}} differs from the VAT of its lines at their rates {{rates}} %, {{expected}}.',
    lineUnexplained:
      'Item {{line}} ("{{description}}"): the tax {{tax}} (net {{net}}, total {{total}}) matches none of the rates {{rates}} % ({{source}}).',
    lineRateMismatch:
      'Item {{line}} ("{{description}}"): the tax {{tax}} is not the {{rate}} % the line declares, which gives {{expected}}.',
  },
  options: {
    rates: ['20', '10', '5.5', '2.1', '0'],
    useCountryRates: true as boolean,
    tolerance: '0.01',
    roundingPerLine: '0.01',
    currencies: ['EUR'] as readonly string[],
  },
  validateOptions: (options) =>
    firstProblem(
      ratesOption('rates', options.rates),
      amountAtLeastZeroOption('tolerance', options.tolerance),
      amountAtLeastZeroOption('roundingPerLine', options.roundingPerLine),
      currenciesOption('currencies', options.currencies),
    ),
  checkDocument(doc, ctx) {
    const applicable = applicableRates(doc, ctx.options);
    if (applicable === undefined) return;
    const { rates, source } = applicable;
    const places = currencyDecimals(doc.currency);
    const tolerance = ctx.moneyOption('tolerance');

    let lineReported = false;
    doc.lines.forEach((line, index) => {
      const amounts = comparableAmounts(doc.kind, line);
      const declared = line.taxRate === undefined ? undefined : parseRate(line.taxRate);
      if (explains(amounts, declared === undefined ? rates : [declared], places, tolerance)) return;
      lineReported = true;
      const where = { line: index + 1, description: line.description ?? '', tax: amounts.tax };
      if (declared === undefined) {
        ctx.report({
          messageId: 'lineUnexplained',
          data: { ...where, net: amounts.net, total: amounts.total, rates: texts(rates), source },
          document: doc,
        });
      } else {
        const expected = expectedTaxes(amounts, declared, places)[0];
        ctx.report({ messageId: 'lineRateMismatch', data: { ...where, rate: declared.text, expected }, document: doc });
      }
    });

    // The document's tax sums its lines' taxes: a wrong line makes it wrong too, and was told already.
    if (lineReported) return;
    // One line holding the document's own amounts (a one-row bill) was just checked against the same
    // rates and tolerance as the document would be: the same verdict, half the work (issue 19).
    if (lineRepeatsDocument(doc)) return;
    // An e-invoice's VAT breakdown (BG-23) states each rate and base, allowances and charges
    // included: vat-breakdown-mismatch checks the tax against it exactly.
    if ((doc.vatBreakdown ?? []).length > 0) return;
    const amounts = comparableAmounts(doc.kind, doc);
    const { tax } = amounts;
    if (tax === undefined) return;
    const allowed = tolerance.add(lineRoundingAllowance(ctx.moneyOption('roundingPerLine'), doc.lines.length));

    const groups = groupsByRate(doc.lines, doc);
    if (groups !== undefined) {
      const expected = sumOfGroupTaxes(groups, places);
      if (expected.some((candidate) => withinTolerance(tax, candidate, allowed))) return;
      const groupRates = texts(groups.map((group) => group.rate));
      ctx.report({
        messageId: 'ratesMismatch',
        data: { tax, expected: expected[0], rates: groupRates },
        document: doc,
      });
      return;
    }
    const declared = distinctDeclaredRates(doc.lines);
    // Several rates without every line's base cannot be summed; each line was checked above.
    if (declared.length > 1) return;
    // Lines that carry their own tax were each checked; their sum is lines-total-mismatch's business.
    if (doc.lines.length > 0 && doc.lines.every((line) => line.tax !== undefined)) return;
    const candidates = declared.length === 1 ? [...rates, ...declared] : rates;
    if (explains(amounts, candidates, places, allowed)) return;
    // Lines that state no rate may each bear a different one (a box bill: internet 20 %, TV 10 %):
    // their tax is then a mix, anywhere between what the lowest and the highest rate give. A
    // document read without its lines (the text of a bill) may hide such a mix just the same.
    if (declared.length === 0 && (doc.lines.length > 1 || (doc.lines.length === 0 && doc.linesUnread === true))) {
      if (withinMix(amounts, rates, places, allowed)) return;
      const data = {
        tax,
        net: amounts.net,
        total: amounts.total,
        rates: texts(rates),
        source,
        lines: doc.lines.length,
      };
      ctx.report({ messageId: doc.lines.length > 1 ? 'unexplainedMix' : 'unexplainedAnyMix', data, document: doc });
      return;
    }
    ctx.report({
      messageId: 'unexplained',
      data: { tax, net: amounts.net, total: amounts.total, rates: texts(rates), source },
      document: doc,
    });
  },
});
