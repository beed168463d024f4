/**
 * Builds a letter from one account's findings and documents. It states only what the findings
 * and documents say (ids, dates, amounts, written as the bills write them) and the bases of
 * demands.ts for the letter's jurisdiction; what it cannot know is a [bracketed placeholder].
 */
import type { AmountStyle, BillingDocument, DunningTitle } from '../../model/document.js';
import type { EvidenceValue, Finding } from '../../model/finding.js';
import { formatDate, formatMoney, formatNumber, isIsoDate } from '../../model/format.js';
import { Money } from '../../model/money.js';
import { printable } from '../sanitize.js';
import type { DemandEntry, DemandText, Jurisdiction, LetterLang } from './demands.js';
import { DEMAND_ORDER, DEMANDS, OBSERVATIONS, STANDARD_BASES, SUBSUMED_BY } from './demands.js';
import type { SentLetters } from './escalation.js';
import { addMonths, escalationSteps, OFCOM_SIX_WEEKS_FROM } from './escalation.js';
import type {
  DisputedAmount,
  Letter,
  LetterDemand,
  LetterFact,
  LetterPurchaser,
  LetterSourceRef,
  MediatorForm,
  Stage,
} from './letter.js';
import type { Letterhead, Purchaser, ServiceAddress } from './letterhead.js';
import type { SenderDetails } from './sender.js';
import type { SourceId } from './sources.js';
import { SOURCES } from './sources.js';
import { disputedAmounts } from './disputed.js';
import type { AccountNumbers } from './numbers.js';
import { numberFields, numbersInline } from './numbers.js';
import { say, STAGE_WORDS } from './stage-words.js';
import type { KindWords, NamedKind } from './words.js';
import { deName, fill, joinList, KIND_WORDS, longDate, PHRASES } from './words.js';

/** A company that buys the operator's services: its bills carry its own reference (BT-10, BT-13). */
export interface CompanyPurchaser {
  /** Its name as the e-invoices write it (BT-44). */
  readonly name?: string;
  readonly reference: string;
  /** Whether a bill states a direct debit (BT-81 49 or 59): else no demand asks to stop one. */
  readonly directDebit: boolean;
}

export interface LetterInput {
  readonly account: string;
  /** This account's findings (invalid-input excluded), sorted as the report sorts them. */
  readonly findings: readonly Finding[];
  /** This account's documents, as read. */
  readonly documents: readonly BillingDocument[];
  readonly styles: ReadonlyMap<string, AmountStyle>;
  readonly lang: LetterLang;
  readonly jurisdiction: Jurisdiction | undefined;
  /** The bills' country when they say it, whether or not billcheck covers its law ("DE"). */
  readonly country?: string;
  readonly stage: Stage;
  /** The letters already sent; required for stage 2 and mediator. */
  readonly sent?: SentLetters;
  readonly today: string;
  readonly sender: SenderDetails;
  /** Files the check could not read (stderr names each): the notes say the letter leaves them out. */
  readonly unreadableFiles?: readonly string[];
  /** What the head of each text document says (by source file), when the command could read it. */
  readonly letterheads?: ReadonlyMap<string, Letterhead>;
  /** The customer, when the bills are a company purchaser's (e-invoices naming its own reference). */
  readonly company?: CompanyPurchaser;
  /** The account's numbers by kind (customer, line…); without them, the sender's customer number or the account. */
  readonly numbers?: AccountNumbers;
}

const MONEY_KEYS = new Set(['amount', 'billed', 'credited', 'median', 'max', 'minAmount', 'owed', 'demanded', 'fees']);

/** "144,00 €": how a French letter writes an amount whose document says no style; dates stay ISO, written out. */
const FRENCH_MONEY: AmountStyle = { decimalSeparator: ',', groupSeparator: ' ', symbolBefore: false };

/** A document the letter names: one a finding points at, or one around it. */
interface Named {
  readonly key: string;
  readonly kind: BillingDocument['kind'];
  /** How the letter names it: its kind, or a dunning letter's own title. */
  readonly named: NamedKind;
  readonly id?: string;
  readonly date?: string;
  readonly amount?: Money;
  readonly currency: string;
  readonly style: AmountStyle | undefined;
  readonly findings: Finding[];
  readonly references: readonly string[];
  readonly effectiveDate?: string;
  /** The collection agency that wrote it, as its letterhead names it. */
  readonly agency?: string;
}

/** A style that says how amounts are written but not dates takes the dates of the account's other bills. */
function withDates(style: AmountStyle | undefined, fallback: AmountStyle | undefined): AmountStyle | undefined {
  if (style === undefined) return fallback;
  if (style.dates !== undefined || fallback?.dates === undefined) return style;
  return { ...style, dates: fallback.dates };
}

function locationKey(file: string, line: number): string {
  return `${file}\u0000${line}`;
}

/** A dunning letter by the title the reader found on it ("Mise en demeure", "Final Demand"), never guessed. */
function nameOf(doc: BillingDocument): NamedKind {
  return doc.kind === 'dunning' ? (doc.dunningTitle ?? 'dunning') : doc.kind;
}

/**
 * The one currency the account's documents state, if they state one: an export of bare amounts is
 * read as euros by guess (BillingDocument.currencyGuessed), and a British final notice in pounds
 * for its bills tells what they were; the letter then writes them in pounds, as the check does.
 */
function statedCurrency(input: LetterInput): string | undefined {
  // Asked once per named document: an account may hold a large export's documents.
  if (STATED.has(input)) return STATED.get(input);
  const stated = new Set(input.documents.filter((doc) => doc.currencyGuessed !== true).map((doc) => doc.currency));
  const currency = stated.size === 1 ? [...stated][0] : undefined;
  STATED.set(input, currency);
  return currency;
}
const STATED = new WeakMap<LetterInput, string | undefined>();

function namedFromDocument(doc: BillingDocument, input: LetterInput, fallback: AmountStyle | undefined): Named {
  const { styles } = input;
  const amount = doc.amountDue ?? doc.total;
  const currency = doc.currencyGuessed === true ? (statedCurrency(input) ?? doc.currency) : doc.currency;
  return {
    key: locationKey(doc.source.file, doc.source.line),
    kind: doc.kind,
    named: nameOf(doc),
    ...(doc.id === undefined ? {} : { id: printable(doc.id) }),
    ...(doc.issueDate === undefined ? {} : { date: doc.issueDate }),
    ...(amount === undefined ? {} : { amount }),
    currency,
    style: withDates(doc.amountStyle ?? styles.get(doc.source.file), fallback),
    findings: [],
    references: doc.references.map(printable),
    ...(doc.effectiveDate === undefined ? {} : { effectiveDate: doc.effectiveDate }),
    ...agencyOf(doc, input),
  };
}

