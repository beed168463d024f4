import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import type { ParseEvent } from '../../../src/model/input.js';
import { mapColumns } from '../../../src/parse/csv/columns.js';
import { countryCodeOf } from '../../../src/parse/values/country-names.js';
import { parseCsv } from '../../../src/parse/csv/index.js';
import { serializeDocument } from '../../../src/report/extract.js';
import rule from '../../../src/rules/vat-rate-mismatch.js';
import { runRule } from '../../helpers/builder.js';

async function parse(text: string): Promise<ParseEvent[]> {
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(text, 'utf8');
  }
  const events: ParseEvent[] = [];
  for await (const event of parseCsv(chunks(), { file: 'bills.csv' })) events.push(event);
  return events;
}

const documents = (events: readonly ParseEvent[]): BillingDocument[] =>
  events.flatMap((event) => (event.type === 'document' ? [event.document] : []));

const countryColumn = (headers: string[]): string | undefined => {
  const { index } = mapColumns('bills.csv', headers);
  return index.country === -1 ? undefined : headers[index.country];
};

describe('a country column', () => {
  it('is recognized in French, English, German and Dutch', () => {
    for (const header of [
      'Pays',
      'Code pays',
      'Country',
      'Country code',
      'VAT country',
      'Land',
      'Ländercode',
      'Landcode',
    ]) {
      expect(countryColumn(['N° facture', 'Montant TTC', header]), header).toBe(header);
    }
  });

  it('is not a country called, roamed in or of birth, nor an amount "to pay"', () => {
    for (const header of [
      "Pays d'appel",
      'Country called',
      'Roaming country',
      'Pays de naissance',
      'Country of origin',
    ]) {
      expect(countryColumn(['N° facture', 'Montant TTC', header]), header).toBeUndefined();
    }
    // "Pays" folds to "pay" as a header word: a keyword "pays" would take these.
    expect(countryColumn(['Invoice number', 'Amount', 'Total to pay incl. VAT', 'Left to pay'])).toBeUndefined();
  });

  it('reads codes and common names, and nothing else', () => {
    expect(['DE', 'de', 'DEU', 'Allemagne', 'Germany', 'Deutschland', 'Duitsland'].map(countryCodeOf)).toEqual(
      Array(7).fill('DE'),
    );
    expect(['Pays-Bas', 'the Netherlands', 'Niederlande', 'Nederland'].map(countryCodeOf)).toEqual(Array(4).fill('NL'));
    expect(
      ['België', 'Belgique', 'ÖSTERREICH', 'Royaume-Uni', 'UK', 'Pologne', 'Inde', 'Suisse'].map(countryCodeOf),
    ).toEqual(['BE', 'BE', 'AT', 'GB', 'GB', 'PL', 'IN', 'CH']);
    expect(['Atlantis', '49', 'D', 'Europe', 'x'.repeat(5000)].map(countryCodeOf)).toEqual(Array(5).fill(undefined));
  });

  it('gives each document its country, leaves an unknown one out without refusing the row', async () => {
    const events = await parse(
      [
        'Rechnungsnummer;Rechnungsdatum;Land;Nettobetrag;MwSt;Gesamtbetrag',
        'RE-1;20.03.2024;Deutschland;84,03;15,97;100,00',
        'RE-2;21.03.2024;NL;41,32;8,68;50,00',
        'RE-3;22.03.2024;Atlantis;84,03;16,81;100,84',
        'RE-4;23.03.2024;;33,33;6,66;39,99',
      ].join('\n'),
    );
    expect(events.filter((event) => event.type === 'invalid')).toEqual([]);
    const docs = documents(events);
    expect(docs.map((doc) => doc.country)).toEqual(['DE', 'NL', undefined, undefined]);
    expect(serializeDocument(docs[0] as BillingDocument).country).toBe('DE');
    expect('country' in JSON.parse(JSON.stringify(serializeDocument(docs[3] as BillingDocument)))).toBe(false);
    // German and Dutch bills pass at their own rates; the unknown country's 20 % is checked at the French rates and passes.
    expect(runRule(rule, docs)).toEqual([]);
  });

  it('takes the first country given in the rows of a multi-row document', async () => {
    const events = await parse(
      [
        'Invoice number,Country,Description,Net,VAT,Total',
        'INV-9,Poland,Abonament,60.97,14.02,74.99',
        'INV-9,,Usługi dodatkowe,12.19,2.81,15.00',
      ].join('\n'),
    );
    const [doc] = documents(events);
    expect(doc?.rows).toBe(2);
    expect(doc?.country).toBe('PL');
  });

  it('leaves the country absent when the export has no such column', async () => {
    const [doc] = documents(await parse('N° facture;Montant TTC\nF-1;39,99\n'));
    expect(doc?.country).toBeUndefined();
  });
});

