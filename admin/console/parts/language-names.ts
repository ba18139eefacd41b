import { languageName } from '../../../ui/i18n/languages';

/** Languages a branch's screens can show, offered first in pickers (any BCP 47 tag is accepted). */
export const SCREEN_LANGUAGES = ['it', 'en', 'fr', 'es', 'de', 'nl', 'pt', 'ro', 'sq', 'ar', 'zh', 'uk', 'pl', 'tr'] as const;

/** "de" → "Deutsch"/"German"/"tedesco", in the console's language, inside a sentence (ui/i18n/languages.ts). */
export { languageName };

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