function agencyOf(doc: BillingDocument, input: LetterInput): { agency?: string } {
  const agency = doc.kind === 'dunning' ? input.letterheads?.get(doc.source.file)?.agency : undefined;
  return agency === undefined ? {} : { agency };
}

function namedFromFinding(
  finding: Finding,
  styles: ReadonlyMap<string, AmountStyle>,
  fallback: AmountStyle | undefined,
): Named {
  const refs = finding.evidence.references;
  return {
    key: locationKey(finding.file, finding.line),
    kind: finding.documentKind ?? 'invoice',
    named: finding.documentKind ?? 'invoice',
    ...(finding.documentId === undefined ? {} : { id: printable(finding.documentId) }),
    ...(finding.date === undefined ? {} : { date: finding.date }),
    ...(finding.amount === undefined ? {} : { amount: Money.parse(finding.amount) }),
    currency: finding.currency ?? 'EUR',
    style: withDates(styles.get(finding.file), fallback),
    findings: [],
    references: Array.isArray(refs)
      ? refs.map(printable)
      : typeof finding.evidence.invoiceId === 'string'
        ? [printable(finding.evidence.invoiceId)]
        : [],
  };
}

/** The key of the document a finding's evidence places at "file:line" (the bill a duplicate repeats). */
function otherLocationKey(finding: Finding): string | undefined {
  const where = finding.evidence.otherLocation;
  return typeof where === 'string' ? keyOfPlace(where) : undefined;
}

/** "file:line" as evidence writes a place (a payment without a number is named by where it is). */
function keyOfPlace(where: string): string | undefined {
  const colon = where.lastIndexOf(':');
  const line = where.slice(colon + 1);
  return colon < 0 || !/^\d+$/.test(line) ? undefined : locationKey(where.slice(0, colon), Number(line));
}

interface Collected {
  /** The documents the letter names, in date order. */
  readonly list: Named[];
  /** Each by its location, for a finding that names another document by where it is. */
  readonly at: ReadonlyMap<string, Named>;
}

/** What a finding says, by its message where the rule says different facts (a bill credited, or marked paid). */
function entryOf(finding: Finding, named?: Named): DemandEntry | undefined {
  const entry = OBSERVATIONS[finding.ruleId];
  const byMessage = finding.messageId === undefined ? undefined : entry?.byMessage?.[finding.messageId];
  if (byMessage !== undefined && entry !== undefined) return { ...entry, ...byMessage, precise: undefined };
  const claimed = atIssue(finding);
  const partial = named?.references.some((ref) => !claimed.includes(ref)) === true && claimed.length > 0;
  if (partial && entry?.partialDemandKey !== undefined) return { ...entry, demandKey: entry.partialDemandKey };
  return entry;
}

/** The invoices a finding names as the ones at issue (evidence `invoices`: the blank bills a reminder claims). */
function atIssue(finding: Finding): string[] {
  const invoices = finding.evidence.invoices;
  return Array.isArray(invoices) ? invoices.map(printable) : [];
}

/** The claimed invoices a finding says are covered, beside others unpaid (dunning-while-in-credit's partlyCovered). */
function coveredInvoicesOf(finding: Finding): string[] {
  const invoices = finding.evidence.coveredInvoices;
  return Array.isArray(invoices) ? invoices.map(printable) : [];
}

/** The credit notes and payments a finding says cover the debt: numbers, or "file:line" for those without. */
function coveringOf(finding: Finding): string[] {
  const ids = finding.evidence.coveredBy;
  return Array.isArray(ids) ? ids.map(printable) : [];
}

/** The documents the findings point at, then those around them, in date order. */
function collectNamed(input: LetterInput): Collected {
  const byLocation = new Map<string, BillingDocument>();
  for (const doc of input.documents) byLocation.set(locationKey(doc.source.file, doc.source.line), doc);
  // A letter without amounts (a termination) writes its dates as the account's bills write theirs.
  const styles = input.documents.map((doc) => doc.amountStyle ?? input.styles.get(doc.source.file));
  // Documents that say no style at all (e-invoices: "144.00" in XML) are written as a French letter writes money.
  const fallback =
    styles.find((style) => style?.dates !== undefined) ??
    styles.find((style) => style !== undefined) ??
    (input.lang === 'fr' ? FRENCH_MONEY : undefined);
  const named = new Map<string, Named>();
  for (const finding of input.findings) {
    const key = locationKey(finding.file, finding.line);
    let entry = named.get(key);
    if (entry === undefined) {
      const doc = byLocation.get(key);
      entry =
        doc === undefined ? namedFromFinding(finding, input.styles, fallback) : namedFromDocument(doc, input, fallback);
      named.set(key, entry);
    }
    entry.findings.push(finding);
  }
  const disputed = [...named.values()];
  const disputedIds = new Set(disputed.flatMap((entry) => (entry.id === undefined ? [] : [entry.id])));
  // The credit notes and payments a finding says cover the debt are facts of the letter too (and enclosed).
  const covering = disputed.flatMap((entry) => entry.findings.flatMap(coveringOf));
  const referenced = new Set([...disputed.flatMap((entry) => entry.references), ...covering]);
  const coveringPlaces = new Set(covering.flatMap((where) => keyOfPlace(where) ?? []));
  const terminated = disputed.some((entry) => entry.findings.some((f) => f.ruleId === 'billed-after-termination'));
  // The bill a duplicate repeats is a fact of the letter too: the demand names it.
  const repeated = new Set(disputed.flatMap((entry) => entry.findings.flatMap((f) => otherLocationKey(f) ?? [])));
  for (const doc of input.documents) {
    const key = locationKey(doc.source.file, doc.source.line);
    if (named.has(key)) continue;
    const id = doc.id === undefined ? undefined : printable(doc.id);
    const context =
      (id !== undefined && referenced.has(id)) ||
      doc.references.some((ref) => disputedIds.has(printable(ref)) || referenced.has(printable(ref))) ||
      (terminated && doc.kind === 'termination') ||
      repeated.has(key) ||
      coveringPlaces.has(key);
    if (context) named.set(key, namedFromDocument(doc, input, fallback));
  }
  const list = onceEach([...named.values()]).sort(
    (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.id ?? '').localeCompare(b.id ?? ''),
  );
  return { list, at: named };
}

