/**
 * Streamed reports name the joined account (issue 13): the findings made while a file is read
 * wait for the identity join, in memory up to a bound and then in a temporary file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HeldFindings } from '../../src/check/held-findings.js';
import type { Finding } from '../../src/model/finding.js';
import { ROOT, runCli } from '../helpers/cli.js';

function finding(index: number): Finding {
  const evidence = Object.assign(Object.create(null) as Record<string, string>, { amount: `${index}.00` });
  return { ruleId: 'total-mismatch', severity: 'error', message: `m${index}`, file: 'a.csv', line: index, evidence };
}

interface Streamed {
  readonly ruleId?: string;
  readonly account?: string;
  readonly file?: string;
}

const pairs = (findings: readonly Streamed[]): string[] =>
  findings
    .filter((found) => found.ruleId !== undefined && found.ruleId !== 'fatal')
    .map((found) => `${found.ruleId} ${found.account ?? ''}`)
    .sort();

describe('held findings', () => {
  it('gives back every finding in the order made, past the bound through a file it then removes', async () => {
    const held = new HeldFindings(3);
    held.add([finding(1), finding(2)]);
    held.add([finding(3), finding(4), finding(5)]);
    expect(held.size).toBe(5);
    const back: Finding[] = [];
    for await (const batch of held.drain()) back.push(...batch);
    expect(back.map((found) => found.line)).toEqual([1, 2, 3, 4, 5]);
    expect(back[4]?.evidence.amount).toBe('5.00');
    expect(Object.getPrototypeOf(back[4]?.evidence)).toBeNull();
    const spill = (held as unknown as { spill?: { dir: string } }).spill;
    expect(spill).toBeUndefined();
  });

  it('removes its file when the run ends in an error', () => {
    const held = new HeldFindings(0);
    held.add([finding(1)]);
    const dir = (held as unknown as { spill: { dir: string } }).spill.dir;
    expect(existsSync(dir)).toBe(true);
    held.discard();
    expect(existsSync(dir)).toBe(false);
  });

  it.each(['ndjson', 'csv'])('names the joined account in --format %s as the JSON report does', async (format) => {
    // The line is written "06.12.34.56.78" by the agency and "+33 6 12 34 56 78" by the e-mail.
    const dir = join(ROOT, 'fixtures', 'dossiers', 'fr-mise-en-demeure-facture-vierge');
    const args = [dir, '--no-config', '--today', '2024-12-31'];
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as { findings: Streamed[] };
    const streamed = (await runCli([...args, '--format', format])).stdout;
    let rows: Streamed[];
    if (format === 'ndjson')
      rows = streamed
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Streamed);
    else rows = parse(streamed, { columns: true }) as Streamed[];
    expect(pairs(json.findings).length).toBeGreaterThan(2);
    expect(pairs(rows)).toEqual(pairs(json.findings));
    expect(new Set(rows.filter((row) => row.ruleId !== undefined).map((row) => row.account))).toEqual(
      new Set(['0612345678']),
    );
  });
});
