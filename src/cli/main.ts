import { CommanderError, Option } from 'commander';
import type { Command } from 'commander';
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
import { overlappingEndAccounts, parallelMinBytes } from '../check/parallel/pool.js';
import type { LetterFlags } from './letter.js';
import { LETTER_COUNTRIES, LETTER_FORMATS, LETTER_LANGS, runLetter, STAGES } from './letter.js';
import type { CliIo } from './io.js';
import { EXIT_FAILURE, EXIT_OK, Output, OutputClosed, OutputFailed, UsageError, usageError } from './io.js';
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
import { commanderErrorText, errorLine, fatalLine, suggestCommand, usageLine } from './errors.js';
import { isLang, type Lang, LANGS, resolveLang } from '../i18n/lang.js';
import { wordsFor } from '../i18n/words.js';
import type { HelpKey } from '../i18n/en/help.js';
import { helpText, LocalCommand } from '../i18n/help.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

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
      const typo = mistypedCommand(withoutLeadingLang(argv), io.cwd);
      if (typo !== undefined) throw new UsageError(wordsFor(lang).cli.didYouMean(typo.word, typo.suggestion));
      await program.parseAsync(withoutLeadingLang(argv), { from: 'user' });
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
 * `billcheck --lang fr check --help`: a --lang before the command word is the program's (already
 * read by langFlagOf); left in, commander would take "check" for a file of the default command.
 */
