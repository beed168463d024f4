import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderNdjsonFinding, renderNdjsonSummary } from '../../src/report/ndjson.js';
import type { CheckResult } from '../../src/report/result.js';
import {
  HOSTILE,
  RAW_UNSAFE,
  cleanResult,
  evidence,
  sampleResult,
  spike,
  trivialDunning,
  unreadableRow,
} from './sample.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema, 'report.schema.json');
const validateReport = ajv.getSchema('report.schema.json')!;
const validateFinding = ajv.getSchema('report.schema.json#/$defs/finding')!;
const validateNdjsonSummary = ajv.getSchema('report.schema.json#/$defs/ndjsonSummary')!;

type Json = Record<string, unknown>;

function parse(result: CheckResult): Json {
  return JSON.parse(renderJson(result)) as Json;
}

describe('renderJson', () => {
  it('writes the documented report for the sample result', () => {
    const report = parse(sampleResult);
    // `files` only when a reader said how it read a file (every CSV file does; this sample has none).
    expect(Object.keys(report)).toEqual(['version', 'valid', 'summary', 'findings', 'fatal']);
    expect(report).not.toHaveProperty('files');
    expect(report.version).toBe(1);
    expect(report.valid).toBe(false);
    // `accounts` is for the text summary only: JSON has exactly these six counts, in this order.
    expect(report.summary).toEqual({ files: 2, documents: 31, rows: 33, errors: 3, warnings: 1, infos: 1 });
    expect(Object.keys(report.summary as Json)).toEqual(['files', 'documents', 'rows', 'errors', 'warnings', 'infos']);
    expect(report.fatal).toEqual([{ file: 'missing.csv', message: 'cannot open the file (ENOENT)' }]);
    const findings = report.findings as Json[];
    expect(findings.map((f) => f.ruleId)).toEqual([
      'invalid-input',
      'dunning-for-blank-invoice',
      'dunning-trivial-amount',
      'amount-spike',
      'total-mismatch',
    ]);
  });

  it('writes finding keys in the documented order, amounts as strings', () => {
    const finding = (parse(sampleResult).findings as Json[])[2]!;
    expect(Object.keys(finding)).toEqual([
      'ruleId',
      'severity',
      'message',
      'file',
      'line',
      'account',
      'documentId',
      'documentKind',
      'date',
      'amount',
      'currency',
      'evidence',
    ]);
    expect(finding).toMatchObject({
      line: 29,
      amount: '0.01',
      date: '2024-03-10',
      evidence: { amount: '0.01', minAmount: '1.00' },
    });
  });

  it('omits absent optional fields instead of writing null', () => {
    const finding = (parse(sampleResult).findings as Json[])[0]!;
    expect(Object.keys(finding)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'evidence']);
    expect(renderJson(sampleResult)).not.toContain('null');
  });

  it('always writes fatal, as an empty array when every file was checked', () => {
    const report = parse(cleanResult);
    expect(report.fatal).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const text = renderJson(cleanResult);
    expect(text.startsWith('{\n  "version": 1,\n  "valid": true,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('escapes control characters and bidi overrides, and reads back to the input text', () => {
    const hostile = { ...trivialDunning, ...HOSTILE, message: `${HOSTILE.message}\u2028\u2029` };
    const text = renderJson({ ...sampleResult, findings: [hostile] });
    expect(text).not.toMatch(RAW_UNSAFE);
    const finding = (JSON.parse(text) as { findings: Json[] }).findings[0]!;
    expect(finding.message).toBe(hostile.message);
    expect(finding.account).toBe(HOSTILE.account);
    expect(finding.documentId).toBe(HOSTILE.documentId);
    expect(finding.file).toBe(HOSTILE.file);
  });
});

describe('schema/report.schema.json', () => {
  it('accepts what renderJson writes', () => {
    for (const result of [sampleResult, cleanResult]) {
      expect(validateReport(parse(result)), JSON.stringify(validateReport.errors)).toBe(true);
    }
  });

  it('accepts a sub-cent or negative amount and a finding from the command line (line 0)', () => {
    const odd = [
      { ...spike, amount: '-12.00' },
      { ...spike, amount: '0.001' },
      { ...unreadableRow, file: '(command line)', line: 0 },
    ];
    expect(validateReport(parse({ ...sampleResult, findings: odd })), JSON.stringify(validateReport.errors)).toBe(true);
  });

  const broken: Array<[string, (report: Json) => void]> = [
    ['a missing fatal', (r) => delete r.fatal],
    ['another version', (r) => (r.version = 2)],
    ['an unknown top-level key', (r) => (r.extra = true)],
    ['the summary with accounts', (r) => ((r.summary as Json).accounts = 3)],
    ['a negative count', (r) => ((r.summary as Json).rows = -1)],
    ['valid despite errors', (r) => (r.valid = true)],
    ['a severity outside the enum', (r) => ((r.findings as Json[])[1]!.severity = 'fatal')],
    ['an amount written the French way', (r) => ((r.findings as Json[])[1]!.amount = '0,01')],
    ['an amount as a number', (r) => ((r.findings as Json[])[1]!.amount = 0.01)],
    ['a date that is not ISO', (r) => ((r.findings as Json[])[1]!.date = '10/03/2024')],
    ['an unknown document kind', (r) => ((r.findings as Json[])[1]!.documentKind = 'letter')],
    ['an optional field as null', (r) => ((r.findings as Json[])[1]!.account = null)],
    ['a finding without a line', (r) => delete (r.findings as Json[])[1]!.line],
    ['evidence holding an object', (r) => ((r.findings as Json[])[1]!.evidence = { nested: { a: 1 } })],
    ['a fatal problem without a message', (r) => ((r.fatal as Json[])[0] = { file: 'x.csv' })],
  ];
  it.each(broken)('rejects a report with %s', (_name, breakIt) => {
    const report = parse(sampleResult);
    expect(validateReport(report)).toBe(true);
    breakIt(report);
    expect(validateReport(report)).toBe(false);
  });

  it('rejects valid: true when a file could not be checked, even without findings', () => {
    const report = parse({
      ...cleanResult,
      valid: false,
      fatal: [{ file: 'a.csv', message: 'not a CSV or text file' }],
    });
    expect(validateReport(report)).toBe(true);
    report.valid = true;
    expect(validateReport(report)).toBe(false);
  });

  it('describes NDJSON lines: findings, then the summary', () => {
    for (const finding of sampleResult.findings) {
      const line = JSON.parse(renderNdjsonFinding(finding)) as Json;
      expect(validateFinding(line), JSON.stringify(validateFinding.errors)).toBe(true);
    }
    const summary = JSON.parse(renderNdjsonSummary(sampleResult)) as Json;
    expect(validateNdjsonSummary(summary), JSON.stringify(validateNdjsonSummary.errors)).toBe(true);
    expect(validateFinding(summary)).toBe(false);
    expect(validateNdjsonSummary({ ...summary, type: 'finding' })).toBe(false);
    expect(validateFinding({ ...trivialDunning, evidence: evidence({ invoices: ['F-1', 'F-2'] }) })).toBe(true);
  });
});
