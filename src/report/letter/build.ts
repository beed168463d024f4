/**
 * Builds a letter from one account's findings and documents. It states only what the findings
 * and documents say (ids, dates, amounts, written as the bills write them) and the bases of
 * demands.ts for the letter's jurisdiction; what it cannot know is a [bracketed placeholder].
 */
import type { AmountStyle, BillingDocument } from '../../model/document.js';
import type { EvidenceValue, Finding } from '../../model/finding.js';
import { formatDate, formatMoney, formatNumber, isIsoDate } from '../../model/format.js';
import { Money } from '../../model/money.js';
import { printable } from '../sanitize.js';
import type { Jurisdiction, LetterLang } from './demands.js';
import { DEMAND_ORDER, DEMANDS, OBSERVATIONS, STANDARD_BASES, SUBSUMED_BY } from './demands.js';
import type { SentLetters } from './escalation.js';
import { escalationSteps, OFCOM_SIX_WEEKS_FROM } from './escalation.js';
import type { DisputedAmount, Letter, LetterDemand, LetterFact, LetterSourceRef, MediatorForm, Stage } from './letter.js';
import type { SenderDetails } from './sender.js';
import type { SourceId } from './sources.js';
import { SOURCES } from './sources.js';
import { fill, joinList, KIND_WORDS, longDate, PHRASES } from './words.js';

export interface LetterInput {
  readonly account: string;
  /** This account's findings (invalid-input excluded), sorted as the report sorts them. */
  readonly findings: readonly Finding[];
  /** This account's documents, as read. */
  readonly documents: readonly BillingDocument[];
  readonly styles: ReadonlyMap<string, AmountStyle>;
  readonly lang: LetterLang;
  readonly jurisdiction: Jurisdiction | undefined;
  readonly stage: Stage;
  /** The letters already sent; required for stage 2 and mediator. */
  readonly sent?: SentLetters;
  readonly today: string;
  readonly sender: SenderDetails;
}

const MONEY_KEYS = new Set(['amount', 'billed', 'credited', 'median', 'max', 'minAmount', 'owed', 'demanded']);

/** A document the letter names: one a finding points at, or one around it. */
interface Named {
  readonly key: string;
  readonly kind: BillingDocument['kind'];
  readonly id?: string;
  readonly date?: string;
  readonly amount?: Money;
  readonly currency: string;
  readonly style: AmountStyle | undefined;
  readonly findings: Finding[];
  readonly references: readonly string[];
  readonly effectiveDate?: string;
}

function locationKey(file: string, line: number): string {
  return `${file}\u0000${line}`;
}

function namedFromDocument(doc: BillingDocument, styles: ReadonlyMap<string, AmountStyle>): Named {
  const amount = doc.amountDue ?? doc.total;
  return {
    key: locationKey(doc.source.file, doc.source.line),
    kind: doc.kind,
    ...(doc.id === undefined ? {} : { id: printable(doc.id) }),
    ...(doc.issueDate === undefined ? {} : { date: doc.issueDate }),
    ...(amount === undefined ? {} : { amount }),
    currency: doc.currency,
    style: doc.amountStyle ?? styles.get(doc.source.file),
    findings: [],
    references: doc.references.map(printable),
    ...(doc.effectiveDate === undefined ? {} : { effectiveDate: doc.effectiveDate }),
  };
}

function namedFromFinding(finding: Finding, styles: ReadonlyMap<string, AmountStyle>): Named {
  const refs = finding.evidence.references;
  return {
    key: locationKey(finding.file, finding.line),
    kind: finding.documentKind ?? 'invoice',
    ...(finding.documentId === undefined ? {} : { id: printable(finding.documentId) }),
    ...(finding.date === undefined ? {} : { date: finding.date }),
    ...(finding.amount === undefined ? {} : { amount: Money.parse(finding.amount) }),
    currency: finding.currency ?? 'EUR',
    style: styles.get(finding.file),
    findings: [],
    references: Array.isArray(refs) ? refs.map(printable) : typeof finding.evidence.invoiceId === 'string' ? [printable(finding.evidence.invoiceId)] : [],
  };
}

