#!/usr/bin/env node
// Writes a deterministic French operator export for the benchmark:
//   node bench/generate.js --rows N --accounts M --seed S --out FILE
// Same arguments → byte-identical file (seeded PRNG, no Math.random, no clock).
// Prints a JSON summary (rows, bytes, planted anomalies) on stdout.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** Bump when the output changes, so run.js does not reuse a stale file. */
export const GENERATOR_VERSION = 2;

export const HEADER =
  'N° de facture;Type;N° client;Date de facture;Échéance;Début de période;Fin de période;' +
  'Libellé;Montant HT;TVA;Montant TTC;Référence';

// Fixed, so that generated dates never depend on today and stay in the past for any
// sensible size (50 000 accounts × 2 rows × 60 months = 6 M rows before 2025).
const FIRST_YEAR = 2020;
const SPIKE_CENTS = 14_900_000; // 149 000,00 €
const CHUNK_CHARS = 1 << 18;

/** sfc32 seeded through splitmix32: fast, 32-bit, and good enough for synthetic data. */
function createRandom(seed) {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

// Descriptions with ";" or '"' must be quoted; the others are quoted now and then, as
// some exporters do, so that about a quarter of the descriptions carry quotes.
// Repeated entries are weights: about one description in ten needs quotes.
const CONSUMER_PLANS = [
  'Forfait Pro 100 Go',
  'Forfait Pro 100 Go',
  'Forfait "Pro" 100 Go; appels illimités',
  'Forfait 2h + SMS illimités',
  'Forfait 2h + SMS illimités',
  'Forfait Découverte 5 Go',
  'Box Fibre',
  'Box Fibre',
  'Box Fibre; TV incluse',
  'Abonnement Box ADSL',
  'Forfait Série Spéciale 80 Go',
  'Forfait Série Spéciale 80 Go',
];
const BUSINESS_PLANS = ['Flotte mobile 25 lignes', 'Offre Entreprise "Pro+"; 40 lignes', 'Lien fibre dédié 1 Gbit/s'];
const OPTIONS = [
  'Option International',
  'Option International',
  'Location décodeur TV',
  'Location décodeur TV',
  'Option "Multi-SIM"',
  'Assurance mobile; formule Sérénité',
  'Bouquet TV Cinéma',
  'Bouquet TV Cinéma',
  'Assurance mobile',
  'Option Sécurité',
];
const EXTRAS = [
  'Communications hors forfait',
  'Communications hors forfait',
  "Appels vers l'international",
  'SMS surtaxés',
  'SMS surtaxés',
  'Consommations hors forfait; roaming',
];
const OPTIONAL_QUOTE_RATE = 0.1;

// Space-like thousands separators as French exports write them: space, NBSP, narrow NBSP.
const GROUP_SEPARATORS = [' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', '\u00a0', '\u00a0', '\u00a0', '\u202f'];

function formatCents(cents, groupSeparator) {
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const euros = String(Math.floor(magnitude / 100));
  const fraction = String(magnitude % 100).padStart(2, '0');
  let grouped = '';
  for (let end = euros.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = euros.slice(start, end) + (grouped === '' ? '' : groupSeparator + grouped);
  }
  return `${sign}${grouped},${fraction}`;
}

/** VAT at 20 % on a TTC-priced line, in integer cents: HT = round(TTC / 1.2), TVA = TTC − HT. */
function splitVat(ttcCents) {
  const magnitude = Math.abs(ttcCents);
  const net = Math.floor((magnitude * 10 + 6) / 12);
  const sign = ttcCents < 0 ? -1 : 1;
  return { net: sign * net, tax: sign * (magnitude - net), total: ttcCents };
}

function pad2(n) {
  return String(n).padStart(2, '0');
}

function frenchDate(date) {
  return `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function addDays(date, days) {
  return new Date(date.getTime() + days * 86_400_000);
}

function csvField(text, random) {
  const mustQuote = text.includes(';') || text.includes('"') || text.includes('\n');
  if (mustQuote || random.next() < OPTIONAL_QUOTE_RATE) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** One account's fixed profile: what it is billed every month. */
function createAccounts(count, random) {
  const accounts = [];
  for (let index = 0; index < count; index++) {
    const business = random.next() < 0.05;
    const lineCount = random.int(1, 3);
    accounts.push({
      index,
      id: `06${String(10_000_000 + index * 37).padStart(8, '0')}`,
      billingDay: random.int(1, 28),
      groupSeparator: random.pick(GROUP_SEPARATORS),
      lineCount,
      plan: random.pick(business ? BUSINESS_PLANS : CONSUMER_PLANS),
      planCents: business ? random.int(800, 4_000) * 100 + 99 : random.int(9, 60) * 100 + 99,
      option: random.pick(OPTIONS),
      optionCents: random.int(2, 15) * 100 + random.pick([0, 50]),
      extra: random.pick(EXTRAS),
    });
    const account = accounts[index];
    account.optionCents = distinctLineAmount(account.optionCents, [account.planCents]);
  }
  return accounts;
}

/** The months of the bill run, with their date strings computed once per billing day. */
function monthCalendar(monthIndex) {
  const year = FIRST_YEAR + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const periodStart = new Date(Date.UTC(year, month - 1, 1));
  const periodEnd = new Date(Date.UTC(year, month, 0));
  const days = [];
  for (let day = 1; day <= 28; day++) {
    const issue = new Date(Date.UTC(year, month, day));
    days[day] = { issue, issueText: frenchDate(issue), dueText: frenchDate(addDays(issue, 14)) };
  }
  return {
    stamp: `${year}${pad2(month + 1)}`,
    periodStartText: frenchDate(periodStart),
    periodEndText: frenchDate(periodEnd),
    days,
  };
}

/**
 * Where the anomalies go: early accounts (never truncated away) and months that leave
 * history before them (amount-spike compares with the account's earlier bills).
 */
function planAnomalies(accounts, rowsPerMonth, totalRows) {
  const fullMonths = Math.max(1, Math.floor(totalRows / rowsPerMonth));
  const lastSafe = Math.max(0, fullMonths - 2);
  const at = (month) => Math.min(month, lastSafe);
  return {
    spike: { account: accounts[0], month: at(6) },
    blank: { account: accounts[Math.min(1, accounts.length - 1)], month: at(2) },
    credited: { account: accounts[Math.min(2, accounts.length - 1)], month: at(3) },
  };
}

export async function generate({ rows, accounts: accountCount, seed, out }) {
  const random = createRandom(seed);
  const accounts = createAccounts(accountCount, random);
  // Bill-run order: the accounts billed on the 1st, then the 2nd…, so the file is in date order.
  const runOrder = [...accounts].sort((a, b) => a.billingDay - b.billingDay || a.index - b.index);
  const rowsPerMonth = accounts.reduce((sum, account) => sum + account.lineCount, 0);
  const anomalies = planAnomalies(accounts, rowsPerMonth, rows);
  const planted = [];
  /** Letters due in a later month, keyed by account index. */
  const pendingLetters = new Map();

  await mkdir(dirname(out), { recursive: true });
  // A regular file is written under a temporary name and renamed when complete, so that an
  // interrupted run never leaves a truncated file for run.js to reuse. Anything else
  // (/dev/null, a FIFO, /dev/stdout) is written in place: renaming over it would replace it.
  const existing = await stat(out).catch(() => undefined);
  const inPlace = existing !== undefined && !existing.isFile();
  const temporary = inPlace ? out : `${out}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary, { highWaterMark: 1 << 20 });
  let written = 0;
  let bytes = 0;
  let chunk = `${HEADER}\n`;

  const flush = async () => {
    bytes += Buffer.byteLength(chunk);
    if (!stream.write(chunk)) await once(stream, 'drain');
    chunk = '';
  };
  /** Appends one row unless the requested row count is reached; returns false when full. */
  const emit = (fields) => {
    if (written >= rows) return false;
    chunk += fields.join(';') + '\n';
    written++;
    return true;
  };

  try {
    for (let monthIndex = 0; written < rows; monthIndex++) {
      const calendar = monthCalendar(monthIndex);
      for (const account of runOrder) {
        if (written >= rows) break;
        const day = calendar.days[account.billingDay];
        const invoiceId = `F${calendar.stamp}-${String(account.index).padStart(7, '0')}`;

        for (const letter of pendingLetters.get(account.index) ?? []) emit(letter);
        pendingLetters.delete(account.index);

        const head = [invoiceId, 'Facture', account.id, day.issueText, day.dueText, calendar.periodStartText, calendar.periodEndText];
        const lines = invoiceLines(account, random);
        let invoiceTotal = 0;

        if (account === anomalies.spike.account && monthIndex === anomalies.spike.month) {
          lines.length = 0;
          lines.push({ description: 'Communications internationales', cents: SPIKE_CENTS });
          planted.push({ anomaly: 'amount-spike', account: account.id, document: invoiceId, amount: '149 000,00' });
        }
        if (account === anomalies.blank.account && monthIndex === anomalies.blank.month) {
          emit([...head, '', '0,00', '0,00', '0,00', '']);
          const letterDate = frenchDate(addDays(day.issue, 25));
          const letterId = `MED${calendar.stamp}-${String(account.index).padStart(7, '0')}`;
          pendingLetters.set(account.index, [
            [letterId, 'Mise en demeure', account.id, letterDate, '', '', '', 'Mise en demeure de payer', '', '', '0,01', invoiceId],
          ]);
          planted.push({ anomaly: 'blank-invoice', account: account.id, document: invoiceId });
          planted.push({ anomaly: 'dunning-trivial-amount', account: account.id, document: letterId, amount: '0,01', references: invoiceId });
          continue;
        }

        for (const line of lines) {
          const { net, tax, total } = splitVat(line.cents);
          invoiceTotal += total;
          const sep = account.groupSeparator;
          emit([...head, csvField(line.description, random), formatCents(net, sep), formatCents(tax, sep), formatCents(total, sep), '']);
        }

        if (account === anomalies.credited.account && monthIndex === anomalies.credited.month) {
          // A credit note cancelling the whole invoice, then a dunning letter for it all the same.
          const { net, tax, total } = splitVat(-invoiceTotal);
          const sep = account.groupSeparator;
          const creditId = `AV${calendar.stamp}-${String(account.index).padStart(7, '0')}`;
          const dunningId = `REL${calendar.stamp}-${String(account.index).padStart(7, '0')}`;
          pendingLetters.set(account.index, [
            [creditId, 'Avoir', account.id, frenchDate(addDays(day.issue, 10)), '', '', '', `Avoir sur facture ${invoiceId}`,
              formatCents(net, sep), formatCents(tax, sep), formatCents(total, sep), invoiceId],
            [dunningId, 'Relance', account.id, frenchDate(addDays(day.issue, 25)), '', '', '', 'Relance facture impayée',
              '', '', formatCents(invoiceTotal, sep), invoiceId],
          ]);
          planted.push({ anomaly: 'dunning-while-in-credit', account: account.id, document: dunningId, creditNote: creditId, references: invoiceId });
        }
        if (chunk.length >= CHUNK_CHARS) await flush();
      }
    }
    await flush();
    stream.end();
    await once(stream, 'finish');
    if (!inPlace) await rename(temporary, out);
  } catch (error) {
    stream.destroy();
    if (!inPlace) await rm(temporary, { force: true });
    throw error;
  }
  // A letter planned for a month that the row count cut off is not in the file.
  const missing = new Set([...pendingLetters.values()].flat().map((row) => row[0]));
  return {
    file: out,
    rows: written,
    bytes,
    accounts: accountCount,
    seed,
    generatorVersion: GENERATOR_VERSION,
    planted: planted.filter((entry) => !missing.has(entry.document)),
  };
}

