import { Command, CommanderError, Option } from 'commander';
import type { BillcheckConfig } from '../engine/config.js';
import { ConfigError, EMPTY_CONFIG, findConfigFile, loadConfigFile } from '../engine/config.js';
import { todayIso } from '../model/dates.js';
import { FatalInputError } from '../model/input.js';
import type { DateOrder } from '../parse/values/dates.js';
import { printable } from '../report/sanitize.js';
import { renderExplain, renderRulesJson, renderRulesText } from '../report/rules-list.js';
import { findRule, RULES } from '../rules/index.js';
import { findReservedRule, RESERVED_RULES } from '../engine/reserved-rules.js';
import type { OutputFormat } from '../report/formats.js';
import { OUTPUT_FORMATS } from '../report/formats.js';
import type { CheckOptions } from '../check/check.js';
import type { ReportChoice } from './check-command.js';
import { runCheck } from './check-command.js';
import { openOutputFile } from './output-file.js';
import { runExtract } from './extract.js';
import { resolveInputs } from '../check/inputs.js';
import type { LetterFlags } from './letter.js';
import { LETTER_COUNTRIES, LETTER_FORMATS, LETTER_LANGS, runLetter, STAGES } from './letter.js';
import type { CliIo } from './io.js';
import { EXIT_FAILURE, EXIT_OK, Output, OutputClosed, OutputFailed, UsageError } from './io.js';
import type { CheckFlags } from './options.js';
import {
  dateOrderOf,
  inputOptions,
  parseIsoOption,
  parseJobs,
  parseMaxWarnings,
  parseRuleLevels,
  parseTermination,
  useColor,
  wantsProgress,
} from './options.js';
import { NO_PROGRESS, terminalProgress } from './progress.js';
import { VERSION } from './version.js';
import { commanderErrorText, errorLine, fatalLine, suggestCommand } from './errors.js';
import { isLang, type Lang, LANGS, resolveLang } from '../i18n/lang.js';
import { wordsFor } from '../i18n/words.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

const CHECK_EXAMPLES = `
Examples:
  $ billcheck invoices.csv                      check one export
  $ billcheck exports/ facture.txt              a directory (recursed) and a letter
  $ billcheck facture-2024-03.pdf               a PDF bill, read directly (no OCR: scans are refused)
  $ cat invoices.csv | billcheck -              standard input
  $ billcheck invoices.csv --format json | jq '.findings[] | select(.severity == "error")'
  $ billcheck invoices.csv --terminated 0612345001=2024-01-15
  $ billcheck invoices.csv --rule amount-ceiling=off --max-warnings 0
  $ billcheck exports/ --format html -o report.html   a page to open in a browser

Exit codes: 0 no error, 1 error findings (or more warnings than --max-warnings),
            2 usage error, unreadable file or bad config.`;

/** Runs billcheck with the arguments after the program name; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const stdout = new Output(io.stdout);
  const debug = argv.includes('--debug');
  // Help and commander's errors come before any config is read: --lang, else the locale.
  const flagLang = langFlagOf(argv);
  const lang = resolveLang({ flag: flagLang, env: io.env });
  let exitCode = EXIT_OK;
  const program = buildProgram(
    io,
    stdout,
    (code) => {
      exitCode = code;
    },
    lang,
    flagLang,
  );
  try {
    try {
      const typo = mistypedCommand(argv, io.cwd);
      if (typo !== undefined) throw new UsageError(wordsFor(lang).cli.didYouMean(typo.word, typo.suggestion));
      await program.parseAsync([...argv], { from: 'user' });
    } finally {
      // What was written must have been written: `billcheck --help > /dev/full` is no success.
      await stdout.settle();
    }
    return exitCode;
  } catch (error) {
    return handleError(error, io, debug, exitCode, lang);
  }
}

/** `--lang fr` or `--lang=fr` anywhere before `--` (commander reads it again, per command). */
function langFlagOf(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (isLang(value)) return value;
  }
  return undefined;
}

/**
 * `billcheck chekc f.csv`: the first word is neither a command, nor an existing path, nor shaped
 * like a file name, and is one typo away from a command. Anything else stays a file to check.
 */
function mistypedCommand(argv: readonly string[], cwd: string): { word: string; suggestion: string } | undefined {
  const word = argv[0];
  if (word === undefined || word.startsWith('-')) return undefined;
  const suggestion = suggestCommand(word);
  if (suggestion === undefined || existsSync(resolve(cwd, word))) return undefined;
  return { word, suggestion };
}

