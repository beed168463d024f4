/** Runs billcheck in-process (main) or as the built bin, capturing its streams and exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/billcheck.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  stdin?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdoutIsTTY?: boolean;
}

function collector(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** main(argv, io) with in-memory streams; stdin is empty and not a terminal unless given. */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = collector(options.stdoutIsTTY ?? false);
  const stderr = collector(false);
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & {
    isTTY?: boolean;
  };
  const code = await main(args, {
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The built bin as a user runs it (needs `npm run build`, which `npm test` does first). */
export function runBin(args: string[], options: CliRunOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.stdin,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
