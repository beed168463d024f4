/**
 * Hostile and broken XML: each file is one FatalInputError whose message says what is wrong, and
 * nothing of a DTD is ever expanded or fetched. Fixtures: fixtures/einvoice/hostile/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FatalInputError } from '../../../src/model/input.js';
import { parseXmlInvoice } from '../../../src/parse/xml/read-xml.js';
import { decodeEntities, readXmlTree } from '../../../src/parse/xml/xml-tree.js';
import { runBin } from '../../helpers/cli.js';
import { ROOT } from '../../helpers/cli.js';

const HOSTILE = 'fixtures/einvoice/hostile';

function fatalMessage(bytes: Buffer, name = 'bill.xml'): string {
  try {
    parseXmlInvoice(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(FatalInputError);
    return (error as FatalInputError).message;
  }
  throw new Error('expected a FatalInputError');
}

const fixture = (name: string): Buffer => readFileSync(`${ROOT}/${HOSTILE}/${name}`);

const UBL_OPEN =
  '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">';

describe('hostile XML', () => {
  it('refuses a DTD, before any entity could expand or read a file', () => {
    expect(fatalMessage(fixture('billion-laughs.xml'))).toMatch(/^XML with a DTD is not read/);
    const xxe = fatalMessage(fixture('external-entity.xml'));
    expect(xxe).toMatch(/^XML with a DTD is not read/);
    expect(xxe).not.toContain('root:');
  });

  it('refuses an entity that XML does not predefine', () => {
    expect(fatalMessage(fixture('undefined-entity.xml'))).toBe(
      'XML that is not well-formed: the entity &nbsp; is not defined',
    );
  });

  it('decodes the five predefined entities and character references, and nothing else', () => {
    expect(decodeEntities('f', 'A&amp;B &lt;x&gt; &quot;q&quot; &apos;s&apos; &#233;t&#xE9;')).toBe(
      'A&B <x> "q" \'s\' été',
    );
    expect(() => decodeEntities('f', '&#0;')).toThrow(FatalInputError);
  });

  it('names the line of XML that is not well-formed', () => {
    expect(fatalMessage(fixture('truncated.xml'))).toMatch(/^XML that is not well-formed, line \d+: /);
  });

  it('tells XML that is not an e-invoice by its root element and namespace', () => {
    expect(fatalMessage(fixture('not-an-invoice.xml'))).toBe(
      'XML that is not an e-invoice: root element <Document> in namespace urn:iso:std:iso:20022:tech:xsd:pain.001.001.09 (billcheck reads UBL 2.1 Invoice and CreditNote, CII CrossIndustryInvoice and ZUGFeRD 1.0)',
    );
    expect(fatalMessage(Buffer.from('<Invoice><ID>1</ID></Invoice>'))).toMatch(
      /root element <Invoice> in no namespace/,
    );
  });

  it('bounds the nesting depth', () => {
    const deep = `${UBL_OPEN}${'<cbc:Note>'.repeat(150)}x${'</cbc:Note>'.repeat(150)}</Invoice>`;
    expect(fatalMessage(Buffer.from(deep))).toMatch(/^XML that cannot be read: Maximum nested tags exceeded/);
  });

  it('bounds the size before decoding anything', () => {
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    expect(fatalMessage(huge)).toBe('XML larger than 20 MB: not read (an e-invoice is a few megabytes at most)');
  });

  it('refuses bytes that are not UTF-8 when no other encoding is declared, and reads a declared one', () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${UBL_OPEN}<cbc:ID>Fact-`),
      Buffer.from([0xe9]),
      Buffer.from('</cbc:ID></Invoice>'),
    ]);
    expect(fatalMessage(latin1)).toBe('XML that is not UTF-8, although it declares no other encoding');
    const declared = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>'), latin1]);
    const root = readXmlTree('f.xml', declared);
    expect(root.children[0]?.text).toBe('Fact-é');
  });

  it('refuses a name that would pollute prototypes, as one clear line', () => {
    const message = fatalMessage(Buffer.from(`${UBL_OPEN}<__proto__>x</__proto__></Invoice>`));
    expect(message).toMatch(/^XML that cannot be read: /);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('gives one line on stderr and exit code 2 per hostile file, and still checks the others', () => {
    const run = runBin([
      `${HOSTILE}/billion-laughs.xml`,
      `${HOSTILE}/truncated.xml`,
      'fixtures/einvoice/others/mustang/factur-x.xml',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/billion-laughs\.xml: XML with a DTD is not read/);
    expect(lines[1]).toMatch(/truncated\.xml: XML that is not well-formed, line \d+/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(run.stdout) as { summary: { documents: number }; fatal: unknown[] };
    expect(report.summary.documents).toBe(1);
    expect(report.fatal).toHaveLength(2);
  });
});
