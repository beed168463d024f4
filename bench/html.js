#!/usr/bin/env node
/* global requestAnimationFrame, performance -- evaluated in the page, where they exist */
// The HTML report at scale: 10 000 findings over 5 000 accounts.
//   npm run build && node bench/html.js [--accounts 5000] [--opens 3] [--out DIR]
// Writes a deterministic export (12 months of bills per account, then a 149 000 € bill:
// amount-spike and amount-ceiling, two findings per account; every third account also has a
// credit note and a payment), runs `billcheck FILE --format html -o report.html`, and prints the
// report's size and how long Debian's Chromium takes to open it (the median of a few fresh
// pages). It prints; it asserts nothing but the number of findings and the size limit.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/billcheck.js');
const CHROMIUM = process.env.BILLCHECK_CHROMIUM ?? '/usr/bin/chromium';
const SIZE_LIMIT = 5 * 1024 * 1024;
const OPEN_TARGET_MS = 2000;

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '5000' },
    opens: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench/data') },
  },
});
const accounts = Number(values.accounts);
const opens = Number(values.opens);

const HEADER =
  'N° de facture;Type;N° client;Date de facture;Échéance;Début de période;Fin de période;Libellé;Montant HT;TVA;Montant TTC;Référence';

/** Cents as a French export writes them: 14900000 → "149 000,00". */
function euros(cents) {
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole},${String(cents % 100).padStart(2, '0')}`;
}

const date = (year, month, day) => `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;

/** Net and tax of a 20 % VAT bill whose total is `cents`, rounded as operators do (tax = total − net). */
function split(cents) {
  const net = Math.round(cents / 1.2);
  return [net, cents - net];
}

async function writeExport(file) {
  const out = createWriteStream(file);
  const write = async (line) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(HEADER);
  for (let a = 0; a < accounts; a++) {
    const account = `06${String(10_000_000 + a).slice(-8)}`;
    const base = 1999 + (a % 40) * 100;
    for (let m = 0; m < 13; m++) {
      const year = 2023 + Math.floor(m / 12);
      const month = (m % 12) + 1;
      // Seasonal noise of a few euros, deterministic; the thirteenth bill is the 149 000 € one.
      const total = m === 12 ? 14_900_000 : base + ((a * 7 + m * 13) % 9) * 50;
      const [net, tax] = split(total);
      const id = `FAC-${account}-${year}${String(month).padStart(2, '0')}`;
      await write(
        `${id};Facture;${account};${date(year, month, 5)};${date(year, month, 20)};${date(year, month, 1)};${date(year, month, 28)};Forfait mobile;${euros(net)};${euros(tax)};${euros(total)};`,
      );
      if (a % 3 === 0 && m === 5) {
        await write(
          `AV-${account};Avoir;${account};${date(year, month, 12)};;;;Geste commercial;${euros(833)};${euros(167)};${euros(1000)};${id}`,
        );
        await write(
          `PAY-${account};Paiement;${account};${date(year, month, 25)};;;;Prélèvement;;;${euros(total - 1000)};${id}`,
        );
      }
    }
  }
  out.end();
  await once(out, 'finish');
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measureOpen(url) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const runs = [];
  try {
    for (let i = 0; i < opens; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const started = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      // Two animation frames after load: the page has been laid out and painted once.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const wall = Date.now() - started;
      const timing = await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation');
        return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
      });
      runs.push({ wall, ...timing, rows: await page.locator('#findings tbody tr').count(), errors });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

mkdirSync(values.out, { recursive: true });
const csv = join(values.out, `html-bench-${accounts}.csv`);
const report = join(values.out, `html-bench-${accounts}.html`);
await writeExport(csv);
if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run npm run build first');

const started = Date.now();
try {
  // From the export's folder, as a person runs it: the table names the file as it was given.
  execFileSync(process.execPath, [BIN, basename(csv), '--format', 'html', '-o', report], {
    cwd: values.out,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch (error) {
  // Exit code 1: error findings, as planted.
  if (error.status !== 1) throw error;
}
const renderMs = Date.now() - started;
const page = readFileSync(report, 'utf8');
const findings = Number(/<h2 id="table">Findings <small>\(([\d,]+) findings?\)/.exec(page)?.[1]?.replace(/,/g, ''));
const charts = page.match(/<section class="acct"/g)?.length ?? 0;
const bytes = statSync(report).size;

console.log(
  `accounts: ${accounts}, findings: ${findings}, charts: ${charts}, check + render: ${(renderMs / 1000).toFixed(2)} s`,
);
console.log(
  `size: ${(bytes / 1024 / 1024).toFixed(2)} MB (limit ${SIZE_LIMIT / 1024 / 1024} MB) ${bytes <= SIZE_LIMIT ? 'ok' : 'OVER'}`,
);
if (!existsSync(CHROMIUM)) {
  console.log(`open: not measured, no Chromium at ${CHROMIUM}`);
} else {
  const runs = await measureOpen(pathToFileURL(report).href);
  for (const run of runs)
    console.log(
      `  open: ${run.wall} ms to painted (DOMContentLoaded ${run.domContentLoaded} ms, load ${run.load} ms), ${run.rows} rows, ${run.errors.length} errors`,
    );
  const wall = median(runs.map((run) => run.wall));
  // A shared machine's load says how much of the time was waiting for a core.
  console.log(
    `load average: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  console.log(`open: median ${wall} ms (target ${OPEN_TARGET_MS} ms) ${wall <= OPEN_TARGET_MS ? 'ok' : 'SLOW'}`);
}
