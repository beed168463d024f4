/**
 * Each account's story, for the text report: its documents in date order (billed, credited,
 * paid, demanded, terminated) with the findings where they happen, and the other names the run
 * knew it by. Told for the accounts whose documents come from more than one file: a dossier.
 */
import type { ChalkInstance } from 'chalk';
import type { StoryEntry } from '../check/stories.js';
import type { JoinedAccount } from '../identity/join.js';
import type { AmountStyle } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { formatMoney } from '../model/format.js';
import { formatCount, formatReportDate, languageAmountStyle } from '../i18n/format.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type ReportWords, wordsFor } from '../i18n/words.js';
import { printable } from './sanitize.js';

export interface Stories {
  readonly entries: readonly StoryEntry[];
  readonly dropped: number;
  /** The joined account's name of an account as a document wrote it. */
  readonly accountName: (raw: string) => string;
  readonly accounts: ReadonlyMap<string, JoinedAccount>;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** "Account 0612345678, also customer C-104233 on the invoices; written with an invisible U+200B". */
export function accountHeading(
  name: string,
  joined: JoinedAccount | undefined,
  words: ReportWords = wordsFor(DEFAULT_LANG).report,
): string {
  let text = words.account(printable(name));
  if (joined === undefined) return text;
  const aliases = joined.aliases.map((alias) => {
    const where = alias.documents.length === 0 ? words.namedBeside : words.onKinds(alias.documents);
    const invisible = alias.invisible.length === 0 ? '' : words.invisibleIn(alias.invisible.join(', '));
    return `${words.aliasKinds[alias.kind]} ${printable(alias.name)}${invisible} ${where}`;
  });
  if (aliases.length > 0) text += words.alsoKnown(aliases.join(', '));
  const own = joined.invisible.filter((char) => !joined.aliases.some((alias) => alias.invisible.includes(char)));
  if (own.length > 0) text += words.ownInvisible(own.join(', '));
  return text;
}

function byDate(a: StoryEntry, b: StoryEntry): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

export function renderStories(
  stories: Stories,
  findings: readonly Finding[],
  styles: ReadonlyMap<string, AmountStyle> | undefined,
  paint: ChalkInstance,
  lang: Lang = DEFAULT_LANG,
): string[] {
  const words = wordsFor(lang).report;
  const verbWidth = Math.max(...Object.values(words.verbs).map((verb) => verb.length));
  const dateWidth = formatReportDate('2024-12-25', lang).length;
  const accounts = new Map<string, StoryEntry[]>();
  for (const entry of stories.entries) {
    const name = stories.accountName(entry.account);
    const list = accounts.get(name);
    if (list === undefined) accounts.set(name, [entry]);
    else list.push(entry);
  }
  const findingsAt = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.file}\u0000${finding.line}`;
    const list = findingsAt.get(key);
    if (list === undefined) findingsAt.set(key, [finding]);
    else list.push(finding);
  }
  const out: string[] = [];
  for (const [name, entries] of accounts) {
    if (new Set(entries.map((entry) => entry.file)).size < 2) continue;
    if (out.length === 0) out.push(paint.underline(words.storiesTitle));
    out.push(`  ${paint.bold(accountHeading(name, stories.accounts.get(name), words))}`);
    for (const entry of [...entries].sort(byDate)) {
      const style = styles?.get(entry.file);
      const date = (entry.date === undefined ? words.undated : formatReportDate(entry.date, lang)).padEnd(dateWidth);
      const amount =
        entry.total === undefined ? '' : formatMoney(entry.total, entry.currency, style ?? languageAmountStyle(lang));
      // A reminder without a number of its own is named by the bills it claims (tryout: "demanded £24.00" said nothing).
      const id =
        entry.id !== undefined
          ? printable(entry.id)
          : entry.claims === undefined
            ? ''
            : words.claimsInvoices(entry.claims.map(printable));
      // A termination letter's date is not when the line ends: the story says both (tryout 6).
      const effective =
        entry.effectiveDate === undefined ? '' : words.effectiveOn(formatReportDate(entry.effectiveDate, lang));
      const place = paint.dim(`${printable(baseName(entry.file))}:${entry.line}`);
      out.push(
        `    ${date}  ${words.verbs[entry.kind].padEnd(verbWidth)}  ${[id, amount, effective].filter((part) => part !== '').join('  ')}  ${place}`,
      );
      for (const finding of findingsAt.get(`${entry.file}\u0000${entry.line}`) ?? []) {
        const mark =
          finding.severity === 'error'
            ? paint.red('✖')
            : finding.severity === 'warning'
              ? paint.yellow('⚠')
              : paint.blue('ℹ');
        out.push(`${' '.repeat(6 + dateWidth)}${mark} ${printable(finding.message)}  ${paint.dim(finding.ruleId)}`);
      }
    }
    out.push('');
  }
  if (stories.dropped > 0) out.push(paint.dim(`  ${words.storiesDropped(formatCount(stories.dropped, lang))}`), '');
  return out;
}
