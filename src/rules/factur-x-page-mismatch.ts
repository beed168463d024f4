import { defineRule } from '../engine/rule.js';
import type { BillingDocument } from '../model/document.js';

/** Invoice numbers as people print them: case, spaces and dashes aside ("FA 2024-001" = "fa2024001"). */
const comparableId = (id: string): string => id.replace(/[\s\-_./]/g, '').toUpperCase();

/**
 * A Factur-X or ZUGFeRD PDF is two invoices in one file: the XML that accounting software books
 * and the page that a person reads and approves. When they differ, the buyer approves one amount
 * and pays, or books, another.
 */
export default defineRule({
  id: 'factur-x-page-mismatch',
  scope: 'document',
  severity: 'error',
  description:
    'The XML of a Factur-X / ZUGFeRD PDF and its printed page disagree on the number, the date, the total or the amount due.',
  docs: {
    why: 'In a Factur-X PDF the embedded XML is the invoice that software reads, books and pays, while a person reads and approves the page. The EN 16931 validators check the XML alone, so an invoice whose page says one total and whose XML another passes them: the buyer approves one amount and pays another.',
    whatToDo:
      'Do not pay before the seller confirms which version is right; ask for a new Factur-X whose page and XML agree.',
    basis:
      'Factur-X 1.0 / ZUGFeRD 2 specification: the PDF/A-3 visual representation and the XML must carry the same invoice. In France the invoice is the structured data of the e-invoicing reform (CGI article 289 bis).',
  },
  messages: {
    idMismatch: 'The XML gives invoice number {{xml}}, the page {{page}}.',
    issueDateMismatch: 'The XML gives issue date {{xml}}, the page {{page}}.',
    totalMismatch: 'The XML gives a total with VAT of {{xml}}, the page {{page}}.',
    amountDueMismatch: 'The XML gives an amount due of {{xml}}, the page {{page}}.',
  },
  options: {},
  checkDocument(doc: BillingDocument, ctx) {
    const page = doc.pageFacts;
    if (page === undefined) return;
    if (doc.id !== undefined && page.id !== undefined && comparableId(doc.id) !== comparableId(page.id)) {
      ctx.report({ messageId: 'idMismatch', data: { xml: doc.id, page: page.id, field: 'id' }, document: doc });
    }
    if (doc.issueDate !== undefined && page.issueDate !== undefined && doc.issueDate !== page.issueDate) {
      ctx.report({
        messageId: 'issueDateMismatch',
        data: { xml: doc.issueDate, page: page.issueDate, field: 'issueDate' },
        document: doc,
      });
    }
    if (doc.total !== undefined && page.total !== undefined && !doc.total.eq(page.total)) {
      ctx.report({
        messageId: 'totalMismatch',
        data: { xml: doc.total, page: page.total, field: 'total' },
        document: doc,
      });
    }
    if (doc.amountDue !== undefined && page.amountDue !== undefined && !doc.amountDue.eq(page.amountDue)) {
      ctx.report({
        messageId: 'amountDueMismatch',
        data: { xml: doc.amountDue, page: page.amountDue, field: 'amountDue' },
        document: doc,
      });
    }
  },
});
