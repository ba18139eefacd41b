import { html, nothing } from 'lit';
import { t, type Language } from '../../../ui/i18n/localize';
import { languageName } from '../../../ui/i18n/languages';

/**
 * Under a field being typed in: the text goes out in the tablet's language only (the lobby shows
 * it once, in that language), while presets speak every language of the branch.
 */
export function oneLanguageHint(id: string, draft: string, language: Language, branchLanguages: readonly string[], typedIn: string = language) {
  if (!draft.trim() || !branchLanguages.some((x) => x !== typedIn)) return nothing;
  const said = typedIn === language ? t(language, 'tablet.notices.oneLanguage') : t(language, 'tablet.notices.onlyIn', { language: languageName(typedIn, language) });
  return html`<p class="hint" id=${id} data-testid="one-language-hint">${said}</p>`;
}

/**
 * "Written in": which language a typed text is in (the tablet's by default, or another of the
 * branch's), so the lobby labels it truthfully and the other languages keep their own words.
 */
export function writtenInSelect(testid: string, language: Language, branchLanguages: readonly string[], typedIn: string, choose: (lang: string) => void) {
  const langs = [...new Set([language, ...branchLanguages])];
  return html`<label class="lang-row">
    <span>${t(language, 'tablet.notices.writtenIn')}</span>
    <select data-testid=${testid} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
      ${langs.map((x) => html`<option value=${x} lang=${x} ?selected=${x === typedIn}>${languageName(x, language)}</option>`)}
    </select>
  </label>`;
}

