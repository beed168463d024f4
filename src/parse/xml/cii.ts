/**
 * UN/CEFACT CII D16B CrossIndustryInvoice (also the XML of Factur-X / ZUGFeRD) → EN 16931
 * business terms, following the CII syntax binding of EN 16931-3-3.
 */
import type { AllowanceCharge, DocumentLine, Party, VatBreakdown } from '../../model/document.js';
import type { EInvoiceFields } from './einvoice-fields.js';
import type { FieldReader } from './field-reader.js';
import { kindFromTypeCode } from './type-codes.js';
import { all, first, textAt } from './xml-path.js';
import type { XmlElement } from './xml-tree.js';

export const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

/** SpecifiedTaxRegistration with schemeID "VA" is the VAT number (BT-31, BT-48); "FC" is a tax number. */
function vatId(tradeParty: XmlElement | undefined): string | undefined {
  const registrations = all(tradeParty, 'SpecifiedTaxRegistration', 'ID');
  return registrations.find((id) => id.attributes.get('schemeID')?.toUpperCase() === 'VA')?.text || undefined;
}

function party(tradeParty: XmlElement | undefined): Party {
  return {
    name: textAt(tradeParty, 'Name'),
    vatId: vatId(tradeParty),
    country: textAt(tradeParty, 'PostalTradeAddress', 'CountryID')?.toUpperCase(),
  };
}

function allowanceCharge(element: XmlElement, reader: FieldReader): AllowanceCharge {
  const charge = textAt(element, 'ChargeIndicator', 'Indicator')?.toLowerCase() === 'true';
  return {
    charge,
    amount: reader.amountOf(first(element, 'ActualAmount'), charge ? 'BT-99' : 'BT-92'),
    taxCategory: textAt(element, 'CategoryTradeTax', 'CategoryCode'),
    taxRate: reader.rate(textAt(element, 'CategoryTradeTax', 'RateApplicablePercent'), charge ? 'BT-103' : 'BT-96'),
    reason: textAt(element, 'Reason'),
  };
}

/**
 * Factur-X / ZUGFeRD EXTENDED logistics charges (freight, packing): outside EN 16931's model, but
 * counted in the charge total (BT-108) and the VAT base like any document-level charge.
 */
function logisticsCharge(element: XmlElement, reader: FieldReader): AllowanceCharge {
  return {
    charge: true,
    amount: reader.amountOf(first(element, 'AppliedAmount'), 'BT-99'),
    taxCategory: textAt(element, 'AppliedTradeTax', 'CategoryCode'),
    taxRate: reader.rate(textAt(element, 'AppliedTradeTax', 'RateApplicablePercent'), 'BT-103'),
    reason: textAt(element, 'Description'),
  };
}

/**
 * The lines that make the invoice's sums. Factur-X / ZUGFeRD EXTENDED nests sub-lines under a
 * group line (ParentLineID), whose own amount is their sum, and adds lines for information only
 * (LineStatusReasonCode INFORMATION); counting either would count an amount twice or bill none.
 */
function billedLineItems(transaction: XmlElement | undefined): XmlElement[] {
  return all(transaction, 'IncludedSupplyChainTradeLineItem').filter((item) => {
    const line = first(item, 'AssociatedDocumentLineDocument');
    return textAt(line, 'ParentLineID') === undefined && textAt(line, 'LineStatusReasonCode')?.toUpperCase() !== 'INFORMATION';
  });
}

function vatBreakdown(tax: XmlElement, reader: FieldReader): VatBreakdown {
  return {
    category: textAt(tax, 'CategoryCode'),
    rate: reader.rate(textAt(tax, 'RateApplicablePercent'), 'BT-119'),
    taxableAmount: reader.amountOf(first(tax, 'BasisAmount'), 'BT-116'),
    taxAmount: reader.amountOf(first(tax, 'CalculatedAmount'), 'BT-117'),
  };
}

