/**
 * Joins through references across the seam of a split file (issue 13): a dunning letter read on
 * one thread names an invoice read on the other, under another account that the threads' account
 * shares send elsewhere. One thread and two must join them alike: the same findings, the same
 * accounts. The export is written here, small (about 330 kB: the first range holds the reader's
 * 1 000-row sample, the later ranges the rest, each read by whichever thread is free).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountShard } from '../../src/check/parallel/account-shard.js';
import { rangeEnds } from '../../src/check/parallel/pool.js';
import { planCsvSplit } from '../../src/check/parallel/split.js';
import { SHARDS } from '../../src/check/parallel/job.js';
import { RULES } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';
import { SPLIT_SMALL_FILES, SPLIT_SMALL_FILES_ENDS_IN_TURN, sameFindings } from '../helpers/parallel.js';

const HEADER =
  'N° de facture;Type;N° client;Date de facture;Échéance;Libellé;Montant HT (€);TVA (€);Montant TTC (€);Référence';
const FILLER_ROWS = 4_000;

/** The first name of `names` whose thread is `shard`: the test needs accounts on both sides of the shares. */
function onShard(shard: number, names: (n: number) => string): string {
  for (let n = 0; n < 1000; n++) if (accountShard(names(n), SHARDS) === shard) return names(n);
  throw new Error(`no name on shard ${shard}`);
}

const bill = (id: string, account: string, date: string, total: string) =>
  `${id};Facture;${account};${date};20/${date.slice(3)};Forfait mobile;${total};0,00;${total};`;
const letter = (id: string, account: string, date: string, amount: string, reference: string) =>
  `${id};Relance;${account};${date};;Relance facture impayée;;;${amount};${reference}`;

/**
 * The filler of an export: FILLER_ROWS bills of early 2021 (before the termination date
 * sameFindings passes: few findings, a short report), five a line, lines and numbers from `series`
 * on (1, 2, 3: one series an export), each row written by `row`.
 */
function filler(series: number, row = bill): string[] {
  return Array.from({ length: FILLER_ROWS }, (_, i) => {
    const month = String((i % 5) + 1).padStart(2, '0');
    const account = `07${String(series * 10_000_000 + Math.floor(i / 5)).slice(-8)}`;
    return row(`F-${series * 100_000 + i}`, account, `05/${month}/2021`, '19,99');
  });
}

/**
 * Writes the export and checks where its first cut falls: after `first` (so that the first range,
 * the main thread's, holds it) and before the last `later` (a later range, either thread's).
 */
function writeSplitExport(file: string, rows: readonly string[], first: string, later: string): void {
  writeFileSync(file, `${rows.join('\n')}\n`);
  const text = readFileSync(file, 'utf8');
  const cut = planCsvSplit(file, 2, { ends: rangeEnds(2) })?.ranges[1]?.start ?? 0;
  expect(cut).toBeGreaterThan(text.indexOf(first));
  expect(cut).toBeLessThan(text.lastIndexOf(later));
}

