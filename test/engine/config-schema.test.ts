import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/engine/config.js';
import { configSchema } from '../../src/engine/config-schema.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/cli.js';

const shipped = JSON.parse(readFileSync(`${ROOT}/schema/config.schema.json`, 'utf8')) as object;

describe('schema/config.schema.json', () => {
  it('is in step with the rules (regenerate: npm run schema)', () => {
    expect(shipped).toEqual(configSchema(RULES));
  });

  it('accepts the configs billcheck accepts and refuses the ones it refuses', () => {
    const validate = new Ajv2020({ strict: false }).compile(shipped);
    const good = {
      $schema: './schema/config.schema.json',
      rules: {
        'amount-ceiling': ['warning', { max: '5000.00' }],
        'vat-rate-mismatch': 'off',
        'amount-spike': { options: { factor: 5 } },
      },
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    const sender = {
      letter: { from: { name: 'Marie Dupont', address: ['12 rue des Lilas', '75011 Paris'], city: 'Paris' } },
    };
    expect(validate(sender), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfig(JSON.stringify(sender), 'billcheck.config.json', RULES).letterFrom).toEqual({
      name: 'Marie Dupont',
      address: ['12 rue des Lilas', '75011 Paris'],
      city: 'Paris',
    });
    for (const bad of [
      { letter: { from: { nom: 'Marie Dupont' } } },
      { letter: { to: {} } },
      { letter: { from: { address: [12] } } },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
      expect(() => parseConfig(JSON.stringify(bad), 'billcheck.config.json', RULES), JSON.stringify(bad)).toThrow(
        ConfigError,
      );
    }
    for (const bad of [
      { rules: { 'no-such-rule': 'error' } },
      { rules: { 'amount-ceiling': 'loud' } },
      { rules: { 'amount-ceiling': ['error', { maximum: 1 }] } },
      { rulez: {} },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
