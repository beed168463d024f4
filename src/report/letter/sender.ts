/**
 * The customer's own details for the sender block, from `--from FILE` (a small JSON object or
 * "key: value" lines) or the config file's `letter.from`. Only the known keys are read, into a null-prototype record (a key from the
 * file never becomes a property of a plain object); an unknown key is an error, not ignored.
 */
import { printable } from '../sanitize.js';

export const SENDER_KEYS = ['name', 'address', 'city', 'customerNumber', 'contract', 'email', 'phone'] as const;
export type SenderKey = (typeof SENDER_KEYS)[number];

export interface SenderDetails {
  readonly name?: string;
  /** Lines of the postal address. */
  readonly address?: readonly string[];
  readonly city?: string;
  readonly customerNumber?: string;
  /** The contract number, when the operator gave one apart from the customer number. */
  readonly contract?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** Also accepted in "key: value" files, as people write them. */
const ALIASES: ReadonlyMap<string, SenderKey> = new Map([
  ['nom', 'name'],
  ['adresse', 'address'],
  ['ville', 'city'],
  ['customer number', 'customerNumber'],
  ['customer_number', 'customerNumber'],
  ['numero client', 'customerNumber'],
  ['numéro client', 'customerNumber'],
  ['n° client', 'customerNumber'],
  ['contrat', 'contract'],
  ['n° de contrat', 'contract'],
  ['numéro de contrat', 'contract'],
  ['contract number', 'contract'],
  ['telephone', 'phone'],
  ['téléphone', 'phone'],
  ['e-mail', 'email'],
  ['courriel', 'email'],
]);

export class SenderFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SenderFileError';
  }
}

const MAX_VALUE_LENGTH = 200;

function keyOf(raw: string): SenderKey {
  const lower = raw.trim().toLowerCase();
  const known = (SENDER_KEYS as readonly string[]).find((key) => key.toLowerCase() === lower) as SenderKey | undefined;
  const key = known ?? ALIASES.get(lower);
  if (key === undefined)
    throw new SenderFileError(`unknown key "${printable(raw.trim())}" (keys: ${SENDER_KEYS.join(', ')})`);
  return key;
}

function cleanValue(value: string): string {
  const text = printable(value).trim();
  if (text.length > MAX_VALUE_LENGTH)
    throw new SenderFileError(`a value is longer than ${MAX_VALUE_LENGTH} characters`);
  return text;
}

/** Values gathered per key, then the details: one line per key, the address as its lines. */
class SenderValues {
  private readonly values = new Map<SenderKey, string[]>();

  add(key: SenderKey, value: unknown): void {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (typeof part !== 'string') throw new SenderFileError(`"${key}" must be text or a list of lines`);
      const clean = cleanValue(part);
      if (clean !== '') this.values.set(key, [...(this.values.get(key) ?? []), clean]);
    }
  }

  details(): SenderDetails {
    const one = (key: SenderKey): string | undefined => this.values.get(key)?.join(' ');
    const address = this.values.get('address');
    return {
      ...(one('name') === undefined ? {} : { name: one('name') }),
      ...(address === undefined ? {} : { address }),
      ...(one('city') === undefined ? {} : { city: one('city') }),
      ...(one('customerNumber') === undefined ? {} : { customerNumber: one('customerNumber') }),
      ...(one('contract') === undefined ? {} : { contract: one('contract') }),
      ...(one('email') === undefined ? {} : { email: one('email') }),
      ...(one('phone') === undefined ? {} : { phone: one('phone') }),
    };
  }
}

/**
 * The sender of the config file's `letter.from`: the keys exactly as SENDER_KEYS spells them (the
 * config schema lists them), text or lists of lines.
 */
export function senderFromConfig(value: unknown): SenderDetails {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SenderFileError('expected an object of name, address, city, customerNumber, contract, email, phone');
  const values = new SenderValues();
  for (const [key, given] of Object.entries(value)) {
    if (!(SENDER_KEYS as readonly string[]).includes(key))
      throw new SenderFileError(`unknown key "${printable(key)}" (keys: ${SENDER_KEYS.join(', ')})`);
    values.add(key as SenderKey, given);
  }
  return values.details();
}

export function parseSender(text: string): SenderDetails {
  const values = new SenderValues();
  const add = (rawKey: string, value: unknown): void => values.add(keyOf(rawKey), value);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new SenderFileError(`not valid JSON (${(error as Error).message})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new SenderFileError('expected a JSON object');
    for (const [key, value] of Object.entries(parsed)) add(key, value);
  } else {
    for (const line of trimmed.split(/\r?\n/)) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const at = line.indexOf(':');
      if (at <= 0) throw new SenderFileError(`expected "key: value", not "${printable(line.trim())}"`);
      add(line.slice(0, at), line.slice(at + 1));
    }
  }
  return values.details();
}
