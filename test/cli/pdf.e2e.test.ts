/** PDFs end to end (issue 14): `billcheck FILE.pdf`, `billcheck extract FILE.pdf`, PDFs in a directory. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfWorker } from '../../src/parse/pdf/index.js';
import { runBin, runCli } from '../helpers/cli.js';

const TODAY = ['--today', '2024-12-01'];
const DIR = 'fixtures/pdf';

afterAll(closePdfWorker);

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  documentId?: string;
  amount?: string;
  evidence: Record<string, unknown>;
}
interface Report {
  valid: boolean;
  summary: { files: number; documents: number; errors: number };
  findings: Finding[];
  fatal: { file: string; message: string }[];
}

describe('billcheck on PDFs', () => {
  it('flags the 0,01 € mise en demeure read from its PDF, with the file and line', async () => {
    const run = await runCli([`${DIR}/mise-en-demeure-0-01.pdf`, '--format', 'json', ...TODAY]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'dunning-trivial-amount',
        file: `${DIR}/mise-en-demeure-0-01.pdf`,
        line: 1,
        documentId: 'MED-2024-031',
        amount: '0.01',
      }),
    );
  });

  it('extract says what a Factur-X PDF carries', async () => {
    const run = await runCli(['extract', `${DIR}/facturx-facture.pdf`]);
    expect(run.code).toBe(0);
    const [doc] = (
      JSON.parse(run.stdout) as { documents: { id: string; total: string; source: Record<string, unknown> }[] }
    ).documents;
    expect(doc?.id).toBe('FX-2024-0042');
    expect(doc?.total).toBe('1200.00');
    expect(doc?.source).toEqual({
      file: `${DIR}/facturx-facture.pdf`,
      line: 1,
      format: 'pdf',
      page: 1,
      embeddedInvoice: { name: 'factur-x.xml', standard: 'Factur-X' },
    });
  });

  it('checks every PDF of a directory; the unreadable ones get one line each and exit 2', async () => {
    const run = await runCli([DIR, '--format', 'json', ...TODAY]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `billcheck: ${DIR}/chiffre-mot-de-passe.pdf: an encrypted PDF (it asks for a password): ` +
        'open it with its password and save or print it as a new PDF',
      `billcheck: ${DIR}/endommage.pdf: a damaged PDF that cannot be read (Invalid PDF structure.)`,
      `billcheck: ${DIR}/scan-sans-texte.pdf: no text in this PDF: it is a scan; run OCR first, for example ocrmypdf`,
    ]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.fatal.map((problem) => problem.file)).toEqual([
      `${DIR}/chiffre-mot-de-passe.pdf`,
      `${DIR}/endommage.pdf`,
      `${DIR}/scan-sans-texte.pdf`,
    ]);
    // 13 PDFs, 3 unreadable; the bundle holds 3 documents, the 9 others 1 each; and the two CII
    // XML sources of the Factur-X fixtures (sources/), read as e-invoices, 1 document each.
    expect(report.summary.files).toBe(12);
    expect(report.summary.documents).toBe(14);
    // The bundle's third bill is the blank one's copy (same number, total and date): one bill with
    // two sources, one finding naming the other (issue 13).
    const blank = report.findings
      .filter((finding) => finding.ruleId === 'blank-invoice')
      .map((finding) => [`${finding.file}:${finding.line}`, finding.evidence.alsoAt]);
    expect(blank).toEqual([[`${DIR}/free-facture-vierge.pdf:1`, `${DIR}/toutes-mes-factures.pdf:30`]]);
  });

  it('reads a PDF from standard input, told by its first bytes', async () => {
    const run = await runCli(['extract', '-'], { stdin: readFileSync(`${DIR}/english-invoice.pdf`) });
    expect(run.code).toBe(0);
    const [doc] = (JSON.parse(run.stdout) as { documents: { id: string; currency: string; total: string }[] })
      .documents;
    expect([doc?.id, doc?.currency, doc?.total]).toEqual(['NWT-2024-03-0817', 'GBP', '54.00']);
  });

  it('--help says that PDFs are read', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('PDF bills directly (a scan needs OCR first)');
    expect((await runCli(['check', '--help'])).stdout).toContain('a PDF bill, read directly');
  });

  it('the built bin reads an "all my bills" PDF as three documents', () => {
    const run = runBin(['extract', `${DIR}/toutes-mes-factures.pdf`]);
    expect(run.code).toBe(0);
    const documents = (
      JSON.parse(run.stdout) as { documents: { kind: string; id: string; source: { page: number } }[] }
    ).documents;
    expect(documents.map((doc) => [doc.kind, doc.id, doc.source.page])).toEqual([
      ['invoice', '0123456789F0324', 1],
      ['invoice', '2403-778899001', 2],
      ['dunning', 'MED-2024-031', 3],
    ]);
  });
});
