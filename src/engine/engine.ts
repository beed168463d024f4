import { dayNumber, isoFromDayNumber } from '../model/dates.js';
import type { AmountStyle, BillingDocument, DocumentKind } from '../model/document.js';
import type { EvidenceValue, Finding, Severity } from '../model/finding.js';
import { ACCOUNT_CONFLICT, INVALID_INPUT } from '../model/finding.js';
import { formatMoney, isIsoDate } from '../model/format.js';
import { messageTemplate, ruleTexts } from '../i18n/catalogue.js';
import { formatCount, formatReportDate, languageAmountStyle } from '../i18n/format.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { readerText, sentence } from '../i18n/reader.js';
import { wordsFor } from '../i18n/words.js';
import type { InvalidInputEvent } from '../model/input.js';
import { Money } from '../model/money.js';
import { type AccountJoin, type IdentityConflict, joinAccounts } from '../identity/join.js';
import { documentKey } from '../identity/account-key.js';
import {
  compareEntries,
  documentCountry,
  plainCurrency,
  toAccountEntry,
  withStatedCurrencies,
} from './account-entry.js';
import type { EncodedEntries } from './entry-codec.js';
import type { EntryEncoder } from './entry-codec.js';
import { EntryDecoder } from './entry-codec.js';
import { EntryStore } from './entry-store.js';
import { dropCopies, locationOf, withOtherSource } from './copies.js';
import { ContentLog, NO_CONTENT } from './content-log.js';
import type {
  AccountEntry,
  AccountRule,
  AccountTimeline,
  AnyRule,
  DocumentRule,
  MessageData,
  Report,
  RuleContext,
  RuleOptions,
} from './rule.js';

/** A rule as configured for one run: its severity and options after config and command line. */
export interface ConfiguredRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: RuleOptions;
}

/** `--terminated [ACCOUNT=]DATE`: a termination known from outside the input. */
export interface KnownTermination {
  /** undefined: every account of the input. */
  readonly account?: string;
  /** ISO date on which the contract ended. */
  readonly date: string;
}

export interface EngineOptions {
  readonly rules: readonly ConfiguredRule[];
  /** ISO date; fixed by tests. */
  readonly today: string;
  readonly terminations?: readonly KnownTermination[];
  /**
   * Where numbered invoices' contents are kept until the account rules ran: a run on several
   * threads gives each thread its writer in one directory; default, a log of the engine's own.
   */
  readonly content?: ContentLog;
  /** The language of the findings' messages (default English); ids and evidence never change with it. */
  readonly lang?: Lang;
}

export const COMMAND_LINE_SOURCE = '(command line)';

/**
 * Runs document rules on each document as it arrives and keeps a compact entry per document
 * for the account rules, which run over each account's timeline once the input has ended.
 */
export class Engine {
  private readonly documentRules: RunnableRule<DocumentRule>[];
  private readonly accountRules: RunnableRule<AccountRule>[];
  private store = new EntryStore();
  private readonly fileOrder = new Map<string, number>();
  private readonly today: string;
  private readonly terminations: readonly KnownTermination[];
  private readonly lang: Lang;
  // Identity (issue 13): the other names documents gave their accounts, and the joins made at finish().
  // The countries their national numbers are read in travel with the entries (AccountEntry.country).
  private readonly aliases = new Map<string, Set<string>>();
  private joined: AccountJoin | undefined;

  /**
   * Bills read twice (engine/copies.ts), found by finish(): each copy's place and the kept one's.
   * The document rules' findings of a copy are merged with the kept one's by the caller.
   */
  readonly copyPairs: [copy: string, kept: string][] = [];

  /** Numbered invoices' exact contents (see ContentLog). */
  readonly content: ContentLog;

