/**
 * --max-warnings counts the readers' warnings as well as the findings' (issue 12), as ESLint
 * counts every warning it prints; infos are not counted, and --quiet neither shows nor counts
 * warnings. The fixtures are corpus statements with no finding at all: one has a warning notice
 * (a debit taken twice), the other only infos (title lines, rows not about bills).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Issue 16, defect 16: the title-line notice agrees with its count, and French runs say it in French.
describe('the title lines before a header', () => {
  const dir = mkdtempSync(join(tmpdir(), 'billcheck-title-lines-'));
  const header = 'N° de facture;Type;Ligne;Date de facture;Montant TTC (€)\nF-1;Facture;0612345001;05/01/2024;29,99\n';
  const one = join(dir, 'une-ligne.csv');
  const two = join(dir, 'deux-lignes.csv');
  writeFileSync(one, `Export espace client\n${header}`);
  writeFileSync(two, `Export espace client\nÉdité le 01/12/2026\n${header}`);

  it('says "1 line … is" and "2 lines … are" in English', async () => {
    expect((await runCli([one, '--lang', 'en', ...BASE])).stdout).toContain(
      "1 line before the header (line 2) is not data: an export's title or date",
    );
    expect((await runCli([two, '--lang', 'en', ...BASE])).stdout).toContain(
      '2 lines before the header (line 3) are not data',
    );
  });

  it('says it in French with --lang fr', async () => {
    expect((await runCli([one, '--lang', 'fr', ...BASE])).stdout).toContain(
      '1 ligne avant l’en-tête (ligne 2) n’est pas une donnée : le titre ou la date d’un export',
    );
    expect((await runCli([two, '--lang', 'fr', ...BASE])).stdout).toContain(
      '2 lignes avant l’en-tête (ligne 3) ne sont pas des données',
    );
  });
});
