import type { BillingDocument } from '../model/document.js';
import type { Severity } from '../model/finding.js';
import type { Money } from '../model/money.js';
import type { AccountEntry, AccountTimeline } from './timeline.js';

export type { AccountEntry, AccountTimeline } from './timeline.js';

/**
 * What a rule may put in a message's `{{placeholders}}` and in a finding's evidence. Amounts are
 * always Money (written in the input's style, evidence as decimal strings); a plain number is a
 * count, a number of days or a ratio for people to read — never money.
 */
export type MessageValue = string | number | boolean | Money | readonly string[] | undefined;
export type MessageData = Readonly<Record<string, MessageValue>>;

export type OptionValue = string | number | boolean | readonly string[];
export type RuleOptions = Readonly<Record<string, OptionValue>>;

export interface RuleDocs {
  /** Why it matters to the person who receives the bill. */
  readonly why: string;
  /** What to do about a finding. */
  readonly whatToDo: string;
  /** Legal or normative basis, as context (never legal advice). */
  readonly basis?: string;
  /** One option per key: what it means (defaults live in `options`). */
  readonly options?: Readonly<Record<string, string>>;
}

export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  /** The document the finding is about: where it points (file, line, id, date, amount). */
  readonly document: BillingDocument | AccountEntry;
}

export interface RuleContext<M extends string, O extends RuleOptions> {
  /** The rule's options: its defaults overridden by the config file. */
  readonly options: O;
  /** Today as an ISO date (fixed by the caller, so that tests are deterministic). */
  readonly today: string;
  /** An option holding an amount ("1.00"), parsed once per run. */
  moneyOption(name: keyof O & string): Money;
  /**
   * The first field (total, issue date, line 2 description…) on which two numbered invoices
   * disagree, both stating it, compared exactly; undefined when they agree on every field both
   * state: then they may be one bill read twice (an export row and its PDF), wherever they were found.
   */
  contentDifference(a: AccountEntry, b: AccountEntry): string | undefined;
  report(report: Report<M>): void;
}

interface RuleBase<M extends string, O extends RuleOptions> {
  /** Kebab-case; the file name under src/rules/. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule flags. */
  readonly description: string;
  readonly docs: RuleDocs;
  /** Message templates by message id, with `{{placeholders}}` filled from the report's data. */
  readonly messages: Readonly<Record<M, string>>;
  /** Defaults; the config file may override each one. */
  readonly options: O;
  /**
   * Checks configured option values beyond their type (a rate list, a number of years): returns
   * what is wrong, in a phrase, or undefined. The config is refused before any file is read.
   */
  validateOptions?(options: O): string | undefined;
}

export interface DocumentRule<M extends string = string, O extends RuleOptions = RuleOptions> extends RuleBase<M, O> {
  readonly scope: 'document';
  checkDocument(doc: BillingDocument, ctx: RuleContext<M, O>): void;
}

export interface AccountRule<M extends string = string, O extends RuleOptions = RuleOptions> extends RuleBase<M, O> {
  readonly scope: 'account';
  /**
   * Runs once per account: 500 000 times on a bill run of 500 000 accounts. What it builds for
   * every account (a record per invoice, say) is made with `new` of a small class, not with an
   * object or array literal. V8 tracks each literal's objects and, when a garbage collection finds
   * all of them alive (as one can at the start of the account rules, issue 19), allocates the
   * literal's later objects straight in the old generation: each account's garbage then piled
   * up there until a full collection, 100 MB more on the thread in a third of the runs. `new`
   * of a class carries no such tracking. An array literal is tracked too, even an empty `[]`: an
   * array made for every account comes from untrackedArray() (engine/untracked-array.ts).
   */
  checkAccount(timeline: AccountTimeline, ctx: RuleContext<M, O>): void;
}

export type Rule<M extends string = string, O extends RuleOptions = RuleOptions> =
  DocumentRule<M, O> | AccountRule<M, O>;

/** Types the message ids from the `messages` keys, so a misspelled id fails to compile. */
export function defineRule<M extends string, O extends RuleOptions>(rule: DocumentRule<M, O>): DocumentRule<M, O>;
export function defineRule<M extends string, O extends RuleOptions>(rule: AccountRule<M, O>): AccountRule<M, O>;
export function defineRule<M extends string, O extends RuleOptions>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}

/** Type-erased rule, as lists and the engine hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>;