describe('joins through references across a split file', { timeout: 240_000 }, () => {
  let file = '';
  // The lines billed (the bills' accounts) and the customer numbers the letters name, on both threads.
  const lineOnMain = onShard(0, (n) => `06123${String(40_000 + n).padStart(5, '0')}`);
  const lineOnWorker = onShard(1, (n) => `06123${String(50_000 + n).padStart(5, '0')}`);
  const customerOnMain = onShard(0, (n) => `CLI-${70_000 + n}`);
  const customerOnWorker = onShard(1, (n) => `CLI-${80_000 + n}`);

  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-joins-')), 'export.csv');
    const bills = filler(1);
    const half = FILLER_ROWS / 2;
    const rows = [
      HEADER,
      // First range (always the main thread's): two blank bills, and a letter for a bill of a later range.
      bill('F-BLANK-1', lineOnWorker, '05/01/2024', '0,00'),
      bill('F-BLANK-2', lineOnMain, '05/01/2024', '0,00'),
      letter('REL-3', customerOnMain, '10/03/2024', '0,01', 'F-BLANK-3'),
      ...bills.slice(0, half),
      // Later ranges (either thread's): letters for the first range's bills, one more blank bill.
      ...bills.slice(half),
      letter('REL-1', customerOnMain, '10/03/2024', '0,01', 'F-BLANK-1'),
      letter('REL-2', customerOnWorker, '10/03/2024', '0,01', 'F-BLANK-2'),
      bill('F-BLANK-3', lineOnWorker, '05/02/2024', '0,00'),
    ];
    // The first cut falls in the filler: the first range's letter and bills on one side, the rest on the other.
    writeSplitExport(file, rows, 'REL-3;', 'REL-1;');
  });

  it('joins each letter to its bill on one thread, as the test means it', async () => {
    const run = await runCli([file, '--format', 'json', '--today', '2026-01-01', '--jobs', '1'], {
      env: SPLIT_SMALL_FILES,
    });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; documentId?: string; account?: string }[] };
    const demands = report.findings
      .filter((finding) => finding.ruleId === 'dunning-for-blank-invoice')
      .map((finding) => [finding.documentId, finding.account])
      .sort();
    // Each letter's customer number is joined to the line of the bill it names, and the report names the line.
    expect(demands).toEqual([
      ['REL-1', lineOnWorker],
      ['REL-2', lineOnMain],
      ['REL-3', lineOnWorker],
    ]);
  });

  it('finds the same on two threads: findings, evidence, accounts and their aliases', async () => {
    await sameFindings(file, { formats: ['json', 'text'] });
  });

  it('finds the same when the worker ends before the main thread starts its end phase (many accounts)', async () => {
    await sameFindings(file, { formats: ['json', 'text'], env: SPLIT_SMALL_FILES_ENDS_IN_TURN });
  });

  it('finds the same with a letter beside the split file, whose account the other thread keeps', async () => {
    // As fixtures/dossiers' mises en demeure: read on the main thread, its account sent to the worker's share.
    const text = join(dirname(file), 'mise-en-demeure.txt');
    writeFileSync(
      text,
      `Paris, le 12 mars 2024\n\nObjet : Mise en demeure\n\nN° client : ${customerOnWorker}\n\n` +
        'Madame,\nNous vous mettons en demeure de régler votre facture n° F-BLANK-2.\nLa somme de 0,01 € reste impayée.\n',
    );
    const run = await runCli([file, text, '--format', 'json', '--today', '2026-01-01', '--jobs', '1'], {
      env: SPLIT_SMALL_FILES,
    });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; account?: string }[] };
    expect(
      report.findings
        .filter((finding) => finding.ruleId === 'dunning-for-blank-invoice' && finding.file.endsWith('.txt'))
        .map((finding) => finding.account),
    ).toEqual([lineOnMain]);
    await sameFindings([file, text], { formats: ['json', 'text'] });
  });
});

/**
 * One bill number claimed by two accounts that the shares send to different threads (issue 13,
 * defect 1): each thread saw one claim only, so neither joined nor warned. As in
 * fixtures/dossiers/fr-conflit-numero-facture (an installer whose numbers restart per customer),
 * a claim with other content is an `account-conflict` warning; the same bill under two accounts
 * (an export and a copy) joins them. One thread and two print the same.
 */
