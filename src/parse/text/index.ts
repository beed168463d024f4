/**
 * The text parser: one invoice or letter per file, as `pdftotext -layout` prints it or as typed
 * in an e-mail. Every page (`\f`) belongs to the same document. The work is linear in the
 * size of the text: lines are cut at MAX_LINE_LENGTH and each line is read a bounded number of times.
 */
import type { AmountStyle, BillingDocument, DateStyle, DocumentKind } from '../../model/document.js';
import { FatalInputError, type ParseEvent, type SkippedSink } from '../../model/input.js';
import { Money } from '../../model/money.js';
import type { DateOrder } from '../values/dates.js';
import { type AmountToken, amountStyleOf, documentDecimalSeparator } from './amounts.js';
import { type ChosenAmounts, chooseAmounts } from './choice.js';
import { detectCountry } from './country.js';
import { currencyFromSignals, currencyNoticeMessage } from './currency.js';
import { collectFacts, dateSpans, excludedSpans, type ValueFact } from './facts.js';
import { detectKind } from './kind.js';
import { splitLines, type TextLine } from './lines.js';
import { proseAmount } from './prose.js';
import { statedStatus } from './status.js';

const DEFAULT_CURRENCY = 'EUR';
const NOT_A_BILL = 'no invoice or letter found in this text';
const CURRENCY_WORDS = new Map([
  ['eur', 'EUR'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['usd', 'USD'],
  ['gbp', 'GBP'],
  ['chf', 'CHF'],
  ['pln', 'PLN'],
  ['zł', 'PLN'],
  ['złotych', 'PLN'],
  ['inr', 'INR'],
  ['rupees', 'INR'],
]);

function best(values: readonly ValueFact[], field: ValueFact['field']): ValueFact | undefined {
  let chosen: ValueFact | undefined;
  for (const fact of values) {
    if (fact.field !== field) continue;
    if (
      chosen === undefined ||
      fact.priority > chosen.priority ||
      (fact.priority === chosen.priority && fact.order < chosen.order)
    )
      chosen = fact;
  }
  return chosen;
}

function distinctValues(values: readonly ValueFact[], field: ValueFact['field'], except: string | undefined): string[] {
  const seen = new Set<string>();
  for (const fact of values) if (fact.field === field && fact.value !== except) seen.add(fact.value);
  return [...seen];
}

function mostCommon(codes: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  let winner: string | undefined;
  for (const code of codes) {
    const count = (counts.get(code) ?? 0) + 1;
    counts.set(code, count);
    if (winner === undefined || count > (counts.get(winner) ?? 0)) winner = code;
  }
  return winner;
}

/**
 * A text that only mentions a kind word, with no title, subject or letter phrase (notes, a README,
 * a program's strings, which also print "total 10 000" here and there), is taken for a bill only
 * with a bill's own marks: a number after an invoice or letter number label, or net, tax and
 * total labelled and adding up.
 */
function numbered(invoiceId: string | undefined, letterId: string | undefined): boolean {
  return invoiceId !== undefined || letterId !== undefined;
}

function balanced(amounts: ChosenAmounts): boolean {
  const { net, tax, total } = amounts;
  return net !== undefined && tax !== undefined && total !== undefined && net.add(tax).eq(total);
}

/**
 * "… sera prélevé sur votre compte le 06/11/2026", "will be taken from your account on": a direct-debit
 * notice (SEPA pre-notification), which announces a debit; "a été prélevé", "has been taken" are payments.
 */
const FUTURE_DEBIT =
  /\b(?:sera (?:preleve|debite)e?|seront (?:preleve|debite)e?s|va etre (?:preleve|debite)e?|will be (?:taken|collected|debited)|zal worden (?:afgeschreven|geincasseerd)|wird (?:abgebucht|eingezogen))\b/;

function announcesFutureDebit(lines: readonly { folded: string }[]): boolean {
  return lines.some((line) => FUTURE_DEBIT.test(line.folded));
}

const DEBIT_NOTICE_REASON = 'a direct-debit notice naming no bill: a debit to come is no payment, and no bill to check';

/** A debit notice that names no bill says nothing checkable: counted as a skipped part, else said in a notice. */
function setAsideDebitNotice(file: string, line: number, options: TextOptions): ParseEvent[] {
  if (options.skipped !== undefined) {
    options.skipped({ file, reason: DEBIT_NOTICE_REASON });
    return [];
  }
  return [{ type: 'notice', file, line, level: 'warning', code: 'debit-notice-skipped', message: DEBIT_NOTICE_REASON }];
}

export interface TextOptions {
  readonly dateOrder?: DateOrder;
  /**
   * The date the document bears outside its text (an e-mail's Date header): its issue date, which
   * also tells a letter's own deadline from the due date of the invoice it quotes.
   */
  readonly issueDate?: string;
  /** Where a text set aside as nothing to check is counted (a direct-debit notice naming no bill). */
  readonly skipped?: SkippedSink;
}

export function parseTextDocument(text: string, file: string, options: TextOptions): ParseEvent[] {
  const lines = splitLines(text);
  const decision = detectKind(lines);
  const firstLine = lines[0]?.no;
  if (decision === undefined || firstLine === undefined) throw new FatalInputError(file, NOT_A_BILL);
  // A debit to come is no payment (tryout 8: an "Avis de prélèvement" became a payment of nothing): read
  // as the bill it names, one more source of that bill, as the e-mails announcing a bill are.
  const futureDebit = decision.kind === 'payment' && announcesFutureDebit(lines);
  const kind: DocumentKind = futureDebit ? 'invoice' : decision.kind;
  const order = options.dateOrder;
  const decimal = documentDecimalSeparator(
    lines.map((line) => ({ raw: line.raw, excluded: excludedSpans(dateSpans(line.raw, order)) })),
  );
  const facts = collectFacts(lines, kind, order, decimal);
  const values = facts.values;
  const amounts = withProseAmount(
    chooseAmounts(facts.amounts, kind, facts.tokens),
    kind,
    lines,
    values,
    order,
    decimal,
    futureDebit,
  );

  const invoiceId = best(values, 'invoiceId')?.value;
  if (futureDebit && invoiceId === undefined) return setAsideDebitNotice(file, firstLine, options);
  // An invoice number a letter quotes is a reference, never the customer nor the letter's own id
  // (issue 13: "votre facture Free Mobile n° FM2407-…", "votre facture Orange référence …").
  const invoiceIds = new Set(distinctValues(values, 'invoiceId', undefined));
  const quoted = (field: ValueFact['field']) => (fact: ValueFact) =>
    fact.field !== field || !invoiceIds.has(fact.value);
  const letterId = best(kind === 'invoice' ? values : values.filter(quoted('letterId')), 'letterId')?.value;
  const id = kind === 'invoice' ? (invoiceId ?? letterId) : letterId;
  const references = kind === 'invoice' ? [] : distinctValues(values, 'invoiceId', id);
  const accounts = kind === 'invoice' ? values : values.filter(quoted('account'));
  const account = best(accounts, 'account')?.value;
  // Issue 13: the other identifiers of the customer the text names (a line beside the customer number).
  const accountAliases = account === undefined ? [] : distinctValues(accounts, 'account', account);
  const period = best(values, 'period');
  if (!(decision.by !== 'mention' || numbered(invoiceId, letterId) || balanced(amounts)))
    throw new FatalInputError(file, NOT_A_BILL);
  const anythingRead =
    id !== undefined ||
    account !== undefined ||
    amounts.total !== undefined ||
    amounts.amountDue !== undefined ||
    values.length > 0 ||
    facts.amounts.length > 0;
  if (!anythingRead) throw new FatalInputError(file, NOT_A_BILL);

  const statedCurrency =
    mostCommon(amounts.tokens.flatMap((token) => (token.currency === undefined ? [] : [token.currency]))) ??
    mostCommon(facts.tokens.flatMap((token) => (token.currency === undefined ? [] : [token.currency]))) ??
    mostCommon(lines.flatMap((line) => line.words.flatMap((word) => CURRENCY_WORDS.get(word.text) ?? [])));
  // Issue 13: a text that names no currency is British by its lines or postcodes, else its euros are a guess.
  const inferredCurrency = statedCurrency === undefined ? currencyFromSignals(lines) : undefined;
  const currency = statedCurrency ?? inferredCurrency?.code ?? DEFAULT_CURRENCY;
  const currencyGuessed = statedCurrency === undefined && inferredCurrency === undefined;
  const country = detectCountry(lines, facts.labels, currency);

  // Issue 18: figures an OCR misread ("4Z,66 €") are no amounts, and a bill without any is not blank.
  const unreadable = unreadableAmount(lines, amounts);
  if (unreadable !== undefined && (kind === 'invoice' || kind === 'credit-note')) {
    return [
      {
        type: 'invalid',
        file,
        line: firstLine,
        reason: 'the amounts of this bill cannot be read (misread figures, as OCR makes them)',
        value: unreadable,
        ...(id === undefined ? {} : { documentId: id }),
        rows: 1,
      },
    ];
  }
  const issueDate = issueDateOf(kind, values, options.issueDate);
  // Only a bill says it is settled; a letter's "facture réglée" is about another document.
  const stated = kind === 'invoice' ? statedStatus(lines) : undefined;
  const document: BillingDocument = {
    kind,
    id,
    account: account ?? file,
    ...(accountAliases.length === 0 ? {} : { accountAliases }),
    issueDate,
    dueDate: ownDueDate(values, kind, issueDate),
    periodStart: period?.value,
    periodEnd: period?.end,
    effectiveDate: kind === 'termination' ? best(values, 'effectiveDate')?.value : undefined,
    currency,
    ...(currencyGuessed ? { currencyGuessed: true as const } : {}),
    ...(country === undefined ? {} : { country }),
    net: amounts.net,
    tax: amounts.tax,
    ...(kind === 'dunning'
      ? demanded(amounts, facts.tokens, facts.fees, facts.debtOnly)
      : { total: amounts.total, amountDue: amounts.amountDue }),
    ...(amounts.rounding === undefined ? {} : { rounding: amounts.rounding }),
    // The text reader reads labelled totals, never the lines of a bill; of a dunning letter, the fees it adds.
    lines:
      kind === 'dunning' ? facts.fees.map((fee) => ({ description: fee.description, total: fee.token.money })) : [],
    linesUnread: true,
    references,
    ...(stated === undefined ? {} : { status: stated.status }),
    ...(decision.title === undefined ? {} : { dunningTitle: decision.title }),
    // Where the document starts, not where its title is (DESIGN.md: the 1-based physical line).
    source: { file, line: firstLine, format: 'text' },
    amountStyle: withDateStyle(amountStyleOf(amounts.tokens, facts.tokens, decimal), lines, order),
    rows: 1,
  };
  const events: ParseEvent[] = [{ type: 'document', document }, ...numberCutNotices(values, id, references, file)];
  // A credit note whose amount was not read credits nothing in the rules: said, never silent (tryout 8).
  if (kind === 'credit-note' && [amounts.total, amounts.amountDue, amounts.net].every((amount) => amount === undefined))
    events.push({
      type: 'notice',
      file,
      line: firstLine,
      level: 'warning',
      code: 'credit-amount-unread',
      message: 'credit note read without its amount: no label of its total was recognised',
    });
  if (inferredCurrency !== undefined) {
    const message = currencyNoticeMessage(inferredCurrency);
    events.push({ type: 'notice', file, line: firstLine, level: 'info', code: 'currency', message });
  }
  if (stated === undefined) return events;
  events.push({
    type: 'notice',
    file,
    line: stated.line,
    level: 'info',
    code: 'status-from-text',
    message: `read as ${stated.status}: the bill says "${stated.said}"`,
  });
  return events;
}

/**
 * All a dunning letter demands: an agency writes the debt ("Principal restant dû : 0,01 €", "Balance
 * £54.00"), its fees, then their sum ("Total à régler : 40,01 €"), or leaves the sum unwritten. The
 * sum is the demand, whose fees are its lines: the rules take them off to judge the debt, as they do
 * for any reader's dunning letter. A fee line opens its own cell: "dont frais" (fees the figure
 * already holds) is none.
 *
 * Whether the figure chosen already holds the fees is read from the values (issue 13): it does when
 * the debt it leaves once the fees are taken off is written, as one figure ("Hauptforderung 39,95 €")
 * or as the bills the letter lists ("Invoice TH-1 … £61.50 / Invoice TH-2 … £24.00 / Late Payment Fee
 * £7.50 / Balance outstanding: £93.00"); it does not when its label names the debt alone
 * ("Hauptforderung", "Amount overdue"), nor when nothing says so (then the fees are added, as before).
 */
function demanded(
  amounts: ChosenAmounts,
  written: readonly AmountToken[],
  fees: readonly { token: AmountToken }[],
  debtOnly: ReadonlySet<AmountToken>,
): Pick<ChosenAmounts, 'amountDue' | 'total'> {
  const { amountDue, total } = amounts;
  if (amountDue === undefined || fees.length === 0) return { amountDue, total };
  const feeSum = fees.reduce((sum, fee) => sum.add(fee.token.money), Money.ZERO);
  const withFees = amountDue.add(feeSum);
  const added = { amountDue: withFees, total: total === undefined || total.eq(amountDue) ? withFees : total };
  if (amounts.tokens.some((token) => debtOnly.has(token) && token.money.eq(amountDue))) return added;
  const debt = amountDue.sub(feeSum);
  if (debt.isNegative() || debt.isZero()) return added;
  if (written.some((token) => token.money.abs().eq(debt)) || listedDebt(written, fees, amountDue)?.eq(debt))
    return { amountDue, total };
  return added;
}

/** The sum of a letter's figures that are neither its fees nor the demand itself: the bills it lists. */
function listedDebt(
  written: readonly AmountToken[],
  fees: readonly { token: AmountToken }[],
  demand: Money,
): Money | undefined {
  const feeTokens = new Set(fees.map((fee) => fee.token));
  const listed = written.filter((token) => !feeTokens.has(token) && !token.money.abs().eq(demand));
  if (listed.length < 2) return undefined;
  return listed.reduce((sum, token) => sum.add(token.money.abs()), Money.ZERO);
}

/**
 * A reminder, or a direct-debit notice, that says its amount in a sentence and labels none ("Your Three bill TH-100233 for
 * £24.00 is now overdue."): that amount is its demand, when it names one bill and one amount.
 */
function withProseAmount(
  amounts: ChosenAmounts,
  kind: DocumentKind,
  lines: readonly TextLine[],
  values: readonly ValueFact[],
  order: DateOrder | undefined,
  decimal: ',' | '.' | undefined,
  futureDebit: boolean,
): ChosenAmounts {
  const debitNotice = kind === 'invoice' && futureDebit;
  if (!(kind === 'dunning' || debitNotice) || amounts.amountDue !== undefined || amounts.total !== undefined)
    return amounts;
  const said = proseAmount(lines, distinctValues(values, 'invoiceId', undefined), order, decimal);
  if (said === undefined) return amounts;
  // A direct-debit notice says the bill's amount ("votre facture n° … soit 19,99 €, sera prélevé"): its total.
  if (debitNotice) return { ...amounts, total: said.money, tokens: [...amounts.tokens, said.token] };
  return { ...amounts, amountDue: said.money, total: said.money, tokens: [...amounts.tokens, said.token] };
}

/**
 * A number the document uses (its own, or a bill it names) that its line continues past what was
 * read: never cut silently (tryout 7: "0 612 345 678 07 26" read as "0 612 345 678", "10917<b>62601"
 * as "10917"). A warning, since two readings of a letter and its bill may then not join.
 */
function numberCutNotices(
  values: readonly ValueFact[],
  id: string | undefined,
  references: readonly string[],
  file: string,
): ParseEvent[] {
  const used = new Set(references);
  if (id !== undefined) used.add(id);
  const said = new Set<string>();
  const notices: ParseEvent[] = [];
  for (const fact of values) {
    if (fact.cut === undefined || !used.has(fact.value)) continue;
    if (fact.field !== 'invoiceId' && fact.field !== 'letterId') continue;
    const key = `${fact.value}\u0000${fact.cut.rest}`;
    if (said.has(key)) continue;
    said.add(key);
    const subject = fact.field === 'invoiceId' ? 'the invoice number' : 'the document number';
    notices.push({
      type: 'notice',
      file,
      line: fact.cut.line,
      level: 'warning',
      code: 'number-cut',
      message: `${subject} "${fact.value}" may be cut: "${fact.cut.rest}" follows it on the same line and is not read as part of it`,
    });
  }
  return notices;
}

/** A bill's date as its own label prints it ("Date de facture :", "Facture n° … du …", "émise le"). */
const BILL_DATE_PRIORITY = 35;

/**
 * The document's date. A letter is dated by what it bears outside its text (an e-mail's Date), else
 * by its header. A bill is dated by the date its text prints as the bill's, and the message carrying
 * it only when the text prints none: "Votre facture n° FA-… du 20/08/2026 … est disponible" sent on
 * 28/08 is the bill of 20/08, which its PDF also is (tryout 7: dated 28/08, the notice was taken for
 * another bill of the same number, and its account was not joined).
 */
function issueDateOf(
  kind: DocumentKind,
  values: readonly ValueFact[],
  outside: string | undefined,
): string | undefined {
  const stated = best(values, 'issueDate');
  if (outside === undefined) return stated?.value;
  const isBill = kind === 'invoice' || kind === 'credit-note';
  return isBill && stated !== undefined && stated.priority >= BILL_DATE_PRIORITY ? stated.value : outside;
}

/**
 * A letter's own deadline, never the due date of the invoice it quotes ("facture à régler avant le
 * 20/12/2023", "fällig am 20.02.2024", "originally due on May 21, 2024"): a date before the letter
 * itself is the quoted one. An invoice's due date is its own.
 */
function ownDueDate(
  values: readonly ValueFact[],
  kind: DocumentKind,
  issueDate: string | undefined,
): string | undefined {
  if (kind === 'invoice' || issueDate === undefined) return best(values, 'dueDate')?.value;
  return best(
    values.filter((fact) => fact.field !== 'dueDate' || fact.value >= issueDate),
    'dueDate',
  )?.value;
}

/**
 * A figure with letters an OCR takes for digits (O/o 0, I/l 1, S 5, Z 2, B 8) in it, before a currency:
 * "4Z,66 €", and in its decimals too: "9,9O €", "8,3Z €" (tryout 8).
 */
const MISREAD_AMOUNT =
  /(?<![\p{L}\d])(?=[\dOoIlSZB ]*\d)(?=[\dOoIlSZB ,.]*[OoIlSZB])[\dOoIlSZB]{1,3}(?:[ .][\dOoIlSZB]{3})*[,.][\dOoIlSZB]{2}(?=\s*(?:€|EUR\b))/u;

/**
 * The first misread figure of a text whose total could not be read; undefined when its total or what it
 * asks was read. Its tax alone says nothing of what was billed: "TVA 1,66 €" under "Total TTC 9,9O €" left
 * the bill without a total, silently (tryout 8), while "4Z,66 €" alone was reported.
 */
function unreadableAmount(lines: readonly { raw: string }[], amounts: ChosenAmounts): string | undefined {
  if (amounts.total !== undefined || amounts.amountDue !== undefined) return undefined;
  for (const line of lines) {
    const match = MISREAD_AMOUNT.exec(line.raw);
    if (match !== null) return match[0];
  }
  return undefined;
}

const NUMERIC_DATE = /(?:^|[^\d])(?:(\d{4})-\d{2}-\d{2}|\d{1,2}([./-])\d{1,2}\2\d{4})(?!\d)/;

/** Reports write dates back the way the bill wrote its first numeric date ("15/01/2024"). */
function withDateStyle(
  style: AmountStyle | undefined,
  lines: readonly { raw: string }[],
  order: DateOrder | undefined,
): AmountStyle | undefined {
  if (style === undefined) return undefined;
  for (const line of lines) {
    const match = NUMERIC_DATE.exec(line.raw);
    if (match === null) continue;
    const dates: DateStyle =
      match[1] !== undefined
        ? { order: 'ymd', separator: '-' }
        : { order: order === 'mdy' ? 'mdy' : 'dmy', separator: match[2] as '/' | '.' | '-' };
    return { ...style, dates };
  }
  return style;
}
