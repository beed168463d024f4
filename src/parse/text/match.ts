/**
 * Finds the labels of one line. Labels are matched word by word inside one layout cell (two
 * spaces or more separate cells, so "Facture      N° client" is two labels, not "Facture n°");
 * where labels overlap the longest wins ("Date limite de paiement" over "Date").
 */
import type { DocumentKind } from '../../model/document.js';
import { type LabelDefinition, type LabelField, LABELS_BY_FIRST_WORD } from './labels.js';
import type { TextLine } from './lines.js';

export interface LabelMatch {
  readonly definition: LabelDefinition;
  field: LabelField;
  priority: number;
  /** The value must follow the label with no other word in between. */
  bare: boolean;
  readonly start: number;
  end: number;
  /** Index of the first word after the label. */
  nextWord: number;
  readonly firstWord: number;
}

function cellIndexOfWords(line: TextLine): number[] {
  const indexes: number[] = [];
  let cell = 0;
  for (const word of line.words) {
    while (cell < line.cells.length - 1 && (line.cells[cell]?.end ?? 0) <= word.start) cell++;
    indexes.push(cell);
  }
  return indexes;
}

/** Every label of the line for a document of this kind, without overlaps, in line order. */
export function matchLabels(line: TextLine, kind: DocumentKind | undefined): LabelMatch[] {
  const words = line.words;
  const cellOf = cellIndexOfWords(line);
  const found: LabelMatch[] = [];
  for (let w = 0; w < words.length; w++) {
    const definitions = LABELS_BY_FIRST_WORD.get(words[w]?.text ?? '');
    if (definitions === undefined) continue;
    for (const definition of definitions) {
      if (definition.kinds !== undefined && (kind === undefined || !definition.kinds.includes(kind))) continue;
      const length = definition.words.length;
      if (w + length > words.length) continue;
      let matches = true;
      for (let k = 1; k < length && matches; k++) {
        matches = words[w + k]?.text === definition.words[k] && cellOf[w + k] === cellOf[w];
      }
      if (!matches) continue;
      const last = words[w + length - 1];
      found.push({
        definition,
        field: definition.field,
        priority: definition.priority,
        bare: definition.bare ?? false,
        start: words[w]?.start ?? 0,
        end: last?.end ?? 0,
        nextWord: w + length,
        firstWord: w,
      });
    }
  }
  found.sort(
    (a, b) => b.nextWord - b.firstWord - (a.nextWord - a.firstWord) || b.priority - a.priority || a.start - b.start,
  );
  const taken = new Array<boolean>(words.length).fill(false);
  const kept: LabelMatch[] = [];
  for (const match of found) {
    let free = true;
    for (let w = match.firstWord; w < match.nextWord && free; w++) free = !taken[w];
    if (!free) continue;
    for (let w = match.firstWord; w < match.nextWord; w++) taken[w] = true;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