/** The documents the findings point at, then those around them, in date order. */
function collectNamed(input: LetterInput): Named[] {
  const byLocation = new Map<string, BillingDocument>();
  for (const doc of input.documents) byLocation.set(locationKey(doc.source.file, doc.source.line), doc);
  const named = new Map<string, Named>();
  for (const finding of input.findings) {
    const key = locationKey(finding.file, finding.line);
    let entry = named.get(key);
    if (entry === undefined) {
      const doc = byLocation.get(key);
      entry = doc === undefined ? namedFromFinding(finding, input.styles) : namedFromDocument(doc, input.styles);
      named.set(key, entry);
    }
    entry.findings.push(finding);
  }
  const disputed = [...named.values()];
  const disputedIds = new Set(disputed.flatMap((entry) => (entry.id === undefined ? [] : [entry.id])));
  const referenced = new Set(disputed.flatMap((entry) => entry.references));
  const terminated = disputed.some((entry) => entry.findings.some((f) => f.ruleId === 'billed-after-termination'));
  for (const doc of input.documents) {
    const key = locationKey(doc.source.file, doc.source.line);
    if (named.has(key)) continue;
    const id = doc.id === undefined ? undefined : printable(doc.id);
    const context =
      (id !== undefined && referenced.has(id)) ||
      doc.references.some((ref) => disputedIds.has(printable(ref)) || referenced.has(printable(ref))) ||
      (terminated && doc.kind === 'termination');
    if (context) named.set(key, namedFromDocument(doc, input.styles));
  }
  return [...named.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.id ?? '').localeCompare(b.id ?? ''));
}

function evidenceText(key: string, value: EvidenceValue, named: Named): string | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(printable).join(', ');
  if (typeof value === 'number') return formatNumber(value, named.style);
  if (typeof value === 'boolean') return undefined;
  const text = value as string;
  if (MONEY_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(text)) return formatMoney(Money.parse(text), named.currency, named.style);
  if (isIsoDate(text)) return formatDate(text, named.style);
  return printable(text);
}

function placeholderValues(finding: Finding, named: Named): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(finding.evidence)) {
    const text = evidenceText(key, value, named);
    if (text !== undefined) values.set(key, text);
  }
  if (!values.has('amount') && finding.amount !== undefined) {
    values.set('amount', formatMoney(Money.parse(finding.amount), named.currency, named.style));
  }
  const invoice = finding.evidence.invoiceId ?? finding.evidence.invoice ?? finding.evidence.references;
  if (invoice !== undefined && invoice !== null && !values.has('invoice')) {
    values.set('invoice', Array.isArray(invoice) ? invoice.map(printable).join(', ') : printable(String(invoice)));
  }
  return values;
}

function amountText(named: Named): string | undefined {
  return named.amount === undefined ? undefined : formatMoney(named.amount, named.currency, named.style);
}

function dateText(named: Named): string {
  return named.date === undefined ? '[date]' : formatDate(named.date, named.style);
}

/** "la facture FAC-1 du 05/12/2023 (0,00 €)" / "invoice FAC-1 of 05/12/2023 (0.00 €)". */
function documentPhrase(named: Named, lang: LetterLang, withKind: boolean): string {
  const words = KIND_WORDS[lang][named.kind];
  const amount = amountText(named);
  const parts = [withKind ? words.one : '', named.id ?? '', `${PHRASES[lang].of} ${dateText(named)}`].filter((part) => part !== '');
  return `${parts.join(' ')}${amount === undefined ? '' : ` (${amount})`}`;
}

function documentsPhrase(list: readonly Named[], lang: LetterLang): string {
  const kinds = new Set(list.map((named) => named.kind));
  const first = list[0];
  if (list.length > 1 && kinds.size === 1 && first !== undefined) {
    return `${KIND_WORDS[lang][first.kind].many} ${joinList(list.map((named) => documentPhrase(named, lang, false)), lang)}`;
  }
  return joinList(list.map((named) => documentPhrase(named, lang, true)), lang);
}

