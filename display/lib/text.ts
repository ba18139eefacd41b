import { css, html, nothing, type TemplateResult } from 'lit';
import { pickText } from '../../core';
import { msg, type MessageId, type Messages } from '../i18n/strings';

/**
 * Showing the same thing in the screen's languages: the first is the main one (large), the others
 * smaller beneath or beside it. Texts are data (presets, staff typing) and always go through Lit's
 * text bindings, never as HTML.
 */

export interface LangText {
  lang: string;
  text: string;
}

/** One string per screen language, with repeats removed (a name that is the same in both languages shows once). */
export function perLang(langs: readonly string[], f: (lang: string) => string): LangText[] {
  const out: LangText[] = [];
  for (const lang of langs) {
    const text = f(lang);
    if (text && !out.some((o) => o.text === text)) out.push({ lang, text });
  }
  return out;
}

/** A staff or config text in each screen language, falling back to the branch's languages. */
export function localTexts(
  text: Record<string, string> | null | undefined,
  langs: readonly string[],
  branchLangs: readonly string[] = [],
): LangText[] {
  if (!text) return [];
  return perLang(langs, (l) => pickText(text, l, branchLangs));
}

type Args<K extends MessageId> = Messages[K] extends (...a: infer A) => string ? A : [];

/** A catalogue message in each screen language. */
export function msgs<K extends MessageId>(langs: readonly string[], id: K, ...args: Args<K>): LangText[] {
  return perLang(langs, (l) => msg(l, id, ...args));
}

/** Main language on top, the others smaller beneath. */
export function stacked(parts: readonly LangText[]): TemplateResult | typeof nothing {
  if (parts.length === 0) return nothing;
  return html`${parts.map((p, i) => html`<span class=${i === 0 ? 'l0' : 'l1'} lang=${p.lang}>${p.text}</span> `)}`;
}

/** Main language first, the others after it on the same line, lighter. */
export function inline(parts: readonly LangText[]): TemplateResult | typeof nothing {
  if (parts.length === 0) return nothing;
  return html`${parts.map(
    (p, i) =>
      html`${i > 0 ? html`<span class="sep" aria-hidden="true"> · </span>` : nothing}<span class=${i === 0 ? 'i0' : 'i1'} lang=${p.lang}>${p.text}</span>`,
  )}`;
}

/** Styles for `stacked` and `inline`; elements add them to their own static styles. */
export const langStyles = css`
  .l0 {
    display: block;
  }
  .l1 {
    display: block;
    font-size: 0.72em;
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
