import { html, nothing } from 'lit';
import { t, type Language } from '../../../ui/i18n/localize';

/**
 * Under a field being typed in: the text goes out in the tablet's language only (the lobby shows
 * it once, in that language), while presets speak every language of the branch.
 */
export function oneLanguageHint(id: string, draft: string, language: Language, branchLanguages: readonly string[]) {
  if (!draft.trim() || !branchLanguages.some((x) => x !== language)) return nothing;
  return html`<p class="hint" id=${id} data-testid="one-language-hint">${t(language, 'tablet.notices.oneLanguage')}</p>`;
}
