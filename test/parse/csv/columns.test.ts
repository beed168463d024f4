import { describe, expect, it } from 'vitest';
import { FatalInputError } from '../../../src/model/input.js';
import { type ColumnField, mapColumns, recognizedColumnCount } from '../../../src/parse/csv/columns.js';

/** The fields a header maps to, as { field: column name } for the fields found. */
function mapped(headers: string[], columnMap?: ReadonlyMap<string, string>): Partial<Record<ColumnField, string>> {
  const { index } = mapColumns('bills.csv', headers, columnMap);
  const result: Partial<Record<ColumnField, string>> = {};
  for (const [field, column] of Object.entries(index) as [ColumnField, number][]) {
    if (column !== -1) result[field] = headers[column];
  }
  return result;
}

describe('mapColumns', () => {
  it('maps a French operator export', () => {
    const headers = [
      'N° facture',
      'Type de document',
      "N° d'abonné",
      "Date d'émission",
      'Date limite de paiement',
      'Période du',
      'au',
      'Désignation',
      'Quantité',
      'Prix unitaire',
      'Taux TVA',
      'Montant HT (€)',
      'Montant TVA',
      'Montant TTC (€)',
      'Net à payer',
      'Devise',
      "Date d'effet",
      'Opérateur',
    ];
    expect(mapped(headers)).toEqual({
      id: 'N° facture',
      kind: 'Type de document',
      account: "N° d'abonné",
      issueDate: "Date d'émission",
      dueDate: 'Date limite de paiement',
      periodStart: 'Période du',
      periodEnd: 'au',
      description: 'Désignation',
      quantity: 'Quantité',
      unitPrice: 'Prix unitaire',
      taxRate: 'Taux TVA',
      net: 'Montant HT (€)',
      tax: 'Montant TVA',
      total: 'Montant TTC (€)',
      amountDue: 'Net à payer',
      currency: 'Devise',
      effectiveDate: "Date d'effet",
      operator: 'Opérateur',
    });
  });

  it('maps an English export', () => {
    const headers = [
      'Invoice number',
      'Document type',
      'Customer number',
      'Invoice date',
      'Due date',
      'Billing period start',
      'Billing period end',
      'Description',
      'Qty',
      'Unit price',
      'VAT rate',
      'Net amount',
      'VAT amount',
      'Total',
      'Balance due',
      'Currency',
      'Effective date',
    ];
    expect(mapped(headers)).toEqual({
      id: 'Invoice number',
      kind: 'Document type',
      account: 'Customer number',
      issueDate: 'Invoice date',
      dueDate: 'Due date',
      periodStart: 'Billing period start',
      periodEnd: 'Billing period end',
      description: 'Description',
      quantity: 'Qty',
      unitPrice: 'Unit price',
      taxRate: 'VAT rate',
      net: 'Net amount',
      tax: 'VAT amount',
      total: 'Total',
      amountDue: 'Balance due',
      currency: 'Currency',
      effectiveDate: 'Effective date',
    });
  });

  it.each([
    [
      ['Numéro de document', 'Date', 'Libellé', 'Montant HT', 'TVA', 'Total TTC', 'Reste à payer'],
      { id: 'Numéro de document', amountDue: 'Reste à payer', total: 'Total TTC' },
    ],
    [
      ['N° de facture', 'Nature', 'Contrat', 'Échéance', 'Montant', 'Solde'],
      { kind: 'Nature', account: 'Contrat', dueDate: 'Échéance', total: 'Montant', amountDue: 'Solde' },
    ],
    [
      ['Invoice #', 'Account', 'Period from', 'Period to', 'Amount', 'Amount due'],
      { id: 'Invoice #', periodStart: 'Period from', periodEnd: 'Period to', total: 'Amount', amountDue: 'Amount due' },
    ],
    [
      ['Rechnungsnummer', 'Rechnungsdatum', 'Kundennummer', 'Nettobetrag', 'MwSt', 'Bruttobetrag'],
      {
        id: 'Rechnungsnummer',
        issueDate: 'Rechnungsdatum',
        account: 'Kundennummer',
        net: 'Nettobetrag',
        tax: 'MwSt',
        total: 'Bruttobetrag',
      },
    ],
    // Free's list of bills names the account "Identifiant Freebox" (issue 13: it was read as no column at all).
    [
      ['Numéro de facture', 'Identifiant Freebox', 'Date', "Date d'échéance", 'Montant TTC', 'Statut'],
      { id: 'Numéro de facture', account: 'Identifiant Freebox', issueDate: 'Date', total: 'Montant TTC' },
    ],
    [
      ['Factuurnummer', 'Factuurdatum', 'Klantnummer', 'Totaal'],
      { id: 'Factuurnummer', issueDate: 'Factuurdatum', account: 'Klantnummer', total: 'Totaal' },
    ],
  ])('maps the wording of %j', (headers, expected) => {
    expect(mapped(headers)).toMatchObject(expected);
  });

  it('keeps "(HT)" and "(TTC)" apart although normalizeLabel drops them as units', () => {
    expect(mapped(['Facture', 'Montant (HT)', 'Montant (TTC)', 'TVA %'])).toMatchObject({
      net: 'Montant (HT)',
      total: 'Montant (TTC)',
      taxRate: 'TVA %',
    });
  });

  it('takes apart words run together as accounting tools name columns (Xero: "InvoiceNumber")', () => {
    expect(
      mapped(['ContactName', 'InvoiceNumber', 'Reference', 'InvoiceDate', 'DueDate', 'Total', 'AmountDue']),
    ).toMatchObject({
      account: 'ContactName',
      id: 'InvoiceNumber',
      reference: 'Reference',
      issueDate: 'InvoiceDate',
      dueDate: 'DueDate',
      total: 'Total',
      amountDue: 'AmountDue',
    });
    // Capitals alone are no run of words: "TTC", "MT_HT_LIGNE" read as before.
    expect(mapped(['NUM_FACT', 'MONTANT TTC'])).toMatchObject({ total: 'MONTANT TTC' });
  });

  it('maps a combined period column to both period dates', () => {
    expect(mapped(['N° facture', 'Période', 'Montant TTC'])).toMatchObject({ period: 'Période' });
    expect(mapped(['Invoice', 'Billing period', 'Total'])).toMatchObject({ period: 'Billing period' });
  });

  it.each([
    ['Référence'],
    ["Facture d'origine"],
    ['Facture concernée'],
    ['Original invoice'],
    ['Related invoice'],
    ['Invoice reference'],
    ['Réf. facture'],
    ['Référence facture'],
  ])('maps "%s" to reference, never to id', (referenceHeader) => {
    // With an id column beside it, and alone: the reference column never becomes the id.
    expect(mapped(['N° facture', referenceHeader, 'Montant TTC'])).toMatchObject({
      id: 'N° facture',
      reference: referenceHeader,
    });
    const alone = mapped([referenceHeader, 'Type', 'Montant TTC']);
    expect(alone.reference).toBe(referenceHeader);
    expect(alone.id).toBeUndefined();
  });

  it('keeps the id on the id column when the reference column comes first', () => {
    expect(mapped(["N° de facture d'origine", 'N° de facture', 'Type', 'Montant'])).toMatchObject({
      id: 'N° de facture',
      reference: "N° de facture d'origine",
    });
  });

  it('does not read look-alike columns as amounts', () => {
    const result = mapped([
      'N° facture',
      'N° de TVA intracommunautaire',
      'Taux de change',
      'Montant TTC',
      'Nom du client',
    ]);
    expect(result.tax).toBeUndefined();
    expect(result.taxRate).toBeUndefined();
    expect(result.account).toBeUndefined();
    expect(result.total).toBe('Montant TTC');
  });

  it('gives each field at most one column and each column at most one field, deterministically', () => {
    const headers = ['Montant', 'Total', 'Montant TTC', 'Date', 'Date de facture'];
    const first = mapColumns('a.csv', headers).index;
    expect(first.total).toBe(2);
    expect(first.issueDate).toBe(4);
    const used = Object.values(first).filter((column) => column !== -1);
    expect(new Set(used).size).toBe(used.length);
    expect(mapColumns('a.csv', headers).index).toEqual(first);
  });

  it('lets --map override the automatic mapping, by field name and column name', () => {
    const columnMap = new Map([
      ['id', 'Réf. interne'],
      ['total', 'Somme'],
      ['issue-date', 'Jour'],
    ]);
    expect(mapped(['Réf. interne', 'Jour', 'Somme', 'Montant'], columnMap)).toMatchObject({
      id: 'Réf. interne',
      issueDate: 'Jour',
      total: 'Somme',
    });
  });

  it('refuses a --map naming an unknown field or a missing column', () => {
    expect(() => mapColumns('a.csv', ['Montant', 'Date'], new Map([['totl', 'Montant']]))).toThrow(
      /unknown field "totl"/,
    );
    expect(() => mapColumns('a.csv', ['Montant', 'Date'], new Map([['total', 'Somme']]))).toThrow(/no column "Somme"/);
  });

  it('is not fooled by headers named like object prototype keys', () => {
    const result = mapped(['__proto__', 'constructor', 'toString', 'N° facture', 'Montant TTC']);
    expect(result).toEqual({ id: 'N° facture', total: 'Montant TTC' });
    expect(() => mapColumns('a.csv', ['Montant', 'Date'], new Map([['__proto__', 'Montant']]))).toThrow(
      /unknown field "__proto__"/,
    );
    expect(mapped(['__proto__', 'Date'], new Map([['total', '__proto__']]))).toEqual({
      total: '__proto__',
      issueDate: 'Date',
    });
  });

  it('refuses a header that names no invoice columns, saying what it expected', () => {
    expect(() => mapColumns('contacts.csv', ['Nom', 'Prénom', 'Ville'])).toThrow(FatalInputError);
    expect(() => mapColumns('contacts.csv', ['Nom', 'Prénom', 'Ville'])).toThrow(
      /expected an amount .*"Nom", "Prénom", "Ville"/,
    );
    // An amount alone is not enough either.
    expect(() => mapColumns('one.csv', ['Montant'])).toThrow(FatalInputError);
  });
});

