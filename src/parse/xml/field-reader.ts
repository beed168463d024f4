/**
 * Typed values of an e-invoice's elements: amounts, dates, rates and quantities as EN 16931
 * writes them (xs:decimal, xs:date, CII's "102" date format). A value that cannot be read is
 * left absent and told as an invalid-input problem naming its business term: never guessed.
 */
import { isValidCalendarDate } from '../../model/dates.js';
import type { InvalidInputEvent } from '../../model/input.js';
import { MAX_AMOUNT_DIGITS, Money } from '../../model/money.js';
import { first } from './xml-path.js';
import type { XmlElement } from './xml-tree.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return match !== null && isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;
/** What reaches a report of a value that cannot be read. */
const MAX_VALUE_CHARS = 80;

/** "20.00" → "20", "5.50" → "5.5", "007" → "7": one text per number, as the rules compare them. */
export function canonicalDecimal(text: string): string | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const integer = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && /[1-9]/.test(integer + fraction) ? '-' : '';
  return `${sign}${integer}${fraction === '' ? '' : `.${fraction}`}`;
}

export class FieldReader {
  readonly problems: InvalidInputEvent[] = [];

  constructor(readonly file: string) {}

  private problem(term: string, reason: string, value: string): void {
    this.problems.push({
      type: 'invalid',
      file: this.file,
      line: 1,
      reason: `${term} ${reason}`,
      column: term,
      value: value.slice(0, MAX_VALUE_CHARS),
      rows: 0,
    });
  }

  /** Any report of the reading that is not about one value (an unknown type code). */
  note(term: string, reason: string, value: string): void {
    this.problem(term, reason, value);
  }

  amount(text: string | undefined, term: string): Money | undefined {
    if (text === undefined) return undefined;
    const match = DECIMAL.exec(text.trim());
    const digits = (match?.[2] ?? '').length + (match?.[3] ?? '').length;
    if (!match || digits === 0 || digits > MAX_AMOUNT_DIGITS) {
      this.problem(term, 'is not a decimal amount', text);
      return undefined;
    }
    return Money.fromParts(match[1] === '-', match[2] || '0', match[3] ?? '');
  }

  /** An amount element's value; its currencyID must be the invoice's when both are given. */
  amountOf(element: XmlElement | undefined, term: string): Money | undefined {
    return element === undefined || element.text === '' ? undefined : this.amount(element.text, term);
  }

  /**
   * The one element among several whose amount is in the invoice currency: BT-110 may be repeated
   * in the VAT accounting currency (BT-111), never twice in the invoice currency (BR-CO-15).
   * Undefined, and reported, when it is missing from or repeated in the invoice currency.
   */
  oneInCurrency<T>(
    items: readonly T[],
    amountOf: (item: T) => XmlElement | undefined,
    currency: string | undefined,
    term: string,
  ): T | undefined {
    const inCurrency = items.filter((item) => {
      const code = amountOf(item)?.attributes.get('currencyID');
      return currency === undefined || code === undefined || code.toUpperCase() === currency;
    });
    if (inCurrency.length === 0 && items.length > 0) {
      const given = items.map((item) => amountOf(item)?.attributes.get('currencyID') ?? '').join(', ');
      this.problem(term, `is not given in the invoice currency ${currency ?? ''} (EN 16931 BR-CO-15)`, given);
      return undefined;
    }
    const values = new Set(
      inCurrency.map((item) => canonicalDecimal(amountOf(item)?.text ?? '') ?? amountOf(item)?.text),
    );
    if (values.size > 1) {
      this.problem(
        term,
        'is given more than once in the invoice currency, with different amounts (EN 16931 BR-CO-15)',
        [...values].join(', '),
      );
      return undefined;
    }
    return inCurrency[0];
  }

  /** xs:date ("2024-01-15", a time zone allowed and dropped). */
  isoDate(text: string | undefined, term: string): string | undefined {
    if (text === undefined) return undefined;
    const date = text.trim().slice(0, 10);
    if (isCalendarDate(date) && /^(Z|[+-]\d\d:\d\d)?$/.test(text.trim().slice(10))) return date;
    this.problem(term, 'is not a date (yyyy-mm-dd)', text);
    return undefined;
  }

  /** CII udt:DateTimeString: format 102 is yyyymmdd (the only one EN 16931 allows for dates). */
  ciiDate(container: XmlElement | undefined, term: string): string | undefined {
    const element = first(container, 'DateTimeString') ?? first(container, 'DateString');
    if (element === undefined || element.text === '') return undefined;
    const format = element.attributes.get('format') ?? '102';
    const text = element.text;
    if (format === '102' && /^\d{8}$/.test(text)) {
      const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
      if (isCalendarDate(iso)) return iso;
    }
    this.problem(
      term,
      format === '102' ? 'is not a date (yyyymmdd)' : `is in date format ${format}, not 102 (yyyymmdd)`,
      text,
    );
    return undefined;
  }

  /** A percent (BT-96, BT-119, BT-152) as canonical decimal text. */
  rate(text: string | undefined, term: string): string | undefined {
    if (text === undefined) return undefined;
    const rate = canonicalDecimal(text);
    if (rate === undefined) this.problem(term, 'is not a percentage', text);
    return rate;
  }

  quantity(text: string | undefined, term: string): string | undefined {
    if (text === undefined) return undefined;
    const quantity = canonicalDecimal(text);
    if (quantity === undefined) this.problem(term, 'is not a quantity', text);
    return quantity;
  }
}
