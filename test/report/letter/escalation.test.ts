/**
 * The escalation dates, counted by hand from the rules of Service-Public.fr F14373 (one month,
 * two months, one year after the written complaint) and Ofcom (eight weeks; six for complaints
 * from 8 April 2026). Expected dates are written out, not computed.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, escalationSteps } from '../../../src/report/letter/escalation.js';

describe('addMonths', () => {
  it('keeps the day of the month when the later month has it', () => {
    expect(addMonths('2026-09-01', 1)).toBe('2026-10-01');
    expect(addMonths('2026-09-15', 2)).toBe('2026-11-15');
  });

  it('ends on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
  });

  it('crosses the year', () => {
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('takes 29 February to 28 February one year later, and back to 29 four years later', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('1900-01-31', 1)).toBe('1900-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
  });
});

describe('escalationSteps in France', () => {
  it('after the written complaint alone: consumer service in a month, Médiateur in two, deadline in a year', () => {
    expect(escalationSteps('FR', { first: '2026-09-01' })).toEqual([
      { step: 'consumer-service', date: '2026-10-01', sources: ['servicePublicMediator'] },
      { step: 'mediator', date: '2026-11-01', sources: ['servicePublicMediator'] },
      { step: 'mediator-deadline', date: '2027-09-01', sources: ['servicePublicMediator'] },
    ]);
  });

  it('after a consumer-service letter: the Médiateur a month after it, when that comes before two months', () => {
    const steps = escalationSteps('FR', { first: '2026-09-01', second: '2026-09-20' });
    expect(steps.map((step) => [step.step, step.date])).toEqual([
      ['mediator', '2026-10-20'],
      ['mediator-deadline', '2027-09-01'],
    ]);
  });

  it('a late consumer-service letter does not delay the two months after the complaint', () => {
    const steps = escalationSteps('FR', { first: '2026-09-01', second: '2026-10-15' });
    expect(steps.find((step) => step.step === 'mediator')?.date).toBe('2026-11-01');
  });

  it('counts from month ends and leap days as a limit "de date à date"', () => {
    const steps = escalationSteps('FR', { first: '2023-12-31' });
    expect(steps.map((step) => step.date)).toEqual(['2024-01-31', '2024-02-29', '2024-12-31']);
    expect(escalationSteps('FR', { first: '2024-02-29' }).map((step) => step.date)).toEqual([
      '2024-03-29',
      '2024-04-29',
      '2025-02-28',
    ]);
  });
});

describe('escalationSteps in the United Kingdom', () => {
  it('eight weeks for a complaint made before 8 April 2026', () => {
    expect(escalationSteps('GB', { first: '2026-03-01' })).toEqual([
      { step: 'adr', date: '2026-04-26', sources: ['ofcomAdrStage', 'ofcomSixWeeks'] },
    ]);
  });

  it('six weeks for a complaint made from 8 April 2026', () => {
    expect(escalationSteps('GB', { first: '2026-04-08' })[0]?.date).toBe('2026-05-20');
    expect(escalationSteps('GB', { first: '2026-12-01' })[0]?.date).toBe('2027-01-12');
  });
});
