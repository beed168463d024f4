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

describe('billcheck letter --stage mediator before the two months are over (tryout 8, dossier C)', () => {
  const C = `${DOSSIERS}/C-free-resiliation`;

  it('states the complaint date and no silence that has not yet lasted two months, and warns on stderr', async () => {
    const run = await runCli(['letter', C, '--stage', 'mediator', '--sent', '2026-10-20', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Réclamation écrite au service clients : 20 octobre 2026\n');
    expect(run.stdout).toContain('Réclamation écrite au service consommateurs : aucune\n');
    expect(run.stdout).not.toContain('deux mois');
    expect(run.stderr).toContain('le Médiateur ne peut être saisi qu’à partir du 20 décembre 2026');
  });

  it('says the customer service has been silent two months once they are over', async () => {
    const run = await runCli(['letter', C, '--stage', 'mediator', '--sent', '2026-10-03', ...TODAY]);
    expect(run.stdout).toContain('aucune (service clients sans réponse depuis plus de deux mois)');
    const json = await runCli(['letter', C, '--stage', 'mediator', '--sent', '2026-10-20', '-f', 'json', ...TODAY]);
    const letter = JSON.parse(json.stdout) as { mediatorForm: { customerServiceSilentTwoMonths: boolean } };
    expect(letter.mediatorForm.customerServiceSilentTwoMonths).toBe(false);
  });
});

describe('billcheck letter: bills with nothing to dispute (tryout 8, dossier D)', () => {
  const D = `${DOSSIERS}/D-orange-clean`;

  it('names in JSON the one account the bills hold', async () => {
    const run = await runCli(['letter', D, '-f', 'json', ...TODAY]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ letter: null, account: '7001234567', findings: 0 });
  });

  it('prints no timetable with --status, says there is nothing to dispute (exit 0)', async () => {
    const run = await runCli(['letter', D, '--status', '--sent', '2026-10-20', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('rien à contester');
  });

  it('keeps the timetable of --status without files', async () => {
    const run = await runCli(['letter', '--status', '--sent', '2026-10-20', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toBe('');
  });
});

describe('billcheck letter: files that could not be read (tryout 8, dossier F)', () => {
  it('names them in the notes, as stderr does, and still exits 2', async () => {
    const run = await runCli(['letter', `${DOSSIERS}/F-mixed-broken`, '-f', 'json', ...TODAY]);
    expect(run.code).toBe(2);
    const letter = JSON.parse(run.stdout) as { notes: string[] };
    const note = letter.notes.find((text) => text.startsWith('2 fichiers illisibles'));
    expect(note).toContain('F-mixed-broken/04-broken.txt');
    expect(note).toContain('F-mixed-broken/05-damaged.pdf');
    expect(run.stderr).toContain('05-damaged.pdf: a damaged PDF');
  });
});
