/**
 * `billcheck letter`: the check's findings for one account, turned into a complaint letter (or,
 * with --status, the dates of the next escalation steps). The reading and the rules are the
 * check's own (runCheck, through its letter hook); this module chooses the account, the language
 * and the jurisdiction, and writes the letter.
 */
import { parsePhoneNumberFromString } from '../identity/phone-library.js';
import { accountKey as identityAccountKey } from '../identity/account-key.js';
import { open, readFile } from 'node:fs/promises';
import type { BillcheckConfig } from '../engine/config.js';
import type { AmountStyle, BillingDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { INVALID_INPUT } from '../model/finding.js';
import type { CheckResult } from '../report/result.js';
import { printable } from '../report/sanitize.js';
import type { CompanyPurchaser } from '../report/letter/build.js';
import { buildLetter } from '../report/letter/build.js';
import type { Jurisdiction, LetterLang } from '../report/letter/demands.js';
import type { SentLetters } from '../report/letter/escalation.js';
import { escalationSteps } from '../report/letter/escalation.js';
import type { Stage } from '../report/letter/letter.js';
import { STAGES } from '../report/letter/letter.js';
import type { LetterFormat } from '../report/letter/render.js';
import { LETTER_FORMATS, renderLetter } from '../report/letter/render.js';
import type { SenderDetails } from '../report/letter/sender.js';
import type { AccountNumbers } from '../report/letter/numbers.js';
import { parseSender, SenderFileError } from '../report/letter/sender.js';
import { renderStatus } from '../report/letter/status.js';
import { MEDIATOR_SITE } from '../report/letter/stage-words.js';
import type { Letterhead } from '../report/letter/letterhead.js';
import { readLetterhead } from '../report/letter/letterhead.js';
import { fill, longDate, PHRASES } from '../report/letter/words.js';
import { check } from '../check/check.js';
import { said, usageText } from '../i18n/usage.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { ERROR_PREFIX, fatalLine } from './errors.js';
import type { ResolvedInput } from '../check/inputs.js';
import type { Output } from './io.js';
import { EXIT_FAILURE, EXIT_OK, usageError } from './io.js';
import { writeReportFile } from './output-file.js';
import type { CheckFlags } from './options.js';
import { dateOrderOf, inputOptions, parseIsoOption, parseTermination } from './options.js';

export const LETTER_LANGS: readonly LetterLang[] = ['fr', 'en'];
export const LETTER_COUNTRIES: readonly Jurisdiction[] = ['FR', 'GB'];

export interface LetterFlags extends CheckFlags {
  account?: string;
  lang?: string;
  from?: string;
  stage: string;
  sent?: string[];
  status?: boolean;
  output?: string;
  country?: string;
}

export interface LetterStreams {
  readonly stdout: Output;
  readonly warn: (line: string) => void;
  /** The language of billcheck's own lines before the letter's is known (--lang, config, locale). */
  readonly lang?: Lang;
}

interface ReadAccounts {
  readonly result: CheckResult;
  readonly styles: ReadonlyMap<string, AmountStyle>;
  readonly documents: readonly BillingDocument[];
  /** The account the report names a document's account by (the joined one). */
  readonly accountName: (raw: string) => string;
}

/** The options of `letter` that are checked before any file is read. */
interface LetterPlan {
  readonly format: LetterFormat;
  readonly stage: Stage;
  readonly sent: SentLetters | undefined;
  readonly lang: LetterLang | undefined;
  readonly country: Jurisdiction | undefined;
  readonly today: string;
}

function planOf(flags: LetterFlags, today: string): LetterPlan {
  const order = dateOrderOf(flags);
  const dates = (flags.sent ?? []).map((text) => parseIsoOption('--sent', text, order));
  if (dates.length > 2) throw usageError('letter.sentTooMany');
  const [first, second] = dates;
  if (first !== undefined && second !== undefined && second < first) {
    throw usageError('letter.sentOrder');
  }
  if (first !== undefined && first > today) throw usageError('letter.sentFuture', { date: first, today });
  const stage = flags.stage as Stage;
  if (stage !== '1' && first === undefined) {
    throw stage === 'mediator'
      ? usageError('letter.mediatorNeedsSent')
      : usageError('letter.stageNeedsSent', { stage });
  }
  if (flags.status === true && first === undefined) throw usageError('letter.statusNeedsSent');
  return {
    format: flags.format as LetterFormat,
    stage,
    sent: first === undefined ? undefined : { first, ...(second === undefined ? {} : { second }) },
    lang: flags.lang as LetterLang | undefined,
    country: flags.country === undefined ? undefined : (flags.country.toUpperCase() as Jurisdiction),
    today,
  };
}

async function readSender(file: string | undefined): Promise<SenderDetails> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw usageError('letter.fromUnreadable', { file, code: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  try {
    return parseSender(text);
  } catch (error) {
    if (error instanceof SenderFileError) throw usageError('letter.fromInvalid', { file, reason: error.message });
    throw error;
  }
}

/** `--from FILE`, else the config's `letter.from` (said on stderr: a config found upwards may be someone else's). */
async function senderOf(
  file: string | undefined,
  config: BillcheckConfig,
  warn: (line: string) => void,
  lang: Lang,
): Promise<SenderDetails> {
  if (file !== undefined || config.letterFrom === undefined) return readSender(file);
  const keys = Object.keys(config.letterFrom);
  if (keys.length > 0 && config.file !== undefined)
    warn(
      `${ERROR_PREFIX}${printable(usageText(said('letter.senderFrom', { file: config.file, keys: keys.join(', ') }), lang))}`,
    );
  return config.letterFrom;
}

/** Documents of other accounts kept for a letter, in case the check joins them to its account. */
const MAX_OTHER_DOCUMENTS = 10_000;

/** The check of `billcheck check`, with every document read handed to the letter (onDocument reads on one thread). */
async function readAll(
  inputs: readonly ResolvedInput[],
  flags: LetterFlags,
  { config, today }: { config: BillcheckConfig; today: string },
  streams: LetterStreams,
): Promise<ReadAccounts> {
  const documents: BillingDocument[] = [];
  const wanted = flags.account === undefined ? undefined : accountKey(flags.account);
  let others = 0;
  const { result, styles, accountName } = await check(
    inputs,
    {
      config,
      ruleLevels: new Map(),
      quiet: false,
      terminations: (flags.terminated ?? []).map((text) => parseTermination(text, dateOrderOf(flags))),
      input: inputOptions(flags),
      today,
    },
    {
      onFatal: (problem) => streams.warn(fatalLine(problem.file, problem.message, streams.lang ?? DEFAULT_LANG)),
      // The chosen account's documents are kept; others too while they are few (a dossier): the
      // check may join them to it under another form (a bill naming the customer number where the
      // letters name the line, a tryout's dossier), which is known only once everything is read.
      // A bill run of thousands keeps the account's own alone.
      onDocument: (doc) => {
        if (wanted === undefined || accountKey(doc.account) === wanted || doc.account === doc.source.file)
          documents.push(doc);
        else if (others++ < MAX_OTHER_DOCUMENTS) documents.push(doc);
      },
    },
  );
  return { result, styles, documents, accountName };
}

/**
 * The account's documents: those under its number, and those the check joined to it (a letter
 * read under another form of the account, or under its file's name), found through the findings.
 */
function documentsOf(account: string, findings: readonly Finding[], read: ReadAccounts): BillingDocument[] {
  const { documents } = read;
  const at = (file: string, line: number): string => `${file}\u0000${line}`;
  const flagged = new Set(findings.filter((f) => f.account === account).map((f) => at(f.file, f.line)));
  const joined = new Set([accountKey(account)]);
  for (const doc of documents)
    if (flagged.has(at(doc.source.file, doc.source.line))) joined.add(accountKey(doc.account));
  // The check's own joins (identity keys: a customer number beside the line, "+49 211 …" and "0211 …").
  return documents.filter((doc) => joined.has(accountKey(doc.account)) || read.accountName(doc.account) === account);
}

/** What the letter leaves out, agreeing with its count ("1 unreadable row … is", "2 … are"). */
function unreadableLine(count: number, lang: LetterLang): string {
  if (lang === 'fr') {
    return count < 2
      ? `${count} ligne illisible ou sans compte ne figure pas dans le courrier (billcheck check la détaille)`
      : `${count} lignes illisibles ou sans compte ne figurent pas dans le courrier (billcheck check les détaille)`;
  }
  return count === 1
    ? '1 unreadable row or finding without an account is not in the letter (billcheck check lists it)'
    : `${count} unreadable rows or findings without an account are not in the letter (billcheck check lists them)`;
}

/** The account the documents hold when they hold one: a program asking for JSON is told which (tryout 8). */
function onlyAccountOf(documents: readonly BillingDocument[]): string | undefined {
  const accounts = new Set(documents.map((doc) => doc.account));
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

/** The purchaser a dunning letter of these bills says bought the debt, if any (its letterhead's). */
async function purchaserOfDocuments(documents: readonly BillingDocument[]): Promise<string | undefined> {
  const dunning = documents.filter((doc) => doc.kind === 'dunning');
  const heads = await readLetterheads(dunning);
  for (const doc of dunning) {
    const name = heads.get(doc.source.file)?.purchaser?.name;
    if (name !== undefined) return name;
  }
  return undefined;
}

/**
 * --status counts the operator's escalation (service consommateurs, Médiateur, Ofcom ADR); a debt
 * sold to a purchaser may not follow it, and billcheck does not know which body handles complaints
 * about the purchaser: said rather than implied.
 */
function purchaserStatusLine(purchaser: string, lang: LetterLang): string {
  const name = printable(purchaser);
  return lang === 'fr'
    ? `ces dates sont celles des recours contre l’opérateur ; les documents indiquent que ${name} a acquis la créance, et billcheck ne sait pas quel organisme traite les réclamations contre cet acquéreur`
    : `these dates are those of the operator's escalation; the documents say that ${name} bought the debt, and billcheck does not know which body handles complaints about this purchaser`;
}

/** The head of a file is enough for a letterhead: a bill's or letter's sender block is on its first lines. */
const HEAD_BYTES = 16 * 1024;

/**
 * The letterheads of the account's text bills and letters (text and e-mail files), read again
 * from their head. A PDF's or an attachment's text is not at hand here: their operator stays the
 * export's, the e-invoice's or a placeholder (see README, "Letters").
 */
async function readLetterheads(documents: readonly BillingDocument[]): Promise<Map<string, Letterhead>> {
  const heads = new Map<string, Letterhead>();
  for (const doc of documents) {
    const { file, format } = doc.source;
    if ((format !== 'text' && format !== 'mail') || heads.has(file) || file === '-' || file.includes('#')) continue;
    let handle;
    try {
      handle = await open(file, 'r');
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      heads.set(file, readLetterhead(buffer.subarray(0, bytesRead).toString('utf8')));
    } catch {
      // The check read it a moment ago; a file gone since only loses its letterhead, not the letter.
    } finally {
      await handle?.close();
    }
  }
  return heads;
}

/** The key identity joins accounts by: "+44 7700 900461" and "07700 900461" are one line. */
function identityKey(account: string, country?: string): string {
  return identityAccountKey(account, country).key;
}

/**
 * How the line's own country writes an international number ("+44 7700 900123" is "07700900123"),
 * compared as accounts are: bills and exports usually print the national form, often with no
 * country the identity keys could read it in.
 */
function nationalForm(account: string): string | undefined {
  const compact = account.replace(/[\s.\-/()]/g, '');
  if (!compact.startsWith('+') && !compact.startsWith('00')) return undefined;
  const phone = parsePhoneNumberFromString(compact.startsWith('00') ? `+${compact.slice(2)}` : compact);
  return phone?.isPossible() === true ? accountKey(phone.formatNational()) : undefined;
}

/** Accounts compare without the separators people type ("06 12 34 50 01" is 0612345001, "(415) 555-0134" 4155550134). */
function accountKey(account: string): string {
  return account.replace(/[\s.\-/()]/g, '').toLowerCase();
}

function chooseAccount(
  findings: readonly Finding[],
  read: ReadAccounts,
  wanted: string | undefined,
): string | undefined {
  const { documents } = read;
  const counts = new Map<string, number>();
  for (const finding of findings)
    if (finding.account !== undefined) counts.set(finding.account, (counts.get(finding.account) ?? 0) + 1);
  if (wanted !== undefined) {
    const key = accountKey(wanted);
    const found = [...counts.keys()].find((account) => accountKey(account) === key);
    if (found !== undefined) return found;
    // Another name of the account: an alias the report lists ("also customer AC-1120-4477"), or the
    // form a document wrote it in, national or international ("+44 7700 900461").
    const same = identityKey(wanted);
    const alias = read.result.accounts?.find((joined) =>
      joined.aliases.some((named) => identityKey(named.name) === same),
    )?.name;
    // A national form is read in its document's country ("07700 900123" in a British bill).
    const written = documents.find((doc) => identityKey(doc.account, doc.country) === same);
    // The report's own name of the account, read in the country of its documents.
    const countryOf = (account: string): string | undefined =>
      documents.find((doc) => doc.country !== undefined && read.accountName(doc.account) === account)?.country;
    const national = nationalForm(wanted);
    const reported = [...counts.keys()].find(
      (account) => identityKey(account, countryOf(account)) === same || accountKey(account) === national,
    );
    const named = reported ?? alias ?? (written === undefined ? undefined : read.accountName(written.account));
    if (named !== undefined && counts.has(named)) return named;
    const known = documents.find((doc) => accountKey(doc.account) === key);
    if (known !== undefined) return undefined;
    if (counts.size === 0) throw usageError('letter.noSuchAccount', { account: wanted });
    throw usageError('letter.noSuchAccountListed', { account: wanted, list: printable([...counts.keys()].join(', ')) });
  }
  if (counts.size > 1) {
    // Each item is a phrase too, so that the list reads in the error's language.
    const items = [...counts].map(([account, count]) =>
      count === 1
        ? said('letter.accountCountOne', { account: printable(account) })
        : said('letter.accountCount', { account: printable(account), count }),
    );
    throw usageError('letter.severalAccounts', { list: items });
  }
  return [...counts.keys()][0];
}

/**
 * The account's numbers by kind, for the subject and the sender block: the customer number the
 * sender gave (--from) or the account's when it is one, and its line, from the account itself or
 * from the other names the check joined to it (a bill's "Ligne SFR" beside its "N° client").
 */
function accountNumbers(
  account: string,
  documents: readonly BillingDocument[],
  read: ReadAccounts,
  sender: SenderDetails,
): AccountNumbers {
  const country = documents.find((doc) => doc.country !== undefined)?.country;
  const own = identityAccountKey(account, country);
  const aliases = read.result.accounts?.find((joined) => joined.name === account)?.aliases ?? [];
  // A number as the bills write it ("C-104233"), rather than as a letter did ("c104233").
  const billsForm = (name: string): string => {
    const key = identityKey(name, country);
    const same = documents.filter((doc) => identityKey(doc.account, country) === key);
    return (same.find((doc) => doc.kind === 'invoice') ?? same[0])?.account ?? name;
  };
  const ofKind = (kind: 'line' | 'customer'): string | undefined => {
    if (own.kind === kind) return own.display;
    const alias = aliases.find((named) => named.kind === kind)?.name;
    return alias === undefined ? undefined : kind === 'line' ? alias : billsForm(alias);
  };
  const line = ofKind('line');
  // A "N° client" that is the line itself (people often give the number they know) is the line.
  const given = sender.customerNumber;
  const givenIsLine =
    given !== undefined && line !== undefined && identityKey(given, country) === identityKey(line, country);
  const customer = (givenIsLine ? undefined : given) ?? ofKind('customer');
  const numbers = {
    ...(customer === undefined ? {} : { customer: printable(customer) }),
    ...(line === undefined ? {} : { line: printable(line) }),
    ...(sender.contract === undefined ? {} : { contract: printable(sender.contract) }),
  };
  // An account that is neither (a file's name, for a letter that names none) is still quoted as the account.
  return customer === undefined && line === undefined ? { ...numbers, customer: printable(account) } : numbers;
}

/** UNTDID 4461 payment means that are direct debits: 49 (direct debit), 59 (SEPA direct debit). */
const DIRECT_DEBIT_CODES = new Set(['49', '59']);

/** The company whose e-invoices these are, when they carry its own reference (BT-10, BT-13). */
function companyOf(documents: readonly BillingDocument[]): CompanyPurchaser | undefined {
  const bill = documents.find((doc) => doc.purchaserReference !== undefined);
  if (bill?.purchaserReference === undefined) return undefined;
  const name = bill.buyer?.name;
  return {
    ...(name === undefined ? {} : { name: printable(name) }),
    reference: printable(bill.purchaserReference),
    directDebit: documents.some((doc) => DIRECT_DEBIT_CODES.has(doc.paymentMeansCode?.trim() ?? '')),
  };
}

function purchaserReferenceOf(company: CompanyPurchaser | undefined): { purchaserReference?: string } {
  return company === undefined ? {} : { purchaserReference: company.reference };
}

/** The language the bills are written in: their country when known, else how they write amounts. */
function billLanguage(documents: readonly BillingDocument[]): LetterLang {
  const country = documents.find((doc) => doc.country !== undefined)?.country;
  if (country === 'FR' || country === 'BE' || country === 'LU') return 'fr';
  if (country !== undefined) return 'en';
  const style = documents.find((doc) => doc.amountStyle !== undefined)?.amountStyle;
  return style?.decimalSeparator === ',' && documents.some((doc) => doc.currency === 'EUR') ? 'fr' : 'en';
}

/**
 * Whose law the letter cites: --country, else the bills' country, else a French-written bill in
 * euros (France), else pounds (the United Kingdom); otherwise none, and the letter cites no law.
 */
function jurisdictionOf(
  documents: readonly BillingDocument[],
  flag: Jurisdiction | undefined,
): Jurisdiction | undefined {
  if (flag !== undefined) return flag;
  const country = documents.find((doc) => doc.country !== undefined)?.country;
  if (country === 'FR' || country === 'GB') return country;
  if (country !== undefined) return undefined;
  if (documents.some((doc) => doc.currency === 'GBP')) return 'GB';
  if (billLanguage(documents) === 'fr' && documents.some((doc) => doc.currency === 'EUR')) return 'FR';
  return undefined;
}

/** The bills' country as they say it (--country first), whether or not billcheck covers it. */
function countryOf(documents: readonly BillingDocument[], flag: Jurisdiction | undefined): string | undefined {
  return flag ?? documents.find((doc) => doc.country !== undefined)?.country;
}

async function writeOut(text: string, output: string | undefined, stdout: Output, cwd: string): Promise<void> {
  if (output === undefined) await stdout.write(text);
  // As the check command's -o: a missing folder or a file in the way is named (tryout 7).
  else await writeReportFile(output, text, cwd);
}

/**
 * A written complaint cannot have disputed documents that did not exist yet: a --sent date before
 * every document the letter disputes is a typing slip (a year, a month), not a date to quote.
 */
function checkSentAfterDocuments(first: string, findings: readonly Finding[]): void {
  const dated = findings.filter((finding) => finding.date !== undefined);
  const earliest = dated.reduce<Finding | undefined>(
    (found, finding) => (found === undefined || (finding.date ?? '') < (found.date ?? '') ? finding : found),
    undefined,
  );
  if (earliest?.date === undefined || first >= earliest.date) return;
  throw usageError('letter.sentBeforeDocuments', {
    date: first,
    document: printable(earliest.documentId ?? `${earliest.file}:${earliest.line}`),
    documentDate: earliest.date,
  });
}

/** A referral out of its window is drafted all the same, with a warning: the person may know better (an answer came). */
function warnMediatorWindow(sent: SentLetters, today: string, lang: LetterLang, warn: (line: string) => void): void {
  const steps = escalationSteps('FR', sent);
  const from = steps.find((step) => step.step === 'mediator')?.date;
  const until = steps.find((step) => step.step === 'mediator-deadline')?.date;
  if (from !== undefined && today < from) {
    warn(
      lang === 'fr'
        ? `billcheck: sauf réponse insatisfaisante déjà reçue, le Médiateur ne peut être saisi qu’à partir du ${longDate(from, lang)}`
        : `billcheck: unless you received an unsatisfying answer, the Médiateur may be referred to only from ${longDate(from, lang)}`,
    );
  }
  if (until !== undefined && today > until) {
    warn(
      lang === 'fr'
        ? `billcheck: le délai d’un an après la réclamation écrite a expiré le ${longDate(until, lang)} : le Médiateur peut refuser la saisine ; vérifiez auprès de lui (${MEDIATOR_SITE}) qu’il peut encore la traiter avant de l’envoyer`
        : `billcheck: the one-year limit after the written complaint ended on ${longDate(until, lang)}: the Médiateur may refuse the referral; check with it (${MEDIATOR_SITE}) that it can still take it before sending it`,
    );
  }
}

/** A reminder to the consumer service written before the customer service's month is up: drafted, with a warning. */
function warnConsumerServiceWindow(
  jurisdiction: Jurisdiction,
  sent: SentLetters,
  today: string,
  lang: LetterLang,
  warn: (line: string) => void,
): void {
  const from = escalationSteps(jurisdiction, sent).find((step) => step.step === 'consumer-service')?.date;
  if (from === undefined || today >= from) return;
  warn(
    lang === 'fr'
      ? `billcheck: le service client a un mois pour répondre ; sauf réponse insatisfaisante déjà reçue, écrivez au service consommateurs à partir du ${longDate(from, lang)}`
      : `billcheck: the customer service has a month to answer; unless it already answered unsatisfactorily, write to the consumer service from ${longDate(from, lang)}`,
  );
}

export async function runLetter(
  inputs: readonly ResolvedInput[] | undefined,
  flags: LetterFlags,
  context: { config: BillcheckConfig; today: string; cwd: string },
  streams: LetterStreams,
): Promise<number> {
  const plan = planOf(flags, context.today);
  const sender = await senderOf(flags.from, context.config, streams.warn, streams.lang ?? DEFAULT_LANG);
  if (inputs === undefined) {
    // --status without bills: the dates only, for France unless told otherwise.
    const jurisdiction = plan.country ?? 'FR';
    // The dates are on stdout; a window not open yet or closed is said where warnings go too.
    if (jurisdiction === 'FR')
      warnMediatorWindow(plan.sent as SentLetters, plan.today, plan.lang ?? 'fr', streams.warn);
    await writeOut(
      renderStatus(jurisdiction, plan.sent as SentLetters, plan.lang ?? 'fr', plan.today),
      flags.output,
      streams.stdout,
      context.cwd,
    );
    return EXIT_OK;
  }
  const read = await readAll(inputs, flags, context, streams);
  const fatal = read.result.fatal.length > 0;
  const findings = read.result.findings.filter(
    (finding) => finding.ruleId !== INVALID_INPUT && finding.account !== undefined,
  );
  const unreadable = read.result.findings.length - findings.length;
  if (flags.status === true) {
    // The dates do not depend on the account: the bills only tell the country.
    const jurisdiction = jurisdictionOf(read.documents, plan.country);
    if (jurisdiction === undefined) {
      throw usageError('letter.statusCountry');
    }
    const lang = plan.lang ?? billLanguage(read.documents);
    // Bills with nothing to dispute need no escalation timetable (tryout 8): said as the letter says it.
    if (findings.length === 0) {
      streams.warn(PHRASES[lang].nothingAtAll);
      return fatal ? EXIT_FAILURE : EXIT_OK;
    }
    const purchaser = await purchaserOfDocuments(read.documents);
    if (purchaser !== undefined) streams.warn(`billcheck: ${purchaserStatusLine(purchaser, lang)}`);
    if (jurisdiction === 'FR') warnMediatorWindow(plan.sent as SentLetters, plan.today, lang, streams.warn);
    await writeOut(
      renderStatus(jurisdiction, plan.sent as SentLetters, lang, plan.today),
      flags.output,
      streams.stdout,
      context.cwd,
    );
    return fatal ? EXIT_FAILURE : EXIT_OK;
  }
  const account = chooseAccount(findings, read, flags.account);
  const documents = account === undefined ? [] : documentsOf(account, findings, read);
  const lang = plan.lang ?? billLanguage(documents.length > 0 ? documents : read.documents);
  if (unreadable > 0) {
    streams.warn(`billcheck: ${unreadableLine(unreadable, lang)}`);
  }
  const jurisdiction = jurisdictionOf(documents.length > 0 ? documents : read.documents, plan.country);
  const country = countryOf(documents.length > 0 ? documents : read.documents, plan.country);
  if (plan.stage === 'mediator' && jurisdiction !== 'FR') {
    throw usageError('letter.mediatorCountry');
  }
  const accountFindings = account === undefined ? [] : findings.filter((finding) => finding.account === account);
  if (account === undefined || accountFindings.length === 0) {
    const shown = account ?? flags.account;
    const nothing = fill(PHRASES[lang].nothingToDispute, new Map([['account', printable(shown ?? '')]])) ?? '';
    streams.warn(shown === undefined ? PHRASES[lang].nothingAtAll : nothing);
    // A program asking for JSON gets an answer it can parse rather than an empty output (tryout 6):
    // no letter, and for which account.
    if (plan.format === 'json') {
      const named = shown ?? onlyAccountOf(read.documents);
      const answer = { letter: null, account: named === undefined ? null : printable(named), findings: 0 };
      await writeOut(`${JSON.stringify(answer)}\n`, flags.output, streams.stdout, context.cwd);
    }
    return fatal ? EXIT_FAILURE : EXIT_OK;
  }
  if (plan.sent !== undefined) checkSentAfterDocuments(plan.sent.first, accountFindings);
  // A date the stage does not use is said, not dropped silently (tryout 7).
  if (plan.stage === '1' && plan.sent !== undefined) streams.warn(PHRASES[lang].sentUnused);
  if (plan.stage === '2' && plan.sent?.second !== undefined)
    streams.warn(fill(PHRASES[lang].secondSentUnused, new Map([['date', longDate(plan.sent.first, lang)]])) ?? '');
  if (plan.stage === 'mediator' && plan.sent !== undefined)
    warnMediatorWindow(plan.sent, plan.today, lang, streams.warn);
  if (plan.stage === '2' && plan.sent !== undefined && jurisdiction !== undefined)
    warnConsumerServiceWindow(jurisdiction, plan.sent, plan.today, lang, streams.warn);
  const company = companyOf(documents);
  const letter = buildLetter({
    account,
    findings: accountFindings,
    documents,
    styles: read.styles,
    lang,
    jurisdiction,
    ...(country === undefined ? {} : { country }),
    stage: plan.stage,
    ...(plan.sent === undefined ? {} : { sent: plan.sent }),
    today: plan.today,
    sender,
    unreadableFiles: [...new Set(read.result.fatal.map((problem) => problem.file))],
    letterheads: await readLetterheads(documents),
    numbers: { ...accountNumbers(account, documents, read, sender), ...purchaserReferenceOf(company) },
    ...(company === undefined ? {} : { company }),
  });
  await writeOut(renderLetter(letter, plan.format), flags.output, streams.stdout, context.cwd);
  // The letter's notes say the same; on stderr it is not lost when the letter goes to a file.
  for (const note of letter.notes) streams.warn(`billcheck: ${note}`);
  streams.warn(PHRASES[lang].draftReminder);
  return fatal ? EXIT_FAILURE : EXIT_OK;
}

export { LETTER_FORMATS, STAGES };