function factOf(named: Named, lang: LetterLang): LetterFact {
  const words = KIND_WORDS[lang][named.kind];
  const amount = amountText(named);
  const observations: string[] = [];
  for (const finding of named.findings) {
    const entry = OBSERVATIONS[finding.ruleId];
    const text = entry === undefined ? undefined : fill(entry.observation[lang], placeholderValues(finding, named));
    if (text !== undefined && !observations.includes(text)) observations.push(text);
  }
  // A minor observation (a ceiling crossed) only speaks when no other finding explains the document.
  const minor = new Set(named.findings.filter((f) => OBSERVATIONS[f.ruleId]?.minor === true).map((f) => f.ruleId));
  if (minor.size > 0 && minor.size < new Set(named.findings.map((f) => f.ruleId)).size) {
    for (const finding of named.findings) {
      const entry = OBSERVATIONS[finding.ruleId];
      const text = entry?.minor === true ? fill(entry.observation[lang], placeholderValues(finding, named)) : undefined;
      const at = text === undefined ? -1 : observations.indexOf(text);
      if (at >= 0) observations.splice(at, 1);
    }
  }
  if (named.kind === 'termination' && named.effectiveDate !== undefined) {
    observations.push(`${lang === 'fr' ? 'prise d’effet le' : 'effective on'} ${formatDate(named.effectiveDate, named.style)}`);
  }
  const head = `${dateText(named)} : ${words.bare}${named.id === undefined ? '' : ` ${named.id}`}${amount === undefined ? '' : `, ${amount}`}`;
  const line = lang === 'fr' ? head : head.replace(' : ', ': ');
  return {
    ...(named.date === undefined ? {} : { date: named.date }),
    dateText: dateText(named),
    kind: named.kind,
    ...(named.id === undefined ? {} : { documentId: named.id }),
    ...(named.amount === undefined ? {} : { amount: named.amount.toFixed(2) }),
    currency: named.currency,
    text: observations.length === 0 ? line : `${line} ; ${observations.join(' ; ')}`.replace(/ ; /g, lang === 'fr' ? ' ; ' : '; '),
    disputed: named.findings.length > 0,
  };
}

function sourceRefs(ids: readonly SourceId[]): LetterSourceRef[] {
  return ids.map((id) => ({ title: SOURCES[id].title, url: SOURCES[id].url }));
}

function demandsOf(named: readonly Named[], input: LetterInput): LetterDemand[] {
  const groups = new Map<string, { ruleIds: string[]; docs: Named[] }>();
  for (const entry of named) {
    for (const finding of entry.findings) {
      const key = OBSERVATIONS[finding.ruleId]?.demandKey;
      if (key === undefined) continue;
      const group = groups.get(key) ?? { ruleIds: [], docs: [] };
      if (!group.ruleIds.includes(finding.ruleId)) group.ruleIds.push(finding.ruleId);
      if (!group.docs.includes(entry)) group.docs.push(entry);
      groups.set(key, group);
    }
  }
  for (const [vague, precise] of SUBSUMED_BY) {
    const group = groups.get(vague);
    const covered = groups.get(precise)?.docs ?? [];
    if (group === undefined) continue;
    const docs = group.docs.filter((doc) => !covered.includes(doc));
    if (docs.length === 0) groups.delete(vague);
    else groups.set(vague, { ruleIds: group.ruleIds, docs });
    if (docs.length < group.docs.length) groups.get(precise)?.ruleIds.push(...group.ruleIds);
  }
  const demands: LetterDemand[] = [];
  for (const key of DEMAND_ORDER) {
    const group = groups.get(key);
    const text = DEMANDS[key];
    if (group === undefined || text === undefined) continue;
    const demand = fill(text.demand[input.lang], new Map([['documents', documentsPhrase(group.docs, input.lang)]]));
    if (demand === undefined) continue;
    const legal = text.basis !== undefined && text.basis.jurisdiction === input.jurisdiction ? text.basis : STANDARD_BASES[key];
    demands.push({
      key,
      ruleIds: group.ruleIds,
      documentIds: group.docs.flatMap((doc) => (doc.id === undefined ? [] : [doc.id])),
      text: demand,
      ...(legal === undefined ? {} : { basis: { text: legal.text[input.lang], sources: sourceRefs(legal.sources) } }),
    });
  }
  return demands;
}

/**
 * What is in dispute, per currency: each disputed invoice or demand once; an invoice a disputed
 * demand claims is counted through the demand; a collection fee alone counts as the fee.
 */
