/**
 * Factur-X and ZUGFeRD invoices are PDF/A-3 files carrying the invoice as CII XML under a name
 * the standards fix (Factur-X 1.0 §6.2: "factur-x.xml"; ZUGFeRD 1.0 "ZUGFeRD-invoice.xml", 2.0
 * "zugferd-invoice.xml"; XRechnung in a PDF: "xrechnung.xml"). Reading the XML is the e-invoice
 * reader's work; here the attachment is recognized, named and handed over as bytes.
 */
import type { PdfAttachment } from './pdf-content.js';

export type EmbeddedInvoiceStandard = 'Factur-X' | 'ZUGFeRD' | 'XRechnung';

const STANDARD_BY_NAME: ReadonlyMap<string, EmbeddedInvoiceStandard> = new Map([
  ['factur-x.xml', 'Factur-X'],
  ['zugferd-invoice.xml', 'ZUGFeRD'],
  ['xrechnung.xml', 'XRechnung'],
]);

export interface EmbeddedInvoice {
  /** The attachment's file name as the PDF gives it. */
  readonly name: string;
  readonly standard: EmbeddedInvoiceStandard;
  readonly bytes: Uint8Array;
}

/** The e-invoice among a PDF's attachments, by its standard name (compared without case). */
export function findEmbeddedInvoice(attachments: readonly PdfAttachment[]): EmbeddedInvoice | undefined {
  for (const attachment of attachments) {
    const standard = STANDARD_BY_NAME.get(attachment.name.trim().toLowerCase());
    if (standard !== undefined) return { name: attachment.name, standard, bytes: attachment.bytes };
  }
  return undefined;
}
