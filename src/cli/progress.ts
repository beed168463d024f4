import type { Writable } from 'node:stream';
import ora from 'ora';

/** Progress for long runs, on stderr only: never mixed with a report on stdout. */
export interface Progress {
  tick(rows: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { tick: () => {}, done: () => {} };

const REFRESH_EVERY_ROWS = 50_000;

/**
 * A spinner with the row count, shown only when stderr is a terminal, and never in CI or
 * with --quiet (the caller decides): pipes and logs stay clean.
 */
export function terminalProgress(stderr: Writable): Progress {
  const spinner = ora({ stream: stderr, text: 'reading…', discardStdin: false });
  let started = false;
  let nextRefresh = REFRESH_EVERY_ROWS;
  return {
    tick(rows) {
      if (rows < nextRefresh) return;
      nextRefresh = rows + REFRESH_EVERY_ROWS;
      if (!started) {
        spinner.start();
        started = true;
      }
      spinner.text = `${rows.toLocaleString('en-US')} rows read`;
    },
    done() {
      if (started) spinner.stop();
    },
  };
}
