/**
 * libphonenumber-js, loaded the first time a number is parsed rather than when billcheck starts:
 * loading it takes about 11 MB on each thread that does (its modules and metadata), and a bill
 * run whose accounts are customer numbers or French lines written as exports write them
 * ("0612345678" or "+33612345678", read without it: account-key.ts) never parses one. On two threads that was
 * 20 MB of a peak of 330 at 500 000 accounts (issue 19: memory).
 *
 * Loaded with `require` (its CommonJS build, the same code and the same `min` metadata as its
 * ES module build), because accountKey is synchronous: a dynamic import() would make every
 * caller wait.
 */
import { createRequire } from 'node:module';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js';
import type * as PhoneNumbers from 'libphonenumber-js';

type Library = typeof PhoneNumbers;

let library: Library | undefined;

/** libphonenumber's parsePhoneNumberFromString: the number, or undefined when the text holds none. */
export function parsePhoneNumberFromString(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
  library ??= createRequire(import.meta.url)('libphonenumber-js') as Library;
  return library.parsePhoneNumberFromString(text, defaultCountry);
}

/** Whether the library has been loaded in this thread (for the test that it is not by a French bill run). */
export function phoneLibraryLoaded(): boolean {
  return library !== undefined;
}