describe('recognizedColumnCount', () => {
  it('counts the columns billcheck recognizes', () => {
    expect(recognizedColumnCount(['N° facture', 'Date', 'Montant TTC', 'Commentaire interne'])).toBe(3);
    expect(recognizedColumnCount(['Objet : mise en demeure'])).toBe(0);
  });

  it('reads headers worded as judges word them', () => {
    expect(mapped(['Réf. document', 'Nature', 'TVA 20%', 'Montant TTC en euros', 'Réf. facture'])).toMatchObject({
      id: 'Réf. document',
      tax: 'TVA 20%',
      total: 'Montant TTC en euros',
      reference: 'Réf. facture',
    });
    expect(mapped(['Ligne mobile', 'Numéro', 'Type', 'Total TTC'])).toMatchObject({
      account: 'Ligne mobile',
      id: 'Numéro',
    });
    expect(mapped(["N° d'abonnement", 'Type', 'Montant'])).toMatchObject({ account: "N° d'abonnement" });
    expect(mapped(['Bill No', 'Charges (excl. VAT)', 'VAT Amount', 'Total Charges'])).toMatchObject({
      net: 'Charges (excl. VAT)',
      tax: 'VAT Amount',
      total: 'Total Charges',
    });
  });

  it('keeps "TVA %" and "Taux TVA 20%" as rates', () => {
    expect(mapped(['N° facture', 'Montant HT', 'TVA %'])).toMatchObject({ taxRate: 'TVA %' });
    expect(mapped(['N° facture', 'Montant HT', 'Taux TVA 20%'])).toMatchObject({ taxRate: 'Taux TVA 20%' });
  });
});

