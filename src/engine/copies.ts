/**
 * One bill read twice (issue 13): the customer area's CSV row and the PDF or text copy of that
 * same bill, in one dossier. Same kind, number, total and issue date, from another file, and no
 * other period: one bill with two sources. The account rules see it once (no duplicate-invoice, no finding twice), and a
 * finding about it names the other source. A copy that differs in total or date is no copy: the
 * rules still see both (duplicate-invoice reports them).
 */
import { documentKey } from '../identity/account-key.js';
import type { EvidenceValue, Finding } from '../model/finding.js';
import type { AccountEntry } from './rule.js';

/** "file:line", as findings and evidence name a place. */
export function locationOf(place: { readonly file: string; readonly line: number }): string {
  return `${place.file}:${place.line}`;
}

function copyKey(entry: AccountEntry): string | undefined {
  if (entry.kind !== 'invoice' && entry.kind !== 'credit-note') return undefined;
  if (entry.id === undefined || entry.total === undefined || entry.issueDay === undefined) return undefined;
  return `${entry.kind}|${documentKey(entry.id)}|${entry.total.toFixed(2)}|${entry.currency}|${entry.issueDay}`;
}

/**
 * Two sources of one bill bill the same period; a source that states none (a text bill whose
 * period the reader did not find) does not contradict the other. Review: a CSV row billing March
 * under February's number, total and date is another bill (duplicate-invoice's), not a copy.
 */
function samePeriod(a: AccountEntry, b: AccountEntry): boolean {
  const differs = (x: number | undefined, y: number | undefined): boolean =>
    x !== undefined && y !== undefined && x !== y;
  return !differs(a.periodStartDay, b.periodStartDay) && !differs(a.periodEndDay, b.periodEndDay);
}

/**
 * How much of what the account rules weigh a source states: the source that says most of the bill
 * is kept, the first read among equals. Tryout 7: the e-mail announcing a bill ("votre facture … est
 * disponible") was read first and kept, and the bill's period was lost with its text ("bills no period").
 */
function statedFacts(entry: AccountEntry): number {
  const facts = [entry.periodStartDay, entry.periodEndDay, entry.dueDay, entry.amountDue, entry.paid];
  return facts.filter((fact) => fact !== undefined).length;
}

/** Whether every entry comes from one file: then none is a copy (a bill run's accounts, issue 19: 4 % of its time). */
function fromOneFile(entries: readonly AccountEntry[]): boolean {
  const file = (entries[0] as AccountEntry).file;
  for (const entry of entries) if (entry.file !== file) return false;
  return true;
}

/** What dropCopies gives for nearly every account of a bill run: one empty map, not one each (issue 19). */
const NO_COPIES: ReadonlyMap<string, string[]> = new Map();

/**
 * Takes the copies out of one account's entries, keeping the source that states most of the bill,
 * else the first in reading order (`order`: a file's place in the run): the kept entry's place → the
 * places of its copies.
 * Two rows of one file are no copy of each other (an export listing a bill twice is duplicate-invoice's).
 */
export function dropCopies(entries: AccountEntry[], order: (file: string) => number): ReadonlyMap<string, string[]> {
  if (entries.length < 2 || fromOneFile(entries)) return NO_COPIES;
  const copies = new Map<string, string[]>();
  const byKey = new Map<string, AccountEntry[]>();
  for (const entry of entries) {
    const key = copyKey(entry);
    if (key === undefined) continue;
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, [entry]);
    else same.push(entry);
  }
  const dropped = new Set<AccountEntry>();
  for (const same of byKey.values()) {
    if (same.length < 2 || new Set(same.map((entry) => entry.file)).size < 2) continue;
    same.sort((a, b) => statedFacts(b) - statedFacts(a) || order(a.file) - order(b.file) || a.line - b.line);
    const kept = same[0] as AccountEntry;
    const others = same.filter((entry) => entry.file !== kept.file && samePeriod(entry, kept));
    if (others.length === 0) continue;
    for (const other of others) dropped.add(other);
    copies.set(locationOf(kept), others.map(locationOf));
  }
  if (dropped.size === 0) return copies;
  let to = 0;
  for (const entry of entries) if (!dropped.has(entry)) entries[to++] = entry;
  entries.length = to;
  return copies;
}

/** A finding at a bill read twice, naming the other source in its evidence (`alsoAt`). */
export function withOtherSource(finding: Finding, others: readonly string[]): Finding {
  const evidence: Record<string, EvidenceValue> = Object.create(null);
  Object.assign(evidence, finding.evidence);
  evidence.alsoAt = others.length === 1 ? (others[0] as string) : others;
  return { ...finding, evidence };
}

/**
 * The document rules' findings of bills read twice, once: a copy's finding that its kept source
 * also has (same rule and message) is dropped, and the kept source's findings name the copies.
 * A finding only the copy has (its own lines, say) stays: it is about what the copy says.
 */
export class CopyMerge {
  private readonly othersOf = new Map<string, string[]>();
  private readonly keptOf = new Map<string, string>();
  private readonly keptFindings = new Set<string>();

  /** `findings`: every finding made while reading, to know which the kept sources have. */
  constructor(pairs: readonly (readonly [copy: string, kept: string])[], findings: readonly Finding[]) {
    for (const [copy, kept] of pairs) {
      this.keptOf.set(copy, kept);
      const others = this.othersOf.get(kept) ?? [];
      if (!others.includes(copy)) others.push(copy);
      this.othersOf.set(kept, others);
    }
    this.learn(findings);
  }

  /** More findings made while reading (a streamed report holds them apart, see check.ts). */
  learn(findings: readonly Finding[]): void {
    if (this.othersOf.size === 0) return;
    for (const finding of findings) {
      const place = locationOf(finding);
      if (this.othersOf.has(place)) this.keptFindings.add(signature(place, finding));
    }
  }

  get empty(): boolean {
    return this.keptOf.size === 0;
  }

  /** True for the second source of a bill read twice (its story is the kept source's). */
  isCopy(place: { readonly file: string; readonly line: number }): boolean {
    return this.keptOf.has(locationOf(place));
  }

  /** The finding as the report gives it, or undefined when its bill's kept source says the same. */
  apply(finding: Finding): Finding | undefined {
    const place = locationOf(finding);
    const kept = this.keptOf.get(place);
    if (kept !== undefined) return this.keptFindings.has(signature(kept, finding)) ? undefined : finding;
    const others = this.othersOf.get(place);
    return others === undefined ? finding : withOtherSource(finding, others);
  }
}

function signature(place: string, finding: Finding): string {
  return `${place}\u0000${finding.ruleId}\u0000${finding.messageId}`;
}
