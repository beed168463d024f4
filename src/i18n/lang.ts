/** The languages of billcheck's own words: messages, summaries, `rules`, `explain`, errors and help. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language a POSIX locale names ("fr_FR.UTF-8", "fr", "en_GB"), or undefined for one billcheck
 * does not speak ("de_DE") and for the neutral "C" / "POSIX" locales, which then fall through to English.
 */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (locale === undefined || locale === '') return undefined;
  const language = /^([A-Za-z]{2,3})(?:[_.@-]|$)/.exec(locale)?.[1]?.toLowerCase();
  return isLang(language) ? language : undefined;
}

/**
 * The locale as POSIX reads it: LC_ALL, else LC_MESSAGES, else LANG (the first one set and not
 * empty wins, even when billcheck does not speak its language: a German locale gets English, not
 * the French of a LANG set behind it).
 */
export function langOfEnvironment(env: NodeJS.ProcessEnv): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') return langOfLocale(value);
  }
  return undefined;
}

/** `--lang`, else the config's `lang`, else the locale, else English. */
export function resolveLang(choice: {
  readonly flag?: Lang | undefined;
  readonly config?: Lang | undefined;
  readonly env: NodeJS.ProcessEnv;
}): Lang {
  return choice.flag ?? choice.config ?? langOfEnvironment(choice.env) ?? DEFAULT_LANG;
}