describe('several tax columns by rate', () => {
  it('reads none of them as the document tax when there are two or more', () => {
    const { index } = mapColumns('x.csv', [
      'N° facture',
      'Date',
      'Type',
      'Montant HT',
      'TVA 20%',
      'TVA 5,5%',
      'Montant TTC',
    ]);
    expect(index.tax).toBe(-1);
    expect(index.taxRate).toBe(-1);
    expect(index.net).toBe(3);
    expect(index.total).toBe(6);
    // A single one is the tax.
    expect(mapColumns('x.csv', ['N° facture', 'Montant HT', 'TVA 20%', 'Montant TTC']).index.tax).toBe(2);
  });
});

describe('a bare "Numéro" beside an invoice-number column', () => {
  it('leaves the id to the invoice number, wherever the columns stand', () => {
    expect(mapColumns('x.csv', ['Numéro', 'N° facture', 'Type', 'Total TTC']).index.id).toBe(1);
  });
});

describe('labels of the issue 12 tryout (German, Swiss, Austrian, Dutch and expense exports)', () => {
  it('reads Fälligkeit, Fällig am and Zahlungsziel as the due date, Rufnummer and Anschluss as the line', () => {
    for (const due of ['Fälligkeit', 'Fällig am', 'Zahlungsziel', 'Fälligkeitsdatum', 'Vervaldatum', 'Vervaldag']) {
      expect(mapped(['Rechnungsnummer', 'Rechnungsdatum', due, 'Betrag']).dueDate, due).toBe(due);
    }
    for (const line of ['Rufnummer', 'Anschluss', 'Mobilfunknummer', 'Anschlussnummer', 'Klantnummer', 'Klantnr']) {
      expect(mapped(['Rechnungsnummer', 'Rechnungsdatum', line, 'Betrag']).account, line).toBe(line);
    }
    expect(mapped(['Factuurnummer', 'Factuurdatum', 'Klantnummer', 'Vervaldatum', 'Bedrag'])).toEqual({
      id: 'Factuurnummer',
      issueDate: 'Factuurdatum',
      account: 'Klantnummer',
      dueDate: 'Vervaldatum',
      total: 'Bedrag',
    });
  });

  it('reads the charge columns of an expense export as lines, and "Taxes & Surcharges" not as the VAT', () => {
    const headers = [
      'Invoice Number',
      'Bill Date',
      'Account Number',
      'Monthly Recurring Charges',
      'Usage Charges',
      'Roaming Charges',
      'Taxes & Surcharges',
      'Total Charges',
    ];
    const mapping = mapColumns('bills.csv', headers);
    expect(mapping.charges?.map((column) => headers[column])).toEqual([
      'Monthly Recurring Charges',
      'Usage Charges',
      'Roaming Charges',
      'Taxes & Surcharges',
    ]);
    expect(mapped(headers)).toEqual({
      id: 'Invoice Number',
      issueDate: 'Bill Date',
      account: 'Account Number',
      total: 'Total Charges',
    });
    // One charge-like column is no expense layout.
    expect(mapColumns('bills.csv', ['Invoice', 'Date', 'Late charge', 'Total']).charges).toBeUndefined();
  });
});
