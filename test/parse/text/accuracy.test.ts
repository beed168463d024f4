/**
 * Every text fixture against its expectation. The expectations are the spec, so each fixture
 * must match exactly; the accuracy table printed at the end says how far off a failing run is
 * (all fields, and the four that matter most for a bill: id, issue date, net and total).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/text/', import.meta.url));
const KEY_FIELDS: readonly string[] = ['id', 'issueDate', 'net', 'total'];

/** The fields a fixture's expectation states; an absent key means the field must be absent. */
function projection(doc: BillingDocument): Map<string, unknown> {
  return new Map<string, unknown>([
    ['kind', doc.kind],
    ['line', doc.source.line],
    ['id', doc.id],
    ['account', doc.account],
    ['issueDate', doc.issueDate],
    ['dueDate', doc.dueDate],
    ['periodStart', doc.periodStart],
    ['periodEnd', doc.periodEnd],
    ['effectiveDate', doc.effectiveDate],
    ['currency', doc.currency],
    ['country', doc.country],
    ['net', doc.net?.toFixed(2)],
    ['tax', doc.tax?.toFixed(2)],
    ['total', doc.total?.toFixed(2)],
    ['amountDue', doc.amountDue?.toFixed(2)],
    ['references', doc.references],
    ['dunningTitle', doc.dunningTitle],
  ]);
}

interface Score {
  readonly name: string;
  readonly right: number;
  readonly fields: number;
  readonly keyRight: number;
  readonly wrong: readonly string[];
}

function score(name: string, actual: Map<string, unknown>, expected: Map<string, unknown>): Score {
  const names = new Set([
    ...expected.keys(),
    ...[...actual].filter(([, value]) => value !== undefined).map(([key]) => key),
  ]);
  const wrong: string[] = [];
  let keyRight = 0;
  for (const field of names) {
    const same = JSON.stringify(actual.get(field)) === JSON.stringify(expected.get(field));
    if (!same) wrong.push(field);
  }
  for (const field of KEY_FIELDS)
    if (JSON.stringify(actual.get(field)) === JSON.stringify(expected.get(field))) keyRight++;
  return { name, right: names.size - wrong.length, fields: names.size, keyRight, wrong };
}

function parseFixture(name: string): Map<string, unknown> {
  const events = parseTextDocument(readFileSync(FIXTURES + name, 'utf8'), name, {});
  const event = events[0];
  if (events.length !== 1 || event?.type !== 'document') throw new Error(`${name}: expected one document`);
  return projection(event.document);
}

function expectationOf(name: string): Map<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(FIXTURES + name.replace(/\.txt$/, '.expected.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${name}: expectation is no object`);
  return new Map(Object.entries(parsed));
}

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const scores: Score[] = [];

describe('text fixtures: accuracy', () => {
  afterAll(() => {
    const width = Math.max(...scores.map((s) => s.name.length));
    const rows = scores.map(
      (s) =>
        `${s.name.padEnd(width)}  ${`${s.right}/${s.fields}`.padStart(5)}  ${`${s.keyRight}/${KEY_FIELDS.length}`.padStart(3)}  ${s.wrong.join(', ')}`,
    );
    const right = scores.reduce((n, s) => n + s.right, 0);
    const fields = scores.reduce((n, s) => n + s.fields, 0);
    const keyRight = scores.reduce((n, s) => n + s.keyRight, 0);
    console.log(
      [
        `${'fixture'.padEnd(width)}  all    key  wrong`,
        ...rows,
        `${'TOTAL'.padEnd(width)}  ${right}/${fields}  ${keyRight}/${scores.length * KEY_FIELDS.length}`,
      ].join('\n'),
    );
  });

  it('has a dozen fixtures or more, each with its expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const name of fixtures) expect(() => expectationOf(name), name).not.toThrow();
  });

  it.each(fixtures)('%s', (name) => {
    const expected = expectationOf(name);
    let actual: Map<string, unknown>;
    try {
      actual = parseFixture(name);
    } catch (error) {
      scores.push({ name, right: 0, fields: expected.size, keyRight: 0, wrong: [`threw: ${String(error)}`] });
      throw error;
    }
    const result = score(name, actual, expected);
    scores.push(result);
    const defined = Object.fromEntries([...actual].filter(([, value]) => value !== undefined));
    expect(defined).toEqual(Object.fromEntries(expected));
  });
});
