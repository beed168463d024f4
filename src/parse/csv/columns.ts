/**
 * Which CSV column holds which document field, from the header's wording.
 *
 * A header matches a field in one of two ways: it is one of the field's synonyms (after
 * normalization), or it holds all of one of the field's keyword sets and none of the field's
 * veto words ("Montant TVA" never reads as a total). Exact synonyms outrank keyword matches;
 * then every (column, field) pair is taken greedily, best score first, so each field gets at
 * most one column and each column at most one field. Ties go to the leftmost column and the
 * field listed first: the same header always maps the same way.
 *
 * A column that points to another document ("Référence", "Facture d'origine", "Related
 * invoice") is never the document's own number, even when it says "facture": taking it as the
 * id would merge a credit note into the invoice it refers to.
 */
import { FatalInputError } from '../../model/input.js';
import { normalizeLabel } from '../values/normalize.js';
import {
  BARE_REFERENCES,
  CHARGE_WORDS,
  COLUMN_FIELDS,
  type ColumnField,
  HEADER_ABBREVIATIONS,
  NOISE_WORDS,
  NUMBER_WORDS,
  REFERENCE_WORDS,
  VOCABULARY,
} from './header-vocabulary.js';

export { COLUMN_FIELDS, FIELDS, type ColumnField, type Field } from './header-vocabulary.js';

export const AMOUNT_FIELDS = ['net', 'tax', 'total', 'amountDue'] as const;

/** Column index of each field, -1 when no column holds it. */
export type ColumnIndexes = Readonly<Record<ColumnField, number>>;

/** How a field's column was chosen from the header: `--map`, an exact synonym, or keywords in a longer header. */
export type NameMatch = 'map' | 'exact' | 'keyword';

export interface ColumnMapping {
  /** The header as written (trimmed), one entry per column. */
  readonly headers: readonly string[];
  readonly index: ColumnIndexes;
  /** Per field with a column: how the header named it. */
  readonly matches?: Readonly<Partial<Record<ColumnField, NameMatch>>>;
  /** Columns whose header repeats an earlier one's ([earlier, later]); the later one is not read. */
  readonly duplicates?: readonly (readonly [number, number])[];
  /** Charge columns of an expense export ("Usage Charges", "Roaming Charges"): each one a line of the bill. */
  readonly charges?: readonly number[];
}

/**
 * The per-line charge columns of a telecom-expense export: at least two columns named for a
 * charge that no field holds, next to a total column (the "Total Charges" they add up to).
 */