describe('one bill number under two accounts across a split file', { timeout: 240_000 }, () => {
  let file = '';
  const conflictMain = onShard(0, (n) => `CL-${20_000 + n}`);
  const conflictWorker = onShard(1, (n) => `CL-${30_000 + n}`);
  const sameMain = onShard(0, (n) => `06987${String(10_000 + n).padStart(5, '0')}`);
  const sameWorker = onShard(1, (n) => `CLI-${90_000 + n}`);

  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-claims-')), 'export.csv');
    const rows = [
      HEADER,
      bill('FAC-001', conflictMain, '05/03/2024', '29,99'),
      bill('FAC-777', sameMain, '05/04/2024', '19,99'),
      ...filler(2),
      bill('FAC-001', conflictWorker, '07/03/2024', '412,80'),
      bill('FAC-777', sameWorker, '05/04/2024', '19,99'),
    ];
    writeSplitExport(file, rows, 'FAC-777;', 'FAC-001;');
  });

  it('warns of the conflict once and joins the same bill, on one thread and on two', async () => {
    for (const jobs of ['1', '2']) {
      const run = await runCli([file, '--format', 'json', '--today', '2026-01-01', '--jobs', jobs], {
        env: SPLIT_SMALL_FILES,
      });
      const report = JSON.parse(run.stdout) as {
        findings: { ruleId: string; severity: string; documentId?: string; account?: string; evidence: object }[];
        accounts?: { account: string; aliases: { name: string }[] }[];
      };
      const conflicts = report.findings.filter((finding) => finding.ruleId === 'account-conflict');
      expect(
        conflicts.map((c) => [c.severity, c.documentId, c.account, c.evidence]),
        `--jobs ${jobs}`,
      ).toEqual([
        ['warning', 'FAC-001', conflictWorker, expect.objectContaining({ otherAccount: conflictMain, otherLine: 2 })],
      ]);
      const joined = report.accounts?.find((joined) => joined.account === sameMain);
      expect(
        joined?.aliases.map((alias) => alias.name),
        `--jobs ${jobs}`,
      ).toEqual([sameWorker]);
    }
  });

  it('prints the same report on two threads, whether the end phases overlap or not', async () => {
    await sameFindings(file, { formats: ['json', 'text'] });
    await sameFindings(file, { formats: ['json', 'text'], env: SPLIT_SMALL_FILES_ENDS_IN_TURN });
  });

  it('warns of a conflict a small file beside the split one holds, one claim on each share (review)', async () => {
    // The small file is read on the main thread, whole: the account of the worker's share is sent
    // to it at the end unless it stays for the join.
    const small = join(dirname(file), 'installateur.csv');
    // Two customers of an installer, found in no other file: one on each share.
    const here = onShard(0, (n) => `INST-${10_000 + n}`);
    const there = onShard(1, (n) => `INST-${20_000 + n}`);
    const rows = [HEADER, bill('FAC-900', here, '05/03/2024', '29,99'), bill('FAC-900', there, '07/03/2024', '412,80')];
    writeFileSync(small, `${rows.join('\n')}\n`);
    for (const jobs of ['1', '2']) {
      const run = await runCli([file, small, '--format', 'json', '--today', '2026-01-01', '--jobs', jobs], {
        env: SPLIT_SMALL_FILES,
      });
      const report = JSON.parse(run.stdout) as {
        findings: { ruleId: string; documentId?: string; account?: string }[];
      };
      const conflicts = report.findings.filter((f) => f.ruleId === 'account-conflict' && f.documentId === 'FAC-900');
      expect(
        conflicts.map((c) => c.account),
        `--jobs ${jobs}`,
      ).toEqual([there]);
    }
  });
});

/**
 * A line written in its national form on one side of a split file and in international form on
 * the other, in an export whose country column says Belgium (found on 2 threads, 4 December
 * 2026): the country travelled with neither the document nor its entry, so the thread that kept
 * the account read "0470 …" as French, and one bill number under the line's two forms was a
 * conflict between two accounts instead of one account's duplicate. The layout is the French
 * export's above with a "Pays" column, as Belgian operators' French-language exports have one.
 */
