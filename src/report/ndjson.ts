import type { Finding } from '../model/finding.js';
import { REPORT_VERSION, fatalJson, findingJson, reportExtras, summaryJson } from './json.js';
import type { CheckResult } from './result.js';
import { terminalSafeJson } from './sanitize.js';

/**
 * One finding per line, the same object as in the JSON report's `findings`, so that a consumer
 * handles both formats with one parser. A line is written as soon as its finding and its joined account are known.
 */
export function renderNdjsonFinding(finding: Finding): string {
  return `${terminalSafeJson(JSON.stringify(findingJson(finding)))}\n`;
}

/**
 * The last line of a stream: told apart from findings by `"type": "summary"` (and by having no
 * `ruleId`), so that a consumer can stop reading when it arrives.
 */
export function renderNdjsonSummary(
  result: Pick<CheckResult, 'summary' | 'valid' | 'fatal' | 'skipped' | 'config'>,
): string {
  const line = {
    version: REPORT_VERSION,
    type: 'summary',
    valid: result.valid,
    summary: summaryJson(result.summary),
    fatal: fatalJson(result.fatal),
    // The stream's last line keeps to the walk and the config: the JSON report carries the rest.
    ...reportExtras({ skipped: result.skipped, config: result.config }),
  };
  return `${terminalSafeJson(JSON.stringify(line))}\n`;
}
