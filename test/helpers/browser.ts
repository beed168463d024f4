/**
 * Debian's Chromium driven by playwright-core, for the tests of the HTML report. Never a
 * downloaded browser: the executable is the system's, and the tests skip without it (with a
 * message), except under CI, where a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.BILLCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const UNDER_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/** No network, no update checks, no first-run pages: the page under test is the only thing loaded. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** playwright-core gives every launch a fresh profile (a new temporary --user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

if (!HAS_CHROMIUM && !UNDER_CI) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
}
