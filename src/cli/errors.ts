/**
 * One prefix and one style for every error billcheck prints, commander's included:
 * "billcheck: Unknown option '--fromat'", a capitalized sentence after "billcheck: ".
 */
import { ConfigError } from '../engine/config.js';
import type { Lang } from '../i18n/lang.js';
import { englishSentenceIn, usageText } from '../i18n/usage.js';
import type { OutputFailed, UsageError } from './io.js';
import { readerText, sentence } from '../i18n/reader.js';
import { printable } from '../report/sanitize.js';

export const ERROR_PREFIX = 'billcheck: ';

/** "billcheck: Cannot write the output: …", made printable (messages may quote the input). */
export function errorLine(message: string): string {
  return `${ERROR_PREFIX}${sentence(printable(message))}`;
}

/**
 * A file that cannot be checked: "billcheck: scan.pdf: no text in this PDF…", in the report's
 * language. The file name opens the line, as a compiler's "file:line: message" does, so the reason
 * after it stays a clause.
 */
export function fatalLine(file: string, message: string, lang: Lang): string {
  return `${ERROR_PREFIX}${printable(file)}: ${printable(readerText(message, lang))}`;
}

/** What a usage, config or output error says in `lang` (a config error keeps its file name first). */
export function usageLine(error: UsageError | ConfigError | OutputFailed, lang: Lang): string {
  if (error instanceof ConfigError) {
    const prefix = error.file === undefined ? '' : `${error.file}: `;
    const said = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return `${prefix}${englishSentenceIn(said, lang)}`;
  }
  if ('textIn' in error) return error.textIn(lang);
  return usageText(error.phrase, lang);
}

type Rewrite = readonly [RegExp, (match: RegExpExecArray) => string];

/** Commander's own errors in French (its wording, commander 14); the quoted parts kept. */
const COMMANDER_FRENCH: readonly Rewrite[] = [
  [/^unknown option '(.*)'$/, (m) => `Option inconnue '${m[1]}'`],
  [/^unknown command '(.*)'$/, (m) => `Commande inconnue '${m[1]}'`],
  [/^missing required argument '(.*)'$/, (m) => `Argument obligatoire manquant '${m[1]}'`],
  [/^option '(.*)' argument missing$/, (m) => `L’option '${m[1]}' attend une valeur`],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (m) => `L’option '${m[1]}' n’accepte pas la valeur '${m[2]}'. Valeurs possibles : ${m[3]}.`,
  ],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => `Trop d’arguments${m[1] === undefined ? '' : ` pour '${m[1]}'`} : ${m[2]} attendu(s), ${m[3]} donné(s).`,
  ],
  [/^\(Did you mean (.*)\?\)$/, (m) => `(Vouliez-vous dire ${m[1]} ?)`],
];

/**
 * Commander's "error: unknown option '--x'\n(Did you mean --y?)\n" in billcheck's style: the
 * prefix, a capital letter, and French when the run is in French.
 */
export function commanderErrorText(text: string, lang: Lang): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const out = lines.map((line, index) => {
    const bare = index === 0 ? line.replace(/^error: /, '') : line;
    let said = bare;
    if (lang === 'fr') {
      for (const [pattern, french] of COMMANDER_FRENCH) {
        const match = pattern.exec(bare);
        if (match !== null) {
          said = french(match);
          break;
        }
      }
    }
    return index === 0 ? errorLine(said) : printable(said);
  });
  return `${out.join('\n')}\n`;
}

/** Commands a mistyped first word may have meant. */
export const COMMAND_NAMES = ['check', 'rules', 'explain', 'extract', 'letter', 'help'] as const;

/**
 * The command a bare first word was probably meant to be ("chekc" → "check"), or undefined: only
 * for a word that names no command and could not be a file (no slash, no extension), whose
 * distance to a command is at most 2 (one typo and one swap).
 */
export function suggestCommand(word: string): string | undefined {
  if (word.startsWith('-') || /[./\\]/.test(word) || (COMMAND_NAMES as readonly string[]).includes(word)) {
    return undefined;
  }
  let best: { name: string; distance: number } | undefined;
  for (const name of COMMAND_NAMES) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance <= Math.min(2, name.length - 2) && (best === undefined || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++)
    rows.push([i, ...Array.from({ length: b.length }, (_, j) => (i === 0 ? j + 1 : 0))]);
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