function chargeColumns(headers: readonly string[], index: ColumnIndexes): number[] {
  if (index.total === -1) return [];
  const held = new Set(COLUMN_FIELDS.map((field) => index[field]));
  const charges: number[] = [];
  headers.forEach((header, column) => {
    if (held.has(column)) return;
    const words = headerWords(header);
    if (words.some((word) => CHARGE_WORDS.has(word)) && !words.includes('total')) charges.push(column);
  });
  return charges.length >= 2 ? charges : [];
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * A header's words in comparable form. "%" becomes a word before normalizeLabel drops it as a
 * unit: it is the whole difference between "TVA" (an amount) and "TVA %" (a rate).
 */
export function headerWords(label: string): string[] {
  const kept = label
    .replace(/\uFEFF/g, '')
    .replace(/\(\s*(ht|ttc|tva|vat)\s*\)/gi, ' $1 ')
    .replace(/%/g, ' pct ')
    .replace(/#/g, ' n ');
  const words: string[] = [];
  for (const word of normalizeLabel(kept).split(' ')) {
    if (word === '' || NOISE_WORDS.has(word)) continue;
    const unabbreviated = HEADER_ABBREVIATIONS.get(word) ?? word;
    words.push(NUMBER_WORDS.has(unabbreviated) ? 'n' : singular(unabbreviated));
  }
  return words;
}

interface CompiledField {
  readonly field: ColumnField;
  readonly synonyms: ReadonlySet<string>;
  readonly keywords: readonly (readonly string[])[];
  readonly vetoes: ReadonlySet<string>;
}

const COMPILED: readonly CompiledField[] = COLUMN_FIELDS.map((field) => {
  const vocabulary = VOCABULARY[field];
  return {
    field,
    synonyms: new Set(vocabulary.synonyms.map((synonym) => headerWords(synonym).join(' '))),
    keywords: vocabulary.keywords.map((keyword) => headerWords(keyword)),
    vetoes: new Set((vocabulary.vetoes ?? []).flatMap((veto) => headerWords(veto))),
  };
});

const REFERENCE_WORD_SET: ReadonlySet<string> = new Set(REFERENCE_WORDS.flatMap((word) => headerWords(word)));

function isReferenceLike(words: readonly string[]): boolean {
  return words.some((word) => REFERENCE_WORD_SET.has(word));
}

const EXACT_SCORE = 1000;
const KEYWORD_SCORE = 100;

/** How well a header's words name a field: 0 for not at all. */
function score(words: readonly string[], joined: string, compiled: CompiledField): number {
  if (words.length === 0) return 0;
  // Before the reference test: "Réf. document" is the document's own number.
  if (compiled.synonyms.has(joined)) return EXACT_SCORE + words.length;
  if (compiled.field === 'id' && isReferenceLike(words)) return 0;
  let best = 0;
  for (const keyword of compiled.keywords) {
    if (!keyword.every((word) => words.includes(word))) continue;
    // A veto word the keyword itself names is no veto: "excl. VAT" is net, though "VAT" alone vetoes it.
    if (words.some((word) => compiled.vetoes.has(word) && !keyword.includes(word))) continue;
    best = Math.max(best, KEYWORD_SCORE + 10 * keyword.length - (words.length - keyword.length));
  }
  return best;
}

const RATE_WORDS: ReadonlySet<string> = new Set(['taux', 'rate', 'satz', 'tarief', 'percentage']);

/**
 * "TVA 20%" and "VAT 5.5%" hold the tax charged at that rate, an amount; "TVA %" and "Taux TVA 20%"
 * hold a rate. A stated rate with no rate word is dropped so that the header reads as "TVA".
 */
function withoutStatedRate(words: readonly string[]): readonly string[] {
  const pct = words.indexOf('pct');
  if (pct < 1 || !/^\d+$/.test(words[pct - 1] as string) || words.some((word) => RATE_WORDS.has(word))) return words;
  let start = pct - 1;
  while (start > 0 && /^\d+$/.test(words[start - 1] as string)) start--;
  return [...words.slice(0, start), ...words.slice(pct + 1)];
}

function emptyIndexes(): Record<ColumnField, number> {
  const indexes = Object.create(null) as Record<ColumnField, number>;
  for (const field of COLUMN_FIELDS) indexes[field] = -1;
  return indexes;
}

/** The field a `--map` key names: "issueDate", "issue-date" and "issue_date" all work. */
function fieldNamed(name: string): ColumnField | undefined {
  const compact = name.toLowerCase().replace(/[^a-z]/g, '');
  return COLUMN_FIELDS.find((field) => field.toLowerCase() === compact);
}

function columnNamed(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name.trim());
  if (exact !== -1) return exact;
  const wanted = headerWords(name).join(' ');
  return wanted === '' ? -1 : headers.findIndex((header) => headerWords(header).join(' ') === wanted);
}

/** Applies `--map field=Column` overrides; they take their columns out of the automatic mapping. */
function applyOverrides(
  file: string,
  headers: readonly string[],
  columnMap: ReadonlyMap<string, string>,
  indexes: Record<ColumnField, number>,
  taken: boolean[],
  matches: Partial<Record<ColumnField, NameMatch>>,
): void {
  for (const [fieldName, columnName] of columnMap) {
    const field = fieldNamed(fieldName);
    if (field === undefined) {
      throw new FatalInputError(
        file,
        `--map ${fieldName}=${columnName}: unknown field "${fieldName}" (fields: ${COLUMN_FIELDS.join(', ')})`,
      );
    }
    const column = columnNamed(headers, columnName);
    if (column === -1)
      throw new FatalInputError(file, `--map ${fieldName}=${columnName}: no column "${columnName}" in the header`);
    indexes[field] = column;
    taken[column] = true;
    matches[field] = 'map';
  }
}

interface Assignment {
  readonly indexes: Record<ColumnField, number>;
  readonly matches: Partial<Record<ColumnField, NameMatch>>;
  readonly duplicates: [number, number][];
}

/** Columns whose words repeat an earlier column's: [earlier, later]. */
function duplicateColumns(words: readonly (readonly string[])[]): [number, number][] {
  const seen = new Map<string, number>();
  const duplicates: [number, number][] = [];
  words.forEach((columnWords, column) => {
    const joined = columnWords.join(' ');
    if (joined === '') return;
    const earlier = seen.get(joined);
    if (earlier === undefined) seen.set(joined, column);
    else duplicates.push([earlier, column]);
  });
  return duplicates;
}

function assign(
  headers: readonly string[],
  columnMap: ReadonlyMap<string, string> | undefined,
  file: string,
): Assignment {
  const indexes = emptyIndexes();
  const matches: Partial<Record<ColumnField, NameMatch>> = Object.create(null) as Partial<
    Record<ColumnField, NameMatch>
  >;
  const taken = headers.map(() => false);
  if (columnMap !== undefined) applyOverrides(file, headers, columnMap, indexes, taken, matches);
  const words = headers.map((header) => headerWords(header));
  // A second column of the same name is not read: which of the two holds the field is a guess.
  const duplicates = duplicateColumns(words);
  for (const [, later] of duplicates) taken[later] ||= !columnMapNames(columnMap, headers, later);
  const unrated = words.map(withoutStatedRate);
  // "TVA 20%" and "TVA 5,5%" side by side each hold part of the tax: no single one is the
  // document's tax, and taking one would make every mixed-rate bill look wrong. Neither is read.
  const statedRateColumns = unrated.filter((row, column) => row !== words[column]).length;

  const candidates: { column: number; fieldOrder: number; score: number }[] = [];
  headers.forEach((_header, column) => {
    if (taken[column]) return;
    if (statedRateColumns > 1 && unrated[column] !== words[column]) return;
    const columnWords = unrated[column] as readonly string[];
    const joined = columnWords.join(' ');
    COMPILED.forEach((compiled, fieldOrder) => {
      if (indexes[compiled.field] !== -1) return;
      const value = score(columnWords, joined, compiled);
      if (value > 0) candidates.push({ column, fieldOrder, score: value });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.fieldOrder - b.fieldOrder);
  for (const candidate of candidates) {
    const field = COMPILED[candidate.fieldOrder]?.field;
    if (field === undefined || taken[candidate.column] || indexes[field] !== -1) continue;
    indexes[field] = candidate.column;
    taken[candidate.column] = true;
    matches[field] = candidate.score >= EXACT_SCORE ? 'exact' : 'keyword';
  }
  return { indexes, matches, duplicates };
}

/** Whether `--map` named this column (then it is read though its name repeats another's). */
function columnMapNames(
  columnMap: ReadonlyMap<string, string> | undefined,
  headers: readonly string[],
  column: number,
): boolean {
  if (columnMap === undefined) return false;
  for (const name of columnMap.values()) if (columnNamed(headers, name) === column) return true;
  return false;
}

/**
 * "Référence" alone, unlike "Facture d'origine", may be the documents' own number; the CSV reader
 * decides from the rows (see RowReader.adoptReferenceAsId).
 */
export function isBareReference(header: string): boolean {
  const words = headerWords(header);
  return words.length === 1 && BARE_REFERENCES.has(words[0] as string);
}

/** How many columns of a header billcheck recognizes (format detection uses it). */
export function recognizedColumnCount(headers: readonly string[]): number {
  const { indexes } = assign(headers, undefined, '');
  return COLUMN_FIELDS.filter((field) => indexes[field] !== -1).length;
}

/**
 * Maps a CSV header to document fields. Throws FatalInputError when the header does not look
 * like an invoice export at all: it needs an amount or a document type, and one more field.
 */
export function mapColumns(
  file: string,
  rawHeaders: readonly string[],
  columnMap?: ReadonlyMap<string, string>,
): ColumnMapping {
  const headers = rawHeaders.map((header) => header.replace(/^\uFEFF/, '').trim());
  const { indexes: index, matches, duplicates } = assign(headers, columnMap, file);
  const mapped = COLUMN_FIELDS.filter((field) => index[field] !== -1);
  const hasAmountOrKind =
    index.kind !== -1 ||
    index.unitPrice !== -1 ||
    index.debit !== -1 ||
    index.credit !== -1 ||
    index.lineTotal !== -1 ||
    AMOUNT_FIELDS.some((field) => index[field] !== -1);
  if (!hasAmountOrKind || mapped.length < 2) {
    const shown = headers
      .slice(0, 12)
      .map((header) => `"${header.slice(0, 40)}"`)
      .join(', ');
    throw new FatalInputError(
      file,
      'no invoice columns recognized: expected an amount ("Montant TTC", "Total", "Amount") or a document type ("Type"), ' +
        `plus a number, date or account column ("N° de facture", "Date", "N° client"); the header has ${shown}` +
        '; use --map FIELD=COLUMN to name them',
    );
  }
  const charges = chargeColumns(headers, index);
  return { headers, index, matches, duplicates, ...(charges.length === 0 ? {} : { charges }) };
}
