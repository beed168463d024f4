import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { wantsProgress } from '../../src/cli/options.js';
import { terminalProgress } from '../../src/cli/progress.js';
import { runCli } from '../helpers/cli.js';

const SEED = 'fixtures/seed-cases.csv';
const TODAY = ['--today', '2024-06-01'];

describe('billcheck (in-process main)', () => {
  it('prints help with examples and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: billcheck');
    expect(run.stdout).toContain('Examples:');
    const check = await runCli(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Examples:');
    expect(check.stdout).toContain('--max-warnings');
  });

  it('prints the version of package.json', async () => {
    const run = await runCli(['--version']);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    [['--no-such-option', SEED], /^billcheck: Unknown option/],
    [['--format', 'xml', SEED], /--format/],
    [['--rule', 'no-such-rule=off', SEED], /unknown rule "no-such-rule"/],
    [['--rule', 'amount-spike=loud', SEED], /"loud" is not a severity/],
    [['--max-warnings', 'many', SEED], /--max-warnings expects a whole number/],
    [['--terminated', '31/02/2024', SEED], /--terminated/],
    [['explain', 'no-such-rule'], /^billcheck: Unknown rule/],
  ])('answers the usage error %j with exit code 2 and a reason', async (args, reason) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says once why an option is not a date, and how to write one (tryout 7)', async () => {
    const bogus = await runCli(['--terminated', 'bogus', SEED]);
    expect(bogus).toMatchObject({ code: 2 });
    expect(bogus.stderr).toBe(
      'billcheck: --terminated: "bogus" is not a date (write it as yyyy-mm-dd, e.g. 2026-09-15)\n',
    );
    const french = await runCli(['--terminated', 'bogus', SEED, '--lang', 'fr']);
    expect(french.stderr).toBe(
      'billcheck: --terminated : « bogus » n’est pas une date (écrivez-la aaaa-mm-jj, par exemple 2026-09-15)\n',
    );
    // A date wrong in one part keeps its own reason.
    const day = await runCli(['--terminated', '2026-02-31', SEED]);
    expect(day.stderr).toBe('billcheck: --terminated: "2026-02-31" is not a date (no such day in that month)\n');
  });

  it('asks for input rather than waiting on a terminal', async () => {
    const run = await runCli([], { stdin: undefined });
    // Not a terminal here, so it reads the (empty) standard input and says so.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/<stdin>/);
  });

  it('reports a missing file on stderr, still checks the others, and exits 2', async () => {
    const run = await runCli(['missing.csv', SEED, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: missing.csv: cannot read: no such file or directory\n');
    const report = JSON.parse(run.stdout) as { valid: boolean; summary: { files: number; errors: number } };
    expect(report.valid).toBe(false);
    expect(report.summary.files).toBe(1);
    // The seed's eight errors (test/cli/seed-cases.e2e.test.ts lists them), the missing file aside.
    expect(report.summary.errors).toBe(8);
  });

  it('gives the same findings for standard input as for the file', async () => {
    const fromFile = await runCli([SEED, '--format', 'json', ...TODAY]);
    const fromStdin = await runCli(['-', '--format', 'json', ...TODAY], { stdin: readFileSync(SEED) });
    const strip = (text: string) =>
      (JSON.parse(text) as { findings: { file: string }[] }).findings.map((f) => ({ ...f, file: undefined }));
    expect(strip(fromStdin.stdout)).toEqual(strip(fromFile.stdout));
    expect(fromStdin.code).toBe(1);
  });

  it('streams ndjson: one finding per line, then a summary line without ruleId', async () => {
    const run = await runCli([SEED, '--format', 'ndjson', ...TODAY]);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const summary = lines.at(-1);
    expect(summary?.ruleId).toBeUndefined();
    expect(summary?.summary).toMatchObject({ rows: 31 });
    expect(lines.slice(0, -1).every((line) => typeof line.ruleId === 'string')).toBe(true);
    expect(lines.length - 1).toBe(
      (summary?.summary as { errors: number; warnings: number }).errors +
        (summary?.summary as { warnings: number }).warnings,
    );
  });

  it('--quiet keeps errors only; --max-warnings and --exit-zero gate the exit code', async () => {
    const quiet = JSON.parse((await runCli([SEED, '-f', 'json', '--quiet', ...TODAY])).stdout) as {
      findings: { severity: string }[];
    };
    expect(quiet.findings.length).toBe(8);
    expect(quiet.findings.every((f) => f.severity === 'error')).toBe(true);

    const errorsOff = [
      '--rule',
      'blank-invoice=off',
      '--rule',
      'dunning-trivial-amount=warning',
      '--rule',
      'dunning-for-blank-invoice=off',
      '--rule',
      'dunning-while-in-credit=off',
      '--rule',
      'amount-ceiling=off',
      '--rule',
      'amount-spike=off',
      '--rule',
      'billed-after-termination=off',
    ];
    const warningsOnly = await runCli([SEED, '-f', 'json', ...errorsOff, ...TODAY]);
    const report = JSON.parse(warningsOnly.stdout) as { summary: { errors: number; warnings: number } };
    expect(report.summary.errors).toBe(0);
    // Only the 0,01 € notice is left, lowered to a warning.
    expect(report.summary.warnings).toBe(1);
    expect(warningsOnly.code).toBe(0);
    expect((await runCli([SEED, ...errorsOff, '--max-warnings', '0', ...TODAY])).code).toBe(1);
    expect((await runCli([SEED, ...errorsOff, '--max-warnings', String(report.summary.warnings), ...TODAY])).code).toBe(
      0,
    );
    expect((await runCli([SEED, '--exit-zero', ...TODAY])).code).toBe(0);
    expect((await runCli([SEED, 'missing.csv', '--exit-zero', ...TODAY])).code).toBe(2);
  });

  it('colors text only when asked or on a terminal, never with NO_COLOR', async () => {
    const ansi = /\u001b\[/;
    expect((await runCli([SEED, ...TODAY])).stdout).not.toMatch(ansi);
    expect((await runCli([SEED, ...TODAY], { stdoutIsTTY: true })).stdout).toMatch(ansi);
    expect((await runCli([SEED, ...TODAY], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli([SEED, ...TODAY], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli([SEED, '--color', ...TODAY], { env: { NO_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli([SEED, '--no-color', ...TODAY], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli([SEED, '-f', 'json', ...TODAY], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });

  it('reads billcheck.config.json from the working folder, and --no-config ignores it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-cli-'));
    writeFileSync(join(dir, 'billcheck.config.json'), JSON.stringify({ rules: { 'amount-ceiling': 'off' } }));
    const seed = join(process.cwd(), SEED);
    const ids = async (args: string[]) =>
      (
        JSON.parse((await runCli([seed, '-f', 'json', ...TODAY, ...args], { cwd: dir })).stdout) as {
          findings: { ruleId: string }[];
        }
      ).findings.map((f) => f.ruleId);
    expect(await ids([])).not.toContain('amount-ceiling');
    expect(await ids(['--no-config'])).toContain('amount-ceiling');
    writeFileSync(join(dir, 'billcheck.config.json'), '{"rules": {');
    const broken = await runCli([seed], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/billcheck\.config\.json: not valid JSON/);
  });

  it('lists and explains every rule', async () => {
    const list = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { rules: { id: string }[] };
    expect(list.rules.length).toBe(24);
    for (const { id } of list.rules) {
      const explained = await runCli(['explain', id]);
      expect(explained.code).toBe(0);
      expect(explained.stdout).toContain(id);
    }
  });
});

describe('inputs', () => {
  it('says so when a pattern matches nothing', async () => {
    const run = await runCli(['exports/*.csv', SEED, ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: exports/*.csv: no file matches this pattern\n');
  });

  it('checks a directory of mixed files in one report, in name order', async () => {
    const run = await runCli(['fixtures/text', '--format', 'json', ...TODAY]);
    const report = JSON.parse(run.stdout) as { summary: { files: number }; findings: { file: string }[] };
    expect(report.summary.files).toBeGreaterThan(20);
    const files = report.findings.map((f) => f.file);
    expect(files).toEqual([...files].sort());
  });
});

describe('progress on stderr', () => {
  const stderr = (isTTY: boolean, columns = 80) => ({ isTTY, columns }) as unknown as CliIo['stderr'];
  it('is shown to a person at a terminal only', () => {
    expect(wantsProgress({ stderr: stderr(true), env: {} }, false)).toBe(true);
    expect(wantsProgress({ stderr: stderr(false), env: {} }, false)).toBe(false);
    expect(wantsProgress({ stderr: stderr(true), env: { CI: 'true' } }, false)).toBe(false);
    expect(wantsProgress({ stderr: stderr(true), env: {} }, true)).toBe(false);
  });

  it('is not shown on a terminal nobody sized (0 columns, as under `script`), where the spinner never stopped clearing its line', () => {
    expect(wantsProgress({ stderr: stderr(true, 0), env: {} }, false)).toBe(false);
    expect(wantsProgress({ stderr: { isTTY: true } as unknown as CliIo['stderr'], env: {} }, false)).toBe(false);
  });

  it('loads its spinner only when asked, and counts rows on the stream it is given', async () => {
    const { PassThrough } = await import('node:stream');
    const terminal = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 80,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let written = '';
    terminal.on('data', (chunk) => (written += String(chunk)));
    const progress = await terminalProgress(terminal);
    progress.tick(10_000);
    progress.tick(120_000);
    progress.done();
    // Nothing below 50 000 rows; then the count, drawn at once (as a plain line under CI=true).
    expect(written).toContain('120,000 rows read');
    expect(written).not.toContain('10,000');
  });
});

describe('option values are checked before any file is read', () => {
  it.each([
    [['--encoding', 'klingon', SEED], /--encoding: unknown encoding "klingon"/],
    [['--map', 'price=Prix', SEED], /--map: unknown field "price"/],
  ])('%j is a usage error, said once', async (args, reason) => {
    const run = await runCli([...args, SEED]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads --terminated and --today in the --date-order', async () => {
    // The English seed has ISO dates, which read the same in any order.
    const args = [
      'fixtures/seed-cases-en.csv',
      '-f',
      'json',
      '--today',
      '06/01/2024',
      '--terminated',
      '0612345003=11/15/2023',
    ];
    const run = await runCli([...args, '--date-order', 'mdy']);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; documentId?: string }[] };
    // 15 November 2023 (+10 days): the December bill of account 0612345003 bills a later period.
    expect(
      report.findings.some((f) => f.ruleId === 'billed-after-termination' && f.documentId === 'FAC-A3-202312'),
    ).toBe(true);
    // Day first, "11/15/2023" is no date at all.
    const dayFirst = await runCli(args);
    expect(dayFirst.code).toBe(2);
    expect(dayFirst.stderr).toMatch(/--today|--terminated/);
  });
});

describe('writing the report', () => {
  it('turns a write error other than a closed pipe into exit code 2 with the reason', async () => {
    const { Writable } = await import('node:stream');
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      },
    });
    const stderr: string[] = [];
    const code = await main([SEED, ...TODAY], {
      stdin: Readable.from([]),
      stdout: failing,
      stderr: new Writable({
        write(chunk, _e, cb) {
          stderr.push(String(chunk));
          cb();
        },
      }),
      env: {},
      cwd: process.cwd(),
    });
    expect(code).toBe(2);
    expect(stderr.join('')).toMatch(/billcheck: Cannot write the output: no space left on the device \(ENOSPC\)/);
  });
});
