import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FatalInputError } from '../../src/model/input.js';
import { decodeWhole, Utf8Transcoder } from '../../src/parse/decode.js';

/** Runs bytes through a transcoder in the given chunks and returns the text and the transcoder. */
function transcode(chunks: readonly Buffer[], encoding?: string): { text: string; transcoder: Utf8Transcoder } {
  const transcoder = new Utf8Transcoder('bills.csv', encoding);
  const out = chunks.map((chunk) => transcoder.push(chunk));
  out.push(transcoder.end());
  return { text: Buffer.concat(out).toString('utf8'), transcoder };
}

/** Splits bytes into chunks of `size` bytes, as a slow stream would deliver them. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

const FRENCH = 'N° de facture;Libellé;Montant TTC\r\nFA-1;Forfait été;1 234,56 €\r\n';

describe('Utf8Transcoder', () => {
  it('passes UTF-8 through and drops its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH, 'utf8')]);
    const { text, transcoder } = transcode([bytes]);
    expect(text).toBe(FRENCH);
    expect(transcoder.encoding).toBe('utf-8');
    expect(transcoder.invalidUtf8Seen).toBe(false);
  });

  it('reads UTF-16 LE and BE from their BOM', () => {
    const le = Buffer.from(FRENCH, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(transcode([Buffer.concat([Buffer.from([0xff, 0xfe]), le])]).text).toBe(FRENCH);
    expect(transcode([Buffer.concat([Buffer.from([0xfe, 0xff]), be])]).text).toBe(FRENCH);
  });

  it('reads UTF-16 split into odd-sized chunks', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH.repeat(200), 'utf16le')]);
    expect(transcode(chunked(bytes, 333)).text).toBe(FRENCH.repeat(200));
  });

  it('recognizes UTF-16 LE written without a BOM', () => {
    const { text, transcoder } = transcode([Buffer.from(FRENCH, 'utf16le')]);
    expect(text).toBe(FRENCH);
    expect(transcoder.encoding).toBe('utf16le');
  });

  it('falls back to Windows-1252 when the first non-ASCII byte is not UTF-8 ("é" = 0xE9, "€" = 0x80, NBSP = 0xA0)', () => {
    const bytes = iconv.encode(FRENCH.replace('1 234', '1\u00a0234'), 'windows-1252');
    expect(bytes.includes(0x80)).toBe(true);
    const { text, transcoder } = transcode([bytes]);
    expect(text).toBe(FRENCH.replace('1 234', '1\u00a0234'));
    expect(transcoder.encoding).toBe('windows-1252');
  });

  it('decides the same way when bytes arrive one at a time', () => {
    const cp1252 = iconv.encode(FRENCH, 'windows-1252');
    expect(transcode(chunked(cp1252, 1)).text).toBe(FRENCH);
    const utf8 = Buffer.from(FRENCH.repeat(300), 'utf8');
    const { text, transcoder } = transcode(chunked(utf8, 7));
    expect(text).toBe(FRENCH.repeat(300));
    expect(transcoder.invalidUtf8Seen).toBe(false);
  });

  it('stays undecided over an all-ASCII prefix and decides on the first non-ASCII sequence', () => {
    const transcoder = new Utf8Transcoder('bills.csv');
    const ascii = Buffer.from('Invoice,Total\n'.padEnd(5000, 'x'), 'utf8');
    transcoder.push(ascii);
    expect(transcoder.encoding).toBeUndefined();
    transcoder.push(Buffer.from('\nINV-1,12 €\n', 'utf8'));
    expect(transcoder.encoding).toBe('utf-8');
  });

  it('flags invalid UTF-8 that appears after the file was decided UTF-8', () => {
    const good = Buffer.from('Libellé;Montant\nForfait;12,00\n'.repeat(200), 'utf8');
    const bad = Buffer.from([0x4f, 0x70, 0x74, 0x69, 0x6f, 0x6e, 0xe9, 0x3b, 0x31, 0x32, 0x0a]);
    const { text, transcoder } = transcode([good, bad]);
    expect(transcoder.encoding).toBe('utf-8');
    expect(transcoder.invalidUtf8Seen).toBe(true);
    expect(text.endsWith('Option\ufffd;12\n')).toBe(true);
  });

  it('treats a truncated multi-byte character at the very end as invalid', () => {
    const bytes = Buffer.concat([Buffer.from('Libellé;Montant\n'.repeat(300), 'utf8'), Buffer.from([0xc3])]);
    expect(transcode([bytes]).transcoder.invalidUtf8Seen).toBe(true);
  });

  it('uses an --encoding override, and refuses an unknown encoding name', () => {
    const latin1 = Buffer.from([0x44, 0xe9, 0x62, 0x75, 0x74]);
    expect(transcode([latin1], 'latin1').text).toBe('Début');
    expect(() => new Utf8Transcoder('bills.csv', 'klingon-8')).toThrow(FatalInputError);
    expect(() => new Utf8Transcoder('bills.csv', 'klingon-8')).toThrow(/unknown encoding: klingon-8/);
  });

  it('refuses an empty file, and a file that is only a BOM', () => {
    expect(() => transcode([])).toThrow(/empty file/);
    expect(() => transcode([Buffer.from([0xef, 0xbb, 0xbf])])).toThrow(/empty file/);
  });

  it('names a PDF as such, binary or not, should one reach the decoder (parse/index.ts sends PDFs to the PDF reader)', () => {
    const advice = /a PDF file, not CSV or text: name it \.pdf to have it read as a PDF/;
    const plain = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    expect(() => transcode([plain])).toThrow(advice);
    const deflated = Buffer.concat([
      plain,
      Buffer.from('stream\n', 'latin1'),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)),
    ]);
    expect(() => transcode([deflated.subarray(0, 3), deflated.subarray(3)])).toThrow(advice);
    expect(() => decodeWhole('facture.txt', plain)).toThrow(advice);
    // A text that merely quotes the marker is still text.
    expect(transcode([Buffer.from('Objet : %PDF- joint\n')]).text).toBe('Objet : %PDF- joint\n');
  });

  it('refuses binary data: NUL bytes outside UTF-16, or mostly control bytes', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(() => transcode([png])).toThrow(FatalInputError);
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(() => transcode([controls])).toThrow(/binary/);
  });
});

describe('a NUL byte, early or late', () => {
  // Decision (issue 18): a NUL is binary wherever it is. No export or letter holds one; read raw,
  // it ended up inside account numbers, and a file's verdict depended on where the NUL fell.
  const rows = `${FRENCH}${'FA-2;Forfait;19,99 €\r\n'.repeat(1000)}`;

  it.each([
    ['in the first bytes', 40],
    ['after the first 4 KiB', 12_000],
    ['in the last row', Buffer.byteLength(rows) - 5],
  ])('makes the file binary when it is %s, in one chunk or in many', (_where, at) => {
    const bytes = Buffer.from(rows);
    bytes[at] = 0;
    for (const size of [bytes.length, 4096, 333]) {
      expect(() => transcode(chunked(bytes, size))).toThrow(FatalInputError);
      expect(() => transcode(chunked(bytes, size))).toThrow(/binary data/);
    }
    expect(() => decodeWhole('letter.txt', bytes)).toThrow(/binary data/);
  });

  it('says at which byte a late NUL is', () => {
    const bytes = Buffer.from(rows);
    bytes[12_000] = 0;
    expect(() => transcode(chunked(bytes, 4096))).toThrow(
      'binary data (a NUL byte at byte 12,000), not a file billcheck reads (CSV, text, PDF, XML e-invoice or e-mail)',
    );
  });

  it('still reads UTF-16, where every ASCII character has a NUL', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rows, 'utf16le')]);
    expect(transcode(chunked(bytes, 4096)).text).toBe(rows);
  });
});

describe('decodeWhole', () => {
  it('decides on the whole file: valid UTF-8 stays UTF-8, anything else is Windows-1252', () => {
    expect(decodeWhole('lettre.txt', Buffer.from('Mise en demeure : 0,01 €', 'utf8'))).toBe('Mise en demeure : 0,01 €');
    const mixed = Buffer.concat([
      Buffer.from('Facture n° 12 ', 'latin1'),
      iconv.encode('Total TTC : 12,00 €', 'windows-1252'),
    ]);
    expect(decodeWhole('lettre.txt', mixed)).toBe('Facture n° 12 Total TTC : 12,00 €');
  });
});
