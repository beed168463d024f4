/**
 * billcheck's own words outside the rules (report labels, summaries, `rules` and `explain`
 * headings, errors), one object per language with the same shape, so that a missing phrase fails
 * to compile. Counts arrive already written (formatCount), so each language only places them.
 */
import type { DocumentKind } from '../model/document.js';
import type { Severity } from '../model/finding.js';
import { EN_WORDS } from './en/words.js';
import { FR_WORDS } from './fr/words.js';
import type { Lang } from './lang.js';

/** A count and its noun: "1 file", "3 fichiers" (French keeps 0 and 1 singular). */
export type Counted = (count: number, written: string) => string;

export interface ReportWords {
  readonly severity: Readonly<Record<Severity, string>>;
  readonly fatal: string;
  readonly skipped: string;
  readonly columns: string;
  readonly kinds: Readonly<Record<DocumentKind, string>>;
  /** "of 05/01/2024" after a document's kind and number. */
  readonly ofDate: (date: string) => string;
  /** After a finding's place, for a bill read twice (evidence.alsoAt): "also read at facture.txt:1". */
  readonly alsoReadAt: (places: string) => string;
  readonly readAs: (roles: string) => string;
  /** After a column's field, what decided it when its name did not: "(values)", "(d’après les valeurs)". */
  readonly decidedBy: Readonly<Record<'values' | 'map', string>>;
  /** The `--map` that settles a column doubt. */
  readonly settles: (map: string) => string;
  readonly configOff: (file: string, total: string) => string;
  readonly configNoChange: string;
  readonly configLine: (file: string, changes: string) => string;
  readonly skippedLine: (parts: string) => string;
  readonly skipReasons: Readonly<Record<'extension' | 'hidden' | 'duplicate' | 'special', Counted>>;
  readonly files: Counted;
  readonly documents: Counted;
  readonly accounts: Counted;
  readonly dataRows: Counted;
  readonly problems: Counted;
  readonly errors: Counted;
  readonly warnings: Counted;
  readonly infos: Counted;
  /** "in 31 documents, 4 accounts, 2 files". */
  /** Between two clauses of the summary: "; " in English, " ; " in French. */
  readonly then: string;
  readonly scope: (documents: string, accounts: string, files: string) => string;
  readonly couldNotBeChecked: (files: string, count: number) => string;
  readonly nothingChecked: string;
  readonly noDocuments: (files: string, rows: string) => string;
  readonly noProblems: (scope: string) => string;
  readonly noRuleOn: (documents: string, accounts: string, files: string) => string;
  readonly problemsLine: (problems: string, counts: string, scope: string) => string;
  readonly worstAccounts: (list: string) => string;
  // Stories (accounts seen in several files).
  readonly storiesTitle: string;
  readonly account: (name: string) => string;
  readonly aliasKinds: Readonly<Record<'line' | 'customer', string>>;
  readonly namedBeside: string;
  readonly onKinds: (kinds: readonly DocumentKind[]) => string;
  readonly invisibleIn: (chars: string) => string;
  readonly alsoKnown: (aliases: string) => string;
  readonly ownInvisible: (chars: string) => string;
  readonly verbs: Readonly<Record<DocumentKind, string>>;
  readonly undated: string;
  /** After a termination in a story, the date it takes effect: "effective 15 Nov 2024". */
  readonly effectiveOn: (date: string) => string;
  /** A dunning letter without a number, by the invoices it claims: "for invoice TH-1". */
  readonly claimsInvoices: (ids: readonly string[]) => string;
  readonly storiesDropped: (count: string) => string;
}

export interface EngineWords {
  /** invalid-input: the column and value after the reason. */
  readonly inColumn: (column: string) => string;
  readonly inColumnValue: (column: string, value: string) => string;
  /** account-conflict, keyed like a rule message. */
  readonly conflict: string;
}

export interface RulesWords {
  readonly header: readonly [string, string, string, string];
  readonly scopes: Readonly<Record<'document' | 'account' | 'input', string>>;
  readonly byDefault: (severity: string, scope: string) => string;
  readonly why: string;
  readonly whatToDo: string;
  readonly basis: string;
  readonly options: string;
  readonly example: string;
  readonly defaultValue: (value: string) => string;
}

export interface CliWords {
  readonly internalError: (message: string) => string;
  readonly rerunDebug: string;
  readonly unknownRule: (id: string) => string;
  readonly didYouMean: (word: string, suggestion: string) => string;
  readonly helpHint: string;
}

export interface Words {
  readonly report: ReportWords;
  readonly engine: EngineWords;
  readonly rules: RulesWords;
  readonly cli: CliWords;
}

export function wordsFor(lang: Lang): Words {
  return lang === 'fr' ? FR_WORDS : EN_WORDS;
}
