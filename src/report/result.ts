import type { Finding } from '../model/finding.js';

/** Counts for the summary line and the JSON `summary` object. */
export interface Summary {
  readonly files: number;
  readonly documents: number;
  /** Data rows read (headers excluded): rows in documents + rows reported as invalid-input. */
  readonly rows: number;
  /** Distinct accounts among the documents. */
  readonly accounts: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** A file that could not be checked at all (also printed on stderr). */
export interface FatalProblem {
  readonly file: string;
  readonly message: string;
}

/** Why a directory walk left an entry out: hidden, an extension billcheck does not read, reached twice, not a file. */
export type SkipReason = 'hidden' | 'extension' | 'duplicate' | 'special';

/** What directory walks left out, counted (a folder of a million photos must not make a million lines). */
export interface SkipSummary {
  readonly files: number;
  readonly byReason: ReadonlyMap<SkipReason, number>;
  /** The extensions of the files skipped for their extension, sorted ("(no extension)" for none). */
  readonly extensions: readonly string[];
  /** The names of the hidden entries, sorted, at most a few. */
  readonly hidden: readonly string[];
}

/** The config file a run used and what it changes from the defaults (a report never hides a silenced check). */
export interface ConfigReport {
  readonly file: string;
  /** One short phrase per change: "amount-ceiling off", "amount-spike error → warning", "amount-ceiling.max 10000.00 → 5000.00". */
  readonly changes: readonly string[];
  /** Rules that stay on after the config and the command line (0: nothing was checked at all). */
  readonly rulesOn: number;
  readonly rulesTotal: number;
}

/** Everything a reporter needs: reporters are pure functions of this and their options. */
export interface CheckResult {
  /** Sorted by file (in reading order), line, rule id. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  readonly fatal: readonly FatalProblem[];
  /** No error finding and no fatal problem. */
  readonly valid: boolean;
  /** What directory walks left out; absent when nothing was. */
  readonly skipped?: SkipSummary;
  /** The config file used; absent when none applied. */
  readonly config?: ConfigReport;
}

/** Severity counts kept as findings are made, so that a streamed run need not keep its findings. */
export class SeverityCounts {
  errors = 0;
  warnings = 0;
  infos = 0;

  add(finding: Finding): void {
    if (finding.severity === 'error') this.errors++;
    else if (finding.severity === 'warning') this.warnings++;
    else this.infos++;
  }
}

export function summarize(findings: readonly Finding[], counts: Omit<Summary, 'errors' | 'warnings' | 'infos'>): Summary {
  const severities = new SeverityCounts();
  for (const finding of findings) severities.add(finding);
  return { ...counts, errors: severities.errors, warnings: severities.warnings, infos: severities.infos };
}
