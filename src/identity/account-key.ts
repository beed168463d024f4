/**
 * How account identifiers are compared: one key per customer number, contract or line however
 * it was written. A line is one number in national and international form ("06 12 34 56 78",
 * "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678"), by libphonenumber's metadata for the
 * countries billcheck reads; a customer number is the same whatever its case and separators
 * ("C-104233", "c104233", "C 104 233").
 */
import type { CountryCode, PhoneNumber } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from './phone-library.js';
import { fnv1a } from '../engine/account-table.js';
import { withoutInvisible } from './invisible.js';

export type IdentifierKind = 'line' | 'customer';

export interface AccountKey {
  /** Equal keys, same account: "tel:+33612345678", "id:C104233". */
  readonly key: string;
  /** How reports name it: a line in national digits ("0612345678"), a customer number as written (invisible characters kept, for reports to show). */
  readonly display: string;
  readonly kind: IdentifierKind;
  /** Invisible characters the input wrote in it ("U+200B"), removed from key and display. */
  readonly invisible: readonly string[];
}

/** National forms are tried in the document's country first, then in these (trunk prefix 0 in each). */
const NATIONAL_COUNTRIES: readonly CountryCode[] = ['FR', 'GB', 'BE', 'CH', 'DE'];
/** Digits, spaces, dots, dashes, slashes and brackets only, 7 to 15 digits (E.164 allows 15). */
const PHONE_SHAPE = /^(?:\+|00)?[\d\s.()/-]+$/;
/** A US/Canadian number written the North American way: "(415) 555-0134", "415-555-0134", "415.555.0134". */
const NANP_SHAPE = /^(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/;
const SEPARATORS = /[\s.\-_/\\:,;()]+/g;

/** Whether documentKey takes the character out of a bill number (claims.ts hashes keys without making them). */
export const isKeySeparator = (char: string): boolean => new RegExp(`^${SEPARATORS.source}$`).test(char);
const PLAIN_ID = /^[A-Z0-9]+$/;
/** Printable ASCII: NFKC leaves it as it is and it holds no invisible character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function digitCount(text: string): number {
  let count = 0;
  for (const char of text) if (char >= '0' && char <= '9') count++;
  return count;
}

/** A French national number proper: nine digits, the first not 0. */
const FR_NATIONAL = /^[1-9]\d{8}$/;

/**
 * The national digits of a line. France's are its trunk 0 and its national number in every
 * format of the metadata (held equal to formatNational by a property test): formatting them cost
 * half the time of a key, 4 s at 500 000 accounts (issue 19).
 */
function nationalDigits(phone: PhoneNumber): string {
  if (phone.country === 'FR' && FR_NATIONAL.test(phone.nationalNumber)) return `0${phone.nationalNumber}`;
  return phone.formatNational().replace(/\D/g, '');
}

function lineKey(phone: PhoneNumber, invisible: readonly string[]): AccountKey {
  return { key: `tel:${phone.number}`, display: nationalDigits(phone), kind: 'line', invisible };
}

/** A French national number with its trunk 0, as exports write a line: "0612345678". */
const FR_WITH_TRUNK = /^0[1-9]\d{8}$/;

/**
 * The key libphonenumber gives a French line in national form, without it: the first national
 * country tried is France (the document's, or the first of NATIONAL_COUNTRIES), and its metadata
 * (the `min` set billcheck loads) holds every nine-digit national number not starting with 0
 * valid. A property test holds the two equal; parsing took a fifth of a run of 500 000 accounts
 * (issue 19).
 */
export function frenchNationalLine(compact: string, invisible: readonly string[]): AccountKey | undefined {
  if (!FR_WITH_TRUNK.test(compact)) return undefined;
  return { key: `tel:+33${compact.slice(1)}`, display: compact, kind: 'line', invisible };
}

/** A French line in international form, compact: "+33" and a national number not starting with 0. */
const FR_INTERNATIONAL = /^\+33[1-9]\d{8}$/;

/**
 * The key libphonenumber gives a French line written internationally ("+33612345678"), without
 * it: +33 is France's alone, and France's nine-digit national numbers are possible (see
 * frenchNationalLine). A property test holds the two equal. Parsing 500 000 such accounts cost 5 s
 * and the library's 11 MB on each thread (issue 19: an export of lines in E.164 form).
 */
export function frenchInternationalLine(compact: string, invisible: readonly string[]): AccountKey | undefined {
  if (!FR_INTERNATIONAL.test(compact)) return undefined;
  return { key: `tel:${compact}`, display: `0${compact.slice(3)}`, kind: 'line', invisible };
}

/** The hash of the keys' common start, "tel:+33", from which the rest of a French line's key is hashed. */
const FRENCH_KEY_START = fnv1a('tel:+33');

/**
 * fnv1a of frenchNationalLine's key, without making the key: the join hashes every account's
 * key once, and at 500 000 accounts a thread making their strings was half of it (issue 19).
 * Undefined where frenchNationalLine gives nothing. A property test holds the two equal.
 */
export function frenchNationalLineKeyHash(compact: string): number | undefined {
  return FR_WITH_TRUNK.test(compact) ? fnv1a(compact, FRENCH_KEY_START, 1) : undefined;
}

/**
 * A phone number only when written as one: "+" or "00" before a country code, a national number
 * with its trunk 0, or the North American groups. A bare "5566778899" is a customer number (it
 * would pass for a German line), never a guess.
 */
function asLine(text: string, country: string | undefined, invisible: readonly string[]): AccountKey | undefined {
  if (!PHONE_SHAPE.test(text)) return undefined;
  const digits = digitCount(text);
  if (digits < 7 || digits > 15) return undefined;
  const compact = text.replace(SEPARATORS, '');
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
    const french = frenchInternationalLine(international, invisible);
    if (french !== undefined) return french;
    const phone = parsePhoneNumberFromString(international);
    return phone?.isPossible() === true ? lineKey(phone, invisible) : undefined;
  }
  if (NANP_SHAPE.test(text.trim())) {
    const phone = parsePhoneNumberFromString(text, 'US');
    if (phone?.isPossible() === true) return lineKey(phone, invisible);
  }
  if (!/^0[1-9]/.test(compact)) return undefined;
  const french = country === undefined || country === 'FR' ? frenchNationalLine(compact, invisible) : undefined;
  if (french !== undefined) return french;
  const own: CountryCode[] = isCountryCode(country) ? [country] : [];
  const others = NATIONAL_COUNTRIES.filter((code) => code !== country);
  // The document's country first, valid or of a range the metadata does not list (drama, fiction); then the others.
  for (const [codes, test] of [
    [own, 'valid'],
    [own, 'possible'],
    [others, 'valid'],
    [others, 'possible'],
  ] as const) {
    for (const code of codes) {
      const phone = parsePhoneNumberFromString(compact, code);
      if (phone !== undefined && (test === 'valid' ? phone.isValid() : phone.isPossible())) {
        return lineKey(phone, invisible);
      }
    }
  }
  return undefined;
}