  constructor(options: EngineOptions) {
    this.today = options.today;
    this.content = options.content ?? ContentLog.temporary();
    this.terminations = options.terminations ?? [];
    this.lang = options.lang ?? DEFAULT_LANG;
    this.documentRules = [];
    this.accountRules = [];
    for (const configured of options.rules) {
      if (configured.rule.scope === 'document') {
        this.documentRules.push(
          new RunnableRule(configured, configured.rule as DocumentRule, this.today, this.lang, this.content),
        );
      } else {
        this.accountRules.push(
          new RunnableRule(configured, configured.rule as AccountRule, this.today, this.lang, this.content),
        );
      }
    }
  }

  /** Runs the document rules on one document and keeps its account entry; returns its findings (added to `findings` when given). */
  addDocument(doc: BillingDocument, findings: Finding[] = []): Finding[] {
    this.noteFile(doc.source.file);
    this.checkDocument(doc, findings);
    this.noteIdentity(doc);
    // Without account rules only the account's name is kept, for the summary's count.
    if (this.accountRules.length > 0) this.store.add(toAccountEntry(doc, this.content));
    else this.store.noteCountry(this.store.accountId(doc.account), documentCountry(doc));
    return findings;
  }

  /** Runs the document rules alone (a parsing worker: the main thread keeps the entries). */
  checkDocument(doc: BillingDocument, findings: Finding[]): void {
    for (const runnable of this.documentRules) {
      runnable.checkDocument(doc, findings);
    }
  }

  /** A decoder for one stream of encoded entries (from another thread, whose document rules ran there). */
  entryDecoder(): EntryDecoder {
    return new EntryDecoder(this.store);
  }

  /** One batch of encoded entries, straight into the store (only their accounts when no account rule runs). */
  addEncodedEntries(decoder: EntryDecoder, batch: EncodedEntries): void {
    decoder.decodeInto(batch, this.accountRules.length > 0);
  }

  /** Takes the accounts `leaves` names out, whole, for the account rules to run elsewhere: their entries (or names alone), encoded. */
  takeAccounts(leaves: (account: string) => boolean, sink: Pick<EntryEncoder, 'add' | 'addAccount'>): void {
    this.store.takeAccounts(
      leaves,
      (entry) => sink.add(entry),
      (account) => sink.addAccount(account),
    );
  }

  /** Distinct accounts among the documents added so far (read it before finish(), which lets them go). */
  get accountCount(): number {
    return this.store.accounts;
  }

  /** Entries kept for the account rules so far (read it before finish()). */
  get entryCount(): number {
    return this.store.size;
  }

  /** The configured rules of one scope (a worker runs the document rules itself). */
  static documentRulesOf(rules: readonly ConfiguredRule[]): ConfiguredRule[] {
    return rules.filter((configured) => configured.rule.scope === 'document');
  }

  /** The finding of the reserved rule `invalid-input` for a row or text that cannot be read. */
  addInvalid(event: InvalidInputEvent): Finding {
    this.noteFile(event.file);
    const evidence: Record<string, EvidenceValue> = Object.create(null);
    evidence.reason = event.reason;
    if (event.column !== undefined) evidence.column = event.column;
    if (event.value !== undefined) evidence.value = event.value;
    const words = wordsFor(this.lang).engine;
    const where =
      event.column === undefined
        ? ''
        : event.value === undefined
          ? words.inColumn(event.column)
          : words.inColumnValue(event.column, event.value);
    return {
      ruleId: INVALID_INPUT,
      messageId: 'invalid',
      severity: 'error',
      message: `${sentence(readerText(event.reason, this.lang))}${where}`,
      file: event.file,
      line: event.line,
      ...(event.documentId === undefined ? {} : { documentId: event.documentId }),
      evidence,
    };
  }

  // --- identity (issue 13) ---
  /** Other identifiers a document names beside its account. */
  private noteIdentity(doc: BillingDocument): void {
    if (doc.accountAliases === undefined || doc.accountAliases.length === 0) return;
    let aliases = this.aliases.get(doc.account);
    if (aliases === undefined) this.aliases.set(doc.account, (aliases = new Set()));
    for (const alias of doc.accountAliases) if (alias !== doc.account) aliases.add(alias);
  }

