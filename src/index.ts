/**
 * billcheck as a library. `check(inputs, options)` is what the CLI calls (ESLint's `ESLint` class is
 * the model); `resolveInputs` turns paths into inputs; the reporters turn the result into text.
 */
export { check } from './check/check.js';
export type { CheckHooks, CheckOptions, CheckOutcome } from './check/check.js';
export { resolveInputs } from './check/inputs.js';
export type { ResolvedInput } from './check/inputs.js';
export { main } from './cli/main.js';
export type { CliIo } from './cli/io.js';
export { EMPTY_CONFIG, configureRules, parseConfig } from './engine/config.js';
export type { BillcheckConfig, RuleLevel } from './engine/config.js';
export { Engine } from './engine/engine.js';
export type { ConfiguredRule, EngineOptions, KnownTermination } from './engine/engine.js';
export { defineRule } from './engine/rule.js';
export type { AccountEntry, AccountTimeline, AnyRule, Rule, RuleContext } from './engine/rule.js';
export { Money } from './model/money.js';
export type {
  AllowanceCharge,
  BillingDocument,
  DocumentKind,
  DocumentLine,
  PageFacts,
  Party,
  VatBreakdown,
} from './model/document.js';
export type { Finding, Severity } from './model/finding.js';
export type { ParseEvent } from './model/input.js';
export { fileInputSource, parseInput } from './parse/index.js';
export type { InputOptions, InputSource } from './parse/index.js';
export { parseXmlInvoice } from './parse/xml/read-xml.js';
export { RULES, findRule } from './rules/index.js';
export { OUTPUT_FORMATS, reportFormat } from './report/formats.js';
export type { OutputFormat, ReportFormat, ReportOptions } from './report/formats.js';
export { renderJson } from './report/json.js';
export { renderText } from './report/text.js';
export type { CheckResult, Summary } from './report/result.js';
