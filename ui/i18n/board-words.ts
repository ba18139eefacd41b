import { catalogueLanguage, type Language } from './languages';
import type { Wording } from './localize';
import { addLanguage, isPlainMessage, message, type CatalogueMessage } from './messages';

/**
 * The lobby's words, loaded for the languages it shows (issue 9: the screen downloads only
 * those): the public board's common, lobby and causes messages of one language are one chunk
 * (`board/<lang>.ts`), already compiled to functions when the lobby was built, so the screen ships
 * no message parser nor formatter. A branch's own wording in ICU syntax (a plural, a placeholder)
 * needs them (intl-messageformat and its parser): they are loaded only for such a branch, before
 * its board is drawn.
 */
const CHUNKS: Record<Language, () => Promise<{ default: Record<string, CatalogueMessage> }>> = {
  it: () => import('./board/it'),
  en: () => import('./board/en'),
  fr: () => import('./board/fr'),
  es: () => import('./board/es'),
  de: () => import('./board/de'),
  nl: () => import('./board/nl'),
};

/** A key of the lobby part: there, the language's board words are (from a chunk, or parts/public-board.ts). */
const LOADED_KEY = 'lobby.connecting';

const pending = new Map<Language, Promise<void>>();

function languagesOf(tags: readonly string[]): Language[] {
  return [...new Set(tags.map(catalogueLanguage))];
}

/** Whether the board's words are here for each of these languages (tags: "fr-CH" needs French). */
export function boardWordsLoaded(tags: readonly string[]): boolean {
  return languagesOf(tags).every((l) => message(l, LOADED_KEY) !== undefined);
}

/** Loads the board's words for these languages (each chunk once). */
export function loadBoardWords(tags: readonly string[]): Promise<void> {
  return Promise.all(
    languagesOf(tags).map((lang) => {
      if (message(lang, LOADED_KEY) !== undefined) return undefined;
      let p = pending.get(lang);
      if (!p) {
        p = CHUNKS[lang]()
          .then((m) => addLanguage(lang, m.default))
          .finally(() => pending.delete(lang));
        pending.set(lang, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/** Whether a wording has a message to parse (a plain text is used as it is). */
function needsParser(wording: Wording | undefined): boolean {
  return Object.values(wording ?? {}).some((byKey) => Object.values(byKey ?? {}).some((src) => src !== undefined && !isPlainMessage(src)));
}

let parserLoaded = false;
let parser: Promise<void> | undefined;

/** intl-messageformat with its parser, for the localizer (icu-with-parser.ts). */
function loadParser(): Promise<void> {
  parser ??= import('./icu-with-parser').then(
    () => {
      parserLoaded = true;
    },
    (err: unknown) => {
      parser = undefined;
      throw err;
    },
  );
  return parser;
}

/**
 * For an element that words the board: `ready(langs, wording)` says whether it can be drawn in
 * those languages with that wording; if not, it fetches what is missing and asks the element to
 * render again once it is there (a failed fetch is tried again at the next render).
 */
export class BoardWords {
  constructor(private readonly host: { requestUpdate(): void }) {}

  ready(langs: readonly string[], wording?: Wording): boolean {
    const words = boardWordsLoaded(langs);
    const parse = !needsParser(wording) || parserLoaded;
    if (words && parse) return true;
    void Promise.all([words ? undefined : loadBoardWords(langs), parse ? undefined : loadParser()]).then(
      () => this.host.requestUpdate(),
      () => undefined,
    );
    return false;
  }
}
