// Sums a V8 .cpuprofile (`node --cpu-prof`) by where the code lives: a folder of billcheck's
// build (parse/csv, parse/values, engine, check/parallel…), each rule file, each package
// (csv-parse, decimal.js, iconv-lite), node internals, garbage collection.
//   node bench/profile.js FILE.cpuprofile   prints the summary of one profile
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** V8's own entries, which have no script: they are not code of any folder. */
const V8_ENTRIES = new Map([
  ['(garbage collector)', 'garbage collection'],
  ['(program)', 'V8 (compiling, runtime)'],
  ['(idle)', 'idle (waiting for I/O)'],
]);

/**
 * The group of one script URL, relative to the project's root. Rules are listed file by file;
 * the rest of the build by folder.
 */
export function groupOfUrl(url, root) {
  if (url.startsWith('node:')) return 'node internals';
  if (!url.startsWith('file:')) return 'other scripts';
  const path = relative(root, fileURLToPath(url)).split(sep).join('/');
  const modules = path.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules !== null) return modules[1];
  if (path.startsWith('bench/')) return 'bench harness';
  if (path.startsWith('bin/')) return 'cli';
  const built = path.match(/^dist\/(.+)$/);
  if (built === null) return 'other scripts';
  const parts = built[1].split('/');
  if (parts[0] === 'rules' && parts.length === 2 && parts[1] !== 'index.js')
    return `rules/${parts[1].replace(/\.js$/, '')}`;
  return parts.length === 1 ? 'dist (top level)' : parts.slice(0, -1).join('/');
}

/**
 * Self time by group and by function, in milliseconds. A sample's time is the delta to the next
 * sample. Native code without a script (a RegExp, utf8Slice) counts for the group of the
 * nearest caller that has one: the parse/values regular expressions are parse/values' time.
 */
export function summarizeProfile(profile, root) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const groupOfNode = new Map();
  const groupOf = (id) => {
    if (groupOfNode.has(id)) return groupOfNode.get(id);
    const { functionName, url } = byId.get(id).callFrame;
    let group;
    if (url !== '') group = groupOfUrl(url, root);
    else if (V8_ENTRIES.has(functionName)) group = V8_ENTRIES.get(functionName);
    else if (parentOf.has(id) && functionName !== '(root)') group = groupOf(parentOf.get(id));
    else group = 'V8 (compiling, runtime)';
    groupOfNode.set(id, group);
    return group;
  };
  const groups = new Map();
  const functions = new Map();
  let totalMs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const id = samples[i];
    const group = groupOf(id);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = url === '' ? group : `${groupOfUrl(url, root)} ${url.split('/').at(-1)}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'}  ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    totalMs += ms;
  }
  const sorted = (map) =>
    [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms || (a.name < b.name ? -1 : 1));
  return { totalMs, groups: sorted(groups), functions: sorted(functions) };
}

/** The summary as a plain table: each group's self time and share, then the busiest functions. */
export function formatSummary(summary, { topFunctions = 15 } = {}) {
  const share = (ms) => (summary.totalMs === 0 ? 0 : (100 * ms) / summary.totalMs);
  const width = Math.max(5, ...summary.groups.map((group) => group.name.length));
  const lines = [`self time by group, ${Math.round(summary.totalMs)} ms sampled`];
  for (const group of summary.groups) {
    lines.push(
      `  ${group.name.padEnd(width)}  ${String(Math.round(group.ms)).padStart(7)} ms  ${share(group.ms).toFixed(1).padStart(5)} %`,
    );
  }
  lines.push('', `busiest ${Math.min(topFunctions, summary.functions.length)} functions (self time)`);
  for (const fn of summary.functions.slice(0, topFunctions)) {
    lines.push(`  ${String(Math.round(fn.ms)).padStart(7)} ms  ${share(fn.ms).toFixed(1).padStart(5)} %  ${fn.name}`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: node bench/profile.js FILE.cpuprofile\n');
    process.exitCode = 2;
  } else {
    const root = fileURLToPath(new URL('..', import.meta.url));
    process.stdout.write(formatSummary(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), root)));
  }
}
