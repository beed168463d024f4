import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderNdjsonFinding, renderNdjsonSummary } from '../../src/report/ndjson.js';
import { HOSTILE, RAW_UNSAFE, cleanResult, sampleResult, trivialDunning } from './sample.js';

describe('NDJSON', () => {
  it('writes each finding on one line, as the same object as in the JSON report', () => {
    const report = JSON.parse(renderJson(sampleResult)) as { findings: unknown[] };
    sampleResult.findings.forEach((finding, i) => {
      const line = renderNdjsonFinding(finding);
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      expect(JSON.parse(line)).toEqual(report.findings[i]);
    });
  });

  it('keeps a multi-line or hostile message on its one line', () => {
    const line = renderNdjsonFinding({ ...trivialDunning, message: `ligne 1\nligne 2\u2028${HOSTILE.message}` });
    expect(line.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(line).not.toMatch(RAW_UNSAFE);
  });

  it('ends with a summary line that has a type and no ruleId', () => {
    expect(renderNdjsonSummary(sampleResult)).toBe(
      '{"version":1,"type":"summary","valid":false,' +
        '"summary":{"files":2,"documents":31,"rows":33,"errors":3,"warnings":1,"infos":1},' +
        '"fatal":[{"file":"missing.csv","message":"cannot open the file (ENOENT)"}]}\n',
    );
    expect(JSON.parse(renderNdjsonSummary(cleanResult))).toMatchObject({ valid: true, fatal: [] });
  });
});
