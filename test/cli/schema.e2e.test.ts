/** The shipped schema describes what billcheck really prints, for a whole directory of mixed files. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(`${ROOT}/schema/report.schema.json`, 'utf8')) as object;
const ajv = new Ajv2020({ strict: false }).addSchema(schema, 'report');
const validateReport = ajv.getSchema('report') as NonNullable<ReturnType<typeof ajv.getSchema>>;
const validateFinding = ajv.getSchema('report#/$defs/finding') as NonNullable<ReturnType<typeof ajv.getSchema>>;

describe('schema/report.schema.json against real output', () => {
  it('validates the JSON report of a directory run (CSV and text, broken files included)', async () => {
    // Folders of each kind of input (CSV, text, PDF, dossiers with letters and e-mail, broken files),
    // not all of fixtures/: the e-invoice corpus's 4 MB of XML would only make it slow.
    const folders = ['fixtures/csv', 'fixtures/text', 'fixtures/pdf', 'fixtures/dossiers', 'fixtures/hostile'];
    const run = await runCli([...folders, '--format', 'json', '--today', '2025-06-01']);
    expect(run.code).toBe(2); // fixtures/hostile holds files that cannot be checked
    const report = JSON.parse(run.stdout) as { summary: { files: number }; findings: unknown[]; fatal: unknown[] };
    expect(report.summary.files).toBeGreaterThan(30);
    expect(report.findings.length).toBeGreaterThan(50);
    expect(report.fatal.length).toBeGreaterThan(0);
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  });

  it('validates every NDJSON finding line', async () => {
    const run = await runCli(['fixtures/company-export-en.csv', '--format', 'ndjson', '--today', '2025-06-01']);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const findings = lines.slice(0, -1);
    expect(findings.length).toBeGreaterThan(10);
    for (const finding of findings) expect(validateFinding(finding), JSON.stringify(validateFinding.errors)).toBe(true);
    expect(lines.at(-1)?.type).toBe('summary');
  });
});
