import { LANGS } from '../i18n/lang.js';
import type { AnyRule, OptionValue } from './rule.js';

const LEVELS = ['off', 'info', 'warning', 'error'];
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function optionSchema(defaultValue: OptionValue, description: string | undefined): Record<string, unknown> {
  const base = description === undefined ? {} : { description };
  if (Array.isArray(defaultValue))
    return { ...base, type: 'array', items: { type: ['string', 'number'] }, default: defaultValue };
  if (typeof defaultValue === 'string' && DECIMAL_TEXT.test(defaultValue)) {
    return { ...base, type: ['string', 'number'], pattern: '^-?\\d+(\\.\\d+)?$', default: defaultValue };
  }
  return { ...base, type: typeof defaultValue, default: defaultValue };
}

const TEXT_OR_LINES = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

/** `letter.from`: the sender block of `billcheck letter` (src/report/letter/sender.ts, SENDER_KEYS). */
const LETTER_SCHEMA = {
  description: 'Settings of billcheck letter',
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      description: 'Your own details for the sender block of letters; --from FILE replaces them',
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { ...TEXT_OR_LINES, description: 'Your name' },
        address: { ...TEXT_OR_LINES, description: 'Your postal address, one line per item' },
        city: { ...TEXT_OR_LINES, description: 'The town written before the date' },
        customerNumber: { ...TEXT_OR_LINES, description: 'Your customer number at the operator' },
        contract: { ...TEXT_OR_LINES, description: 'Your contract number, when the operator gives one apart' },
        email: { ...TEXT_OR_LINES, description: 'Your e-mail address' },
        phone: { ...TEXT_OR_LINES, description: 'Your phone number' },
      },
    },
  },
};

/**
 * The JSON Schema of billcheck.config.json, made from the rules themselves (ids, options and
 * their defaults), so that editors complete and check a config as billcheck reads it.
 */
export function configSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    const names = Object.keys(rule.options);
    const options = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        names.map((name) => [name, optionSchema(rule.options[name] as OptionValue, rule.docs.options?.[name])]),
      ),
    };
    properties[rule.id] = {
      description: `${rule.description} (default: ${rule.severity})`,
      oneOf: [
        { enum: LEVELS },
        { type: 'array', prefixItems: [{ enum: LEVELS }, options], minItems: 1, maxItems: 2 },
        { type: 'object', additionalProperties: false, properties: { severity: { enum: LEVELS }, options } },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'billcheck.config.json',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { type: 'object', additionalProperties: false, properties },
      letter: LETTER_SCHEMA,
      lang: {
        description: 'The language of reports, rules and explain (--lang wins; else the locale; else en).',
        enum: [...LANGS],
      },
    },
  };
}
