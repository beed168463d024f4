/**
 * Every PDF fixture read as billcheck reads it, against what its source says (fixtures/pdf/expected.json,
 * written by hand), and against the text path: where poppler's pdftotext is installed, the fields
 * read from the PDF directly must equal those read from its `pdftotext -layout` text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import { FatalInputError } from '../../../src/model/input.js';
import { closePdfWorker, readPdf } from '../../../src/parse/pdf/index.js';
import { parseTextDocument } from '../../../src/parse/text/index.js';

const DIR = 'fixtures/pdf';
type Expectation = { documents: Record<string, unknown>[] } | { fatal: string };
const EXPECTED = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<string, Expectation | string>;
const FIXTURES = Object.entries(EXPECTED).filter((entry): entry is [string, Expectation] => !entry[0].startsWith('$'));
const READABLE = FIXTURES.filter(([, expectation]) => 'documents' in expectation).map(([name]) => name);

afterAll(closePdfWorker);

const money = (value: { toFixed(digits: number): string } | undefined): string | undefined => value?.toFixed(2);

/** A document as expected.json writes it: amounts as decimal strings, its page and e-invoice from the source. */
function asWritten(doc: BillingDocument): Record<string, unknown> {
  return {
    kind: doc.kind,
    id: doc.id,
    account: doc.account,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    currency: doc.currency,
    net: money(doc.net),
    tax: money(doc.tax),
    total: money(doc.total),
    amountDue: money(doc.amountDue),
    references: doc.references,
    page: doc.source.page,
    embeddedInvoice: doc.source.embeddedInvoice,
  };
}

describe('PDF fixtures read directly', () => {
  it.each(FIXTURES)('%s', async (name, expectation) => {
    const reading = readPdf(readFileSync(`${DIR}/${name}`), name);
    if ('fatal' in expectation) {
      await expect(reading).rejects.toThrow(FatalInputError);
      await expect(reading).rejects.toThrow(expectation.fatal);
      return;
    }
    const documents = (await reading).documents;
    expect(documents).toHaveLength(expectation.documents.length);
    documents.forEach((doc, index) => {
      expect(doc.source.format).toBe('pdf');
      expect(asWritten(doc)).toMatchObject(expectation.documents[index] ?? {});
    });
  });
});

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const mustCompare = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

describe('PDF read directly = its pdftotext -layout text read as text', () => {
  it('pdftotext is installed where CI runs (poppler-utils)', () => {
    if (!hasPdftotext && !mustCompare)
      console.warn('pdftotext not installed (poppler-utils): the comparison with the text path is skipped');
    expect(hasPdftotext || !mustCompare).toBe(true);
  });

  const compared = (doc: BillingDocument): Record<string, unknown> => ({
    kind: doc.kind,
    id: doc.id,
    issueDate: doc.issueDate,
    net: money(doc.net),
    total: money(doc.total),
  });

  it.skipIf(!hasPdftotext).each(READABLE.filter((name) => name !== 'toutes-mes-factures.pdf'))('%s', async (name) => {
    const path = `${DIR}/${name}`;
    const direct = (await readPdf(readFileSync(path), name)).documents.map(compared);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const viaText = parseTextDocument(text, name, {}).flatMap((event) =>
      event.type === 'document' ? [compared(event.document)] : [],
    );
    expect(direct).toEqual(viaText);
    // Both read something: equal and empty would prove nothing.
    expect(direct[0]?.total).toBeDefined();
  });

  it.skipIf(!hasPdftotext)(
    'toutes-mes-factures.pdf: each document equals its own page read through pdftotext',
    async () => {
      const path = `${DIR}/toutes-mes-factures.pdf`;
      const direct = (await readPdf(readFileSync(path), 'toutes-mes-factures.pdf')).documents.map(compared);
      const viaText = [1, 2, 3].map((page) => {
        const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], {
          encoding: 'utf8',
        });
        const [event] = parseTextDocument(text, 'toutes-mes-factures.pdf', {});
        return event?.type === 'document' ? compared(event.document) : undefined;
      });
      expect(direct).toEqual(viaText);
    },
  );
});
