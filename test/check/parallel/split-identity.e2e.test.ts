/**
 * Joins across the two threads of a split file (issue 13): one customer's documents in both
 * halves of a file, their line written with spaces in one and in international form in the
 * other, their customer number in two cases, join as they do on one thread. The export follows
 * the customer-area export of fixtures/dossiers/fr-relance-malgre-avoir (Orange's columns).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { SPLIT_SMALL_FILES, sameFindings } from '../../helpers/parallel.js';

const HEADER = 'N° de facture;Type;N° client;Date de facture;Échéance;Référence;Montant HT (€);TVA (€);Montant TTC (€)';

function month(index: number): string {
  return String((index % 12) + 1).padStart(2, '0');
}

/** Other customers' monthly bills: the first range of a split holds the reader's sample (1 000 rows) and more. */
function filler(count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index;
    const line = `06 11 ${String(10 + (n % 80)).padStart(2, '0')} ${String(10 + (n % 89)).padStart(2, '0')} 4${n % 10}`;
    return `FX-${String(n).padStart(6, '0')};Facture;${line};05/${month(n)}/2024;20/${month(n)}/2024;;24,99;5,00;29,99`;
  });
}

function dossierExport(): string {
  const rows = [
    HEADER,
    // The customer's bill in the first half, written with spaces.
    'F-2024-01-118;Facture;06 98 76 54 32;05/01/2024;20/01/2024;;49,98;10,00;59,98',
    ...filler(3_000, 0),
    // Its credit note in the second half, in international form; the reminder with the customer number.
    'AV-2024-0042;Avoir;+33 6 98 76 54 32;22/01/2024;;F-2024-01-118;49,98;10,00;59,98',
    ...filler(1_000, 20_000),
    // A bill whose total does not add up (a document rule's finding, made on the other thread).
    'F-2024-02-131;Facture;+33 6 98 76 54 32;05/02/2024;20/02/2024;;24,99;5,00;31,99',
    // The reminder names the customer number, and joins the line through the invoice it claims.
    'REL-2024-0310;Relance;C-104233;04/03/2024;;F-2024-01-118;;;59,98',
  ];
  return `${rows.join('\n')}\n`;
}

describe('a split file joins one customer across its halves', () => {
  it('gives the same findings and accounts on one thread and on two', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-split-identity-'));
    const file = join(dir, 'export-orange.csv');
    writeFileSync(file, dossierExport());
    const alone = await runCli([file, '--format', 'json', '--jobs', '1', '--today', '2024-12-31'], {
      env: SPLIT_SMALL_FILES,
    });
    const report = JSON.parse(alone.stdout) as {
      findings: { ruleId: string; account: string }[];
      accounts?: { account: string; aliases: { name: string }[] }[];
    };
    // The dossier's story, so that the comparison below compares something.
    const named = report.findings.map((finding) => `${finding.ruleId} ${finding.account}`);
    expect(named).toContain('dunning-while-in-credit 0698765432');
    expect(named).toContain('total-mismatch 0698765432');
    expect(report.accounts?.find((joined) => joined.account === '0698765432')?.aliases.map((a) => a.name)).toEqual([
      'C-104233',
    ]);
    await sameFindings(file, { today: '2024-12-31', formats: ['json', 'text'] });
  }, 240_000);
});
