/**
 * --max-warnings counts the readers' warnings as well as the findings' (issue 12), as ESLint
 * counts every warning it prints; infos are not counted, and --quiet neither shows nor counts
 * warnings. The fixtures are corpus statements with no finding at all: one has a warning notice
 * (a debit taken twice), the other only infos (title lines, rows not about bills).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const CORPUS = join(ROOT, 'fixtures/csv/corpus');
const WITH_WARNING = join(CORPUS, 'k10-credit-agricole.csv');
const INFOS_ONLY = join(CORPUS, 'k09-banque-postale.csv');
const BASE = ['--no-config', '--today', '2025-06-01'];

interface Report {
  summary: { errors: number; warnings: number };
  files: { notices: { level: string; code: string }[] }[];
}

describe('--max-warnings and the readers’ warnings', () => {
  it('counts a reading warning: over the limit is exit code 1, at the limit 0', { timeout: 60_000 }, async () => {
    const report = JSON.parse((await runCli([WITH_WARNING, '--format', 'json', ...BASE])).stdout) as Report;
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(report.files[0]?.notices.filter((notice) => notice.level === 'warning').map((n) => n.code)).toEqual([
      'double-debit',
    ]);
    expect((await runCli([WITH_WARNING, '--max-warnings', '0', ...BASE])).code).toBe(1);
    expect((await runCli([WITH_WARNING, '--max-warnings', '1', ...BASE])).code).toBe(0);
    expect((await runCli([WITH_WARNING, ...BASE])).code).toBe(0);
  });

  it('does not count infos, nor warnings under --quiet', { timeout: 60_000 }, async () => {
    expect((await runCli([INFOS_ONLY, '--max-warnings', '0', ...BASE])).code).toBe(0);
    expect((await runCli([WITH_WARNING, '--quiet', '--max-warnings', '0', ...BASE])).code).toBe(0);
  });
});
