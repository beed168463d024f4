import type { JoinedAccount } from '../identity/join.js';
import type { Finding } from '../model/finding.js';
import type { CheckResult, ConfigReport, FatalProblem, FileReading, SkipSummary, Summary } from './result.js';
import { terminalSafeJson } from './sanitize.js';

export const REPORT_VERSION = 1;

/**
 * A finding as the JSON report (and each NDJSON line) writes it. Keys are set in the documented
 * order, and absent optional fields are left out rather than written as null.
 */
export function findingJson(finding: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ...(finding.messageId === undefined ? {} : { messageId: finding.messageId }),
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
  };
  if (finding.account !== undefined) out.account = finding.account;
  if (finding.documentId !== undefined) out.documentId = finding.documentId;
  if (finding.documentKind !== undefined) out.documentKind = finding.documentKind;
  if (finding.date !== undefined) out.date = finding.date;
  if (finding.amount !== undefined) out.amount = finding.amount;
  if (finding.currency !== undefined) out.currency = finding.currency;
  out.evidence = finding.evidence;
  return out;
}

/** The six documented counts, in order: `accounts` is for the text summary only. */
export function summaryJson(summary: Summary): Record<string, number> {
  return {
    files: summary.files,
    documents: summary.documents,
    rows: summary.rows,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
  };
}

export function fatalJson(fatal: readonly FatalProblem[]): Array<{ file: string; message: string }> {
  return fatal.map((problem) => ({ file: problem.file, message: problem.message }));
}

function accountJson(account: JoinedAccount): Record<string, unknown> {
  return {
    account: account.name,
    kind: account.kind,
    aliases: account.aliases.map((alias) => ({
      name: alias.name,
      kind: alias.kind,
      documents: alias.documents,
      invisible: alias.invisible,
    })),
    invisible: account.invisible,
  };
}

/**
 * How each file was read (JSON report and `extract`): the header → field mapping with how each
 * role was decided, and the reader's notices. Columns not read have no `field`.
 */
export function readingsJson(readings: readonly FileReading[]): Array<Record<string, unknown>> {
  return readings.map((reading) => ({
    file: reading.file,
    inferred: reading.inferred,
    columns: (reading.columns ?? []).map((role) => ({
      column: role.column,
      ...(role.field === undefined ? {} : { field: role.field, decidedBy: role.decidedBy }),
    })),
    notices: reading.notices.map((notice) => ({
      level: notice.level,
      code: notice.code,
      message: notice.message,
      ...(notice.line === undefined ? {} : { line: notice.line }),
      ...(notice.map === undefined ? {} : { map: notice.map }),
    })),
  }));
}

/** Findings per piece: a piece is a few hundred kilobytes, far below V8's longest string. */
const FINDINGS_PER_PIECE = 256;

/** JSON.stringify(value, null, 2) placed `depth` levels deep (JSON strings hold no raw line break). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** The optional keys, in the order they follow `fatal`; absent when there is nothing to say. */
export function reportExtras(
  result: Pick<CheckResult, 'skipped' | 'skippedParts' | 'config' | 'accounts' | 'readings'>,
): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  if (result.skipped !== undefined) extras.skipped = skippedJson(result.skipped);
  if (result.skippedParts !== undefined && result.skippedParts.length > 0) {
    extras.skippedParts = result.skippedParts.map((part) => ({ file: part.file, reason: part.reason }));
  }
  if (result.config !== undefined) extras.config = configJson(result.config);
  if (result.accounts !== undefined && result.accounts.length > 0) extras.accounts = result.accounts.map(accountJson);
  // How each file was read, when a reader had something to say (every CSV file has its columns).
  if (result.readings !== undefined && result.readings.length > 0) extras.files = readingsJson(result.readings);
  return extras;
}

export function skippedJson(skipped: SkipSummary): Record<string, unknown> {
  return {
    files: skipped.files,
    hidden: skipped.byReason.get('hidden') ?? 0,
    extension: skipped.byReason.get('extension') ?? 0,
    duplicate: skipped.byReason.get('duplicate') ?? 0,
    special: skipped.byReason.get('special') ?? 0,
    extensions: skipped.extensions,
  };
}

export function configJson(config: ConfigReport): Record<string, unknown> {
  return { file: config.file, changes: config.changes, rulesOn: config.rulesOn, rulesTotal: config.rulesTotal };
}

/**
 * The versioned JSON report (schema/report.schema.json), pretty-printed with a trailing newline,
 * in pieces: a report of a million findings is longer than the longest string V8 can build, so
 * it is never one string. The pieces joined are JSON.stringify(report, null, 2).
 * `fatal` is always present, empty when every file could be checked, so that `jq '.fatal[]'`
 * never meets a null.
 */
export function* renderJsonPieces(result: CheckResult): Generator<string> {
  const summary = nested(summaryJson(result.summary), 1);
  yield `{\n  "version": ${REPORT_VERSION},\n  "valid": ${String(result.valid)},\n  "summary": ${summary},\n  "findings": [`;
  const { findings } = result;
  for (let start = 0; start < findings.length; start += FINDINGS_PER_PIECE) {
    let piece = '';
    for (const finding of findings.slice(start, start + FINDINGS_PER_PIECE)) {
      piece += `${piece === '' && start === 0 ? '' : ','}\n    ${nested(findingJson(finding), 2)}`;
    }
    yield terminalSafeJson(piece);
  }
  let tail = `${findings.length === 0 ? '' : '\n  '}],\n  "fatal": ${nested(fatalJson(result.fatal), 1)}`;
  for (const [key, value] of Object.entries(reportExtras(result))) {
    tail += `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`;
  }
  yield `${terminalSafeJson(tail)}\n}\n`;
}

/** The whole report as one string, for small results and tests. */
export function renderJson(result: CheckResult): string {
  return [...renderJsonPieces(result)].join('');
}
