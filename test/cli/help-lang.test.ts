/**
 * Issue 20, help and usage errors in the reader's language: `--lang fr` or a French locale gives a
 * French `--help` (commander's headings included) and French errors, with the one prefix and exit
 * code 2; English stays as it was. The French `check --help` is kept in test/i18n/fr-check-help.txt.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FRENCH = { LANG: 'fr_FR.UTF-8' };
const NBSP = '\u00A0';
const COMMANDER_ENGLISH = ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'display help for command', '(default:'];

describe('help in French', () => {
  it('is French with --lang fr: headings, descriptions, the help option, examples', async () => {
    const run = await runCli(['--lang', 'fr', 'check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Utilisation${NBSP}: billcheck check [options] [fichiers...]`);
    expect(run.stdout).toContain(`\nOptions${NBSP}:\n`);
    expect(run.stdout).toContain(`\nArguments${NBSP}:\n  fichiers `);
    expect(run.stdout).toMatch(/\n {2}-o, --output <file> +Écrire le rapport dans ce fichier plutôt que\n/);
    expect(run.stdout).toMatch(/\n {2}-h, --help +Afficher l’aide de la commande\n/);
    expect(run.stdout).toContain(`(valeurs possibles${NBSP}: "dmy", "mdy", "ymd")`);
    expect(run.stdout).toContain(`\nExemples${NBSP}:\n`);
    for (const english of COMMANDER_ENGLISH) expect(run.stdout).not.toContain(english);
  });

  it('is the French help a French reader read once (test/i18n/fr-check-help.txt)', async () => {
    const run = await runCli(['check', '--help'], { env: FRENCH });
    const golden = readFileSync(new URL('../i18n/fr-check-help.txt', import.meta.url), 'utf8');
    expect(run.stdout).toBe(golden);
  });

  it('is French under a French locale for the program: commands, help command, version option', async () => {
    const run = await runCli(['--help'], { env: FRENCH });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Utilisation${NBSP}: billcheck [options] [commande]`);
    expect(run.stdout).toContain(`\nCommandes${NBSP}:\n`);
    expect(run.stdout).toMatch(/\n {2}help \[commande\] +Afficher l’aide de la commande\n/);
    expect(run.stdout).toMatch(/\n {2}-v, --version +Afficher la version\n/);
    expect(run.stdout).toMatch(/\n {2}rules \[options\] +Lister toutes les règles/);
    for (const english of COMMANDER_ENGLISH) expect(run.stdout).not.toContain(english);
  });

  it.each([
    ['rules', 'Lister toutes les règles'],
    ['explain', 'Afficher la documentation d’une règle'],
    ['extract', 'Afficher en JSON les documents'],
    ['letter', 'Rédiger la lettre de réclamation'],
  ])('is French for %s --help', async (command, description) => {
    const run = await runCli([command, '--help'], { env: FRENCH });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^Utilisation${NBSP}: billcheck ${command} \\[options\\]`));
    expect(run.stdout).toContain(description);
    expect(run.stdout).toMatch(new RegExp(`\nExemples?${NBSP}:\n`));
    for (const english of [...COMMANDER_ENGLISH, 'Example', 'output format']) {
      expect(run.stdout).not.toContain(english);
    }
  });

  it('stays English under an English or neutral locale, and --lang en wins over a French one', async () => {
    const british = await runCli(['check', '--help'], { env: { LANG: 'en_GB.UTF-8' } });
    const neutral = await runCli(['check', '--help'], { env: { LANG: 'C' } });
    const forced = await runCli(['--lang', 'en', 'check', '--help'], { env: FRENCH });
    expect(british.stdout.split('\n')[0]).toBe('Usage: billcheck check [options] [files...]');
    expect(british.stdout).toMatch(/\n {2}-h, --help +display help for command\n/);
    expect(british.stdout).toContain('(choices: "dmy", "mdy", "ymd")');
    expect(neutral.stdout).toBe(british.stdout);
    expect(forced.stdout).toBe(british.stdout);
  });
});

describe('a --lang before the command word', () => {
  // It was taken by the default command, which then read "check" as a file it could not open.
  it('is the program’s: the command still runs, in that language', async () => {
    const run = await runCli(['--lang', 'fr', 'check', 'fixtures/seed-cases.csv', '--today', '2024-06-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 8 problèmes (8 erreurs, 0 alerte) dans 31 documents, 4 comptes, 1 fichier',
    );
  });
});

describe('errors in French', () => {
  it('says commander’s unknown option in French, with the prefix and exit code 2', async () => {
    const run = await runCli(['--lang', 'fr', 'check', '--nope']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("billcheck: Option inconnue '--nope'\n(billcheck --help décrit l’utilisation)\n");
  });

  it('says an invalid choice and a missing argument in French', async () => {
    const choice = await runCli(['check', '--format', 'xml', 'a.csv'], { env: FRENCH });
    const missing = await runCli(['explain'], { env: FRENCH });
    expect(choice.code).toBe(2);
    expect(choice.stderr.split('\n')[0]).toBe(
      "billcheck: L’option '-f, --format <format>' n’accepte pas la valeur 'xml'. " +
        'Valeurs possibles : text, json, ndjson, csv, html.',
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe("billcheck: Argument obligatoire manquant 'règle'");
  });

  it('says billcheck’s own usage errors in French, and in English without a French locale', async () => {
    const french = await runCli(['--jobs', '99', 'a.csv'], { env: FRENCH });
    const english = await runCli(['--jobs', '99', 'a.csv'], { env: { LANG: 'C' } });
    const date = await runCli(['--lang', 'fr', '--terminated', '=2024-01-15', 'a.csv']);
    const level = await runCli(['--lang', 'fr', '--rule', 'amount-ceiling=loud', 'a.csv']);
    expect([french.code, english.code, date.code, level.code]).toEqual([2, 2, 2, 2]);
    expect(french.stderr).toBe('billcheck: --jobs attend un nombre de 1 à 16, pas « 99 »\n');
    expect(english.stderr).toBe('billcheck: --jobs expects a number from 1 to 16, not "99"\n');
    expect(date.stderr).toMatch(/^billcheck: --terminated : aucun compte avant « = » dans « =2024-01-15 »/);
    expect(level.stderr).toBe(
      'billcheck: --rule amount-ceiling : « loud » n’est pas une gravité (off, error, warning, info)\n',
    );
  });

  it('says a file letter cannot read in the locale’s language, before the letter’s is known', async () => {
    const run = await runCli(['letter', 'nope.csv'], { env: FRENCH });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('billcheck: nope.csv: lecture impossible : fichier ou dossier introuvable');
  });

  it('says an unwritable -o, a letter usage error and a bad config in French', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-lang-errors-'));
    const config = join(dir, 'billcheck.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'amount-ceiling': 'loud' } }));
    const output = await runCli(['fixtures/seed-cases.csv', '-o', join(dir, 'no', 'such', 'r.txt')], { env: FRENCH });
    const letter = await runCli(['letter', '--stage', '2', 'fixtures/seed-cases.csv'], { env: FRENCH });
    const bad = await runCli(['-c', config, 'fixtures/seed-cases.csv'], { env: FRENCH });
    expect([output.code, letter.code, bad.code]).toEqual([2, 2, 2]);
    expect(output.stderr).toMatch(
      /^billcheck: Impossible d’écrire le rapport dans .*r\.txt : le dossier .*no n’existe pas\n$/,
    );
    expect(letter.stderr).toBe('billcheck: --stage 2 demande --sent DATE : la date de votre réclamation écrite\n');
    expect(bad.stderr).toBe(
      `billcheck: ${config}: rules.amount-ceiling : « loud » n’est pas une gravité (off, error, warning, info)\n`,
    );
  });
});
