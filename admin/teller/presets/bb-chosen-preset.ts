import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BranchConfig, Preset } from '../../../core/client';
import { causeColor } from '../../../ui/cause/cause-colors';
import { causeLabel } from '../../../ui/cause/cause-presentation';
import { t, type Language } from '../../../ui/i18n/localize';
import { causeIcon } from '../../../ui/icons/cause-icons';
import { local } from '../../lib/teller-model';
import { chosenPresetStyles } from './bb-chosen-preset.styles';

/** The preset a teller picked, as a reminder above "how long will it last?". */
@customElement('bb-chosen-preset')
export class BbChosenPreset extends LitElement {
  static override styles = chosenPresetStyles;

  @property() language: Language = 'it';
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) preset: Preset | null = null;

  override render() {
    const p = this.preset;
    if (!p || !this.config) return nothing;
    const l = this.language;
    return html`<div class="chosen" style="--cause:${causeColor(p.cause)}">
      <div class="chosen-cause">${causeIcon(p.cause, { size: '24px' })}<span>${causeLabel(p.cause, l)}</span></div>
      <p class="chosen-text">${local(this.config, p.text, l)}</p>
      <span class="chip">${p.scope === 'counter' ? t(l, 'common.scope.thisCounter') : t(l, 'common.scope.branch')}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-chosen-preset': BbChosenPreset;
  }
}