function line(item: XmlElement, reader: FieldReader): DocumentLine {
  const settlement = first(item, 'SpecifiedLineTradeSettlement');
  return {
    description: textAt(item, 'SpecifiedTradeProduct', 'Name'),
    net: reader.amountOf(first(settlement, 'SpecifiedTradeSettlementLineMonetarySummation', 'LineTotalAmount'), 'BT-131'),
    quantity: reader.quantity(textAt(item, 'SpecifiedLineTradeDelivery', 'BilledQuantity'), 'BT-129'),
    unitPrice: reader.amountOf(first(item, 'SpecifiedLineTradeAgreement', 'NetPriceProductTradePrice', 'ChargeAmount'), 'BT-146'),
    taxCategory: textAt(settlement, 'ApplicableTradeTax', 'CategoryCode'),
    taxRate: reader.rate(textAt(settlement, 'ApplicableTradeTax', 'RateApplicablePercent'), 'BT-152'),
  };
}

export function mapCii(root: XmlElement, reader: FieldReader): EInvoiceFields {
  const document = first(root, 'ExchangedDocument');
  const typeCode = textAt(document, 'TypeCode');
  const { kind, known } = kindFromTypeCode(typeCode, false);
  if (!known && typeCode !== undefined) reader.note('BT-3', 'is a type code billcheck does not know; read as an invoice', typeCode);
  const transaction = first(root, 'SupplyChainTradeTransaction');
  const agreement = first(transaction, 'ApplicableHeaderTradeAgreement');
  const settlement = first(transaction, 'ApplicableHeaderTradeSettlement');
  const summation = first(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const currency = textAt(settlement, 'InvoiceCurrencyCode')?.toUpperCase();
  const seller = first(agreement, 'SellerTradeParty');
  const buyer = first(agreement, 'BuyerTradeParty');
  return {
    syntax: 'CII CrossIndustryInvoice',
    profile: textAt(root, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID'),
    kind,
    typeCode,
    id: textAt(document, 'ID'),
    issueDate: reader.ciiDate(first(document, 'IssueDateTime'), 'BT-2'),
    dueDate: reader.ciiDate(first(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime'), 'BT-9'),
    periodStart: reader.ciiDate(first(settlement, 'BillingSpecifiedPeriod', 'StartDateTime'), 'BT-73'),
    periodEnd: reader.ciiDate(first(settlement, 'BillingSpecifiedPeriod', 'EndDateTime'), 'BT-74'),
    currency,
    accountCandidates: [
      { term: 'BT-46', value: textAt(buyer, 'ID') ?? textAt(buyer, 'GlobalID') },
      { term: 'BT-47', value: textAt(buyer, 'SpecifiedLegalOrganization', 'ID') },
      { term: 'BT-48', value: vatId(buyer) },
      { term: 'BT-10', value: textAt(agreement, 'BuyerReference') },
      { term: 'BT-13', value: textAt(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID') },
      { term: 'BT-44', value: textAt(buyer, 'Name') },
    ],
    references: all(settlement, 'InvoiceReferencedDocument', 'IssuerAssignedID').map((element) => element.text).filter((id) => id !== ''),
    lineNetTotal: reader.amountOf(first(summation, 'LineTotalAmount'), 'BT-106'),
    allowanceTotal: reader.amountOf(first(summation, 'AllowanceTotalAmount'), 'BT-107'),
    chargeTotal: reader.amountOf(first(summation, 'ChargeTotalAmount'), 'BT-108'),
    net: reader.amountOf(first(summation, 'TaxBasisTotalAmount'), 'BT-109'),
    tax: reader.amountOf(reader.oneInCurrency(all(summation, 'TaxTotalAmount'), (amount) => amount, currency, 'BT-110'), 'BT-110'),
    total: reader.amountOf(first(summation, 'GrandTotalAmount'), 'BT-112'),
    paidAmount: reader.amountOf(first(summation, 'TotalPrepaidAmount'), 'BT-113'),
    amountDueRounding: reader.amountOf(first(summation, 'RoundingAmount'), 'BT-114'),
    amountDue: reader.amountOf(first(summation, 'DuePayableAmount'), 'BT-115'),
    allowanceCharges: [
      ...all(settlement, 'SpecifiedTradeAllowanceCharge').map((element) => allowanceCharge(element, reader)),
      ...all(settlement, 'SpecifiedLogisticsServiceCharge').map((element) => logisticsCharge(element, reader)),
    ],
    vatBreakdown: all(settlement, 'ApplicableTradeTax').map((tax) => vatBreakdown(tax, reader)),
    lines: billedLineItems(transaction).map((item) => line(item, reader)),
    seller: party(seller),
    buyer: party(buyer),
  };
}
