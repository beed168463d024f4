/**
 * The text report's story of a dossier, end to end (fixtures/dossiers/en-uk-lowell-fee-in-balance:
 * Three's overdue-bill e-mail without a number of its own, then Lowell's "Notice of outstanding
 * balance" with its £7.50 Late Payment Fee; see its expectations.json for the wording's sources).
 * A tryout found the reminder's line naming nothing and the fee named "Item 1".
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOSSIER = 'fixtures/dossiers/en-uk-lowell-fee-in-balance';

describe('the story of a dossier', () => {
  it('names the reminder by the bill it claims, and the fee as the letter names it', async () => {
    const run = await runCli([DOSSIER, '--today', '2024-12-31', '--no-color']);
    const story = run.stdout.slice(run.stdout.indexOf('Stories'));
    expect(story).toMatch(/1 Nov 2024 +demanded +for invoice TH-100233 +£24\.00 +three-reminder\.eml:1/);
    expect(story).toContain('A collection fee is billed to the customer: "Late Payment Fee", £7.50.');
    expect(run.stdout).not.toMatch(/\bItem 1\b/);
  });

  it('says the same in French', async () => {
    const run = await runCli([DOSSIER, '--today', '2024-12-31', '--no-color', '--lang', 'fr']);
    expect(run.stdout).toMatch(/réclamé +pour la facture TH-100233 +£24\.00/);
    expect(run.stdout).toContain('Des frais de recouvrement sont facturés au client : « Late Payment Fee », £7.50.');
    expect(run.stdout).not.toMatch(/\bLa ligne 1\b/);
  });
});