/**
 * One bill read from two files (the export's row and the bill's own text, a tryout's dossier) is
 * one fact and one demand: the same kind, number, date and amount; the second's findings of
 * other rules join the first's.
 */
function onceEach(entries: readonly Named[]): Named[] {
  const kept = new Map<string, Named>();
  const result: Named[] = [];
  for (const entry of entries) {
    if (entry.id === undefined) {
      result.push(entry);
      continue;
    }
    const key = [entry.kind, entry.id, entry.date ?? '', entry.amount?.toFixed() ?? '', entry.currency].join('\u0000');
    const first = kept.get(key);
    if (first === undefined) {
      kept.set(key, entry);
      result.push(entry);
      continue;
    }
    for (const finding of entry.findings) {
      if (!first.findings.some((other) => other.ruleId === finding.ruleId)) first.findings.push(finding);
    }
  }
  return result;
}

function evidenceText(key: string, value: EvidenceValue, named: Named, lang: LetterLang): string | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return joinList(value.map(printable), lang);
  if (typeof value === 'number') return formatNumber(value, named.style);
  if (typeof value === 'boolean') return undefined;
  const text = value as string;
  if (MONEY_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(text))
    return formatMoney(Money.parse(text), named.currency, named.style);
  if (isIsoDate(text)) return letterDate(text, named.style, lang);
  return printable(text);
}

/** What the letter knows around a finding: its language, and the documents it names by location. */
interface Around {
  readonly lang: LetterLang;
  readonly at: ReadonlyMap<string, Named>;
}

/** The documents a finding says cover its debt, each as the letter names documents; undefined when one is unknown. */
function coverOf(finding: Finding, around: Around): Named[] | undefined {
  const covering = coveringOf(finding);
  if (covering.length === 0) return undefined;
  const found: Named[] = [];
  for (const ref of covering) {
    const place = keyOfPlace(ref);
    const named =
      [...around.at.values()].find((entry) => entry.id === ref) ??
      (place === undefined ? undefined : around.at.get(place));
    if (named === undefined) return undefined;
    if (!found.includes(named)) found.push(named);
  }
  return found;
}

function coverPhrase(cover: readonly Named[], lang: LetterLang): string {
  return joinList(
    cover.map((named) => documentPhrase(named, lang, true)),
    lang,
  );
}

function placeholderValues(finding: Finding, named: Named, around: Around): Map<string, string> {
  const values = new Map<string, string>();
  const cover = coverOf(finding, around);
  if (cover !== undefined) values.set('cover', coverPhrase(cover, around.lang));
  const otherKey = otherLocationKey(finding);
  const first = otherKey === undefined ? undefined : around.at.get(otherKey);
  if (first !== undefined && first !== named) values.set('first', documentPhrase(first, around.lang, true));
  for (const [key, value] of Object.entries(finding.evidence)) {
    const text = evidenceText(key, value, named, around.lang);
    if (text !== undefined) values.set(key, text);
  }
  if (!values.has('amount') && finding.amount !== undefined) {
    values.set('amount', formatMoney(Money.parse(finding.amount), named.currency, named.style));
  }
  const invoice = finding.evidence.invoiceId ?? finding.evidence.invoice ?? finding.evidence.references;
  if (invoice !== undefined && invoice !== null && !values.has('invoice')) {
    values.set(
      'invoice',
      Array.isArray(invoice) ? joinList(invoice.map(printable), around.lang) : printable(String(invoice)),
    );
  }
  // "la facture F-1 laisse" / "les factures F-1 et F-2 laissent": the verb agrees with the invoices a letter names.
  const invoices = atIssue(finding);
  if (invoices.length > 0) values.set('owedBy', owedByPhrase(invoices, around.lang));
  return values;
}

function amountText(named: Named): string | undefined {
  return named.amount === undefined ? undefined : formatMoney(named.amount, named.currency, named.style);
}

/**
 * A date of the letter's facts. A French letter writes it as the bills do ("05/02/2024"), or
 * written out when they say no form (an e-invoice's ISO dates); an English one always writes it
 * out ("5 February 2024"): "05/02/2024" reads as 2 May to many English readers (issue 16, defect 14).
 */
function letterDate(iso: string, style: AmountStyle | undefined, lang: LetterLang): string {
  if (lang === 'en' || style?.dates === undefined) return longDate(iso, lang);
  return formatDate(iso, style);
}

function dateText(named: Named, lang: LetterLang): string {
  return named.date === undefined ? '[date]' : letterDate(named.date, named.style, lang);
}

/**
 * How the letter names a document: by its kind or title ("la mise en demeure"), and an agency's
 * letter without a title of its own as a letter ("le courrier"); agencySuffix then says whose.
 */
function kindWords(named: Named, lang: LetterLang): KindWords {
  const untitled = named.named === 'dunning' || named.named === 'reminder';
  if (named.agency === undefined || !untitled) return KIND_WORDS[lang][named.named];
  return lang === 'fr'
    ? { one: 'le courrier', many: 'les courriers', bare: 'courrier' }
    : { one: 'the letter', many: 'the letters', bare: 'letter' };
}

/**
 * A collection agency's letter is the agency's, after its number: "la mise en demeure 7734129055
 * d’Intrum", "le courrier d’Intrum du …", "the final notice FN-1 from Intrum": the customer holds
 * a letter from the agency, not from the operator (issue 16, defect 17).
 */
function agencySuffix(named: Named, lang: LetterLang): string {
  const agency = named.agency;
  if (agency === undefined) return '';
  if (lang === 'en') return `from ${agency}`;
  return deName(agency);
}

/** "la facture FAC-1 du 05/12/2023 (0,00 €)" / "invoice FAC-1 of 05/12/2023 (0.00 €)". */
function documentPhrase(named: Named, lang: LetterLang, withKind: boolean): string {
  const words = kindWords(named, lang);
  const amount = amountText(named);
  const parts = [
    withKind ? words.one : '',
    named.id ?? '',
    agencySuffix(named, lang),
    `${PHRASES[lang].of} ${dateText(named, lang)}`,
  ].filter((part) => part !== '');
  return `${parts.join(' ')}${amount === undefined ? '' : ` (${amount})`}`;
}

/**
 * The documents a demand is about; `asides` says more of some ("la facture F-2 du … (49,99 €), qui
 * reprend la facture F-1 du … (49,99 €),"), each closed by a comma as an incidental clause is.
 */
