/**
 * Directory walks (issue 18): links followed by real path, loops ended, dangling links and
 * unreadable folders named, skipped entries counted. The bills are rows of fixtures/seed-cases.csv
 * (the French customer-area export whose story is in its README): the 149 000 € bill of account
 * 0612345003 on its own, as the audit's linked file held it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { check, resolveInputs } from '../../src/index.js';
import { summarizeSkipped } from '../../src/check/inputs.js';
import type { ResolvedInput } from '../../src/check/inputs.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { defaultCheckOptions } from '../helpers/options.js';

const OPTIONS = defaultCheckOptions('2024-06-01');

const SEED = readFileSync(join(ROOT, 'fixtures/seed-cases.csv'), 'utf8').split('\n');
const HEADER = SEED[0] as string;
const HUGE_BILL = `${HEADER}\n${SEED.find((line) => line.startsWith('FAC-A3-202401')) as string}\n`;
const ORDINARY_BILL = `${HEADER}\n${SEED[1] as string}\n`;

const made: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'billcheck-walk-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) spawnSync('rm', ['-rf', dir]);
});

const noStdin = Readable.from([]);
const sources = (inputs: readonly ResolvedInput[]): string[] =>
  inputs.flatMap((input) => ('source' in input ? [input.source.name] : []));
const problems = (inputs: readonly ResolvedInput[]): string[] =>
  inputs.flatMap((input) => ('problem' in input ? [`${input.problem.file}: ${input.problem.message}`] : []));

describe('resolveInputs: directory walks', () => {
  it('follows a symbolic link to a bill elsewhere: the 149 000 € bill is checked, not skipped', async () => {
    const elsewhere = folder();
    writeFileSync(join(elsewhere, 'janvier.csv'), HUGE_BILL);
    const dir = folder();
    writeFileSync(join(dir, 'ordinaire.csv'), ORDINARY_BILL);
    symlinkSync(join(elsewhere, 'janvier.csv'), join(dir, 'lien-janvier.csv'));
    const inputs = await resolveInputs([dir], noStdin);
    expect(sources(inputs)).toEqual([join(dir, 'lien-janvier.csv'), join(dir, 'ordinaire.csv')]);
    const { result } = await check(inputs, OPTIONS);
    expect(result.findings.some((f) => f.ruleId === 'amount-ceiling' && f.documentId === 'FAC-A3-202401')).toBe(true);
    expect(result.valid).toBe(false);
  });

  it('follows a link to a folder, ends a loop of links, and reads a file reached twice once', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'a.csv'), ORDINARY_BILL);
    symlinkSync(join(dir, 'real'), join(dir, 'vers-real'));
    symlinkSync(dir, join(dir, 'real', 'boucle'));
    const inputs = await resolveInputs([dir], noStdin);
    expect(sources(inputs)).toEqual([join(dir, 'real', 'a.csv')]);
    expect(problems(inputs)).toEqual([]);
    const skipped = inputs.flatMap((input) => ('skipped' in input ? [input.skipped] : []));
    expect(skipped.map((entry) => entry.reason)).toEqual(['duplicate', 'duplicate']);
  });

  it('names a dangling link and a link loop as problems, and still lists the other files', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'b.csv'), ORDINARY_BILL);
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'a-dangling.csv'));
    symlinkSync(join(dir, 'loop-2'), join(dir, 'loop-1'));
    symlinkSync(join(dir, 'loop-1'), join(dir, 'loop-2'));
    const inputs = await resolveInputs([dir], noStdin);
    expect(sources(inputs)).toEqual([join(dir, 'b.csv')]);
    expect(problems(inputs)).toEqual([
      `${join(dir, 'a-dangling.csv')}: a symbolic link to ${join(dir, 'gone.csv')}, which does not exist`,
      `${join(dir, 'loop-1')}: cannot read: symbolic links that point to each other in a loop`,
      `${join(dir, 'loop-2')}: cannot read: symbolic links that point to each other in a loop`,
    ]);
  });

  it('says "symbolic links … in a loop" for a looping path given on the command line, never ELOOP', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'y'), join(dir, 'x'));
    symlinkSync(join(dir, 'x'), join(dir, 'y'));
    const run = await runCli([join(dir, 'x')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `billcheck: ${join(dir, 'x')}: cannot read: symbolic links that point to each other in a loop\n`,
    );
  });

  it('counts what it skips, by reason, with the extensions it does not read', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'factures.csv'), ORDINARY_BILL);
    writeFileSync(join(dir, 'factures.xlsx'), 'PK');
    writeFileSync(join(dir, 'archive.csv.gz'), 'gz');
    writeFileSync(join(dir, 'notes.GZ'), 'gz');
    writeFileSync(join(dir, 'LISEZMOI'), 'readme');
    writeFileSync(join(dir, '.DS_Store'), '');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref');
    const skipped = summarizeSkipped(
      (await resolveInputs([dir], noStdin)).flatMap((input) => ('skipped' in input ? [input.skipped] : [])),
    );
    expect(skipped.files).toBe(6);
    expect([...skipped.byReason]).toEqual([
      ['hidden', 2],
      ['extension', 4],
    ]);
    expect(skipped.extensions).toEqual(['(no extension)', '.gz', '.xlsx']);
    expect(skipped.hidden).toEqual(['.DS_Store', '.git']);
  });

  it('tells the skips in one line of the text report and as counts in the JSON report', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'factures.csv'), ORDINARY_BILL);
    writeFileSync(join(dir, 'factures.xlsx'), 'PK');
    writeFileSync(join(dir, 'old.gz'), 'gz');
    const text = await runCli([dir, '--today', '2024-06-01']);
    expect(text.stdout).toContain('Skipped 2 files billcheck does not read: .gz, .xlsx\n');
    const json = JSON.parse((await runCli([dir, '--today', '2024-06-01', '-f', 'json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(json.skipped).toEqual({
      files: 2,
      hidden: 0,
      extension: 2,
      duplicate: 0,
      special: 0,
      extensions: ['.gz', '.xlsx'],
    });
    const noSkips = JSON.parse(
      (await runCli([join(dir, 'factures.csv'), '--today', '2024-06-01', '-f', 'json'])).stdout,
    ) as object;
    expect(noSkips).not.toHaveProperty('skipped');
  });

  it('makes an unreadable subfolder a fatal problem (exit 2) while the other files are checked', () => {
    const dir = folder();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'a.csv'), HUGE_BILL);
    mkdirSync(join(dir, 'prive'));
    writeFileSync(join(dir, 'prive', 'b.csv'), ORDINARY_BILL);
    chmodSync(join(dir, 'prive'), 0o000);
    // root reads any folder: the run then drops to nobody, as a user would meet the folder.
    const asRoot = process.getuid?.() === 0;
    // nobody cannot run a Node kept under /root (npx's cache, where CI takes Node 22 and 24 from):
    // the walk is the same on any Node, so the system's serves there.
    const node = asRoot && process.execPath.startsWith('/root/') ? '/usr/bin/node' : process.execPath;
    const run = spawnSync(node, [BIN, dir, '--today', '2024-06-01', '-f', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(run.stderr).toBe(`billcheck: ${join(dir, 'prive')}: cannot read this folder: permission denied\n`);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as {
      summary: { files: number };
      fatal: unknown[];
      findings: { documentId?: string }[];
    };
    expect(report.summary.files).toBe(1);
    expect(report.fatal).toEqual([{ file: join(dir, 'prive'), message: 'cannot read this folder: permission denied' }]);
    expect(report.findings.some((f) => f.documentId === 'FAC-A3-202401')).toBe(true);
  });
});
