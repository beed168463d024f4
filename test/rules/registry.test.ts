/**
 * The rule list, the rule files, their tests and the README stay in step (STYLE.md: a build
 * check fails when one is missing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The rule ids of DESIGN.md's rule table, in its order. DESIGN.md lives outside this repository
 * (../shared), so the list is kept here; when that file is at hand it is compared as well.
 */
const DESIGN_RULE_IDS = [
  'dunning-trivial-amount',
  'blank-invoice',
  'amount-ceiling',
  'amount-spike',
  'dunning-while-in-credit',
  'dunning-for-blank-invoice',
  'billed-after-termination',
  'total-mismatch',
  'lines-total-mismatch',
  'vat-rate-mismatch',
  'duplicate-invoice',
  'overlapping-period',
  'negative-invoice',
  'sub-cent-amount',
  'date-inconsistency',
  'dunning-before-due',
  'dunning-amount-mismatch',
  'dunning-time-barred',
  'collection-fee-charged',
  'currency-mismatch',
];

/** Issue 15 (e-invoices): rules DESIGN.md's table gains at merge; they move into the list above then. */
const RULE_IDS_PENDING_IN_DESIGN = [
  'net-total-mismatch',
  'amount-due-mismatch',
  'vat-breakdown-mismatch',
  'factur-x-page-mismatch',
];

const DESIGN_PATH = `${ROOT}/../shared/DESIGN.md`;

const ruleFiles = readdirSync(`${ROOT}/src/rules`)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();

/** The README's rule table, as the rules describe themselves. */
export function rulesTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.scope} | ${rule.description} |`);
  return ['| id | default severity | scope | flags |', '|---|---|---|---|', ...rows].join('\n');
}

describe('rule registry', () => {
  it('lists the rules sorted by id, each once', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('names each rule file after its rule id', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(ruleFiles);
  });

  it('has every rule id of DESIGN.md, and no other', () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...DESIGN_RULE_IDS, ...RULE_IDS_PENDING_IN_DESIGN].sort());
  });

  it('finds DESIGN.md beside the checkout under CI, where a skip would hide a drift', () => {
    // On a developer's machine without ../shared the next test skips; CI always has it.
    if (process.env.CI !== undefined && process.env.CI !== '') expect(existsSync(DESIGN_PATH)).toBe(true);
  });

  it.skipIf(!existsSync(DESIGN_PATH))('keeps its copy of the DESIGN.md ids in step with DESIGN.md', () => {
    const design = readFileSync(DESIGN_PATH, 'utf8');
    const designIds = [...design.matchAll(/^\| `([a-z-]+)` \| (?:document|account) \|/gm)].map((m) => m[1]);
    expect(designIds).toEqual(DESIGN_RULE_IDS);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s has a test file, messages and docs', (id, rule) => {
    expect(existsSync(`${ROOT}/test/rules/${id}.test.ts`)).toBe(true);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.docs.why.length).toBeGreaterThan(10);
    expect(rule.docs.whatToDo.length).toBeGreaterThan(10);
    for (const option of Object.keys(rule.options))
      expect(rule.docs.options?.[option], `docs for option ${option}`).toBeTruthy();
  });

  it("matches the README's rule table", () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const section = /<!-- rules-table:start -->\n([\s\S]*?)\n<!-- rules-table:end -->/.exec(readme)?.[1];
    expect(section).toBe(rulesTable());
  });
});
