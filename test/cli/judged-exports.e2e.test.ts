/**
 * Exports written the way outside judges write them (other header wordings, "Réf. document",
 * "TVA 20%", "Ligne mobile", "Charges (excl. VAT)", "05-Mar-2024", a total row, a running
 * "Solde", "Credit" as a type): each planted story is flagged with its rule, on its document,
 * and no other finding lands anywhere. fixtures/csv/judged/expected.json lists, per file, the
 * stories as they were planted ("ruleId documentId"), not as billcheck printed them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures/csv/judged');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, string[]>;

describe('exports written by judges', () => {
  for (const [file, stories] of Object.entries(expected)) {
    it(`${file}: every planted story and nothing else`, async () => {
      const run = await runCli([join(DIR, file), '--format', 'json', '--today', '2025-06-01']);
      const report = JSON.parse(run.stdout) as { findings: { ruleId: string; documentId?: string; line: number }[] };
      const found = report.findings.map((f) => `${f.ruleId} ${f.documentId ?? `line ${f.line}`}`).sort();
      expect(found).toEqual([...stories].sort());
    });
  }
});
