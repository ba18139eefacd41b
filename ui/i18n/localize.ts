import type { MessageKey } from './catalogue';
import { compileIcu } from './icu';
import { isPlainMessage, message, type CatalogueMessage, type MessageFunction } from './messages';
import { catalogueLanguage, FALLBACK_LANGUAGE, type Language } from './languages';

/**
 * The one way every front end words things: ICU message-format strings kept as JSON data per
 * part and language (ui/i18n/<part>/<lang>.json, edited by translators), formatted by
 * intl-messageformat (icu.ts) — or, in the lobby's build, compiled to functions when it is built. One formatter per language, so a lobby TV holds several at once (its main
 * language large, the others beneath) — a page-wide "current locale" would not do.
 *
 * Which messages a page knows is up to the page: it imports its parts (`parts/<part>.ts`;
 * `parts/public-board.ts` for the board's common, lobby and causes), and the lobby loads the
 * board's words per language (`board-words.ts`), already compiled when it was built.
 *
 * A branch may word a message its own way (`BranchConfig.display.wording`): its text for a key
 * and language wins over the catalogue's.
 */

export type MessageArgs = Record<string, string | number | Date>;

/** A branch's own wording: language → message key → ICU message (or the message parsed). */
export type Wording = Partial<Record<string, Partial<Record<string, CatalogueMessage>>>>;

export class Localizer {
  readonly lang: Language;
  private readonly formats = new Map<string, MessageFunction | null>();

  /** `tag` is the language to speak (its region is used for numbers, e.g. "de-CH"); `wording` the branch's own. */
  constructor(
    readonly tag: string,
    private readonly wording: Partial<Record<string, CatalogueMessage>> = {},
  ) {
    this.lang = catalogueLanguage(tag);
  }

  /** The message for `key`, with its `{placeholders}` filled from `args`. */
  t(key: MessageKey, args?: MessageArgs): string {
    const src = this.source(key);
    if (src !== undefined && isPlainMessage(src)) return src;
    const f = this.format(key);
    if (!f) return key;
    try {
      return f(args ?? {});
    } catch {
      // A missing argument must not blank a screen: the plain message is better than nothing.
      return typeof src === 'string' ? src : key;
    }
  }

  /** Whether the catalogue (or the branch's wording) has this key: server error codes are worded only when it does. */
  has(key: string): key is MessageKey {
    return this.source(key as MessageKey) !== undefined;
  }

  private source(key: MessageKey): CatalogueMessage | undefined {
    return this.wording[key] ?? message(this.lang, key) ?? message(FALLBACK_LANGUAGE, key);
  }

  private format(key: MessageKey): MessageFunction | null {
    let f = this.formats.get(key);
    if (f === undefined) {
      const src = this.source(key);
      try {
        f = src === undefined ? null : formatter(src, this.tag);
      } catch {
        // A branch's own wording that does not parse: fall back to the catalogue's.
        const own = message(this.lang, key) ?? message(FALLBACK_LANGUAGE, key);
        f = own === undefined ? null : formatter(own, this.tag);
      }
      this.formats.set(key, f);
    }
    return f;
  }
}

const shared = new Map<string, Localizer>();
let sharedWording: Wording = {};

/** The localizer for a language tag (one per tag, kept: formatters are built once per message). */
export function localizer(tag: string): Localizer {
  let l = shared.get(tag);
  if (!l) {
    l = new Localizer(tag, sharedWording[tag] ?? sharedWording[catalogueLanguage(tag)] ?? {});
    shared.set(tag, l);
  }
  return l;
}

/**
 * Sets the branch's own wording for every localizer this page uses (a page shows one branch).
 * Called when the branch's configuration arrives or changes; formatters are rebuilt lazily.
 */
export function useWording(wording: Wording | undefined): void {
  const next = wording ?? {};
  if (JSON.stringify(next) === JSON.stringify(sharedWording)) return;
  sharedWording = next;
  shared.clear();
}

/** One message in one language. */
export function t(lang: string, key: MessageKey, args?: MessageArgs): string {
  return localizer(lang).t(key, args);
}

export type { MessageKey };
export { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from './languages';

/** A formatter: a compiled message is one; a plain message needs no compiler (a page may have none). */
function formatter(src: CatalogueMessage, tag: string): MessageFunction {
  if (typeof src === 'function') return src;
  if (isPlainMessage(src)) return () => src;
  return compileIcu(src, tag);
}
