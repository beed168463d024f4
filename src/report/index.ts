export { renderCsvFinding, renderCsvHeader } from './csv.js';
export { REPORT_VERSION, renderJson } from './json.js';
export { renderNdjsonFinding, renderNdjsonSummary } from './ndjson.js';
export type { CheckResult, FatalProblem, Summary } from './result.js';
export { summarize } from './result.js';
export { renderExplain, renderRulesJson, renderRulesText } from './rules-list.js';
export { printable, terminalSafeJson } from './sanitize.js';
export { renderText, type TextReportOptions } from './text.js';
