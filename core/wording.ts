import { parse } from '@formatjs/icu-messageformat-parser';
import type { z } from 'zod';

/**
 * A branch's own wording checked when it is saved, with the parser the board formats it with
 * (ui/i18n/icu-with-parser.ts): the lobby falls back to the catalogue's words for a message that
 * does not parse, and shows markup as the letters "<b>" (customer text is text, never HTML), so
 * either would be a silent surprise on the screens. Only saving is checked: a branch's log folds
 * whatever it once held.
 */

/** Looks like an HTML or ICU tag: "<b>", "</b>", "<br/>", "<span class=x>". */
const MARKUP = /<\/?[A-Za-z][^<>]*>/;

/** Why `src` would not show as written, or null when it would. */
export function wordingProblem(src: string): string | null {
  const tag = MARKUP.exec(src);
  if (tag) return `markup (${tag[0]}) is not allowed: the screens show text only`;
  // What the board uses as it is (ui/i18n/messages.ts isPlainMessage) needs no parsing.
  if (!/[{}'<]/.test(src)) return null;
  try {
    parse(src);
    return null;
  } catch (e) {
    return `not a valid ICU message (${(e as Error).message})`;
  }
}

/** For a zod schema of `wording` (language → key → message): one issue per message that would not show, at its language and key. */
export function checkWording(wording: Record<string, Record<string, string>> | undefined, ctx: z.RefinementCtx): void {
  for (const [lang, byKey] of Object.entries(wording ?? {})) {
    for (const [key, src] of Object.entries(byKey)) {
      const problem = wordingProblem(src);
      if (problem) ctx.addIssue({ code: 'custom', path: ['wording', lang, key], message: problem });
    }
  }
}
