/**
 * The bench's --profile summary (issue 19, "where the time goes"): a V8 .cpuprofile summed by
 * billcheck's source folders, rule files and packages. The profile below is written by hand in
 * the format `node --cpu-prof` writes (nodes with call frames and children, sample ids, time
 * deltas in microseconds), so that each sample's group is known.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark is plain JavaScript without types
import { formatSummary, groupOfUrl, summarizeProfile } from '../../bench/profile.js';

const ROOT = '/repo';
const url = (path: string) => `file://${ROOT}/${path}`;

interface Frame {
  id: number;
  functionName: string;
  url: string;
  children?: number[];
}

const frames: Frame[] = [
  { id: 1, functionName: '(root)', url: '', children: [2, 3, 4, 5, 6, 7, 8, 9, 11] },
  { id: 2, functionName: '(garbage collector)', url: '' },
  { id: 3, functionName: 'parse', url: url('node_modules/csv-parse/lib/index.js') },
  { id: 4, functionName: 'feed', url: url('dist/parse/csv/records.js') },
  { id: 5, functionName: 'check', url: url('dist/rules/amount-spike.js'), children: [10] },
  { id: 6, functionName: 'runningMedian', url: url('dist/rules/support/ledger.js') },
  { id: 7, functionName: 'readableAddChunk', url: 'node:internal/streams/readable' },
  { id: 8, functionName: 'post', url: url('dist/check/parallel/pool.js') },
  { id: 9, functionName: 'parseAmount', url: url('dist/parse/values/amounts.js') },
  // A regular expression V8 runs natively: no script of its own, so its caller's time.
  { id: 10, functionName: 'RegExp: ^\\d+$', url: '' },
  { id: 11, functionName: '(program)', url: '' },
];

/** Sample ids and, for each, how long until the next sample (µs). */
const timeline: [number, number][] = [
  [3, 4000],
  [3, 2000],
  [4, 3000],
  [5, 1000],
  [10, 500],
  [6, 1500],
  [2, 2500],
  [7, 700],
  [8, 300],
  [9, 1200],
  [11, 100],
];

function profile() {
  return {
    nodes: frames.map((frame) => ({
      id: frame.id,
      callFrame: { functionName: frame.functionName, url: frame.url, scriptId: 0, lineNumber: 9, columnNumber: 0 },
      hitCount: 0,
      children: frame.children ?? [],
    })),
    startTime: 0,
    endTime: 20_000,
    samples: timeline.map(([id]) => id),
    // timeDeltas[i] is the time before sample i: the time of sample i is the delta after it.
    timeDeltas: [0, ...timeline.map(([, micros]) => micros)].slice(0, timeline.length),
  };
}

describe('groupOfUrl', () => {
  it('names build folders, rule files, packages and node internals', () => {
    expect(groupOfUrl(url('dist/parse/csv/records.js'), ROOT)).toBe('parse/csv');
    expect(groupOfUrl(url('dist/parse/values/dates.js'), ROOT)).toBe('parse/values');
    expect(groupOfUrl(url('dist/engine/engine.js'), ROOT)).toBe('engine');
    expect(groupOfUrl(url('dist/rules/blank-invoice.js'), ROOT)).toBe('rules/blank-invoice');
    expect(groupOfUrl(url('dist/rules/index.js'), ROOT)).toBe('rules');
    expect(groupOfUrl(url('dist/rules/support/ledger.js'), ROOT)).toBe('rules/support');
    expect(groupOfUrl(url('dist/check/parallel/worker.js'), ROOT)).toBe('check/parallel');
    expect(groupOfUrl(url('dist/index.js'), ROOT)).toBe('dist (top level)');
    expect(groupOfUrl(url('node_modules/csv-parse/lib/api/index.js'), ROOT)).toBe('csv-parse');
    expect(groupOfUrl(url('node_modules/@scope/tool/x.js'), ROOT)).toBe('@scope/tool');
    expect(groupOfUrl(url('bin/billcheck.js'), ROOT)).toBe('cli');
    expect(groupOfUrl('node:internal/fs/streams', ROOT)).toBe('node internals');
  });
});

describe('summarizeProfile', () => {
  it('sums self time by group, a native call in its caller', () => {
    const summary = summarizeProfile(profile(), ROOT);
    const ms = Object.fromEntries(summary.groups.map((group: { name: string; ms: number }) => [group.name, group.ms]));
    expect(ms).toEqual({
      'csv-parse': 6,
      'parse/csv': 3,
      'garbage collection': 2.5,
      // 1 ms in the rule's own code and 0.5 ms in the RegExp it runs.
      'rules/amount-spike': 1.5,
      'rules/support': 1.5,
      'parse/values': 1.2,
      'node internals': 0.7,
      'check/parallel': 0.3,
      // The last sample has no delta after it: it counts for nothing.
      'V8 (compiling, runtime)': 0,
    });
    expect(summary.totalMs).toBeCloseTo(16.7, 10);
    expect(summary.groups[0]).toEqual({ name: 'csv-parse', ms: 6 });
    expect(summary.functions[0]).toEqual({ name: 'parse  csv-parse index.js:10', ms: 6 });
  });

  it('prints each group with its share, then the busiest functions', () => {
    const text = formatSummary(summarizeProfile(profile(), ROOT), { topFunctions: 2 });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('self time by group, 17 ms sampled');
    expect(lines[1]).toMatch(/^ {2}csv-parse +6 ms +35\.9 %$/);
    expect(lines).toContain('busiest 2 functions (self time)');
    expect(lines.at(-1)).toMatch(/^ +3 ms +18\.0 % {2}feed {2}parse\/csv records\.js:10$/);
  });
});
