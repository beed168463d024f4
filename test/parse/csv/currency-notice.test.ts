/**
 * An export whose amounts name no currency (issue 13): pounds when its values are British (UK
 * lines, UK postcodes), said with the evidence; else euros, said as a guess when the headers are
 * English (pounds and dollars are written alike), in the report's language. French exports are
 * euros without a word: their customers' exports never name the currency of "Montant TTC".
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currencyFromValues } from '../../../src/parse/csv/country.js';
import { runCli } from '../../helpers/cli.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/csv/notices/${name}`, import.meta.url));
const UK_LINES = fixture('en-gb-no-currency.csv');
const HEADER_NAMES_IT = fixture('en-gb-currency-in-header.csv');
const UK_POSTCODES = fixture('en-no-currency-postcodes.csv');
const NOTHING_SAID = fixture('en-no-currency-customer-numbers.csv');
const FRENCH = fileURLToPath(new URL('../../../fixtures/seed-cases.csv', import.meta.url));

interface Extracted {
  documents: { currency: string; currencyGuessed?: boolean }[];
}
const currencies = async (file: string): Promise<[string, boolean][]> =>
  (JSON.parse((await runCli(['extract', file])).stdout) as Extracted).documents.map((doc) => [
    doc.currency,
    doc.currencyGuessed === true,
  ]);

describe('a currency the export does not name', () => {
  it('is read as pounds from UK lines, and the report says from what, in English and in French', async () => {
    const english = await runCli([UK_LINES, '--today', '2024-02-01', '--lang', 'en']);
    expect(english.stdout).toContain(
      'info     the amounts name no currency: read as pounds (GBP), from the values: the lines are UK numbers (07700 900123)',
    );
    const french = await runCli([UK_LINES, '--today', '2024-02-01', '--lang', 'fr']);
    expect(french.stdout).toContain(
      'lus en livres (GBP), d’après les valeurs : les lignes sont des numéros britanniques (07700 900123)',
    );
    expect(await currencies(UK_LINES)).toEqual([
      ['GBP', false],
      ['GBP', false],
      ['GBP', false],
    ]);
  });

  it('is read in the currency the amount header names, and the report says so (tryout 6)', async () => {
    const english = await runCli([HEADER_NAMES_IT, '--today', '2026-12-02', '--lang', 'en']);
    expect(english.stdout).toContain(
      'info     the amounts name no currency: read as GBP, as the header "Amount (GBP)" names it',
    );
    expect(english.stdout).not.toContain('€');
    const french = await runCli([HEADER_NAMES_IT, '--today', '2026-12-02', '--lang', 'fr']);
    expect(french.stdout).toContain('lus en GBP, comme l’indique l’en-tête "Amount (GBP)"');
    expect(await currencies(HEADER_NAMES_IT)).toEqual([
      ['GBP', false],
      ['GBP', false],
      ['GBP', false],
    ]);
  });

  it('is read as pounds from a UK postcode', async () => {
    const run = await runCli([UK_POSTCODES, '--today', '2024-02-01']);
    expect(run.stdout).toContain('read as pounds (GBP), from the values: the addresses have UK postcodes (LS6 2AB)');
    expect(await currencies(UK_POSTCODES)).toEqual([
      ['GBP', false],
      ['GBP', false],
    ]);
  });

  it('is read as euros and said to be a guess when nothing in the values points elsewhere', async () => {
    const english = await runCli([NOTHING_SAID, '--today', '2024-02-01', '--lang', 'en']);
    expect(english.stdout).toContain(
      'warning  the amounts name no currency and the headers are English: read as euros (EUR), a guess',
    );
    expect(english.stdout).toContain('a guess is never reported as a currency-mismatch');
    const french = await runCli([NOTHING_SAID, '--today', '2024-02-01', '--lang', 'fr']);
    expect(french.stdout).toContain('les montants ne nomment aucune devise et les en-têtes sont en anglais');
    const json = JSON.parse((await runCli([NOTHING_SAID, '--today', '2024-02-01', '--format', 'json'])).stdout) as {
      files: { notices?: { code: string; level: string }[] }[];
    };
    expect(json.files[0]?.notices?.find((notice) => notice.code === 'currency')?.level).toBe('warning');
    expect((await currencies(NOTHING_SAID)).every(([code, guessed]) => code === 'EUR' && guessed)).toBe(true);
  });

  it('is not questioned in a French export', async () => {
    const run = await runCli([FRENCH, '--today', '2024-02-01', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { files: { notices?: { code: string }[] }[] };
    expect(report.files.flatMap((file) => file.notices ?? []).some((notice) => notice.code === 'currency')).toBe(false);
    expect((await currencies(FRENCH)).some(([, guessed]) => guessed)).toBe(false);
  });
});

describe('the values that say pounds', () => {
  const fromCell = (cell: string): string | undefined => currencyFromValues([['Broadband', cell, '36.00']])?.code;

  it('are UK lines written as lines, and UK postcodes', () => {
    for (const line of ['07700 900123', '07700-900-123', '+44 7700 900123', '+447700900123', '020 7946 0958'])
      expect(fromCell(line), line).toBe('GBP');
    for (const address of ['12 Otley Road, Leeds LS6 2AB', 'SW1A 1AA']) expect(fromCell(address), address).toBe('GBP');
  });

  it('are not eleven digits in one run, nor a data allowance that looks like a postcode (review)', () => {
    for (const cell of ['07123456789', '02012345678', 'Mobile plan S1 5GB', 'Data add-on M1 2TB', 'ls6 2ab'])
      expect(fromCell(cell), cell).toBe(undefined);
  });
});
