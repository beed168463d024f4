/**
 * `billcheck letter` end to end, in-process: a letter for each story of the seed export at each
 * stage, compared whole with golden files that a person read sentence by sentence (see
 * letter-golden/README.md), and the command's behaviour around them (the account to choose,
 * nothing to dispute, missing dates, the draft reminder on stderr).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const GOLDEN = new URL('./letter-golden/', import.meta.url);
const SEED = 'fixtures/seed-cases.csv';
const SEED_EN = 'fixtures/seed-cases-en.csv';
const TODAY = ['--today', '2026-12-01'];
const AGENCY = 'fixtures/letters/fr-relance-puis-agence';
const SOSH = 'fixtures/letters/fr-sosh-intrum-frais';
const EXPORT3 = 'fixtures/letters/fr-export-doublon-derniere-relance/export.csv';
const CESSION = 'fixtures/letters/fr-cession-creance-sfr';
const ABTRETUNG = 'fixtures/letters/de-abtretung-telekom';
const LOWELL = 'fixtures/dossiers/en-uk-three-reminder-then-lowell';

function golden(name: string): string {
  return readFileSync(new URL(name, GOLDEN), 'utf8');
}

/** Each golden file and the arguments that make it. */
const LETTERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['a1-stage1.txt', [SEED, '--account', '0612345001', '--from', 'test/cli/letter-golden/me.txt']],
  ['a2-stage1.txt', [SEED, '--account', '0612345002']],
  ['a3-stage1.txt', [SEED, '--account', '0612345003']],
  ['a4-stage1.txt', [SEED, '--account', '0612345004']],
  ['a1-stage2.txt', [SEED, '--account', '0612345001', '--stage', '2', '--sent', '2026-10-15']],
  ['a2-stage2.md', [SEED, '--account', '0612345002', '--stage', '2', '--sent', '2026-10-15', '-f', 'md']],
  ['a3-stage2.txt', [SEED, '--account', '0612345003', '--stage', '2', '--sent', '15/10/2026']],
  ['a4-stage2.txt', [SEED, '--account', '0612345004', '--stage', '2', '--sent', '2026-10-15']],
  ['a1-mediator.txt', [SEED, '--account', '0612345001', '--stage', 'mediator', '--sent', '2026-09-01']],
  [
    'a2-mediator.html',
    [
      SEED,
      '--account',
      '0612345002',
      '--stage',
      'mediator',
      '--sent',
      '2026-09-01',
      '--sent',
      '2026-10-05',
      '-f',
      'html',
    ],
  ],
  [
    'a3-mediator.json',
    [
      SEED,
      '--account',
      '0612345003',
      '--stage',
      'mediator',
      '--sent',
      '2026-09-01',
      '--sent',
      '2026-10-05',
      '-f',
      'json',
    ],
  ],
  [
    'a4-mediator.txt',
    [SEED, '--account', '0612345004', '--stage', 'mediator', '--sent', '2026-09-01', '--sent', '2026-10-05'],
  ],
  ['en-a4-stage1.txt', [SEED_EN, '--account', '0612345004']],
  ['en-a4-stage1-fr-law.txt', [SEED_EN, '--account', '0612345004', '--country', 'FR']],
  ['a1-stage1-en.txt', [SEED, '--account', '0612345001', '--lang', 'en']],
  // A British collection agency's 0,01 £ final notice (its source: fixtures/text/final-notice-agency.expected.json).
  ['gb-stage1.txt', ['fixtures/text/final-notice-agency.txt']],
  ['gb-stage2.txt', ['fixtures/text/final-notice-agency.txt', '--stage', '2', '--sent', '2026-11-01']],
  // An English letter for an English bill: a final notice for a bill paid weeks before (fixtures/dossiers).
  ['en-uk-stage1.txt', ['fixtures/dossiers/en-uk-final-notice-after-payment']],
  // One debt demanded by SFR's reminder, then by an agency with fees (fixtures/letters/README.md).
  ['fr-agence-stage1.txt', [AGENCY]],
  [
    'fr-agence-mediator.json',
    [AGENCY, '--stage', 'mediator', '--sent', '2026-09-01', '--sent', '2026-10-05', '-f', 'json'],
  ],
  // Issue 16's third tryout (fixtures/letters/README.md): a document named as its title names it,
  // and the bill a duplicate repeats.
  ['fr-free-agence-stage1.txt', ['fixtures/letters/fr-free-agence-facture-vierge']],
  ['fr-derniere-relance-stage1.txt', [EXPORT3, '--account', '110045872']],
  ['fr-doublon-stage1.txt', [EXPORT3, '--account', '330077120']],
  ['fr-doublon-stage2.json', [EXPORT3, '--account', '330077120', '--stage', '2', '--sent', '2026-10-15', '-f', 'json']],
  ['en-final-demand-stage1.txt', ['fixtures/letters/en-final-demand-export']],
  ['en-uk-letter-before-action-stage1.txt', ['fixtures/letters/en-uk-letter-before-action']],
  // A reminder for a bill the export's own status column marks paid (fixtures/csv/corpus/c10-fr-statut-paye-relance.expected.json).
  // German bills (fixtures/dossiers/de-mahnung-trotz-gutschrift): a known country whose escalation is not covered.
  ['de-stage1.txt', ['fixtures/dossiers/de-mahnung-trotz-gutschrift']],
  [
    'de-stage2-fr.txt',
    ['fixtures/dossiers/de-mahnung-trotz-gutschrift', '--lang', 'fr', '--stage', '2', '--sent', '2026-11-02'],
  ],
  ['fr-statut-paye-stage1.txt', ['fixtures/csv/corpus/c10-fr-statut-paye-relance.csv']],
  // One reminder for a bill an avoir cancelled and an unpaid one: only the cancelled bill's claim is withdrawn.
  ['fr-avoir-et-impayee-stage1.txt', ['fixtures/dossiers/fr-relance-facture-avoir-et-impayee']],
  // Tryout 6: a 0,01 € debt and 12,00 € of fees on their own line, said apart at every stage.
  ['fr-sosh-frais-stage1.txt', [SOSH]],
  ['fr-sosh-frais-stage1-en.txt', [SOSH, '--lang', 'en']],
  ['fr-sosh-frais-stage2.txt', [SOSH, '--stage', '2', '--sent', '2026-10-15']],
  ['fr-sosh-frais-mediator.txt', [SOSH, '--stage', 'mediator', '--sent', '2026-09-01', '--sent', '2026-10-05']],
  // Issue 16, tryout 6: debts a purchaser says it bought (fixtures/letters/README.md): the letter goes to it.
  ['fr-cession-stage1.txt', [CESSION]],
  ['fr-cession-stage2.txt', [CESSION, '--stage', '2', '--sent', '2026-10-15']],
  [
    'fr-cession-mediator.json',
    [CESSION, '--stage', 'mediator', '--sent', '2026-09-01', '--sent', '2026-10-05', '-f', 'json'],
  ],
  ['de-abtretung-stage1.txt', [ABTRETUNG]],
  ['en-uk-lowell-stage1.txt', [LOWELL]],
  ['en-uk-lowell-stage2.json', [LOWELL, '--stage', '2', '--sent', '2026-10-15', '-f', 'json']],
];