function disputedAmounts(named: readonly Named[], lang: LetterLang): DisputedAmount[] {
  const disputed = named.filter((entry) => entry.findings.length > 0 && (entry.kind === 'invoice' || entry.kind === 'dunning'));
  const claimedByDemand = new Set(disputed.filter((entry) => entry.kind === 'dunning').flatMap((entry) => entry.references));
  const sums = new Map<string, { total: Money; style: AmountStyle | undefined }>();
  for (const entry of disputed) {
    if (entry.kind === 'invoice' && entry.id !== undefined && claimedByDemand.has(entry.id)) continue;
    const onlyFee = entry.findings.every((finding) => finding.ruleId === 'collection-fee-charged');
    const feeAmounts = entry.findings.flatMap((finding) => (typeof finding.evidence.amount === 'string' ? [Money.parse(finding.evidence.amount)] : []));
    const amount = onlyFee && feeAmounts.length > 0 ? Money.sum(feeAmounts) : entry.amount;
    if (amount === undefined) continue;
    const sum = sums.get(entry.currency) ?? { total: Money.ZERO, style: entry.style };
    sums.set(entry.currency, { total: sum.total.add(amount), style: sum.style });
  }
  return [...sums].map(([currency, { total, style }]) => ({
    amount: total.toFixed(2),
    currency,
    text: formatMoney(total, currency, style),
  }));
}

function senderBlock(input: LetterInput): string[] {
  const words = PHRASES[input.lang];
  const { sender } = input;
  return [
    sender.name ?? words.namePlaceholder,
    ...(sender.address ?? [words.addressPlaceholder]),
    `${words.customerNumber} : ${sender.customerNumber ?? printable(input.account)}`.replace(' : ', input.lang === 'fr' ? ' : ' : ': '),
    ...(sender.email === undefined ? [] : [sender.email]),
    ...(sender.phone === undefined ? [] : [sender.phone]),
  ];
}

function operatorOf(documents: readonly BillingDocument[]): string | undefined {
  const named = documents.find((doc) => doc.operator !== undefined && doc.operator.trim() !== '');
  return named?.operator === undefined ? undefined : printable(named.operator.trim());
}

const MEDIATOR_SITE = 'https://www.mediation-telecom.org';

function recipientBlock(input: LetterInput, operator: string | undefined): string[] {
  const fr = input.lang === 'fr';
  const name = operator ?? PHRASES[input.lang].operatorPlaceholder;
  if (input.stage === 'mediator') {
    return fr
      ? ['Médiation des communications électroniques', `Saisine en ligne : ${MEDIATOR_SITE}`]
      : ['Médiation des communications électroniques (French telecoms mediator)', `Online referral: ${MEDIATOR_SITE}`];
  }
  if (input.stage === '2' && input.jurisdiction === 'FR') {
    return fr
      ? [name, 'Service consommateurs', '[Adresse du service consommateurs, indiquée sur vos factures ou votre contrat]']
      : [name, 'Consumer service (service consommateurs)', '[Address of the consumer service, given on your bills or contract]'];
  }
  return fr
    ? [name, 'Service clients', '[Adresse du service clients, indiquée sur vos factures ou votre contrat]']
    : [name, input.jurisdiction === 'GB' ? 'Complaints team' : 'Customer service', '[Address given on your bills or contract]'];
}

function required(sent: SentLetters | undefined): SentLetters {
  if (sent === undefined) throw new RangeError('this stage needs the date of the letter already sent');
  return sent;
}

function subjectOf(input: LetterInput, operator: string | undefined, account: string): string {
  const fr = input.lang === 'fr';
  if (input.stage === 'mediator') {
    const who = operator ?? PHRASES[input.lang].operatorPlaceholder;
    return fr ? `Saisine du Médiateur des communications électroniques – litige avec ${who} – client n° ${account}` : `Referral to the Médiateur des communications électroniques – dispute with ${who} – account ${account}`;
  }
  if (input.stage === '2') {
    const first = longDate(required(input.sent).first, input.lang);
    return fr ? `Réclamation restée sans réponse satisfaisante – client n° ${account} – mon courrier du ${first}` : `Complaint not satisfactorily answered – account ${account} – my letter of ${first}`;
  }
  return fr ? `Réclamation – client n° ${account}` : `Complaint – account ${account}`;
}

