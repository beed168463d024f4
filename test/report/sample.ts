/**
 * A small but realistic check result for the reporter tests: a French operator export with an
 * unreadable row, the 0,01 € "mise en demeure" on a blank invoice and a 149 000 € spike, an
 * English export with a mismatching total, and a file that could not be opened.
 */
import type { AmountStyle } from '../../src/model/document.js';
import type { EvidenceValue, Finding } from '../../src/model/finding.js';
import type { CheckResult } from '../../src/report/result.js';

export const FRENCH_STYLE: AmountStyle = {
  decimalSeparator: ',',
  groupSeparator: ' ',
  currencySymbol: '€',
  symbolBefore: false,
};

/** Evidence objects are null-prototype, as the engine builds them. */
export function evidence(entries: Record<string, EvidenceValue>): Record<string, EvidenceValue> {
  return Object.assign(Object.create(null) as Record<string, EvidenceValue>, entries);
}

export const unreadableRow: Finding = {
  ruleId: 'invalid-input',
  severity: 'error',
  message: 'the amount cannot be read (column "Montant TTC": "12,3,4")',
  file: 'invoices.csv',
  line: 7,
  evidence: evidence({ reason: 'the amount cannot be read', column: 'Montant TTC', value: '12,3,4' }),
};

export const dunningForBlank: Finding = {
  ruleId: 'dunning-for-blank-invoice',
  severity: 'error',
  message: 'The dunning letter claims invoice F-2024-002, which is blank.',
  file: 'invoices.csv',
  line: 29,
  account: '0612345001',
  documentId: 'MED-2024-031',
  documentKind: 'dunning',
  date: '2024-03-10',
  amount: '0.01',
  currency: 'EUR',
  evidence: evidence({ invoices: ['F-2024-002'] }),
};

export const trivialDunning: Finding = {
  ruleId: 'dunning-trivial-amount',
  severity: 'error',
  message: 'A dunning letter demands 0,01 €, less than 1,00 €.',
  file: 'invoices.csv',
  line: 29,
  account: '0612345001',
  documentId: 'MED-2024-031',
  documentKind: 'dunning',
  date: '2024-03-10',
  amount: '0.01',
  currency: 'EUR',
  evidence: evidence({ amount: '0.01', minAmount: '1.00' }),
};

export const spike: Finding = {
  ruleId: 'amount-spike',
  severity: 'warning',
  message: '149 000,00 € is 3 104× the median of the 11 earlier bills, 48,00 €.',
  file: 'invoices.csv',
  line: 31,
  account: '0698765432',
  documentId: 'FA-2024-0311',
  documentKind: 'invoice',
  date: '2024-03-05',
  amount: '149000.00',
  currency: 'EUR',
  evidence: evidence({ median: '48.00', ratio: 3104, earlierBills: 11 }),
};

export const totalMismatch: Finding = {
  ruleId: 'total-mismatch',
  severity: 'info',
  message: 'Net 49.98 + tax 9.99 = 59.97, but the total is 59.98.',
  file: 'export-en.csv',
  line: 4,
  account: 'ACC-77',
  documentId: 'INV-1042',
  documentKind: 'invoice',
  date: '2024-02-01',
  amount: '59.98',
  currency: 'EUR',
  evidence: evidence({ net: '49.98', tax: '9.99', total: '59.98', difference: '0.01' }),
};

export const sampleResult: CheckResult = {
  findings: [unreadableRow, dunningForBlank, trivialDunning, spike, totalMismatch],
  summary: { files: 2, documents: 31, rows: 33, accounts: 3, errors: 3, warnings: 1, infos: 1 },
  fatal: [{ file: 'missing.csv', message: 'cannot open the file (ENOENT)' }],
  valid: false,
};

export const cleanResult: CheckResult = {
  findings: [],
  summary: { files: 1, documents: 12, rows: 12, accounts: 1, errors: 0, warnings: 0, infos: 0 },
  fatal: [],
  valid: true,
};

/** Characters a hostile input may carry to take over a terminal or disguise text. */
export const HOSTILE = {
  account: '\u001b[2J\u001b[H0612345001',
  documentId: '\u202eF-2024-001\u202c',
  file: 'evil\u0007.csv',
  message: 'Total \u001b]0;pwned\u0007 is \u009b31m 0,00 €\u0000\u007f\u2066x\u2069',
};

/** Any character printable() must never let through (a report line break aside). */
export const RAW_UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
