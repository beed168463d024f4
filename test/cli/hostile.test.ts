/**
 * Broken and hostile input, end to end: every case gets a clear answer (exit code, one line on
 * stderr naming the file and the problem, no stack trace), no row goes missing from the summary,
 * and nothing from the input reaches the terminal raw. Huge inputs are generated into a temporary
 * folder, never committed.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BIN, ROOT, runCli, type CliRun } from '../helpers/cli.js';

const TODAY = ['--today', '2024-12-01'];
const HOSTILE = 'fixtures/hostile';
const SEED = 'fixtures/seed-cases.csv';
const HEADER = 'N° de facture;Type;N° client;Date de facture;Libellé;Montant TTC (€)\n';

interface Finding {
  ruleId: string;
  line: number;
  file: string;
  message: string;
  account?: string;
  documentId?: string;
  evidence: Record<string, unknown>;
}
interface Report {
  valid: boolean;
  summary: { files: number; documents: number; rows: number; errors: number };
  findings: Finding[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'billcheck-hostile-'));
});

function tmp(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function report(run: CliRun): Report {
  return JSON.parse(run.stdout) as Report;
}

/** What every answer must be: no stack trace, no raw control character, each stderr line names billcheck. */
function expectClean(run: CliRun): void {
  expect(run.stderr).not.toContain('\n    at ');
  for (const line of run.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^billcheck: /);
}

function expectNoRawControls(text: string): void {
  // Line feeds are the report's own layout; everything else a terminal may act on must be escaped.
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

const invoiceRow = (id: string, total: string): string =>
  `${id};Facture;0612345001;05/01/2024;Forfait mobile 5 Go;${total}\n`;

describe('files that cannot be checked', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'absent.csv'), /cannot read: no such file/],
    [
      'a directory with nothing to check',
      () => {
        const empty = join(dir, 'nothing-here');
        mkdirSync(empty, { recursive: true });
        writeFileSync(join(empty, 'notes.md'), '# notes\n');
        return empty;
      },
      /no file to check in this directory/,
    ],
    ['an empty file', () => tmp('vide.csv', ''), /empty file/],
    ['an empty text', () => tmp('vide.txt', ''), /empty file/],
    [
      'a PNG image',
      () => tmp('scan.csv', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(4000, 1)])),
      /binary data/,
    ],
    [
      'a gzip archive',
      () => tmp('export.txt', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(4000, 2)])),
      /binary data/,
    ],
    ['a CSV without invoice columns', () => `${HOSTILE}/no-invoice-columns.csv`, /no invoice columns recognized/],
    ['a text without an invoice', () => `${HOSTILE}/not-an-invoice.txt`, /no invoice or letter found/],
    // Its strings name invoices, credit notes and amounts, but nothing in it is a bill.
    ['a JavaScript file', () => 'fixtures/csv/generate.mjs', /no invoice or letter found/],
    ['a PDF bill', () => tmp('facture-2024-03.pdf', pdf(true)), PDF_PROBLEM],
    ['a PDF saved as .csv', () => tmp('facture-2024-03.csv', pdf(true)), PDF_PROBLEM],
    // Without a compressed stream a PDF reads as text: only its first bytes tell what it is.
    ['a PDF without compressed streams, saved as .txt', () => tmp('facture-2024-03.txt', pdf(false)), PDF_PROBLEM],
    ['a PDF without an extension', () => tmp('facture-2024-03', pdf(true)), PDF_PROBLEM],
  ];

  it.each(cases)(
    '%s: one line naming the file, exit 2, the other files still checked',
    async (_name, make, problem) => {
      const path = make();
      const run = await runCli([path, SEED, '--format', 'json', ...TODAY]);
      expect(run.code).toBe(2);
      expectClean(run);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(path);
      expect(lines[0]).toMatch(problem);
      const result = report(run);
      expect(result.valid).toBe(false);
      expect(result.summary.files).toBe(1);
      expect(result.findings.some((f) => f.file === SEED && f.ruleId === 'dunning-trivial-amount')).toBe(true);
    },
  );

  it('a broken PDF on standard input is read as a PDF too', async () => {
    const run = await runCli(['-', '--format', 'json', ...TODAY], { stdin: pdf(true) });
    expect(run.code).toBe(2);
    expectClean(run);
    expect(run.stderr).toMatch(PDF_PROBLEM);
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable file (chmod 000; skipped as root, who reads it anyway)',
    async () => {
      const path = tmp('locked.csv', HEADER + invoiceRow('F-1', '19,99'));
      chmodSync(path, 0o000);
      const run = await runCli([path, SEED, '--format', 'json', ...TODAY]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`billcheck: ${path}: cannot read: permission denied\n`);
      expect(report(run).summary.files).toBe(1);
    },
  );

  it('an internal error is one line plus a hint to rerun with --debug, and --debug shows the stack', async () => {
    const failing = (): Readable =>
      new Readable({
        read() {
          this.destroy(new Error('disk controller reset'));
        },
      });
    for (const debug of [false, true]) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const errors: Buffer[] = [];
      stderr.on('data', (chunk: Buffer) => errors.push(chunk));
      stdout.resume();
      const code = await main(['-', ...TODAY, ...(debug ? ['--debug'] : [])], {
        stdin: failing(),
        stdout,
        stderr,
        env: {},
        cwd: ROOT,
      });
      const text = Buffer.concat(errors).toString('utf8');
      expect(code).toBe(2);
      expect(text.split('\n')[0]).toBe('billcheck: Internal error: disk controller reset');
      if (debug) expect(text).toContain('\n    at ');
      else
        expect(text).toBe(
          'billcheck: Internal error: disk controller reset\nbillcheck: Rerun with --debug for the stack trace, and report it with the input that caused it\n',
        );
    }
  });
});

