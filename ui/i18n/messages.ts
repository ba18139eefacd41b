import { LANGUAGES, type Language } from './languages.ts';

/** A message compiled to a function of its arguments. */
export type MessageFunction = (args: Record<string, unknown>) => string;

/**
 * A catalogue message as a page holds it: its ICU source (as the JSON files have it), or — in the
 * lobby's build, whose catalogues are compiled when it is built (scripts/vite/precompiled-messages.ts)
 * — a plain string with nothing to format, or the message compiled to a function.
 */
export type CatalogueMessage = string | MessageFunction;

/**
 * The catalogue messages this page has loaded, per language. Each page imports the parts it
 * speaks (`ui/i18n/parts/<part>.ts`; `parts/public-board.ts` for the public board's common,
 * lobby and causes in every language), so the lobby does not download the console's thousand
 * messages in six languages; the lobby itself loads the board's words one language at a time
 * (`board-words.ts`). `catalogue.ts` (the whole catalogue, for tools, tests and the console) adds
 * every part.
 */
const loaded = Object.fromEntries(LANGUAGES.map((l) => [l, {}])) as Record<Language, Record<string, CatalogueMessage>>;

/**
 * A message with nothing to format or unescape (no argument, plural, select, quote or tag): it
 * is its own text, so it needs neither the parser nor a formatter.
 */
export function isPlainMessage(src: CatalogueMessage): src is string {
  return typeof src === 'string' && !/[{}'<]/.test(src);
}

export function addMessages(part: Record<Language, Record<string, CatalogueMessage>>): void {
  for (const l of LANGUAGES) Object.assign(loaded[l], part[l]);
}

/** Messages of one language (a chunk the lobby loads for a language it shows). */
export function addLanguage(lang: Language, messages: Record<string, CatalogueMessage>): void {
  Object.assign(loaded[lang], messages);
}

export function message(lang: Language, key: string): CatalogueMessage | undefined {
  return loaded[lang][key];
}
