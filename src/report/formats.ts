/**
 * The report formats, by name: the CLI's `--format` choices are this table's keys. Adding a format
 * is one entry here and one renderer file.
 */
import type { AmountStyle } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { renderCsvFatal, renderCsvFinding, renderCsvHeader } from './csv.js';
import type { RuleExplanation } from './html/index.js';
import { renderHtml } from './html/index.js';
import { renderJsonPieces } from './json.js';
import { renderNdjsonFinding, renderNdjsonSummary } from './ndjson.js';
import type { CheckResult } from './result.js';
import type { Stories } from './stories.js';
import type { Lang } from '../i18n/lang.js';
import { renderTextPieces } from './text.js';

export interface ReportOptions {
  readonly color: boolean;
  /** How each file wrote its amounts and dates, so that reports write them back the same way. */
  readonly styles: ReadonlyMap<string, AmountStyle>;
  /** Whether to list the files that could not be checked (false when stderr, on the same screen, already did). */
  readonly listFatal: boolean;
  /** The rules' explanations, for reports that print them (a reporter imports no rule itself). */
  readonly rules: readonly RuleExplanation[];
  /** Each account's story, for reports that tell them (only when the run collected them). */
  readonly stories?: Stories;
  /** The report's language, for the reports that write words of their own (text). */
  readonly lang?: Lang;
}

export interface ReportFormat {
  /** Written before anything else (a CSV header). */
  readonly head?: () => string;
  /** Written as each finding is made, for formats read as streams; the others get findings at the end. */
  readonly finding?: (finding: Finding) => string;
  /** Written once every input is checked, in pieces: a report may be longer than V8's longest string. */
  readonly tail: (result: CheckResult, options: ReportOptions) => Iterable<string>;
  /** False for formats that take every finding through `finding`: the run then need not keep them. */
  readonly needsFindings: boolean;
  /**
   * Whether the report draws each account's history: then the run records every document's date
   * and amount (bounded), and reads every file on one thread so that none reaches it as rule entries only.
   */
  readonly drawsHistories?: boolean;
  /** Whether the report tells each account's story (then the run collects them, bounded). */
  readonly tellsStories?: boolean;
}

const FORMATS = {
  text: { tail: (result, options) => renderTextPieces(result, options), needsFindings: true, tellsStories: true },
  json: { tail: (result) => renderJsonPieces(result), needsFindings: true },
  ndjson: { finding: renderNdjsonFinding, tail: (result) => [renderNdjsonSummary(result)], needsFindings: false },
  csv: {
    head: renderCsvHeader,
    finding: renderCsvFinding,
    tail: (result) => result.fatal.map(renderCsvFatal),
    needsFindings: false,
  },
  html: { tail: (result, options) => renderHtml(result, options), needsFindings: true, drawsHistories: true },
} as const satisfies Record<string, ReportFormat>;

export type OutputFormat = keyof typeof FORMATS;
export const OUTPUT_FORMATS = Object.keys(FORMATS) as readonly OutputFormat[];

export function reportFormat(name: OutputFormat): ReportFormat {
  return FORMATS[name];
}
