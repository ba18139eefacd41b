import { html, nothing } from 'lit';
import { t, type Language } from '../../../ui/i18n/localize';

/**
 * Under a field being typed in: the text goes out in the tablet's language only (the lobby shows
 * it once, in that language), while presets speak every language of the branch.
 */
export function oneLanguageHint(id: string, draft: string, language: Language, branchLanguages: readonly string[], typedIn: string = language) {
  if (!draft.trim() || !branchLanguages.some((x) => x !== typedIn)) return nothing;
  const said = typedIn === language ? t(language, 'tablet.notices.oneLanguage') : t(language, 'tablet.notices.onlyIn', { language: languageName(typedIn, language) });
  return html`<p class="hint" id=${id} data-testid="one-language-hint">${said}</p>`;
}

/** A language's name in the tablet's language ("italiano", "Italian"). */
export function languageName(lang: string, inLang: string): string {
  try {
    return new Intl.DisplayNames([inLang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
