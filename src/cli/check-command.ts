/** `billcheck check`: runs the programmatic check, writes the chosen report, returns the exit code. */
import type { CheckOptions } from '../check/check.js';
import { check } from '../check/check.js';
import type { ResolvedInput } from '../check/inputs.js';
import type { OutputFormat } from '../report/formats.js';
import { reportFormat } from '../report/formats.js';
import type { CheckResult } from '../report/result.js';
import { HistoryCollector } from '../report/html/index.js';
import { printable } from '../report/sanitize.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { wordsFor } from '../i18n/words.js';
import { errorLine, fatalLine } from './errors.js';
import { RULES } from '../rules/index.js';
import type { Output } from './io.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK } from './io.js';
import type { Progress } from './progress.js';

export interface ReportChoice {
  readonly format: OutputFormat;
  readonly maxWarnings: number | undefined;
  readonly exitZero: boolean;
  readonly color: boolean;
  /** Whether stdout and stderr share a screen (then fatal problems are not repeated in the report). */
  readonly stdoutIsTerminal?: boolean;
}

export interface CheckStreams {
  readonly stdout: Output;
  /** One line per fatal problem, as `billcheck: FILE: message`. */
  readonly warn: (line: string) => void;
  readonly progress: Progress;
}

export async function runCheck(
  inputs: readonly ResolvedInput[],
  options: CheckOptions,
  report: ReportChoice,
  streams: CheckStreams,
): Promise<number> {
  const format = reportFormat(report.format);
  const lang = options.lang ?? DEFAULT_LANG;
  if (format.head !== undefined) await streams.stdout.offer(format.head());
  const streamFinding = format.finding;
  const histories = format.drawsHistories === true ? new HistoryCollector() : undefined;
  const tellStories = format.tellsStories === true;
  const {
    result: checked,
    styles,
    stories,
    accountName,
  } = await check(
    inputs,
    { ...options, tellStories, keepFindings: format.needsFindings },
    {
      ...(histories === undefined ? {} : { onDocument: (doc) => histories.record(doc) }),
      ...(streamFinding === undefined
        ? {}
        : {
            onFindings: async (batch) => {
              for (const finding of batch) await streams.stdout.offer(streamFinding(finding));
            },
          }),
      onFatal: (problem) => streams.warn(fatalLine(problem.file, problem.message, lang)),
      onProgress: (rows) => streams.progress.tick(rows),
    },
  );
  streams.progress.done();
  // Charted by the accounts the findings name: one customer's documents under their joined name.
  const result = histories === undefined ? checked : { ...checked, histories: histories.histories(accountName) };
  if (result.config?.rulesOn === 0) {
    streams.warn(errorLine(wordsFor(lang).report.configOff(printable(result.config.file), String(RULES.length))));
  }
  // On a terminal the fatal problems were just printed on stderr, above the report.
  const pieces = format.tail(result, {
    color: report.color,
    styles,
    listFatal: !report.stdoutIsTerminal,
    rules: RULES,
    ...(stories === undefined ? {} : { stories }),
    lang,
  });
  for (const piece of pieces) await streams.stdout.offer(piece);
  return exitCode(result, { ...report, quiet: options.quiet });
}

/**
 * The warnings `--max-warnings` counts: the findings' and, as ESLint counts every warning it
 * prints, the readers' (a column role decided against its name, a debit taken twice, a guessed
 * country); their infos are not counted. With `--quiet` neither kind is shown nor counted.
 */
export function countedWarnings(result: CheckResult, quiet: boolean): number {
  if (quiet) return 0;
  let reading = 0;
  for (const file of result.readings ?? [])
    for (const notice of file.notices) if (notice.level === 'warning') reading++;
  return result.summary.warnings + reading;
}

/** 2 when a file could not be checked, 1 on errors or too many warnings, else 0 (`--exit-zero` keeps 2 only). */
export function exitCode(
  result: CheckResult,
  options: Pick<ReportChoice, 'maxWarnings' | 'exitZero'> & { readonly quiet?: boolean },
): number {
  if (result.fatal.length > 0) return EXIT_FAILURE;
  if (options.exitZero) return EXIT_OK;
  if (result.summary.errors > 0) return EXIT_FINDINGS;
  const warnings = countedWarnings(result, options.quiet === true);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