  /**
   * Joins the accounts that are one customer (src/identity); a conflict becomes a warning. The
   * accounts taken out for another thread (takeAccounts) are that thread's to join.
   */
  private joinAccounts(findings: Finding[]): AccountJoin {
    const join = this.localJoin();
    for (const conflict of this.inSourceOrder(join.conflicts)) findings.push(this.conflictFinding(join, conflict));
    return join;
  }

  /**
   * Conflicts named from the bill number's first claim in the input (file order, then line), not
   * the first one this thread stored: a thread's store holds its entries in the order they
   * arrived from others, and one thread and two must give the same warnings (issue 13).
   */
  private inSourceOrder(conflicts: readonly IdentityConflict[]): IdentityConflict[] {
    if (conflicts.length === 0) return [];
    const byId = new Map<string, IdentityConflict[]>();
    for (const conflict of conflicts) {
      const group = byId.get(conflict.invoiceId);
      if (group === undefined) byId.set(conflict.invoiceId, [conflict]);
      else group.push(conflict);
    }
    const where = (index: number, account: number): [number, number] => {
      const entry = this.store.entryAt(index, String(account));
      return [this.fileOrder.get(entry.file) ?? Number.MAX_SAFE_INTEGER, entry.line];
    };
    const ordered: IdentityConflict[] = [];
    for (const group of byId.values()) {
      const head = group[0] as IdentityConflict;
      const claims = [
        { index: head.first, account: head.firstAccount },
        ...group.map((conflict) => ({ index: conflict.second, account: conflict.secondAccount })),
      ].map((claim) => ({ ...claim, at: where(claim.index, claim.account) }));
      claims.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
      const [earliest, ...others] = claims as [(typeof claims)[number], ...typeof claims];
      // One conflict per other account: the earliest claim may be its own account's second one once
      // the claims of two threads are put in source order (review: an account "in conflict" with itself).
      const named = new Set([earliest.account]);
      for (const other of others) {
        if (named.has(other.account)) continue;
        named.add(other.account);
        ordered.push({
          invoiceId: head.invoiceId,
          first: earliest.index,
          firstAccount: earliest.account,
          second: other.index,
          secondAccount: other.account,
        });
      }
    }
    return ordered;
  }

  /** The files of the run in the order read, as another thread noted them: conflicts and findings are ordered by them. */
  adoptFileOrder(files: readonly string[]): void {
    this.fileOrder.clear();
    for (const file of files) this.noteFile(file);
  }

  /** The files noted, in the order read. */
  get files(): string[] {
    return [...this.fileOrder.keys()];
  }

  private localJoin(): AccountJoin {
    const store = this.store;
    const aliases = store.takenAny
      ? new Map([...this.aliases].filter(([account]) => !store.isTaken(account)))
      : this.aliases;
    return joinAccounts({
      names: store.accountNames,
      // The country of an account's first document in the input that names one, as one thread reads them.
      countryOf: store.accountCountries((file) => this.fileOrder.get(file) ?? Number.MAX_SAFE_INTEGER),
      aliases,
      entries: store.identityEntries(),
      size: store.size,
      entryAt: (index) => store.identityEntry(index),
      claimHashAt: (index) => store.claimHashAt(index),
      numberOf: store.accountNumbers(),
      ...(store.takenAny ? { isTaken: (number: number) => store.isTakenNumber(number) } : {}),
    });
  }

  /** The accounts here whose documents name others, with those names: another thread looks them up (issue 13). */
  identityReferrers(): [account: string, references: string[]][] {
    return this.store.referrers();
  }

  /** The accounts here that bill a document another thread's `referrers` name: they join across threads. */
  claimantsFor(referrers: readonly (readonly [string, readonly string[]])[]): string[] {
    const claims = this.store.claimants(new Set(referrers.flatMap(([, references]) => references.map(documentKey))));
    return [...new Set([...claims.values()].filter((account): account is string => account !== null))];
  }

