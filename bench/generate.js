#!/usr/bin/env node
// Writes a deterministic operator export for the benchmark, of one shape (bench/shapes.js):
//   node bench/generate.js --rows N [--shape NAME] [--accounts M] [--seed S] [--out FILE]
// Same arguments → byte-identical file (seeded PRNG, no Math.random, no clock).
// Prints a JSON summary (rows, bytes, planted anomalies) on stdout.
// The shape's parameters (see DEFAULT_SHAPE) change one thing at a time: lines per invoice,
// accounts, billing cadence, language and delimiter, encoding, quoting; the same seed draws
// the same accounts and amounts in every shape.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { shapeNamed } from './shapes.js';

/** Bump when the output changes, so run.js does not reuse a stale file. */
export const GENERATOR_VERSION = 3;

export const HEADER =
  'N° de facture;Type;N° client;Date de facture;Échéance;Début de période;Fin de période;' +
  'Libellé;Montant HT;TVA;Montant TTC;Référence';

/** Today's bench export: French, monthly, 1–3 lines per invoice, UTF-8, some quoted descriptions. */
export const DEFAULT_SHAPE = Object.freeze({
  /** Lines per invoice, drawn per account between these two. */
  minLines: 1,
  maxLines: 3,
  /** 'monthly': each account billed once a month; 'daily': once a day (deep histories). */
  cadence: 'monthly',
  /** 'fr': semicolons and `1 234,56`; 'en': commas and quoted `1,234.56` (see DIALECTS). */
  dialect: 'fr',
  /** 'utf8' or 'windows-1252'. */
  encoding: 'utf8',
  /** false: no quote character anywhere (descriptions that would need quotes lose the `"` and the delimiter). */
  quotes: true,
});

// Dates never depend on today: the first year is fixed, and moved earlier only as far as a
// long file needs for its last bill to fall in LAST_YEAR at the latest (10 M one-line rows:
// 200 months from 2009).
const FIRST_YEAR = 2020;
const LAST_YEAR = 2025;
const SPIKE_CENTS = 14_900_000; // 149 000,00 €
const CHUNK_CHARS = 1 << 18;

/**
 * Text to the shape's bytes. Windows-1252 has no narrow NBSP (U+202F): its exports write NBSP
 * (0xA0) there.
 */
function textEncoder(encoding) {
  if (encoding === 'utf8') return (text) => Buffer.from(text, 'utf8');
  if (encoding === 'windows-1252') return (text) => iconv.encode(text.replaceAll('\u202f', '\u00a0'), 'windows-1252');
  throw new Error(`unknown encoding ${JSON.stringify(encoding)}`);
}

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

