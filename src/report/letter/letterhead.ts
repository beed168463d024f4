/**
 * What the head of a bill or letter says about who wrote it, for the letter's recipient block:
 * the operator (its brand in the letterhead, or the creditor a collection agency names as its
 * client) and the customer-service address when the operator prints one under its name. How a
 * dunning letter titles itself is the text reader's decision (BillingDocument.dunningTitle). Only
 * what the text says is taken; nothing is guessed from a phone number or a domain. The reader
 * works on the text as the check read it.
 *
 * A debt purchaser's letter (Lowell's or Cabot's "Notice of assignment", a French "notification de
 * cession de créance", a German "Abtretungsanzeige") says the debt was sold to its sender: the
 * sums are then owed to, and disputed with, the purchaser (Lowell: "once a debt is sold, the
 * outstanding balance is legally owed to the new company"; Que Choisir, "Recouvrement de créance
 * cédée", 2020: the original creditor "n'est plus propriétaire de la créance"). A collection
 * agency acting on the operator's behalf (mandataire, Mandant, "on behalf of") buys nothing: the
 * complaint stays the operator's.
 */
import { printable } from '../sanitize.js';

export interface ServiceAddress {
  /** Which service the address is for, as the document names it. */
  readonly service: 'customer' | 'consumer';
  /** The lines after the operator's name: the service, then the postal address. */
  readonly lines: readonly string[];
}

/** The company that says it bought the debt, as its letterhead names it. */
export interface Purchaser {
  readonly name: string;
  /** Its postal address as the letterhead prints it (the lines under its name, to a postcode). */
  readonly lines: readonly string[];
}

export interface Letterhead {
  /** The operator: the original creditor when a purchaser wrote the letter. */
  readonly operator?: string;
  /**
   * The collection agency that wrote the letter for the operator it names (its "Créancier :",
   * "Mandant :"), as its letterhead names it: the letter calls the document the agency's.
   */
  readonly agency?: string;
  readonly address?: ServiceAddress;
  readonly purchaser?: Purchaser;
}

/**
 * Telecom brands as they print themselves, longest first so that "Free Mobile" wins over "Free".
 * Short or common words (Free, Orange, Three, Sky, EE, BT, O2) count only with their capitals, at
 * the start of a letterhead line or after a creditor label, never inside a sentence.
 */
const BRANDS: readonly string[] = [
  'Bouygues Telecom',
  'RED by SFR',
  'Free Mobile',
  'La Poste Mobile',
  'NRJ Mobile',
  'Prixtel',
  'Coriolis Télécom',
  'Sosh',
  'B&You',
  'SFR',
  'Orange',
  'Free',
  'Virgin Media',
  'TalkTalk',
  'Vodafone',
  'Telekom',
  'Three',
  'Sky',
  'EE',
  'BT',
  'O2',
];

/** Lines of the head of the document: a letterhead and its reference block fit in these. */
const HEAD_LINES = 30;
const MAX_NAME = 80;

/**
 * "Mandant : SFR SA", "Créancier : SFR", "On behalf of: EE" (not "Client :", which names the
 * customer); a purchaser's "Original creditor:", "Créancier d'origine :", "Cédant :",
 * "Ursprünglicher Gläubiger:", "Zedent:".
 */