/**
 * billcheck reads an amount column whose value repeats on every row of a document as the
 * document's own amount, not as line amounts to add up; two lines that happen to share a
 * TVA of 2,00 € would read as a total mismatch. Nudges a line until its HT, TVA and TTC all
 * differ from the other lines', so that the only findings are the planted ones.
 */
function distinctLineAmount(cents, otherCents) {
  const others = otherCents.map(splitVat);
  const clashes = (candidate) =>
    others.some((other) => other.net === candidate.net || other.tax === candidate.tax || other.total === candidate.total);
  let adjusted = cents;
  while (clashes(splitVat(adjusted))) adjusted += 7;
  return adjusted;
}

/** 1–3 lines per invoice: the plan, an option, and usage that varies a little month to month. */
function invoiceLines(account, random) {
  const lines = [{ description: account.plan, cents: account.planCents }];
  if (account.lineCount >= 2) lines.push({ description: account.option, cents: account.optionCents });
  if (account.lineCount >= 3) {
    // Usage stays under half the plan, so no ordinary month looks like a spike.
    const cents = random.int(10, Math.max(11, Math.floor(account.planCents / 2)));
    lines.push({ description: account.extra, cents: distinctLineAmount(cents, [account.planCents, account.optionCents]) });
  }
  return lines;
}

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0 || !/^\d+$/.test(String(text).replaceAll('_', ''))) {
    throw new Error(`--${name} must be a non-negative integer, got ${JSON.stringify(text)}`);
  }
  return value;
}

export function parseGeneratorArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      accounts: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string' },
    },
  });
  const rows = positiveInteger('rows', values.rows.replaceAll('_', ''));
  const accounts = positiveInteger('accounts', values.accounts.replaceAll('_', ''));
  const seed = positiveInteger('seed', values.seed);
  if (accounts < 1) throw new Error('--accounts must be at least 1');
  const out = values.out ?? `bench/data/export-${rows}r-${accounts}a-s${seed}-v${GENERATOR_VERSION}.csv`;
  return { rows, accounts, seed, out };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const summary = await generate(parseGeneratorArgs(process.argv.slice(2)));
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
