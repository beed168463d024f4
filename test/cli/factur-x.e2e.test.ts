/**
 * Factur-X PDFs end to end: the XML attachment is the invoice read, the page's own reading is
 * kept as pageFacts, and a page that disagrees with its XML is flagged (fixtures/pdf/generate.sh
 * builds both PDFs from the same reportlab page and two CII XMLs).
 */
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';

interface Extracted {
  documents: Array<{
    id?: string;
    total?: string;
    typeCode?: string;
    pageFacts?: Record<string, string>;
    source: Record<string, unknown>;
  }>;
}

describe('Factur-X PDFs', () => {
  it('reads the XML of an agreeing Factur-X, with the page facts beside it, and finds nothing', async () => {
    const extract = runBin(['extract', 'fixtures/pdf/facturx-facture.pdf']);
    expect(extract.code).toBe(0);
    const [doc] = (JSON.parse(extract.stdout) as Extracted).documents;
    expect(doc).toMatchObject({ id: 'FX-2024-0042', total: '1200.00', typeCode: '380' });
    expect(doc?.pageFacts).toEqual({
      id: 'FX-2024-0042',
      issueDate: '2024-04-15',
      total: '1200.00',
      amountDue: '1200.00',
    });
    expect(doc?.source).toMatchObject({
      format: 'pdf',
      embeddedInvoice: { name: 'factur-x.xml', standard: 'Factur-X' },
    });
    const check = await runCli(['fixtures/pdf/facturx-facture.pdf', '--no-config', '--format', 'json']);
    expect(check.code).toBe(0);
    expect((JSON.parse(check.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('flags the total and amount due when the XML says 1 320,00 and the page 1 200,00', async () => {
    const run = await runCli(['fixtures/pdf/facturx-desaccord.pdf', '--no-config', '--format', 'json']);
    expect(run.code).toBe(1);
    const findings = (
      JSON.parse(run.stdout) as {
        findings: Array<{ ruleId: string; messageId?: string; evidence: Record<string, unknown> }>;
      }
    ).findings;
    expect(
      findings.map((finding) => [finding.ruleId, finding.evidence.field, finding.evidence.xml, finding.evidence.page]),
    ).toEqual([
      ['factur-x-page-mismatch', 'total', '1320.00', '1200.00'],
      ['factur-x-page-mismatch', 'amountDue', '1320.00', '1200.00'],
    ]);
    const text = await runCli(['fixtures/pdf/facturx-desaccord.pdf', '--no-config']);
    // Written as the page writes amounts, not in the XML's machine form.
    expect(text.stdout).toContain('1 320,00 €');
  });
});
