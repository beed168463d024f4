/**
 * Collects, line by line, what each label says: amounts with their role, identifiers, dates.
 * A label's value sits after it on the same line (up to the next label), or, in a
 * `pdftotext -layout` table, in the same column of the next line.
 */
import type { DocumentKind } from '../../model/document.js';
import type { Money } from '../../model/money.js';
import type { DateOrder } from '../values/dates.js';
import { type AmountToken, scanAmounts, type Span } from './amounts.js';
import { datesInLine, type FoundDate } from './dates.js';
import { type AmountRole, FILLER_WORDS, type LabelDefinition, type ValueField } from './labels.js';
import type { TextLine } from './lines.js';
import { type LabelMatch, matchLabels } from './match.js';
import { accountAt, cutAfter, identifierAt, isPeriodJoiner, partialStartDate } from './values.js';

export interface AmountFact {
  readonly role: AmountRole;
  readonly priority: number;
  readonly token: AmountToken;
  readonly order: number;
  /** A rounding's direction when printed beside the figure ("(-) 0.50", "(+) 0.36"). */
  readonly sign?: 'plus' | 'minus';
}

export interface ValueFact {
  readonly field: ValueField;
  readonly priority: number;
  readonly value: string;
  /** For a period: its end. */
  readonly end?: string;
  readonly order: number;
  /** For a number: what continues it on its line, unread (values.ts cutAfter), and that line. */
  readonly cut?: { readonly rest: string; readonly line: number };
}

/** A fee a dunning letter adds to the debt, as its line says it: "Frais de recouvrement   40,00 €". */
export interface FeeFact {
  readonly description: string;
  readonly token: AmountToken;
}

export interface Facts {
  readonly amounts: AmountFact[];
  /** Fees a dunning letter adds to the debt, in line order (a bill's lines are not read). */
  readonly fees: FeeFact[];
  readonly values: ValueFact[];
  /** Every amount of the document, labelled or not (for the amount style and the currency). */
  readonly tokens: AmountToken[];
  /** Every label matched, once per match (their language hints at the country). */
  readonly labels: LabelDefinition[];
  /** Amounts written after a label of the debt alone ("Hauptforderung"), which a letter's fees add to. */
  readonly debtOnly: ReadonlySet<AmountToken>;
}

interface PreparedLine {
  readonly line: TextLine;
  readonly dates: FoundDate[];
  readonly tokens: AmountToken[];
  readonly matches: LabelMatch[];
  /** Qualifier written right after an amount ("49,99 € TTC"), by token index. */
  readonly suffixes: Map<number, 'net' | 'total'>;
}

const AMOUNT_ROLES: ReadonlySet<string> = new Set(['net', 'tax', 'total', 'due', 'paid', 'rounding', 'fee', 'ignore']);
const MAX_LABEL_TO_DATE = 40;
/** What may sit between a bare label and its date: punctuation, and a weekday ("Date: Tue, 9 Apr 2024"). */
const BARE_GAP =
  /^[\s:.,=-]*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so)[\s.,]+)?$/iu;
/** Words before an unlabelled period: "du … au …", "Summary for … - …", "od … do …". */
const PERIOD_LEADS: ReadonlySet<string> = new Set(['du', 'from', 'for', 'vom', 'van', 'od', 'za']);

export function dateSpans(raw: string, order: DateOrder | undefined): FoundDate[] {
  return datesInLine(raw, order);
}

export function excludedSpans(dates: readonly FoundDate[]): Span[] {
  return dates.map((date) => ({ start: date.index, end: date.index + date.length }));
}

function onlyFillers(folded: string): boolean {
  const words = folded
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.every((word) => FILLER_WORDS.has(word));
}

/** A quantity column between a totals row's label and its amount: "Total   2 Nos   ₹ 26,550.00". */
const QUANTITY = /^\s*\d{1,6}\s+(?:nos|no|pcs|pc|units?|items?|szt|stk|st)\s/;

function onlyFillersOrQuantity(folded: string): boolean {
  return onlyFillers(folded) || onlyFillers(folded.replace(QUANTITY, ' '));
}

