import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FatalInputError, type ParseEvent } from '../../src/model/input.js';
import { fileInputSource, type InputOptions, type InputSource, parseInput } from '../../src/parse/index.js';
import { parseTextDocument } from '../../src/parse/text/index.js';

const fixtures = new URL('../../fixtures/csv/', import.meta.url).pathname;

function memorySource(name: string, bytes: Buffer, chunkSize = 4096): InputSource {
  return {
    name,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

async function collect(source: InputSource, options: InputOptions = {}): Promise<ParseEvent[]> {
  const events: ParseEvent[] = [];
  // Documents and unreadable rows only: the per-file columns and notice events have tests of their own.
  for await (const event of parseInput(source, options))
    if (event.type === 'document' || event.type === 'invalid') events.push(event);
  return events;
}

const LETTER = [
  'Orange',
  'Objet : Mise en demeure de payer',
  'Madame, Monsieur,',
  'Sauf erreur de notre part, la facture n° FA-2024-0102 reste impayée.',
  'Nous vous mettons en demeure de régler la somme de 0,01 € sous huit jours.',
  'Fait le 10/03/2024',
].join('\n');

describe('fileInputSource', () => {
  it('reads a file in chunks', async () => {
    const events = await collect(fileInputSource(join(fixtures, 'fr-utf8-bom.csv')));
    expect(events.filter((event) => event.type === 'document')).toHaveLength(4);
  });

  it('turns a missing file or a directory into a one-line FatalInputError', async () => {
    const missing = collect(fileInputSource(join(fixtures, 'no-such-export.csv')));
    await expect(missing).rejects.toThrow(FatalInputError);
    await expect(collect(fileInputSource(join(fixtures, 'no-such-export.csv')))).rejects.toThrow(
      /^cannot read: no such file$/,
    );
    await expect(collect(fileInputSource(fixtures))).rejects.toThrow(/^cannot read: is a directory$/);
  });
});

describe('parseInput', () => {
  it('reads a .txt that holds a CSV export (UTF-16, tab-separated) as CSV', async () => {
    const events = await collect(fileInputSource(join(fixtures, 'unicode-utf16le.txt')));
    expect(events.map((event) => event.type === 'document' && event.document.source.format)).toEqual(['csv', 'csv']);
  });

  it('reads CSV from stdin by its content', async () => {
    const events = await collect(memorySource('-', Buffer.from('N° facture;Montant TTC\nF1;12,00\n'), 5));
    expect(events).toMatchObject([{ type: 'document', document: { id: 'F1', source: { file: '-', format: 'csv' } } }]);
  });

  it('hands a letter to the text parser, decoded', async () => {
    const utf8 = await collect(memorySource('relance.txt', Buffer.from(LETTER, 'utf8')));
    expect(utf8).toEqual(parseTextDocument(LETTER, 'relance.txt', {}));
    const cp1252 = await collect(memorySource('relance.eml', iconv.encode(LETTER, 'windows-1252'), 16));
    expect(cp1252).toEqual(parseTextDocument(LETTER, 'relance.eml', {}));
  });

  it('passes the date order to the text parser', async () => {
    const events = await collect(memorySource('relance', Buffer.from(LETTER)), { dateOrder: 'mdy' });
    expect(events).toEqual(parseTextDocument(LETTER, 'relance', { dateOrder: 'mdy' }));
  });

  it('follows the format option over the name and the content', async () => {
    const asText = await collect(memorySource('bills.csv', Buffer.from(LETTER)), { format: 'text' });
    expect(asText).toEqual(parseTextDocument(LETTER, 'bills.csv', {}));
    const csvText = 'N° facture;Montant TTC\nF1;12,00\n';
    const asCsv = await collect(memorySource('letter.txt', Buffer.from(csvText)), { format: 'csv' });
    expect(asCsv).toMatchObject([{ type: 'document', document: { id: 'F1' } }]);
  });

  it('passes CSV options through: delimiter, column map, default account', async () => {
    const events = await collect(memorySource('export.csv', Buffer.from('Réf interne|Somme\nX-1|12,00\n')), {
      delimiter: '|',
      columnMap: new Map([
        ['id', 'Réf interne'],
        ['total', 'Somme'],
      ]),
      defaultAccount: 'ligne-pro',
    });
    expect(events).toMatchObject([{ type: 'document', document: { id: 'X-1', account: 'ligne-pro' } }]);
  });

  it('refuses empty input, blank text, and a text larger than 2 MB', async () => {
    await expect(collect(memorySource('-', Buffer.alloc(0)))).rejects.toThrow(/empty file/);
    await expect(collect(memorySource('note.txt', Buffer.from('\n  \n')))).rejects.toThrow(/empty file/);
    const huge = Buffer.alloc(3 * 1024 * 1024, 'Lorem ipsum facture. ');
    await expect(collect(memorySource('huge.txt', huge, 1 << 20))).rejects.toThrow(/larger than 2 MB/);
  });

  it('closes the input when the parser gives up before its end', async () => {
    // Without a line break in the first MiB the CSV parser stops; the reader, still suspended,
    // must be finished so that its file is closed now rather than at garbage collection.
    let closed = false;
    const source: InputSource = {
      name: 'one-line.csv',
      async *open() {
        try {
          for (let i = 0; i < 8; i++) yield Buffer.alloc(512 * 1024, 'a,');
        } finally {
          closed = true;
        }
      },
    };
    await expect(collect(source)).rejects.toThrow(/no line break/);
    expect(closed).toBe(true);
  });

  it('refuses binary data as fatal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billcheck-'));
    const path = join(dir, 'scan.pdf.bin');
    writeFileSync(path, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00]));
    await expect(collect(fileInputSource(path))).rejects.toThrow(FatalInputError);
  });
});