describe('a country from the evidence of an export without a country column (issue 12)', () => {
  const noticeOf = (events: readonly ParseEvent[]) =>
    events.flatMap((event) => (event.type === 'notice' && event.code === 'country' ? [event] : []));

  it('checks a German export that states "MwSt. 19 %" at German rates, and says why', async () => {
    const events = await parse(
      [
        'Rechnungsnummer;Rechnungsdatum;Kundennummer;Netto;MwSt. 19 %;Brutto',
        'R-1;05.01.2024;K-1;33,57;6,38;39,95',
        'R-2;05.02.2024;K-1;33,29;6,66;39,95',
      ].join('\n'),
    );
    const docs = documents(events);
    expect(docs.map((doc) => doc.country)).toEqual(['DE', 'DE']);
    expect(noticeOf(events).map((notice) => [notice.level, notice.message])).toEqual([
      ['info', 'VAT is checked against the rates of DE: the headers are German, they state 19 %'],
    ]);
    // 6,38 is 19 % of 33,57; 6,66 is the 20 % a French check would have accepted.
    expect(runRule(rule, docs).map((finding) => finding.documentId)).toEqual(['R-2']);
  });

  it('lets a rate column of 19 and 7 decide, and a stated 20 % in German make it Austria', async () => {
    const satz = await parse(
      ['Rechnungsnummer;Datum;Position;Netto;MwSt-Satz;MwSt;Brutto', 'R-1;05.01.2024;Abo;4,66;7;0,33;4,99'].join('\n'),
    );
    expect(documents(satz)[0]?.country).toBe('DE');
    const austria = await parse(
      ['Rechnungsnummer;Rechnungsdatum;Netto;USt. 20 %;Brutto', 'A1-1;05.01.2024;33,33;6,67;40,00'].join('\n'),
    );
    expect(documents(austria)[0]?.country).toBe('AT');
    expect(noticeOf(austria)[0]?.level).toBe('info');
  });

  it('takes Switzerland from CHF, and warns when only the language points to a country', async () => {
    const swiss = await parse(['Rechnungsnummer;Rechnungsdatum;Betrag CHF', 'RE-1;15.01.2024;89.90'].join('\n'));
    expect(documents(swiss)[0]?.country).toBe('CH');
    const guessed = await parse(
      ['Rechnungsnummer;Rechnungsdatum;Netto;MwSt;Brutto', 'R-1;05.01.2024;33,57;6,38;39,95 €'].join('\n'),
    );
    expect(documents(guessed)[0]?.country).toBe('DE');
    const [notice] = noticeOf(guessed);
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain('a guess');
    expect(notice?.map).toBe('--map country=COLUMN');
  });

  it("leaves French and English exports to the rule's own rates, without a word", async () => {
    for (const header of ['N° de facture;Date;Montant HT;TVA;Montant TTC', 'Invoice number;Date;Net;VAT;Total']) {
      const events = await parse(`${header}\nF-1;05/01/2024;33,33;6,67;40,00\n`);
      expect(documents(events)[0]?.country, header).toBeUndefined();
      expect(noticeOf(events), header).toEqual([]);
    }
  });
});