const CREDITOR_LABEL =
  /^\s*(?:mandant|cr[ée]ancier(?: (?:d['’]origine|initial|originel))?|c[ée]dant|donneur d['’]ordre|creditor|on behalf of|original creditor|previous creditor|urspr[üu]nglicher gl[äa]ubiger|zedent(?:in)?)\s*:\s*(.+?)\s*$/i;

/** Lines of a purchaser's letter in which it says it bought the debt (its body, below the head). */
const ASSIGNMENT_LINES = 60;
/**
 * What a purchaser writes, and an agency never does: the account or debt was sold or assigned to
 * it. Folded text (lower case, no accents). Sources: Lowell UK's process page and notices ("we have
 * purchased your account from"), Cabot's FAQ ("Notice of Assignment", "we've purchased your
 * debt"), Code civil art. 1321-1324 wording ("cession de créance", "cédée"), BGB § 398 wording
 * ("Abtretung", "abgetreten", "Forderungskauf").
 */
const SOLD =
  /\b(?:(?:purchased|bought|acquired) (?:your|the|this)(?: [\w&]+){0,3} (?:account|debt)|(?:has|have) (?:sold|assigned|transferred) (?:your|the|this)(?: [\w&]+){0,3} (?:account|debt)|(?:account|debt) (?:has been|have been|was|were) (?:sold|assigned|transferred)|nous a cede (?:votre|la|cette) creance|cession de (?:la |votre |vos )?creances?|creances? (?:a|ont) ete cedees?|(?:avons|a) (?:rachete|acquis) (?:votre|la|cette) creance|abtretungsanzeige|forderungskauf|forderung\b.{0,60}\babgetreten|abgetreten\b.{0,40}\bforderung)/;

/**
 * "Notice of assignment" alone: a purchaser's title, unless the letter says it collects for
 * another (NORTHGATE's "Notice of debt assignment to collections ... passed your account to us to
 * collect" is an agency's placement, not a sale).
 */
const ASSIGNMENT_TITLE = /\bnotice of (?:debt )?assignment\b(?! to collections?)/;
const COLLECTS_FOR_ANOTHER =
  /\b(?:on behalf of|(?:passed|referred|placed) your (?:account|debt) (?:to|with) us|pour le compte de|mandataire|notre mandant|im auftrag|unser(?:e|em|es)? mandant(?:in)?)\b/;

function saysSold(lines: readonly string[]): boolean {
  const texts = lines.map(folded);
  if (texts.some((line) => SOLD.test(line))) return true;
  return texts.some((line) => ASSIGNMENT_TITLE.test(line)) && !texts.some((line) => COLLECTS_FOR_ANOTHER.test(line));
}

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, ' ');
}
/** A postcode line ends a postal address: "69947 Lyon Cedex 20", "London SW1A 1AA", "San Jose, CA 95101". */
const POSTCODE = /(?:^|\s)\d{5}\s+\p{L}|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$/u;
const CUSTOMER_SERVICE = /\bservice\s+clients?\b|\bcustomer\s+services?\b/i;
const OTHER_DEPARTMENT = /r[ée]siliation|recouvrement|contentieux|termination|cancellation|collections?\b/i;
const CONSUMER_SERVICE = /\bservice\s+(?:consommateurs?|national\s+consommateurs?)\b/i;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A brand as it prints itself, or in capitals at the head of a letterhead ("BOUYGUES TELECOM" heads
 * a Bouygues bill as pdftotext prints it); never in any other case, so "orange" stays a colour. A
 * creditor label keeps its own form ("Créancier : ORANGE SA" names the company as the agency does).
 */
function brandForms(brand: string): string {
  const upper = brand.toUpperCase();
  return upper === brand ? escape(brand) : `(?:${escape(brand)}|${escape(upper)})`;
}

const BRAND_PATTERNS = BRANDS.map((brand) => ({
  brand,
  // At a word boundary, followed by nothing that makes it another word ("Orangeraie", "SFR-like").
  at: new RegExp(`(?:^|[\\s:,(])${escape(brand)}(?=$|[\\s,.;)–-])`, 'u'),
  start: new RegExp(`^\\s*${brandForms(brand)}(?=$|[\\s,.;–-])`, 'u'),
}));

function brandIn(text: string, anchored: boolean): string | undefined {
  return BRAND_PATTERNS.find((pattern) => (anchored ? pattern.start : pattern.at).test(text))?.brand;
}

function cleanName(text: string): string | undefined {
  const name = printable(text).replace(/\s+/g, ' ').trim();
  return name === '' || name.length > MAX_NAME ? undefined : name;
}

/**
 * "Service Clients SFR - TSA 30103 - 69947 LYON CEDEX 20": an address on one line, its parts
 * joined by dashes, as operators print it at the foot of a bill or under their logo. Split into
 * its lines when it ends with a postcode; any other line stays whole ("Saint-Priest" has no spaces
 * around its dash).
 */
const ONE_LINE_PARTS = /\s+[-–]\s+/;

function addressLines(text: string): string[] {
  const parts = text.split(ONE_LINE_PARTS).map((part) => part.trim());
  return parts.length > 1 && POSTCODE.test(parts[parts.length - 1] ?? '') ? parts : [text];
}

