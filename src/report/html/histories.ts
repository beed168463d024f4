import type { AmountStyle, BillingDocument, DocumentKind } from '../../model/document.js';
import type { Money } from '../../model/money.js';

/**
 * What the HTML report draws of one document: the CheckResult otherwise carries findings only,
 * and a chart needs every bill of the account, flagged or not.
 */
export interface HistoryPoint {
  readonly kind: DocumentKind;
  readonly id: string | undefined;
  /** ISO date the document is placed at: its issue date, else its effective date, else its period start. */
  readonly date: string | undefined;
  /** A termination's effective date when the input gives one. */
  readonly effectiveDate: string | undefined;
  /** The total, else (a dunning letter) the amount due. */
  readonly amount: Money | undefined;
  readonly currency: string;
  readonly file: string;
  readonly line: number;
}

/** Every account's documents in reading order, as far as the bound let them be kept. */
export interface AccountHistories {
  readonly accounts: ReadonlyMap<string, readonly HistoryPoint[]>;
  /** Accounts some of whose documents came after the bound: their history is not whole, so it is not drawn. */
  readonly incomplete: ReadonlySet<string>;
  /** How many documents were not kept (0 when every history is whole). */
  readonly dropped: number;
  /** How each file wrote its amounts and dates, so that axes are labelled the same way. */
  readonly styles: ReadonlyMap<string, AmountStyle>;
}

/** About 150 bytes a point: 200 000 documents keep the collector near 30 MB, whatever the input's size. */
export const MAX_HISTORY_DOCUMENTS = 200_000;

/**
 * Keeps the documents' points for the HTML report only (the other formats stream and keep none).
 * Bounded: past `limit` documents nothing more is kept, and the accounts that lost a document
 * are named, so that the report says which histories it cannot draw rather than draw them short.
 */
export class HistoryCollector {
  private readonly accounts = new Map<string, HistoryPoint[]>();
  private readonly incomplete = new Set<string>();
  private readonly styles = new Map<string, AmountStyle>();
  private kept = 0;
  private dropped = 0;

  constructor(private readonly limit: number = MAX_HISTORY_DOCUMENTS) {}

  record(doc: BillingDocument): void {
    if (doc.amountStyle !== undefined && !this.styles.has(doc.source.file))
      this.styles.set(doc.source.file, doc.amountStyle);
    if (this.kept >= this.limit) {
      this.dropped++;
      this.incomplete.add(doc.account);
      return;
    }
    this.kept++;
    let points = this.accounts.get(doc.account);
    if (points === undefined) {
      points = [];
      this.accounts.set(doc.account, points);
    }
    points.push(pointOf(doc));
  }

  /**
   * `accountName` names each account as the report does (the joined account's name): the documents
   * of one customer written under several names make one history, in date order.
   */
  histories(accountName: (raw: string) => string = (raw) => raw): AccountHistories {
    const accounts = new Map<string, HistoryPoint[]>();
    const joined = new Set<string>();
    for (const [raw, points] of this.accounts) {
      const name = accountName(raw);
      const kept = accounts.get(name);
      if (kept === undefined) accounts.set(name, points);
      else {
        accounts.set(name, [...kept, ...points]);
        joined.add(name);
      }
    }
    for (const name of joined) accounts.get(name)?.sort(byDate);
    const incomplete = new Set([...this.incomplete].map(accountName));
    return { accounts, incomplete, dropped: this.dropped, styles: this.styles };
  }
}

/** Dated points in date order, undated ones after them in reading order (a stable sort). */
function byDate(a: HistoryPoint, b: HistoryPoint): number {
  if (a.date === b.date) return 0;
  if (a.date === undefined) return 1;
  if (b.date === undefined) return -1;
  return a.date < b.date ? -1 : 1;
}

function pointOf(doc: BillingDocument): HistoryPoint {
  return {
    kind: doc.kind,
    id: doc.id,
    // The same order of dates as the account timeline the rules see (engine/account-entry.ts).
    date: doc.issueDate ?? doc.effectiveDate ?? doc.periodStart,
    effectiveDate: doc.effectiveDate,
    amount: doc.total ?? doc.amountDue,
    currency: doc.currency,
    file: doc.source.file,
    line: doc.source.line,
  };
}
