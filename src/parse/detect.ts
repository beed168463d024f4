/**
 * What kind of input a file is: CSV or text, and for CSV which delimiter separates fields.
 * Decided from the file name when it says so (".csv", ".tsv"), from the first line otherwise.
 */
import type { InputFormat } from '../model/document.js';
import { recognizedColumnCount } from './csv/columns.js';
import { looksLikeXml } from './xml/detect-xml.js';

/** Candidates in the order that breaks ties: French exports use ";" because "," is their decimal. */
export const DELIMITER_CANDIDATES = [';', '\t', ',', '|'] as const;

const CSV_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.tsv']);

function extensionOf(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? name.slice(dot).toLowerCase() : '';
}

/**
 * 'csv' or 'pdf' when the name says so; undefined when the content must decide: ".txt", ".eml",
 * other extensions and stdin (a ".txt" is sometimes a CSV export renamed by a mail client). A PDF
 * is also told by its first bytes (parse/index.ts), whatever its name.
 */
export function formatFromName(name: string): InputFormat | undefined {
  const extension = extensionOf(name);
  if (extension === '.pdf') return 'pdf'; // PDF (issue 14)
  if (extension === '.xml') return 'xml';
  return CSV_EXTENSIONS.has(extension) ? 'csv' : undefined;
}

/**
 * --- mail (issue 13) --- A message's header block (RFC 5322): header fields from the first line,
 * a From or Date and a Subject or MIME-Version among them. An ".eml" holding only a letter's text
 * (typed or pasted, no headers) stays text.
 */
export function looksLikeMail(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/, 40);
  if (
    !/^(?:return-path|received|from|date|message-id|mime-version|delivered-to|to|subject|x-[\w-]+)\s*:/i.test(
      lines[0] ?? '',
    )
  )
    return false;
  const end = lines.indexOf('');
  const block = end === -1 ? lines : lines.slice(0, end);
  return (
    block.some((line) => /^(?:subject|mime-version)\s*:/i.test(line)) &&
    block.some((line) => /^(?:from|date)\s*:/i.test(line))
  );
}

/** Occurrences of a one-character delimiter outside double-quoted fields. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
  }
  return count;
}

/** The delimiter of a header line: the candidate seen most often outside quotes; undefined when none is. */
export function sniffDelimiter(headerLine: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const count = countOutsideQuotes(headerLine, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Splits one header line on a delimiter, honouring double quotes ("" inside quotes is a quote). */
export function splitHeaderLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Excel writes "sep=;" on the first line of some exports to announce the delimiter.
 * Returns that delimiter, or undefined when the line is not such a hint.
 */
export function excelSeparatorHint(line: string): string | undefined {
  const match = /^"?sep=(.)"?\s*$/i.exec(line.trim());
  return match?.[1];
}

/** The first line of a text, without its line break (a CSV header or a letter's first line). */
export function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Whether the start of a file reads as a CSV export: a first non-blank line split by a delimiter
 * into at least two column names that billcheck recognizes. An e-mail or a letter does not.
 */
export function looksLikeCsv(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/, 12).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return false;
  const hinted = excelSeparatorHint(first);
  if (hinted !== undefined) return recognizedColumnCount(splitHeaderLine(lines[1] ?? '', hinted)) >= 2;
  // The header may follow an export's title lines (issue 12): any of the first lines may be it.
  // A later line must look more like a header than a letter's sentence does: three recognized
  // columns, and no number of three digits or more (a sentence quotes amounts, dates, invoice numbers).
  return lines.slice(0, 10).some((line, at) => {
    const delimiter = sniffDelimiter(line);
    if (delimiter === undefined || (at > 0 && /\d{3}/.test(line))) return false;
    return recognizedColumnCount(splitHeaderLine(line, delimiter)) >= (at === 0 ? 2 : 3);
  });
}

/** The format of an input: its name when that says "csv", its first lines otherwise. */
export function detectFormat(name: string, head: string): InputFormat {
  // XML by content too: platforms and mail clients name e-invoices ".txt", ".ubl", ".cii" or nothing.
  return (
    formatFromName(name) ??
    (looksLikeXml(head) ? 'xml' : looksLikeCsv(head) ? 'csv' : looksLikeMail(head) ? 'mail' : 'text')
  );
}
