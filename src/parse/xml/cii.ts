/**
 * UN/CEFACT CII D16B CrossIndustryInvoice (also the XML of Factur-X / ZUGFeRD 2) → EN 16931
 * business terms, following the CII syntax binding of EN 16931-3-3; ZUGFeRD 1.0, still found in
 * PDFs of 2014–2019, names the same elements otherwise.
 */
import type { AllowanceCharge, DocumentLine, Party, VatBreakdown } from '../../model/document.js';
import type { EInvoiceFields } from './einvoice-fields.js';
import type { FieldReader } from './field-reader.js';
import { kindFromTypeCode } from './type-codes.js';
import { all, first, textAt } from './xml-path.js';
import type { XmlElement } from './xml-tree.js';

export const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
/** ZUGFeRD 1.0 (2014): CII's predecessor, with other element names for the same terms. */
export const ZUGFERD1_NAMESPACE = 'urn:ferd:CrossIndustryDocument:invoice:1p0';

/** The element names that differ between CII D16B (EN 16931, Factur-X, ZUGFeRD 2) and ZUGFeRD 1.0. */
interface CiiNames {
  readonly context: string;
  readonly document: string;
  readonly transaction: string;
  readonly agreement: string;
  readonly settlement: string;
  readonly summation: string;
  readonly lineAgreement: string;
  readonly lineDelivery: string;
  readonly lineSettlement: string;
  readonly lineSummation: string;
  readonly rate: string;
}

const D16B: CiiNames = {
  context: 'ExchangedDocumentContext',
  document: 'ExchangedDocument',
  transaction: 'SupplyChainTradeTransaction',
  agreement: 'ApplicableHeaderTradeAgreement',
  settlement: 'ApplicableHeaderTradeSettlement',
  summation: 'SpecifiedTradeSettlementHeaderMonetarySummation',
  lineAgreement: 'SpecifiedLineTradeAgreement',
  lineDelivery: 'SpecifiedLineTradeDelivery',
  lineSettlement: 'SpecifiedLineTradeSettlement',
  lineSummation: 'SpecifiedTradeSettlementLineMonetarySummation',
  rate: 'RateApplicablePercent',
};

const ZUGFERD1: CiiNames = {
  context: 'SpecifiedExchangedDocumentContext',
  document: 'HeaderExchangedDocument',
  transaction: 'SpecifiedSupplyChainTradeTransaction',
  agreement: 'ApplicableSupplyChainTradeAgreement',
  settlement: 'ApplicableSupplyChainTradeSettlement',
  summation: 'SpecifiedTradeSettlementMonetarySummation',
  lineAgreement: 'SpecifiedSupplyChainTradeAgreement',
  lineDelivery: 'SpecifiedSupplyChainTradeDelivery',
  lineSettlement: 'SpecifiedSupplyChainTradeSettlement',
  lineSummation: 'SpecifiedTradeSettlementMonetarySummation',
  rate: 'ApplicablePercent',
};

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

function allowanceCharge(element: XmlElement, reader: FieldReader, names: CiiNames): AllowanceCharge {
  const charge = textAt(element, 'ChargeIndicator', 'Indicator')?.toLowerCase() === 'true';
  return {
    charge,
    amount: reader.amountOf(first(element, 'ActualAmount'), charge ? 'BT-99' : 'BT-92'),
    taxCategory: textAt(element, 'CategoryTradeTax', 'CategoryCode'),
    taxRate: reader.rate(textAt(element, 'CategoryTradeTax', names.rate), charge ? 'BT-103' : 'BT-96'),
    reason: textAt(element, 'Reason'),
  };
}

/**
 * Factur-X / ZUGFeRD EXTENDED logistics charges (freight, packing): outside EN 16931's model, but
 * counted in the charge total (BT-108) and the VAT base like any document-level charge.
 */
function logisticsCharge(element: XmlElement, reader: FieldReader, names: CiiNames): AllowanceCharge {
  return {
    charge: true,
    amount: reader.amountOf(first(element, 'AppliedAmount'), 'BT-99'),
    taxCategory: textAt(element, 'AppliedTradeTax', 'CategoryCode'),
    taxRate: reader.rate(textAt(element, 'AppliedTradeTax', names.rate), 'BT-103'),
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
    return (
      textAt(line, 'ParentLineID') === undefined &&
      textAt(line, 'LineStatusReasonCode')?.toUpperCase() !== 'INFORMATION'
    );
  });
}

function vatBreakdown(tax: XmlElement, reader: FieldReader, names: CiiNames): VatBreakdown {
  return {
    category: textAt(tax, 'CategoryCode'),
    rate: reader.rate(textAt(tax, names.rate), 'BT-119'),
    taxableAmount: reader.amountOf(first(tax, 'BasisAmount'), 'BT-116'),
    taxAmount: reader.amountOf(first(tax, 'CalculatedAmount'), 'BT-117'),
  };
}

