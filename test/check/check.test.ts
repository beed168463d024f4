/** The programmatic API: check(inputs, options) as a library user calls it, without the CLI. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { check, resolveInputs } from '../../src/index.js';
import { defaultCheckOptions } from '../helpers/options.js';

const OPTIONS = defaultCheckOptions('2025-01-01');

const noStdin = Readable.from([]);

describe('check()', () => {
  it('returns the seed stories as findings, sorted, with the counts of what it read', async () => {
    const inputs = await resolveInputs(['fixtures/seed-cases.csv'], noStdin);
    const { result } = await check(inputs, OPTIONS);
    const flagged = result.findings.map((finding) => `${finding.ruleId} ${finding.documentId ?? ''}`);
    expect(flagged).toContain('dunning-trivial-amount MED-2024-031');
    expect(flagged).toContain('amount-ceiling FAC-A3-202401');
    expect(result.summary.files).toBe(1);
    expect(result.fatal).toEqual([]);
    expect(result.valid).toBe(false);
    const lines = result.findings.map((finding) => finding.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('hands findings to onFindings as they are made and fatal files to onFatal, and keeps going', async () => {
    const inputs = await resolveInputs(['fixtures/does-not-exist.csv', 'fixtures/seed-cases.csv'], noStdin);
    const streamed: string[] = [];
    const fatal: string[] = [];
    const { result } = await check(inputs, OPTIONS, {
      onFindings: async (batch) => {
        for (const finding of batch) streamed.push(finding.ruleId);
      },
      onFatal: (problem) => fatal.push(problem.file),
    });
    expect(fatal).toEqual(['fixtures/does-not-exist.csv']);
    expect(result.fatal.map((problem) => problem.file)).toEqual(['fixtures/does-not-exist.csv']);
    expect(streamed.sort()).toEqual(result.findings.map((finding) => finding.ruleId).sort());
    expect(result.summary.files).toBe(1);
  });

  it('with quiet, keeps errors only', async () => {
    const inputs = await resolveInputs(['fixtures/seed-cases.csv'], noStdin);
    const { result } = await check(inputs, { ...OPTIONS, quiet: true });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((finding) => finding.severity === 'error')).toBe(true);
    expect(result.summary.warnings).toBe(0);
  });
});