function openingOf(input: LetterInput, operator: string | undefined, account: string): string[] {
  const fr = input.lang === 'fr';
  if (input.stage === 'mediator') {
    const sent = required(input.sent);
    const who = operator ?? PHRASES[input.lang].operatorPlaceholder;
    const dates = [longDate(sent.first, input.lang), ...(sent.second === undefined ? [] : [longDate(sent.second, input.lang)])];
    return fr
      ? [`Je vous saisis d’un litige avec ${who}, au titre du compte n° ${account}, que ${dates.length === 1 ? 'ma réclamation écrite' : 'mes réclamations écrites'} du ${dates.join(' et du ')} n’${dates.length === 1 ? 'a' : 'ont'} pas permis de régler.`]
      : [`I refer to you a dispute with ${who}, about account ${account}, which my written ${dates.length === 1 ? 'complaint' : 'complaints'} of ${joinList(dates, 'en')} ${dates.length === 1 ? 'has' : 'have'} not settled.`];
  }
  if (input.stage === '2') {
    const first = longDate(required(input.sent).first, input.lang);
    if (input.jurisdiction === 'FR') {
      return fr
        ? [`Par courrier du ${first}, j’ai adressé à votre service clients la réclamation reprise ci-dessous. Faute de réponse satisfaisante, je vous la soumets en tant que service consommateurs.`]
        : [`By my letter of ${first}, I sent your customer service the complaint set out below. As it has not been satisfactorily answered, I now submit it to your consumer service.`];
    }
    return fr
      ? [`Par courrier du ${first}, je vous ai adressé la réclamation reprise ci-dessous, restée sans réponse satisfaisante.`]
      : [`By my letter of ${first}, I sent you the complaint set out below, which has not been satisfactorily answered.`];
  }
  return fr
    ? [`Titulaire du compte n° ${account}, je conteste par la présente les documents ci-dessous, pour les raisons exposées.`]
    : [`As the holder of account ${account}, I dispute the documents below, for the reasons set out.`];
}

function nextStepOf(input: LetterInput): string {
  const fr = input.lang === 'fr';
  if (input.stage === 'mediator') {
    return fr
      ? 'Je vous remercie de m’indiquer si ma saisine est recevable et de me faire connaître votre proposition de solution.'
      : 'Please tell me whether my referral is admissible and let me know your proposed solution.';
  }
  if (input.jurisdiction === 'FR') {
    if (input.stage === '2') {
      return fr
        ? 'À défaut de réponse satisfaisante dans un délai d’un mois, je saisirai le Médiateur des communications électroniques.'
        : 'Without a satisfying answer within one month, I will refer the matter to the Médiateur des communications électroniques.';
    }
    return fr
      ? 'À défaut de réponse satisfaisante dans un délai d’un mois, je saisirai votre service consommateurs, puis, si nécessaire, le Médiateur des communications électroniques.'
      : 'Without a satisfying answer within one month, I will write to your consumer service and then, if needed, refer the matter to the Médiateur des communications électroniques.';
  }
  if (input.jurisdiction === 'GB') {
    // Ofcom counts from when the complaint was first made: known for a reminder, not for a letter not yet sent.
    const first = input.stage === '2' ? required(input.sent).first : undefined;
    const weeks = (first ?? input.today) >= OFCOM_SIX_WEEKS_FROM ? 6 : 8;
    const adr = first === undefined ? undefined : escalationSteps('GB', { first })[0];
    const words = weeks === 6 ? { fr: 'six', en: 'six' } : { fr: 'huit', en: 'eight' };
    if (fr) {
      return `Si ma réclamation n’est pas réglée ${adr === undefined ? `dans un délai de ${words.fr} semaines` : `d’ici le ${longDate(adr.date, 'fr')}`}, je la porterai devant votre organisme de règlement extrajudiciaire des litiges (ADR).`;
    }
    const when = adr === undefined ? `within ${words.en} weeks` : `by ${longDate(adr.date, 'en')} (${words.en} weeks after my first complaint)`;
    return `If my complaint is not resolved ${when}, I will take it to your alternative dispute resolution (ADR) scheme.`;
  }
  return fr
    ? 'À défaut de réponse satisfaisante, j’utiliserai les voies de recours à ma disposition.'
    : 'Without a satisfying answer, I will use the remedies open to me.';
}

