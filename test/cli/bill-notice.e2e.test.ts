/**
 * An operator's e-mail announcing a bill and its direct debit ("Votre facture n° … du … d'un montant
 * de … est disponible … sera prélevé", tryout 7, fixtures/dossiers/fr-avis-facture-disponible). It is
 * read as the bill it names, one more source of it (engine/copies.ts): in the customer's account, no
 * second bill, no account-conflict, and the finding on the bill itself, whose period it states.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOSSIER = fileURLToPath(new URL('../../fixtures/dossiers/fr-avis-facture-disponible', import.meta.url));

interface Report {
  summary: { documents: number; errors: number; warnings: number };
  findings: { ruleId: string; messageId: string; file: string; account: string; evidence: Record<string, unknown> }[];
  accounts: { account: string; aliases: { name: string }[] }[];
}

describe("a bill's notice e-mail in a dossier", () => {
  it('joins the customer’s account as another source of the bill it names', async () => {
    const run = await runCli([DOSSIER, '--today', '2026-12-03', '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary).toMatchObject({ documents: 3, errors: 1, warnings: 0 });
    expect(report.findings.map((f) => [f.ruleId, f.messageId, f.file, f.account, f.evidence.alsoAt])).toEqual([
      [
        'billed-after-termination',
        'periodAfter',
        join(DOSSIER, '2026-08-20_facture-FA-20260820.txt'),
        '0240112233',
        join(DOSSIER, '2026-08-28_avis-de-prelevement.eml:1'),
      ],
    ]);
    expect(report.accounts.map((a) => [a.account, a.aliases.map((alias) => alias.name)])).toEqual([
      ['0240112233', ['1.234.567.89', 'BT-7788990']],
    ]);
  });

  it('leaves the letter one account to write about, without --account', async () => {
    // Before: "Several accounts have findings; choose one with --account ID", the notice's being one.
    const run = await runCli(['letter', DOSSIER, '--today', '2026-12-03']);
    expect(run.stderr).not.toMatch(/--account/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('FA-20260820-4411');
  });
});
