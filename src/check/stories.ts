/**
 * The documents of a run, kept for the text report to tell each account's story (issue 13).
 * Bounded: a dossier is a few dozen documents; a bill run of a million rows is no story, and
 * the collector stops keeping documents past MAX_STORY_DOCUMENTS (the report says so).
 */
import type { BillingDocument, DocumentKind } from '../model/document.js';
import { Money } from '../model/money.js';

export const MAX_STORY_DOCUMENTS = 2000;

/** One document in an account's history (the shape the html report's `histories` shares). */
export interface StoryEntry {
  /** As the document wrote it; the report names it by the joined account. */
  readonly account: string;
  readonly kind: DocumentKind;
  /** ISO date: issue, else effective, else period start. */
  readonly date: string | undefined;
  /** What a letter demands, else what the document totals. */
  readonly total: Money | undefined;
  readonly id: string | undefined;
  /** The invoices a dunning letter without a number of its own claims: the story names it by them. */
  readonly claims?: readonly string[];
  /** A termination's effective date (ISO) when its letter gives one: the story says it beside the letter's date. */
  readonly effectiveDate?: string;
  readonly currency: string;
  /** Nothing in the input said the currency (see BillingDocument.currencyGuessed). */
  readonly currencyGuessed?: true;
  readonly file: string;
  readonly line: number;
}

/** A story entry as a worker thread sends it: a Money does not survive postMessage, its exact text does. */
export type SentStoryEntry = Omit<StoryEntry, 'total'> & { readonly total: string | undefined };

export function storyEntryOf(doc: BillingDocument): StoryEntry {
  return {
    account: doc.account,
    kind: doc.kind,
    date: doc.issueDate ?? doc.effectiveDate ?? doc.periodStart,
    total: doc.kind === 'dunning' ? (doc.amountDue ?? doc.total) : (doc.total ?? doc.amountDue),
    id: doc.id,
    ...(doc.kind === 'dunning' && doc.id === undefined && doc.references.length > 0
      ? { claims: [...new Set(doc.references)] }
      : {}),
    ...(doc.kind === 'termination' && doc.effectiveDate !== undefined ? { effectiveDate: doc.effectiveDate } : {}),
    currency: doc.currency,
    ...(doc.currencyGuessed === true ? { currencyGuessed: true as const } : {}),
    file: doc.source.file,
    line: doc.source.line,
  };
}

export function sentStoryEntryOf(doc: BillingDocument): SentStoryEntry {
  const entry = storyEntryOf(doc);
  return { ...entry, total: entry.total?.toString() };
}

/**
 * Each guessed currency in the currency the joined account's other documents state most, as the
 * account rules see it (engine/account-entry.ts withStatedCurrencies): a story does not show a
 * bill in € beside the £ reminder that the rules read it with (issue 13).
 */
export function withStatedCurrencies(entries: StoryEntry[], accountName: (raw: string) => string): StoryEntry[] {
  if (!entries.some((entry) => entry.currencyGuessed === true)) return entries;
  const stated = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    if (entry.currencyGuessed === true || entry.total === undefined) continue;
    const name = accountName(entry.account);
    const counts = stated.get(name) ?? new Map<string, number>();
    stated.set(name, counts);
    counts.set(entry.currency, (counts.get(entry.currency) ?? 0) + 1);
  }
  const usual = (name: string): string | undefined => {
    let best: [string, number] | undefined;
    for (const [currency, count] of stated.get(name) ?? [])
      if (best === undefined || count > best[1]) best = [currency, count];
    return best?.[0];
  };
  return entries.map((entry) =>
    entry.currencyGuessed === true
      ? { ...entry, currency: usual(accountName(entry.account)) ?? entry.currency }
      : entry,
  );
}

export class StoryCollector {
  private readonly kept: StoryEntry[] = [];
  /** Documents seen past the bound, not kept. */
  dropped = 0;

  add(doc: BillingDocument): void {
    this.keep(storyEntryOf(doc));
  }

  /** The documents a worker read in its part of a split file. */
  addSent(entries: readonly SentStoryEntry[]): void {
    for (const entry of entries) {
      this.keep({ ...entry, total: entry.total === undefined ? undefined : Money.parse(entry.total) });
    }
  }

  /**
   * In reading order: by file, then line. A split file's parts arrive interleaved (the main
   * thread's part as it reads it, the workers' in batches), but a file ends before the next
   * begins, so the order files first appear in is their reading order.
   */
  get entries(): StoryEntry[] {
    const fileOrder = new Map<string, number>();
    for (const entry of this.kept) if (!fileOrder.has(entry.file)) fileOrder.set(entry.file, fileOrder.size);
    const order = (entry: StoryEntry) => fileOrder.get(entry.file) as number;
    return [...this.kept].sort((a, b) => order(a) - order(b) || a.line - b.line);
  }

  private keep(entry: StoryEntry): void {
    if (this.kept.length >= MAX_STORY_DOCUMENTS) {
      this.dropped++;
      return;
    }
    this.kept.push(entry);
  }
}