function handleError(error: unknown, io: CliIo, debug: boolean, exitCode: number, lang: Lang): number {
  const words = wordsFor(lang).cli;
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0; commander already printed its message.
    return error.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
  }
  if (error instanceof OutputClosed) return exitCode;
  if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof FatalInputError ||
    error instanceof OutputFailed
  ) {
    const line =
      error instanceof FatalInputError ? fatalLine(error.file, error.message, lang) : errorLine(error.message);
    io.stderr.write(`${line}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${errorLine(words.internalError(message))}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write(`${errorLine(words.rerunDebug)}\n`);
  return EXIT_FAILURE;
}

/** Text made printable line by line, its line breaks kept. */
function printableLines(text: string): string {
  return text
    .split('\n')
    .map((line) => printable(line))
    .join('\n');
}

/** `--lang fr|en`: every command that writes words for people takes it. */
function langOption(): Option {
  return new Option(
    '--lang <lang>',
    'language of messages, summaries, rules and explain (default: from the locale)',
  ).choices(LANGS);
}

/** Repeatable options: no default in the definition, so that help does not print "(default: [])". */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function buildProgram(
  io: CliIo,
  stdout: Output,
  setExitCode: (code: number) => void,
  lang: Lang,
  flagLang: Lang | undefined,
): Command {
  const program = new Command('billcheck')
    .description(
      'Find absurd bills: dunning letters for 0,01 €, blank invoices, 149 000 € home-line bills, bills after termination.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's errors quote the arguments ("invalid argument 'ESC[2J'"): never raw on a terminal.
      writeErr: (text) => io.stderr.write(printableLines(text)),
      // Commander's "error: …" in billcheck's style: "billcheck: Unknown option '--x'".
      outputError: (text, write) => write(commanderErrorText(text, lang)),
    })
    .showHelpAfterError(wordsFor(lang).cli.helpHint)
    .addHelpText(
      'after',
      `
"billcheck FILE…" is short for "billcheck check FILE…" (see billcheck check --help).
It reads CSV exports, the text of bills and letters, and PDF bills directly (a scan needs OCR first).

Examples:
  $ billcheck invoices.csv                      check an export, report for a person
  $ billcheck invoices.csv --format json | jq '.summary'
  $ billcheck rules                             what billcheck flags
  $ billcheck explain dunning-while-in-credit   why, and what to do about it
  $ billcheck facture.pdf                       a PDF bill (or several in one PDF)
  $ billcheck extract facture.txt               what billcheck read in a bill`,
    );

  program
    .command('check', { isDefault: true })
    .description('check invoices, credit notes, dunning letters and terminations (CSV, text or PDF)')
    .argument('[files...]', 'files, directories (recursed) or - for standard input')
    .addOption(
      new Option('-f, --format <format>', 'output format (html: one self-contained page with charts)')
        .choices(OUTPUT_FORMATS)
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('-c, --config <file>', 'config file (default: billcheck.config.json found upwards from the current folder)')
    .option('--no-config', 'ignore any config file')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect)
    .option('-q, --quiet', 'report errors only (warnings are not shown nor counted, as with ESLint)')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this')
    .option('--exit-zero', 'exit with 0 even when there are errors (still 2 when a file cannot be read)')
    .option('--terminated <[account=]date>', 'the contract (of this account) ended on this date (repeatable)', collect)
    .option('--delimiter <char>', 'CSV delimiter (default: sniffed among ; , tab |)')
    .option('--encoding <name>', 'input encoding (default: BOM, else UTF-8, else Windows-1252)')
    .option(
      '--map <field=column>',
      'read a field from this column, e.g. --map total="Montant dû" (repeatable)',
      collect,
    )
    .addOption(new Option('--date-order <order>', 'order of numeric dates such as 03/04/2024').choices(DATE_ORDERS))
    .option('--color', 'force colors')
    .option('--no-color', 'disable colors')
    .option('--today <date>', 'check as if today were this date (for "issued in the future")')
    .option(
      '-j, --jobs <n>',
      'threads reading a CSV file over 16 MB (default: 2 where there are 2 cores; 1: one thread)',
    )
    .option('--debug', 'print stack traces of internal errors')
    .addOption(langOption())
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (files: string[], flags: CheckFlags & { lang?: Lang }) => {
      setExitCode(await check(files, { ...flags, lang: flags.lang ?? flagLang }, io, stdout));
    });

  program
    .command('rules')
    .description('list every rule with its default severity and what it flags')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--color', 'force colors')
    .option('--no-color', 'disable colors')
    .addOption(langOption())
    .addHelpText('after', "\nExamples:\n  $ billcheck rules\n  $ billcheck rules --format json | jq -r '.rules[].id'")
    .action(async (flags: { format: string; color?: boolean; lang?: Lang }) => {
      const color = useColor(flags.color, io);
      const ruleLang = await commandLang(flags.lang ?? flagLang, io);
      const listing =
        flags.format === 'json'
          ? renderRulesJson(RULES, RESERVED_RULES, ruleLang)
          : renderRulesText(RULES, color, RESERVED_RULES, { lang: ruleLang, width: terminalWidth(io) });
      await stdout.write(listing);
      setExitCode(EXIT_OK);
    });

  program
    .command('explain')
    .description("print a rule's documentation: what it flags, why, what to do, options")
    .argument('<rule-id>', 'a rule id, as listed by billcheck rules')
    .option('--color', 'force colors')
    .option('--no-color', 'disable colors')
    .addOption(langOption())
    .addHelpText('after', '\nExample:\n  $ billcheck explain dunning-trivial-amount')
    .action(async (id: string, flags: { color?: boolean; lang?: Lang }) => {
      const explainLang = await commandLang(flags.lang ?? flagLang, io);
      const rule = findRule(id) ?? findReservedRule(id);
      if (rule === undefined) throw new UsageError(wordsFor(explainLang).cli.unknownRule(id));
      await stdout.write(
        renderExplain(rule, useColor(flags.color, io), { lang: explainLang, width: terminalWidth(io) }),
      );
      setExitCode(EXIT_OK);
    });

  program
    .command('extract')
    .description('print the documents billcheck understood, as JSON (for debugging and scripts)')
    .argument('[files...]', 'files, directories (recursed) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .option('--delimiter <char>', 'CSV delimiter')
    .option('--encoding <name>', 'input encoding')
    .option('--map <field=column>', 'read a field from this column (repeatable)', collect)
    .addOption(new Option('--date-order <order>', 'order of numeric dates').choices(DATE_ORDERS))
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText(
      'after',
      "\nExamples:\n  $ billcheck extract facture.txt\n  $ billcheck extract facture.pdf        also says whether it carries a Factur-X / ZUGFeRD XML\n  $ billcheck extract invoices.csv | jq '.documents[] | {id, total}'",
    )
    .action(async (files: string[], flags: CheckFlags) => {
      const inputs = await resolveInputs(inputPaths(files, io), io.stdin);
      setExitCode(
        await runExtract(inputs, inputOptions(flags), { stdout, warn: (line) => io.stderr.write(`${line}\n`) }),
      );
    });

  // letter (issue 16)
  program
    .command('letter')
    .description("draft the complaint letter for one account's findings, and track the escalation")
    .argument('[files...]', 'files, directories (recursed) or - for standard input')
    .option('--account <id>', 'the account to write about (needed when several have findings)')
    .addOption(new Option('--lang <lang>', 'language of the letter (default: that of the bills)').choices(LETTER_LANGS))
    .option(
      '--from <file>',
      'your details: JSON or "key: value" lines (name, address, city, customerNumber, email, phone)',
    )
    .addOption(
      new Option('--stage <stage>', '1: complaint; 2: to the consumer service; mediator: referral')
        .choices(STAGES)
        .default('1'),
    )
    .option(
      '--sent <date>',
      'date of a letter already sent: the complaint, then the consumer-service letter (repeatable)',
      collect,
    )
    .option('--status', 'print what may be done next, from which date, until when')
    .addOption(
      new Option('--country <code>', 'whose law and escalation to cite (default: from the bills)').choices(
        LETTER_COUNTRIES,
      ),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(LETTER_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the letter to this file')
    .option('-c, --config <file>', 'config file (default: billcheck.config.json found upwards from the current folder)')
    .option('--no-config', 'ignore any config file')
    .option('--terminated <[account=]date>', 'the contract (of this account) ended on this date (repeatable)', collect)
    .option('--delimiter <char>', 'CSV delimiter')
    .option('--encoding <name>', 'input encoding')
    .option('--map <field=column>', 'read a field from this column (repeatable)', collect)
    .addOption(new Option('--date-order <order>', 'order of numeric dates').choices(DATE_ORDERS))
    .option('--today <date>', 'date the letter as of this day')
    .addHelpText(
      'after',
      `
Examples:
  $ billcheck letter invoices.csv --account 0612345001 --from me.json > reclamation.txt
  $ billcheck letter invoices.csv --account 0612345001 --stage 2 --sent 2026-09-01
  $ billcheck letter invoices.csv --account 0612345001 --stage mediator --sent 2026-09-01 --sent 2026-10-05 -f html -o saisine.html
  $ billcheck letter --status --sent 2026-09-01

The letter is a draft built from the bills, not legal advice: read it before sending it.`,
    )
    .action(async (files: string[], flags: LetterFlags) => {
      const today = flags.today === undefined ? todayIso() : parseIsoOption('--today', flags.today, dateOrderOf(flags));
      const config = await loadConfig(flags, io);
      const inputs =
        flags.status === true && files.length === 0 ? undefined : await resolveInputs(inputPaths(files, io), io.stdin);
      setExitCode(
        await runLetter(inputs, flags, { config, today }, { stdout, warn: (line) => io.stderr.write(`${line}\n`) }),
      );
    });
  // end letter

  return program;
}

/** The width `rules` and `explain` wrap to: the terminal's, else 80. */
function terminalWidth(io: CliIo): number {
  const columns = (io.stdout as { columns?: unknown }).columns;
  return typeof columns === 'number' && Number.isInteger(columns) && columns >= 40 ? columns : 80;
}

/** A command without a config option of its own still honours the config's `lang`, found as check finds it. */
async function commandLang(flag: Lang | undefined, io: CliIo): Promise<Lang> {
  if (flag !== undefined) return flag;
  let config = EMPTY_CONFIG;
  try {
    const file = await findConfigFile(io.cwd);
    if (file !== undefined) config = await loadConfigFile(file, RULES);
  } catch (error) {
    // A broken config is check's to report; listing the rules does not depend on it.
    if (!(error instanceof ConfigError)) throw error;
  }
  return resolveLang({ config: config.lang, env: io.env });
}

async function check(files: string[], flags: CheckFlags & { lang?: Lang }, io: CliIo, stdout: Output): Promise<number> {
  const format = flags.format as OutputFormat;
  const config = await loadConfig(flags, io);
  const lang = resolveLang({ flag: flags.lang, config: config.lang, env: io.env });
  const quiet = flags.quiet === true;
  const showProgress = wantsProgress(io, quiet);
  const inputs = await resolveInputs(inputPaths(files, io), io.stdin);
  const toFile = flags.output !== undefined;
  const options: CheckOptions = {
    config,
    ruleLevels: parseRuleLevels(flags.rule ?? []),
    quiet,
    terminations: (flags.terminated ?? []).map((text) => parseTermination(text, dateOrderOf(flags))),
    input: inputOptions(flags),
    today: flags.today === undefined ? todayIso() : parseIsoOption('--today', flags.today, dateOrderOf(flags)),
    ...(flags.jobs === undefined ? {} : { jobs: parseJobs(flags.jobs) }),
    lang,
  };
  const report: ReportChoice = {
    format,
    maxWarnings: parseMaxWarnings(flags.maxWarnings),
    exitZero: flags.exitZero === true,
    // A file gets no colors unless --color asks for them, as a pipe does.
    color: format === 'text' && (toFile ? flags.color === true : useColor(flags.color, io)),
    stdoutIsTerminal: !toFile && io.stdout.isTTY === true && io.stderr.isTTY === true,
  };
  // -o: once every option is checked (a usage error leaves an existing file alone), before any input is read.
  const inputFiles = inputs.flatMap((input) =>
    'source' in input && input.source.path !== undefined ? [input.source.path] : [],
  );
  const file = flags.output === undefined ? undefined : openOutputFile(flags.output, io.cwd, inputFiles);
  const streams = {
    stdout: file?.output ?? stdout,
    warn: (line: string) => io.stderr.write(`${line}\n`),
    progress: showProgress ? await terminalProgress(io.stderr) : NO_PROGRESS,
  };
  try {
    const code = await runCheck(inputs, options, report, streams);
    await file?.finish();
    return code;
  } catch (error) {
    file?.discard();
    throw error;
  }
}

/** No file given: standard input when something is piped in, else a usage error rather than a hang. */
function inputPaths(files: readonly string[], io: CliIo): string[] {
  // Standard input can be read once: a second "-" would be an empty file, or half of the first.
  if (files.filter((file) => file === '-').length > 1) {
    throw new UsageError('- (standard input) is given more than once: it can be read only once');
  }
  if (files.length > 0) return [...files];
  if (io.stdin.isTTY === true) {
    throw new UsageError('no input: give files or directories to check, or pipe an export into billcheck -');
  }
  return ['-'];
}

async function loadConfig(flags: CheckFlags, io: CliIo): Promise<BillcheckConfig> {
  if (flags.config === false) return EMPTY_CONFIG;
  const file = flags.config ?? (await findConfigFile(io.cwd));
  return file === undefined ? EMPTY_CONFIG : loadConfigFile(file, RULES);
}
