/**
 * The reliability audit's defects (issue 18) that live in the CLI: exit codes, one clear line per
 * problem, no escape from an argument on the terminal, and a report that says which config it
 * used. Inputs are fixtures/seed-cases.csv (see fixtures/README.md) or rows taken from it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { RULES } from '../../src/rules/index.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const SEED = join(ROOT, 'fixtures/seed-cases.csv');
const TODAY = ['--today', '2024-06-01'];
const HEADER = (readFileSync(SEED, 'utf8').split('\n')[0] as string) + '\n';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'billcheck-reliability-'));
}

describe('exit codes', () => {
  it('still exits 1 when the reader of stdout goes away after the first line (| head -1)', async () => {
    // A reader that takes one chunk and leaves, as `head -1` does: later writes meet a destroyed stream.
    const head = new Writable({
      write(_chunk, _encoding, callback) {
        callback();
        this.destroy();
      },
    });
    const code = await main([SEED, ...TODAY, '-f', 'ndjson'], {
      stdin: Readable.from([]),
      stdout: head,
      stderr: new PassThrough(),
      env: {},
      cwd: ROOT,
    });
    expect(code).toBe(1);
  });

  it('exits 2 when a file could not be checked although the reader went away', async () => {
    const head = new Writable({
      write(_chunk, _encoding, callback) {
        callback();
        this.destroy();
      },
    });
    const stderr = new PassThrough();
    const code = await main([SEED, 'missing.csv', ...TODAY], {
      stdin: Readable.from([]),
      stdout: head,
      stderr,
      env: {},
      cwd: ROOT,
    });
    expect(code).toBe(2);
  });

  it.each(['--help', '--version', 'rules', 'check --help'])(
    'exits 2 with one line when %s is written to a full disk',
    (arg) => {
      const full = openSync('/dev/full', 'w');
      try {
        const run = spawnSync(process.execPath, [BIN, ...arg.split(' ')], {
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
        });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('billcheck: Cannot write the output: no space left on the device (ENOSPC)\n');
      } finally {
        closeSync(full);
      }
    },
  );

  it('refuses standard input given twice as a usage error, instead of reading an "empty file"', async () => {
    const run = await runCli(['-', '-'], { stdin: readFileSync(SEED) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: - (standard input) is given more than once: it can be read only once\n');
    expect(run.stdout).toBe('');
  });
});

describe('one clear line per problem', () => {
  it.each([
    [['--max-warnings', '99999999999'], 1, ''],
    [
      ['--max-warnings', '99999999999999999999'],
      2,
      'billcheck: --max-warnings 99999999999999999999 is too large (at most 9007199254740991)\n',
    ],
    [
      ['--terminated', '=2024-01-01'],
      2,
      'billcheck: --terminated: no account before "=" in "=2024-01-01" (give ACCOUNT=DATE, or DATE alone for every account)\n',
    ],
  ])('%j', async (args, code, stderr) => {
    const run = await runCli([SEED, ...TODAY, ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(stderr);
  });

  it('reports a quote as --delimiter once, as a usage error, not once per file', async () => {
    const run = await runCli([SEED, SEED, '--delimiter', '"']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: --delimiter cannot be ", the character CSV quotes fields with\n');
  });

  it('accepts --delimiter tab and \\t, as the help says', async () => {
    const tsv = join(folder(), 'factures.tsv');
    writeFileSync(tsv, readFileSync(SEED, 'utf8').replaceAll(';', '\t'));
    for (const name of ['tab', '\\t', 'TAB']) {
      const run = await runCli([tsv, ...TODAY, '--delimiter', name, '-f', 'json']);
      expect(run.stderr).toBe('');
      expect((JSON.parse(run.stdout) as { summary: { documents: number } }).summary.documents).toBeGreaterThan(20);
    }
  });

  it('refuses a config file over 1 MB (/dev/zero) instead of reading it forever', async () => {
    const run = await runCli([SEED, '--config', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('billcheck: /dev/zero: a config file larger than 1 MB: not a billcheck config\n');
  });

  it('treats {"rules": null} as the wrong type it is', async () => {
    const config = join(folder(), 'billcheck.config.json');
    writeFileSync(config, '{"rules": null}');
    const run = await runCli([SEED, '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"rules" must be an object');
  });

  it('accepts --debug on extract, as its error message recommends', async () => {
    const run = await runCli(['extract', '--debug', SEED]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { documents: unknown[] }).documents.length).toBeGreaterThan(20);
  });

  it('lists and explains invalid-input, which every report may hold', async () => {
    const list = await runCli(['rules']);
    expect(list.stdout).toMatch(/^invalid-input +error +input +A row or a text that cannot be/m);
    const json = JSON.parse((await runCli(['rules', '-f', 'json'])).stdout) as {
      rules: unknown[];
      reserved: { id: string }[];
    };
    expect(json.reserved.map((rule) => rule.id)).toEqual(['invalid-input']);
    const explain = await runCli(['explain', 'invalid-input']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Why it matters');
  });
});

describe('extract of a folder', () => {
  it('says on stderr what the walk skipped, its JSON being the documents alone', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'factures.csv'), readFileSync(SEED));
    writeFileSync(join(dir, 'factures.xlsx'), 'PK');
    const run = await runCli(['extract', dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('billcheck: Skipped 1 file billcheck does not read: .xlsx\n');
    expect((JSON.parse(run.stdout) as { documents: unknown[] }).documents.length).toBeGreaterThan(20);
  });
});

describe('summary lines that read true', () => {
  it('gives no green ✔ to a header-only file', async () => {
    const file = join(folder(), 'vide.csv');
    writeFileSync(file, HEADER);
    const run = await runCli([file, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('⚠ No documents found in 1 file (0 data rows): nothing was checked\n');
  });

  it('says nothing was checked when every file failed, not "no problems in 0 documents"', async () => {
    const run = await runCli([join(folder(), 'absent.csv'), ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `fatal    ${run.stderr.slice('billcheck: '.length, -1)}\n\n✖ 1 file could not be checked; nothing was checked\n`,
    );
  });
});

describe('fatal problems in the CSV report', () => {
  it('writes a file that could not be checked as a row of its own', async () => {
    const run = await runCli([SEED, 'missing.csv', ...TODAY, '-f', 'csv']);
    expect(run.code).toBe(2);
    const rows = run.stdout.trimEnd().split('\r\n');
    expect(rows.at(-1)).toBe(',fatal,cannot read: no such file or directory,missing.csv,,,,,,,,');
  });
});

describe('escapes from arguments', () => {
  it("never lets an ESC in an argument reach the terminal through commander's own messages", async () => {
    const run = await runCli([SEED, '--format', '\u001b[2Jx']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('\\u001B[2Jx');
  });
});

describe('the config a report names', () => {
  it('names the config found upwards and what it changes, in text and JSON', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'billcheck.config.json'),
      JSON.stringify({ rules: { 'amount-ceiling': ['warning', { max: '5000.00' }], 'vat-rate-mismatch': 'off' } }),
    );
    const file = join(dir, 'billcheck.config.json');
    const text = await runCli([SEED, ...TODAY], { cwd: dir });
    expect(text.stdout).toContain(
      `Config ${file}: amount-ceiling error → warning, amount-ceiling.max 10000.00 → 5000.00, vat-rate-mismatch off\n`,
    );
    const json = JSON.parse((await runCli([SEED, ...TODAY, '-f', 'json'], { cwd: dir })).stdout) as Record<
      string,
      unknown
    >;
    expect(json.config).toEqual({
      file,
      changes: ['amount-ceiling error → warning', 'amount-ceiling.max 10000.00 → 5000.00', 'vat-rate-mismatch off'],
      // One rule turned off (vat-rate-mismatch); amount-ceiling is only lowered to a warning.
      rulesOn: RULES.length - 1,
      rulesTotal: RULES.length,
    });
    expect(
      JSON.parse((await runCli([SEED, ...TODAY, '-f', 'json', '--no-config'], { cwd: dir })).stdout),
    ).not.toHaveProperty('config');
  });

  it('says loudly that a received folder whose config turns every rule off checked nothing', async () => {
    const dir = folder();
    const ids = JSON.parse((await runCli(['rules', '-f', 'json'])).stdout) as { rules: { id: string }[] };
    const allOff = Object.fromEntries(ids.rules.map((rule) => [rule.id, 'off']));
    writeFileSync(join(dir, 'billcheck.config.json'), JSON.stringify({ rules: allOff }));
    writeFileSync(join(dir, 'export.csv'), readFileSync(SEED));
    const run = await runCli([join(dir, 'export.csv'), ...TODAY], { cwd: dir });
    expect(run.stdout).toContain(
      `⚠ Config ${join(dir, 'billcheck.config.json')} turns off every rule (${ids.rules.length}): nothing was checked\n`,
    );
    expect(run.stdout).not.toContain('✔');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '⚠ No rule is on: 31 documents, 4 accounts, 1 file read, none checked',
    );
    // Also on stderr, for the reader of a JSON or CSV report who never sees its text.
    expect(run.stderr).toBe(
      `billcheck: ⚠ Config ${join(dir, 'billcheck.config.json')} turns off every rule (${ids.rules.length}): nothing was checked\n`,
    );
    expect(run.code).toBe(0);
  });
});