describe('billcheck extract: the title a letter names a dunning letter by', () => {
  it('shows dunningTitle on dunning letters only, as the export types them', async () => {
    const run = await runCli(['extract', EXPORT3]);
    expect(run.code).toBe(0);
    const { documents } = JSON.parse(run.stdout) as { documents: { id: string; dunningTitle?: string }[] };
    expect(documents.filter((doc) => 'dunningTitle' in doc).map((doc) => [doc.id, doc.dunningTitle])).toEqual([
      ['RL-2024-0099', 'final-reminder'],
    ]);
  });
});

describe('billcheck letter: the seed stories at each stage', () => {
  for (const [name, args] of LETTERS) {
    it(`writes ${name} as read`, async () => {
      const run = await runCli(['letter', ...args, ...TODAY]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(golden(name));
    });
  }

  it('reminds on stderr, not in the letter, that it is a draft and not legal advice', async () => {
    const run = await runCli(['letter', SEED, '--account', '0612345004', ...TODAY]);
    expect(run.stderr).toBe(
      'billcheck: ce courrier est un brouillon construit à partir des factures lues, pas un conseil juridique : relisez-le, complétez les [champs entre crochets] et vérifiez chaque fait avant de l’envoyer.\n',
    );
    expect(run.stdout).not.toContain('brouillon');
  });

  it("says on stderr when the bills' country is unknown and no law is cited", async () => {
    const run = await runCli(['letter', SEED_EN, '--account', '0612345004', ...TODAY]);
    expect(run.stderr.split('\n')[0]).toBe(
      "billcheck: The bills' country is unknown: this letter cites no law and announces no precise escalation step (--country FR|GB for those of France or the United Kingdom).",
    );
  });

  it('knows German bills are German, says on stderr and in the notes that no German step is covered', async () => {
    const dossier = 'fixtures/dossiers/de-mahnung-trotz-gutschrift';
    for (const lang of ['en', 'fr']) {
      const run = await runCli(['letter', dossier, '--lang', lang, '-f', 'json', ...TODAY]);
      expect(run.code).toBe(0);
      const letter = JSON.parse(run.stdout) as { country?: string; jurisdiction?: string; notes: string[] };
      expect([letter.country, letter.jurisdiction]).toEqual(['DE', undefined]);
      expect(letter.notes).toHaveLength(1);
      expect(letter.notes[0]).toContain(lang === 'en' ? 'country: Germany, DE' : 'pays : Allemagne, DE');
      expect(run.stderr.split('\n')[0]).toBe(`billcheck: ${letter.notes[0]}`);
      expect(run.stdout).not.toMatch(/L34-2|L111-8|Arcep|Ofcom|Médiateur|Schlichtung/);
    }
    const referral = await runCli(['letter', dossier, '--stage', 'mediator', '--sent', '2026-09-01', ...TODAY]);
    expect(referral.code).toBe(2);
    expect(referral.stdout).toBe('');
  });

  it('finds the account under the international form of a line the documents write nationally', async () => {
    const british = await runCli([
      'letter',
      'fixtures/dossiers/en-uk-final-notice-after-payment',
      '--account',
      '+44 7700 900123',
      ...TODAY,
    ]);
    expect(british.code).toBe(0);
    expect(british.stdout).toBe(golden('en-uk-stage1.txt'));
    const french = await runCli(['letter', SEED, '--account', '+33 6 12 34 50 02', ...TODAY]);
    expect(french.code).toBe(0);
    expect(french.stdout).toBe(golden('a2-stage1.txt'));
    const other = await runCli(['letter', SEED, '--account', '+44 6 12 34 50 02', ...TODAY]);
    expect(other.code).toBe(2);
  });

  it('writes the letter to -o FILE and nothing to stdout', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'billcheck-letter-')), 'lettre.txt');
    const run = await runCli(['letter', SEED, '--account', '0612345002', '-o', file, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(golden('a2-stage1.txt'));
  });

  it('accepts the account as people type it, with spaces', async () => {
    const run = await runCli(['letter', SEED, '--account', '06 12 34 50 02', ...TODAY]);
    expect(run.stdout).toBe(golden('a2-stage1.txt'));
  });
});

