/**
 * A rule's words in a language: its description, documentation and messages. English stays in the
 * rule files (the source a rule's author writes); every other language has one catalogue file,
 * keyed by rule id and message id (src/i18n/<lang>/rules.ts). See README.md for why.
 */
import type { MessageData, RuleDocs } from '../engine/rule.js';
import { FR_RULES } from './fr/rules.js';
import type { Lang } from './lang.js';

export interface RuleTexts {
  readonly description: string;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<string, string>>;
  /**
   * Rewrites the few values a rule composes in English before they fill a placeholder ("invoice
   * FA-1", " at 5.5 %"), so that rule files stay the only place rules are written; evidence keeps them.
   */
  readonly adaptData?: (data: MessageData) => MessageData;
}

/** Rule id → its words; the reserved rules (invalid-input, account-conflict) are in it too. */
export type RuleCatalogue = Readonly<Record<string, RuleTexts>>;

/** The catalogues of the languages other than English, which the rule files hold. */
export const TRANSLATIONS: Readonly<Record<Exclude<Lang, 'en'>, RuleCatalogue>> = { fr: FR_RULES };

/** What a rule (or reserved rule) carries in English: the fallback and the reference for placeholders. */
export type EnglishTexts = RuleTexts & { readonly id: string };

/** The rule's words in `lang`, English where the catalogue has no entry (a test holds them complete). */
export function ruleTexts(rule: EnglishTexts, lang: Lang): RuleTexts {
  if (lang === 'en') return rule;
  const catalogue = TRANSLATIONS[lang];
  return Object.hasOwn(catalogue, rule.id) ? (catalogue[rule.id] as RuleTexts) : rule;
}

/** One message template in `lang`, English when missing. */
export function messageTemplate(rule: EnglishTexts, messageId: string, lang: Lang): string | undefined {
  const texts = ruleTexts(rule, lang);
  if (Object.hasOwn(texts.messages, messageId)) return texts.messages[messageId];
  return Object.hasOwn(rule.messages, messageId) ? rule.messages[messageId] : undefined;
}

/** The `{{placeholders}}` of a template, sorted and once each (the registry test compares them). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] as string))].sort();
}