function documentsPhrase(list: readonly Named[], lang: LetterLang, asides?: ReadonlyMap<Named, string>): string {
  if (asides !== undefined && asides.size > 0) {
    const items = list.map((named) => {
      const aside = asides.get(named);
      return `${documentPhrase(named, lang, true)}${aside === undefined ? '' : `, ${aside}`}`;
    });
    const last = list[list.length - 1];
    return `${joinList(items, lang)}${last !== undefined && asides.has(last) ? ',' : ''}`;
  }
  const kinds = new Set(list.map((named) => named.named));
  const first = list[0];
  // Agencies' letters keep each its own name ("la mise en demeure 1 d’Intrum et la mise en demeure 2 de Kruk").
  if (list.length > 1 && kinds.size === 1 && first !== undefined && list.every((named) => named.agency === undefined)) {
    return `${kindWords(first, lang).many} ${joinList(
      list.map((named) => documentPhrase(named, lang, false)),
      lang,
    )}`;
  }
  return joinList(
    list.map((named) => documentPhrase(named, lang, true)),
    lang,
  );
}

/** A finding's observation: the precise one where its placeholders are known, else the general one. */
function observationOf(finding: Finding, named: Named, around: Around): string | undefined {
  const entry = entryOf(finding);
  if (entry === undefined) return undefined;
  const values = placeholderValues(finding, named, around);
  const precise = entry.precise === undefined ? undefined : fill(entry.precise[around.lang], values);
  return precise ?? fill(entry.observation[around.lang], values);
}

/** One observation for several findings of one rule on a document (two fees), when the rule says how. */
function severalObservation(ruleId: string, named: Named, around: Around): string | undefined {
  const several = OBSERVATIONS[ruleId]?.several;
  const findings = named.findings.filter((finding) => finding.ruleId === ruleId);
  if (several === undefined || findings.length < 2) return undefined;
  const items = findings.map((finding) => fill(several.item[around.lang], placeholderValues(finding, named, around)));
  if (items.some((item) => item === undefined)) return undefined;
  return fill(several.observation[around.lang], new Map([['items', joinList(items as string[], around.lang)]]));
}

/**
 * What a dunning letter without a number of its own claims, so that its line in the facts says
 * which bill it is about ("courrier de relance pour la facture F-1"); undefined for other documents.
 */
function claimedPhrase(named: Named, lang: LetterLang, observations: readonly string[]): string | undefined {
  if (named.kind !== 'dunning' || named.id !== undefined || named.references.length === 0) return undefined;
  const ids = [...new Set(named.references)];
  if (ids.every((id) => observations.some((text) => text.includes(id)))) return undefined;
  return fill(
    ids.length === 1 ? PHRASES[lang].forInvoice : PHRASES[lang].forInvoices,
    new Map([['ids', joinList(ids, lang)]]),
  );
}

function factOf(named: Named, around: Around): LetterFact {
  const { lang } = around;
  const words = kindWords(named, lang);
  const amount = amountText(named);
  const observations: string[] = [];
  const merged = new Set<string>();
  for (const finding of named.findings) {
    if (merged.has(finding.ruleId)) continue;
    const several = severalObservation(finding.ruleId, named, around);
    if (several !== undefined) merged.add(finding.ruleId);
    const text = several ?? observationOf(finding, named, around);
    if (text !== undefined && !observations.includes(text)) observations.push(text);
  }
  // A minor observation (a ceiling crossed) only speaks when no other finding explains the document.
  const minor = new Set(named.findings.filter((f) => entryOf(f)?.minor === true).map((f) => f.ruleId));
  if (minor.size > 0 && minor.size < new Set(named.findings.map((f) => f.ruleId)).size) {
    for (const finding of named.findings) {
      const entry = entryOf(finding);
      const text = entry?.minor === true ? observationOf(finding, named, around) : undefined;
      const at = text === undefined ? -1 : observations.indexOf(text);
      if (at >= 0) observations.splice(at, 1);
    }
  }
  const stageWords = STAGE_WORDS[lang];
  if (named.kind === 'termination' && named.effectiveDate !== undefined) {
    observations.push(say(stageWords.effectiveOn, { date: letterDate(named.effectiveDate, named.style, lang) }));
  }
  // A reminder without a number is named by the bills it claims, unless its observations already name them.
  const claimed = claimedPhrase(named, lang, observations);
  const what = [words.bare, named.id ?? claimed, agencySuffix(named, lang)]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const line = `${dateText(named, lang)}${stageWords.factColon}${what}${amount === undefined ? '' : `, ${amount}`}`;
  return {
    ...(named.date === undefined ? {} : { date: named.date }),
    dateText: dateText(named, lang),
    kind: named.kind,
    ...(named.kind === 'dunning' && named.named !== 'dunning' ? { dunningTitle: named.named as DunningTitle } : {}),
    ...(named.id === undefined ? {} : { documentId: named.id }),
    ...(named.amount === undefined ? {} : { amount: named.amount.toFixed(2) }),
    currency: named.currency,
    text: [line, ...observations].join(stageWords.factSeparator),
    disputed: named.findings.length > 0,
  };
}

function sourceRefs(ids: readonly SourceId[]): LetterSourceRef[] {
  return ids.map((id) => ({ title: SOURCES[id].title, url: SOURCES[id].url }));
}

/** What a demand says after each of its documents (the bill a duplicate repeats), where the findings tell it. */
function asidesOf(docs: readonly Named[], ruleIds: readonly string[], around: Around): Map<Named, string> {
  const asides = new Map<Named, string>();
  for (const doc of docs) {
    for (const finding of doc.findings) {
      const aside = ruleIds.includes(finding.ruleId) ? entryOf(finding)?.aside : undefined;
      const text = aside === undefined ? undefined : fill(aside[around.lang], placeholderValues(finding, doc, around));
      if (text !== undefined && !asides.has(doc)) asides.set(doc, text);
    }
  }
  return asides;
}

