/**
 * UBL 2.1 Invoice and CreditNote → EN 16931 business terms, following the UBL syntax binding
 * of EN 16931-3-2 (the paths below are that table's, from the invoice root).
 */
import type { AllowanceCharge, DocumentLine, Party, VatBreakdown } from '../../model/document.js';
import { Money } from '../../model/money.js';
import type { EInvoiceFields } from './einvoice-fields.js';
import type { FieldReader } from './field-reader.js';
import { kindFromTypeCode } from './type-codes.js';
import { all, first, textAt } from './xml-path.js';
import type { XmlElement } from './xml-tree.js';

export const UBL_INVOICE_NAMESPACE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
export const UBL_CREDIT_NOTE_NAMESPACE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';

/** The PartyTaxScheme whose scheme is VAT (BT-31, BT-48); BT-32's other schemes are not a VAT number. */
function vatId(party: XmlElement | undefined): string | undefined {
  const schemes = all(party, 'PartyTaxScheme');
  const vat = schemes.find((scheme) => textAt(scheme, 'TaxScheme', 'ID')?.toUpperCase() === 'VAT');
  return textAt(vat, 'CompanyID');
}

function party(element: XmlElement | undefined): Party {
  return {
    name: textAt(element, 'PartyLegalEntity', 'RegistrationName') ?? textAt(element, 'PartyName', 'Name'),
    vatId: vatId(element),
    country: textAt(element, 'PostalAddress', 'Country', 'IdentificationCode')?.toUpperCase(),
  };
}

function allowanceCharge(element: XmlElement, reader: FieldReader): AllowanceCharge {
  const charge = textAt(element, 'ChargeIndicator')?.toLowerCase() === 'true';
  const term = charge ? 'BT-99' : 'BT-92';
  return {
    charge,
    amount: reader.amountOf(first(element, 'Amount'), term),
    taxCategory: textAt(element, 'TaxCategory', 'ID'),
    taxRate: reader.rate(textAt(element, 'TaxCategory', 'Percent'), charge ? 'BT-103' : 'BT-96'),
    reason: textAt(element, 'AllowanceChargeReason'),
  };
}

function vatBreakdown(subtotal: XmlElement, reader: FieldReader): VatBreakdown {
  return {
    category: textAt(subtotal, 'TaxCategory', 'ID'),
    rate: reader.rate(textAt(subtotal, 'TaxCategory', 'Percent'), 'BT-119'),
    taxableAmount: reader.amountOf(first(subtotal, 'TaxableAmount'), 'BT-116'),
    taxAmount: reader.amountOf(first(subtotal, 'TaxAmount'), 'BT-117'),
  };
}

function line(element: XmlElement, reader: FieldReader): DocumentLine {
  const quantity = textAt(element, 'InvoicedQuantity') ?? textAt(element, 'CreditedQuantity');
  return {
    description: textAt(element, 'Item', 'Name') ?? textAt(element, 'Item', 'Description'),
    net: reader.amountOf(first(element, 'LineExtensionAmount'), 'BT-131'),
    quantity: reader.quantity(quantity, 'BT-129'),
    unitPrice: reader.amountOf(first(element, 'Price', 'PriceAmount'), 'BT-146'),
    taxCategory: textAt(element, 'Item', 'ClassifiedTaxCategory', 'ID'),
    taxRate: reader.rate(textAt(element, 'Item', 'ClassifiedTaxCategory', 'Percent'), 'BT-152'),
  };
}

/** Σ BT-DEX-002 of XRechnung's third-party payments; undefined when there are none (or one cannot be read). */
function thirdPartyPayments(root: XmlElement, reader: FieldReader): Money | undefined {
  const payments = all(root, 'PrepaidPayment');
  if (payments.length === 0) return undefined;
  let sum = Money.ZERO;
  for (const payment of payments) {
    const amount = reader.amountOf(first(payment, 'PaidAmount'), 'BT-DEX-002');
    if (amount === undefined) return undefined;
    sum = sum.add(amount);
  }
  return sum;
}

