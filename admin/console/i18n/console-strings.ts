/**
 * The console's words until the shared catalogue (ui/) lands; then they move there. English is
 * complete and the fallback (console-en.ts); one file per language. `{name}` placeholders are
 * filled by `ct()`.
 */
import { en, type Catalogue, type ConsoleKey } from './console-en';
import { it } from './console-it';

export type { ConsoleKey };

export const CONSOLE_LANGS = ['it', 'en', 'fr', 'es', 'de', 'nl'] as const;
export type ConsoleLang = (typeof CONSOLE_LANGS)[number];

const CATALOGUES: Record<ConsoleLang, Partial<Catalogue>> = { en, it, fr: {}, es: {}, de: {}, nl: {} };

export function isConsoleLang(v: unknown): v is ConsoleLang {
  return typeof v === 'string' && (CONSOLE_LANGS as readonly string[]).includes(v);
}

/** The text for `key` in `lang` (English when missing), with `{name}` placeholders filled. */
export function ct(lang: ConsoleLang, key: ConsoleKey, vars?: Record<string, string | number>): string {
  const s = CATALOGUES[lang][key] ?? en[key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** Whether the strings have this key (used to word server error codes). */
export function hasConsoleKey(key: string): key is ConsoleKey {
  return key in en;
}
