/** billcheck as a library: the CLI's main(), the parsers, the engine, the rules and the reporters. */
export { main } from './cli/main.js';
export type { CliIo } from './cli/io.js';
export { Engine } from './engine/engine.js';
export type { ConfiguredRule, EngineOptions, KnownTermination } from './engine/engine.js';
export { configureRules, parseConfig } from './engine/config.js';
export { defineRule } from './engine/rule.js';
export type { AccountEntry, AccountTimeline, AnyRule, Rule, RuleContext } from './engine/rule.js';
export { Money } from './model/money.js';
export type { AllowanceCharge, BillingDocument, DocumentKind, DocumentLine, PageFacts, Party, VatBreakdown } from './model/document.js';
export type { Finding, Severity } from './model/finding.js';
export type { ParseEvent } from './model/input.js';
export { fileInputSource, parseInput } from './parse/index.js';
export type { InputOptions, InputSource } from './parse/index.js';
export { parseXmlInvoice } from './parse/xml/read-xml.js';
export { RULES, findRule } from './rules/index.js';
export { renderJson } from './report/json.js';
export { renderText } from './report/text.js';
export type { CheckResult, Summary } from './report/result.js';
