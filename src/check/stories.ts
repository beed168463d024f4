/**
 * The documents of a run, kept for the text report to tell each account's story (issue 13).
 * Bounded: a dossier is a few dozen documents; a bill run of a million rows is no story, and
 * the collector stops keeping documents past MAX_STORY_DOCUMENTS (the report says so).
 */
import type { BillingDocument, DocumentKind } from '../model/document.js';
import type { Money } from '../model/money.js';

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
  readonly currency: string;
  readonly file: string;
  readonly line: number;
}

export class StoryCollector {
  readonly entries: StoryEntry[] = [];
  /** Documents seen past the bound, not kept. */
  dropped = 0;

  add(doc: BillingDocument): void {
    if (this.entries.length >= MAX_STORY_DOCUMENTS) {
      this.dropped++;
      return;
    }
    this.entries.push({
      account: doc.account,
      kind: doc.kind,
      date: doc.issueDate ?? doc.effectiveDate ?? doc.periodStart,
      total: doc.kind === 'dunning' ? (doc.amountDue ?? doc.total) : (doc.total ?? doc.amountDue),
      id: doc.id,
      currency: doc.currency,
      file: doc.source.file,
      line: doc.source.line,
    });
  }
}