/** Applies qualifiers: to the amount before them, to the label before them, or as labels of their own. */
function resolveQualifiers(
  line: TextLine,
  matches: LabelMatch[],
  tokens: readonly AmountToken[],
): { matches: LabelMatch[]; suffixes: Map<number, 'net' | 'total'> } {
  const suffixes = new Map<number, 'net' | 'total'>();
  const kept: LabelMatch[] = [];
  for (const match of matches) {
    if (match.field !== 'net-qualifier' && match.field !== 'total-qualifier') {
      kept.push(match);
      continue;
    }
    const role = match.field === 'net-qualifier' ? 'net' : 'total';
    const before = tokens.findIndex(
      (token) =>
        token.end <= match.start &&
        match.start - token.end <= 4 &&
        /^[\s()€]*$/u.test(line.raw.slice(token.end, match.start)),
    );
    if (before >= 0) {
      suffixes.set(before, role);
      continue;
    }
    const previous = kept[kept.length - 1];
    const between = previous === undefined ? '' : line.folded.slice(previous.end, match.start);
    const tokenBetween =
      previous !== undefined && tokens.some((token) => token.start >= previous.end && token.end <= match.start);
    if (
      previous !== undefined &&
      AMOUNT_ROLES.has(previous.field) &&
      !tokenBetween &&
      between.length <= 6 &&
      onlyFillers(between)
    ) {
      if (role === 'net' && (previous.field === 'total' || previous.field === 'due')) previous.field = 'net';
      previous.end = match.end;
      continue;
    }
    match.field = role;
    match.priority = 25;
    match.bare = true;
    kept.push(match);
  }
  return { matches: kept, suffixes };
}

function prepare(
  line: TextLine,
  kind: DocumentKind,
  order: DateOrder | undefined,
  decimal: ',' | '.' | undefined,
): PreparedLine {
  const dates = dateSpans(line.raw, order);
  const tokens = scanAmounts(line.raw, excludedSpans(dates), decimal);
  const { matches, suffixes } = resolveQualifiers(line, matchLabels(line, kind), tokens);
  return { line, dates, tokens, matches, suffixes };
}