/** `creditor`: the operator, when the letter goes to someone else (a debt purchaser, the Médiateur). */
function demandsOf(
  named: readonly Named[],
  input: LetterInput,
  around: Around,
  creditor: string | undefined,
): LetterDemand[] {
  const groups = new Map<string, { ruleIds: string[]; docs: Named[]; cover: Named[]; coverKnown: boolean }>();
  for (const entry of named) {
    for (const finding of entry.findings) {
      const key = entryOf(finding, entry)?.demandKey;
      if (key === undefined) continue;
      const group = groups.get(key) ?? { ruleIds: [], docs: [], cover: [], coverKnown: true };
      if (!group.ruleIds.includes(finding.ruleId)) group.ruleIds.push(finding.ruleId);
      if (!group.docs.includes(entry)) group.docs.push(entry);
      const cover = coverOf(finding, around);
      if (cover === undefined) group.coverKnown = false;
      for (const doc of cover ?? []) if (!group.cover.includes(doc)) group.cover.push(doc);
      groups.set(key, group);
    }
  }
  for (const [vague, precise] of SUBSUMED_BY) {
    const group = groups.get(vague);
    const covered = groups.get(precise)?.docs ?? [];
    if (group === undefined) continue;
    const docs = group.docs.filter((doc) => !covered.includes(doc));
    if (docs.length === 0) groups.delete(vague);
    else groups.set(vague, { ...group, docs });
    const target = groups.get(precise);
    if (docs.length < group.docs.length && target !== undefined) {
      for (const ruleId of group.ruleIds) target.ruleIds.push(ruleId);
    }
  }
  const demands: LetterDemand[] = [];
  for (const key of DEMAND_ORDER) {
    const group = groups.get(key);
    const text = DEMANDS[key];
    if (group === undefined || text === undefined) continue;
    const documents = documentsPhrase(group.docs, input.lang, asidesOf(group.docs, group.ruleIds, around));
    const values = new Map([['documents', documents]]);
    // The invoices the letters claim, when each names its own: the demand need not ask which they are.
    const invoices = [...new Set(group.docs.flatMap((doc) => doc.references))];
    if (group.docs.every((doc) => doc.references.length > 0)) values.set('invoice', joinList(invoices, input.lang));
    const blank = [...new Set(group.docs.flatMap((doc) => doc.findings.flatMap(atIssue)))];
    if (blank.length > 0) values.set('blank', invoicesPhrase(blank, input.lang));
    // The invoices a credit note or payment covers, in a letter that also claims unpaid ones.
    const settled = [...new Set(group.docs.flatMap((doc) => doc.findings.flatMap(coveredInvoicesOf)))];
    if (settled.length > 0) values.set('settled', invoicesPhrase(settled, input.lang));
    // Which credit notes and payments cover the claimed bills, when every finding of the demand names them.
    if (group.coverKnown && group.cover.length > 0) values.set('cover', coverPhrase(group.cover, input.lang));
    const termination = terminationValues(group.docs, around, creditor);
    for (const [name, value] of termination) values.set(name, value);
    const precise = text.precise === undefined ? undefined : fill(text.precise[input.lang], values);
    const naming = text.naming === undefined ? undefined : fill(text.naming[input.lang], values);
    // Two letters for one blank invoice claim one invoice: "la facture qu'ils réclament", not "les factures".
    const claimed = blank.length > 0 ? blank : invoices;
    const plural = claimed.length === 1 && text.manyOneInvoice !== undefined ? text.manyOneInvoice : text.many;
    // A company's bills state no direct debit: its wording asks to stop none.
    const noDebit = input.company !== undefined && !input.company.directDebit;
    const wordings = noDebit && text.noDirectDebit !== undefined ? text.noDirectDebit : text;
    const many = wordings === text ? plural : wordings.many;
    const general = group.docs.length > 1 && many !== undefined ? many : wordings.demand;
    // The precise and naming wordings speak of one document; several take the general wording's plural.
    const single = group.docs.length === 1 || text.many === undefined;
    const manyWording =
      claimed.length === 1 && text.preciseManyOneInvoice !== undefined ? text.preciseManyOneInvoice : text.preciseMany;
    const preciseMany = manyWording === undefined ? undefined : fill(manyWording[input.lang], values);
    const demand = (single ? (precise ?? naming) : preciseMany) ?? fill(general[input.lang], values);
    if (demand === undefined) continue;
    const law =
      text.basis !== undefined && text.basis.jurisdiction === input.jurisdiction ? text.basis : STANDARD_BASES[key];
    // A company is no consumer: the consumer code is not its basis, the operator's own letter still is.
    const legal =
      law !== undefined && 'consumersOnly' in law && law.consumersOnly === true && input.company !== undefined
        ? undefined
        : law;
    const lead = leadOf(text, values, input);
    const basis =
      legal === undefined
        ? lead === undefined
          ? undefined
          : { text: lead, sources: [] }
        : {
            text:
              lead === undefined
                ? legal.text[input.lang]
                : `${lead}${STAGE_WORDS[input.lang].factSeparator}${legal.text[input.lang]}`,
            sources: sourceRefs(legal.sources),
          };
    demands.push({
      key,
      ruleIds: group.ruleIds,
      documentIds: group.docs.flatMap((doc) => (doc.id === undefined ? [] : [doc.id])),
      text: demand,
      ...(basis === undefined ? {} : { basis }),
    });
  }
  return demands;
}

/**
 * The termination a demand's findings name: when it took effect ({{effectiveDate}}, as the finding
 * says), the confirmation that says so ({{confirmation}}: "RES-2024-002 du 15/01/2024") and the
 * date the confirmation itself states ({{stated}}), in the confirmation's own style.
 */
function terminationValues(docs: readonly Named[], around: Around, creditor: string | undefined): Map<string, string> {
  const values = new Map<string, string>();
  values.set('confirmationOf', confirmationOf(around.lang, creditor));
  // Said only when known: a demand is never lost for want of the date.
  values.set('onDate', '');
  const effective = docs
    .flatMap((doc) => doc.findings)
    .map((finding) => finding.evidence.effectiveDate)
    .find((value): value is string => typeof value === 'string' && isIsoDate(value));
  if (effective === undefined) return values;
  const confirmations = [...around.at.values()].filter((named) => named.kind === 'termination');
  const confirmation = confirmations.find((named) => named.effectiveDate === effective) ?? confirmations[0];
  const style = confirmation?.style ?? docs[0]?.style;
  values.set('effectiveDate', letterDate(effective, style, around.lang));
  values.set('onDate', `${around.lang === 'fr' ? ' le' : ' on'} ${letterDate(effective, style, around.lang)}`);
  if (confirmation === undefined) return values;
  values.set('confirmation', documentPhrase(confirmation, around.lang, false));
  if (confirmation.effectiveDate === effective) values.set('stated', letterDate(effective, style, around.lang));
  return values;
}

/** Whose confirmation it is: the reader's own, or (a letter to a debt purchaser) the operator's. */
function confirmationOf(lang: LetterLang, operator: string | undefined): string {
  if (operator === undefined)
    return lang === 'fr' ? 'votre propre confirmation de résiliation' : 'your own termination confirmation';
  if (lang === 'en') return `${operator}'s termination confirmation`;
  return `la confirmation de résiliation ${deName(operator)}`;
}