function isCountryCode(country: string | undefined): country is CountryCode {
  return country !== undefined && /^[A-Z]{2}$/.test(country);
}

/** The key of one account identifier as a document wrote it; `country` is the document's, when known. */
export function accountKey(raw: string, country?: string): AccountKey {
  // A French line written as exports write it ("0612345678"): what the long way gives, without its
  // normalization, cleaning and regular expressions, once an account at the end of a run (issue 19:
  // 500 000 accounts). A property test holds the two equal.
  if (country === undefined || country === 'FR') {
    const line = frenchNationalLine(raw, []);
    if (line !== undefined) return line;
  }
  // Written internationally, a number is read the same whatever the document's country.
  return frenchInternationalLine(raw, []) ?? plainCustomerNumber(raw) ?? accountKeyInFull(raw, country);
}

/** A customer number as exports write it: a letter first, then letters, digits and the separators keys drop. */
const PLAIN_CUSTOMER = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const PLAIN_SEPARATORS = /[._/-]+/g;
const NO_INVISIBLE: readonly string[] = Object.freeze([]);

/**
 * The key the long way gives a customer number like "CL0000001" or "PRO-004511", without it: no
 * phone number starts with a letter, and NFKC, the invisible characters and the spaces leave such
 * a name as it is. A property test holds the two equal. The long way took 120 ms of a one-thread
 * run of 500 000 such accounts, in the end phase (issue 19: an independent generator's export).
 */
export function plainCustomerNumber(raw: string): AccountKey | undefined {
  if (!PLAIN_CUSTOMER.test(raw)) return undefined;
  return {
    key: `id:${raw.replace(PLAIN_SEPARATORS, '').toUpperCase()}`,
    display: raw,
    kind: 'customer',
    invisible: NO_INVISIBLE,
  };
}

/** accountKey, every step taken (exported for the property test of the shortcut). */
export function accountKeyInFull(raw: string, country?: string): AccountKey {
  const { text, removed } = withoutInvisible(raw.normalize('NFKC'));
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const line = asLine(trimmed, country, removed);
  if (line !== undefined) return line;
  const compact = trimmed.replace(SEPARATORS, '').toUpperCase();
  // Shown as written: reports make its invisible characters visible (printable), so that two look-alikes never look the same.
  const written = raw.trim();
  return {
    key: `id:${compact === '' ? trimmed : compact}`,
    display: written === '' ? raw : written,
    kind: 'customer',
    invisible: removed,
  };
}

/** Document numbers compared the same way as customer numbers ("FAC 001" = "fac-001"), invisible characters ignored. */
export function documentKey(id: string): string {
  // Most bill numbers are already plain: a million of them go through here at the end of a bill run.
  if (PLAIN_ID.test(id)) return id;
  // "F202001-0000010": no normalization needed (issue 19: 2 % of a million-row run's time).
  const { text } = PRINTABLE_ASCII.test(id) ? { text: id } : withoutInvisible(id.normalize('NFKC'));
  const compact = text.replace(SEPARATORS, '').toUpperCase();
  return compact === '' ? text : compact;
}
