import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { pickText, type Preset, type PresetOrigin } from '../../../../core/client';
import { causeLabel } from '../../../../ui/cause/cause-presentation';
import { causeColor } from '../../../../ui/cause/cause-colors';
import { causeIcon } from '../../../../ui/icons/cause-icons';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { languageList } from '../../parts/language-names';
import { missingLanguages } from './preview-notice';
import { presetRowStyles } from './bb-preset-row.styles';

export type PresetAction = 'edit' | 'hide' | 'restore' | 'revert' | 'remove';

/** One preset in a list: its cause, its text in the main language, where it comes from, what is missing, and what can be done. */
@customElement('bb-preset-row')
export class BbPresetRow extends LitElement {
  static override styles = presetRowStyles;

  @property({ attribute: false }) preset!: Preset;
  /** Absent in the bank's library itself. */
  @property() origin: PresetOrigin | null = null;
  @property({ attribute: false }) languages: readonly string[] = [];
  @property() ui: ConsoleLang = 'it';

  private act(action: PresetAction): void {
    this.dispatchEvent(new CustomEvent('bb-preset-action', { detail: { action, id: this.preset.id }, bubbles: true, composed: true }));
  }

  override render() {
    const u = this.ui;
    const p = this.preset;
    const missing = missingLanguages(p.text, this.languages);
    const hidden = this.origin === 'hidden';
    return html`<div class="row ${hidden ? 'hidden' : ''}" style=${styleMap({ '--cause': causeColor(p.cause) })}>
      <span class="icon" aria-hidden="true">${causeIcon(p.cause)}</span>
      <div class="main">
        <span class="cause">${causeLabel(p.cause, u)}${p.defaultMinutes ? html` · ${ct(u, 'preset.aboutShort', { n: p.defaultMinutes })}` : html` · ${ct(u, 'preset.unknownShort')}`}</span>
        <span class="text" lang=${this.languages[0] ?? 'en'} dir="auto">${pickText(p.text, this.languages[0] ?? 'en', this.languages)}</span>
        <span class="facts">
          ${this.origin ? html`<span class="tag ${this.origin}">${ct(u, `origin.${this.origin}`)}</span>` : nothing}
          ${missing.length
            ? html`<span class="tag warn" data-testid="preset-missing">${ct(u, 'preset.missingIn', { list: languageList(missing, u) })}</span>`
            : html`<span class="tag ok">${ct(u, 'preset.allLanguages')}</span>`}
          ${p.resolvedText ? html`<span class="tag">${ct(u, 'preset.hasResolved')}</span>` : nothing}
        </span>
      </div>
      <div class="actions">
        ${hidden
          ? html`<button class="btn" @click=${() => this.act('restore')}>${ct(u, 'preset.restore')}</button>`
          : html`<button class="btn" data-testid="edit-preset" @click=${() => this.act('edit')}>${ct(u, 'common.edit')}</button>
              ${this.origin === 'library' ? html`<button class="btn quiet" @click=${() => this.act('hide')}>${ct(u, 'preset.hide')}</button>` : nothing}
              ${this.origin === 'override' ? html`<button class="btn quiet" @click=${() => this.act('revert')}>${ct(u, 'preset.revert')}</button>` : nothing}
              ${this.origin === 'branch' || this.origin === null
                ? html`<button class="btn quiet danger" @click=${() => this.act('remove')}>${ct(u, 'common.remove')}</button>`
                : nothing}`}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-preset-row': BbPresetRow;
  }
  interface HTMLElementEventMap {
    'bb-preset-action': CustomEvent<{ action: PresetAction; id: string }>;
  }
}