  /** Of another thread's `referrers`, the accounts that name a document billed here: they join across threads. */
  referrersJoinedHere(referrers: readonly (readonly [string, readonly string[]])[]): string[] {
    const claims = this.store.claimants(new Set(referrers.flatMap(([, references]) => references.map(documentKey))));
    const joined = referrers.filter(([, references]) =>
      references.some((reference) => typeof claims.get(documentKey(reference)) === 'string'),
    );
    return [...new Set(joined.map(([account]) => account))];
  }

  /**
   * The hashes of the bill numbers claimed here (documentKey form), sorted: another thread finds
   * the ones it claims too (issue 13: one bill number under two accounts of two threads). Four
   * bytes a bill; a hash match that is no bill in common only moves an account between threads.
   */
  billHashes(): Int32Array {
    // Counted first, then written: an array of 500 000 numbers and its copy took 20 ms (issue 19).
    let count = 0;
    this.store.forEachClaim(() => count++);
    const hashes = new Int32Array(count);
    let at = 0;
    this.store.forEachClaim((hash) => {
      hashes[at++] = hash;
    });
    return hashes.sort();
  }

  /** Whether any account here is one that `test` names (read before finish()). */
  anyAccount(test: (account: string) => boolean): boolean {
    return this.store.accountNames.some(test);
  }

  /**
   * The claims here whose hash is among `hashes` (sorted, as billHashes gives them): each
   * claimant's account and the bill number's key. A 32-bit hash matches by chance about once in
   * 4 × 10^9 pairs: between two threads of 500 000 bills each, some sixty times a run, and each
   * moved an account and made both threads join twice (issue 19). The keys let the other thread
   * keep only the bills it really claims too (claimedKeys).
   */
  claimsOfHashes(hashes: Int32Array): [account: string, key: string][] {
    const found: [string, string][] = [];
    if (hashes.length === 0) return found;
    const names = this.store.accountNames;
    const seen = new Set<string>();
    this.store.forEachClaim((hash, account, index) => {
      if (!sortedHas(hashes, hash)) return;
      const key = documentKey(this.store.idAt(index) as string);
      const name = names[account] as string;
      const pair = `${name}\u0000${key}`;
      if (seen.has(pair)) return;
      seen.add(pair);
      found.push([name, key]);
    });
    return found;
  }

  /** Of the bill number keys `keys`, those an invoice or credit note here claims. */
  claimedKeys(keys: ReadonlySet<string>): Set<string> {
    return new Set(this.store.claimants(keys).keys());
  }

  /**
   * The accounts here that claim a bill number one of `accounts` claims: they are checked where
   * those are, joined or in conflict with them, as on one thread.
   */
  claimingWith(accounts: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    if (accounts.size === 0) return found;
    const names = this.store.accountNames;
    const keys = new Set<string>();
    for (const entry of this.store.identityEntries()) {
      if (isClaim(entry.kind) && entry.id !== undefined && accounts.has(names[entry.account] as string))
        keys.add(documentKey(entry.id));
    }
    if (keys.size === 0) return found;
    for (const entry of this.store.identityEntries()) {
      if (isClaim(entry.kind) && entry.id !== undefined && keys.has(documentKey(entry.id)))
        found.add(names[entry.account] as string);
    }
    return found;
  }

  /**
   * The accounts `theirs` says another thread checks that claim a bill number an account checked
   * here also claims (review: a small file read here holding one bill number under an account of
   * each share; sent away, the claim under the other's account would reach no join, and the
   * conflict would be lost). They stay here, where the join decides join or conflict.
   */
  claimingAcrossShares(theirs: (account: string) => boolean): Set<string> {
    const names = this.store.accountNames;
    // Decided once an account, not once an entry: the share is a hash of the name.
    const isTheirs = names.map((name) => theirs(name));
    const found = new Set<string>();
    if (!isTheirs.includes(true)) return found;
    const theirKeys = new Set<string>();
    for (const entry of this.store.identityEntries()) {
      if (isClaim(entry.kind) && entry.id !== undefined && isTheirs[entry.account] === true)
        theirKeys.add(documentKey(entry.id));
    }
    if (theirKeys.size === 0) return found;
    const shared = new Set<string>();
    for (const entry of this.store.identityEntries()) {
      if (!isClaim(entry.kind) || entry.id === undefined || isTheirs[entry.account] === true) continue;
      const key = documentKey(entry.id);
      if (theirKeys.has(key)) shared.add(key);
    }
    if (shared.size === 0) return found;
    for (const entry of this.store.identityEntries()) {
      if (isClaim(entry.kind) && entry.id !== undefined && isTheirs[entry.account] === true) {
        if (shared.has(documentKey(entry.id))) found.add(names[entry.account] as string);
      }
    }
    return found;
  }

