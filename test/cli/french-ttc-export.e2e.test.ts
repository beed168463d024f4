/**
 * Ordinary French consumer bills priced TTC: HT = round(TTC / (1 + taux), 2), TVA = TTC − HT, each
 * line rounded on its own and the totals summed from the rounded lines, at 20 %, 10 % (TV) and
 * 5,5 % (e-books), with a multi-line discount and a few avoirs. Semicolons, "1 229,00" with a
 * non-breaking space, dd/mm/yyyy. Such honest roundings must never read as a VAT error, nor as
 * anything else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FILE = 'fixtures/french-ttc-export.csv';

interface Report {
  summary: { documents: number; rows: number };
  findings: { ruleId: string; documentId?: string; message: string }[];
}

async function check(args: string[], stdin?: string): Promise<{ code: number; report: Report }> {
  const run = await runCli(
    [...args, '--format', 'json', '--today', '2025-06-01'],
    stdin === undefined ? {} : { stdin },
  );
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

/** The same export without its "Taux TVA" column: each line must then be explained by some rate on its own. */
function withoutRateColumn(csv: string): string {
  return csv
    .split('\r\n')
    .map((line) =>
      line
        .split(';')
        .filter((_, index) => index !== 8)
        .join(';'),
    )
    .join('\r\n');
}

describe('French export priced TTC', () => {
  it('has no finding at all', async () => {
    const { code, report } = await check([FILE]);
    expect(report.findings.map((f) => `${f.documentId} ${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ documents: 75, rows: 181 });
  });

  it('has no finding either when the export leaves out the VAT rate of each line', async () => {
    const csv = readFileSync(FILE, 'utf8');
    expect(csv.split('\r\n')[0]?.split(';')[8]).toBe('Taux TVA');
    const { code, report } = await check(['-'], withoutRateColumn(csv));
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.summary.documents).toBe(75);
  });
});
