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

/**
 * Whether the screens have their fixed words (labels, "We are closed", cause names) in this
 * language. A branch may show others (pt, ro, ar…): staff texts — presets, notices, counter and
 * service names — are shown in them as typed, and the fixed words come in English beside them.
 */
export function hasBoardWords(tag: string): boolean {
  return isLanguage(tag.toLowerCase().split('-')[0]);
}

/** The branch's languages that have no translation of the fixed words (the console warns about them). */
export function untranslatedLanguages(tags: readonly string[]): string[] {
  return tags.filter((t) => !hasBoardWords(t));
}

/** The language the fixed words of `tag` are written in: itself when translated, else the fallback. */
export function wordsLanguage(tag: string): string {
  return hasBoardWords(tag) ? tag : FALLBACK_LANGUAGE;
}

const namers = new Map<string, Intl.DisplayNames | null>();

/**
 * A language's name in another, as written inside a sentence: "en" in Italian is "inglese", in
 * English "English" ("in inglese", "Nessun testo in inglese"); the tag itself where the browser
 * knows no name. The one wording of it for the lobby's notes, the phone, the tablet and the console.
 */
export function languageName(tag: string, inLang: string): string {
  let names = namers.get(inLang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([inLang], { type: 'language' });
    } catch {
      names = null;
    }
    namers.set(inLang, names);
  }
  try {
    return names?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const nativeNames = new Map<string, string>();

/** A language named in itself, for switches: "Deutsch", "português" (any tag the browser knows, else the tag). */
export function nativeLanguageName(tag: string): string {
  if (isLanguage(tag)) return LANGUAGE_NAMES[tag];
  let name = nativeNames.get(tag);
  if (name === undefined) {
    try {
      const n = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
      name = n.charAt(0).toLocaleUpperCase(tag) + n.slice(1);
    } catch {
      name = tag;
    }
    nativeNames.set(tag, name);
  }
  return name;
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