describe(
  'a line in national and international form across a split file, its country in a column',
  { timeout: 240_000 },
  () => {
    let file = '';
    const HEADER_WITH_COUNTRY =
      'N° de facture;Type;N° client;Pays;Date de facture;Échéance;Libellé;Montant HT (€);TVA (€);Montant TTC (€);Référence';
    const billIn = (country: string, id: string, account: string, date: string, total: string) =>
      `${id};Facture;${account};${country};${date};20/${date.slice(3)};Forfait mobile;${total};0,00;${total};`;
    // The national form is read in the first range (the main thread's), its account kept by the worker.
    const digits = onShard(1, (n) => `0470 ${100_000 + n}`).slice(5);
    const national = `0470 ${digits}`;
    const international = `+32 470 ${digits}`;

    beforeAll(() => {
      file = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-country-')), 'export.csv');
      const rows = [
        HEADER_WITH_COUNTRY,
        billIn('BE', 'FBE-001', national, '05/03/2024', '29,99'),
        ...filler(3, (...cells) => billIn('FR', ...cells)),
        billIn('BE', 'FBE-001', international, '07/03/2024', '412,80'),
      ];
      writeSplitExport(file, rows, 'FBE-001;', 'FBE-001;');
    });

    it('keys both forms as one Belgian line: a duplicate bill of one account, on one thread and on two', async () => {
      for (const jobs of ['1', '2']) {
        const run = await runCli([file, '--format', 'json', '--today', '2026-01-01', '--jobs', jobs], {
          env: SPLIT_SMALL_FILES_ENDS_IN_TURN,
        });
        const report = JSON.parse(run.stdout) as { findings: { ruleId: string; documentId?: string }[] };
        const about = report.findings
          .filter((finding) => finding.documentId === 'FBE-001')
          .map((finding) => finding.ruleId);
        expect(about, `--jobs ${jobs}`).toContain('duplicate-invoice');
        expect(about, `--jobs ${jobs}`).not.toContain('account-conflict');
      }
    });

    it('prints the same report on two threads, whether the end phases overlap or not', async () => {
      await sameFindings(file, { formats: ['json', 'text'] });
      await sameFindings(file, { formats: ['json', 'text'], env: SPLIT_SMALL_FILES_ENDS_IN_TURN });
    });

    it('keys both forms as one line when no account rule runs and only names are kept (review)', async () => {
      // The store then keeps each account's name alone, and the country beside it: the join still
      // counts the accounts and names them. The filler's 800 lines, and the Belgian line once.
      const off = RULES.filter((rule) => rule.scope === 'account').flatMap((rule) => ['--rule', `${rule.id}=off`]);
      for (const jobs of ['1', '2']) {
        const run = await runCli([file, ...off, '--today', '2026-01-01', '--jobs', jobs], { env: SPLIT_SMALL_FILES });
        expect(run.stdout, `--jobs ${jobs}`).toMatch(/ 801 accounts, 1 file/);
      }
      const small = join(dirname(file), 'deux-factures.csv');
      const rows = [
        HEADER_WITH_COUNTRY,
        billIn('BE', 'FBE-101', national, '05/03/2024', '29,99'),
        billIn('BE', 'FBE-102', international, '05/04/2024', '29,99'),
      ];
      writeFileSync(small, `${rows.join('\n')}\n`);
      const alone = await runCli([small, ...off, '--today', '2026-01-01']);
      expect(alone.stdout).toMatch(/ 2 documents, 1 account, 1 file/);
    });
  },
);

/**
 * Lines written internationally, as E.164 exports write them ("+33612345678"): reports name them
 * in national digits. The worker no longer hands the main thread the name of every such line (it
 * gives the same name to one it never saw), only those its joins made: both threads must still
 * name them alike, the lines of the worker's share included.
 */
describe('lines written internationally across a split file', { timeout: 240_000 }, () => {
  let file = '';
  const lineOnMain = onShard(0, (n) => `+33612${String(60_000 + n).padStart(6, '0')}`);
  const lineOnWorker = onShard(1, (n) => `+33612${String(70_000 + n).padStart(6, '0')}`);
  const customerOnWorker = onShard(1, (n) => `CLI-${60_000 + n}`);
  const national = (line: string): string => `0${line.slice(3)}`;

  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-e164-')), 'export.csv');
    const international = (id: string, account: string, date: string, total: string): string =>
      bill(id, `+33${account.slice(1)}`, date, total);
    const rows = [
      HEADER,
      bill('F-BLANK-E1', lineOnWorker, '05/01/2024', '0,00'),
      bill('F-BLANK-E2', lineOnMain, '05/01/2024', '0,00'),
      ...filler(3, international),
      letter('REL-E1', lineOnWorker, '10/03/2024', '0,01', 'F-BLANK-E1'),
      letter('REL-E2', customerOnWorker, '10/03/2024', '0,01', 'F-BLANK-E2'),
    ];
    writeSplitExport(file, rows, 'F-BLANK-E2;', 'REL-E2;');
  });

  it('names each line in national digits on one thread and on two, joined or not', async () => {
    for (const jobs of ['1', '2']) {
      const run = await runCli([file, '--format', 'json', '--today', '2026-01-01', '--jobs', jobs], {
        env: SPLIT_SMALL_FILES,
      });
      const report = JSON.parse(run.stdout) as {
        findings: { ruleId: string; documentId?: string; account?: string }[];
      };
      const demands = report.findings
        .filter((finding) => finding.ruleId === 'dunning-for-blank-invoice')
        .map((finding) => [finding.documentId, finding.account])
        .sort();
      expect(demands, `--jobs ${jobs}`).toEqual([
        ['REL-E1', national(lineOnWorker)],
        ['REL-E2', national(lineOnMain)],
      ]);
    }
    await sameFindings(file, { formats: ['json', 'text'] });
  });
});