describe('billcheck letter: one debt demanded twice', () => {
  it('counts the debt once and the fees apart, and names the operator the documents name', async () => {
    const run = await runCli(['letter', AGENCY, '-f', 'json', ...TODAY]);
    const letter = JSON.parse(run.stdout) as { disputed: unknown[]; recipient: string[] };
    expect(letter.disputed).toEqual([
      { amount: '89.99', currency: 'EUR', text: '89,99 €', part: 'debt' },
      { amount: '40.00', currency: 'EUR', text: '40,00 €', part: 'on-top' },
    ]);
    expect(letter.recipient).toEqual(['SFR', 'Service Client', 'TSA 30103', '69947 Lyon Cedex 20']);
  });

  it('keeps the placeholder for a consumer-service address no document gives', async () => {
    const run = await runCli(['letter', AGENCY, '--stage', '2', '--sent', '2026-10-15', '-f', 'json', ...TODAY]);
    const letter = JSON.parse(run.stdout) as { recipient: string[] };
    expect(letter.recipient).toEqual([
      'SFR',
      'Service consommateurs',
      '[Adresse du service consommateurs, indiquée sur vos factures ou votre contrat]',
    ]);
  });
});

describe('billcheck letter: one account under several forms', () => {
  it('names the operator and its service address from the joined documents, and the bill read twice once', async () => {
    const dossier = 'fixtures/letters/fr-orange-deux-formes';
    const run = await runCli(['letter', dossier, '--account', '0240123456', '-f', 'json', ...TODAY]);
    const letter = JSON.parse(run.stdout) as { recipient: string[]; facts: { text: string }[] };
    expect(letter.recipient).toEqual(['Orange', 'Service Clients', '33734 Bordeaux Cedex 9']);
    expect(letter.facts.map((fact) => fact.text.slice(0, 36))).toEqual([
      '20/01/2025 : confirmation de résilia',
      '02/02/2025 : facture OR-25020551, 42',
      '02/03/2025 : facture OR-25030551, 42',
    ]);
  });
});

describe('billcheck letter: the sender from the config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'billcheck-letter-config-'));
  const config = join(dir, 'billcheck.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      letter: { from: { name: 'Sophie Lambert', address: ['21 rue Nationale', '37000 Tours'], city: 'Tours' } },
    }),
  );

  it('takes letter.from and says on stderr which config gave it', async () => {
    const run = await runCli(['letter', AGENCY, '-c', config, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['Sophie Lambert', '21 rue Nationale', '37000 Tours']);
    expect(run.stdout).toContain('Tours, le 1er décembre 2026');
    expect(run.stderr.split('\n')[0]).toBe(
      `billcheck: the sender's details come from ${config} (letter.from: name, address, city)`,
    );
  });

  it('lets --from FILE replace them', async () => {
    const run = await runCli(['letter', AGENCY, '-c', config, '--from', 'test/cli/letter-golden/me.txt', ...TODAY]);
    expect(run.stdout.split('\n')[0]).toBe('Marie Dupont');
    expect(run.stdout).not.toContain('Sophie Lambert');
    expect(run.stderr).not.toContain('letter.from');
  });

  it('refuses an unknown sender key in one line (exit 2)', async () => {
    const bad = join(dir, 'bad.config.json');
    writeFileSync(bad, JSON.stringify({ letter: { from: { nom: 'Sophie' } } }));
    const run = await runCli(['letter', AGENCY, '-c', bad, ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `billcheck: ${bad}: letter.from: unknown key "nom" (keys: name, address, city, customerNumber, contract, email, phone)\n`,
    );
  });
});

describe('billcheck letter --status', () => {
  it('tells when the consumer service and the Médiateur may be written to, and the deadline', async () => {
    const run = await runCli(['letter', '--status', '--sent', '2026-09-01', '--today', '2026-09-20']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('status-fr.txt'));
  });

  it('after the consumer-service letter, in English', async () => {
    const run = await runCli([
      'letter',
      '--status',
      '--sent',
      '2026-09-01',
      '--sent',
      '2026-10-05',
      '--lang',
      'en',
      '--today',
      '2026-12-01',
    ]);
    expect(run.stdout).toBe(golden('status-en.txt'));
  });

  it('takes the country from the bills when given them', async () => {
    const french = await runCli(['letter', SEED, '--status', '--sent', '2026-09-01', '--today', '2026-09-20']);
    expect(french.stdout).toBe(golden('status-fr.txt'));
    const unknown = await runCli(['letter', SEED_EN, '--status', '--sent', '2026-09-01', '--today', '2026-09-20']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'billcheck: --status: billcheck knows the escalation of France and the United Kingdom only; say which with --country FR|GB\n',
    );
  });

  it('for the United Kingdom', async () => {
    const run = await runCli([
      'letter',
      '--status',
      '--country',
      'GB',
      '--lang',
      'en',
      '--sent',
      '2026-12-01',
      '--today',
      '2026-12-01',
    ]);
    expect(run.stdout).toBe(golden('status-gb.txt'));
  });
});

