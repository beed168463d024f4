/**
 * One bill read twice (issue 13, defect 5): the export's row and the bill's text copy, same
 * number, total and date (fixtures/dossiers/fr-facture-lue-deux-fois). One bill with two sources:
 * each finding once, naming the other source, never a duplicate-invoice; a copy of another amount
 * is still two documents and a finding.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOSSIER = fileURLToPath(new URL('../../fixtures/dossiers/fr-facture-lue-deux-fois', import.meta.url));

interface Report {
  summary: { errors: number; warnings: number };
  findings: { ruleId: string; file: string; documentId?: string; evidence: Record<string, unknown> }[];
}

const check = async (dir: string, extra: string[] = []): Promise<Report> =>
  JSON.parse((await runCli([dir, '--today', '2024-12-31', '--format', 'json', ...extra])).stdout) as Report;
const short = (path: string): string => path.split('/').at(-1) ?? path;

/** The dossier copied, with the text copy of the February bill edited. */
function variant(edit: (text: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'billcheck-read-twice-')), 'dossier');
  cpSync(DOSSIER, dir, { recursive: true });
  const copy = join(dir, 'facture-fevrier.txt');
  writeFileSync(copy, edit(readFileSync(copy, 'utf8')));
  return dir;
}

describe('a bill read twice', () => {
  it('gives each finding once, on the first source, naming the other', async () => {
    const report = await check(DOSSIER);
    const found = report.findings.map((f) => [f.ruleId, short(f.file), f.documentId, f.evidence.alsoAt]);
    expect(found).toEqual([
      ['billed-after-termination', 'facture-fevrier.txt', 'F-2024-02-131', join(DOSSIER, 'factures-orange.csv:5')],
      ['billed-after-termination', 'factures-orange.csv', 'F-2024-01-118', undefined],
    ]);
    expect(report.summary.errors).toBe(2);
  });

  it("merges the document rules' findings too: a bill above the ceiling is one finding", async () => {
    const dir = variant((text) => text);
    const config = writeConfig(dir, { rules: { 'amount-ceiling': ['error', { max: '20.00' }] } });
    const report = await check(dir, ['--config', config, '--rule', 'billed-after-termination=off']);
    const over = report.findings.filter((f) => f.ruleId === 'amount-ceiling');
    // Four bills of 29,99 €, the February one read twice: four findings, February's naming its other source.
    expect(over.map((f) => [short(f.file), f.documentId, f.evidence.alsoAt])).toEqual([
      ['facture-fevrier.txt', 'F-2024-02-131', join(dir, 'factures-orange.csv:5')],
      ['factures-orange.csv', 'F-2023-11-097', undefined],
      ['factures-orange.csv', 'F-2023-12-103', undefined],
      ['factures-orange.csv', 'F-2024-01-118', undefined],
    ]);
    expect(report.summary.errors).toBe(4);
  });

  it('tells the bill once in the story, and the text report names its other source (review)', async () => {
    const run = await runCli([DOSSIER, '--today', '2024-12-31', '--lang', 'en']);
    const billed = run.stdout.split('\n').filter((line) => /billed\s+F-2024-02-131/.test(line));
    expect(billed).toHaveLength(1);
    expect(billed[0]).toContain('facture-fevrier.txt:1');
    expect(run.stdout).toContain(`facture-fevrier.txt:1, also read at ${join(DOSSIER, 'factures-orange.csv:5')}`);
  });

  it('gives the same findings and counts in the streamed formats, ndjson and csv (review)', async () => {
    const dir = variant((text) => text);
    const config = writeConfig(dir, { rules: { 'amount-ceiling': ['error', { max: '20.00' }] } });
    const args = [dir, '--today', '2024-12-31', '--config', config, '--rule', 'billed-after-termination=off'];
    const lines = (await runCli([...args, '--format', 'ndjson'])).stdout.trimEnd().split('\n');
    const records = lines.map(
      (line) => JSON.parse(line) as { type?: string; ruleId?: string; summary?: Report['summary'] },
    );
    expect(records.filter((r) => r.ruleId === 'amount-ceiling')).toHaveLength(4);
    expect(records.at(-1)?.summary?.errors).toBe(4);
    const csv = (await runCli([...args, '--format', 'csv'])).stdout.trimEnd().split('\n');
    expect(csv.filter((row) => row.startsWith('amount-ceiling,'))).toHaveLength(4);
  });

  it('takes a row of the same number, total and date but another period for another bill (review)', async () => {
    // The export bills March under February's number: a duplicate-invoice, not a copy of the text bill.
    const dir = variant((text) => text);
    const exported = join(dir, 'factures-orange.csv');
    writeFileSync(
      exported,
      readFileSync(exported, 'utf8').replace(/01\/02\/2024;29\/02\/2024/, '01/03/2024;31/03/2024'),
    );
    const report = await check(dir);
    expect(report.findings.some((f) => f.ruleId === 'duplicate-invoice' && f.documentId === 'F-2024-02-131')).toBe(
      true,
    );
  });

  it('keeps a copy of another amount two documents: both findings, and a duplicate-invoice', async () => {
    const dir = variant((text) =>
      text
        .replace('24,99        5,00          29,99', '33,32        6,67          39,99')
        .replace('29,99 €', '39,99 €'),
    );
    const report = await check(dir);
    const after = report.findings.filter((f) => f.ruleId === 'billed-after-termination');
    expect(after.map((f) => [short(f.file), f.documentId, f.evidence.alsoAt])).toEqual([
      ['facture-fevrier.txt', 'F-2024-02-131', undefined],
      ['factures-orange.csv', 'F-2024-01-118', undefined],
      ['factures-orange.csv', 'F-2024-02-131', undefined],
    ]);
    expect(report.findings.some((f) => f.ruleId === 'duplicate-invoice' && f.documentId === 'F-2024-02-131')).toBe(
      true,
    );
  });
});

function writeConfig(dir: string, config: object): string {
  const path = join(dir, '..', 'billcheck.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}
