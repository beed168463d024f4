/**
 * Rule options through the config loader, as a user's billcheck.config.json gives them: rule
 * tests use it to check that `validateOptions` refuses a bad value, naming the rule and option.
 */
import { ConfigError, parseConfig } from '../../../src/engine/config.js';
import type { AnyRule } from '../../../src/engine/rule.js';

/** The ConfigError message for these options, or undefined when the config is accepted. */
export function configRefusal(rule: AnyRule, options: Record<string, unknown>): string | undefined {
  const text = JSON.stringify({ rules: { [rule.id]: ['warning', options] } });
  try {
    parseConfig(text, 'billcheck.config.json', [rule]);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}
