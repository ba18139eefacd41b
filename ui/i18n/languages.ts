/**
 * The languages Branchboard speaks: every fixed string of the lobby, the phone view, the tablet,
 * the console and the kiosk exists in each (test/unit/catalogue.test.ts holds them to it).
 * Text typed by staff may be in any language; it is shown as typed.
 */
export const LANGUAGES = ['it', 'en', 'fr', 'es', 'de', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language a catalogue falls back to when asked for one it does not have. */
export const FALLBACK_LANGUAGE: Language = 'en';

/** Each language's name in itself, for language switches. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  it: 'Italiano',
  en: 'English',
  fr: 'Français',
  es: 'Español',
  de: 'Deutsch',
  nl: 'Nederlands',
};

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The catalogue language for a tag: "fr-CH" → "fr"; a language we do not have → English. */
export function catalogueLanguage(tag: string): Language {
  const base = tag.toLowerCase().split('-')[0] ?? '';
  return isLanguage(base) ? base : FALLBACK_LANGUAGE;
}

/** The first of `wanted` (e.g. navigator.languages) that is one of `offered`, by base language; else null. */
export function matchLanguage(wanted: readonly string[], offered: readonly string[]): string | null {
  for (const w of wanted) {
    const exact = offered.find((o) => o.toLowerCase() === w.toLowerCase());
    if (exact) return exact;
    const base = w.toLowerCase().split('-')[0];
    const same = offered.find((o) => o.toLowerCase().split('-')[0] === base);
    if (same) return same;
  }
  return null;
}
