/**
 * `billcheck letter` on the eighth tryout's dossiers (issue 16; fixtures/letters/tryout8/README.md
 * says what each one once got wrong).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOSSIERS = 'fixtures/letters/tryout8';
const TODAY = ['--today', '2026-12-03'];

describe('billcheck letter: a letterhead printed on the right (tryout 8, dossier A)', () => {
  it('addresses the operator and the service address the bill prints, not placeholders', async () => {
    const run = await runCli(['letter', `${DOSSIERS}/A-bouygues-blank/01-facture-2026-09.txt`, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('[Nom de l’opérateur]');
    expect(run.stdout).not.toContain('[Adresse du service clients');
    expect(run.stdout).toMatch(/ {2,}Bouygues Telecom\n {2,}Service Clients\n {2,}38218 Vienne Cedex\n/);
  });
});
