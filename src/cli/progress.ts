import type { Writable } from 'node:stream';

import { formatCount } from '../i18n/format.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
/** Progress for long runs, on stderr only: never mixed with a report on stdout. */
export interface Progress {
  tick(rows: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { tick: () => {}, done: () => {} };

const REFRESH_EVERY_ROWS = 50_000;

/**
 * A spinner with the row count, shown only when stderr is a terminal, and never in CI or
 * with --quiet (the caller decides): pipes and logs stay clean. ora and its dependencies are
 * loaded only then: they took a quarter of billcheck's start-up.
 */
export async function terminalProgress(stderr: Writable, lang: Lang = DEFAULT_LANG): Promise<Progress> {
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: stderr, text: lang === 'fr' ? 'lecture…' : 'reading…', discardStdin: false });
  let started = false;
  let nextRefresh = REFRESH_EVERY_ROWS;
  return {
    tick(rows) {
      if (rows < nextRefresh) return;
      nextRefresh = rows + REFRESH_EVERY_ROWS;
      // The text first: ora draws on start, and the first count must not wait for the next frame.
      spinner.text = lang === 'fr' ? `${formatCount(rows, lang)} lignes lues` : `${formatCount(rows, lang)} rows read`;
      if (!started) {
        spinner.start();
        started = true;
      }
    },
    done() {
      if (started) spinner.stop();
    },
  };
}
