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
  /** Parts of inputs billcheck does not read yet (a PDF attached to an e-mail): said, never silent. */
  readonly skipped?: readonly SkippedPart[];
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
      reading.notices.push(event);
    }
  }

  list(): FileReading[] {
    return [...this.byFile.values()];
  }
}

export function summarize(findings: readonly Finding[], counts: Omit<Summary, 'errors' | 'warnings' | 'infos'>): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { ...counts, errors, warnings, infos };
}
