import type { DocumentKind } from '../../model/document.js';
import type { Counted, Words } from '../words.js';

/** "1 file", "2 files": the count comes written (9,976), the noun agrees with it. */
const noun =
  (singular: string, plural = `${singular}s`): Counted =>
  (count, written) =>
    `${written} ${count === 1 ? singular : plural}`;

const PLURAL_KINDS: Readonly<Record<DocumentKind, string>> = {
  invoice: 'invoices',
  'credit-note': 'credit notes',
  payment: 'payments',
  dunning: 'dunning letters',
  termination: 'terminations',
};

export const EN_WORDS: Words = {
  report: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    fatal: 'fatal',
    skipped: 'skipped',
    columns: 'columns',
    kinds: {
      invoice: 'invoice',
      'credit-note': 'credit note',
      dunning: 'dunning letter',
      payment: 'payment',
      termination: 'termination',
    },
    ofDate: (date) => `of ${date}`,
    alsoReadAt: (places) => `also read at ${places}`,
    readAs: (roles) => `read as ${roles}`,
    decidedBy: { values: 'values', map: 'map' },
    settles: (map) => ` (${map} settles it)`,
    configOff: (file, total) => `⚠ Config ${file} turns off every rule (${total}): nothing was checked`,
    configNoChange: 'no change from the defaults',
    configLine: (file, changes) => `Config ${file}: ${changes}`,
    skippedLine: (parts) => `Skipped ${parts}`,
    skipReasons: {
      extension: noun('file billcheck does not read', 'files billcheck does not read'),
      hidden: noun('hidden entry', 'hidden entries'),
      duplicate: noun('link to a file or folder already read', 'links to files or folders already read'),
      special: noun(
        'entry that is not a file (a device, pipe or socket)',
        'entries that are not files (devices, pipes, sockets)',
      ),
    },
    files: noun('file'),
    documents: noun('document'),
    accounts: noun('account'),
    dataRows: noun('data row'),
    problems: noun('problem'),
    errors: noun('error'),
    warnings: noun('warning'),
    infos: noun('info'),
    then: '; ',
    scope: (documents, accounts, files) => `in ${documents}, ${accounts}, ${files}`,
    couldNotBeChecked: (files) => `${files} could not be checked`,
    nothingChecked: 'nothing was checked',
    noDocuments: (files, rows) => `No documents found in ${files} (${rows}): nothing was checked`,
    noProblems: (scope) => `No problems ${scope}`,
    noRuleOn: (documents, accounts, files) => `No rule is on: ${documents}, ${accounts}, ${files} read, none checked`,
    problemsLine: (problems, counts, scope) => `${problems} (${counts}) ${scope}`,
    worstAccounts: (list) => `Worst accounts: ${list}`,
    storiesTitle: 'Stories: each account seen in several files, in date order',
    account: (name) => `Account ${name}`,
    aliasKinds: { line: 'line', customer: 'customer' },
    namedBeside: 'named beside it',
    onKinds: (kinds) => `on the ${kinds.map((kind) => PLURAL_KINDS[kind]).join(' and ')}`,
    invisibleIn: (chars) => ` (written with an invisible ${chars})`,
    alsoKnown: (aliases) => `, also ${aliases}`,
    ownInvisible: (chars) => `; written with an invisible ${chars}`,
    verbs: {
      invoice: 'billed',
      'credit-note': 'credited',
      payment: 'paid',
      dunning: 'demanded',
      termination: 'terminated',
    },
    undated: 'undated',
    effectiveOn: (date) => `effective ${date}`,
    claimsInvoices: (ids) => `${ids.length === 1 ? 'for invoice' : 'for invoices'} ${ids.join(', ')}`,
    storiesDropped: (count) => `Stories told for the first documents only: ${count} more were not kept.`,
  },
  engine: {
    inColumn: (column) => ` (column "${column}")`,
    inColumnValue: (column, value) => ` (column "${column}": "${value}")`,
    conflict:
      'Invoice {{invoiceId}} is also claimed by account {{otherAccount}} ({{otherFile}}:{{otherLine}}) with a different content: the two accounts are not joined.',
  },
  rules: {
    header: ['Rule', 'Severity', 'Scope', 'Description'],
    scopes: { document: 'document', account: 'account', input: 'input' },
    byDefault: (severity, scope) => `(${severity} by default, ${scope} rule)`,
    why: 'Why it matters',
    whatToDo: 'What to do',
    basis: 'Basis',
    options: 'Options',
    example: 'Example',
    defaultValue: (value) => `(default: ${value})`,
  },
  cli: {
    internalError: (message) => `Internal error: ${message}`,
    rerunDebug: 'Rerun with --debug for the stack trace, and report it with the input that caused it',
    unknownRule: (id) => `Unknown rule "${id}" (run billcheck rules for the list)`,
    didYouMean: (word, suggestion) =>
      `Unknown command "${word}": did you mean ${suggestion}? (a file to check is a path: ./${word})`,
    helpHint: '(run billcheck --help for usage)',
  },
};
