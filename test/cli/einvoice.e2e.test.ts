/**
 * E-invoices end to end, through the built bin: `extract` shows the EN 16931 terms, and a check
 * names the standard's rule in each finding's evidence. Fixtures: fixtures/einvoice/README.md.
 */
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';

const TELECOM = 'fixtures/einvoice/others/xrechnung-testsuite/05.01a-INVOICE_ubl.xml';
const OASIS_CREDIT_NOTE = 'fixtures/einvoice/others/mustang/UBL-CreditNote-2.1-Example.ubl.xml';

describe('e-invoices through the CLI', () => {
  it('extract shows what an XRechnung telecom invoice states, third-party payments included', async () => {
    const run = runBin(['extract', TELECOM]);
    expect(run.code).toBe(0);
    const [doc] = (JSON.parse(run.stdout) as { documents: Record<string, unknown>[] }).documents;
    // 05.01a-INVOICE_ubl.xml: LegalMonetaryTotal lines 107–115, PrepaidPayment lines 75–91.
    expect(doc).toMatchObject({
      kind: 'invoice',
      typeCode: '380',
      currency: 'EUR',
      country: 'DE',
      lineNetTotal: '314.86',
      net: '314.86',
      total: '336.90',
      amountDue: '366.86',
      thirdPartyPaymentTotal: '29.96',
      source: { format: 'xml', line: 1 },
    });
    expect(doc?.vatBreakdown).toHaveLength(1);
  });

  it("checks OASIS's UBL credit note example against EN 16931 and names the rules it breaks", async () => {
    const run = await runCli([OASIS_CREDIT_NOTE, '--format', 'json', '--today', '2026-12-01']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; evidence: Record<string, unknown> }[] };
    // The example rounds its total (TaxInclusiveAmount 1729.00 = 1728.70 + PayableRoundingAmount 0.30).
    expect(report.findings.map((f) => [f.ruleId, f.evidence.en16931])).toEqual([
      ['amount-due-mismatch', 'BR-CO-16'],
      ['total-mismatch', 'BR-CO-15'],
    ]);
  });
});
