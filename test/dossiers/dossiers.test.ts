/**
 * The dossiers of fixtures/dossiers, scored: each folder is checked as one set, and the findings
 * are compared with its expectations.json (rule, document, account), written by a person before
 * the code was tuned. The letters' facts are compared with what `extract` says of them.
 *
 * The bar: at least 90 % of the expected findings found, at most one false finding over all
 * dossiers, at least 90 % of the letters' facts right.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

interface ExpectedFinding {
  readonly ruleId: string;
  readonly documentId?: string;
  readonly file?: string;
  readonly account?: string;
}

interface ExpectedDocument {
  readonly file: string;
  readonly kind?: string;
  readonly id?: string;
  readonly issueDate?: string;
  readonly effectiveDate?: string;
  readonly account?: string;
  readonly references?: readonly string[];
  /** The letter's own due date, if any, is not before this date (a quoted due date is the invoice's). */
  readonly noDueDateBefore?: string;
}

interface Expectations {
  readonly today: string;
  readonly follows: string;
  readonly findings: readonly ExpectedFinding[];
  readonly documents: readonly ExpectedDocument[];
}

interface ReportedFinding {
  readonly ruleId: string;
  readonly documentId?: string;
  readonly file: string;
  readonly account?: string;
}

const DOSSIERS = join(ROOT, 'fixtures', 'dossiers');
const validateReport = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as object,
);
const names = readdirSync(DOSSIERS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function matches(expected: ExpectedFinding, found: ReportedFinding): boolean {
  if (expected.ruleId !== found.ruleId) return false;
  if (expected.documentId !== undefined && expected.documentId !== found.documentId) return false;
  if (expected.file !== undefined && expected.file !== basename(found.file)) return false;
  return expected.account === undefined || expected.account === found.account;
}

interface Score {
  found: number;
  missed: string[];
  false: string[];
  facts: number;
  wrongFacts: string[];
}

async function score(name: string): Promise<Score> {
  const dir = join(DOSSIERS, name);
  const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Expectations;
  const run = await runCli([dir, '--format', 'json', '--no-config', '--today', expectations.today]);
  const report = JSON.parse(run.stdout) as { findings: ReportedFinding[] };
  // The report with its joined accounts and skipped parts is the documented one.
  expect(validateReport(report), `${name}: ${JSON.stringify(validateReport.errors)}`).toBe(true);
  const reported = report.findings;
  const left = [...reported];
  const result: Score = { found: 0, missed: [], false: [], facts: 0, wrongFacts: [] };
  for (const expected of expectations.findings) {
    const at = left.findIndex((found) => matches(expected, found));
    if (at === -1) result.missed.push(JSON.stringify(expected));
    else {
      result.found++;
      left.splice(at, 1);
    }
  }
  result.false = left.map(
    (found) => `${found.ruleId} ${found.documentId ?? basename(found.file)} (${found.account ?? 'no account'})`,
  );
  for (const expected of expectations.documents) {
    const extract = await runCli(['extract', join(dir, expected.file)]);
    const doc = (JSON.parse(extract.stdout) as { documents: Record<string, unknown>[] }).documents.find(
      (candidate) => basename(String((candidate.source as { file: string }).file)) === expected.file,
    );
    const check = (field: string, ok: boolean, got: unknown): void => {
      result.facts++;
      if (!ok) result.wrongFacts.push(`${expected.file} ${field}: ${JSON.stringify(got)}`);
    };
    for (const field of ['kind', 'id', 'issueDate', 'effectiveDate', 'account'] as const) {
      if (expected[field] !== undefined) check(field, doc?.[field] === expected[field], doc?.[field]);
    }
    if (expected.references !== undefined)
      check('references', JSON.stringify(doc?.references) === JSON.stringify(expected.references), doc?.references);
    if (expected.noDueDateBefore !== undefined) {
      const due = doc?.dueDate as string | undefined;
      check('dueDate', doc !== undefined && (due === undefined || due >= expected.noDueDateBefore), due);
    }
  }
  return result;
}

describe('dossiers', () => {
  it('has at least eight dossiers of three to six files, each saying what it follows', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const files = readdirSync(join(DOSSIERS, name)).filter((file) => file !== 'expectations.json');
      expect(files.length, name).toBeGreaterThanOrEqual(3);
      expect(files.length, name).toBeLessThanOrEqual(6);
      const expectations = JSON.parse(readFileSync(join(DOSSIERS, name, 'expectations.json'), 'utf8')) as Expectations;
      expect(expectations.follows.length, name).toBeGreaterThan(40);
    }
  });

  it('finds the expected findings, no false ones, and reads the letters right', async () => {
    const scores = new Map<string, Score>();
    for (const name of names) scores.set(name, await score(name));
    let expected = 0;
    let found = 0;
    let falseFindings = 0;
    let facts = 0;
    let wrongFacts = 0;
    const table: string[] = [];
    for (const [name, result] of scores) {
      expected += result.found + result.missed.length;
      found += result.found;
      falseFindings += result.false.length;
      facts += result.facts;
      wrongFacts += result.wrongFacts.length;
      table.push(
        `${name.padEnd(36)} found ${result.found}/${result.found + result.missed.length}  false ${result.false.length}  facts ${result.facts - result.wrongFacts.length}/${result.facts}`,
      );
      for (const line of [
        ...result.missed.map((m) => `missed ${m}`),
        ...result.false.map((f) => `false ${f}`),
        ...result.wrongFacts.map((w) => `wrong ${w}`),
      ])
        table.push(`    ${line}`);
    }
    console.log(table.join('\n'));
    expect(found / expected, table.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(falseFindings, table.join('\n')).toBeLessThanOrEqual(1);
    expect((facts - wrongFacts) / facts, table.join('\n')).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
