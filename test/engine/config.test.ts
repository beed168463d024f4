import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureRules, ConfigError, findConfigFile, parseConfig } from '../../src/engine/config.js';
import dunningTrivialAmount from '../../src/rules/dunning-trivial-amount.js';

const rules = [dunningTrivialAmount];
const parse = (text: string) => parseConfig(text, 'billcheck.config.json', rules);

describe('config', () => {
  it('reads a severity, [severity, options] and { severity, options }', () => {
    for (const setting of [
      '"warning"',
      '["warning", {"minAmount": "2.00"}]',
      '{"severity": "warning", "options": {"minAmount": 2}}',
    ]) {
      const config = parse(`{"rules": {"dunning-trivial-amount": ${setting}}}`);
      const [configured] = configureRules(rules, config);
      expect(configured?.severity).toBe('warning');
    }
    const [withOptions] = configureRules(
      rules,
      parse('{"rules": {"dunning-trivial-amount": {"options": {"minAmount": 2}}}}'),
    );
    expect(withOptions?.options.minAmount).toBe('2');
    expect(withOptions?.severity).toBe('error');
  });

  it('lets the command line win, and leaves out rules turned off', () => {
    const config = parse('{"rules": {"dunning-trivial-amount": "warning"}}');
    expect(configureRules(rules, config, new Map([['dunning-trivial-amount', 'info']]))[0]?.severity).toBe('info');
    expect(configureRules(rules, config, new Map([['dunning-trivial-amount', 'off']]))).toEqual([]);
  });

  it.each([
    ['{"rules": ', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"rulez": {}}', /unknown key "rulez"/],
    ['{"rules": {"no-such-rule": "error"}}', /unknown rule "no-such-rule"/],
    ['{"rules": {"__proto__": "error"}}', /unknown rule "__proto__"/],
    ['{"rules": {"dunning-trivial-amount": "loud"}}', /"loud" is not a severity/],
    ['{"rules": {"dunning-trivial-amount": ["error", {"max": 3}]}}', /unknown option "max" \(known: minAmount\)/],
    ['{"rules": {"dunning-trivial-amount": ["error", {"minAmount": "one euro"}]}}', /expected a decimal amount/],
  ])('refuses %s naming the file and the problem', (text, message) => {
    expect(() => parse(text)).toThrow(ConfigError);
    expect(() => parse(text)).toThrow(message);
    expect(() => parse(text)).toThrow(/^billcheck\.config\.json: /);
  });

  it('is found in the working folder or the nearest one above it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'billcheck-config-'));
    const nested = join(root, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    expect(await findConfigFile(nested)).toBeUndefined();
    writeFileSync(join(root, 'billcheck.config.json'), '{}');
    expect(await findConfigFile(nested)).toBe(join(root, 'billcheck.config.json'));
  });
});
