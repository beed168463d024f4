/**
 * The cells of one physical line, when csv-parse would read that line as one whole record and
 * there is only one way to read it: unquoted cells without any quote, and quoted cells that close
 * before a delimiter or the end of the line ("" inside them being one quote). Anything else (a
 * quote inside an unquoted cell, text after a closing quote, a quote left open at the end of the
 * line) gives undefined, and the line is read by csv-parse itself (records.ts).
 *
 * Why not csv-parse for every line: it reads byte by byte in JavaScript and slices every cell out
 * of the buffer, about half of a run's time (issue 19), where a line of plain cells is one native
 * split. csv-parse stays the reader of record: a property test holds this reading equal to its own
 * on every line this accepts (test/parse/csv/line-fields.test.ts).
 */

const QUOTE = '"';

/**
 * V8 makes a part of a string of 13 characters or more a view of the whole (a sliced string):
 * one cell kept would keep its line, and the cells a batch holds kept the heaps 25 MB larger
 * (issue 19). Shorter parts are copies already.
 */
const SHORTEST_VIEW = 13;

/**
 * A copy of a cell that holds on to nothing else: slicing a concatenation makes V8 write it out
 * as one new string, of which the slice is a view (the line is no longer referred to).
 */
function own(cell: string): string {
  return cell.length < SHORTEST_VIEW ? cell : ` ${cell}`.slice(1);
}

/**
 * Whether lines may be read here with this delimiter: one printable ASCII character or a tab, not
 * a quote. Not any other character: csv-parse matches a delimiter's bytes, where a split of the
 * decoded line would also cut at the U+FFFD an invalid byte decodes to (found in review).
 */
export function readsLinesWith(delimiter: string): boolean {
  if (delimiter.length !== 1 || delimiter === QUOTE) return false;
  const code = delimiter.charCodeAt(0);
  return code === 0x09 || (code >= 0x20 && code < 0x7f);
}

/** The cells of a line without its line break, or undefined when csv-parse must read it. */
export function fieldsOfLine(line: string, delimiter: string): string[] | undefined {
  if (line.indexOf(QUOTE) === -1) {
    const cells = line.split(delimiter);
    for (let at = 0; at < cells.length; at++) cells[at] = own(cells[at] as string);
    return cells;
  }
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line.startsWith(QUOTE, at)) {
      const quoted = quotedField(line, at, delimiter);
      if (quoted === undefined) return undefined;
      fields.push(own(quoted.text));
      if (quoted.next === -1) return fields;
      at = quoted.next;
      continue;
    }
    const end = line.indexOf(delimiter, at);
    const text = end === -1 ? line.slice(at) : line.slice(at, end);
    // csv-parse keeps a quote inside an unquoted cell as text (relax_quotes); rare enough to leave to it.
    if (text.indexOf(QUOTE) !== -1) return undefined;
    fields.push(own(text));
    if (end === -1) return fields;
    at = end + 1;
  }
}

/**
 * A quoted cell starting at `start`: its text, and where the next cell starts (-1 at the end of
 * the line); undefined when it does not close before a delimiter or the end of the line.
 */
function quotedField(line: string, start: number, delimiter: string): { text: string; next: number } | undefined {
  let text = '';
  let from = start + 1;
  for (;;) {
    const quote = line.indexOf(QUOTE, from);
    // Open at the end of the line: the cell holds a line break, or the quote is never closed.
    if (quote === -1) return undefined;
    if (line.startsWith(QUOTE, quote + 1)) {
      text += line.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    text += line.slice(from, quote);
    const after = quote + 1;
    if (after === line.length) return { text, next: -1 };
    if (line.startsWith(delimiter, after)) return { text, next: after + 1 };
    return undefined;
  }
}
