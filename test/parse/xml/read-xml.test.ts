/**
 * The mapping by EN 16931 business term, on small invoices written for each case (their element
 * paths are those of EN 16931-3-2 for UBL and EN 16931-3-3 for CII).
 */
import { describe, expect, it } from 'vitest';
import type { BillingDocument } from '../../../src/model/document.js';
import type { InvalidInputEvent, ParseEvent } from '../../../src/model/input.js';
import { type InputSource, parseInput } from '../../../src/parse/index.js';
import { detectFormat, formatFromName } from '../../../src/parse/detect.js';
import { parseXmlInvoice } from '../../../src/parse/xml/read-xml.js';

const UBL_NS =
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

const ubl = (body: string, root = 'Invoice') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" ${UBL_NS}>${body}</${root}>`;

const cii = (document: string, agreement = '', settlement = '', context = '') =>
  `<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>${context}</rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>${document}</rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>${agreement}</ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>${settlement}</ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;

function read(xml: string, name = 'bill.xml'): { doc: BillingDocument; invalid: InvalidInputEvent[] } {
  const events = parseXmlInvoice(Buffer.from(xml, 'utf8'), name);
  const [first, ...rest] = events;
  if (first?.type !== 'document') throw new Error('no document');
  return { doc: first.document, invalid: rest.filter((event): event is InvalidInputEvent => event.type === 'invalid') };
}

const typeCode = (code: string) => cii(`<ram:ID>F1</ram:ID><ram:TypeCode>${code}</ram:TypeCode>`);

describe('XML e-invoice reader', () => {
  it('reads a UBL credit note: kind, credited lines, due date in the payment means, preceding invoice (BT-25)', () => {
    const { doc, invalid } = read(
      ubl(
        `<cbc:ID>AV-7</cbc:ID><cbc:IssueDate>2026-03-02</cbc:IssueDate><cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
         <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
         <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-2026-001</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
         <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-03-30</cbc:PaymentDueDate></cac:PaymentMeans>
         <cac:LegalMonetaryTotal><cbc:TaxInclusiveAmount currencyID="EUR">24.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">24.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
         <cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="C62">2.000</cbc:CreditedQuantity><cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>
           <cac:Item><cbc:Name>Forfait mobile</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20.00</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
           <cac:Price><cbc:PriceAmount currencyID="EUR">10.0000</cbc:PriceAmount></cac:Price></cac:CreditNoteLine>`,
        'CreditNote',
      ),
    );
    expect(invalid).toEqual([]);
    expect(doc.kind).toBe('credit-note');
    expect(doc.dueDate).toBe('2026-03-30');
    expect(doc.references).toEqual(['F-2026-001']);
    expect(doc.source).toEqual({ file: 'bill.xml', line: 1, format: 'xml' });
    const line = doc.lines[0];
    expect([
      line?.description,
      line?.quantity,
      line?.net?.toFixed(2),
      line?.unitPrice?.toFixed(2),
      line?.taxCategory,
      line?.taxRate,
    ]).toEqual(['Forfait mobile', '2', '20.00', '10.00', 'S', '20']);
  });

  it.each([
    ['380', 'invoice'],
    ['384', 'invoice'],
    ['389', 'invoice'],
    ['386', 'invoice'],
    ['381', 'credit-note'],
    ['261', 'credit-note'],
    ['396', 'credit-note'],
  ])('maps type code %s to %s, keeping the code', (code, kind) => {
    const { doc, invalid } = read(typeCode(code));
    expect([doc.kind, doc.typeCode, invalid.length]).toEqual([kind, code, 0]);
  });

  it('reads an unknown type code as an invoice and says so', () => {
    const { doc, invalid } = read(typeCode('999'));
    expect(doc.kind).toBe('invoice');
    expect(invalid.map((event) => [event.column, event.value])).toEqual([['BT-3', '999']]);
  });

  it('takes the account from the buyer identifier, then legal id, VAT id, buyer reference, order, name, file', () => {
    const buyer = (inner: string) => `<ram:BuyerTradeParty>${inner}</ram:BuyerTradeParty>`;
    const all = `${buyer('<ram:ID>CUST-42</ram:ID><ram:Name>ACME</ram:Name><ram:SpecifiedLegalOrganization><ram:ID>123456789</ram:ID></ram:SpecifiedLegalOrganization><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR12345678901</ram:ID></ram:SpecifiedTaxRegistration>')}`;
    const refs = '<ram:BuyerReference>LEITWEG-1</ram:BuyerReference>';
    const order =
      '<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>PO-9</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>';
    const account = (agreement: string) => read(cii('<ram:ID>F1</ram:ID>', agreement)).doc.account;
    expect(account(refs + all + order)).toBe('CUST-42');
    expect(
      account(
        refs +
          buyer(
            '<ram:Name>ACME</ram:Name><ram:SpecifiedLegalOrganization><ram:ID>123456789</ram:ID></ram:SpecifiedLegalOrganization>',
          ),
      ),
    ).toBe('123456789');
    expect(
      account(
        refs +
          buyer(
            '<ram:Name>ACME</ram:Name><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR12345678901</ram:ID></ram:SpecifiedTaxRegistration>',
          ),
      ),
    ).toBe('FR12345678901');
    expect(account(refs + buyer('<ram:Name>ACME</ram:Name>') + order)).toBe('LEITWEG-1');
    expect(account(buyer('<ram:Name>ACME</ram:Name>') + order)).toBe('PO-9');
    expect(account(buyer('<ram:Name>ACME</ram:Name>'))).toBe('ACME');
    expect(account('')).toBe('bill.xml');
  });

  it("takes the VAT rates' country from the seller's address, else its VAT number (Greece writes EL)", () => {
    const seller = (inner: string) => `<ram:SellerTradeParty><ram:Name>Op</ram:Name>${inner}</ram:SellerTradeParty>`;
    const country = (inner: string) => read(cii('<ram:ID>F1</ram:ID>', seller(inner))).doc.country;
    expect(country('<ram:PostalTradeAddress><ram:CountryID>fr</ram:CountryID></ram:PostalTradeAddress>')).toBe('FR');
    expect(
      country(
        '<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">EL123456789</ram:ID></ram:SpecifiedTaxRegistration>',
      ),
    ).toBe('GR');
    expect(
      country(
        '<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">22/815/0815/4</ram:ID></ram:SpecifiedTaxRegistration>',
      ),
    ).toBeUndefined();
  });

  it('reads CII dates (format 102) and reports other formats and amounts it cannot read, leaving them absent', () => {
    const settlement = `<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="610">202603</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:GrandTotalAmount>12,50</ram:GrandTotalAmount><ram:DuePayableAmount>12.5</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>`;
    const { doc, invalid } = read(
      cii(
        '<ram:ID>F1</ram:ID><ram:IssueDateTime><udt:DateTimeString format="102">20260229</udt:DateTimeString></ram:IssueDateTime>',
        '',
        settlement,
      ),
    );
    expect([doc.issueDate, doc.dueDate, doc.total, doc.amountDue?.toFixed(2)]).toEqual([
      undefined,
      undefined,
      undefined,
      '12.50',
    ]);
    expect(invalid.map((event) => [event.column, event.value])).toEqual([
      ['BT-2', '20260229'],
      ['BT-9', '202603'],
      ['BT-112', '12,50'],
    ]);
  });

  it('does not hold a Factur-X MINIMUM invoice to BR-CO-16: it cannot state a paid amount', () => {
    const minimum =
      '<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:factur-x.eu:1p0:minimum</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>';
    expect(read(cii('<ram:ID>F1</ram:ID>', '', '', minimum)).doc.amountDueFollowsTotal).toBe(false);
    expect(read(cii('<ram:ID>F1</ram:ID>')).doc.amountDueFollowsTotal).toBe(true);
  });

  it('reads a VAT total given in the invoice currency beside one in the accounting currency (BT-111)', () => {
    const settlement = `<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode><ram:TaxCurrencyCode>SEK</ram:TaxCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:TaxTotalAmount currencyID="SEK">2250.00</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID="EUR">200.00</ram:TaxTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>`;
    expect(read(cii('<ram:ID>F1</ram:ID>', '', settlement)).doc.tax?.toFixed(2)).toBe('200.00');
  });
});

describe('detecting an e-invoice', () => {
  it('takes .xml from the name, and XML from the content whatever the name', () => {
    expect(formatFromName('facture.XML')).toBe('xml');
    expect(detectFormat('facture.txt', '<?xml version="1.0"?>\n<Invoice/>')).toBe('xml');
    expect(detectFormat('attachment', '\uFEFF<!-- generated -->\n<rsm:CrossIndustryInvoice xmlns:rsm="x">')).toBe(
      'xml',
    );
    expect(detectFormat('bill.txt', 'Facture n° 12\nTotal TTC 12,00 €')).toBe('text');
    expect(detectFormat('export', 'N° de facture;Montant TTC\nF1;12,00')).toBe('csv');
  });

  it('reads XML from standard input as an e-invoice', async () => {
    const xml = Buffer.from(typeCode('380'));
    const source: InputSource = {
      name: '<stdin>',
      async *open() {
        yield xml.subarray(0, 10);
        yield xml.subarray(10);
      },
    };
    const events: ParseEvent[] = [];
    for await (const event of parseInput(source, {})) events.push(event);
    expect(
      events.map((event) =>
        event.type === 'document' ? [event.document.id, event.document.source.format] : event.type,
      ),
    ).toEqual([['F1', 'xml']]);
  });

  it('reads an e-invoice in time proportional to its lines, 2 000 lines in well under a second', () => {
    const line = (n: number) =>
      `<cac:InvoiceLine><cbc:ID>${n}</cbc:ID><cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">1.00</cbc:LineExtensionAmount><cac:Item><cbc:Name>Appel ${n}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount currencyID="EUR">1.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>`;
    const invoice = (lines: number) =>
      ubl(`<cbc:ID>F-${lines}</cbc:ID>${Array.from({ length: lines }, (_, i) => line(i + 1)).join('')}`);
    /** The fastest of three reads: the machine is shared, and the other runs only add noise. */
    const fastest = (xml: string): number => {
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        expect(read(xml).doc.lines.length).toBeGreaterThan(0);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const small = fastest(invoice(200));
    const large = fastest(invoice(2000));
    // Ten times the lines, about ten times the time (a reader quadratic in its lines: a hundred);
    // about 80 ms for 2 000 lines on an idle core, a few milliseconds for a few hundred.
    expect(large / Math.max(small, 1)).toBeLessThan(40);
    expect(large).toBeLessThan(5000);
  });
});