/** Column range of a label in a header line: from its start to the next label. */
function columnOf(prepared: PreparedLine, index: number): { start: number; end: number } {
  const match = prepared.matches[index];
  const next = prepared.matches[index + 1];
  return {
    start: (match?.start ?? 0) - 3,
    end: next?.start ?? Math.max((match?.end ?? 0) + 40, prepared.line.raw.length),
  };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A line of figures only (a table's value row under its header); or, under a header whose first
 * amount column starts further right, a row whose description stands left of every amount column
 * ("Abonnement fibre   24,99   5,00   29,99" under "Désignation   Mt H.T.   T.V.A.   Mt T.T.C.").
 */
function isFigureLine(prepared: PreparedLine, header?: PreparedLine): boolean {
  if (prepared.matches.length > 0 || prepared.tokens.length === 0) return false;
  // Only a header of several amounts (net, VAT, total) heads one row of figures: under a lone
  // "Amount" column the rows are the bill's lines, each with its own description.
  const amountColumns = header?.matches.filter((match) => AMOUNT_ROLES.has(match.field)) ?? [];
  const firstAmountColumn = amountColumns.length >= 2 ? amountColumns[0]?.start : undefined;
  return prepared.line.cells.every(
    (cell, index) =>
      prepared.tokens.some((token) => overlaps(token, cell)) ||
      /^[€$£]$|^(?:eur|ttc|ht)$/iu.test(cell.text) ||
      (index === 0 && firstAmountColumn !== undefined && cell.end < firstAmountColumn - 3),
  );
}

/** The priority of a figure read from the first line of a table of the bill's lines: below every label. */
export const LINE_ROW_PRIORITY = 4;

/** Whether words come before the line's first figure: the description of a line of the bill. */
function startsWithWording(prepared: PreparedLine): boolean {
  const first = prepared.tokens[0];
  return first !== undefined && /\p{L}{3}/u.test(prepared.line.raw.slice(0, first.start));
}

class Collector {
  readonly amounts: AmountFact[] = [];
  readonly fees: FeeFact[] = [];
  readonly values: ValueFact[] = [];
  readonly tokens: AmountToken[] = [];
  readonly labels: LabelDefinition[] = [];
  readonly debtOnly = new Set<AmountToken>();
  private order = 0;

  amount(role: AmountRole, priority: number, token: AmountToken, sign?: 'plus' | 'minus'): void {
    this.amounts.push({ role, priority, token, order: this.order++, sign });
  }

  value(field: ValueField, priority: number, value: string, end?: string, cut?: ValueFact['cut']): void {
    this.values.push({ field, priority, value, end, order: this.order++, ...(cut === undefined ? {} : { cut }) });
  }
}

function sum(a: Money, b: Money): Money {
  return a.add(b);
}

/**
 * A fee line of a dunning letter: its label opens a cell ("Frais de recouvrement : 40,00 €"), so
 * that a sentence of fine print ("une indemnité forfaitaire de 40 € sera due") is no fee charged.
 */
function addFee(out: Collector, prepared: PreparedLine, match: LabelMatch, first: AmountToken | undefined): void {
  if (first === undefined || first.money.isZero() || first.money.isNegative()) return;
  if (!prepared.line.cells.some((cell) => cell.start === match.start)) return;
  const between = prepared.line.raw.slice(match.end, first.start);
  if (!/^[\s:.…=-]*(?:\([^()]{0,30}\)[\s:.…=-]*)?$/u.test(between)) return;
  const description = prepared.line.raw
    .slice(match.start, first.start)
    .replace(/[\s:.…=-]+$/u, '')
    .replace(/\s+/g, ' ');
  out.fees.push({ description, token: first });
}

/** "(-)", "(+)" or a lone sign written before a rounding's figure, or right after it. */
function roundingSign(raw: string, token: AmountToken, labelEnd: number): 'plus' | 'minus' | undefined {
  const around = `${raw.slice(labelEnd, token.start)} ${raw.slice(token.end, token.end + 4)}`;
  if (/\(\s*[-−]\s*\)|(?:^|\s)[-−](?:\s|$)/u.test(around)) return 'minus';
  if (/\(\s*\+\s*\)|(?:^|\s)\+(?:\s|$)/u.test(around)) return 'plus';
  return undefined;
}

/** Amounts after one label: "Total facture  24.99  5.00  29.99" holds net, tax and total. */
function addLabelledAmounts(out: Collector, match: LabelMatch, tokens: readonly AmountToken[]): void {
  const role = match.field as AmountRole;
  const priority = match.priority;
  const last = tokens[tokens.length - 1];
  if (last === undefined || role === 'ignore') return;
  if (tokens.length === 1) {
    out.amount(role, priority, last);
    return;
  }
  if ((role === 'total' || role === 'tax') && tokens.length > 3) {
    // A summary table's totals row ("Total  22,500.00  2,025.00  2,025.00  4,050.00": taxable
    // value, two taxes and their sum): which column is what cannot be told from the row alone.
    out.amount(role, priority - 10, last);
    return;
  }
  if (role === 'total' || role === 'paid') {
    const [net, tax] = [tokens[tokens.length - 3], tokens[tokens.length - 2]];
    if (tokens.length >= 3 && net !== undefined && tax !== undefined && sum(net.money, tax.money).eq(last.money)) {
      out.amount('net', priority - 5, net);
      out.amount('tax', priority - 5, tax);
    } else if (tax !== undefined && tax.money.abs().compare(last.money.abs()) <= 0) {
      // "total auprès d'Orange  41,66  49,99": without tax and total, before it.
      out.amount('net', priority - 10, tax);
    }
    out.amount(role, priority, last);
    return;
  }
  if (role === 'tax') {
    const base = tokens[tokens.length - 2];
    if (base !== undefined && base.money.abs().gt(last.money.abs())) out.amount('net', 10, base);
  }
  out.amount(role, priority, last);
}

function firstDateIn(prepared: PreparedLine, from: number, to: number, bare: boolean): FoundDate | undefined {
  const date = prepared.dates.find((found) => found.index >= from && found.index < to);
  if (date === undefined) return undefined;
  const gap = prepared.line.raw.slice(from, date.index);
  if (bare ? !BARE_GAP.test(gap) : gap.length > MAX_LABEL_TO_DATE) return undefined;
  return date;
}

/** The text a label's value may be in when its own line has none: the same column of the next line. */
function textBelow(
  lines: readonly PreparedLine[],
  index: number,
  matchIndex: number,
): { prepared: PreparedLine; start: number; end: number } | undefined {
  const here = lines[index];
  const below = lines[index + 1];
  if (
    here === undefined ||
    below === undefined ||
    below.line.no > here.line.no + 2 ||
    below.line.page !== here.line.page
  )
    return undefined;
  const column = columnOf(here, matchIndex);
  const cell = below.line.cells.find((candidate) => overlaps(candidate, column));
  if (cell !== undefined) return { prepared: below, start: cell.start, end: cell.end };
  const isLast = matchIndex === here.matches.length - 1;
  const first = below.line.cells[0];
  if (isLast && first !== undefined && below.line.cells.length === 1)
    return { prepared: below, start: first.start, end: first.end };
  return undefined;
}

function addValue(
  out: Collector,
  lines: readonly PreparedLine[],
  index: number,
  matchIndex: number,
  kind: DocumentKind,
  order: DateOrder | undefined,
): void {
  const prepared = lines[index];
  const match = prepared?.matches[matchIndex];
  if (prepared === undefined || match === undefined) return;
  const field = match.field as ValueField;
  const regionEnd = prepared.matches[matchIndex + 1]?.start ?? prepared.line.raw.length;
  const read = (where: PreparedLine, from: number, to: number, bare: boolean): boolean => {
    const text = where.line.raw.slice(from, to);
    if (field === 'invoiceId' || field === 'letterId') {
      // The product name may hold a word that is a label of its own ("Mobile"): read past it.
      const found =
        identifierAt(text, order) ??
        (field === 'invoiceId' ? afterProductName(where.line.raw.slice(from, from + 80), order) : undefined);
      if (found === undefined) return false;
      const rest = cutAfter(where.line.raw.slice(from), found.end);
      out.value(
        field,
        match.priority,
        found.id,
        undefined,
        rest === undefined ? undefined : { rest, line: where.line.no },
      );
      if (match.definition.list === true) {
        for (const next of listedAfter(text, found.end, order)) out.value(field, match.priority, next);
      }
      // "Facture n°2401234567 du 02 avril 2024" also dates the invoice, "Avoir n° AV24… du 15/03/2024" the credit note.
      if ((field === 'invoiceId' && kind === 'invoice') || (field === 'letterId' && kind === 'credit-note')) {
        const after = from + found.end;
        const date = where.dates.find((d) => d.index >= after && d.index - after <= 8);
        if (date !== undefined && /^\s*(?:du|vom|of|dated|van)\s*$/iu.test(where.line.raw.slice(after, date.index)))
          out.value('issueDate', 45, date.iso);
      }
      return true;
    }
    if (field === 'account') {
      // "Ligne : 06 12 34 56 78", never "Free Mobile n° FM2407-0014410": a bare line label wants a number.
      if (match.bare && !BARE_ACCOUNT_VALUE.test(text)) return false;
      // "service clients Mobile - 41965 BLOIS CEDEX 9": after a bare label, a postcode and its town are an address.
      if (match.bare && POSTCODE_AND_TOWN.test(text)) return false;
      const account = accountAt(text, order);
      if (account === undefined) return false;
      out.value(field, match.priority, account);
      return true;
    }
    if (field === 'period') {
      const inRegion = where.dates.filter((d) => d.index >= from && d.index < to);
      const [first, second] = inRegion;
      if (
        first !== undefined &&
        second !== undefined &&
        isPeriodJoiner(where.line.raw.slice(first.index + first.length, second.index))
      ) {
        out.value('period', match.priority, first.iso, second.iso);
        return true;
      }
      if (first !== undefined) {
        const start = partialStartDate(where.line.folded.slice(from, first.index), first.iso);
        if (start !== undefined) {
          out.value('period', match.priority, start, first.iso);
          return true;
        }
      }
      return false;
    }
    const date = firstDateIn(where, from, to, bare);
    if (date === undefined) return false;
    out.value(field, match.priority, date.iso);
    return true;
  };
  if (read(prepared, match.end, regionEnd, match.bare)) return;
  const below = textBelow(lines, index, matchIndex);
  if (below !== undefined) read(below.prepared, below.start, below.end, false);
}

/**
 * What joins the items of a list of numbers: a comma or semicolon, "et", "and", "und", "en", "&",
 * "ainsi que", each maybe followed by its own "n°" ("les factures n° FA-1, n° FA-2 et n° FA-3").
 */
const LIST_JOINER =
  /^\s*(?:[,;&/]|,?\s*(?:et|and|und|en|ainsi que|as well as|sowie)(?=\s))\s*(?:(?:n°|nº|no\.?|nr\.?|#)\s*:?\s*)?/iu;
const AMOUNT_IN_BRACKETS = /^\s*\((?:[^()\d]{0,6})?\d[\d\s.,\u00a0\u202f]*(?:€|eur|£|gbp|\$|usd)?\s*\)/iu;
/** Lists name a handful of bills; a long run of numbers is a table, which its own labels read. */
const MAX_LISTED = 12;

/** The other numbers of a list whose first ends at `from` in `text`: "FA-1, FA-2 et FA-3" gives FA-2 and FA-3. */
function listedAfter(text: string, from: number, order: DateOrder | undefined): string[] {
  const listed: string[] = [];
  let at = from;
  while (listed.length < MAX_LISTED) {
    // Each bill may carry its amount in brackets: "vos factures FA-1 (29,99 €) et FA-2 (29,99 €)".
    at += AMOUNT_IN_BRACKETS.exec(text.slice(at, at + 40))?.[0].length ?? 0;
    const joiner = LIST_JOINER.exec(text.slice(at, at + 40));
    if (joiner === null) break;
    const found = identifierAt(text.slice(at + joiner[0].length), order);
    if (found === undefined) break;
    listed.push(found.id);
    at += joiner[0].length + found.end;
  }
  return listed;
}

/** A French postcode then its town in capitals ("41965 BLOIS CEDEX 9", Orange's address for letters; tryout 6). */
const POSTCODE_AND_TOWN = /^[\s:.=-]*\d{5}\s+\p{Lu}{2,}/u;
/** What a bare line or account label may introduce: a number, maybe after "n°" ("Ligne n° 06 12 34 56 78"). */
const BARE_ACCOUNT_VALUE = /^[\s:.=-]*(?:(?:n°|nº|no\.?)\s*:?\s*)?[+(\d]/iu;
/**
 * An operator's or product's name between the label and the number: "votre facture Free Mobile
 * n° FM2407-0014410", "Votre facture Orange référence 0123456789" (issue 13). Up to three
 * capitalized words, then a number word.
 */
const PRODUCT_NAME =
  /^[\s:]*(?:[\p{Lu}][\p{L}&'’+-]*\s+){1,3}(?:n°|nº|no\.?|numéro|numero|number|nr\.?|référence|reference|réf\.?|ref\.?)\s*:?\s*/u;

function afterProductName(text: string, order: DateOrder | undefined): { id: string; end: number } | undefined {
  const name = PRODUCT_NAME.exec(text);
  if (name === null) return undefined;
  const found = identifierAt(text.slice(name[0].length), order);
  return found === undefined ? undefined : { id: found.id, end: name[0].length + found.end };
}

/** Periods written without a label: "Abonnement du 01/03/2024 au 31/03/2024", "du 1er au 31 mars 2024". */
function addUnlabelledPeriods(out: Collector, prepared: PreparedLine): void {
  const { dates, line } = prepared;
  for (let k = 0; k < dates.length; k++) {
    const first = dates[k];
    const second = dates[k + 1];
    if (first === undefined) continue;
    const lead =
      line.folded
        .slice(Math.max(0, first.index - 6), first.index)
        .trim()
        .split(' ')
        .pop() ?? '';
    if (
      second !== undefined &&
      PERIOD_LEADS.has(lead) &&
      isPeriodJoiner(line.raw.slice(first.index + first.length, second.index))
    ) {
      out.value('period', 10, first.iso, second.iso);
      return;
    }
    const start = partialStartDate(line.folded.slice(Math.max(0, first.index - 40), first.index), first.iso);
    if (start !== undefined) {
      out.value('period', 10, start, first.iso);
      return;
    }
  }
}

/** The place a letter is written from, before its date: "München, 03.04.2024", "Leeds, 3 July 2024". */
const PLACE_BEFORE_DATE = /^\p{Lu}[\p{L}'’ -]{1,30},\s*(?:(?:le|den|am|the)\s+)?$/u;

/**
 * A letter's date standing alone in its cell ("10 mars 2024" under the sender's address), or
 * after the place it was written in, which says more surely that it is the letter's own date.
 */
function addLoneDate(out: Collector, prepared: PreparedLine): void {
  for (const date of prepared.dates) {
    const cell = prepared.line.cells.find((c) => c.start <= date.index && c.end >= date.index + date.length);
    if (cell === undefined || cell.end !== date.index + date.length) continue;
    if (cell.text.length === date.length) out.value('issueDate', 1, date.iso);
    else if (PLACE_BEFORE_DATE.test(prepared.line.raw.slice(cell.start, date.index)))
      out.value('issueDate', 12, date.iso);
  }
}

export function collectFacts(
  lines: readonly TextLine[],
  kind: DocumentKind,
  order: DateOrder | undefined,
  decimal: ',' | '.' | undefined,
): Facts {
  const prepared = lines.map((line) => prepare(line, kind, order, decimal));
  const out = new Collector();
  const firstPage = lines[0]?.page;
  prepared.forEach((current, index) => {
    out.tokens.push(...current.tokens);
    for (const match of current.matches) out.labels.push(match.definition);
    current.matches.forEach((match, matchIndex) => {
      const regionEnd = current.matches[matchIndex + 1]?.start ?? current.line.raw.length;
      if (!AMOUNT_ROLES.has(match.field)) {
        addValue(out, prepared, index, matchIndex, kind, order);
        return;
      }
      const inRegion: AmountToken[] = [];
      current.tokens.forEach((token, tokenIndex) => {
        if (token.start < match.end || token.start >= regionEnd) return;
        if (!current.suffixes.has(tokenIndex)) inRegion.push(token);
      });
      const first = inRegion[0];
      if (
        match.bare &&
        first !== undefined &&
        !onlyFillersOrQuantity(current.line.folded.slice(match.end, first.start))
      )
        return;
      if (match.field === 'fee') {
        addFee(out, current, match, first);
        return;
      }
      if (match.field === 'rounding') {
        if (first !== undefined)
          out.amount('rounding', match.priority, first, roundingSign(current.line.raw, first, match.end));
        return;
      }
      addLabelledAmounts(out, match, inRegion);
      if (match.definition.debt === true) for (const token of inRegion) out.debtOnly.add(token);
      if (inRegion.length === 0 && current.tokens.length === 0) {
        // A table header: its figures are on the next line, in the same columns.
        const below = prepared[index + 1];
        if (below !== undefined && below.line.no <= current.line.no + 2 && isFigureLine(below, current)) {
          const column = columnOf(current, matchIndex);
          const token = below.tokens.find((candidate) => overlaps(candidate, column));
          // A row that starts with wording is a line of the bill ("Abonnement Livebox  33,33  6,67  40,00"):
          // its figures are the bill's only when nothing else is (a tryout's 149 040 € bill was read as
          // its first line's 40,00 €, beside "Total à payer : 149 040,00 €").
          const priority = startsWithWording(below) ? LINE_ROW_PRIORITY : match.priority;
          if (token !== undefined && match.field !== 'ignore') out.amount(match.field as AmountRole, priority, token);
        }
      }
    });
    current.suffixes.forEach((role, tokenIndex) => {
      const token = current.tokens[tokenIndex];
      if (token === undefined) return;
      const owner = [...current.matches].reverse().find((match) => match.end <= token.start);
      if (owner?.field === 'ignore' || owner?.field === 'fee') return;
      if (owner?.field === 'due') out.amount('due', owner.priority, token);
      out.amount(role, owner?.field === role ? Math.max(owner.priority, 35) : 35, token);
    });
    if (kind === 'invoice' || kind === 'credit-note') addUnlabelledPeriods(out, current);
    if (current.line.page === firstPage) addLoneDate(out, current);
  });
  return out;
}
