/**
 * When each step of a complaint may be taken, from the dates of the letters already sent.
 * France (Service-Public.fr F14373): the service consommateurs one month after the written
 * complaint without a satisfying answer; the Médiateur one month after the service consommateurs
 * was written to, or two months after the complaint when the service clients never answered;
 * within one year of the written complaint. United Kingdom (Ofcom): the provider's ADR scheme
 * eight weeks after the complaint was first made, six weeks for complaints from 8 April 2026.
 */
import { addDays, daysInMonth, isoDate } from '../../model/dates.js';
import type { Jurisdiction } from './demands.js';
import type { SourceId } from './sources.js';

/**
 * The same day `months` later; a day the month lacks becomes its last day (31 January + 1 month
 * = 29 February in a leap year), as a limit "de date à date" counts (Code de procédure civile, art. 641).
 */
export function addMonths(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return isoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Ofcom's shorter wait applies to complaints made from this date on. */
export const OFCOM_SIX_WEEKS_FROM = '2026-04-08';

export type StepId = 'consumer-service' | 'mediator' | 'mediator-deadline' | 'adr';

export interface EscalationStep {
  readonly step: StepId;
  /** The first day the step may be taken, or (mediator-deadline) the last day. */
  readonly date: string;
  readonly sources: readonly SourceId[];
}

export interface SentLetters {
  /** The written complaint to the customer service (stage 1). */
  readonly first: string;
  /** The letter to the consumer service (stage 2), when sent. */
  readonly second?: string;
}

export function escalationSteps(jurisdiction: Jurisdiction, sent: SentLetters): EscalationStep[] {
  if (jurisdiction === 'GB') {
    const weeks = sent.first >= OFCOM_SIX_WEEKS_FROM ? 6 : 8;
    return [{ step: 'adr', date: addDays(sent.first, weeks * 7), sources: ['ofcomAdrStage', 'ofcomSixWeeks'] }];
  }
  const fromFirst = addMonths(sent.first, 2);
  const fromSecond = sent.second === undefined ? undefined : addMonths(sent.second, 1);
  const mediator = fromSecond !== undefined && fromSecond < fromFirst ? fromSecond : fromFirst;
  const steps: EscalationStep[] = [];
  if (sent.second === undefined)
    steps.push({ step: 'consumer-service', date: addMonths(sent.first, 1), sources: ['servicePublicMediator'] });
  steps.push({ step: 'mediator', date: mediator, sources: ['servicePublicMediator'] });
  // "1 an à partir de la date de réclamation écrite": counted from the first written complaint, the safe reading.
  steps.push({ step: 'mediator-deadline', date: addMonths(sent.first, 12), sources: ['servicePublicMediator'] });
  return steps;
}
