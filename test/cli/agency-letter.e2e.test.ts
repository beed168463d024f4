/**
 * A collection agency's letter in a customer's dossier (issue 16, tryout 7's dossier B copied into
 * fixtures/dossiers/fr-orange-avoir-puis-intrum): Intrum writes for "Mandant : Orange" with its own
 * "N° de dossier" and "Total à régler 44,99 €". Its finding carries that amount, and the dossier number
 * is the letter's id: the bill it claims is Orange's, the account the customer's.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOSSIER = fileURLToPath(new URL('../../fixtures/dossiers/fr-orange-avoir-puis-intrum', import.meta.url));
const AGENCY_LETTER = join(DOSSIER, '04_intrum_2026-09-10.txt');

interface Report {
  findings: {
    ruleId: string;
    file: string;
    account: string;
    documentId?: string;
    amount?: string;
    evidence: Record<string, unknown>;
  }[];
}

describe("an agency's letter for a credited bill", () => {
  it('reports the amount the agency demands, under its own dossier number, for the bill it claims', async () => {
    const run = await runCli([DOSSIER, '--today', '2026-12-03', '--no-config', '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    const agency = report.findings.filter((finding) => finding.file === AGENCY_LETTER);
    expect(agency.map((f) => [f.ruleId, f.documentId, f.amount, f.account, f.evidence.references])).toEqual([
      ['dunning-while-in-credit', '40771234', '44.99', '0698765432', ['0 612 345 678 07 26']],
    ]);
  });

  it('extracts the demand, and the dossier number as neither a reference nor the account', async () => {
    const run = await runCli(['extract', AGENCY_LETTER]);
    const [letter] = (JSON.parse(run.stdout) as { documents: Record<string, unknown>[] }).documents;
    expect(letter).toMatchObject({
      kind: 'dunning',
      id: '40771234',
      account: '9876543210',
      amountDue: '44.99',
      references: ['0 612 345 678 07 26'],
    });
    expect(letter?.accountAliases ?? []).not.toContain('40771234');
  });
});
