/**
 * The console's words: the `console.*` messages of the one catalogue (ui/i18n/console/<lang>.json,
 * ICU message format, six languages). Console code names them without the prefix.
 */
import type en from '../../../ui/i18n/console/en.json';
import { t, type MessageKey } from '../../../ui/i18n/localize';
import { LANGUAGES, isLanguage, type Language } from '../../../ui/i18n/languages';
import { CATALOGUES } from '../../../ui/i18n/catalogue';

type Prefixed = keyof typeof en;
export type ConsoleKey = Prefixed extends `console.${infer K}` ? K : never;

export const CONSOLE_LANGS = LANGUAGES;
export type ConsoleLang = Language;

export function isConsoleLang(v: unknown): v is ConsoleLang {
  return isLanguage(v);
}

/** The console's message `key` in `lang`, with its `{placeholders}` filled. */
export function ct(lang: ConsoleLang, key: ConsoleKey, vars?: Record<string, string | number>): string {
  return t(lang, `console.${key}` as MessageKey, vars);
}

/** Whether the catalogue has this console message (used to word server error codes). */
export function hasConsoleKey(key: string): key is ConsoleKey {
  return `console.${key}` in CATALOGUES.en;
}
