/**
 * A customer-area export worded differently from the seed (Windows-1252, semicolons, CRLF,
 * non-breaking spaces as thousands separators, "Émis le", "Nature du document", "Facture
 * d'origine", combined "Période facturée" cells): the same four stories must be flagged, and no
 * ordinary monthly bill may get a finding — with and without the reference column.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FILE = 'fixtures/customer-area-windows-1252.csv';

interface Report {
  summary: { rows: number; documents: number };
  findings: { ruleId: string; documentId?: string; line: number }[];
}

function rulesByDocument(report: Report): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const f of report.findings) (found[f.documentId ?? `line ${f.line}`] ??= []).push(f.ruleId);
  for (const ids of Object.values(found)) ids.sort();
  return found;
}

describe('customer-area export in Windows-1252', () => {
  it('flags the four stories and nothing else', async () => {
    const run = await runCli([FILE, '--format', 'json', '--today', '2025-06-01']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary).toMatchObject({ rows: 31, documents: 31 });
    expect(rulesByDocument(report)).toEqual({
      F1013: ['amount-ceiling', 'amount-spike'],
      F1017: ['blank-invoice'],
      'MD-88412': ['dunning-for-blank-invoice', 'dunning-trivial-amount'],
      'RL-7730': ['dunning-while-in-credit'],
      F1025: ['billed-after-termination'],
      F1026: ['billed-after-termination'],
      F1027: ['billed-after-termination'],
    });
  });

  it('still flags the letters when the export has no reference column', async () => {
    const text = iconv.decode(readFileSync(FILE), 'windows-1252');
    const withoutReferences = text
      .split('\r\n')
      .map((line) => line.replace(/;[^;]*$/, ''))
      .join('\r\n');
    const run = await runCli(['-', '--format', 'json', '--today', '2025-06-01'], {
      stdin: iconv.encode(withoutReferences, 'windows-1252'),
    });
    const found = rulesByDocument(JSON.parse(run.stdout) as Report);
    expect(found['MD-88412']).toEqual(['dunning-trivial-amount']);
    expect(found['RL-7730']).toEqual(['dunning-while-in-credit']);
    expect(found.F1017).toEqual(['blank-invoice']);
  });

  it('reads the accented labels and the non-breaking spaces right', async () => {
    const run = await runCli(['extract', FILE]);
    const { documents } = JSON.parse(run.stdout) as { documents: Record<string, unknown>[] };
    const spike = documents.find((d) => d.id === 'F1013');
    expect(spike).toMatchObject({
      issueDate: '2025-01-03',
      dueDate: '2025-01-17',
      periodStart: '2025-01-01',
      periodEnd: '2025-01-31',
      total: '149000.00',
      net: '124166.67',
      tax: '24833.33',
    });
    expect(String((spike?.lines as { description: string }[])[0]?.description)).toBe(
      'Offre Fibre 1 Gb/s + TV — consommations hors forfait',
    );
  });
});
