import type { JoinedAccount } from '../identity/join.js';
import type { SkippedPart } from '../model/input.js';
import type { Finding } from '../model/finding.js';
import type { AccountHistories } from './html/histories.js';
import type { ColumnRole, ColumnsEvent, NoticeEvent } from '../model/input.js';

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
  /** Each account's documents, for the charts of the HTML report; collected only for that format. */
  readonly histories?: AccountHistories;
  /** Parts of inputs billcheck does not read (an attachment of an unknown type): said, never silent. */
  readonly skippedParts?: readonly SkippedPart[];
  /** What directory walks left out; absent when nothing was. */
  readonly skipped?: SkipSummary;
  /** The config file used; absent when none applied. */
  readonly config?: ConfigReport;
  /** Accounts the run knew under several names (or written with invisible characters), after the joins (src/identity). */
  readonly accounts?: readonly JoinedAccount[];
  /** Per file, in reading order: how its columns were read and what its reader noticed (CSV files). */
  readonly readings?: readonly FileReading[];
}

/** How one file was read: its column roles and the reader's notices (issue 12). */
export interface FileReading {
  readonly file: string;
  columns?: readonly ColumnRole[];
  /** Some role was decided beyond an exact header name. */
  inferred: boolean;
  readonly notices: NoticeEvent[];
}

/** Notice codes a reader says once per file (src/parse/csv/documents.ts). */
const ONCE_PER_FILE: ReadonlySet<string> = new Set(['repeated-total', 'equal-lines']);

/** Files and what their readers said, kept in the order of their first event. */
export class FileReadings {
  private readonly byFile = new Map<string, FileReading>();

  add(event: ColumnsEvent | NoticeEvent): void {
    let reading = this.byFile.get(event.file);
    if (reading === undefined) {
      reading = { file: event.file, inferred: false, notices: [] };
      this.byFile.set(event.file, reading);
    }
    if (event.type === 'columns') {
      // A later part of a split file reads with the first part's columns: the first event is the file's.
      if (reading.columns === undefined) {
        reading.columns = event.columns;
        reading.inferred = event.inferred;
      }
    } else {
      this.addNotice(reading, event);
    }
  }

  /**
   * A notice said once per file is said once even when the file was read in parts on several
   * threads, each part saying it: the earliest line's, as one thread would have kept.
   */
  private addNotice(reading: FileReading, notice: NoticeEvent): void {
    if (!ONCE_PER_FILE.has(notice.code)) {
      reading.notices.push(notice);
      return;
    }
    const at = reading.notices.findIndex((earlier) => earlier.code === notice.code);
    if (at === -1) reading.notices.push(notice);
    else if ((notice.line ?? 0) < ((reading.notices[at] as NoticeEvent).line ?? 0)) reading.notices[at] = notice;
  }

  list(): FileReading[] {
    return [...this.byFile.values()];
  }
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

export function summarize(
  findings: readonly Finding[],
  counts: Omit<Summary, 'errors' | 'warnings' | 'infos'>,
): Summary {
  const severities = new SeverityCounts();
  for (const finding of findings) severities.add(finding);
  return { ...counts, errors: severities.errors, warnings: severities.warnings, infos: severities.infos };
}
