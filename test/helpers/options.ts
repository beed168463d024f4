/** The options of a check() run as the CLI's defaults give them: no config, every rule at its level. */
import { EMPTY_CONFIG } from '../../src/index.js';
import type { CheckOptions } from '../../src/index.js';

export function defaultCheckOptions(today: string): CheckOptions {
  return { config: EMPTY_CONFIG, ruleLevels: new Map(), quiet: false, terminations: [], input: {}, today };
}
