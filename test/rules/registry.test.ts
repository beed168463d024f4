/**
 * The rule list, the rule files, their tests and the README stay in step (STYLE.md: a build
 * check fails when one is missing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/cli.js';

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

  it('has every rule id of DESIGN.md', () => {
    const design = readFileSync(`${ROOT}/../shared/DESIGN.md`, 'utf8');
    const designIds = [...design.matchAll(/^\| `([a-z-]+)` \| (?:document|account) \|/gm)].map((m) => m[1]);
    expect(designIds.length).toBeGreaterThan(0);
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...designIds].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s has a test file, messages and docs', (id, rule) => {
    expect(existsSync(`${ROOT}/test/rules/${id}.test.ts`)).toBe(true);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.docs.why.length).toBeGreaterThan(10);
    expect(rule.docs.whatToDo.length).toBeGreaterThan(10);
    for (const option of Object.keys(rule.options)) expect(rule.docs.options?.[option], `docs for option ${option}`).toBeTruthy();
  });

  it("matches the README's rule table", () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const section = /<!-- rules-table:start -->\n([\s\S]*?)\n<!-- rules-table:end -->/.exec(readme)?.[1];
    expect(section).toBe(rulesTable());
  });
});