describe('rows that cannot be read', () => {
  it('reports each broken row with line, column and raw value, and checks the rows around it', async () => {
    const run = await runCli([`${HOSTILE}/broken-rows.csv`, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(1);
    expectClean(run);
    const result = report(run);
    const invalid = new Map(result.findings.filter((f) => f.ruleId === 'invalid-input').map((f) => [f.line, f]));
    // Lines 3 and 4 are ragged; 5 to 10 hold one unreadable cell each.
    expect([...invalid.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(invalid.get(3)?.message).toMatch(/11 fields, the header has 9/);
    expect(invalid.get(4)?.message).toMatch(/7 fields, the header has 9/);
    const cells: [number, string, string][] = [
      [5, 'Montant TTC (€)', '12,5O'],
      [6, 'Montant TTC (€)', '1,234,56.7.8'],
      [7, 'Montant TTC (€)', '1e5'],
      [8, 'Montant HT (€)', 'NaN'],
      [9, 'Montant TTC (€)', 'Infinity'],
      [10, 'Date de facture', '31/02/2024'],
    ];
    for (const [line, column, value] of cells) {
      expect(invalid.get(line)?.evidence).toMatchObject({ column, value });
      expect(invalid.get(line)?.file).toBe(`${HOSTILE}/broken-rows.csv`);
    }
    // The rows before and after are documents: the 0,01 € dunning letter on the last line is flagged.
    expect(result.findings.find((f) => f.ruleId === 'dunning-trivial-amount')?.line).toBe(12);
    expect(result.summary).toMatchObject({ documents: 3, rows: 11 });
  });

  it('recovers from quotes left open: swallowed rows are reported and counted, later rows still checked', async () => {
    const run = await runCli([`${HOSTILE}/unclosed-quotes.csv`, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(1);
    expectClean(run);
    const result = report(run);
    const byRule = (id: string): number[] => result.findings.filter((f) => f.ruleId === id).map((f) => f.line);
    // Line 5 opens a quote that the one on line 7 closes; line 9 opens one that nothing closes.
    expect(byRule('invalid-input')).toEqual([5, 9]);
    expect(result.findings.find((f) => f.line === 5)?.message).toMatch(/lines 5 to 7 \(3 rows\)/);
    expect(byRule('amount-ceiling')).toEqual([8]);
    expect(byRule('dunning-trivial-amount')).toEqual([11]);
    // Nine data rows: F01, F02 (over two lines), F03-F05 as one report, F06, F07, F08, the dunning letter.
    expect(result.summary.rows).toBe(9);
  });
});

describe('extreme sizes', () => {
  it('a 400-digit amount is an unreadable cell, truncated in the report', async () => {
    const path = tmp(
      '400-digits.csv',
      HEADER + invoiceRow('F-1', '19,99') + invoiceRow('F-2', `${'9'.repeat(400)},00`) + invoiceRow('F-3', '19,99'),
    );
    const result = report(await runCli([path, '--format', 'json', ...TODAY]));
    const invalid = result.findings.filter((f) => f.ruleId === 'invalid-input');
    expect(invalid.map((f) => f.line)).toEqual([3]);
    expect(String(invalid[0]?.evidence.value).length).toBeLessThanOrEqual(80);
    expect(result.summary).toMatchObject({ documents: 2, rows: 3 });
  });

  it("a 3 MB line without a line break trips csv-parse's 1 MiB record limit: rows before it are kept", async () => {
    const path = tmp(
      'long-line.csv',
      HEADER + invoiceRow('F-1', '15 000,00') + `F-2;Facture;0612345001;05/01/2024;${'x'.repeat(3 << 20)}`,
    );
    const run = await runCli([path, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(2);
    expectClean(run);
    expect(run.stderr).toMatch(/line 3: a row longer than 1 MiB/);
    const result = report(run);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['amount-ceiling', 2],
      ['invalid-input', 3],
    ]);
    expect(result.summary.rows).toBe(2);
  });

  it('a file of 3 MB with no line break at all is not a CSV', async () => {
    const run = await runCli([tmp('one-line.csv', 'Montant;'.repeat(400_000)), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no line break in the first 1 MiB/);
  });

  it('a header of a million columns is refused at once', async () => {
    const path = tmp(
      'million-columns.csv',
      `${HEADER.trimEnd()}${';'.repeat(1_000_000)}\n${invoiceRow('F-1', '19,99')}`,
    );
    const run = await runCli([path, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the header has 1000006 columns/);
  });

  it('a 1 MB field under the limit is read; a field over 1 MiB is reported', async () => {
    const under = tmp(
      'field-1mb.csv',
      HEADER +
        invoiceRow('F-1', '19,99') +
        invoiceRow('F-2', '19,99').replace('Forfait mobile 5 Go', `"${'y'.repeat(1_000_000)}"`) +
        invoiceRow('F-3', '0,01').replace('Facture', 'Relance'),
    );
    const read = report(await runCli([under, '--format', 'json', ...TODAY]));
    expect(read.summary).toMatchObject({ documents: 3, rows: 3 });
    expect(read.findings.map((f) => f.ruleId)).toEqual(['dunning-trivial-amount']);
    const over = tmp(
      'field-2mb.csv',
      HEADER +
        invoiceRow('F-1', '19,99') +
        invoiceRow('F-2', '19,99').replace('Forfait mobile 5 Go', `"${'y'.repeat(2 << 20)}"`),
    );
    const run = await runCli([over, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 3: a row longer than 1 MiB/);
    expect(report(run).summary.rows).toBe(2);
  });
});

describe('encodings', () => {
  const text = `${HEADER}F-1;Facture;0612345001;05/01/2024;Séjour à l’étranger « Europe »;1 234,56\nF-2;Relance;0612345001;05/03/2024;Mise en demeure;0,01\n`;
  const be = (): Buffer => {
    const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return bytes.swap16();
  };
  const encodings: [string, () => Buffer][] = [
    ['UTF-8', () => Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', () => Buffer.from(`\uFEFF${text}`, 'utf8')],
    ['UTF-16 LE with BOM', () => Buffer.from(`\uFEFF${text}`, 'utf16le')],
    ['UTF-16 BE with BOM', be],
    ['Windows-1252', () => iconv.encode(text.replace('’', "'").replace(/\n/g, '\r\n'), 'windows-1252')],
  ];

  it.each(encodings)('%s: the same documents and amounts', async (name, bytes) => {
    const path = tmp(`encoded-${name.replace(/\W+/g, '-')}.csv`, bytes());
    const run = await runCli(['extract', path]);
    expect(run.code).toBe(0);
    const { documents } = JSON.parse(run.stdout) as {
      documents: { id: string; total: string; lines: { description: string }[] }[];
    };
    expect(documents.map((d) => [d.id, d.total])).toEqual([
      ['F-1', '1234.56'],
      ['F-2', '0.01'],
    ]);
    expect(documents[0]?.lines[0]?.description).toMatch(/^Séjour à l.étranger « Europe »$/);
  });

  it('invalid UTF-8 bytes in the middle: those rows are reported, never read as other amounts', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}${invoiceRow('F-1', '19,99')}F-2;Facture;0612345001;05/02/2024;Forfait `, 'utf8'),
      Buffer.from([0xe9, 0x74, 0xe9]),
      Buffer.from(`;19,99\nF-3;Facture;0612345001;05/03/2024;Forfait;2`, 'utf8'),
      Buffer.from([0xff]),
      Buffer.from(`,99\n${invoiceRow('F-4', '15 000,00')}`, 'utf8'),
    ]);
    const result = report(await runCli([tmp('mixed-bytes.csv', bytes), '--format', 'json', ...TODAY]));
    const invalid = result.findings.filter((f) => f.ruleId === 'invalid-input');
    expect(invalid.map((f) => [f.line, f.evidence.column])).toEqual([
      [3, 'Libellé'],
      [4, 'Montant TTC (€)'],
    ]);
    expect(result.findings.find((f) => f.ruleId === 'amount-ceiling')?.line).toBe(5);
    expect(result.summary.rows).toBe(4);
  });
});

describe('injection', () => {
  const ESCAPE = '\x1b[2J\x1b[31mPAYÉ';

  it('control characters and bidi overrides never reach the terminal raw; JSON keeps them intact', async () => {
    const path = `${HOSTILE}/control-characters.csv`;
    const text = await runCli([path, ...TODAY], { stdoutIsTTY: true, env: { FORCE_COLOR: '0' } });
    expect(text.code).toBe(1);
    expectNoRawControls(text.stdout);
    expect(text.stdout).toContain('FAC-2024-01\\u001B[2J\\u001B[31mPAYÉ');
    expect(text.stdout).toContain('0612\\u202E345001\\u0007');

    const json = await runCli([path, '--format', 'json', ...TODAY]);
    expectNoRawControls(json.stdout);
    const findings = report(json).findings;
    expect(findings.map((f) => f.documentId)).toContain(`FAC-2024-01${ESCAPE}`);
    expect(findings.map((f) => f.documentId)).toContain('MED-2024-02\x1b]0;pwned\x07');
    expect(findings.find((f) => f.ruleId === 'blank-invoice')?.account).toBe('0612\u202E345001\x07');
    expect(findings.find((f) => f.ruleId === 'invalid-input')?.evidence.value).toBe('19\x1b[0m,99');
    expect(report(json).summary.rows).toBe(3);

    const extract = await runCli(['extract', path]);
    expectNoRawControls(extract.stdout);
    const { documents } = JSON.parse(extract.stdout) as { documents: { lines: { description: string }[] }[] };
    expect(documents[0]?.lines[0]?.description).toBe(`${ESCAPE}\x07 Forfait\x9b2J 5 Go\u202Eevil`);
  });

  it('a file name with escape sequences is escaped on stderr and in the text report', async () => {
    const evil = tmp(`facture\x1b[31m\u202Eeté.csv`, HEADER + invoiceRow('F-1', '15 000,00'));
    const missing = join(dir, 'absente\x1b[2J\x07.csv');
    const run = await runCli([evil, missing, ...TODAY]);
    expect(run.code).toBe(2);
    expectNoRawControls(run.stdout);
    expectNoRawControls(run.stderr.replace(/\n/g, ''));
    expect(run.stderr).toContain('absente\\u001B[2J\\u0007.csv: cannot read');
    expect(run.stdout).toContain('facture\\u001B[31m\\u202Eeté.csv');
    const json = await runCli([evil, '--format', 'json', ...TODAY]);
    expect(report(json).findings[0]?.file).toBe(evil);
  });

  it('headers named like Object.prototype keys change nothing', async () => {
    const run = await runCli([`${HOSTILE}/prototype-headers.csv`, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(1);
    const result = report(run);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['amount-ceiling', 'dunning-trivial-amount']);
    expect(result.summary.rows).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call({}, 'x')).toBe(false);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('pipes and usage', () => {
  it('ends quietly by itself when the reader of the output goes away (| head -1)', async () => {
    let csv = HEADER;
    for (let i = 0; i < 60_000; i++) csv += invoiceRow(`F-${i}`, i % 3 === 0 ? '15 000,00' : '0,00');
    const path = tmp('bill-run.csv', csv);
    const child = spawn(process.execPath, [BIN, path, '--format', 'ndjson', ...TODAY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH },
    });
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    // A hang would fail this test by the test runner's timeout; an exit code (not a signal) means billcheck ended by itself.
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    expect(Buffer.concat(errors).toString('utf8')).toBe('');
    // The run goes on to its end without writing, so that the code still says errors were found (issue 18).
    expect(code).toBe(1);
  }, 90_000);

  it('the same through a shell pipe', () => {
    let csv = HEADER;
    for (let i = 0; i < 20_000; i++) csv += invoiceRow(`F-${i}`, '15 000,00');
    const path = tmp('bill-run-shell.csv', csv);
    return new Promise<void>((resolve, reject) => {
      const shell = spawn(
        'sh',
        ['-c', `"${process.execPath}" "${BIN}" "${path}" --format ndjson --today 2024-12-01 | head -1`],
        { cwd: ROOT },
      );
      let out = '';
      let err = '';
      shell.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      shell.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      shell.on('close', () => {
        try {
          expect(out.trimEnd().split('\n')).toHaveLength(1);
          expect(JSON.parse(out)).toMatchObject({ ruleId: 'amount-ceiling' });
          expect(err).toBe('');
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  });

  const configs: [string, string][] = [
    ['truncated JSON', '{"rules": {"amount-ceiling": ["error", {"max": 5000}]'],
    ['an unknown rule', '{"rules": {"__proto__": "off"}}'],
    ['not an object', '[1, 2]'],
  ];
  it.each(configs)('a config with %s: exit 2 with the reason', async (_name, content) => {
    const path = tmp(`billcheck-${_name.replace(/\W+/g, '-')}.json`, content);
    const run = await runCli([SEED, '-c', path]);
    expect(run.code).toBe(2);
    expectClean(run);
    expect(run.stderr).toContain(path);
  });

  it.each([
    [['--format', 'xml'], /argument 'xml' is invalid/],
    [['--rule', 'toString=off'], /unknown rule "toString"/],
    [['--rule', '__proto__=off'], /unknown rule "__proto__"/],
    [['--frobnicate'], /^billcheck: Unknown option '--frobnicate'/],
    [['--encoding', 'klingon'], /unknown encoding "klingon"/],
  ])('usage error %j: exit 2 with the reason, no stack', async (args, reason) => {
    const run = await runCli([SEED, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toContain('\n    at ');
  });
});

/** Deterministic "random" bytes, so that a failure can be replayed. */
// PDFs are read (issue 14): these broken ones, by name or by their first bytes, are damaged PDFs.
const PDF_PROBLEM = /a damaged PDF that cannot be read/;

/** The start of a PDF as producers write it: header, a binary comment, objects, perhaps a deflated stream. */
function pdf(compressed: boolean): Buffer {
  const head = Buffer.from(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    'latin1',
  );
  const page = Buffer.from(
    '4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (FACTURE) Tj ET\nendstream\nendobj\n',
    'latin1',
  );
  if (!compressed) return Buffer.concat([head, page]);
  const deflated = Buffer.concat([
    Buffer.from('4 0 obj\n<< /Length 4000 /Filter /FlateDecode >>\nstream\n', 'latin1'),
    randomBytes(4000, 3),
  ]);
  return Buffer.concat([head, deflated]);
}

function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
