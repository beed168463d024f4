/**
 * What shows that a document is British when its amounts name no currency: a UK line number
 * ("07700 900123", "+44 7700 900123") or a UK postcode ("RG2 6GF", "SW1A 1AA"). The CSV reader
 * looks for them in cells, the text reader in lines (issue 13: a £ reminder on the same account
 * then no longer looks like another currency).
 */

/** A UK line: "+44" before it, or eleven digits after a trunk 0 with a mobile (07) or geographic (01, 02, 03) prefix. */
const UK_LINE_SOURCE = String.raw`(?:\+44\s?\(?0?\)?\s?[1237]\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}|0[1237]\d{3}[\s.-]?\d{3}[\s.-]?\d{3})`;
const UK_LINE = new RegExp(`^${UK_LINE_SOURCE}$`);
/** In running text: not inside a longer run of digits (a customer number, an IBAN). */
const UK_LINE_IN_TEXT = new RegExp(String.raw`(?<![\d+])${UK_LINE_SOURCE}(?![\d])`, 'g');
/** A UK postcode written whole, outward and inward codes apart ("LS6 2AB", "SW1A 1AA": Royal Mail's format). */
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/;

function hasUkDigitCount(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  return text.startsWith('+') ? digits.length === 12 : digits.length === 11;
}

/** True when the whole cell is a UK line number. */
export function isUkLine(cell: string): boolean {
  const trimmed = cell.trim();
  return UK_LINE.test(trimmed) && hasUkDigitCount(trimmed);
}

/** The first UK line number written in a line of text, as written. */
export function ukLineIn(text: string): string | undefined {
  for (const match of text.matchAll(UK_LINE_IN_TEXT)) if (hasUkDigitCount(match[0])) return match[0];
  return undefined;
}

/** The first UK postcode in a text (compared in capitals: "rg2 6gf" is one too), in capitals. */
export function ukPostcodeIn(text: string): string | undefined {
  return UK_POSTCODE.exec(text.toUpperCase())?.[0];
}
