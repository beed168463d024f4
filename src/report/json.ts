import type { JoinedAccount } from '../identity/join.js';
import type { Finding } from '../model/finding.js';
import type { CheckResult, FatalProblem, FileReading, Summary } from './result.js';
import { terminalSafeJson } from './sanitize.js';

export const REPORT_VERSION = 1;

/**
 * A finding as the JSON report (and each NDJSON line) writes it. Keys are set in the documented
 * order, and absent optional fields are left out rather than written as null.
 */
export function findingJson(finding: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: finding.ruleId,
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
    aliases: account.aliases.map((alias) => ({ name: alias.name, kind: alias.kind, documents: alias.documents, invisible: alias.invisible })),
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

/**
 * The versioned JSON report (schema/report.schema.json), pretty-printed with a trailing newline.
 * `fatal` is always present, empty when every file could be checked, so that `jq '.fatal[]'`
 * never meets a null.
 */
export function renderJson(result: CheckResult): string {
  const report = {
    version: REPORT_VERSION,
    valid: result.valid,
    summary: summaryJson(result.summary),
    findings: result.findings.map(findingJson),
    fatal: fatalJson(result.fatal),
    // Issue 13: present only when there is something to say, so that other reports stay as they were.
    ...(result.skipped === undefined || result.skipped.length === 0 ? {} : { skipped: result.skipped.map((part) => ({ file: part.file, reason: part.reason })) }),
    ...(result.accounts === undefined || result.accounts.length === 0 ? {} : { accounts: result.accounts.map(accountJson) }),
    files: readingsJson(result.readings ?? []),
  };
  return `${terminalSafeJson(JSON.stringify(report, null, 2))}\n`;
}