describe('billcheck letter: when there is no letter to write', () => {
  it('asks which account when several have findings, listing them (exit 2)', async () => {
    const run = await runCli(['letter', SEED, ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'billcheck: Several accounts have findings; choose one with --account ID: 0612345001 (3 findings), 0612345002 (1 finding), 0612345003 (2 findings), 0612345004 (2 findings)\n',
    );
  });

  it('says there is nothing to dispute for bills without findings, and writes no letter (exit 0)', async () => {
    const run = await runCli(['letter', 'fixtures/french-ttc-export.csv', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'billcheck: rien à contester : aucune anomalie relevée dans ces factures, aucun courrier écrit.\n',
    );
  });

  it('says there is nothing to dispute for an account without findings', async () => {
    const run = await runCli(['letter', 'fixtures/french-ttc-export.csv', '--account', '0145678900', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'billcheck: rien à contester pour le compte 0145678900 : aucune anomalie relevée, aucun courrier écrit.\n',
    );
  });

  it('answers a program asking for JSON with no letter rather than nothing (tryout 6)', async () => {
    const run = await runCli(['letter', 'fixtures/french-ttc-export.csv', '-f', 'json', ...TODAY]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ letter: null, account: null, findings: 0 });
    const one = await runCli([
      'letter',
      'fixtures/french-ttc-export.csv',
      '--account',
      '0145678900',
      '-f',
      'json',
      ...TODAY,
    ]);
    expect(JSON.parse(one.stdout)).toEqual({ letter: null, account: '0145678900', findings: 0 });
  });

  it('refuses an account that is not in the inputs (exit 2)', async () => {
    const run = await runCli(['letter', SEED, '--account', '0699999999', ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^billcheck: --account 0699999999: no such account in the inputs \(accounts with findings: 0612345001, /,
    );
  });

  it('needs the date of the first letter for stage 2, the Médiateur and --status (exit 2)', async () => {
    for (const args of [['--stage', '2'], ['--stage', 'mediator'], ['--status']]) {
      const run = await runCli(['letter', SEED, '--account', '0612345001', ...args, ...TODAY]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/needs --sent DATE/);
    }
  });

  it('writes for an account named by an alias the report lists, or by another form of its line', async () => {
    // The dossier's bills name the line, its reminder the customer number C-104233 (fixtures/dossiers/README.md).
    const dossier = 'fixtures/dossiers/fr-relance-malgre-avoir';
    for (const named of ['C-104233', '+33 6 98 76 54 32']) {
      const run = await runCli(['letter', dossier, '--account', named, '--today', '2024-12-31']);
      expect(run.code, named).toBe(0);
      expect(run.stdout, named).toContain('Objet : Réclamation – Client n° C-104233 – Ligne 0698765432');
    }
  });

  it("drafts a reminder to the consumer service before the customer service's month is up, with a warning", async () => {
    // service-public.fr: the consumer service is the second level once the first has not answered within a month.
    const early = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--stage',
      '2',
      '--sent',
      '2026-11-20',
      ...TODAY,
    ]);
    expect(early.code).toBe(0);
    expect(early.stderr).toMatch(/écrivez au service consommateurs à partir du 20 décembre 2026/);
    const inTime = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--stage',
      '2',
      '--sent',
      '2026-10-15',
      ...TODAY,
    ]);
    expect(inTime.stderr).not.toMatch(/service consommateurs à partir/);
  });

  it('refuses dates in the wrong order or in the future (exit 2)', async () => {
    const reversed = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--stage',
      'mediator',
      '--sent',
      '2026-10-05',
      '--sent',
      '2026-09-01',
      ...TODAY,
    ]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/give the written complaint first/);
    const future = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--stage',
      '2',
      '--sent',
      '2027-01-01',
      ...TODAY,
    ]);
    expect(future.code).toBe(2);
    expect(future.stderr).toBe('billcheck: --sent 2027-01-01 is after today (2026-12-01)\n');
  });

  it('says when a --sent date is not used by the stage, rather than dropping it (tryout 7)', async () => {
    const first = await runCli(['letter', SEED, '--account', '0612345001', '--sent', '2026-09-01', ...TODAY]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      'billcheck: --sent n’est pas repris dans la première réclamation (--stage 1) : il sert à --stage 2, --stage mediator et --status.',
    );
    const reminder = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--stage',
      '2',
      '--sent',
      '2026-09-01',
      '--sent',
      '2026-10-05',
      ...TODAY,
    ]);
    expect(reminder.code).toBe(0);
    expect(reminder.stderr).toContain('ne cite que votre première réclamation, du 1er septembre 2026');
    const both = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--stage',
      'mediator',
      '--sent',
      '2026-09-01',
      '--sent',
      '2026-10-05',
      ...TODAY,
    ]);
    expect(both.stderr).not.toMatch(/--sent (n’est pas repris|is not used)|second --sent/);
  });

  it('writes the operator once above its one-line address, and one claimed bill in the singular (tryout 7, dossier B)', async () => {
    const run = await runCli(['letter', 'fixtures/dossiers/fr-orange-avoir-puis-intrum', ...TODAY]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').map((line) => line.trim());
    const at = lines.indexOf('Orange');
    // The bill's foot reads "Orange - service clients Mobile - 41965 BLOIS CEDEX 9".
    expect(lines.slice(at, at + 3)).toEqual(['Orange', 'service clients Mobile', '41965 BLOIS CEDEX 9']);
    expect(lines.filter((line) => line === 'Orange')).toHaveLength(1);
    expect(run.stdout).toContain('Titulaire du compte client n° 9876543210, je conteste');
    expect(run.stdout).toContain('la facture qu’ils réclament étant déjà couverte par l’avoir AV-2026-0718-553');
    expect(run.stdout).toContain('courrier 40771234 d’Intrum du 10/09/2026 (44,99 €)');
  });

  it('names a missing folder of -o in one line, exit 2 (tryout 7: it said only ENOENT)', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'billcheck-letter-')), 'nowhere', 'lettre.txt');
    const run = await runCli(['letter', SEED, '--account', '0612345001', '-o', missing, ...TODAY, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no such directory: .*nowhere/);
  });

  it('drafts a referral to the Médiateur only for France (exit 2 otherwise)', async () => {
    const run = await runCli([
      'letter',
      SEED_EN,
      '--account',
      '0612345004',
      '--stage',
      'mediator',
      '--sent',
      '2026-09-01',
      ...TODAY,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^billcheck: --stage mediator drafts a referral to the French Médiateur/);
  });

  it('warns when the Médiateur may not be referred to yet', async () => {
    const run = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345004',
      '--stage',
      'mediator',
      '--sent',
      '2026-11-01',
      ...TODAY,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(
      'billcheck: sauf réponse insatisfaisante déjà reçue, le Médiateur ne peut être saisi qu’à partir du 1er janvier 2027',
    );
  });

  it('reports a bad --from file in one line (exit 2)', async () => {
    const run = await runCli([
      'letter',
      SEED,
      '--account',
      '0612345001',
      '--from',
      'fixtures/seed-cases.csv',
      ...TODAY,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^billcheck: --from fixtures\/seed-cases\.csv: expected "key: value", not "N° de facture;Type;/,
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('billcheck letter on hostile input', () => {
  // Escape sequences, BEL, bidi overrides in ids and accounts: the file test/cli/hostile.test.ts checks the report with.
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  for (const format of ['text', 'md', 'html', 'json']) {
    it(`lets no control character through in ${format}`, async () => {
      const run = await runCli(['letter', 'fixtures/hostile/control-characters.csv', '-f', format, ...TODAY]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('FAC-2024-01');
      expect(run.stdout).not.toMatch(RAW_CONTROL);
      expect(run.stderr).not.toMatch(RAW_CONTROL);
    });
  }

  it('counts on stderr the findings the letter leaves out (rows that could not be read)', async () => {
    const run = await runCli(['letter', 'fixtures/hostile/control-characters.csv', ...TODAY]);
    expect(run.stderr.split('\n')[0]).toBe(
      'billcheck: 1 ligne illisible ou sans compte ne figure pas dans le courrier (billcheck check la détaille)',
    );
  });
});

interface PurchaserLetterJson {
  recipient: string[];
  purchaser?: { name: string; originalCreditor?: string };
  opening: string[];
  nextStep: string;
  enclosures: string[];
  notes: string[];
}

describe('billcheck letter: a debt a purchaser says it bought', () => {
  const cases = [
    // The purchaser's name and address, and the original creditor, as each purchaser's letter prints them.
    { dossier: CESSION, name: 'PORTEFEUILLES CRÉANCES DU CENTRE', address: '45002 Orléans Cedex 1', creditor: 'SFR' },
    { dossier: ABTRETUNG, name: 'Nordwest Forderungskauf GmbH', address: '20015 Hamburg', creditor: 'Telekom' },
    { dossier: LOWELL, name: 'Lowell Solutions Ltd', address: 'Leeds LS1 4XX', creditor: 'Three' },
  ];
  for (const { dossier, name, address, creditor } of cases) {
    it(`writes to ${name}, naming ${creditor} the original creditor, at stages 1 and 2`, async () => {
      for (const stage of [[], ['--stage', '2', '--sent', '2026-10-15']]) {
        const run = await runCli(['letter', dossier, ...stage, '-f', 'json', ...TODAY]);
        expect(run.code).toBe(0);
        const letter = JSON.parse(run.stdout) as PurchaserLetterJson;
        expect(letter.recipient[0]).toBe(name);
        expect(letter.recipient.at(-1)).toBe(address);
        expect(letter.purchaser).toEqual({ name, originalCreditor: creditor });
        expect(letter.opening.join(' ')).toContain(creditor);
        // No service of the operator's, no scheme billcheck cannot name for a purchaser.
        expect(JSON.stringify({ ...letter, notes: [] })).not.toMatch(
          /service consommateurs|consumer service|Médiateur|ADR|[Oo]mbudsman|Ofcom/,
        );
        expect(letter.notes.at(-1)).toContain(name);
        expect(run.stderr).toContain(`billcheck: ${letter.notes.at(-1) ?? ''}`);
      }
    });
  }

  it('says at the mediator stage where the earlier letters went and what to check with the Médiateur', async () => {
    const run = await runCli([
      'letter',
      CESSION,
      '--stage',
      'mediator',
      '--sent',
      '2026-09-01',
      '-f',
      'json',
      ...TODAY,
    ]);
    const letter = JSON.parse(run.stdout) as PurchaserLetterJson;
    expect(letter.enclosures).toContain(
      'Copie de mon courrier du 1er septembre 2026 à PORTEFEUILLES CRÉANCES DU CENTRE',
    );
    expect(letter.enclosures.join('\n')).not.toContain('au service clients');
    expect(letter.notes.at(-1)).toMatch(/vérifiez auprès du Médiateur/);
    // The referral form says where the complaints went: to the purchaser, not to SFR's two services.
    const text = await runCli(['letter', CESSION, '--stage', 'mediator', '--sent', '2026-09-01', ...TODAY]);
    expect(text.stdout).toContain('Acquéreur de la créance : PORTEFEUILLES CRÉANCES DU CENTRE');
    expect(text.stdout).toContain('Réclamations écrites à PORTEFEUILLES CRÉANCES DU CENTRE : 1er septembre 2026\n');
    expect(text.stdout).not.toMatch(/au service (?:clients|consommateurs)/);
  });

  it('warns with --status that the dates are the operator escalation, not the purchaser one', async () => {
    const bought = await runCli(['letter', LOWELL, '--status', '--sent', '2026-10-15', ...TODAY]);
    expect(bought.stderr).toContain('Lowell Solutions Ltd bought the debt');
    const agency = await runCli(['letter', AGENCY, '--status', '--sent', '2026-10-15', ...TODAY]);
    expect(agency.stderr).not.toMatch(/acquis|bought/);
  });

  it("keeps an agency's letter addressed to the operator it collects for", async () => {
    for (const dossier of [AGENCY, 'fixtures/dossiers/en-uk-agency-after-payment']) {
      const run = await runCli(['letter', dossier, '-f', 'json', ...TODAY]);
      const letter = JSON.parse(run.stdout) as PurchaserLetterJson;
      expect(letter.purchaser).toBeUndefined();
      expect(letter.recipient[0]).toMatch(/^(?:SFR|UK Mobile Ltd)$/);
    }
  });
});

// Tryout 6: a British reminder written after the ADR date said "if my complaint is not resolved by
// 12 November 2026" on 1 December 2026, a deadline already past.
describe('billcheck letter --stage 2 in the United Kingdom: the ADR date', () => {
  const dossier = 'fixtures/dossiers/en-uk-final-notice-after-payment';
  async function nextStep(sent: string): Promise<string> {
    const run = await runCli(['letter', dossier, '--stage', '2', '--sent', sent, '-f', 'json', ...TODAY]);
    return (JSON.parse(run.stdout) as { nextStep: string }).nextStep;
  }

  it('says the ADR scheme is open since a date already past, never "by" that date', async () => {
    const past = await nextStep('2026-10-01');
    expect(past).toMatch(/^Since 12 November 2026 \(six weeks after my first complaint\), I may take/);
    expect(past).not.toMatch(/ by 12 November/);
  });

  it('keeps "by" for a date still to come', async () => {
    expect(await nextStep('2026-11-01')).toMatch(/not resolved by 13 December 2026 \(six weeks/);
  });
});

// Tryout 6: "Ville: 69003 Lyon" in the sender file reached only the date line, so the sender's
// postal address had no town (nor, in the UK, its postcode).
describe('billcheck letter --from: the sender town', () => {
  it('ends the postal address with the town, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-letter-from-'));
    const from = join(dir, 'moi.txt');
    writeFileSync(from, 'Nom: Julien Marchand\nAdresse: 12 rue des Tilleuls\nVille: 69003 Lyon\n');
    const run = await runCli(['letter', SEED, '--account', '0612345001', '--from', from, ...TODAY]);
    expect(run.stdout).toMatch(/^Julien Marchand\n12 rue des Tilleuls\n69003 Lyon\n/);
    writeFileSync(from, 'Nom: Julien Marchand\nAdresse: 12 rue des Tilleuls, 69003 Lyon\nVille: 69003 Lyon\n');
    const inAddress = await runCli(['letter', SEED, '--account', '0612345001', '--from', from, ...TODAY]);
    expect(inAddress.stdout).toMatch(/^Julien Marchand\n12 rue des Tilleuls, 69003 Lyon\nLigne : 0612345001\n/);
  });
});

// Tryout 6 (fixtures/dossiers/en-uk-pounds-unsaid): an export of bare amounts, read as euros by
// guess, beside a final notice in pounds: the letter wrote the bill "€36.00" and its payment "£36.00".
describe('billcheck letter: bills whose currency nothing stated', () => {
  it('writes them in the one currency the other documents state', async () => {
    const run = await runCli(['letter', 'fixtures/dossiers/en-uk-pounds-unsaid', '-f', 'json', ...TODAY]);
    const letter = JSON.parse(run.stdout) as { facts: { kind: string; currency: string; text: string }[] };
    const bill = letter.facts.find((fact) => fact.kind === 'invoice');
    expect(bill?.currency).toBe('GBP');
    expect(bill?.text).toContain('£36.00');
    expect(run.stdout).not.toContain('€');
  });
});

// Issue 16's defects of the seventh round (fixtures/letters/README.md, "fr-sfr-relance-apres-resiliation"
// and "fr-b2b-ubl-apres-resiliation"): each reproduced on its dossier first.
const SFR_AFTER = 'fixtures/letters/fr-sfr-relance-apres-resiliation';
const B2B = 'fixtures/letters/fr-b2b-ubl-apres-resiliation';
const SFR_TODAY = ['--today', '2025-12-15'];

interface DemandJson {
  key: string;
  text: string;
  basis?: { text: string; sources: { url: string }[] };
}

interface LetterJson {
  subject: string;
  sender: string[];
  recipient: string[];
  facts: { text: string }[];
  demands: DemandJson[];
  enclosures: string[];
  notes: string[];
  mediatorForm?: { numbers: string[]; claimant?: string };
}

async function letterJson(args: readonly string[]): Promise<LetterJson> {
  const run = await runCli(['letter', ...args, '-f', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as LetterJson;
}

describe('billcheck letter: bills after a termination (defect 7)', () => {
  it('asks to stop the reminders too, dates the termination, and cites the confirmation before the law', async () => {
    const letter = await letterJson([SFR_AFTER, '--stage', '2', '--sent', '2025-11-10', ...SFR_TODAY]);
    const demand = letter.demands.find((item) => item.key === 'cancel-after-termination');
    expect(demand?.text).toContain('prise d’effet de ma résiliation le 11/09/2025');
    expect(demand?.text).toContain('cesser tout prélèvement, toute relance et tout recouvrement de ces sommes');
    const basis = demand?.basis?.text ?? '';
    expect(basis).toMatch(
      /^votre propre confirmation de résiliation du 02\/09\/2025 fixe sa prise d’effet au 11\/09\/2025 ; /,
    );
    expect(basis.indexOf('confirmation')).toBeLessThan(basis.indexOf('L224-39'));
    expect(demand?.basis?.sources.map((source) => source.url)).toContain(
      'https://www.telecom-infoconso.fr/la-resiliation-du-contrat.htm',
    );
  });

  it('says when the confirmation gives no date that the ten days end it, and whose confirmation it is', async () => {
    const own = await letterJson([SEED, '--account', '0612345004', ...TODAY]);
    expect(own.demands[0]?.basis?.text).toMatch(
      /^votre propre confirmation de résiliation RES-2024-002 du 15\/01\/2024 atteste ma demande ; elle ne fixe pas de date de prise d’effet, qui est donc au plus tard le 25\/01\/2024/,
    );
    const bought = await letterJson([CESSION, ...TODAY]);
    expect(bought.demands[0]?.basis?.text).toMatch(/^la confirmation de résiliation de SFR du 06\/05\/2024 fixe/);
  });
});

describe('billcheck letter: the account numbers, each with its label (defect 8)', () => {
  it('quotes the customer number and the line apart, never the line as "client n°"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-letter-numbers-'));
    const from = join(dir, 'moi.txt');
    writeFileSync(from, 'Nom: Marie Dupont\nN° client: C-55120\nContrat: CT-2023-0981\n');
    const letter = await letterJson([SEED, '--account', '0612345001', '--from', from, ...TODAY]);
    expect(letter.subject).toBe('Réclamation – Client n° C-55120 – Ligne 0612345001 – Contrat n° CT-2023-0981');
    expect(letter.sender.slice(1, 4)).toEqual(['[Votre adresse]', 'N° client : C-55120', 'Ligne : 0612345001']);
    const seed = await letterJson([SEED, '--account', '0612345001', ...TODAY]);
    expect(seed.subject).toBe('Réclamation – Ligne 0612345001');
  });

  it('gives the referral form the same labelled numbers', async () => {
    const letter = await letterJson([
      'fixtures/dossiers/fr-relance-malgre-avoir',
      '--stage',
      'mediator',
      '--sent',
      '2024-09-01',
      '--today',
      '2024-12-31',
    ]);
    expect(letter.mediatorForm?.numbers).toEqual(['N° client : C-104233', 'Ligne : 0698765432']);
  });
});

describe('billcheck letter: a service address printed on one line (defect 9)', () => {
  it('splits "Service Clients SFR - TSA 30103 - 69947 LYON CEDEX 20" at the foot of a bill into lines', async () => {
    const letter = await letterJson([SFR_AFTER, ...SFR_TODAY]);
    expect(letter.recipient).toEqual(['SFR', 'Service Clients SFR', 'TSA 30103', '69947 LYON CEDEX 20']);
  });
});

describe('billcheck letter --lang en: dates written out (defect 14)', () => {
  it('writes "5 February 2024", not the bills\' 05/02/2024 nor an e-invoice\'s ISO date', async () => {
    const seed = await letterJson([SEED, '--account', '0612345004', '--lang', 'en', ...TODAY]);
    expect(seed.facts[1]?.text).toMatch(
      /^5 February 2024: invoice FAC-A4-202402, 24,99 €; it bills a period starting on 1 February 2024,/,
    );
    const xml = await letterJson([
      'fixtures/einvoice/others/mustang/UBL-CreditNote-2.1-Example.ubl.xml',
      '--lang',
      'en',
      ...TODAY,
    ]);
    expect(xml.facts[0]?.text).toMatch(/^15 December 2009: credit note TOSL108/);
    expect(xml.facts.map((fact) => fact.text).join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('billcheck letter: --sent and the Médiateur window (defect 15)', () => {
  it('refuses a complaint dated before every document it disputes (exit 2, one line, in the run language)', async () => {
    const args = ['letter', SEED, '--account', '0612345004', '--stage', '2', '--sent', '2023-10-15', ...TODAY];
    const fr = await runCli([...args, '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stdout).toBe('');
    expect(fr.stderr).toBe(
      'billcheck: --sent 2023-10-15 est antérieure à FAC-A4-202402 du 2024-02-05, le premier document que conteste le courrier : donnez la date d’envoi de votre réclamation écrite\n',
    );
    const en = await runCli([...args, '--lang', 'en']);
    expect(en.stderr).toMatch(
      /^billcheck: --sent 2023-10-15 is before FAC-A4-202402 of 2024-02-05, the earliest document/,
    );
  });

  it('warns with --status that the year has passed, and no longer says the Médiateur is "already possible"', async () => {
    const run = await runCli(['letter', '--status', '--sent', '2025-06-01', '--today', '2026-12-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('vous pouvez le saisir à partir du 1er août 2025 faute de réponse satisfaisante.');
    expect(run.stdout).not.toContain('déjà possible');
    expect(run.stderr).toMatch(
      /^billcheck: le délai d’un an après la réclamation écrite a expiré le 1er juin 2026 : le Médiateur peut refuser la saisine ; vérifiez auprès de lui/,
    );
    const early = await runCli(['letter', '--status', '--sent', '2026-11-20', '--today', '2026-12-01', '--lang', 'en']);
    expect(early.stderr).toBe(
      'billcheck: unless you received an unsatisfying answer, the Médiateur may be referred to only from 20 January 2027\n',
    );
  });
});

describe('billcheck letter: an agency’s letter, a reminder titled "Relance", one invoice (defect 17)', () => {
  it('names the agency’s letter as the agency’s and the reminder by its title', async () => {
    const sosh = await letterJson([SOSH, ...TODAY]);
    expect(sosh.facts[1]?.text).toMatch(/^14\/01\/2025 : mise en demeure 7734129055 d’Intrum, 12,01 €/);
    const agency = await letterJson([AGENCY, ...TODAY]);
    expect(agency.facts.map((fact) => fact.text.slice(0, 22))).toContain('01/07/2024 : relance p');
    expect(agency.enclosures).toContain('Copie de la relance du 01/07/2024 (89,99 €)');
  });

  it('says "la facture … laisse" for one invoice and joins several with "et"', async () => {
    const agency = await letterJson([AGENCY, ...TODAY]);
    expect(agency.facts[3]?.text).toContain('un montant différent de ce que la facture 2406551208 laisse dû (89,99 €)');
    const two = await letterJson(['fixtures/dossiers/fr-relance-facture-avoir-et-impayee', ...TODAY]);
    expect(two.facts[3]?.text).toContain(
      'de ce que les factures FA-2024-02-1187 et FA-2024-03-1342 laissent dû (29,99 €)',
    );
  });
});

describe('billcheck letter: a company purchaser’s e-invoices (defect 18)', () => {
  const terminated = ['--terminated', '2025-10-15', ...SFR_TODAY];

  it('quotes its buyer reference, asks to stop no direct debit none states, and cites no consumer law', async () => {
    const letter = await letterJson([B2B, ...terminated]);
    expect(letter.subject).toBe('Réclamation – Client n° CLI-88120 – Votre référence acheteur CMD-ACH-2025-0457');
    expect(letter.sender[0]).toBe('Atelier Brunel SARL');
    // Its XML says no style: a French letter writes the money and the date as French letters do.
    expect(letter.facts[0]?.text).toMatch(/^5 novembre 2025 : facture FP-2025-118842, 144,00 € ; /);
    const demand = letter.demands[0];
    expect(demand?.text).toContain('cesser toute relance et tout recouvrement de ces sommes');
    expect(demand?.text).not.toMatch(/prélev/);
    expect(demand?.basis).toBeUndefined();
  });

  it('asks to stop the direct debit when the e-invoice states one (payment means 59)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-letter-b2b-'));
    const xml = readFileSync(join(B2B, 'facture-2025-11.xml'), 'utf8').replace(
      '<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>',
      '<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>',
    );
    writeFileSync(join(dir, 'facture.xml'), xml);
    const letter = await letterJson([dir, ...terminated]);
    expect(letter.demands[0]?.text).toContain('cesser tout prélèvement');
  });

  it('names the company as the claimant at the mediator stage, and says the Médiateur takes private customers', async () => {
    const letter = await letterJson([B2B, '--stage', 'mediator', '--sent', '2025-11-10', ...terminated]);
    expect(letter.mediatorForm?.claimant).toBe('Atelier Brunel SARL');
    expect(letter.notes.at(-1)).toContain('« tout particulier client »');
    const text = await runCli(['letter', B2B, '--stage', 'mediator', '--sent', '2025-11-10', ...terminated]);
    expect(text.stdout).toContain('Réclamant (entreprise) : Atelier Brunel SARL\n');
    expect(text.stderr).toContain('Cette étape ne s’applique sans doute pas');
  });
});