export function mapUbl(root: XmlElement, reader: FieldReader): EInvoiceFields {
  const isCreditNote = root.name === 'CreditNote';
  const typeCode = textAt(root, isCreditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode');
  const { kind, known } = kindFromTypeCode(typeCode, isCreditNote);
  if (!known && typeCode !== undefined)
    reader.note('BT-3', 'is a type code billcheck does not know; read as an invoice', typeCode);
  const totals = first(root, 'LegalMonetaryTotal');
  const currency = textAt(root, 'DocumentCurrencyCode') ?? first(totals, 'PayableAmount')?.attributes.get('currencyID');
  // BT-110 is the TaxTotal in the invoice currency; another may give the VAT in the accounting currency (BT-111).
  const taxTotal = reader.oneInCurrency(
    all(root, 'TaxTotal'),
    (total) => first(total, 'TaxAmount'),
    currency?.toUpperCase(),
    'BT-110',
  );
  const supplier = first(root, 'AccountingSupplierParty', 'Party');
  const customer = first(root, 'AccountingCustomerParty', 'Party');
  return {
    syntax: `UBL ${root.name}`,
    profile: textAt(root, 'CustomizationID'),
    kind,
    typeCode,
    id: textAt(root, 'ID'),
    issueDate: reader.isoDate(textAt(root, 'IssueDate'), 'BT-2'),
    dueDate: reader.isoDate(textAt(root, 'DueDate') ?? textAt(root, 'PaymentMeans', 'PaymentDueDate'), 'BT-9'),
    periodStart: reader.isoDate(textAt(root, 'InvoicePeriod', 'StartDate'), 'BT-73'),
    periodEnd: reader.isoDate(textAt(root, 'InvoicePeriod', 'EndDate'), 'BT-74'),
    currency: currency?.toUpperCase(),
    paymentMeansCode: textAt(root, 'PaymentMeans', 'PaymentMeansCode'),
    accountCandidates: [
      { term: 'BT-46', value: textAt(customer, 'PartyIdentification', 'ID') },
      { term: 'BT-47', value: textAt(customer, 'PartyLegalEntity', 'CompanyID') },
      { term: 'BT-48', value: vatId(customer) },
      { term: 'BT-10', value: textAt(root, 'BuyerReference') },
      { term: 'BT-13', value: textAt(root, 'OrderReference', 'ID') },
      {
        term: 'BT-44',
        value: textAt(customer, 'PartyLegalEntity', 'RegistrationName') ?? textAt(customer, 'PartyName', 'Name'),
      },
    ],
    references: all(root, 'BillingReference', 'InvoiceDocumentReference', 'ID')
      .map((element) => element.text)
      .filter((id) => id !== ''),
    lineNetTotal: reader.amountOf(first(totals, 'LineExtensionAmount'), 'BT-106'),
    allowanceTotal: reader.amountOf(first(totals, 'AllowanceTotalAmount'), 'BT-107'),
    chargeTotal: reader.amountOf(first(totals, 'ChargeTotalAmount'), 'BT-108'),
    net: reader.amountOf(first(totals, 'TaxExclusiveAmount'), 'BT-109'),
    tax: reader.amountOf(first(taxTotal, 'TaxAmount'), 'BT-110'),
    total: reader.amountOf(first(totals, 'TaxInclusiveAmount'), 'BT-112'),
    paidAmount: reader.amountOf(first(totals, 'PrepaidAmount'), 'BT-113'),
    amountDueRounding: reader.amountOf(first(totals, 'PayableRoundingAmount'), 'BT-114'),
    amountDue: reader.amountOf(first(totals, 'PayableAmount'), 'BT-115'),
    // Only XRechnung's extension uses PrepaidPayment (BG-DEX-09); EN 16931's paid amount is BT-113.
    thirdPartyPaymentTotal: thirdPartyPayments(root, reader),
    allowanceCharges: all(root, 'AllowanceCharge').map((element) => allowanceCharge(element, reader)),
    vatBreakdown: all(taxTotal, 'TaxSubtotal').map((subtotal) => vatBreakdown(subtotal, reader)),
    lines: [...all(root, 'InvoiceLine'), ...all(root, 'CreditNoteLine')].map((element) => line(element, reader)),
    seller: party(supplier),
    buyer: party(customer),
  };
}