/** A block of address lines ending at a postcode, if it names the customer or consumer service and no other department. */
function serviceAddressOf(block: readonly string[]): ServiceAddress | undefined {
  const service = block.find((line) => CONSUMER_SERVICE.test(line) || CUSTOMER_SERVICE.test(line));
  // A termination or collection department's address is not where a complaint goes.
  if (service === undefined || block.length < 2 || block.some((line) => OTHER_DEPARTMENT.test(line))) return undefined;
  const cleaned = block.flatMap((line) => {
    const clean = cleanName(line);
    return clean === undefined ? [] : [clean];
  });
  return { service: CONSUMER_SERVICE.test(service) ? 'consumer' : 'customer', lines: cleaned };
}

/** How far a line of a block may start from its first line's column and still belong to it. */
const COLUMN_SLACK = 4;

/**
 * The cell of a line that starts at a column (give or take COLUMN_SLACK): cells are cut at three
 * spaces or more, as `pdftotext -layout` separates a letterhead's columns.
 */
function cellAt(line: string, column: number): string {
  for (const cell of line.matchAll(/\S+(?:\s{1,2}\S+)*/g)) {
    if (Math.abs(cell.index - column) <= COLUMN_SLACK) return cell[0];
  }
  return '';
}

/** Where a line's text starts: a letterhead printed on the right of the page starts far in. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The operator's address block: the lines under its name, from the service's name to a postcode. */
function addressAfter(lines: readonly string[], at: number): ServiceAddress | undefined {
  const block: string[] = [];
  // The operator's column, left or right: the customer's own block sits in the other one.
  const column = indentOf(lines[at] ?? '');
  for (let i = at + 1; i < lines.length && block.length < 5; i++) {
    const text = cellAt(lines[i] ?? '', column).trim();
    if (text === '') break;
    const parts = addressLines(text);
    for (const part of parts) block.push(part);
    if (POSTCODE.test(parts[parts.length - 1] ?? '')) return serviceAddressOf(block);
  }
  return undefined;
}

/** The service's one-line address anywhere in the text read (a bill's foot), when its head gives none. */
function footAddress(text: string): ServiceAddress | undefined {
  for (const line of text.split(/\r?\n/)) {
    const parts = addressLines(line.trim());
    if (parts.length < 2) continue;
    const address = serviceAddressOf(parts);
    if (address !== undefined) return address;
  }
  return undefined;
}

export function readLetterhead(text: string): Letterhead {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, HEAD_LINES);
  const purchaser = purchaserOf(text, lines);
  // A collection agency names its client: that is the operator the complaint goes to.
  for (const line of lines) {
    const creditor = CREDITOR_LABEL.exec(line)?.[1];
    if (creditor === undefined) continue;
    const operator = brandIn(creditor, false) ?? cleanName(creditor);
    // "Créancier : Lowell Financial" on a purchaser's letter names the purchaser, not the operator.
    if (operator !== undefined && purchaser !== undefined && sameCompany(operator, purchaser.name)) continue;
    if (operator === undefined) continue;
    if (purchaser !== undefined) return { operator, purchaser };
    const agency = agencyName(lines);
    return { operator, ...(agency === undefined || sameCompany(agency, operator) ? {} : { agency }) };
  }
  // A purchaser's own name is not the operator's; the original creditor is then the brand it names.
  if (purchaser !== undefined) {
    const body = text.split(/\r?\n/).slice(0, ASSIGNMENT_LINES).join('\n');
    const operator = brandIn(body.replace(purchaser.name, ''), false);
    return { ...(operator === undefined ? {} : { operator }), purchaser };
  }
  const first = lines.findIndex((line) => line.trim() !== '');
  for (let i = Math.max(first, 0); i < lines.length; i++) {
    const line = lines[i] ?? '';
    const mail = /^\s*(?:de|from)\s*:\s*(.+)$/i.exec(line)?.[1];
    const brand = mail !== undefined ? brandIn(mail, false) : brandIn(line, true);
    if (brand === undefined) continue;
    // Only the letterhead (the first lines, or the mail's sender) speaks for the operator.
    if (mail === undefined && i > first + 2) continue;
    const address = (mail === undefined ? addressAfter(lines, i) : undefined) ?? footAddress(text);
    return { operator: brand, ...(address === undefined ? {} : { address }) };
  }
  const sender = first < 0 ? undefined : senderName(lines, first);
  if (sender === undefined) return {};
  const address = addressAfter(lines, first) ?? footAddress(text);
  return { operator: sender, ...(address === undefined ? {} : { address }) };
}

