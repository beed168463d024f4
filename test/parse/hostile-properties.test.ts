/**
 * Property tests over hostile input: the parsers answer any bytes with events or a
 * FatalInputError, never another exception, and account for every data row; the engine with
 * every rule never throws on documents with any optional field absent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configureRules, EMPTY_CONFIG } from '../../src/engine/config.js';
import { Engine } from '../../src/engine/engine.js';
import { FatalInputError, type ParseEvent } from '../../src/model/input.js';
import { parseCsv } from '../../src/parse/csv/index.js';
import { parseTextDocument } from '../../src/parse/text/index.js';
import { RULES } from '../../src/rules/index.js';
import { doc, type DocInput } from '../helpers/builder.js';

const HEADER = 'N° de facture;Type;N° client;Date de facture;Libellé;Montant TTC (€)';

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function parseAll(bytes: Buffer, size: number): Promise<ParseEvent[] | FatalInputError> {
  const events: ParseEvent[] = [];
  try {
    for await (const event of parseCsv(chunks(bytes, size), { file: 'fuzz.csv' })) events.push(event);
  } catch (error) {
    if (error instanceof FatalInputError) return error;
    throw error;
  }
  return events;
}

const rowsAccounted = (events: readonly ParseEvent[]): number =>
  events.reduce(
    (sum, event) => sum + (event.type === 'document' ? event.document.rows : event.type === 'invalid' ? event.rows : 0),
    0,
  );

/** Cells a hostile export may hold: ordinary values, quotes, delimiters, control characters. */
const cell = fc.oneof(
  fc.constantFrom(
    'F-1',
    'Facture',
    'Avoir',
    'Relance',
    '0612345001',
    '05/01/2024',
    '31/02/2024',
    '19,99',
    '1 234,56',
    '1e5',
    'NaN',
    '-0,01',
    '',
  ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '""', '"x', 'a"b', ';', '\n', '\r\n', '\x1b[2J', '\u202e', '\ufffd'),
);

describe('parseCsv on arbitrary input', () => {
  it('never throws anything but FatalInputError on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), async (bytes, size) => {
        const body = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(bytes)]);
        await parseAll(body, size);
      }),
      { numRuns: 150 },
    );
  });

  it('accounts for every row it reads (documents + reports = data rows) on rows built from hostile cells', async () => {
    const row = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(';'));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), async (rows, size) => {
        const text = `${HEADER}\n${rows.join('\n')}\n`;
        const result = await parseAll(Buffer.from(text), size);
        if (result instanceof FatalInputError) return;
        const lines = result.flatMap((event) =>
          event.type === 'document' ? [event.document.source.line] : event.type === 'invalid' ? [event.line] : [],
        );
        // Events come in line order, and every line they name is in the file.
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        for (const line of lines) expect(line).toBeGreaterThan(1);
        // No more rows than non-blank physical lines after the header, and none when there are none.
        const physical = text
          .split(/\r\n|\r|\n/)
          .slice(1)
          .filter((line) => line.trim() !== '').length;
        expect(rowsAccounted(result)).toBeLessThanOrEqual(physical);
        if (!/["\r]/.test(text)) {
          // Without quotes (and stray CRs), each non-blank line is one data row, and each is accounted for.
          expect(rowsAccounted(result)).toBe(
            text
              .split('\n')
              .slice(1)
              .filter((line) => line.split(';').some((c) => c.trim() !== '')).length,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseTextDocument on arbitrary text', () => {
  const words = fc.constantFrom(
    'Facture n° FAC-2024-01',
    'Mise en demeure',
    'Total TTC',
    '19,99 €',
    'la somme de 0,01 €',
    'Période du 01/01/2024 au 31/01/2024',
    'Date limite de paiement le 31/02/2024',
    'résiliation',
    'TVA 20 %',
    '\f',
    '\n',
    '\x1b[2J',
    '\u202e',
    '1e5',
    '€€€',
    ':',
  );
  it('never throws anything but FatalInputError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 20 })), { maxLength: 30 }), (parts) => {
        try {
          const events = parseTextDocument(parts.join(' '), 'fuzz.txt', {});
          for (const event of events) if (event.type === 'document') expect(event.document.rows).toBe(1);
        } catch (error) {
          if (!(error instanceof FatalInputError)) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Engine with every rule', () => {
  const date = fc.option(fc.constantFrom('2023-01-05', '2024-02-29', '2024-03-10', '2099-12-31', '1970-01-01'), {
    nil: undefined,
  });
  const amount = fc.option(
    fc.constantFrom('0', '0.00', '0.01', '-12.00', '19.99', '149000.00', '0.001', '99999999999.99'),
    { nil: undefined },
  );
  const input: fc.Arbitrary<DocInput> = fc.record(
    {
      kind: fc.constantFrom('invoice', 'credit-note', 'dunning', 'payment', 'termination'),
      id: fc.option(fc.constantFrom('F-1', 'F-2', 'MED-1', '__proto__', 'constructor'), { nil: undefined }),
      account: fc.constantFrom('A1', 'A2', '__proto__'),
      issueDate: date,
      dueDate: date,
      periodStart: date,
      periodEnd: date,
      effectiveDate: date,
      currency: fc.constantFrom('EUR', 'USD', 'JPY'),
      net: amount,
      tax: amount,
      total: amount,
      amountDue: amount,
      lines: fc.array(
        fc.record(
          { description: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), total: amount },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      references: fc.array(fc.constantFrom('F-1', 'F-2', 'toString'), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );

  it('never throws on documents with any optional field absent', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 12 }), (inputs) => {
        const engine = new Engine({ rules: configureRules(RULES, EMPTY_CONFIG, new Map()), today: '2024-12-01' });
        for (const each of inputs) engine.addDocument(doc(each));
        const findings = engine.finish();
        for (const finding of findings) expect(typeof finding.message).toBe('string');
      }),
      { numRuns: 150 },
    );
  });
});