/** What the operator's own document says, said first in the basis, when the demand has such a lead and its values are known. */
function leadOf(text: DemandText, values: ReadonlyMap<string, string>, input: LetterInput): string | undefined {
  if (text.basis?.jurisdiction !== input.jurisdiction) return undefined;
  const stated = text.basisLead === undefined ? undefined : fill(text.basisLead[input.lang], values);
  return stated ?? (text.basisLeadDerived === undefined ? undefined : fill(text.basisLeadDerived[input.lang], values));
}

function owedByPhrase(ids: readonly string[], lang: LetterLang): string {
  const one = ids.length === 1;
  if (lang === 'fr') return `${invoicesPhrase(ids, lang)} ${one ? 'laisse' : 'laissent'}`;
  return `${one ? 'invoice' : 'invoices'} ${joinList(ids, lang)} still ${one ? 'leaves' : 'leave'}`;
}

/** "la facture F-1", "les factures F-1 et F-2", "the invoice F-1". */
function invoicesPhrase(ids: readonly string[], lang: LetterLang): string {
  const words = KIND_WORDS[lang].invoice;
  return `${ids.length === 1 ? words.one : words.many} ${joinList(ids, lang)}`;
}

/** "89,99 €, plus 40,00 € de frais…": the debts, then what demands add on top of them. */
function disputedPhrase(disputed: readonly DisputedAmount[], lang: LetterLang): string {
  const words = STAGE_WORDS[lang];
  const debt = disputed.filter((amount) => amount.part === 'debt').map((amount) => amount.text);
  const fees = disputed.filter((amount) => amount.part === 'on-top').map((amount) => amount.text);
  if (fees.length === 0) return debt.join(' + ');
  const values = { debt: debt.join(' + '), fees: fees.join(' + ') };
  return say(debt.length === 0 ? words.disputedFeesOnly : words.disputedWithFees, values);
}

/** The account's numbers as the command found them, else the sender's customer number, else the account. */
function numbersOf(input: LetterInput): AccountNumbers {
  return input.numbers ?? { customer: input.sender.customerNumber ?? printable(input.account) };
}

function senderBlock(input: LetterInput): string[] {
  const words = PHRASES[input.lang];
  const { sender } = input;
  const { city } = sender;
  // The town is part of the postal address (tryout 6: "Ville: 69003 Lyon" was only in the date line),
  // unless the address lines already end with it.
  const withCity = city !== undefined && !(sender.address ?? []).some((line) => line.includes(city));
  return [
    sender.name ?? input.company?.name ?? words.namePlaceholder,
    ...(sender.address ?? [words.addressPlaceholder]),
    ...(withCity ? [city] : []),
    ...numberFields(numbersOf(input), input.lang),
    ...(sender.email === undefined ? [] : [sender.email]),
    ...(sender.phone === undefined ? [] : [sender.phone]),
  ];
}

/**
 * The operator as the documents name it: an export's operator column or an e-invoice's seller,
 * then the letterhead of a bill, then that of a letter (a collection agency's client).
 */
function operatorOf(input: LetterInput): string | undefined {
  const named = (text: string | undefined): string | undefined =>
    text === undefined || text.trim() === '' ? undefined : printable(text.trim());
  for (const doc of input.documents) {
    const operator = named(doc.operator) ?? named(doc.seller?.name);
    if (operator !== undefined) return operator;
  }
  const heads = (kind: 'invoice' | 'other'): (string | undefined)[] =>
    input.documents
      .filter((doc) => (doc.kind === 'invoice') === (kind === 'invoice'))
      .map((doc) => input.letterheads?.get(doc.source.file)?.operator);
  return [...heads('invoice'), ...heads('other')].find((operator) => operator !== undefined);
}

/** The service's address when a document of the operator prints it under its name; else a placeholder. */
function serviceAddress(
  input: LetterInput,
  operator: string | undefined,
  service: ServiceAddress['service'],
): readonly string[] | undefined {
  if (operator === undefined || input.letterheads === undefined) return undefined;
  for (const doc of input.documents) {
    const head = input.letterheads.get(doc.source.file);
    // "Orange" on the bill, "ORANGE" on the termination letter: one operator.
    if (head?.operator?.toLowerCase() === operator.toLowerCase() && head.address?.service === service)
      return head.address.lines;
  }
  return undefined;
}

/** The purchaser whose letter demands payment for this account (the latest such letter), and its date. */
interface PurchaserLetter {
  readonly purchaser: Purchaser;
  readonly date?: string;
  /** Its date as the letter writes it ("20/05/2024", "20.05.2024"). */
  readonly dateText?: string;
}

function purchaserLetterOf(input: LetterInput, named: readonly Named[]): PurchaserLetter | undefined {
  let found: PurchaserLetter | undefined;
  for (const doc of input.documents) {
    const purchaser = input.letterheads?.get(doc.source.file)?.purchaser;
    if (doc.kind !== 'dunning' || purchaser === undefined) continue;
    if (found === undefined || (doc.issueDate ?? '') >= (found.date ?? ''))
      found = {
        purchaser,
        ...(doc.issueDate === undefined
          ? {}
          : {
              date: doc.issueDate,
              // As the facts write it: the letter's own style, else that of the account's bills.
              dateText: dateText(
                named.find((entry) => entry.key === locationKey(doc.source.file, doc.source.line)) ??
                  namedFromDocument(doc, input, undefined),
                input.lang,
              ),
            }),
      };
  }
  return found;
}

function recipientBlock(
  input: LetterInput,
  operator: string | undefined,
  bought: PurchaserLetter | undefined,
): string[] {
  const words = STAGE_WORDS[input.lang];
  const values = { operator: operator ?? PHRASES[input.lang].operatorPlaceholder };
  if (input.stage === 'mediator') return [...words.recipientMediator];
  // The debt is the purchaser's now: the sums are disputed with it, at the address its letter gives.
  if (bought !== undefined) {
    const { name, lines } = bought.purchaser;
    return [name, ...(lines.length > 0 ? lines : [words.recipientPurchaserAddress])];
  }
  const consumer = input.stage === '2' && input.jurisdiction === 'FR';
  const address = serviceAddress(input, operator, consumer ? 'consumer' : 'customer');
  if (address !== undefined) {
    // "Orange - service clients Mobile - 41965 BLOIS CEDEX 9" starts with the name already written above it.
    const same = (line: string | undefined): boolean =>
      line !== undefined && line.trim().toLowerCase() === (values.operator ?? '').trim().toLowerCase();
    return [values.operator, ...(same(address[0]) ? address.slice(1) : address)];
  }
  if (consumer) return words.recipientConsumerService.map((line) => say(line, values));
  if (input.jurisdiction === 'GB') return words.recipientUk.map((line) => say(line, values));
  return words.recipientCustomerService.map((line) => say(line, values));
}

