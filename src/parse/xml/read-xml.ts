/**
 * The XML e-invoice reader: bytes of a UBL 2.1 Invoice / CreditNote or a CII
 * CrossIndustryInvoice in, ParseEvents out (one document, and the values that could not be
 * read). The PDF reader hands it the XML attached to a Factur-X / ZUGFeRD PDF the same way.
 */
import type { BillingDocument } from '../../model/document.js';
import { FatalInputError, type ParseEvent } from '../../model/input.js';
import { CII_NAMESPACE, mapCii, ZUGFERD1_NAMESPACE } from './cii.js';
import type { AccountCandidate, EInvoiceFields } from './einvoice-fields.js';
import { FieldReader } from './field-reader.js';
import { mapUbl, UBL_CREDIT_NOTE_NAMESPACE, UBL_INVOICE_NAMESPACE } from './ubl.js';
import { readXmlTree, type XmlElement } from './xml-tree.js';

type Mapper = (root: XmlElement, reader: FieldReader) => EInvoiceFields;

/** Root element name + namespace → mapping. Anything else is XML, but not an e-invoice billcheck reads. */
const MAPPERS: ReadonlyMap<string, Mapper> = new Map([
  [`${UBL_INVOICE_NAMESPACE} Invoice`, mapUbl],
  [`${UBL_CREDIT_NOTE_NAMESPACE} CreditNote`, mapUbl],
  [`${CII_NAMESPACE} CrossIndustryInvoice`, mapCii],
  [`${ZUGFERD1_NAMESPACE} CrossIndustryDocument`, mapCii],
]);

/**
 * The account, in this order of preference: the buyer's identifier as the seller knows it
 * (BT-46, a customer number), its legal registration (BT-47) and VAT number (BT-48), which stay
 * the same from one invoice to the next; then the buyer reference (BT-10, the buyer's routing or
 * cost-centre reference) and the purchase order (BT-13), which may change per invoice; then the
 * buyer's name (BT-44). Without any of them, the file is the account, as for a text bill.
 */
function chooseAccount(candidates: readonly AccountCandidate[], file: string): string {
  return candidates.find((candidate) => candidate.value !== undefined && candidate.value !== '')?.value ?? file;
}

/** The seller's country (BT-40), else the prefix of its VAT number (BT-31; Greece writes EL). */
function sellerCountry(fields: EInvoiceFields): string | undefined {
  if (fields.seller.country !== undefined && /^[A-Z]{2}$/.test(fields.seller.country)) return fields.seller.country;
  const prefix = /^([A-Z]{2})/.exec(fields.seller.vatId?.toUpperCase() ?? '')?.[1];
  return prefix === 'EL' ? 'GR' : prefix;
}

/**
 * Factur-X MINIMUM (urn:factur-x.eu:1p0:minimum) has no paid amount (BT-113): its amount due may
 * be less than its total for a deposit it cannot state, so BR-CO-16 does not hold there.
 */
function canStatePaidAmount(profile: string | undefined): boolean {
  return profile === undefined || !/:minimum$/i.test(profile.trim());
}

/** BT-10, else BT-13: the reference the purchaser gave, when the invoice carries one. */
function purchaserReferenceOf(candidates: readonly AccountCandidate[]): string | undefined {
  const of = (term: AccountCandidate['term']): string | undefined =>
    candidates.find((candidate) => candidate.term === term && candidate.value !== undefined && candidate.value !== '')
      ?.value;
  return of('BT-10') ?? of('BT-13');
}

function toDocument(fields: EInvoiceFields, file: string): BillingDocument {
  const { syntax: _syntax, profile: _profile, accountCandidates, seller, buyer, paymentMeansCode, ...terms } = fields;
  const purchaserReference = purchaserReferenceOf(accountCandidates);
  return {
    ...terms,
    ...(purchaserReference === undefined ? {} : { purchaserReference }),
    ...(paymentMeansCode === undefined ? {} : { paymentMeansCode }),
    account: chooseAccount(accountCandidates, file),
    operator: seller.name,
    currency: fields.currency ?? 'EUR',
    country: sellerCountry(fields),
    seller,
    buyer,
    amountDueFollowsTotal: canStatePaidAmount(fields.profile),
    source: { file, line: 1, format: 'xml' },
    rows: 1,
  };
}

/** The mapping of a root element; a FatalInputError naming it when it is not an e-invoice. */
function mapperFor(root: XmlElement, file: string): Mapper {
  const mapper = MAPPERS.get(`${root.namespace} ${root.name}`);
  if (mapper !== undefined) return mapper;
  const namespace = root.namespace === '' ? 'no namespace' : `namespace ${root.namespace}`;
  throw new FatalInputError(
    file,
    `XML that is not an e-invoice: root element <${root.name}> in ${namespace} (billcheck reads UBL 2.1 Invoice and CreditNote, CII CrossIndustryInvoice and ZUGFeRD 1.0)`,
  );
}

/** The fields read from an e-invoice's XML, with the values that could not be read. */
export function readEInvoiceFields(bytes: Buffer, file: string): { fields: EInvoiceFields; reader: FieldReader } {
  const root = readXmlTree(file, bytes);
  const reader = new FieldReader(file);
  return { fields: mapperFor(root, file)(root, reader), reader };
}

/**
 * ParseEvents of one e-invoice: its document, then an invalid-input event per value that could
 * not be read. Throws FatalInputError for XML that is not safe, well-formed, or an e-invoice.
 */
export function parseXmlInvoice(bytes: Buffer, file: string): ParseEvent[] {
  const { fields, reader } = readEInvoiceFields(bytes, file);
  return [{ type: 'document', document: toDocument(fields, file) }, ...reader.problems];
}
