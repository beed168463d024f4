/**
 * The layout pass: a page's text runs back into lines of characters, as `pdftotext -layout`
 * prints them, so that the text reader finds a label and its amount on one line and two column
 * blocks apart (two spaces or more between cells). Runs are grouped by baseline (within a
 * tolerance: the blocks of a two-column bill are often set a point or two apart), ordered by x and
 * placed on a grid of the page's typical character width.
 */
import type { PdfPageText, PdfTextItem } from './pdf-content.js';

/** Runs whose baselines are closer than this share a line (as a fraction of the font height). */
const BASELINE_TOLERANCE = 0.5;
/** Runs whose baselines are closer than this (fraction of the font height) are on one line even where they overlap. */
const SAME_BASELINE = 0.2;
/** Runs closer than this (fraction of the font height) are one word cut in two by the producer. */
const SAME_WORD_GAP = 0.1;
/** A gap this wide (in character widths) is a column gap: at least two spaces, as the text reader expects. */
const COLUMN_GAP_CHARS = 2;
/**
 * How many of the lines above a run are tried: a bill has a handful within a baseline's tolerance;
 * a hostile page stacking thousands of runs on one spot must not make the pass quadratic.
 */
const LOOKBACK_LINES = 32;
/** A vertical gap above this many font heights becomes a blank line, as pdftotext leaves them. */
const BLANK_LINE_GAP = 1.9;

interface Line {
  readonly baseline: number;
  readonly size: number;
  readonly items: PdfTextItem[];
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The character width of the grid: the median advance of a character on the page. */
function characterWidth(items: readonly PdfTextItem[]): number {
  const widths = items
    .filter((item) => item.width > 0 && item.text.length > 0)
    .map((item) => item.width / item.text.length);
  const typical = median(widths);
  return typical !== undefined && typical > 0 ? typical : 5;
}

function overlaps(line: Line, item: PdfTextItem): boolean {
  const slack = 0.2 * item.size;
  return line.items.some((other) => item.x < other.x + other.width - slack && other.x < item.x + item.width - slack);
}

/**
 * Runs into lines, top to bottom, each left to right: a run joins the nearest line within tolerance
 * that it does not overlap.
 */
export function groupLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    let chosen: Line | undefined;
    let distance = Infinity;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - LOOKBACK_LINES; i--) {
      const line = lines[i] as Line;
      const tolerance = BASELINE_TOLERANCE * Math.max(line.size, item.size);
      // Lines are made top to bottom: once one is further up than any tolerance, so are the rest.
      if (item.y - line.baseline > 2 * tolerance) break;
      const gap = Math.abs(item.y - line.baseline);
      // On one baseline a run may sit inside another's span ("(S )" drawn as "( )" then "S"); a few
      // points off, an overlapping run is the next line of the same column.
      const sameBaseline = gap <= SAME_BASELINE * Math.max(line.size, item.size);
      if (gap <= tolerance && gap < distance && (sameBaseline || !overlaps(line, item))) {
        chosen = line;
        distance = gap;
      }
    }
    if (chosen === undefined) lines.push({ baseline: item.y, size: item.size, items: [item] });
    else chosen.items.push(item);
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => a.baseline - b.baseline);
}

/** One line's runs on the character grid, left to right. */
function renderLine(line: Line, charWidth: number, leftMargin: number): string {
  const items = line.items;
  let text = '';
  let previous: PdfTextItem | undefined;
  for (const item of items) {
    const column = Math.max(0, Math.round((item.x - leftMargin) / charWidth));
    const run = item.text.replace(/\s+$/u, '');
    if (previous === undefined) {
      text = ' '.repeat(column) + run.trimStart();
    } else {
      const gap = item.x - (previous.x + previous.width);
      if (gap < SAME_WORD_GAP * item.size && !/\s$/u.test(previous.text)) {
        text += run;
      } else {
        const least = gap >= COLUMN_GAP_CHARS * charWidth ? 2 : 1;
        text += ' '.repeat(Math.max(least, column - text.length)) + run.trimStart();
      }
    }
    previous = item;
  }
  return text;
}

/** A page as lines of text (no line break at the end of the last one). */
export function layoutPage(page: PdfPageText): string[] {
  if (page.items.length === 0) return [];
  const charWidth = characterWidth(page.items);
  const leftMargin = page.items.reduce((least, item) => Math.min(least, item.x), Infinity);
  const lines = groupLines(page.items);
  const out: string[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (
      previous !== undefined &&
      line.baseline - previous.baseline > BLANK_LINE_GAP * Math.max(line.size, previous.size)
    )
      out.push('');
    out.push(renderLine(line, charWidth, leftMargin));
    previous = line;
  }
  return out;
}

/** A page's text as `pdftotext -layout` writes it: each line ended by "\n", the page by a form feed. */
export function pageText(page: PdfPageText): string {
  return (
    layoutPage(page)
      .map((line) => `${line}\n`)
      .join('') + '\f'
  );
}

export function layoutText(pages: readonly PdfPageText[]): string {
  return pages.map(pageText).join('');
}
