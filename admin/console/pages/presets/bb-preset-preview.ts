import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BranchConfig, PresetBody } from '../../../../core/client';
// The lobby's own card: the preview is the lobby, not a drawing of it.
import '../../../../ui/notice/bb-notice-card';
import { themeTokens } from '../../../../ui/theme/lobby-theme';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { languageLabel, languageList } from '../../parts/language-names';
import { missingLanguages, previewNotice } from './preview-notice';
import { presetPreviewStyles } from './bb-preset-preview.styles';

type View = 'screen' | string;

/**
 * A preset as the lobby will show it, beside its form, redrawn on every keystroke: the lobby's
 * notice card on the lobby's dark ground, in the branch's languages (as on the TV) or one of them
 * (as on a phone set to it), while up or once resolved (its resolved twin). Languages the texts
 * lack are named above it.
 */
@customElement('bb-preset-preview')
export class BbPresetPreview extends LitElement {
  static override styles = [themeTokens, presetPreviewStyles];

  @property({ attribute: false }) preset: PresetBody | null = null;
  @property({ attribute: false }) config: BranchConfig | null = null;
  /** The languages to preview (a branch's, or for the bank's library, the usual set). */
  @property({ attribute: false }) languages: readonly string[] = [];
  @property() ui: ConsoleLang = 'it';
  @property({ type: Number }) now = Date.now();

  @state() private view: View = 'screen';
  @state() private phase: 'active' | 'resolved' = 'active';

  override render() {
    const u = this.ui;
    const p = this.preset;
    const cfg = this.config;
    if (!p || !cfg) return nothing;
    const langs = this.view === 'screen' ? this.languages : [this.view];
    const missingText = missingLanguages(p.text, this.languages);
    const missingResolved = missingLanguages(p.resolvedText, this.languages);
    const notice = previewNotice(p, cfg, this.now, this.phase);
    return html`<section aria-label=${ct(u, 'preview.title')} data-testid="preset-preview">
      <div class="bar">
        <h3>${ct(u, 'preview.title')}</h3>
        <div class="seg" role="group" aria-label=${ct(u, 'preview.when')}>
          ${(['active', 'resolved'] as const).map(
            (ph) => html`<button type="button" data-testid="preview-${ph}" aria-pressed=${this.phase === ph ? 'true' : 'false'} @click=${() => (this.phase = ph)}>
              ${ct(u, ph === 'active' ? 'preview.active' : 'preview.resolved')}
            </button>`,
          )}
        </div>
      </div>
      <div class="seg langs" role="group" aria-label=${ct(u, 'preview.languages')}>
        <button type="button" aria-pressed=${this.view === 'screen' ? 'true' : 'false'} @click=${() => (this.view = 'screen')}>${ct(u, 'preview.screen')}</button>
        ${this.languages.map(
          (l) => html`<button type="button" data-testid="preview-lang" data-lang=${l} aria-pressed=${this.view === l ? 'true' : 'false'} @click=${() => (this.view = l)}>
            ${languageLabel(l, u)}
          </button>`,
        )}
      </div>
      ${missingText.length
        ? html`<p class="warn" data-testid="preview-missing">${ct(u, 'preview.missingText', { list: languageList(missingText, u) })}</p>`
        : nothing}
      ${this.phase === 'resolved' && missingResolved.length
        ? html`<p class="warn" data-testid="preview-missing-resolved">
            ${ct(u, p.resolvedText ? 'preview.missingResolved' : 'preview.noResolved', { list: languageList(missingResolved, u) })}
          </p>`
        : nothing}
      <div class="lobby" data-testid="preview-lobby">
        <bb-notice-card .notice=${notice} .config=${cfg} .langs=${langs} .now=${this.now}></bb-notice-card>
      </div>
      <p class="caption">${ct(u, this.view === 'screen' ? 'preview.captionScreen' : 'preview.captionPhone')}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-preset-preview': BbPresetPreview;
  }
}
