import type { Finding } from '../model/finding.js';
import type { FatalProblem } from './result.js';
import { printable } from './sanitize.js';

const COLUMNS = [
  'ruleId',
  'severity',
  'message',
  'file',
  'line',
  'account',
  'documentId',
  'documentKind',
  'date',
  'amount',
  'currency',
  'evidence',
] as const;

/** RFC 4180 ends records with CRLF. */
const EOL = '\r\n';

/** A spreadsheet runs a cell that starts like this as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A cell whose text may come from the input (message, file, account, document id, currency,
 * evidence): made printable, then defused with a leading apostrophe when a spreadsheet would
 * evaluate it. Cells billcheck writes itself (rule id, line, ISO date, amount) stay raw, so a
 * negative amount such as "-12.00" remains a number.
 */
function inputCell(text: string | undefined): string {
  if (text === undefined) return '';
  const safe = printable(text);
  return quote(FORMULA_START.test(safe) ? `'${safe}` : safe);
}

function ownCell(text: string | number | undefined): string {
  return text === undefined ? '' : quote(String(text));
}

export function renderCsvHeader(): string {
  return COLUMNS.join(',') + EOL;
}

/** One record, columns as in renderCsvHeader; evidence as compact JSON. */
export function renderCsvFinding(finding: Finding): string {
  const cells = [
    ownCell(finding.ruleId),
    ownCell(finding.severity),
    inputCell(finding.message),
    inputCell(finding.file),
    ownCell(finding.line),
    inputCell(finding.account),
    inputCell(finding.documentId),
    ownCell(finding.documentKind),
    ownCell(finding.date),
    ownCell(finding.amount),
    inputCell(finding.currency),
    inputCell(JSON.stringify(finding.evidence)),
  ];
  return cells.join(',') + EOL;
}

/**
 * A file that could not be checked, as a row of its own (severity "fatal", no rule): the
 * spreadsheet user never sees stderr, and must not take a missing file for a clean one.
 */
export function renderCsvFatal(problem: FatalProblem): string {
  const cells = COLUMNS.map((column) => {
    if (column === 'severity') return 'fatal';
    if (column === 'message') return inputCell(problem.message);
    if (column === 'file') return inputCell(problem.file);
    return '';
  });
  return cells.join(',') + EOL;
}
