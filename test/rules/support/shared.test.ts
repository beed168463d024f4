import { describe, expect, it } from 'vitest';
import { Money } from '../../../src/model/money.js';
import { firstInvoiceById } from '../../../src/rules/support/invoices.js';
import { comparable, comparableAmounts } from '../../../src/rules/support/magnitudes.js';
import {
  amountAtLeastZeroOption,
  currencySet,
  firstProblem,
  wholeNumberOption,
} from '../../../src/rules/support/options.js';
import { lineRepeatsDocument } from '../../../src/rules/support/single-line.js';
import { doc, entryOf } from '../../helpers/builder.js';

describe('firstInvoiceById', () => {
  it('keeps the first invoice of each id and nothing but invoices with an id', () => {
    const entries = [
      doc({ id: 'F1', total: '10.00' }),
      doc({ id: 'F1', total: '99.00' }),
      doc({ kind: 'credit-note', id: 'AV1', total: '10.00' }),
      doc({ total: '5.00' }),
    ].map(entryOf);
    const invoices = firstInvoiceById(entries);
    expect([...invoices.keys()]).toEqual(['F1']);
    expect(invoices.get('F1')?.total?.toFixed()).toBe('10.00');
  });
});

describe('comparable amounts', () => {
  it('takes the magnitude of credit notes and payments only', () => {
    const minus = Money.parse('-19.99');
    expect(comparable('credit-note', minus).toFixed()).toBe('19.99');
    expect(comparable('payment', minus).toFixed()).toBe('19.99');
    expect(comparable('invoice', minus).toFixed()).toBe('-19.99');
    const amounts = comparableAmounts('credit-note', { net: Money.parse('-16.66'), tax: Money.parse('3.33') });
    expect([amounts.net?.toFixed(), amounts.tax?.toFixed(), amounts.total]).toEqual(['16.66', '3.33', undefined]);
  });
});

describe('lineRepeatsDocument', () => {
  it('is true for one line holding the document amounts, absent where the document has none', () => {
    expect(lineRepeatsDocument(doc({ net: '10.00', total: '12.00', lines: [{ net: '10.00', total: '12.00' }] }))).toBe(
      true,
    );
    // Absent is not zero: a line with a tax the document lacks is a line of its own.
    expect(
      lineRepeatsDocument(
        doc({ net: '10.00', total: '12.00', lines: [{ net: '10.00', tax: '2.00', total: '12.00' }] }),
      ),
    ).toBe(false);
    expect(lineRepeatsDocument(doc({ total: '12.00', lines: [{ total: '12.00' }, { total: '0.00' }] }))).toBe(false);
  });
});

describe('option checks', () => {
  it('tell the first problem, naming the option and the value given', () => {
    expect(
      firstProblem(undefined, wholeNumberOption('minHistory', 0, 1), amountAtLeastZeroOption('minIncrease', '-1')),
    ).toBe('"minHistory" must be a whole number of at least 1, not 0');
    expect(
      firstProblem(wholeNumberOption('years', 3, 1, 100), amountAtLeastZeroOption('tolerance', '0.00')),
    ).toBeUndefined();
    // More digits than an exact amount holds is refused too, rather than failing mid-run.
    expect(amountAtLeastZeroOption('tolerance', `1${'0'.repeat(120)}`)).toMatch(/"tolerance" must be an amount/);
  });

  it('read a currency list as upper-case codes, once per configured list', () => {
    const option = ['eur', 'Usd'];
    expect([...currencySet(option)]).toEqual(['EUR', 'USD']);
    expect(currencySet(option)).toBe(currencySet(option));
  });
});
