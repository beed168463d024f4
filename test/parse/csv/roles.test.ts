/**
 * Column roles from names and values (issue 12): each case is a small export whose header alone
 * would be read wrongly or not at all, and the role its values show. Asserts the documents read
 * and the notices that say what was decided.
 */
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import type { ColumnsEvent, NoticeEvent, ParseEvent } from '../../../src/model/input.js';
import { type CsvOptions, parseCsv } from '../../../src/parse/csv/index.js';
import { isPhoneNumber } from '../../../src/parse/csv/column-evidence.js';

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, 'utf8');
}

async function parse(lines: string[], options: Partial<CsvOptions> = {}): Promise<ParseEvent[]> {
  const events: ParseEvent[] = [];
  for await (const event of parseCsv(once(`${lines.join('\n')}\n`), { file: 'export.csv', ...options }))
    events.push(event);
  return events;
}

const documents = (events: readonly ParseEvent[]): BillingDocument[] =>
  events.flatMap((e) => (e.type === 'document' ? [e.document] : []));
const notices = (events: readonly ParseEvent[]): NoticeEvent[] =>
  events.flatMap((e) => (e.type === 'notice' ? [e] : []));
const columns = (events: readonly ParseEvent[]): ColumnsEvent | undefined =>
  events.find((e): e is ColumnsEvent => e.type === 'columns');
const fieldOf = (events: readonly ParseEvent[], column: string): string | undefined =>
  columns(events)?.columns.find((role) => role.column === column)?.field;

describe('phone numbers', () => {
  it('knows phone and line numbers from invoice numbers', () => {
    for (const phone of [
      '06 12 34 56 78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0041 79 123 45 67',
      '(212) 555-0143',
      '+447700900777',
    ]) {
      expect(isPhoneNumber(phone), phone).toBe(true);
    }
    for (const other of ['FA-2024-001', '2024010123', '12,50', '05/01/2024', '1234567', 'GP12345678'])
      expect(isPhoneNumber(other), other).toBe(false);
  });

  it('reads a "Numéro" column of one shared phone number as the account, and the "Réf." ids as the documents\' numbers', async () => {
    const events = await parse([
      'Numéro;Réf.;Date;Type;Montant',
      '0698765432;SF2401;12/01/2024;Facture;32,00',
      '0698765432;SF2402;12/02/2024;Facture;32,00',
      '0698765432;SF2403;12/03/2024;Facture;33,00',
    ]);
    expect(documents(events).map((doc) => [doc.id, doc.account, doc.references])).toEqual([
      ['SF2401', '0698765432', []],
      ['SF2402', '0698765432', []],
      ['SF2403', '0698765432', []],
    ]);
    expect(fieldOf(events, 'Numéro')).toBe('account');
    expect(columns(events)?.columns.find((role) => role.column === 'Réf.')).toEqual({
      column: 'Réf.',
      field: 'id',
      decidedBy: 'values',
    });
    expect(columns(events)?.inferred).toBe(true);
    const decided = notices(events).filter((notice) => notice.code === 'column-role');
    expect(decided.map((notice) => [notice.level, notice.map])).toEqual([
      ['warning', "--map 'id=Numéro'"],
      ['warning', "--map 'reference=Réf.'"],
    ]);
  });

  it('keeps invoice numbers that look like phone numbers when each names one document', async () => {
    const events = await parse([
      'Rechnungsnummer;Rechnungsdatum;Betrag',
      '0301 2345 6701;03.01.2024;39,95',
      '0301 2345 6702;03.02.2024;39,95',
      '0301 2345 6703;03.03.2024;39,95',
    ]);
    expect(documents(events).map((doc) => doc.id)).toEqual(['0301 2345 6701', '0301 2345 6702', '0301 2345 6703']);
    expect(notices(events).filter((notice) => notice.code === 'column-role')).toEqual([]);
  });

  it('takes an unnamed column of phone numbers as the account: two lines are two accounts', async () => {
    const events = await parse([
      'Date;Facture;Accès;Montant TTC',
      '01/01/2024;F1;06 11 22 33 44;2,00',
      '01/01/2024;F2;01 23 45 67 89;39,99',
      '01/02/2024;F3;06 11 22 33 44;2,00',
    ]);
    expect(documents(events).map((doc) => doc.account)).toEqual(['06 11 22 33 44', '01 23 45 67 89', '06 11 22 33 44']);
    expect(columns(events)?.columns.find((role) => role.column === 'Accès')).toEqual({
      column: 'Accès',
      field: 'account',
      decidedBy: 'values',
    });
  });
});

