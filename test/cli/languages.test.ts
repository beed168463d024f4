/**
 * Issue 20 as a newcomer meets it: a French locale gets a French report, rules and explain; an
 * English one the same in English; the JSON report has the same keys and ids in both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';

const SEED = 'fixtures/seed-cases.csv';
const SEED_EN = 'fixtures/seed-cases-en.csv';
const TODAY = ['--today', '2024-06-01'];
const FRENCH = { LANG: 'fr_FR.UTF-8' };
const BRITISH = { LANG: 'en_GB.UTF-8' };

/** Keys of a JSON value, recursively, with array items merged: the shape programs rely on. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === 'message' ? 'text' : shape(item)]),
  );
}

describe('the report in the reader’s language', () => {
  it('is French under a French locale: messages, labels, dates and counts', async () => {
    const run = await runCli([SEED, ...TODAY], { env: FRENCH });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  Compte 0612345003\n');
    expect(run.stdout).toContain(
      '    erreur    Le total de la facture, 149 000,00 €, dépasse le plafond de 10 000,00 €.  amount-ceiling\n',
    );
    expect(run.stdout).toContain('facture FAC-A3-202401 du 05/01/2024, 149 000,00 €  fixtures/seed-cases.csv:25');
    expect(run.stdout).toContain('c’est 3\u202F726 fois la médiane des 12 factures précédentes');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 8 problèmes (8 erreurs, 0 alerte) dans 31 documents, 4 comptes, 1 fichier',
    );
  });

  it('is English under a British locale, and --lang wins over the locale', async () => {
    const british = await runCli([SEED, ...TODAY], { env: BRITISH });
    const forced = await runCli([SEED, ...TODAY, '--lang', 'en'], { env: FRENCH });
    expect(british.stdout).toBe(forced.stdout);
    expect(british.stdout).toContain('invoice FAC-A3-202401 of 5 Jan 2024, 149 000,00 €');
    expect(british.stdout).toContain('149 000,00 € is 3,726× the median of the 12 earlier bills, 39,99 €.');
    expect(british.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 8 problems (8 errors, 0 warnings) in 31 documents, 4 accounts, 1 file',
    );
  });

  it('takes the config’s lang when no --lang is given, before the locale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-lang-'));
    writeFileSync(join(dir, 'billcheck.config.json'), JSON.stringify({ lang: 'fr' }));
    const run = await runCli([join(process.cwd(), SEED), ...TODAY], { env: BRITISH, cwd: dir });
    expect(run.stdout).toContain('✖ 8 problèmes');
    const refused = await runCli(['-c', join(dir, 'bad.json'), SEED], { env: BRITISH, cwd: dir });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ lang: 'de' }));
    const bad = await runCli(['-c', join(dir, 'bad.json'), join(process.cwd(), SEED)], { env: BRITISH, cwd: dir });
    expect(refused.code).toBe(2);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"lang": "de" is not a language of billcheck \(en, fr\)/);
  });

  it('writes a multi-file report in one date notation whatever each file wrote', async () => {
    const french = await runCli([SEED, SEED_EN, ...TODAY], { env: FRENCH });
    const english = await runCli([SEED, SEED_EN, ...TODAY], { env: BRITISH });
    // The line under each finding: "invoice FAC-1 of 5 Jan 2024, 19,99 €  file:line".
    const dates = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] as string);
    const frenchDates = dates(french.stdout, /^ {10,}(?:facture|avoir|relance|paiement|résiliation) \S+ du ([^,]+),/gm);
    const englishDates = dates(
      english.stdout,
      /^ {10,}(?:invoice|credit note|dunning letter|payment) \S+ of ([^,]+),/gm,
    );
    expect(frenchDates.length).toBeGreaterThan(8);
    expect(frenchDates.length).toBe(englishDates.length);
    expect(frenchDates.filter((date) => !/^\d{2}\/\d{2}\/\d{4}$/.test(date))).toEqual([]);
    expect(englishDates.filter((date) => !/^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(date))).toEqual([]);
    expect(english.stdout).toContain('seed-cases-en.csv');
  });

  it('keeps JSON keys, ids and evidence whatever the language, and names each message by messageId', async () => {
    const fr = JSON.parse((await runCli([SEED, ...TODAY, '-f', 'json'], { env: FRENCH })).stdout) as {
      findings: { ruleId: string; messageId: string; message: string; evidence: unknown }[];
    };
    const en = JSON.parse((await runCli([SEED, ...TODAY, '-f', 'json'], { env: BRITISH })).stdout) as typeof fr;
    expect(shape(fr)).toEqual(shape(en));
    expect(fr.findings.map((f) => [f.ruleId, f.messageId, f.evidence])).toEqual(
      en.findings.map((f) => [f.ruleId, f.messageId, f.evidence]),
    );
    expect(fr.findings[0]).toMatchObject({ ruleId: 'blank-invoice', messageId: 'zero' });
    expect(fr.findings[0]?.message).toBe('La facture ne facture rien : tous ses montants sont nuls.');
    expect(en.findings[0]?.message).toBe('The invoice bills nothing: every amount on it is zero.');
  });
});

describe('rules and explain', () => {
  it('wrap to the terminal’s width, 80 when unknown', async () => {
    const narrow = await runCli(['rules'], { env: FRENCH });
    expect(narrow.stdout).toContain(
      'amount-ceiling             erreur   document  Le total d’une facture dépasse un\n',
    );
    expect(Math.max(...narrow.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    const explain = await runCli(['explain', 'amount-ceiling'], { env: FRENCH });
    expect(explain.stdout).toContain('\nPourquoi c’est important\n');
    expect(explain.stdout).toContain('dépasse le plafond de 10 000,00 €.  amount-ceiling');
    const english = await runCli(['explain', 'dunning-trivial-amount'], { env: BRITISH });
    expect(english.stdout).toContain(
      '  error  A dunning letter demands <amount>, less than €1.00.  dunning-trivial-amount',
    );
  });

  it('list descriptions in French in JSON too, ids and keys unchanged', async () => {
    const fr = JSON.parse((await runCli(['rules', '-f', 'json'], { env: FRENCH })).stdout) as {
      rules: { id: string; description: string }[];
    };
    const en = JSON.parse((await runCli(['rules', '-f', 'json'], { env: BRITISH })).stdout) as typeof fr;
    expect(fr.rules.map((rule) => rule.id)).toEqual(en.rules.map((rule) => rule.id));
    expect(fr.rules[0]?.description).toMatch(/^Le total d’une facture dépasse un plafond/);
  });
});

describe('errors', () => {
  it('share one prefix and a capital letter, commander’s included, in the run’s language', async () => {
    const english = await runCli(['--fromat', 'json', SEED], { env: BRITISH });
    expect(english.code).toBe(2);
    expect(english.stderr.split('\n')[0]).toBe("billcheck: Unknown option '--fromat'");
    const french = await runCli(['--fromat', 'json', SEED], { env: FRENCH });
    expect(french.stderr.split('\n')[0]).toBe("billcheck: Option inconnue '--fromat'");
    expect(french.stderr).toContain('(Vouliez-vous dire --format ?)');
    const rule = await runCli(['explain', 'nope'], { env: FRENCH });
    expect(rule.stderr).toBe('billcheck: Règle inconnue « nope » (billcheck rules en donne la liste)\n');
  });

  it('suggest a command for a mistyped one that is no file, and leave file names alone', async () => {
    const typo = await runCli(['chekc', SEED], { env: BRITISH });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'billcheck: Unknown command "chekc": did you mean check? (a file to check is a path: ./chekc)\n',
    );
    expect(typo.stdout).toBe('');
    // A name with an extension is a file to check, even a missing one.
    const missing = await runCli(['chekc.csv'], { env: BRITISH });
    expect(missing.stderr).toBe('billcheck: chekc.csv: cannot read: no such file or directory\n');
    const french = await runCli(['chekc.csv'], { env: FRENCH });
    expect(french.stderr).toBe('billcheck: chekc.csv: lecture impossible : fichier ou dossier introuvable\n');
  });

  it('never suggest for an existing file named like a command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-typo-'));
    writeFileSync(join(dir, 'chekc'), 'N° de facture;Date;Montant TTC\n');
    const run = runBin(['chekc'], { env: BRITISH, cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('⚠ No documents found in 1 file (0 data rows): nothing was checked\n');
  });
});

describe('summary lines that read true, in French', () => {
  it('says no document was found in a header-only file, and nothing was checked when every file failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-summary-'));
    writeFileSync(join(dir, 'vide.csv'), 'N° de facture;Date;Montant TTC\n');
    const empty = await runCli([join(dir, 'vide.csv')], { env: FRENCH });
    expect(empty.stdout).toBe('⚠ Aucun document trouvé dans 1 fichier (0 ligne de données) : rien n’a été vérifié\n');
    const failed = await runCli([join(dir, 'absent.csv')], { env: FRENCH });
    expect(failed.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 fichier n’a pas pu être vérifié ; rien n’a été vérifié',
    );
    const some = await runCli([join(dir, 'absent.csv'), join(dir, 'vide.csv')], { env: BRITISH });
    expect(some.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 file could not be checked; no documents found in 1 file (0 data rows): nothing was checked',
    );
  });
});
