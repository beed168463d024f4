/**
 * The help texts of every command in English: the reference catalogue (src/i18n/fr/help.ts gives
 * the same keys). Commander's own headings and phrases are here too, so that a French help has
 * no English left in it.
 */
const CHECK_AFTER = `
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

const PROGRAM_AFTER = `
"billcheck FILE…" is short for "billcheck check FILE…" (see billcheck check --help).
It reads CSV exports, the text of bills and letters, and PDF bills directly (a scan needs OCR first).

Examples:
  $ billcheck invoices.csv                      check an export, report for a person
  $ billcheck invoices.csv --format json | jq '.summary'
  $ billcheck rules                             what billcheck flags
  $ billcheck explain dunning-while-in-credit   why, and what to do about it
  $ billcheck facture.pdf                       a PDF bill (or several in one PDF)
  $ billcheck extract facture.txt               what billcheck read in a bill`;

const LETTER_AFTER = `
Examples:
  $ billcheck letter invoices.csv --account 0612345001 --from me.json > reclamation.txt
  $ billcheck letter invoices.csv --account 0612345001 --stage 2 --sent 2026-09-01
  $ billcheck letter invoices.csv --account 0612345001 --stage mediator --sent 2026-09-01 --sent 2026-10-05 -f html -o saisine.html
  $ billcheck letter --status --sent 2026-09-01

The letter is a draft built from the bills, not legal advice: read it before sending it.`;

export const EN_HELP = {
  // Commander's own words (commander 14: Help.formatHelp, helpOption, helpCommand).
  'title.usage': 'Usage:',
  'title.arguments': 'Arguments:',
  'title.options': 'Options:',
  'title.commands': 'Commands:',
  'title.globalOptions': 'Global Options:',
  'term.command': '[command]',
  'term.helpCommand': 'help [command]',
  'extra.choices': 'choices: {{list}}',
  'extra.default': 'default: {{value}}',
  'option.help': 'display help for command',
  'option.version': 'print the version',
  'command.help': 'display help for command',
  // Arguments, as usage and the list of arguments write them.
  'argument.files': '[files...]',
  'argument.filesDescription': 'files, directories (recursed) or - for standard input',
  'argument.ruleId': '<rule-id>',
  'argument.ruleIdDescription': 'a rule id, as listed by billcheck rules',
  // Options several commands share.
  'option.lang': 'language of messages, summaries, rules and explain (default: from the locale)',
  'option.config': 'config file (default: billcheck.config.json found upwards from the current folder)',
  'option.noConfig': 'ignore any config file',
  'option.color': 'force colors',
  'option.noColor': 'disable colors',
  'option.debug': 'print stack traces of internal errors',
  'option.terminated': 'the contract (of this account) ended on this date (repeatable)',
  'option.format': 'output format',
  'option.delimiter': 'CSV delimiter',
  'option.encoding': 'input encoding',
  'option.map': 'read a field from this column (repeatable)',
  'option.dateOrder': 'order of numeric dates',
  // billcheck
  'program.description':
    'Find absurd bills: dunning letters for 0,01 €, blank invoices, 149 000 € home-line bills, bills after termination.',
  'program.after': PROGRAM_AFTER,
  // billcheck check
  'check.description': 'check invoices, credit notes, dunning letters and terminations (CSV, text or PDF)',
  'check.format': 'output format (html: one self-contained page with charts)',
  'check.output': 'write the report to this file instead of standard output',
  'check.rule': 'set a rule to off, info, warning or error (repeatable)',
  'check.quiet': 'report errors only (warnings are not shown nor counted, as with ESLint)',
  'check.maxWarnings': 'exit with 1 when there are more warnings than this',
  'check.exitZero': 'exit with 0 even when there are errors (still 2 when a file cannot be read)',
  'check.delimiter': 'CSV delimiter (default: sniffed among ; , tab |)',
  'check.encoding': 'input encoding (default: BOM, else UTF-8, else Windows-1252)',
  'check.map': 'read a field from this column, e.g. --map total="Montant dû" (repeatable)',
  'check.dateOrder': 'order of numeric dates such as 03/04/2024',
  'check.today': 'check as if today were this date (for "issued in the future")',
  'check.jobs': 'threads reading a CSV file over 16 MB (default: 2 where there are 2 cores; 1: one thread)',
  'check.after': CHECK_AFTER,
  // billcheck rules
  'rules.description': 'list every rule with its default severity and what it flags',
  'rules.after': "\nExamples:\n  $ billcheck rules\n  $ billcheck rules --format json | jq -r '.rules[].id'",
  // billcheck explain
  'explain.description': "print a rule's documentation: what it flags, why, what to do, options",
  'explain.after': '\nExample:\n  $ billcheck explain dunning-trivial-amount',
  // billcheck extract
  'extract.description': 'print the documents billcheck understood, as JSON (for debugging and scripts)',
  'extract.after':
    "\nExamples:\n  $ billcheck extract facture.txt\n  $ billcheck extract facture.pdf        also says whether it carries a Factur-X / ZUGFeRD XML\n  $ billcheck extract invoices.csv | jq '.documents[] | {id, total}'",
  // billcheck letter
  'letter.description': "draft the complaint letter for one account's findings, and track the escalation",
  'letter.account': 'the account to write about (needed when several have findings)',
  'letter.lang': 'language of the letter (default: that of the bills)',
  'letter.from':
    'your details: JSON or "key: value" lines (name, address, city, customerNumber, contract, email, phone)',
  'letter.stage': '1: complaint; 2: to the consumer service; mediator: referral',
  'letter.sent': 'date of a letter already sent: the complaint, then the consumer-service letter (repeatable)',
  'letter.status': 'print what may be done next, from which date, until when',
  'letter.country': 'whose law and escalation to cite (default: from the bills)',
  'letter.output': 'write the letter to this file',
  'letter.today': 'date the letter as of this day',
  'letter.after': LETTER_AFTER,
} as const;

export type HelpKey = keyof typeof EN_HELP;
