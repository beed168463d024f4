/**
 * What shows that a document is British when its amounts name no currency: a UK line number
 * ("07700 900123", "+44 7700 900123") or a UK postcode ("RG2 6GF", "SW1A 1AA"). The CSV reader
 * looks for them in cells, the text reader in lines (issue 13: a £ reminder on the same account
 * then no longer looks like another currency).
 */

/**
 * A UK line: "+44" before it, or eleven digits after a trunk 0 with a mobile (07) or geographic
 * (01, 02, 03) prefix, written in groups ("07700 900123"). Eleven digits in one run are not enough:
 * customer and account numbers are written so too (review: "07123456789" read as a UK line).
 */
const UK_LINE_SOURCE = String.raw`(?:\+44\s?\(?0?\)?\s?[1237]\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}|0[1237]\d{1,3}[\s.-]\d{3,4}[\s.-]?\d{3,4})`;
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

/** "S1 5GB" in "Mobile plan S1 5GB" is a data allowance, not Sheffield (review): inward codes ending GB or TB are not taken. */
const DATA_ALLOWANCE = /\d[GT]B$/;

/**
 * The first UK postcode in a text, as written: postcodes are capitals on an address, and a
 * lower-case "s1 5gb" is no evidence (review).
 */
export function ukPostcodeIn(text: string): string | undefined {
  for (const match of text.matchAll(new RegExp(UK_POSTCODE.source, 'g')))
    if (!DATA_ALLOWANCE.test(match[0])) return match[0];
  return undefined;
}