// The English export is laid out as UK invoicing tools' CSV exports for accountants are
// (commas, `dd/mm/yyyy`, `1,234.56`, "Net amount" and "VAT" columns); every amount is quoted,
// as exporters that quote whole number columns do, so that the quoted-amount path runs on every
// row rather than on the few amounts over 1 000. Same lists and weights as the French ones.
const DIALECTS = {
  fr: {
    header: HEADER,
    delimiter: ';',
    decimalMark: ',',
    groupSeparators: GROUP_SEPARATORS,
    quoteAmounts: false,
    kinds: { invoice: 'Facture', credit: 'Avoir', reminder: 'Relance', formal: 'Mise en demeure' },
    spikeLabel: 'Communications internationales',
    formalLabel: 'Mise en demeure de payer',
    creditLabel: (invoiceId) => `Avoir sur facture ${invoiceId}`,
    reminderLabel: 'Relance facture impayée',
    consumerPlans: CONSUMER_PLANS,
    businessPlans: BUSINESS_PLANS,
    options: OPTIONS,
    extras: EXTRAS,
  },
  en: {
    header:
      'Invoice number,Type,Account number,Invoice date,Due date,Period start,Period end,' +
      'Description,Net amount,VAT,Total,Reference',
    delimiter: ',',
    decimalMark: '.',
    groupSeparators: [','],
    quoteAmounts: true,
    kinds: { invoice: 'Invoice', credit: 'Credit note', reminder: 'Reminder', formal: 'Final notice' },
    spikeLabel: 'International calls',
    formalLabel: 'Final notice before collection',
    creditLabel: (invoiceId) => `Credit note for invoice ${invoiceId}`,
    reminderLabel: 'Payment reminder, invoice unpaid',
    consumerPlans: [
      'Business Pro 100 GB',
      'Business Pro 100 GB',
      'Business "Pro" 100 GB, unlimited calls',
      'Unlimited texts + 2h calls',
      'Unlimited texts + 2h calls',
      'Starter 5 GB',
      'Fibre Broadband',
      'Fibre Broadband',
      'Fibre Broadband, TV included',
      'ADSL Broadband',
      'Special Edition 80 GB',
      'Special Edition 80 GB',
    ],
    businessPlans: ['Mobile fleet 25 lines', 'Enterprise "Pro+" plan, 40 lines', 'Dedicated fibre link 1 Gbit/s'],
    options: [
      'International add-on',
      'International add-on',
      'TV box rental',
      'TV box rental',
      '"Multi-SIM" add-on',
      'Device insurance, Peace of Mind cover',
      'Cinema TV pack',
      'Cinema TV pack',
      'Device insurance',
      'Security add-on',
    ],
    extras: [
      'Out-of-bundle usage',
      'Out-of-bundle usage',
      'Calls to international numbers',
      'Premium-rate texts',
      'Premium-rate texts',
      'Out-of-bundle usage, roaming',
    ],
  },
};

