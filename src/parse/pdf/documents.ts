/**
 * A PDF's pages into documents. A bill of several pages is one document; a customer-area
 * "all my bills" PDF holds several, and says so where a page opens with a new number and date.
 * Each page is read alone first, only to see whether it opens a document; then each run of pages
 * is read as one text, as the text reader reads `pdftotext -layout` output.
 */
import type { BillingDocument } from '../../model/document.js';
import { FatalInputError } from '../../model/input.js';
import type { DateOrder } from '../values/dates.js';
import { parseTextDocument } from '../text/index.js';

export interface PageRun {
  /** 0-based index of the first page. */
  readonly first: number;
  readonly pages: readonly string[];
}

/** What a page read alone says of itself; undefined when it is no document on its own (a detail page). */
function pageHeading(page: string, options: { dateOrder?: DateOrder }): BillingDocument | undefined {
  try {
    const [event] = parseTextDocument(page, 'page', options);
    return event?.type === 'document' ? event.document : undefined;
  } catch (error) {
    if (error instanceof FatalInputError) return undefined;
    throw error;
  }
}

/**
 * A page opens a new document when it has its own number and date and that number is neither the
 * current document's nor one it refers to: page 2 of a bill repeats the bill's number, page 2 of a
 * dunning letter quotes the invoice the letter is about.
 */
export function splitPages(pages: readonly string[], options: { dateOrder?: DateOrder }): PageRun[] {
  const runs: { first: number; pages: string[] }[] = [];
  let known: Set<string> | undefined;
  pages.forEach((page, index) => {
    const heading = pages.length > 1 ? pageHeading(page, options) : undefined;
    const opens =
      heading?.id !== undefined && heading.issueDate !== undefined && known !== undefined && !known.has(heading.id);
    const current = runs.at(-1);
    if (current === undefined || opens) {
      runs.push({ first: index, pages: [page] });
      known = undefined;
    } else {
      current.pages.push(page);
    }
    if (known === undefined && heading?.id !== undefined) known = new Set([heading.id, ...heading.references]);
  });
  return runs;
}