describe('types, statuses, periods and amounts from values', () => {
  it('reads a generic "Cat." column of invoice and credit-note words as the type', async () => {
    const events = await parse([
      'Doc;Cat.;Date;Amount',
      'INV-1;Invoice;31/01/2024;120,00',
      'CN-1;Credit note;05/02/2024;-20,00',
      'INV-2;Invoice;29/02/2024;120,00',
    ]);
    expect(documents(events).map((doc) => [doc.id, doc.kind, doc.total?.toFixed(2)])).toEqual([
      ['INV-1', 'invoice', '120.00'],
      ['CN-1', 'credit-note', '20.00'],
      ['INV-2', 'invoice', '120.00'],
    ]);
    expect(fieldOf(events, 'Cat.')).toBe('kind');
    expect(fieldOf(events, 'Doc')).toBe('id');
  });

  it('reads a named status column, and an unnamed one from its words, into the documents', async () => {
    const named = await parse([
      'N° facture;Date;Montant TTC;Statut',
      'F1;10/01/2024;35,00;Payée',
      'F2;10/02/2024;35,00;Impayée',
      'F3;10/03/2024;35,00;En retard',
      'F4;10/04/2024;35,00;',
    ]);
    expect(documents(named).map((doc) => doc.status)).toEqual(['paid', 'unpaid', 'overdue', undefined]);
    const unnamed = await parse([
      'Invoice;Date;Total;State',
      'I1;2024-01-10;35.00;Paid',
      'I2;2024-02-10;35.00;Overdue',
      'I3;2024-03-10;35.00;Paid',
    ]);
    expect(documents(unnamed).map((doc) => doc.status)).toEqual(['paid', 'overdue', 'paid']);
    expect(fieldOf(unnamed, 'State')).toBe('status');
  });

  it('reads a period range in one cell, the start without its year', async () => {
    const events = await parse([
      'Facture;Date;Période;Montant TTC',
      'B1;02/01/2024;du 01/01 au 31/01/2024;24,99',
      'B2;02/01/2024;du 15/12 au 14/01/2024;24,99',
    ]);
    expect(documents(events).map((doc) => [doc.periodStart, doc.periodEnd])).toEqual([
      ['2024-01-01', '2024-01-31'],
      ['2023-12-15', '2024-01-14'],
    ]);
  });

  it('finds the net in a column of unknown wording by net + tax = total', async () => {
    const events = await parse([
      'Invoice ID;Date;Charges before tax;Tax;Total',
      'T1;15/01/2024;50,00;10,00;60,00',
      'T2;15/02/2024;50,00;10,00;60,00',
      'T3;15/03/2024;40,00;8,00;48,00',
    ]);
    expect(documents(events).map((doc) => doc.net?.toFixed(2))).toEqual(['50.00', '50.00', '40.00']);
    expect(fieldOf(events, 'Charges before tax')).toBe('net');
  });

  it('does not read dates from a date-named column that holds none, and says so with the --map that settles it', async () => {
    const events = await parse([
      'N° facture;Date;Daté;Montant TTC',
      'F1;Lot A;05/01/2024;10,00',
      'F2;Lot B;05/02/2024;10,00',
      'F3;Lot C;05/03/2024;10,00',
    ]);
    expect(events.filter((event) => event.type === 'invalid')).toEqual([]);
    expect(notices(events).find((notice) => notice.message.includes('"Date"'))).toMatchObject({
      level: 'warning',
      code: 'column-role',
      map: '--map issueDate=Date',
    });
  });

  it('never overrules --map', async () => {
    const events = await parse(
      [
        'Numéro;Réf.;Date;Montant',
        '0698765432;SF1;12/01/2024;32,00',
        '0698765432;SF2;12/02/2024;32,00',
        '0698765432;SF3;12/03/2024;32,00',
      ],
      {
        columnMap: new Map([['id', 'Numéro']]),
      },
    );
    // The mapped column stays the id; its rows, on three dates, are three documents.
    expect(documents(events).map((doc) => doc.id)).toEqual(['0698765432', '0698765432', '0698765432']);
    expect(columns(events)?.columns[0]).toEqual({ column: 'Numéro', field: 'id', decidedBy: 'map' });
  });
});

