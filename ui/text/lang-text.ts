import { css, html, nothing, type TemplateResult } from 'lit';
import { t, type MessageArgs, type MessageKey } from '../i18n/localize';
import { FALLBACK_LANGUAGE, hasBoardWords, wordsLanguage } from '../i18n/languages';

/**
 * Showing the same thing in the screen's languages: the first is the main one (large), the others
 * smaller beneath or beside it. Texts are data (presets, staff typing) and always go through Lit's
 * text bindings, never as HTML; each line gets dir="auto", so a right-to-left text reads right.
 */

export interface LangText {
  lang: string;
  text: string;
  /**
   * A line of several languages ("Caixa · By appointment" on a pt turn: a staff name in
   * Portuguese, the fixed words in English): its pieces, each marked with its own language inside
   * the line's; `text` is them joined.
   */
  parts?: readonly LangText[];
}

/** A line made of pieces in different languages, marked `lang` as a whole (see LangText.parts). */
export function mixedLine(lang: string, parts: readonly LangText[]): LangText {
  const shown = parts.filter((p) => p.text !== '');
  const text = shown.map((p) => p.text).join('');
  return shown.every((p) => p.lang === lang) ? { lang, text } : { lang, text, parts: shown };
}

/** A line's text with each piece in another language marked so, for screen readers and hyphenation. */
export function langContent(p: LangText): TemplateResult | string {
  if (!p.parts) return p.text;
  return html`${p.parts.map((x) => (x.lang === p.lang ? x.text : html`<span lang=${x.lang} dir="auto">${x.text}</span>`))}`;
}

/**
 * The languages the fixed words of `langs` are in, once each: a screen showing Italian and
 * Portuguese words its fixed lines in Italian and English ("pt" has no fixed words), and marks
 * them so — never English under lang="pt".
 */
export function wordsLangs(langs: readonly string[]): string[] {
  return [...new Set(langs.map(wordsLanguage))];
}

/** Texts compare equal when they read the same: spacing and letter case aside. */
function sameText(a: string, b: string): boolean {
  const norm = (t: string) => t.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** One string per screen language, with repeats removed (a name that is the same in both languages shows once). */
export function perLang(langs: readonly string[], f: (lang: string) => string): LangText[] {
  return perLangText(langs, (lang) => ({ lang, text: f(lang) }));
}

/** `perLang` for lines that carry their own language (a name, a mixed line): one each, repeats removed. */
export function perLangText(langs: readonly string[], f: (lang: string) => LangText): LangText[] {
  const out: LangText[] = [];
  for (const lang of langs) {
    const line = f(lang);
    if (line.text && line.text.trim() && !out.some((o) => sameText(o.text, line.text))) out.push(line);
  }
  return out;
}

/**
 * A staff or config text in the screen's languages: each text that exists, once, under its own
 * language. A language the text lacks (staff typed an update in one language) gets no line
 * rather than another language's text passed off as its own. Only when the text has none of the
 * screen's languages does it show one other (the branch's languages first, then any), so the
 * screen never goes blank. A screen language without fixed words (pt) takes the English text when
 * it has none of its own, labelled "en", as its fixed words are.
 */
export function localTexts(
  text: Record<string, string> | null | undefined,
  langs: readonly string[],
  branchLangs: readonly string[] = [],
): LangText[] {
  if (!text) return [];
  const has = (l: string) => typeof text[l] === 'string' && text[l]!.trim() !== '';
  // A language the catalogue lacks (pt) shows its fixed words in English: a text not typed in it
  // shows in English beside them, so the TV's pt turn reads like its en turn, not names gone.
  const own = (l: string) => (has(l) || hasBoardWords(l) ? l : wordsLanguage(l));
  const shown = perLang(
    [...new Set(langs.map(own))].filter((l) => has(l)),
    (l) => text[l]!,
  );
  if (shown.length) return shown;
  const other = [...branchLangs, ...Object.keys(text)].find((l) => has(l));
  return other ? [{ lang: other, text: text[other]! }] : [];
}

/**
 * Staff-written text (a notice, a preset, its closing words) in the screen's languages. When it
 * has none of them (a reader chose German; the notice is in Italian and English), English first,
 * then the branch's languages: a visitor who asked for another language more likely reads English
 * than the branch's own. Counter and service names are not this: they are the signs in the room,
 * as the manager wrote them (localTexts, the branch's languages first).
 */
export function staffTexts(
  text: Record<string, string> | null | undefined,
  langs: readonly string[],
  branchLangs: readonly string[] = [],
): LangText[] {
  return localTexts(text, langs, [FALLBACK_LANGUAGE, ...branchLangs]);
}

/** Arguments of a message, the same in every language or made per language (a clock time, a day). */
export type ArgsFor = MessageArgs | ((lang: string) => MessageArgs);

/**
 * A catalogue message in each screen language. A language the catalogue lacks (a branch showing
 * Portuguese) gets the fixed words in English, under "en" — never English passed off as Portuguese;
 * the branch's staff texts still show in it (localTexts).
 */
export function msgs(langs: readonly string[], key: MessageKey, args?: ArgsFor): LangText[] {
  return perLang(wordsLangs(langs), (l) => t(l, key, typeof args === 'function' ? args(l) : args));
}

/**
 * A catalogue message in `lang` with one argument a name in its own language ("It’s your turn:
 * Balcão 2" on a phone in pt, whose fixed words are English): the name is marked with its lang
 * wherever the wording puts it, so a screen reader says it in its language.
 */
export function withMarkedName(lang: string, key: MessageKey, arg: string, name: LangText, args: MessageArgs = {}): TemplateResult {
  const slot = '\uE000';
  const pieces = t(lang, key, { ...args, [arg]: slot }).split(slot);
  return html`${pieces.map((piece, i) => html`${i > 0 ? html`<span lang=${name.lang} dir="auto">${name.text}</span>` : nothing}${piece}`)}`;
}

/** Main language on top, the others smaller beneath. */
export function stacked(parts: readonly LangText[]): TemplateResult | typeof nothing {
  if (parts.length === 0) return nothing;
  return html`${parts.map((p, i) => html`<span class=${i === 0 ? 'l0' : 'l1'} lang=${p.lang} dir="auto">${langContent(p)}</span> `)}`;
}

/** Main language first, the others after it on the same line, lighter. */
export function inline(parts: readonly LangText[]): TemplateResult | typeof nothing {
  if (parts.length === 0) return nothing;
  return html`${parts.map(
    (p, i) =>
      html`${i > 0 ? html`<span class="sep" aria-hidden="true"> · </span>` : nothing}<span class=${i === 0 ? 'i0' : 'i1'} lang=${p.lang} dir="auto">${langContent(p)}</span>`,
  )}`;
}

/** Styles for `stacked` and `inline`; elements add them to their own static styles. */
export const langStyles = css`
  .l0 {
    display: block;
  }
  .l1 {
    display: block;
    /* Never under the screen's smallest readable size (--bb-min: 28 px at 1080p on the lobby TV). */
    font-size: max(var(--bb-min, 0px), 0.82em);
    font-weight: 400;
    color: var(--bb-text-2);
    margin-top: 0.2em;
  }
  .i1,
  .sep {
    color: var(--bb-text-2);
    font-weight: 400;
  }
`;