function withoutLeadingLang(argv: readonly string[]): string[] {
  const args = [...argv];
  while (args.length > 0) {
    const first = args[0] as string;
    if (first === '--lang' && isLang(args[1])) args.splice(0, 2);
    else if (first.startsWith('--lang=') && isLang(first.slice('--lang='.length))) args.splice(0, 1);
    else break;
  }
  return args;
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
  if (error instanceof FatalInputError) {
    io.stderr.write(`${fatalLine(error.file, error.message, lang)}\n`);
    return EXIT_FAILURE;
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof OutputFailed) {
    io.stderr.write(`${errorLine(usageLine(error, lang))}\n`);
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
function langOption(lang: Lang): Option {
  return new Option('--lang <lang>', helpText(lang, 'option.lang')).choices(LANGS);
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
  const t = (key: HelpKey): string => helpText(lang, key);
  // Help and version settings first: subcommands inherit them when they are created.
  const program = new LocalCommand('billcheck', lang)
    .description(t('program.description'))
    .version(VERSION, '-v, --version', t('option.version'))
    .helpOption('-h, --help', t('option.help'))
    .helpCommand(t('term.helpCommand'), t('command.help'))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // The width of the streams main() was given, not of the process's own (80 when not a terminal).
      getOutHelpWidth: () => terminalWidth(io),
      getErrHelpWidth: () => terminalWidth(io),
      // Commander's errors quote the arguments ("invalid argument 'ESC[2J'"): never raw on a terminal.
      writeErr: (text) => io.stderr.write(printableLines(text)),
      // Commander's "error: …" in billcheck's style: "billcheck: Unknown option '--x'".
      outputError: (text, write) => write(commanderErrorText(text, lang)),
    })
    .showHelpAfterError(wordsFor(lang).cli.helpHint)
    .addHelpText('after', t('program.after'));

  program
    .command('check', { isDefault: true })
    .description(t('check.description'))
    .argument(t('argument.files'), t('argument.filesDescription'))
    .addOption(new Option('-f, --format <format>', t('check.format')).choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --output <file>', t('check.output'))
    .option('-c, --config <file>', t('option.config'))
    .option('--no-config', t('option.noConfig'))
    .option('--rule <id=severity>', t('check.rule'), collect)
    .option('-q, --quiet', t('check.quiet'))
    .option('--max-warnings <n>', t('check.maxWarnings'))
    .option('--exit-zero', t('check.exitZero'))
    .option('--terminated <[account=]date>', t('option.terminated'), collect)
    .option('--delimiter <char>', t('check.delimiter'))
    .option('--encoding <name>', t('check.encoding'))
    .option('--map <field=column>', t('check.map'), collect)
    .addOption(new Option('--date-order <order>', t('check.dateOrder')).choices(DATE_ORDERS))
    .option('--color', t('option.color'))
    .option('--no-color', t('option.noColor'))
    .option('--today <date>', t('check.today'))
    .option('-j, --jobs <n>', t('check.jobs'))
    .option('--debug', t('option.debug'))
    .addOption(langOption(lang))
    .addHelpText('after', t('check.after'))
    .action(async (files: string[], flags: CheckFlags & { lang?: Lang }) => {
      setExitCode(await check(files, { ...flags, lang: flags.lang ?? flagLang }, io, stdout));
    });

  program
    .command('rules')
    .description(t('rules.description'))
    .addOption(new Option('-f, --format <format>', t('option.format')).choices(['text', 'json']).default('text'))
    .option('--color', t('option.color'))
    .option('--no-color', t('option.noColor'))
    .addOption(langOption(lang))
    .addHelpText('after', t('rules.after'))
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
    .description(t('explain.description'))
    .argument(t('argument.ruleId'), t('argument.ruleIdDescription'))
    .option('--color', t('option.color'))
    .option('--no-color', t('option.noColor'))
    .addOption(langOption(lang))
    .addHelpText('after', t('explain.after'))
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
    .description(t('extract.description'))
    .argument(t('argument.files'), t('argument.filesDescription'))
    .addOption(new Option('-f, --format <format>', t('option.format')).choices(['json']).default('json'))
    .option('--delimiter <char>', t('option.delimiter'))
    .option('--encoding <name>', t('option.encoding'))
    .option('--map <field=column>', t('option.map'), collect)
    .addOption(new Option('--date-order <order>', t('option.dateOrder')).choices(DATE_ORDERS))
    .option('--debug', t('option.debug'))
    .addHelpText('after', t('extract.after'))
    .action(async (files: string[], flags: CheckFlags) => {
      const inputs = await resolveInputs(inputPaths(files, io), io.stdin);
      setExitCode(
        await runExtract(
          inputs,
          inputOptions(flags),
          { stdout, warn: (line) => io.stderr.write(`${line}\n`) },
          await commandLang(flagLang, io),
        ),
      );
    });

  // letter (issue 16)
  program
    .command('letter')
    .description(t('letter.description'))
    .argument(t('argument.files'), t('argument.filesDescription'))
    .option('--account <id>', t('letter.account'))
    .addOption(new Option('--lang <lang>', t('letter.lang')).choices(LETTER_LANGS))
    .option('--from <file>', t('letter.from'))
    .addOption(new Option('--stage <stage>', t('letter.stage')).choices(STAGES).default('1'))
    .option('--sent <date>', t('letter.sent'), collect)
    .option('--status', t('letter.status'))
    .addOption(new Option('--country <code>', t('letter.country')).choices(LETTER_COUNTRIES))
    .addOption(new Option('-f, --format <format>', t('option.format')).choices(LETTER_FORMATS).default('text'))
    .option('-o, --output <file>', t('letter.output'))
    .option('-c, --config <file>', t('option.config'))
    .option('--no-config', t('option.noConfig'))
    .option('--terminated <[account=]date>', t('option.terminated'), collect)
    .option('--delimiter <char>', t('option.delimiter'))
    .option('--encoding <name>', t('option.encoding'))
    .option('--map <field=column>', t('option.map'), collect)
    .addOption(new Option('--date-order <order>', t('option.dateOrder')).choices(DATE_ORDERS))
    .option('--today <date>', t('letter.today'))
    .addHelpText('after', t('letter.after'))
    .action(async (files: string[], flags: LetterFlags) => {
      const today = flags.today === undefined ? todayIso() : parseIsoOption('--today', flags.today, dateOrderOf(flags));
      const config = await loadConfig(flags, io);
      const inputs =
        flags.status === true && files.length === 0 ? undefined : await resolveInputs(inputPaths(files, io), io.stdin);
      setExitCode(
        await runLetter(
          inputs,
          flags,
          { config, today, cwd: io.cwd },
          { stdout, warn: (line) => io.stderr.write(`${line}\n`), lang: await commandLang(flagLang, io) },
        ),
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
    parallelMinBytes: parallelMinBytes(io.env.BILLCHECK_PARALLEL_MIN_BYTES),
    overlappingEndAccounts: overlappingEndAccounts(io.env.BILLCHECK_OVERLAPPING_END_ACCOUNTS),
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
    progress: showProgress ? await terminalProgress(io.stderr, lang) : NO_PROGRESS,
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
    throw usageError('stdin.twice');
  }
  if (files.length > 0) return [...files];
  if (io.stdin.isTTY === true) {
    throw usageError('input.none');
  }
  return ['-'];
}

async function loadConfig(flags: CheckFlags, io: CliIo): Promise<BillcheckConfig> {
  if (flags.config === false) return EMPTY_CONFIG;
  const file = flags.config ?? (await findConfigFile(io.cwd));
  return file === undefined ? EMPTY_CONFIG : loadConfigFile(file, RULES);
}