describe('headers', () => {
  it('reads the first of two columns with the same name and warns about the second', async () => {
    const events = await parse([
      'Invoice,Date,Amount,Amount',
      'I1,2024-01-05,210.00,193.20',
      'I2,2024-02-05,210.00,193.20',
    ]);
    expect(documents(events).map((doc) => doc.total?.toFixed(2))).toEqual(['210.00', '210.00']);
    expect(
      notices(events)
        .filter((notice) => notice.code === 'duplicate-column')
        .map((notice) => notice.message),
    ).toEqual(['two columns are named "Amount" (columns 3 and 4): the first is read, the second is not']);
    expect(columns(events)?.columns[3]).toEqual({ column: 'Amount' });
  });

  it('finds the header after title lines without any delimiter, and counts them', async () => {
    const events = await parse([
      'Mes factures',
      'Édité le 02/06/2024',
      '',
      'Date;N° de facture;Montant TTC',
      '05/01/2024;F1;47,99',
      '05/02/2024;F2;47,99',
    ]);
    expect(documents(events).map((doc) => [doc.id, doc.source.line])).toEqual([
      ['F1', 5],
      ['F2', 6],
    ]);
    expect(notices(events).map((notice) => notice.code)).toContain('title-lines');
  });

  it('finds the header after title lines that have delimiters of their own', async () => {
    const events = await parse([
      'Umsatzanzeige;Datei erstellt am: 03.06.2024',
      'Kunde;Max Mustermann',
      'Rechnungsnummer;Rechnungsdatum;Betrag',
      'R1;03.01.2024;39,95',
    ]);
    expect(documents(events).map((doc) => doc.id)).toEqual(['R1']);
    expect(notices(events).find((notice) => notice.code === 'title-lines')?.message).toBe(
      "2 lines before the header (line 3) are not data: an export's title or date",
    );
  });

  it('is still fatal when none of the first lines is a header', async () => {
    await expect(parse(['Nom;Prénom', 'Dupont;Jean', 'Durand;Marie'])).rejects.toThrow(/no invoice columns recognized/);
  });
});

