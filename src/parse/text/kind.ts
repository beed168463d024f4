/**
 * What kind of document a text is. A title decides ("FACTURE", "Avoir n° …", "Objet : Mise en
 * demeure"); without one, the phrases of the first page vote. Invoices mention "relance" and
 * "mise en demeure" in their fine print ("sans mise en demeure préalable", "frais de relance"),
 * and letters mention invoices, so a mention counts far less than a title.
 */
import type { DocumentKind, DunningTitle } from '../../model/document.js';
import { documentKindFrom, dunningTitleFrom } from '../values/kinds.js';
import { normalizeLabel } from '../values/normalize.js';
import type { TextLine } from './lines.js';

const LINES_LOOKED_AT = 80;
const SUBJECT_WORDS = new Set(['objet', 'subject', 'betreff', 'onderwerp', 'concerne', 're', 'sujet']);
/** Words a title starts with; "Date limite de paiement" is no payment title. */
const TITLE_WORDS = new Set([
  'facture',
  'factures',
  'invoice',
  'tax',
  'rechnung',
  'factuur',
  'bill',
  'avoir',
  'credit',
  'gutschrift',
  'creditnota',
  'note',
  'relance',
  'rappel',
  'mise',
  'reminder',
  'final',
  'formal',
  'last',
  'second',
  'mahnung',
  'zahlungserinnerung',
  // A German reminder's rank written out before its title: "Letzte Mahnung" (the final reminder),
  // "Erste / Zweite / Dritte Mahnung"; "2. Mahnung" is the ranked form below.
  'letzte',
  'erste',
  'zweite',
  'dritte',
  // "Notice of outstanding balance", "Zahlungsaufforderung", "Forderungsaufstellung" (issue 13: agencies' titles).
  'notice',
  'zahlungsaufforderung',
  'forderungsaufstellung',
  'aanmaning',
  'herinnering',
  'betalingsherinnering',
  'confirmation',
  'resiliation',
  'termination',
  'cancellation',
  'kundigung',
  'kundigungsbestatigung',
  'opzegging',
  'bevestiging',
  'avis',
  'dernier',
  'derniere',
  'lettre',
  // UK collection letters: "LETTER BEFORE ACTION", "DEMAND FOR PAYMENT" above the invoice number they quote.
  'letter',
  'demand',
  'recu',
  'payment',
  'votre',
  'your',
  'premiere',
  'deuxieme',
  '1ere',
  '2e',
  '2eme',
  'fin',
  'ihre',
  'uw',
  'faktura',
  'rachunek',
  'korekta',
  'wezwanie',
  'past',
  'overdue',
]);
/**
 * Polish titles, which the shared kind table does not know yet. A corrected invoice ("faktura
 * korygująca") reduces what is owed, as a credit note does.
 */
const POLISH_KINDS: readonly (readonly [DocumentKind, RegExp])[] = [
  ['dunning', /\b(?:wezwanie do zaplaty|przedsadowe wezwanie|monit)\b/],
  ['credit-note', /\b(?:faktura korygujaca|korekta faktury|nota korygujaca)\b/],
  ['invoice', /\b(?:faktura|faktury|rachunek)\b/],
];

function kindOf(text: string): DocumentKind | undefined {
  const kind = documentKindFrom(text);
  if (kind !== undefined) return kind;
  const folded = normalizeLabel(text).replaceAll('ł', 'l');
  return POLISH_KINDS.find(([, pattern]) => pattern.test(folded))?.[0];
}
const TITLE_MAX_WORDS = 7;
/** The words of a subject that name the document's kind when they name one: "Mise en demeure", "Votre facture". */
const SUBJECT_HEAD_WORDS = 3;
const POSSESSIVES = new Set(['votre', 'your', 'ihre', 'uw']);
const KIND_ORDER: readonly DocumentKind[] = ['dunning', 'termination', 'credit-note', 'payment', 'invoice'];

/**
 * Phrases of a letter's body that name its kind even without a title. A collection agency says it
 * acts on a mandate ("Nous avons été mandatés par la société SFR", "Notre mandant … nous a confié le
 * recouvrement"; CPCE R124-4 has it name the creditor it collects for): without a subject, its letter
 * was read as the bill it quotes (issue 16).
 */