function required(sent: SentLetters | undefined): SentLetters {
  if (sent === undefined) throw new RangeError('this stage needs the date of the letter already sent');
  return sent;
}

/**
 * What the sender holds, by the number that names it best: the customer number, else the line
 * (tryout 7: "Titulaire du compte n° 0698765432" named a line as the account beside its customer number).
 */
function holderOf(numbers: AccountNumbers, account: string, lang: LetterLang): string {
  const words = STAGE_WORDS[lang];
  if (numbers.customer !== undefined) return say(words.holderCustomer, { number: numbers.customer });
  if (numbers.line !== undefined) return say(words.holderLine, { number: numbers.line });
  return say(words.holderAccount, { number: account });
}

/** The values every stage sentence may use. */
function stageValues(input: LetterInput, operator: string | undefined, account: string): Record<string, string> {
  const values: Record<string, string> = {
    account,
    holder: holderOf(numbersOf(input), account, input.lang),
    numbers: numbersInline(numbersOf(input), input.lang),
    operator: operator ?? PHRASES[input.lang].operatorPlaceholder,
  };
  if (input.sent !== undefined) {
    const dates = [input.sent.first, ...(input.sent.second === undefined ? [] : [input.sent.second])];
    values.first = longDate(input.sent.first, input.lang);
    values.dates = dates.map((date) => longDate(date, input.lang)).join(STAGE_WORDS[input.lang].datesJoin);
  }
  return values;
}

function subjectOf(input: LetterInput, values: Record<string, string>): string {
  const words = STAGE_WORDS[input.lang];
  const template =
    input.stage === 'mediator' ? words.subjectMediator : input.stage === '2' ? words.subject2 : words.subject1;
  return say(template, values);
}

function openingOf(input: LetterInput, values: Record<string, string>, bought?: PurchaserLetter): string[] {
  const words = STAGE_WORDS[input.lang];
  if (bought !== undefined && input.stage !== 'mediator') {
    const purchaserLine =
      bought.dateText === undefined
        ? say(words.openingPurchaserUndated, values)
        : say(words.openingPurchaser, { ...values, date: bought.dateText });
    // A purchaser has no consumer service of the operator's: the reminder is the plain one.
    const first = input.stage === '2' ? say(words.opening2, values) : say(words.opening1, values);
    return [first, purchaserLine];
  }
  if (input.stage === 'mediator') {
    return [
      say(required(input.sent).second === undefined ? words.openingMediatorOne : words.openingMediatorMany, values),
    ];
  }
  if (input.stage === '2')
    return [say(input.jurisdiction === 'FR' ? words.opening2ConsumerService : words.opening2, values)];
  return [say(words.opening1, values)];
}

function nextStepOf(input: LetterInput, bought?: PurchaserLetter): string {
  const words = STAGE_WORDS[input.lang];
  if (input.stage === 'mediator') return words.nextMediator;
  // The operators' schemes (Médiateur, Ofcom ADR) are for operators, and the Financial Ombudsman
  // Service says it does not look at the collection of mobile phone debts (technical note "Debt
  // collecting"): no step is announced that billcheck cannot name for this purchaser.
  if (bought !== undefined) return words.nextElsewhere;
  if (input.jurisdiction === 'FR') return input.stage === '2' ? words.nextFrance2 : words.nextFrance1;
  if (input.jurisdiction === 'GB') {
    // Ofcom counts from when the complaint was first made: known for a reminder, not for a letter not yet sent.
    const first = input.stage === '2' ? required(input.sent).first : undefined;
    const weeks = (first ?? input.today) >= OFCOM_SIX_WEEKS_FROM ? words.six : words.eight;
    const adr = first === undefined ? undefined : escalationSteps('GB', { first })[0];
    if (adr === undefined) return say(words.nextUkWithin, { weeks });
    // A reminder sent after the ADR date would otherwise threaten to act "by" a day already past.
    const template = adr.date <= input.today ? words.nextUkSince : words.nextUkBy;
    return say(template, { weeks, date: longDate(adr.date, input.lang) });
  }
  return words.nextElsewhere;
}

function enclosuresOf(facts: readonly Named[], input: LetterInput, bought?: PurchaserLetter): string[] {
  const words = STAGE_WORDS[input.lang];
  const fr = input.lang === 'fr';
  // "Copie de la facture", "Copie du courrier", "Copie de l’avoir": the French article contracts.
  const of = (phrase: string): string =>
    phrase.replace(/^le /, 'du ').replace(/^la /, 'de la ').replace(/^l’/, 'de l’');
  const copy = PHRASES[input.lang].copyOf;
  // A payment is proven by a receipt or a bank statement, not by a copy of itself.
  const list = facts.map((named) => {
    const phrase = documentPhrase(named, input.lang, true);
    // "Proof of payment of 28/05/2024": the English idiom takes no article.
    if (named.kind === 'payment') return fr ? `Justificatif ${of(phrase)}` : `Proof of ${phrase.replace(/^the /, '')}`;
    return `${copy} ${fr ? of(phrase) : `of ${phrase}`}`;
  });
  // Letters to a purchaser went to it, not to the operator's customer or consumer service.
  const purchaser = bought === undefined ? undefined : { purchaser: bought.purchaser.name };
  const sentLetter = (template: string, date: string): string =>
    say(purchaser === undefined ? template : words.enclosurePurchaser, {
      date: longDate(date, input.lang),
      ...purchaser,
    });
  if (input.stage !== '1') list.push(sentLetter(words.enclosureFirst, required(input.sent).first));
  if (input.stage === 'mediator') {
    const { second } = required(input.sent);
    if (second !== undefined) list.push(sentLetter(words.enclosureSecond, second));
    list.push(purchaser === undefined ? words.enclosureAnswers : say(words.enclosureAnswersPurchaser, purchaser));
  }
  return list;
}

