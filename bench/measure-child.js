#!/usr/bin/env node
// Runs a Node script in this process and reports its peak RSS when the process exits:
//   node bench/measure-child.js SCRIPT [args…]
// The script sees itself as process.argv[1], as if started directly. The report,
// {"maxRssKb": N}, goes to the file descriptor named by BENCH_REPORT_FD (run.js passes
// a pipe) or else to stderr. resourceUsage().maxRSS is the peak, in kilobytes.
// A crash exits with 70 so that it cannot pass for billcheck's exit code 1 ("findings").
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CRASH_EXIT_CODE = 70;
const [script, ...args] = process.argv.slice(2);
if (script === undefined) {
  process.stderr.write('usage: node bench/measure-child.js SCRIPT [args…]\n');
  process.exit(2);
}

const reportFd = process.env.BENCH_REPORT_FD === undefined ? 2 : Number(process.env.BENCH_REPORT_FD);
process.on('exit', () => {
  writeSync(reportFd, `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
const crash = (error) => {
  process.stderr.write(`measure-child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(CRASH_EXIT_CODE);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const scriptPath = resolve(script);
process.argv = [process.argv[0], scriptPath, ...args];
try {
  await import(pathToFileURL(scriptPath).href);
} catch (error) {
  crash(error);
}