const BODY_PHRASES: readonly (readonly [DocumentKind, RegExp])[] = [
  [
    'dunning',
    /\b(?:mettons en demeure|reste(?:nt)? impayee?s?|n avons pas (?:encore )?recu (?:le|votre) (?:reglement|paiement)|sauf erreur de (?:notre|ma) part|(?:n avons|n a|on n a) toujours pas recu (?:le|votre) (?:reglement|paiement)|malgre (?:nos|notre) relances?|has not been paid|remains unpaid|overdue|en souffrance|is still outstanding|passed your (?:account|debt) to us|pay the outstanding balance|despite (?:our|their) reminders|notice of debt assignment|notre mandant|nous a confie le recouvrement|(?:avons ete|sommes|a ete) mandatee?s? (?:par|pour)|nous a mandatee?s?|nous a chargee?s? du recouvrement|keinen zahlungseingang|noch nicht (?:bezahlt|beglichen|ausgeglichen)|(?:ist|sind) noch offen|zahlungsruckstand|(?:we have not|we haven t|we still haven t|we have still not) (?:yet )?received (?:your |the |any )?payment|ne nous est pas parvenu|n est pas parvenu)\b/,
  ],
  [
    'termination',
    /\b(?:confirmons (?:la|votre) resiliation|prendra effet le|resiliation de votre|confirm (?:the )?(?:termination|cancellation)|contract will end)\b/,
  ],
  ['credit-note', /\b(?:avoir d un montant|vous rembourser|credit note for)\b/],
];
/** Mentions that say nothing about the document itself. */
const FINE_PRINT =
  /\b(?:sans mise en demeure|frais de relance|en cas de resiliation|conditions de resiliation|avant toute mise en demeure|late payment|resiliation anticipee)\b/;

/**
 * A plural bill word before numbers names the bills a letter is about ("Factures : FA-1, FA-2",
 * "Objet : Vos factures n° FA-1 et FA-2"): no title of the text itself, which is one document.
 */
const SEVERAL_BILLS =
  /^(?:(?:les|vos|des|your|the|ihre|die|uw)\s+)?(?:factures|invoices|bills|rechnungen|facturen)\b.*\d/;

/**
 * A label naming the bill a letter is about ("Facture concernée : RED-0826-77120" on a credit note
 * announced by e-mail, tryout 8; "Facture d'origine", "Invoice reference"): a field, no title.
 */
const REFERENCING_LABEL =
  /^(?:facture|invoice|bill) (?:concernee|de reference|d origine|initiale|associee|rectifiee|corrigee|annulee)\b/;

function namesSeveralBills(folded: string): boolean {
  return SEVERAL_BILLS.test(folded.trim());
}

export interface KindDecision {
  readonly kind: DocumentKind;
  /** Physical line of the title or of the phrase that decided. */
  readonly line: number;
  /**
   * What decided. A subject, a title or a letter's phrase says the text is a bill or a letter;
   * a kind word merely mentioned ("facture" in a note, in a program's strings) does not.
   */
  readonly by: 'subject' | 'title' | 'phrase' | 'mention';
  /** A dunning letter's title ("Mise en demeure", "Final Demand"), from its subject or a title of its head. */
  readonly title?: DunningTitle;
}

/** "Nous vous mettons en demeure de régler…": the letter puts the reader on notice, whatever its title says. */
const PUTS_ON_NOTICE = /\b(?:vous mettons en demeure|vous met en demeure)\b/;

/**
 * A title or a subject is printed as words: a kind word inside quotes, after "//" or "*" is a
 * program's string or comment, however it folds.
 */
const STARTS_AS_WORDS = /^\s*[\p{L}\p{N}]/u;

function firstFoldedWords(folded: string): string[] {
  return folded
    .trim()
    .split(/\s+/)
    .slice(0, TITLE_MAX_WORDS + 2);
}

function dunningPhraseLine(head: readonly TextLine[]): number | undefined {
  const dunning = BODY_PHRASES.find(([kind]) => kind === 'dunning')?.[1];
  return head.find((line) => dunning !== undefined && !FINE_PRINT.test(line.folded) && dunning.test(line.folded))?.no;
}

function dunningPhraseIn(head: readonly TextLine[]): boolean {
  return dunningPhraseLine(head) !== undefined;
}

