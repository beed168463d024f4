/**
 * `--jobs N` reads a large file in N byte ranges, the first on the main thread and the others in
 * worker threads (two by default on a machine with two cores); it must find exactly what the
 * main thread alone finds, line numbers and row counts included: ranges start on record
 * boundaries (never inside a quoted field) and never cut a document's rows apart.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript without types
import { generate } from '../../bench/generate.js';
import { rangeEnds } from '../../src/check/parallel/pool.js';
import { planCsvSplit } from '../../src/check/parallel/split.js';
import { runCli } from '../helpers/cli.js';
import { sameFindings, variant } from '../helpers/parallel.js';

// Each case runs billcheck several times on exports of a few hundred kilobytes: seconds on a quiet machine,
// more on a shared one, so these cases get two minutes each rather than the suite's one.
describe('parallel reading (--jobs)', { timeout: 120_000 }, () => {
  let generated = '';

  beforeAll(async () => {
    generated = join(mkdtempSync(join(tmpdir(), 'billcheck-parallel-')), 'export.csv');
    // Quoted descriptions with ";" and "" inside, multi-line invoices, planted anomalies.
    await generate({ rows: 4_000, accounts: 500, seed: 7, out: generated });
  });

  it('finds the same when a small file (read on the main thread alone) shares accounts with a split one', async () => {
    // Rows of the generated export re-billed under other numbers: the same periods and totals
    // twice, which only a timeline holding both files' entries can see.
    const rows = readFileSync(generated, 'utf8').split('\n');
    const rebilled = [rows[0], ...rows.slice(2500, 2560).map((row) => `X${row}`)].join('\n');
    const small = join(dirname(generated), 'rebilled.csv');
    writeFileSync(small, `${rebilled}\n`);
    const onlyTheLargeFileSplits = { BILLCHECK_PARALLEL_MIN_BYTES: '100000' };
    const found = await runCli([small, generated, '--format', 'json', '--today', '2026-01-01'], {
      env: onlyTheLargeFileSplits,
    });
    const report = JSON.parse(found.stdout) as { findings: { ruleId: string; file: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'duplicate-invoice' && f.file === small).length).toBeGreaterThan(
      10,
    );
    await sameFindings([small, generated], { jobs: [], env: onlyTheLargeFileSplits, formats: ['json', 'text'] });
  });

  it('decides "same content" exactly across threads: a re-exported copy is no duplicate, a changed line is', async () => {
    // The first 300 rows again at the end (in the worker's half): the same invoice numbers and
    // content, except one invoice whose first line's wording (the 8th cell) changed.
    const copies = variant(generated, 're-exported.csv', (lines) => {
      // Whole invoices only: a copy cut in the middle of one would rightly be another content.
      const idOf = (line: string | undefined) => line?.split(';')[0];
      let end = 301;
      while (idOf(lines[end]) === idOf(lines[end - 1])) end++;
      const again = lines.slice(1, end);
      const changedId = (again[150] as string).split(';')[0] as string;
      let changed = false;
      const edited = again.map((line) => {
        if (changed || !line.startsWith(`${changedId};`)) return line;
        changed = true;
        const cells = line.split(';');
        return [...cells.slice(0, 7), 'Option modifiée', ...cells.slice(-4)].join(';');
      });
      return [...lines.filter((line) => line !== ''), ...edited, ''];
    });
    const report = JSON.parse((await runCli([copies, '--format', 'json', '--today', '2026-01-01'])).stdout) as {
      findings: { ruleId: string; messageId?: string; documentId?: string; line: number }[];
    };
    const different = report.findings.filter((f) => f.ruleId === 'duplicate-invoice' && f.line > 4_000);
    expect(different).toHaveLength(1);
    await sameFindings(copies, { jobs: ['--jobs', '2'] });
  });

  it('finds the same with three threads, and by default', async () => {
    // More ranges than threads, as the run cuts the file: each thread takes several as it becomes free.
    expect(planCsvSplit(generated, 3, { ends: rangeEnds(3) })?.ranges.length).toBeGreaterThan(3);
    await sameFindings(generated, { jobs: ['--jobs', '3'] });
    await sameFindings(generated, { jobs: [], formats: ['json', 'text'] });
  });

  it('finds the same when the second part has sub-cent and huge amounts, which the worker sends as exact text', async () => {
    // Net, VAT and total are the 9th to 11th cells.
    const exact = variant(generated, 'exact-amounts.csv', (lines) =>
      lines.map((line, i) => {
        if (i < 3_000 || i % 100 !== 0) return line;
        const cells = line.split(';');
        const [net, tax, total] =
          i % 200 === 0
            ? ['3,2625', '0,6525', '3,915']
            : ['99999999999999999999999,99', '0,00', '99999999999999999999999,99'];
        return [...cells.slice(0, 8), net, tax, total, ...cells.slice(11)].join(';');
      }),
    );
    await sameFindings(exact);
  });

  it('finds the same on the export with a byte-order mark, and in Windows-1252', async () => {
    await sameFindings(variant(generated, 'with-bom.csv', (lines) => [`\uFEFF${lines[0]}`, ...lines.slice(1)]));
    // Windows-1252 has the no-break space but not the narrow one.
    await sameFindings(
      variant(
        generated,
        'windows-1252.csv',
        (lines) => lines.map((line) => line.replaceAll('\u202F', '\u00A0')),
        'latin1',
      ),
    );
  });
});