  /**
   * Every account here joined (by this thread's own joins) with one that `joins` names: what moves
   * with them to another thread, or stays with them. `onlyIf`: when no account here is one of
   * these, the join (a pass over every entry) is not made, and nothing is returned.
   */
  joinedWith(joins: (account: string) => boolean, onlyIf?: (account: string) => boolean): Set<string> {
    const names = this.store.accountNames;
    const moved = new Set<string>();
    if (onlyIf !== undefined && !names.some(onlyIf)) return moved;
    const join = this.localJoin();
    const roots = new Set<number>();
    names.forEach((name, number) => {
      if (joins(name)) roots.add(join.rootOf[number] as number);
    });
    names.forEach((name, number) => {
      if (roots.has(join.rootOf[number] as number)) moved.add(name);
    });
    return moved;
  }

  /** The second claim of a bill number, whose content differs from the first's: a warning, and no join. */
  private conflictFinding(join: AccountJoin, conflict: IdentityConflict): Finding {
    const firstName = join.names[conflict.firstAccount] as string;
    const name = join.names[conflict.secondAccount] as string;
    const first = this.store.entryAt(conflict.first, firstName);
    const second = this.store.entryAt(conflict.second, name);
    const day = second.issueDay;
    const evidence: Record<string, EvidenceValue> = Object.create(null);
    evidence.invoiceId = second.id ?? conflict.invoiceId;
    evidence.otherAccount = firstName;
    evidence.otherFile = first.file;
    evidence.otherLine = first.line;
    return {
      ruleId: ACCOUNT_CONFLICT,
      messageId: 'conflict',
      severity: 'warning',
      message: fillTemplate(
        wordsFor(this.lang).engine.conflict,
        // A line number is no count: never grouped ("file:1234").
        { ...evidence, otherLine: String(first.line) },
        plainCurrency(second.currency),
        undefined,
        this.lang,
      ),
      file: second.file,
      line: second.line,
      account: name,
      ...(second.id === undefined ? {} : { documentId: second.id }),
      documentKind: second.kind,
      ...(day === undefined ? {} : { date: isoFromDayNumber(day) }),
      ...(second.total === undefined ? {} : { amount: second.total.toFixed(2) }),
      currency: plainCurrency(second.currency),
      evidence,
    };
  }

  /** The name reports give an account written `raw` by a document: the joined account's, after finish(). */
  accountName(raw: string): string {
    return this.joined?.nameOf(raw) ?? raw;
  }

  /** The joins made by finish(): accounts known under several names, for the reports. */
  get identity(): AccountJoin | undefined {
    return this.joined;
  }
  // --- end identity ---

