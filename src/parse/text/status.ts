/**
 * What a bill's text says of its own payment (issue 13: a Free bill "Réglée par prélèvement" that
 * a reminder later claims). The text reader sets `status: 'paid'` only on an explicit statement
 * (see SETTLED_STATEMENTS), never on an announced debit, and says where it read it.
 */
import type { DocumentStatus } from '../../model/document.js';
import {
  DEADLINE_WORDS,
  OTHER_BILL_WORDS,
  REQUEST_WORDS,
  SETTLED_STATEMENTS,
  UNSETTLING_WORDS,
} from '../values/statuses.js';
import type { TextLine } from './lines.js';

export interface StatusReading {
  readonly status: DocumentStatus;
  readonly line: number;
  /** The statement as the bill writes it, for the reading notice. */
  readonly said: string;
}

const escaped = (phrase: string): string => phrase.replace(/ /g, '\\s+');
const SETTLED = new RegExp(`(?:^|\\s)(${SETTLED_STATEMENTS.map(escaped).join('|')})(?=\\s|$)`);
const UNSETTLED_BEFORE = new RegExp(`(?:^|\\s)(?:${UNSETTLING_WORDS.map(escaped).join('|')})\\s+$`);
/** "Facture réglée : non", "Paid in full: no". */
const DENIED_AFTER = /^\s*(?:non|no|nein)(?:\s|$)/;
const OTHER_BILL = new RegExp(`(?:^|\\s)(?:${OTHER_BILL_WORDS.map(escaped).join('|')})(?=\\s|$)`);
/** A request before the statement, or a date it is due by after it: "please make sure … paid in full by 20 May". */
const REQUESTED_BEFORE = new RegExp(`(?:^|\\s)(?:${REQUEST_WORDS.map(escaped).join('|')})(?=\\s|$)`);
const DEADLINE_AFTER = new RegExp(`^\\s*(?:${DEADLINE_WORDS.map(escaped).join('|')})\\s+(?:\\S+\\s+){0,2}?\\d`);

/** The first settled statement of the text, or undefined. */
export function statedStatus(lines: readonly TextLine[]): StatusReading | undefined {
  for (const line of lines) {
    const match = SETTLED.exec(line.folded);
    if (match?.[1] === undefined) continue;
    const start = match.index + match[0].length - match[1].length;
    const before = line.folded.slice(Math.max(0, start - 30), start);
    const after = line.folded.slice(start + match[1].length, start + match[1].length + 30);
    if (UNSETTLED_BEFORE.test(before) || DENIED_AFTER.test(after) || OTHER_BILL.test(line.folded)) continue;
    if (REQUESTED_BEFORE.test(line.folded.slice(0, start)) || DEADLINE_AFTER.test(after)) continue;
    return { status: 'paid', line: line.no, said: line.raw.slice(start, start + match[1].length) };
  }
  return undefined;
}