/** A subject line's text after its label ("Objet : Mise en demeure de payer"), or undefined. */
function subjectOf(line: TextLine): string | undefined {
  const words = firstFoldedWords(line.folded);
  if (!SUBJECT_WORDS.has(words[0] ?? '') || !STARTS_AS_WORDS.test(line.raw)) return undefined;
  return line.raw.replace(/^\s*\S+\s*:?/u, '').slice(0, 120);
}

/** The line's titles: short cells starting with a kind word, with the kind each names. */
function titlesOf(line: TextLine): { text: string; kind: DocumentKind }[] {
  const found: { text: string; kind: DocumentKind }[] = [];
  if (FINE_PRINT.test(line.folded)) return found;
  for (const cell of line.cells) {
    const folded = line.folded.slice(cell.start, cell.end).trim().split(/\s+/);
    const first = folded[0] ?? '';
    // "2. Mahnung", "3. Zahlungserinnerung": a reminder's rank before its title.
    const ranked = /^[1-9]$/.test(first);
    if (!(TITLE_WORDS.has(first) || ranked) || !STARTS_AS_WORDS.test(cell.text)) continue;
    if (namesSeveralBills(folded.join(' '))) continue;
    if (REFERENCING_LABEL.test(folded.join(' '))) continue;
    // A sentence that starts like a title ("Votre facture n° 12 reste impayée…") is no title. Words
    // are counted as printed: folding splits "AV-RED-0826-0091 du 18/08/2026" into seven (tryout 8).
    const printedWords = cell.text.trim().split(/\s+/).length;
    if (printedWords > (POSSESSIVES.has(first) ? 5 : 8)) continue;
    const text = cell.text.slice(0, 120);
    const kind = kindOf(text);
    if (ranked && (kind !== 'dunning' || folded.length > 3)) continue;
    if (kind !== undefined) found.push({ text, kind });
  }
  return found;
}

function firstTitle(head: readonly TextLine[]): KindDecision | undefined {
  for (const line of head) {
    const title = titlesOf(line)[0];
    if (title !== undefined) return { kind: title.kind, line: line.no, by: 'title' };
  }
  return undefined;
}

/**
 * A debt buyer's "Notice of assignment" (Lowell's, Cabot's: the account was sold to it) is a dunning
 * letter when it demands payment, and no bill nor letter billcheck judges when it only informs; the
 * bills it lists are never its own (issue 13). Cabot's says "the balance is owed to us" and "any
 * payments should be made to Cabot" (tryout 6): a demand too.
 */
const ASSIGNMENT_TITLE = /^notice of (?:debt )?assignment\b/;
const DEMANDS_PAYMENT =
  /\b(?:please pay|pay the (?:balance|outstanding|amount)|balance outstanding|outstanding balance|amount (?:due|outstanding|owed|overdue)|total due|now due|make (?:a )?payment|payments? should be made to|(?:is|are) (?:now )?owed to us|contact us (?:within \d+ days )?to pay)\b/;

function assignmentLine(head: readonly TextLine[]): number | undefined {
  for (const line of head) {
    const titled = line.cells.some((cell) => {
      const words = line.folded.slice(cell.start, cell.end).trim();
      return ASSIGNMENT_TITLE.test(words) && words.split(/\s+/).length <= TITLE_MAX_WORDS;
    });
    if (titled) return line.no;
  }
  return undefined;
}

export function detectKind(lines: readonly TextLine[]): KindDecision | undefined {
  // The first printed page: a PDF may open on a blank one.
  const firstPage = lines[0]?.page;
  const head = lines.filter((line) => line.page === firstPage).slice(0, LINES_LOOKED_AT);
  const assignment = assignmentLine(head);
  const titled = firstTitle(head);
  if (assignment !== undefined && (titled === undefined || assignment <= titled.line)) {
    const demands = head.some((line) => !FINE_PRINT.test(line.folded) && DEMANDS_PAYMENT.test(line.folded));
    return demands ? { kind: 'dunning', line: assignment, by: 'title' } : undefined;
  }
  const decision = decideKind(head);
  if (decision?.kind !== 'dunning') return decision;
  const title = dunningTitleIn(head, decision.line);
  return title === undefined ? decision : { ...decision, title };
}