  /** Runs the account rules over every account's timeline, in date order. */
  finish(): Finding[] {
    const findings: Finding[] = [];
    const join = this.joinAccounts(findings);
    this.joined = join;
    if (this.accountRules.length === 0) {
      this.content.closeUnlessShared();
      return findings;
    }
    const terminations = this.terminations.map((termination) => ({ ...termination, day: dayNumber(termination.date) }));
    for (const timeline of this.store.timelines(join)) {
      const { account, entries } = timeline;
      withStatedCurrencies(entries);
      const copies = dropCopies(entries, (file) => this.fileOrder.get(file) ?? Number.MAX_SAFE_INTEGER);
      for (const [kept, others] of copies) for (const other of others) this.copyPairs.push([other, kept]);
      const first = findings.length;
      for (const termination of terminations) {
        if (termination.account !== undefined && this.accountName(termination.account) !== account) continue;
        // In the account's own currency: a made-up EUR entry would make a GBP account look mixed.
        entries.push(knownTerminationEntry(account, termination.day, entries[0]?.currency ?? 'EUR'));
      }
      entries.sort(compareEntries);
      for (const runnable of this.accountRules) {
        runnable.checkAccount(timeline, findings);
      }
      if (copies.size > 0) {
        for (let at = first; at < findings.length; at++) {
          const others = copies.get(locationOf(findings[at] as Finding));
          if (others !== undefined) findings[at] = withOtherSource(findings[at] as Finding, others);
        }
      }
    }
    this.store = new EntryStore();
    this.content.closeUnlessShared();
    return findings;
  }

  /** Lets the kept contents go; the run that shared the engine's log with other threads calls it last. */
  close(): void {
    this.content.close();
  }

  /** Deterministic order: file (in the order files were read), line, rule id. */
  compareFindings = (a: Finding, b: Finding): number => {
    const fileA = this.fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER;
    const fileB = this.fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER;
    if (fileA !== fileB) return fileA - fileB;
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    if (a.line !== b.line) return a.line - b.line;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  };

  /** Files are sorted in the order they are first noted. */
  noteFile(file: string): void {
    if (!this.fileOrder.has(file)) this.fileOrder.set(file, this.fileOrder.size);
  }
}

/** Bills and credit notes claim their number: the documents that join or conflict through it. */
function isClaim(kind: DocumentKind): boolean {
  return kind === 'invoice' || kind === 'credit-note';
}

