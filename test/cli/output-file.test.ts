import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.js';
import { writeReportFile } from '../../src/cli/output-file.js';
import { ROOT, runBin, runCli } from '../helpers/cli.js';

const SEED = join(ROOT, 'fixtures/seed-cases.csv');
const fresh = (): string => mkdtempSync(join(tmpdir(), 'billcheck-out-'));

describe('-o, --output FILE', () => {
  it('writes any format to the file and nothing to stdout', async () => {
    const dir = fresh();
    const run = await runCli([SEED, '--format', 'json', '-o', 'report.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(8);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes the text report without colors even when stdout is a terminal', async () => {
    const dir = fresh();
    const run = await runCli([SEED, '--output', 'report.txt'], {
      cwd: dir,
      stdoutIsTTY: true,
      env: { FORCE_COLOR: '1' },
    });
    expect(run.code).toBe(1);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(text).toContain('✖ 8 problems (8 errors, 0 warnings) in 31 documents, 4 accounts, 1 file');
    expect(text).not.toContain('\u001b[');
  });

  it('writes the html page to the file', async () => {
    const dir = fresh();
    const run = await runCli([SEED, '-f', 'html', '-o', 'report.html'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  });

  it('fails with one line and exit code 2 when the file cannot be written, creating nothing', async () => {
    const dir = fresh();
    const missing = await runCli([SEED, '-o', 'no/such/folder/report.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'billcheck: Cannot write the report to no/such/folder/report.txt: no such directory: no\n',
    );
    expect(readdirSync(dir)).toEqual([]);

    const folder = await runCli([SEED, '-o', '.'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('billcheck: Cannot write the report to .: it is a folder\n');
  });

  it('names the folder at fault, in French too (tryout 7: "-o /nonexistent/x.txt")', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'notes.txt'), 'a file');
    const deeper = await runCli([SEED, '-o', 'out/missing/report.txt'], { cwd: dir });
    expect(deeper.stderr).toBe(
      'billcheck: Cannot write the report to out/missing/report.txt: no such directory: out/missing\n',
    );
    const file = await runCli([SEED, '-o', 'notes.txt/report.txt'], { cwd: dir });
    expect(file.stderr).toBe(
      'billcheck: Cannot write the report to notes.txt/report.txt: not a directory: notes.txt\n',
    );
    const absolute = join(dir, 'nonexistent', 'x.txt');
    const french = await runCli([SEED, '-o', absolute, '--lang', 'fr'], { cwd: dir });
    expect(french).toMatchObject({ code: 2 });
    expect(french.stderr).toBe(
      `billcheck: Impossible d’écrire le rapport dans ${absolute} : le dossier ${join(dir, 'nonexistent')} n’existe pas\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'out']);
  });

  it('writes a whole report (the letter) with the same line when it cannot (writeReportFile)', async () => {
    const dir = fresh();
    await writeReportFile('letter.txt', 'Madame, Monsieur,\n', dir);
    expect(readFileSync(join(dir, 'letter.txt'), 'utf8')).toBe('Madame, Monsieur,\n');
    const failure = await writeReportFile('/nonexistent-billcheck/x.txt', 'text', dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as UsageError).textIn('en')).toBe(
      'cannot write the report to /nonexistent-billcheck/x.txt: no such directory: /nonexistent-billcheck',
    );
    expect((failure as UsageError).textIn('fr')).toBe(
      'impossible d’écrire le rapport dans /nonexistent-billcheck/x.txt : le dossier /nonexistent-billcheck n’existe pas',
    );
  });

  it.skipIf(process.getuid?.() === 0)('fails with exit code 2 on a file it may not write', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'locked.txt'), 'old');
    chmodSync(join(dir, 'locked.txt'), 0o444);
    const run = await runCli([SEED, '-o', 'locked.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: Cannot write the report to locked.txt: permission denied\n');
  });

  it('refuses to write over one of the files to check', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'bills.csv'), readFileSync(SEED));
    const run = await runCli([join(dir, 'bills.csv'), '-o', 'bills.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: -o bills.csv: this is one of the files to check; write the report elsewhere\n');
    expect(readFileSync(join(dir, 'bills.csv'))).toEqual(readFileSync(SEED));
  });

  it('leaves an existing report alone when an option is wrong', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'report.txt'), 'previous report');
    const run = await runCli([SEED, '-o', 'report.txt', '--max-warnings', 'many'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('previous report');
    expect(existsSync(join(dir, 'report.txt'))).toBe(true);
  });
});

describe('--format html from the built bin', () => {
  it('prints one page on stdout with the exit code of the findings', () => {
    const run = runBin([SEED, '--format', 'html']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(run.stdout.match(/<section class="acct"/g)).toHaveLength(4);
  });
});
