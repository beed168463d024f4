#!/usr/bin/env node
// Thin wrapper: all behaviour lives in main(), which returns the exit code.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (public API; absent on Node 20): every run of a
// short-lived command otherwise compiles its few hundred modules again.
module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
