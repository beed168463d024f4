import type { AnyRule } from '../engine/rule.js';
import amountCeiling from './amount-ceiling.js';
import amountDueMismatch from './amount-due-mismatch.js';
import amountSpike from './amount-spike.js';
import billedAfterTermination from './billed-after-termination.js';
import blankInvoice from './blank-invoice.js';
import collectionFeeCharged from './collection-fee-charged.js';
import currencyMismatch from './currency-mismatch.js';
import dateInconsistency from './date-inconsistency.js';
import dunningAmountMismatch from './dunning-amount-mismatch.js';
import dunningBeforeDue from './dunning-before-due.js';
import dunningForBlankInvoice from './dunning-for-blank-invoice.js';
import dunningTimeBarred from './dunning-time-barred.js';
import dunningTrivialAmount from './dunning-trivial-amount.js';
import dunningWhileInCredit from './dunning-while-in-credit.js';
import duplicateInvoice from './duplicate-invoice.js';
import facturXPageMismatch from './factur-x-page-mismatch.js';
import linesTotalMismatch from './lines-total-mismatch.js';
import negativeInvoice from './negative-invoice.js';
import netTotalMismatch from './net-total-mismatch.js';
import overlappingPeriod from './overlapping-period.js';
import subCentAmount from './sub-cent-amount.js';
import totalMismatch from './total-mismatch.js';
import vatBreakdownMismatch from './vat-breakdown-mismatch.js';
import vatRateMismatch from './vat-rate-mismatch.js';

/** Every rule, sorted by id. A test checks that ids match file names and that each has a test. */
export const RULES: readonly AnyRule[] = [
  amountCeiling,
  amountDueMismatch,
  amountSpike,
  billedAfterTermination,
  blankInvoice,
  collectionFeeCharged,
  currencyMismatch,
  dateInconsistency,
  dunningAmountMismatch,
  dunningBeforeDue,
  dunningForBlankInvoice,
  dunningTimeBarred,
  dunningTrivialAmount,
  dunningWhileInCredit,
  duplicateInvoice,
  facturXPageMismatch,
  linesTotalMismatch,
  negativeInvoice,
  netTotalMismatch,
  overlappingPeriod,
  subCentAmount,
  totalMismatch,
  vatBreakdownMismatch,
  vatRateMismatch,
];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id);
}
