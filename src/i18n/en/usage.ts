/**
 * billcheck's usage errors in English, the reference catalogue (src/i18n/fr/usage.ts gives the
 * same keys): what `billcheck: …` says when an option, an input or the output is wrong.
 */
export const EN_USAGE = {
  'map.unknownField': '--map: unknown field "{{field}}" (fields: {{fields}})',
  'encoding.unknown': '--encoding: unknown encoding "{{encoding}}" (e.g. utf-8, windows-1252, utf-16le)',
  'delimiter.notOne': '--delimiter takes one character or tab, not "{{text}}"',
  'delimiter.quote': '--delimiter cannot be ", the character CSV quotes fields with',
  'delimiter.lineBreak': '--delimiter cannot be a line break or a NUL',
  'assignment.shape': '{{option}} expects {{shape}}, not "{{text}}"',
  'rule.unknown': '--rule: unknown rule "{{id}}" (run billcheck rules for the list)',
  'rule.level': '--rule {{id}}: "{{level}}" is not a severity ({{levels}})',
  'maxWarnings.notNumber': '--max-warnings expects a whole number, not "{{text}}"',
  'maxWarnings.tooLarge': '--max-warnings {{text}} is too large (at most {{max}})',
  'jobs.range': '--jobs expects a number from 1 to 16, not "{{text}}"',
  'date.invalid': '{{option}}: "{{text}}" is not a date ({{reason}})',
  'date.unreadable': '{{option}}: "{{text}}" is not a date (write it as yyyy-mm-dd, e.g. 2026-09-15)',
  'terminated.noAccount':
    '--terminated: no account before "=" in "{{text}}" (give ACCOUNT=DATE, or DATE alone for every account)',
  'stdin.twice': '- (standard input) is given more than once: it can be read only once',
  'input.none': 'no input: give files or directories to check, or pipe an export into billcheck -',
  'output.isInput': '-o {{path}}: this is one of the files to check; write the report elsewhere',
  'output.cannotOpen': 'cannot write the report to {{path}}: {{reason}}',
  'output.failed': 'cannot write the output: {{reason}}',
  'open.ENOENT': 'its folder does not exist',
  'open.noSuchFolder': 'no such directory: {{folder}}',
  'open.notAFolder': 'not a directory: {{folder}}',
  'open.EACCES': 'permission denied',
  'open.EISDIR': 'it is a folder',
  'open.EROFS': 'read-only file system',
  'write.ENOSPC': 'no space left on the device (ENOSPC)',
  'write.EIO': 'input/output error (EIO)',
  'write.EDQUOT': 'disk quota exceeded (EDQUOT)',
  'write.EBADF': 'standard output is closed (EBADF)',
  'letter.sentTooMany':
    '--sent takes at most two dates: the written complaint, then the letter to the consumer service',
  'letter.sentOrder': '--sent: give the written complaint first, then the later letter to the consumer service',
  'letter.sentFuture': '--sent {{date}} is after today ({{today}})',
  'letter.sentBeforeDocuments':
    '--sent {{date}} is before {{document}} of {{documentDate}}, the earliest document the letter disputes: give the date your written complaint was sent',
  'letter.stageNeedsSent': '--stage {{stage}} needs --sent DATE: the date of your written complaint',
  'letter.mediatorNeedsSent':
    '--stage mediator needs --sent DATE: the date of your written complaint ' +
    '(and a second --sent for the letter to the consumer service, if you wrote one)',
  'letter.statusNeedsSent': '--status needs --sent DATE: the date of your written complaint',
  'letter.fromUnreadable': '--from {{file}}: cannot read it ({{code}})',
  'letter.fromInvalid': '--from {{file}}: {{reason}}',
  'letter.noSuchAccount': '--account {{account}}: no such account in the inputs',
  'letter.noSuchAccountListed':
    '--account {{account}}: no such account in the inputs (accounts with findings: {{list}})',
  'letter.severalAccounts': 'several accounts have findings; choose one with --account ID: {{list}}',
  'letter.accountCount': '{{account}} ({{count}} findings)',
  'letter.accountCountOne': '{{account}} (1 finding)',
  'letter.statusCountry':
    '--status: billcheck knows the escalation of France and the United Kingdom only; say which with --country FR|GB',
  'letter.mediatorCountry':
    '--stage mediator drafts a referral to the French Médiateur des communications électroniques: ' +
    'for other countries, billcheck drafts stages 1 and 2 only (or pass --country FR)',
  'letter.senderFrom': "the sender's details come from {{file}} (letter.from: {{keys}})",
  'extract.skipped': '{{file}}: skipped: {{reason}}',
} as const;

export type UsageKey = keyof typeof EN_USAGE;
