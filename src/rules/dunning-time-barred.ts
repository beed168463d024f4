import { defineRule } from '../engine/rule.js';
import { dayNumber, daysInMonth, isoDate, isoFromDayNumber } from '../model/dates.js';
import { firstInvoiceById, hasDunningLetter } from './support/invoices.js';
import { wholeNumberOption } from './support/options.js';

/**
 * The last day of a limit of whole years from `day`: the same day of the month `years` later,
 * or the month's last day when that day does not exist (29 February → 28 February), as the
 * Code de procédure civile (art. 641) counts limits in years.
 */
export function lastDayOfLimit(day: number, years: number): number {
  const iso = isoFromDayNumber(day);
  const year = Number(iso.slice(0, 4)) + years;
  const month = Number(iso.slice(5, 7));
  const dayOfMonth = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return dayNumber(isoDate(year, month, dayOfMonth));
}

const MAX_YEARS = 100;

/** An operator that lets a claim sleep for over a year has lost it. */
export default defineRule({
  id: 'dunning-time-barred',
  scope: 'account',
  severity: 'warning',
  description: 'A dunning letter claims an invoice that fell due more than one year before the letter (CPCE L34-2).',
  docs: {
    why: "For electronic communications services, the operator's claim for payment is time-barred when it was not claimed within one year of falling due. A letter demanding such an amount asks for money the customer may no longer owe. An invoice falls due on its due date, else on its issue date; the year ends on the same day of the month one year later (28 February for a 29 February).",
    whatToDo:
      'Answer in writing that the claim is time-barred under article L34-2 of the Code des postes et des communications électroniques. Check first what the input cannot show: acknowledging the debt, a part payment or a court claim within the year interrupt the limit, and an operator may argue that an earlier reminder within the year was its claim.',
    basis:
      'Code des postes et des communications électroniques, art. L34-2 (one-year limit from the date the sums fell due); Code de procédure civile, art. 641 (how a limit in years is counted). Context, not legal advice.',
    options: {
      years:
        'The limit in whole years, from 1 to 100 (1 under CPCE L34-2); a claim made after its last day is reported.',
    },
  },
  messages: {
    timeBarred:
      'A dunning letter dated {{letterDate}} claims invoice {{invoice}}, which fell due on {{fellDue}}: the claim is time-barred since {{barredSince}}.',
  },
  options: { years: 1 },
  // No limitation period runs a century: a larger number is a typo, refused before any file is read.
  validateOptions: (options) => wholeNumberOption('years', options.years, 1, MAX_YEARS),
  checkAccount(timeline, ctx) {
    if (!hasDunningLetter(timeline.entries)) return;
    const years = ctx.options.years;
    const invoices = firstInvoiceById(timeline.entries);
    for (const letter of timeline.entries) {
      const letterDay = letter.issueDay;
      if (letter.kind !== 'dunning' || letterDay === undefined) continue;
      // One finding per letter, about the oldest claim; the other barred invoices are listed.
      let oldest: { id: string; fellDue: number; lastDay: number } | undefined;
      const barred: string[] = [];
      for (const id of new Set(letter.references)) {
        const invoice = invoices.get(id);
        const fellDue = invoice?.dueDay ?? invoice?.issueDay;
        if (fellDue === undefined) continue;
        const lastDay = lastDayOfLimit(fellDue, years);
        if (letterDay <= lastDay) continue;
        barred.push(id);
        if (oldest === undefined || fellDue < oldest.fellDue) oldest = { id, fellDue, lastDay };
      }
      if (oldest === undefined) continue;
      ctx.report({
        messageId: 'timeBarred',
        data: {
          invoice: oldest.id,
          fellDue: isoFromDayNumber(oldest.fellDue),
          letterDate: isoFromDayNumber(letterDay),
          barredSince: isoFromDayNumber(oldest.lastDay + 1),
          invoices: barred,
        },
        document: letter,
      });
    }
  },
});