/**
 * A dunning letter's title: the deciding subject's or title's, else the first subject or title of
 * its head that names one ("Objet : Facture n° 12 impayée" above "MISE EN DEMEURE"), else a formal
 * notice when its body puts the reader on notice.
 */
function dunningTitleIn(head: readonly TextLine[], decidingLine: number): DunningTitle | undefined {
  const deciding = head.filter((line) => line.no === decidingLine);
  for (const line of [...deciding, ...head]) {
    const subject = subjectOf(line);
    const texts = subject === undefined ? titlesOf(line).map((title) => title.text) : [subject];
    for (const text of texts) {
      const title = dunningTitleFrom(text);
      if (title !== undefined) return title;
    }
  }
  const onNotice = head.some((line) => !FINE_PRINT.test(line.folded) && PUTS_ON_NOTICE.test(line.folded));
  return onNotice ? 'formal-notice' : undefined;
}

/**
 * A subject that thanks before it names: "Thanks for your payment" (Vodafone UK's e-mail, tryout 6),
 * "Merci pour votre paiement", "Vielen Dank für Ihre Zahlung". Its kind comes after the thanks; read
 * as a cause, the e-mail's "Bill number:" made it an invoice with no amount.
 */
const THANKS = /^(?:thanks|thank you|many thanks|merci|vielen dank|danke)\s+(?:for|pour|de|f(?:ü|ue?)r)\s+/i;

function decideKind(head: readonly TextLine[]): KindDecision | undefined {
  const titled = firstTitle(head);
  // 1. A subject line: "Objet : Mise en demeure de payer".
  for (const line of head) {
    const subject = subjectOf(line);
    if (subject === undefined || namesSeveralBills(normalizeLabel(subject))) continue;
    const kind = kindOf(subject);
    if (kind === undefined) continue;
    // A subject that names a kind only further on gives a cause, not a kind: "AVOIR … Objet :
    // régularisation suite à résiliation" is a credit note. Then a title says more.
    const headWords = subject.trim().replace(THANKS, '').split(/\s+/).slice(0, SUBJECT_HEAD_WORDS).join(' ');
    const named = kindOf(headWords) !== undefined;
    if (!named && titled !== undefined) break;
    // A reminder typed as a reply keeps the invoice's subject ("RE: facture mars"), and "Votre facture est en
    // attente de paiement" names a payment it is waiting for: the body, which demands payment, says what it is.
    if ((kind === 'invoice' || kind === 'payment') && dunningPhraseIn(head))
      return { kind: 'dunning', line: line.no, by: 'subject' };
    return { kind, line: line.no, by: 'subject' };
  }
  // 2. A title: a short cell starting with a kind word. A reminder that lists its bills after its
  // demand ("We still haven't received payment for: / Invoice EE-B-4120 £25.00") names them, no title.
  if (titled !== undefined) {
    const demand = titled.kind === 'invoice' ? dunningPhraseLine(head) : undefined;
    if (demand !== undefined && demand < titled.line) return { kind: 'dunning', line: demand, by: 'phrase' };
    return titled;
  }
  // 3. Mentions and body phrases vote.
  const votes = new Map<DocumentKind, { count: number; line: number; phrase: boolean }>();
  const vote = (kind: DocumentKind, weight: number, line: number, phrase: boolean): void => {
    const current = votes.get(kind);
    votes.set(kind, {
      count: (current?.count ?? 0) + weight,
      line: current?.line ?? line,
      phrase: phrase || (current?.phrase ?? false),
    });
  };
  for (const line of head) {
    if (FINE_PRINT.test(line.folded)) continue;
    for (const [kind, pattern] of BODY_PHRASES) if (pattern.test(line.folded)) vote(kind, 2, line.no, true);
    const kind = kindOf(line.raw.slice(0, 300));
    if (kind !== undefined) vote(kind, 1, line.no, false);
  }
  let best: KindDecision | undefined;
  let bestCount = 0;
  for (const kind of KIND_ORDER) {
    const current = votes.get(kind);
    if (current !== undefined && current.count > bestCount) {
      best = { kind, line: current.line, by: current.phrase ? 'phrase' : 'mention' };
      bestCount = current.count;
    }
  }
  return best;
}