describe('bank statements', () => {
  it("reads an operator's direct debits as payments of the line they name, and counts the other rows in one notice", async () => {
    const events = await parse([
      'Date;Libellé;Montant',
      '02/05/2024;PRLV SEPA ORANGE SA LIGNE 0612345678 MDT/ORA0000123456789;-47,99',
      '03/05/2024;CARTE 02/05/24 CARREFOUR;-62,35',
      '04/05/2024;CB ORANGE STORE PARIS;-199,00',
      '05/05/2024;VIR SEPA LOYER MAI;-750,00',
      '06/05/2024;PRLV SEPA FREE MOBILE;-19,99',
      '28/05/2024;VIR SEPA SALAIRE MAI;2450,00',
    ]);
    expect(documents(events).map((doc) => [doc.kind, doc.account, doc.total?.toFixed(2), doc.operator])).toEqual([
      ['payment', '0612345678', '47.99', 'orange'],
      ['payment', 'Free Mobile', '19.99', 'free mobile'],
    ]);
    expect(notices(events).find((notice) => notice.code === 'not-bills')?.message).toBe(
      '4 rows are not about bills: card payments (2), transfers (1), salaries (1)',
    );
  });

  it('never takes a mandate, a creditor id, an IBAN or the bank account for the line (issue 12 tryout)', async () => {
    // The tagged fields of real SEPA labels: BoursoBank "MDT/", La Banque Postale "RUM :" and "ICS :",
    // Société Générale "MANDAT", Sparkasse CSV-CAMT's "Glaeubiger ID" and "Mandatsreferenz" columns.
    const events = await parse([
      'dateOp;label;amount;accountNum;Glaeubiger ID;Mandatsreferenz;Kontonummer/IBAN',
      '02/05/2024;PRLV SEPA ORANGE SA ECH/020524 ID EMETTEUR/FR11ZZZ000001 MDT/0612345678;-47,99;00040123456;;;',
      '06/05/2024;PRELEVEMENT DE SFR REF : 0698765432ABC RUM : SFR0000123456789 ICS : FR54ZZZ008373;-19,99;00040123456;;;',
      '08/05/2024;PRELEVEMENT EUROPEEN DE: FREE MOBILE MANDAT FM-0663223344;-9,99;00040123456;;;',
      '10/05/2024;Telekom Deutschland GmbH Mobilfunk;-39,95;00040123456;DE59ZZZ00000095523;MR0612345678;DE18300400000123456700',
      '12/05/2024;CARTE 11/05/24 CARREFOUR;-62,35;00040123456;;;',
    ]);
    expect(documents(events).map((doc) => doc.account)).toEqual(['Orange', 'Sfr', 'Free Mobile', 'Telekom']);
  });

  it('pays the customer number or line the wording names, and names the bill paid as a reference', async () => {
    const events = await parse([
      'Date;Libellé;Montant',
      '02/05/2024;PRLV SEPA BOUYGUES TELECOM CLIENT 1234567890 FACTURE 24050012;-34,99',
      '15/05/2024;Kd-Nr. 123456789 Rg-Nr. 2405123456 Telekom Mobilfunk;-39,95',
      '20/05/2024;PRLV SEPA SFR FACTURE 0612345678 MAI;-19,99',
      '28/05/2024;Vodafone GmbH Kundennummer 112233445 Rechnung 05/2024;-24,99',
    ]);
    expect(documents(events).map((doc) => [doc.account, doc.references])).toEqual([
      ['1234567890', ['24050012']],
      ['123456789', ['2405123456']],
      // A phone number after "FACTURE" is the line billed; "05/2024" after "Rechnung" is the month.
      ['0612345678', []],
      ['112233445', []],
    ]);
  });

  it('warns once about a debit taken twice a few days apart, naming both rows, and not about next month', async () => {
    const events = await parse([
      'Date;Libellé;Montant',
      '02/05/2024;PRLV SEPA BOUYGUES TELECOM CLIENT 1234567890 FACTURE 24050012;-34,99',
      '04/05/2024;CARTE X1234 INTERMARCHE;-77,77',
      '05/05/2024;PRLV SEPA BOUYGUES TELECOM CLIENT 1234567890 FACTURE 24050012;-34,99',
      '02/06/2024;PRLV SEPA BOUYGUES TELECOM CLIENT 1234567890 FACTURE 24060012;-34,99',
      '03/06/2024;PRLV SEPA FREE MOBILE;-19,99',
      '03/07/2024;PRLV SEPA FREE MOBILE;-19,99',
    ]);
    const twice = notices(events).filter((notice) => notice.code === 'double-debit');
    expect(twice.map((notice) => [notice.level, notice.line])).toEqual([['warning', 4]]);
    expect(twice[0]?.message).toContain('line 2 (2024-05-02) and line 4 (2024-05-05)');
    expect(twice[0]?.message).toContain('bill 24050012');
    expect(documents(events)).toHaveLength(5);
  });

  it('reads separate debit and credit columns, an operator refund as a credit note', async () => {
    const events = await parse([
      'Date;Débit;Crédit;Libellé;Solde',
      '03/05/2024;-29,99;;PRLV SEPA SFR;1 204,11',
      '20/05/2024;;12,00;REMBOURSEMENT SFR;1 216,11',
      '21/05/2024;-2,50;;FRAIS TENUE DE COMPTE;1 213,61',
    ]);
    expect(documents(events).map((doc) => [doc.kind, doc.total?.toFixed(2)])).toEqual([
      ['payment', '29.99'],
      ['credit-note', '12.00'],
    ]);
  });

  it('leaves an invoice export with a type column of document kinds alone, negative amounts and all', async () => {
    const events = await parse([
      'Type;Date;Libellé;Montant',
      'Facture;05/01/2024;Forfait;20,00',
      'Avoir;06/01/2024;Geste;-5,00',
      'Facture;05/02/2024;Forfait;20,00',
    ]);
    expect(documents(events).map((doc) => doc.kind)).toEqual(['invoice', 'credit-note', 'invoice']);
    expect(notices(events).find((notice) => notice.code === 'not-bills')).toBeUndefined();
  });
});

describe('charge columns of a telecom-expense export (issue 12)', () => {
  it('gives each row one line per nonzero charge and sums the rows into the bill', async () => {
    const events = await parse([
      'Invoice Number,Bill Date,Account Number,User Name,Monthly Recurring Charges,Usage Charges,Roaming Charges,Total Charges',
      'INV-1,2024-03-01,842311907-00001,J. Smith,45.00,0.00,0.00,45.00',
      'INV-1,2024-03-01,842311907-00001,A. Jones,45.00,12.50,89.004,146.50',
    ]);
    const [doc] = documents(events);
    expect(doc?.total?.toFixed(2)).toBe('191.50');
    expect(doc?.lines.map((line) => [line.description, line.total?.toString()])).toEqual([
      ['Monthly Recurring Charges', '45.00'],
      ['Monthly Recurring Charges', '45.00'],
      ['Usage Charges', '12.50'],
      ['Roaming Charges', '89.004'],
    ]);
    expect(notices(events).find((notice) => notice.code === 'charge-columns')?.message).toBe(
      '3 charge columns read as the lines of each bill, adding up to its total: ' +
        '"Monthly Recurring Charges", "Usage Charges", "Roaming Charges"',
    );
  });
});
