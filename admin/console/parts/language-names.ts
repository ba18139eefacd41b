/** Languages a branch's screens can show, offered first in pickers (any BCP 47 tag is accepted). */
export const SCREEN_LANGUAGES = ['it', 'en', 'fr', 'es', 'de', 'nl', 'pt', 'ro', 'sq', 'ar', 'zh', 'uk', 'pl', 'tr'] as const;

const cache = new Map<string, Intl.DisplayNames>();

/**
 * "de" → "Deutsch"/"German"/"tedesco", in the console's language, as it is written inside a
 * sentence ("Nessun testo in inglese"): Intl.DisplayNames gives it so.
 */
export function languageName(tag: string, uiLang: string): string {
  let names = cache.get(uiLang);
  if (!names) {
    try {
      names = new Intl.DisplayNames([uiLang], { type: 'language' });
    } catch {
      return tag;
    }
    cache.set(uiLang, names);
  }
  return names.of(tag) ?? tag;
}

/** A language's name standing alone, as a label, a button or a list item: "Italiano", "Inglese". */
export function languageLabel(tag: string, uiLang: string): string {
  const n = languageName(tag, uiLang);
  return n.charAt(0).toLocaleUpperCase(uiLang) + n.slice(1);
}

/** Languages named inside a sentence, as the console's language lists them: "inglese e tedesco". */
export function languageList(tags: readonly string[], uiLang: string): string {
  const names = tags.map((l) => languageName(l, uiLang));
  try {
    return new Intl.ListFormat(uiLang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