function mediatorFormOf(
  input: LetterInput,
  { operator, account }: { operator: string | undefined; account: string },
  disputed: readonly DisputedAmount[],
  demands: readonly LetterDemand[],
): MediatorForm {
  const sent = required(input.sent);
  const dates = [sent.first, ...(sent.second === undefined ? [] : [sent.second])];
  return {
    operator: operator ?? PHRASES[input.lang].operatorPlaceholder,
    ...(input.company?.name === undefined ? {} : { claimant: input.company.name }),
    customerNumber: numbersOf(input).customer ?? account,
    numbers: numberFields(numbersOf(input), input.lang),
    complaintDates: dates,
    complaintDatesText: dates.map((date) => longDate(date, input.lang)),
    // Said only once true: a referral drafted early (the stderr warning says so) states the dates alone.
    customerServiceSilentTwoMonths: sent.second === undefined && input.today >= addMonths(sent.first, 2),
    amountInDispute: disputed,
    request: demands.map((demand) => demand.text),
  };
}

/**
 * What the sender must know about the letter: a country whose escalation and law billcheck does
 * not cover (its steps are never guessed), or bills whose country is unknown.
 */
export function notesOf(lang: LetterLang, jurisdiction: Jurisdiction | undefined, country?: string): string[] {
  if (jurisdiction !== undefined) return [];
  const words = STAGE_WORDS[lang];
  if (country === undefined) return [words.noteCountryUnknown];
  const name = new Intl.DisplayNames([lang], { type: 'region' }).of(country) ?? country;
  // A code Intl has no name for comes back as itself: "XK", not "XK, XK".
  return [say(words.noteCountryNotCovered, { country: name === country ? country : `${name}, ${country}` })];
}

/** What the sender must know when the letter goes to a debt purchaser. */
function purchaserNotes(
  input: LetterInput,
  operator: string | undefined,
  bought: PurchaserLetter | undefined,
): string[] {
  if (bought === undefined) return [];
  const words = STAGE_WORDS[input.lang];
  const values = {
    purchaser: bought.purchaser.name,
    operator: operator ?? PHRASES[input.lang].operatorPlaceholder,
  };
  return [say(input.stage === 'mediator' ? words.notePurchaserMediator : words.notePurchaser, values)];
}

function purchaserField(
  operator: string | undefined,
  bought: PurchaserLetter | undefined,
): LetterPurchaser | undefined {
  if (bought === undefined) return undefined;
  return { name: bought.purchaser.name, ...(operator === undefined ? {} : { originalCreditor: operator }) };
}

/** The sending mode model letters advise: a registered letter with acknowledgement (Arcep), as each country names it. */
function sendingOf(input: LetterInput): string {
  if (input.lang === 'fr') return PHRASES.fr.sending;
  if (input.jurisdiction === 'FR') return 'Registered letter with acknowledgement of receipt';
  return input.jurisdiction === 'GB' ? 'Recorded delivery' : 'Registered post';
}

export function buildLetter(input: LetterInput): Letter {
  const words = PHRASES[input.lang];
  const account = printable(input.account);
  const operator = operatorOf(input);
  const values = stageValues(input, operator, account);
  const stageWords = STAGE_WORDS[input.lang];
  const { list: named, at } = collectNamed(input);
  const bought = purchaserLetterOf(input, named);
  const purchaser = purchaserField(operator, bought);
  const around: Around = { lang: input.lang, at };
  const facts = named.map((entry) => factOf(entry, around));
  const demands = demandsOf(
    named,
    input,
    around,
    // To the Médiateur or to a purchaser, the confirmation is not the reader's own: it is the operator's.
    bought === undefined && input.stage !== 'mediator'
      ? undefined
      : (operator ?? PHRASES[input.lang].operatorPlaceholder),
  );
  const disputed = disputedAmounts(named);
  const disputedText = disputedPhrase(disputed, input.lang);
  const city = input.sender.city ?? words.cityPlaceholder;
  return {
    version: 1,
    lang: input.lang,
    stage: input.stage,
    ...(input.jurisdiction === undefined ? {} : { jurisdiction: input.jurisdiction }),
    ...(input.country === undefined ? {} : { country: input.country }),
    account,
    date: input.today,
    placeAndDate: say(stageWords.placeAndDate, { city, date: longDate(input.today, input.lang) }),
    sender: senderBlock(input),
    recipient: recipientBlock(input, operator, bought),
    ...(purchaser === undefined ? {} : { purchaser }),
    sending: input.stage === 'mediator' ? stageWords.sendingMediator : sendingOf(input),
    subject: subjectOf(input, values),
    salutation: words.salutation,
    opening: openingOf(input, values, bought),
    factsHeading: words.factsHeading,
    facts,
    demandsHeading: words.demandsHeading,
    // To the Médiateur, the demands are what the operator is asked to do.
    demandsIntro: input.stage === 'mediator' ? say(stageWords.demandsIntroMediator, values) : words.demandsIntro,
    basisLabel: words.basisLabel,
    demands,
    disputedHeading: words.disputedHeading,
    disputed,
    undisputed:
      disputed.length === 0 ? stageWords.undisputedWithout : say(stageWords.undisputedWith, { amount: disputedText }),
    deadline: input.stage === 'mediator' ? '' : words.deadline,
    nextStep: nextStepOf(input, bought),
    ...(input.stage === 'mediator'
      ? { mediatorForm: mediatorFormOf(input, { operator, account }, disputed, demands) }
      : {}),
    closing: words.closing,
    signature: [input.sender.name ?? input.company?.name ?? words.namePlaceholder],
    enclosuresHeading: words.enclosuresHeading,
    enclosures: enclosuresOf(named, input, bought),
    notesHeading: stageWords.notesHeading,
    notes: [
      ...notesOf(input.lang, input.jurisdiction, input.country),
      ...purchaserNotes(input, operator, bought),
      ...(input.stage === 'mediator' && input.company !== undefined ? [stageWords.noteCompanyMediator] : []),
      ...unreadableNotes(input),
    ],
  };
}

/** The files the check could not read, named as stderr names them: the letter is built without them. */
function unreadableNotes(input: LetterInput): string[] {
  const files = input.unreadableFiles ?? [];
  if (files.length === 0) return [];
  const names = files.map((file) => printable(file)).join(', ');
  if (input.lang === 'fr')
    return [
      files.length === 1
        ? `1 fichier illisible n’a pas été lu et ne figure pas dans le courrier : ${names}`
        : `${files.length} fichiers illisibles n’ont pas été lus et ne figurent pas dans le courrier : ${names}`,
    ];
  return [
    files.length === 1
      ? `1 unreadable file was not read and is not in the letter: ${names}`
      : `${files.length} unreadable files were not read and are not in the letter: ${names}`,
  ];
}
