/**
 * The document type column of a German export (tryout 6): "Art" is a known kind header, read
 * without a notice; a type column read from its values is said in the report's language, the
 * "(values)" after its field too.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/csv/notices/${name}`, import.meta.url));
const ART = fixture('de-art-kind.csv');
const VORGANG = fixture('de-vorgang-kind.csv');

interface Report {
  files: { columns?: { column: string; field?: string; decidedBy?: string }[]; notices?: { code: string }[] }[];
}
const reading = async (file: string): Promise<Report['files'][number]> => {
  const run = await runCli([file, '--today', '2025-04-01', '--format', 'json']);
  return (JSON.parse(run.stdout) as Report).files[0] ?? {};
};

describe('the document type column of a German export', () => {
  it('is "Art" by name: no column-role notice, and every row a document', async () => {
    const file = await reading(ART);
    expect(file.columns?.find((role) => role.column === 'Art')).toEqual({
      column: 'Art',
      field: 'kind',
      decidedBy: 'name',
    });
    expect((file.notices ?? []).filter((notice) => notice.code === 'column-role')).toEqual([]);
    const run = await runCli([ART, '--today', '2025-04-01', '--lang', 'fr']);
    expect(run.stdout).toContain('Art → kind, Betrag → total');
    expect(run.stdout).toContain('Aucun problème dans 3 documents');
  });

  it('says in French why a column of unknown name was read as the type', async () => {
    const run = await runCli([VORGANG, '--today', '2025-04-01', '--lang', 'fr']);
    expect(run.stdout).toContain('Vorgang → kind (d’après les valeurs)');
    expect(run.stdout).toContain(
      'colonne "Vorgang" lue comme kind : ses valeurs sont des types de document (Rechnung, Gutschrift)',
    );
    expect(run.stdout).not.toContain('its values');
  });

  it('says it in English too', async () => {
    const run = await runCli([VORGANG, '--today', '2025-04-01', '--lang', 'en']);
    expect(run.stdout).toContain('Vorgang → kind (values)');
    expect(run.stdout).toContain('column "Vorgang" read as kind: its values are document types (Rechnung, Gutschrift)');
  });
});