function formatCents(cents, groupSeparator, decimalMark = ',') {
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const euros = String(Math.floor(magnitude / 100));
  const fraction = String(magnitude % 100).padStart(2, '0');
  let grouped = '';
  for (let end = euros.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = euros.slice(start, end) + (grouped === '' ? '' : groupSeparator + grouped);
  }
  return `${sign}${grouped}${decimalMark}${fraction}`;
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

const mustQuote = (text, format) => text.includes(format.delimiter) || text.includes('"') || text.includes('\n');

/** A field's text, quoted or not; a shape without quotes drops the `"` and the delimiter instead. */
function fieldText(text, quoted, format) {
  if (!format.quotes) return text.replaceAll('"', '').replaceAll(format.delimiter, ' -');
  return quoted ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A description, quoted when it must be and now and then otherwise, as some exporters do. */
function csvField(text, random, format) {
  // Drawn only when quoting is optional, as before there were shapes: today's export stays byte-identical.
  return fieldText(text, mustQuote(text, format) || random.next() < OPTIONAL_QUOTE_RATE, format);
}

/** A text quoted only when it must be, with no draw (the letters' labels). */
function plainField(text, format) {
  return fieldText(text, mustQuote(text, format), format);
}

/** An amount as the shape's exporter writes it. */
function csvAmount(cents, groupSeparator, format) {
  const text = formatCents(cents, groupSeparator, format.dialect.decimalMark);
  return format.dialect.quoteAmounts && format.quotes ? `"${text}"` : text;
}

/** One account's fixed profile: what it is billed every month. */
function createAccounts(count, random, shape) {
  const dialect = DIALECTS[shape.dialect];
  const accounts = [];
  for (let index = 0; index < count; index++) {
    const business = random.next() < 0.05;
    const lineCount = random.int(shape.minLines, shape.maxLines);
    accounts.push({
      index,
      id: `06${String(10_000_000 + index * 37).padStart(8, '0')}`,
      billingDay: random.int(1, 28),
      groupSeparator: random.pick(dialect.groupSeparators),
      lineCount,
      plan: random.pick(business ? dialect.businessPlans : dialect.consumerPlans),
      planCents: business ? random.int(800, 4_000) * 100 + 99 : random.int(9, 60) * 100 + 99,
      option: random.pick(dialect.options),
      optionCents: random.int(2, 15) * 100 + random.pick([0, 50]),
      extra: random.pick(dialect.extras),
    });
    const account = accounts[index];
    account.optionCents = distinctLineAmount(account.optionCents, [account.planCents]);
  }
  return accounts;
}

/** The months of the bill run, with their date strings computed once per billing day. */
function monthCalendar(monthIndex, firstYear) {
  const year = firstYear + Math.floor(monthIndex / 12);
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

/** One day of a daily bill run: every account billed for that day, the day after. */
function dayCalendar(dayIndex, firstYear) {
  const period = new Date(Date.UTC(firstYear, 0, 1 + dayIndex));
  const issue = addDays(period, 1);
  const day = { issue, issueText: frenchDate(issue), dueText: frenchDate(addDays(issue, 14)) };
  const stamp = `${period.getUTCFullYear()}${pad2(period.getUTCMonth() + 1)}${pad2(period.getUTCDate())}`;
  return {
    stamp,
    periodStartText: frenchDate(period),
    periodEndText: frenchDate(period),
    days: new Array(29).fill(day),
  };
}

/** The cycles of the bill run (months or days) and the year they start in. */
function billRun(cadence, rows, rowsPerCycle) {
  const cycles = Math.ceil(rows / rowsPerCycle) + 1;
  const years = Math.ceil(cadence === 'daily' ? (cycles + 1) / 365 : cycles / 12);
  const firstYear = Math.min(FIRST_YEAR, LAST_YEAR - years + 1);
  return (cycle) => (cadence === 'daily' ? dayCalendar(cycle, firstYear) : monthCalendar(cycle, firstYear));
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

/**
 * `shape` is a shape's parameters (see DEFAULT_SHAPE; bench/shapes.js names them); without it,
 * today's export.
 */
export async function generate({ rows, accounts: accountCount, seed, out, shape: given = {} }) {
  const shape = { ...DEFAULT_SHAPE, ...given };
  if (!(shape.dialect in DIALECTS)) throw new Error(`unknown dialect ${JSON.stringify(shape.dialect)}`);
  const dialect = DIALECTS[shape.dialect];
  const format = { dialect, delimiter: dialect.delimiter, quotes: shape.quotes };
  const encode = textEncoder(shape.encoding);
  const random = createRandom(seed);
  const accounts = createAccounts(accountCount, random, shape);
  // Bill-run order: the accounts billed on the 1st, then the 2nd…, so the file is in date order.
  const runOrder = [...accounts].sort((a, b) => a.billingDay - b.billingDay || a.index - b.index);
  const rowsPerMonth = accounts.reduce((sum, account) => sum + account.lineCount, 0);
  const anomalies = planAnomalies(accounts, rowsPerMonth, rows);
  const cycleCalendar = billRun(shape.cadence, rows, rowsPerMonth);
  const { kinds } = dialect;
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
  let chunk = `${dialect.header}\n`;

  const flush = async () => {
    const encoded = encode(chunk);
    bytes += encoded.length;
    if (!stream.write(encoded)) await once(stream, 'drain');
    chunk = '';
  };
  /** Appends one row unless the requested row count is reached; returns false when full. */
  const emit = (fields) => {
    if (written >= rows) return false;
    chunk += fields.join(dialect.delimiter) + '\n';
    written++;
    return true;
  };

  try {
    for (let monthIndex = 0; written < rows; monthIndex++) {
      const calendar = cycleCalendar(monthIndex);
      for (const account of runOrder) {
        if (written >= rows) break;
        const day = calendar.days[account.billingDay];
        const invoiceId = `F${calendar.stamp}-${String(account.index).padStart(7, '0')}`;

        for (const letter of pendingLetters.get(account.index) ?? []) emit(letter);
        pendingLetters.delete(account.index);

        const head = [
          invoiceId,
          kinds.invoice,
          account.id,
          day.issueText,
          day.dueText,
          calendar.periodStartText,
          calendar.periodEndText,
        ];
        const lines = invoiceLines(account, random);
        let invoiceTotal = 0;

        if (account === anomalies.spike.account && monthIndex === anomalies.spike.month) {
          lines.length = 0;
          lines.push({ description: dialect.spikeLabel, cents: SPIKE_CENTS });
          const amount = formatCents(SPIKE_CENTS, dialect.groupSeparators[0], dialect.decimalMark);
          planted.push({ anomaly: 'amount-spike', account: account.id, document: invoiceId, amount });
        }
        if (account === anomalies.blank.account && monthIndex === anomalies.blank.month) {
          const zero = csvAmount(0, '', format);
          emit([...head, '', zero, zero, zero, '']);
          const letterDate = frenchDate(addDays(day.issue, 25));
          const letterId = `MED${calendar.stamp}-${String(account.index).padStart(7, '0')}`;
          pendingLetters.set(account.index, [
            [
              letterId,
              kinds.formal,
              account.id,
              letterDate,
              '',
              '',
              '',
              dialect.formalLabel,
              '',
              '',
              csvAmount(1, '', format),
              invoiceId,
            ],
          ]);
          planted.push({ anomaly: 'blank-invoice', account: account.id, document: invoiceId });
          const amount = formatCents(1, '', dialect.decimalMark);
          planted.push({
            anomaly: 'dunning-trivial-amount',
            account: account.id,
            document: letterId,
            amount,
            references: invoiceId,
          });
          continue;
        }

        for (const line of lines) {
          const { net, tax, total } = splitVat(line.cents);
          invoiceTotal += total;
          const sep = account.groupSeparator;
          const amounts = [net, tax, total].map((cents) => csvAmount(cents, sep, format));
          emit([...head, csvField(line.description, random, format), ...amounts, '']);
        }

        if (account === anomalies.credited.account && monthIndex === anomalies.credited.month) {
          // A credit note cancelling the whole invoice, then a dunning letter for it all the same.
          const { net, tax, total } = splitVat(-invoiceTotal);
          const sep = account.groupSeparator;
          const creditId = `AV${calendar.stamp}-${String(account.index).padStart(7, '0')}`;
          const dunningId = `REL${calendar.stamp}-${String(account.index).padStart(7, '0')}`;
          pendingLetters.set(account.index, [
            [
              creditId,
              kinds.credit,
              account.id,
              frenchDate(addDays(day.issue, 10)),
              '',
              '',
              '',
              plainField(dialect.creditLabel(invoiceId), format),
              ...[net, tax, total].map((cents) => csvAmount(cents, sep, format)),
              invoiceId,
            ],
            [
              dunningId,
              kinds.reminder,
              account.id,
              frenchDate(addDays(day.issue, 25)),
              '',
              '',
              '',
              plainField(dialect.reminderLabel, format),
              '',
              '',
              csvAmount(invoiceTotal, sep, format),
              invoiceId,
            ],
          ]);
          planted.push({
            anomaly: 'dunning-while-in-credit',
            account: account.id,
            document: dunningId,
            creditNote: creditId,
            references: invoiceId,
          });
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
    shape,
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
    others.some(
      (other) => other.net === candidate.net || other.tax === candidate.tax || other.total === candidate.total,
    );
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
    lines.push({
      description: account.extra,
      cents: distinctLineAmount(cents, [account.planCents, account.optionCents]),
    });
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
      accounts: { type: 'string' },
      seed: { type: 'string', default: '42' },
      shape: { type: 'string', default: 'multi-line' },
      out: { type: 'string' },
    },
  });
  const named = shapeNamed(values.shape);
  const rows = positiveInteger('rows', values.rows.replaceAll('_', ''));
  const accounts = positiveInteger('accounts', (values.accounts ?? String(named.accounts)).replaceAll('_', ''));
  const seed = positiveInteger('seed', values.seed);
  if (accounts < 1) throw new Error('--accounts must be at least 1');
  const out = values.out ?? `bench/data/${named.name}-${rows}r-${accounts}a-s${seed}-v${GENERATOR_VERSION}.csv`;
  return { rows, accounts, seed, out, shape: named.generator };
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