function sortedHas(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const probe = sorted[middle] as number;
    if (probe === value) return true;
    if (probe < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function knownTerminationEntry(account: string, day: number, currency: string): AccountEntry {
  return {
    kind: 'termination',
    id: undefined,
    account,
    currency,
    issueDay: day,
    dueDay: undefined,
    periodStartDay: undefined,
    periodEndDay: undefined,
    effectiveDay: day,
    total: undefined,
    amountDue: undefined,
    blank: true,
    contentRef: NO_CONTENT,
    references: [],
    file: COMMAND_LINE_SOURCE,
    line: 0,
    amountStyle: undefined,
  };
}

class RunnableRule<R extends DocumentRule | AccountRule> {
  private readonly moneyOptions = new Map<string, Money>();
  /** Where reports go during the current check; one context per rule for the whole run (hot path). */
  private sink: Finding[] = [];
  private readonly ctx: RuleContext<string, RuleOptions>;

  constructor(
    private readonly configured: ConfiguredRule,
    readonly rule: R,
    today: string,
    private readonly lang: Lang,
    content: ContentLog,
  ) {
    this.ctx = {
      options: configured.options,
      today,
      moneyOption: (name) => this.moneyOption(name),
      contentDifference: (a, b) => content.difference(a.contentRef, b.contentRef),
      report: (report) => this.sink.push(this.toFinding(report)),
    };
  }

  checkDocument(this: RunnableRule<DocumentRule>, doc: BillingDocument, findings: Finding[]): void {
    this.sink = findings;
    this.rule.checkDocument(doc, this.ctx);
  }

  checkAccount(this: RunnableRule<AccountRule>, timeline: AccountTimeline, findings: Finding[]): void {
    this.sink = findings;
    this.rule.checkAccount(timeline, this.ctx);
  }

  private moneyOption(name: string): Money {
    let value = this.moneyOptions.get(name);
    if (value === undefined) {
      value = Money.parse(String(this.configured.options[name]));
      this.moneyOptions.set(name, value);
    }
    return value;
  }

  private toFinding(report: Report<string>): Finding {
    const target = describeTarget(report.document);
    const data = report.data ?? {};
    return {
      ruleId: this.rule.id,
      messageId: report.messageId,
      severity: this.configured.severity,
      message: renderRuleMessage(this.rule, report.messageId, data, target.currency, target.style, this.lang),
      file: target.file,
      line: target.line,
      account: target.account,
      ...(target.id === undefined ? {} : { documentId: target.id }),
      documentKind: target.kind,
      ...(target.date === undefined ? {} : { date: target.date }),
      ...(target.amount === undefined ? {} : { amount: target.amount.toFixed(2) }),
      currency: target.currency,
      evidence: toEvidence(data),
    };
  }
}

interface TargetFacts {
  readonly file: string;
  readonly line: number;
  readonly account: string;
  readonly id: string | undefined;
  readonly kind: DocumentKind;
  readonly date: string | undefined;
  readonly amount: Money | undefined;
  readonly currency: string;
  readonly style: AmountStyle | undefined;
}

function isDocument(target: BillingDocument | AccountEntry): target is BillingDocument {
  return 'lines' in target;
}

/** The amount a finding shows for a document: what a letter demands, else what a bill totals. */
function primaryAmount(kind: DocumentKind, total: Money | undefined, amountDue: Money | undefined): Money | undefined {
  return kind === 'dunning' ? (amountDue ?? total) : (total ?? amountDue);
}

function describeTarget(target: BillingDocument | AccountEntry): TargetFacts {
  if (isDocument(target)) {
    return {
      file: target.source.file,
      line: target.source.line,
      account: target.account,
      id: target.id,
      kind: target.kind,
      date: target.issueDate ?? target.effectiveDate ?? target.periodStart,
      amount: primaryAmount(target.kind, target.total ?? target.net, target.amountDue),
      currency: target.currency,
      style: target.amountStyle,
    };
  }
  const day = target.issueDay ?? target.effectiveDay ?? target.periodStartDay;
  return {
    file: target.file,
    line: target.line,
    account: target.account,
    id: target.id,
    kind: target.kind,
    date: day === undefined ? undefined : isoFromDayNumber(day),
    amount: primaryAmount(target.kind, target.total, target.amountDue),
    currency: target.currency,
    style: target.amountStyle,
  };
}

/** A rule's message in `lang`: its catalogue's template (English when missing), filled with the report's data. */
export function renderRuleMessage(
  rule: AnyRule,
  messageId: string,
  data: MessageData,
  currency: string,
  style: AmountStyle | undefined,
  lang: Lang,
): string {
  const template = messageTemplate(rule, messageId, lang) ?? messageId;
  const adapt = lang === 'en' ? undefined : ruleTexts(rule, lang).adaptData;
  return fillTemplate(template, adapt === undefined ? data : adapt(data), currency, style, lang);
}

/**
 * Fills `{{name}}` placeholders: amounts in the input's style (its currency and decimals), counts and
 * ISO dates in the report language's one convention, lists joined, unknown names left visible.
 */
export function fillTemplate(
  template: string,
  data: Readonly<Record<string, MessageData[string] | EvidenceValue>>,
  currency: string,
  style: AmountStyle | undefined,
  lang: Lang = DEFAULT_LANG,
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(data, name)) return placeholder;
    const value = data[name];
    if (value === undefined || value === null) return '—';
    if (value instanceof Money) return formatMoney(value, currency, style ?? languageAmountStyle(lang));
    // A count, days or a ratio (MessageValue): amounts are Money, written by formatMoney above.
    if (typeof value === 'number') return formatCount(value, lang);
    if (typeof value === 'string') return isIsoDate(value) ? formatReportDate(value, lang) : value;
    if (typeof value === 'boolean') return String(value);
    return value.join(', ');
  });
}

function toEvidence(data: MessageData): Record<string, EvidenceValue> {
  const evidence: Record<string, EvidenceValue> = Object.create(null);
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) evidence[key] = null;
    else if (value instanceof Money) evidence[key] = value.toFixed(2);
    else evidence[key] = value;
  }
  return evidence;
}
