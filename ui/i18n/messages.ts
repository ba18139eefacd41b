import { LANGUAGES, type Language } from './languages';

/**
 * The catalogue messages this page has loaded, per language. Each page imports the parts it
 * speaks (`ui/i18n/parts/<part>.ts`; the localizer brings the public board's own: common, lobby,
 * causes), so the lobby does not download the console's thousand messages in six languages.
 * `catalogue.ts` (the whole catalogue, for tools, tests and the console) adds every part.
 */
const loaded = Object.fromEntries(LANGUAGES.map((l) => [l, {}])) as Record<Language, Record<string, string>>;

export function addMessages(part: Record<Language, Record<string, string>>): void {
  for (const l of LANGUAGES) Object.assign(loaded[l], part[l]);
}

export function message(lang: Language, key: string): string | undefined {
  return loaded[lang][key];
}