/** A customer's block ("Madame Sophie Lambert") or an agency's name is not the operator's letterhead. */
const NOT_THE_OPERATOR =
  /^(?:m\.|mme|mlle|mr|mrs|ms|miss|madame|monsieur|dear)\b|recouvr|contentieux|cabinet|huissier|commissaire de justice|inkasso|debt|recovery|credit management|financial|collection agency|solicitors?/i;

/**
 * A brand billcheck does not know, named the way a letter names its sender: the first line of its
 * column, followed within a few lines by a postal address (a postcode line).
 */
function senderName(lines: readonly string[], first: number): string | undefined {
  // Its column: the left one, or the right one when the letterhead is printed on the right.
  const column = indentOf(lines[first] ?? '');
  const name = cellAt(lines[first] ?? '', column).trim();
  if (name === '' || NOT_THE_OPERATOR.test(name) || /\d/.test(name) || POSTCODE.test(name)) return undefined;
  const block = lines.slice(first + 1, first + 6).map((line) => cellAt(line, column).trim());
  const end = block.findIndex((line) => line === '');
  const address = end < 0 ? block : block.slice(0, end);
  return address.some((line) => POSTCODE.test(line)) ? cleanName(name) : undefined;
}

/**
 * Collection agencies as they name themselves in their letters, for a letterhead in capitals
 * ("INTRUM"): Intrum's, iQera's, Kruk's and EOS's French sites; others keep the letterhead's form.
 */
const AGENCIES: readonly string[] = ['Intrum', 'iQera', 'Kruk', 'EOS', 'Hoist Finance', 'MCS'];

/** The sender of an agency's letter: the first line of its letterhead's left column. */
function agencyName(lines: readonly string[]): string | undefined {
  const first = lines.find((line) => line.trim() !== '');
  const name = first === undefined ? undefined : cleanName(first.split(/\s{3,}/)[0] ?? '');
  if (name === undefined || /^(?:m\.|mme|mr|mrs|ms|madame|monsieur|de|from)\b/i.test(name)) return undefined;
  const known = AGENCIES.find((agency) => folded(name).split(/\s+/)[0] === folded(agency).split(/\s+/)[0]);
  return known ?? name;
}

/** "Lowell Solutions Ltd · PO Box 1234 · Leeds LS1 4XX": a one-line sender line, cut at its dots. */
const SENDER_LINE_PARTS = /\s+[·•|]\s+/;

/**
 * The purchaser, when the letter says the debt was sold to its sender: the first line of the left
 * column (or of a one-line sender line) and the lines under it down to a postcode.
 */
function purchaserOf(text: string, head: readonly string[]): Purchaser | undefined {
  const body = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, ASSIGNMENT_LINES);
  if (!saysSold(body)) return undefined;
  const first = head.findIndex((line) => line.trim() !== '');
  if (first < 0) return undefined;
  const left = (line: string | undefined): string => (line ?? '').split(/\s{3,}/)[0]?.trim() ?? '';
  const [name, ...rest] = left(head[first]).split(SENDER_LINE_PARTS);
  const cleaned = name === undefined ? undefined : cleanName(name);
  if (cleaned === undefined || /^(?:m\.|mme|mr|mrs|ms|madame|monsieur|herrn?|frau)\b/i.test(cleaned)) return undefined;
  const lines: string[] = [...rest];
  if (rest.length === 0) {
    for (let i = first + 1; i < head.length && lines.length < 5; i++) {
      const line = left(head[i]);
      if (line === '') break;
      lines.push(line);
      if (POSTCODE.test(line)) break;
    }
  }
  const address = lines.flatMap((line) => cleanName(line) ?? []);
  // Without a postcode the lines are not an address the letter can print.
  return { name: cleaned, lines: address.some((line) => POSTCODE.test(line)) ? address : [] };
}

/** "Lowell Financial Ltd" and "LOWELL SOLUTIONS": one company group, by its first word. */
function sameCompany(a: string, b: string): boolean {
  const first = (name: string): string => folded(name).split(/\s+/)[0] ?? '';
  return first(a) === first(b);
}
