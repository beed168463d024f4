/**
 * Help in the reader's language through commander's public API only: a Help subclass whose
 * headings, usage placeholders and "(choices, default)" extras come from the catalogue.
 */
import { Command, Help } from 'commander';
import type { Argument, Option } from 'commander';
import { EN_HELP, type HelpKey } from './en/help.js';
import { FR_HELP } from './fr/help.js';
import type { Lang } from './lang.js';
import { phrase, type PhraseBook } from './phrases.js';

export const HELP: PhraseBook<HelpKey> = { en: EN_HELP, fr: FR_HELP };

/** A help text of `lang`. */
export function helpText(lang: Lang, key: HelpKey, data?: Readonly<Record<string, string>>): string {
  return phrase(HELP, lang, key, data);
}

const TITLES: ReadonlyMap<string, HelpKey> = new Map([
  ['Usage:', 'title.usage'],
  ['Arguments:', 'title.arguments'],
  ['Options:', 'title.options'],
  ['Commands:', 'title.commands'],
  ['Global Options:', 'title.globalOptions'],
]);

const NBSP = '\u00A0';
/** A private-use character of the same width that commander does not take for white space. */
const HELD_NBSP = '\uE000';

/** Commander's help, its own words in `lang` (the descriptions already are: they come from the catalogue). */
export class LocalHelp extends Help {
  constructor(private readonly lang: Lang) {
    super();
  }

  override styleTitle(title: string): string {
    const key = TITLES.get(title);
    return key === undefined ? title : helpText(this.lang, key);
  }

  /** Commander wraps at any white space, U+00A0 included: "Options :" must not break before its colon. */
  override boxWrap(str: string, width: number): string {
    return super.boxWrap(str.replaceAll(NBSP, HELD_NBSP), width).replaceAll(HELD_NBSP, NBSP);
  }

  override commandUsage(cmd: Command): string {
    return super
      .commandUsage(cmd)
      .split(' ')
      .map((word) => (word === '[command]' ? helpText(this.lang, 'term.command') : word))
      .join(' ');
  }

  override optionDescription(option: Option): string {
    const extras = choicesAndDefault(option.argChoices, option.defaultValue, option.defaultValueDescription, this.lang);
    // As commander: a default is shown for an option that takes a value, or a boolean one set to a boolean.
    const showDefault =
      option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    const shown = showDefault ? extras : extras.filter((extra) => !extra.isDefault);
    return withExtras(option.description, shown, this.lang);
  }

  override argumentDescription(argument: Argument): string {
    const extras = choicesAndDefault(
      argument.argChoices,
      argument.defaultValue,
      argument.defaultValueDescription,
      this.lang,
    );
    return withExtras(argument.description, extras, this.lang);
  }
}

interface Extra {
  readonly text: string;
  readonly isDefault: boolean;
}

function choicesAndDefault(
  choices: readonly string[] | undefined,
  defaultValue: unknown,
  defaultDescription: string | undefined,
  lang: Lang,
): Extra[] {
  const extras: Extra[] = [];
  if (choices !== undefined) {
    const list = choices.map((choice) => JSON.stringify(choice)).join(', ');
    extras.push({ text: helpText(lang, 'extra.choices', { list }), isDefault: false });
  }
  if (defaultValue !== undefined) {
    const value = defaultDescription ?? JSON.stringify(defaultValue);
    extras.push({ text: helpText(lang, 'extra.default', { value }), isDefault: true });
  }
  return extras;
}

function withExtras(description: string, extras: readonly Extra[], lang: Lang): string {
  if (extras.length === 0) return description;
  const joined = `(${extras.map((extra) => extra.text).join(lang === 'fr' ? '\u00A0; ' : ', ')})`;
  return description === '' ? joined : `${description} ${joined}`;
}

/**
 * A command whose help (and its subcommands' help) speaks `lang`: commander's documented way to
 * bring a Help subclass is to override createHelp, and createCommand so subcommands get it too.
 */
export class LocalCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly helpLang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): LocalCommand {
    return new LocalCommand(name, this.helpLang);
  }

  override createHelp(): Help {
    return Object.assign(new LocalHelp(this.helpLang), this.configureHelp());
  }
}