function line(item: XmlElement, reader: FieldReader, names: CiiNames): DocumentLine {
  const settlement = first(item, names.lineSettlement);
  return {
    description: textAt(item, 'SpecifiedTradeProduct', 'Name'),
    net: reader.amountOf(first(settlement, names.lineSummation, 'LineTotalAmount'), 'BT-131'),
    quantity: reader.quantity(textAt(item, names.lineDelivery, 'BilledQuantity'), 'BT-129'),
    unitPrice: reader.amountOf(first(item, names.lineAgreement, 'NetPriceProductTradePrice', 'ChargeAmount'), 'BT-146'),
    taxCategory: textAt(settlement, 'ApplicableTradeTax', 'CategoryCode'),
    taxRate: reader.rate(textAt(settlement, 'ApplicableTradeTax', names.rate), 'BT-152'),
  };
}

/** CII D16B CrossIndustryInvoice, or ZUGFeRD 1.0 CrossIndustryDocument with its own names. */
export function mapCii(root: XmlElement, reader: FieldReader): EInvoiceFields {
  const names = root.name === 'CrossIndustryDocument' ? ZUGFERD1 : D16B;
  const document = first(root, names.document);
  const typeCode = textAt(document, 'TypeCode');
  const { kind, known } = kindFromTypeCode(typeCode, false);
  if (!known && typeCode !== undefined)
    reader.note('BT-3', 'is a type code billcheck does not know; read as an invoice', typeCode);
  const transaction = first(root, names.transaction);
  const agreement = first(transaction, names.agreement);
  const settlement = first(transaction, names.settlement);
  const summation = first(settlement, names.summation);
  const currency = textAt(settlement, 'InvoiceCurrencyCode')?.toUpperCase();
  const seller = first(agreement, 'SellerTradeParty');
  const buyer = first(agreement, 'BuyerTradeParty');
  return {
    syntax: `CII ${root.name}`,
    profile: textAt(root, names.context, 'GuidelineSpecifiedDocumentContextParameter', 'ID'),
    kind,
    typeCode,
    id: textAt(document, 'ID'),
    issueDate: reader.ciiDate(first(document, 'IssueDateTime'), 'BT-2'),
    dueDate: reader.ciiDate(first(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime'), 'BT-9'),
    periodStart: reader.ciiDate(first(settlement, 'BillingSpecifiedPeriod', 'StartDateTime'), 'BT-73'),
    periodEnd: reader.ciiDate(first(settlement, 'BillingSpecifiedPeriod', 'EndDateTime'), 'BT-74'),
    currency,
    paymentMeansCode: textAt(settlement, 'SpecifiedTradeSettlementPaymentMeans', 'TypeCode'),
    accountCandidates: [
      { term: 'BT-46', value: textAt(buyer, 'ID') ?? textAt(buyer, 'GlobalID') },
      { term: 'BT-47', value: textAt(buyer, 'SpecifiedLegalOrganization', 'ID') },
      { term: 'BT-48', value: vatId(buyer) },
      { term: 'BT-10', value: textAt(agreement, 'BuyerReference') },
      { term: 'BT-13', value: textAt(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID') },
      { term: 'BT-44', value: textAt(buyer, 'Name') },
    ],
    references: all(settlement, 'InvoiceReferencedDocument', 'IssuerAssignedID')
      .map((element) => element.text)
      .filter((id) => id !== ''),
    lineNetTotal: reader.amountOf(first(summation, 'LineTotalAmount'), 'BT-106'),
    allowanceTotal: reader.amountOf(first(summation, 'AllowanceTotalAmount'), 'BT-107'),
    chargeTotal: reader.amountOf(first(summation, 'ChargeTotalAmount'), 'BT-108'),
    net: reader.amountOf(first(summation, 'TaxBasisTotalAmount'), 'BT-109'),
    tax: reader.amountOf(
      reader.oneInCurrency(all(summation, 'TaxTotalAmount'), (amount) => amount, currency, 'BT-110'),
      'BT-110',
    ),
    total: reader.amountOf(first(summation, 'GrandTotalAmount'), 'BT-112'),
    paidAmount: reader.amountOf(first(summation, 'TotalPrepaidAmount'), 'BT-113'),
    amountDueRounding: reader.amountOf(first(summation, 'RoundingAmount'), 'BT-114'),
    amountDue: reader.amountOf(first(summation, 'DuePayableAmount'), 'BT-115'),
    allowanceCharges: [
      ...all(settlement, 'SpecifiedTradeAllowanceCharge').map((element) => allowanceCharge(element, reader, names)),
      ...all(settlement, 'SpecifiedLogisticsServiceCharge').map((element) => logisticsCharge(element, reader, names)),
    ],
    vatBreakdown: all(settlement, 'ApplicableTradeTax').map((tax) => vatBreakdown(tax, reader, names)),
    lines: billedLineItems(transaction).map((item) => line(item, reader, names)),
    seller: party(seller),
    buyer: party(buyer),
  };
}
