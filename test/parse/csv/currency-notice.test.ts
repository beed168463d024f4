/**
 * An export whose amounts name no currency: euros by default, said as a guess when the headers are
 * English (pounds and dollars are written alike), in the report's language. French exports are
 * euros without a word: their customers' exports never name the currency of "Montant TTC".
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const UK = fileURLToPath(new URL('../../../fixtures/csv/notices/en-gb-no-currency.csv', import.meta.url));
const FRENCH = fileURLToPath(new URL('../../../fixtures/seed-cases.csv', import.meta.url));

describe('a currency the export does not name', () => {
  it('is read as euros and said to be a guess, in English and in French', async () => {
    const english = await runCli([UK, '--today', '2024-02-01', '--lang', 'en']);
    expect(english.stdout).toContain(
      'warning  the amounts name no currency and the headers are English: read as euros (EUR), a guess',
    );
    const french = await runCli([UK, '--today', '2024-02-01', '--lang', 'fr']);
    expect(french.stdout).toContain('les montants ne nomment aucune devise et les en-têtes sont en anglais');
    const json = JSON.parse((await runCli([UK, '--today', '2024-02-01', '--format', 'json'])).stdout) as {
      files: { notices?: { code: string; level: string }[] }[];
    };
    expect(json.files[0]?.notices?.find((notice) => notice.code === 'currency')?.level).toBe('warning');
  });

  it('is not questioned in a French export', async () => {
    const run = await runCli([FRENCH, '--today', '2024-02-01', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { files: { notices?: { code: string }[] }[] };
    expect(report.files.flatMap((file) => file.notices ?? []).some((notice) => notice.code === 'currency')).toBe(false);
  });
});