/**
 * Accounts of the worker's share that a small file beside the split one holds: the main thread
 * reads them, then hands them to the worker (pool.finish). Its own join must leave them out (review
 * of issue 19's session): joined there too, two forms of one line were counted joined by both
 * threads (800 accounts on two threads, 801 on one), and a line both threads read was named in the
 * main thread's country ("612345678" for a line a GB file names) where one thread names it in the
 * first document's.
 */
describe('accounts of the worker share read in a small file beside the split one', { timeout: 240_000 }, () => {
  let folder = '';
  const PAYS_HEADER =
    'N° de facture;Type;N° client;Pays;Date de facture;Échéance;Libellé;Montant HT (€);TVA (€);Montant TTC (€);Référence';
  const withCountry = (id: string, account: string, date: string, total: string, country = 'FR') =>
    `${id};Facture;${account};${country};${date};20/${date.slice(3)};Forfait mobile;${total};0,00;${total};`;
  // A line of the worker's share in both its national forms (each form's share is its own name's).
  const [spaced, international] = ((): [string, string] => {
    for (let n = 0; n < 5000; n++) {
      const d = String(55_000_000 + n);
      const groups = `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
      const forms: [string, string] = [`06 ${groups}`, `+33 6 ${groups}`];
      if (forms.every((form) => accountShard(form, SHARDS) === 1)) return forms;
    }
    throw new Error('no line with both forms on the worker share');
  })();
  const line = onShard(1, (n) => `06 12 34 ${String(10 + n).padStart(2, '0')} 78`);

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'billcheck-parallel-taken-'));
    const bills = filler(4, (id, account, date, total) => withCountry(id, account, date, total));
    const rows = [
      PAYS_HEADER,
      withCountry('F-L-1', line, '05/01/2024', '19,99'),
      ...bills,
      withCountry('F-L-2', line, '05/02/2024', '19,99'),
    ];
    writeSplitExport(join(folder, 'export.csv'), rows, 'F-L-1;', 'F-L-2;');
    writeFileSync(
      join(folder, 'deux-formes.csv'),
      `${[
        HEADER,
        `S-1;Facture;${spaced};05/03/2021;20/03/2021;Forfait;19,99;0,00;19,99;`,
        `S-2;Facture;${international};05/04/2021;20/04/2021;Forfait;19,99;0,00;19,99;`,
      ].join('\n')}\n`,
    );
    writeFileSync(
      join(folder, 'uk-bill.csv'),
      'Invoice number;Type;Account;Country;Invoice date;Due date;Description;Net;VAT;Total;Reference\n' +
        `G-1;Invoice;${line};GB;05/03/2024;20/03/2024;Mobile plan;0,00;0,00;0,00;\n`,
    );
  });

  it('counts two forms of one line once, as on one thread', async () => {
    const files = ['export.csv', 'deux-formes.csv'].map((name) => join(folder, name));
    const run = await runCli([...files, '--today', '2026-01-01', '--jobs', '2'], { env: SPLIT_SMALL_FILES });
    const alone = await runCli([...files, '--today', '2026-01-01', '--jobs', '1'], { env: SPLIT_SMALL_FILES });
    const accounts = (text: string) => /([\d,]+) accounts/.exec(text)?.[1];
    expect(accounts(run.stdout)).toBe(accounts(alone.stdout));
    await sameFindings(files, { formats: ['json', 'text'] });
  });

  it('names a line both threads read as one thread names it', async () => {
    const files = ['export.csv', 'uk-bill.csv'].map((name) => join(folder, name));
    const run = await runCli([...files, '--format', 'json', '--today', '2026-01-01'], { env: SPLIT_SMALL_FILES });
    const report = JSON.parse(run.stdout) as { findings: { documentId?: string; account?: string }[] };
    expect(report.findings.find((finding) => finding.documentId === 'G-1')?.account).toBe(line.replaceAll(' ', ''));
    await sameFindings(files, { formats: ['json', 'text'] });
  });
});