function enclosuresOf(facts: readonly Named[], input: LetterInput): string[] {
  const words = PHRASES[input.lang];
  const fr = input.lang === 'fr';
  // "Copie de la facture", "Copie du courrier", "Copie de l’avoir": the French article contracts.
  const of = (phrase: string): string => phrase.replace(/^le /, 'du ').replace(/^la /, 'de la ').replace(/^l’/, 'de l’');
  const list = facts.map((named) => `${words.copyOf} ${fr ? of(documentPhrase(named, 'fr', true)) : `of ${documentPhrase(named, 'en', true)}`}`);
  if (input.stage !== '1') {
    const sent = required(input.sent);
    list.push(fr ? `Copie de mon courrier du ${longDate(sent.first, 'fr')} au service clients` : `Copy of my letter of ${longDate(sent.first, 'en')}`);
  }
  if (input.stage === 'mediator') {
    const sent = required(input.sent);
    if (sent.second !== undefined) {
      list.push(fr ? `Copie de mon courrier du ${longDate(sent.second, 'fr')} au service consommateurs` : `Copy of my letter of ${longDate(sent.second, 'en')} to the consumer service`);
    }
    list.push(fr ? '[Copie des réponses reçues de l’opérateur, le cas échéant]' : '[Copies of any answers received from the operator]');
  }
  return list;
}

function mediatorFormOf(input: LetterInput, operator: string | undefined, account: string, disputed: readonly DisputedAmount[], demands: readonly LetterDemand[]): MediatorForm {
  const sent = required(input.sent);
  const dates = [sent.first, ...(sent.second === undefined ? [] : [sent.second])];
  return {
    operator: operator ?? PHRASES[input.lang].operatorPlaceholder,
    customerNumber: input.sender.customerNumber ?? account,
    complaintDates: dates,
    complaintDatesText: dates.map((date) => longDate(date, input.lang)),
    amountInDispute: disputed,
    request: demands.map((demand) => demand.text),
  };
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
  const operator = operatorOf(input.documents);
  const named = collectNamed(input);
  const facts = named.map((entry) => factOf(entry, input.lang));
  const demands = demandsOf(named, input);
  const disputed = disputedAmounts(named, input.lang);
  const fr = input.lang === 'fr';
  const disputedText = disputed.map((amount) => amount.text).join(' + ');
  const city = input.sender.city ?? words.cityPlaceholder;
  return {
    version: 1,
    lang: input.lang,
    stage: input.stage,
    ...(input.jurisdiction === undefined ? {} : { jurisdiction: input.jurisdiction }),
    account,
    date: input.today,
    placeAndDate: fr ? `${city}, le ${longDate(input.today, 'fr')}` : `${city}, ${longDate(input.today, 'en')}`,
    sender: senderBlock(input),
    recipient: recipientBlock(input, operator),
    sending: input.stage === 'mediator' ? (fr ? 'Saisine en ligne' : 'Online referral') : sendingOf(input),
    subject: subjectOf(input, operator, account),
    salutation: words.salutation,
    opening: openingOf(input, operator, account),
    factsHeading: words.factsHeading,
    facts,
    demandsHeading: words.demandsHeading,
    // To the Médiateur, the demands are what the operator is asked to do.
    demandsIntro:
      input.stage === 'mediator'
        ? fr
          ? `Je demande à ${operator ?? words.operatorPlaceholder} de :`
          : `I ask ${operator ?? words.operatorPlaceholder} to:`
        : words.demandsIntro,
    basisLabel: words.basisLabel,
    demands,
    disputedHeading: words.disputedHeading,
    disputed,
    undisputed: fr
      ? `Cette réclamation ne porte que sur les documents ci-dessus${disputed.length === 0 ? '' : ` (montant contesté : ${disputedText})`} ; je règle la part non contestée de mes factures.`
      : `This complaint concerns only the documents above${disputed.length === 0 ? '' : ` (amount in dispute: ${disputedText})`}; I pay the undisputed part of my bills.`,
    deadline: input.stage === 'mediator' ? '' : words.deadline,
    nextStep: nextStepOf(input),
    ...(input.stage === 'mediator' ? { mediatorForm: mediatorFormOf(input, operator, account, disputed, demands) } : {}),
    closing: words.closing,
    signature: [input.sender.name ?? words.namePlaceholder],
    enclosuresHeading: words.enclosuresHeading,
    enclosures: enclosuresOf(named, input),
  };
}
