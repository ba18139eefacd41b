import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BranchConfig, Preset } from '../../../core/client';
import { causeColor } from '../../../ui/cause/cause-colors';
import { causeLabel } from '../../../ui/cause/cause-presentation';
import { t, type Language } from '../../../ui/i18n/localize';
import { causeIcon } from '../../../ui/icons/cause-icons';
import { local, presetsByCause } from '../../lib/teller-model';
import { presetGridStyles } from './bb-preset-grid.styles';

/**
 * The branch's presets grouped by cause (in the fixed order of causes), each a big tile, and
 * "Other…" last. A tap fires `bb-pick-preset` (with the preset) or `bb-pick-other`.
 */
@customElement('bb-preset-grid')
export class BbPresetGrid extends LitElement {
  static override styles = presetGridStyles;

  @property() language: Language = 'it';
  @property({ attribute: false }) config: BranchConfig | null = null;

  private pick(p: Preset): void {
    this.dispatchEvent(new CustomEvent<Preset>('bb-pick-preset', { detail: p, bubbles: true, composed: true }));
  }

  private pickOther(): void {
    this.dispatchEvent(new CustomEvent('bb-pick-other', { bubbles: true, composed: true }));
  }

  override render() {
    const config = this.config;
    if (!config) return nothing;
    const l = this.language;
    const groups = presetsByCause(config.presets);
    return html`
      ${groups.length === 0 ? html`<p class="muted">${t(l, 'tablet.presets.none')}</p>` : nothing}
      <div class="groups">
        ${groups.map(
          (g) => html`<section class="group" style="--cause:${causeColor(g.cause)}" data-cause=${g.cause}>
            <h3>${causeIcon(g.cause, { size: '22px' })}<span>${causeLabel(g.cause, l)}</span></h3>
            ${g.presets.map((p) => this.renderTile(config, p))}
          </section>`,
        )}
        <section class="group" style="--cause:${causeColor('other')}" data-cause="other">
          <h3>${causeIcon('other', { size: '22px' })}<span>${causeLabel('other', l)}</span></h3>
          <button class="tile other" data-testid="preset-other" @click=${this.pickOther}>
            <span class="head">${t(l, 'tablet.presets.other')}</span>
          </button>
        </section>
      </div>
    `;
  }

  private renderTile(config: BranchConfig, p: Preset) {
    const l = this.language;
    const { head, rest } = splitText(local(config, p.text, l));
    return html`<button class="tile" data-testid="preset" data-preset=${p.id} @click=${() => this.pick(p)}>
      <span class="head">${head}</span>
      ${rest ? html`<span class="rest">${rest}</span>` : nothing}
      <span class="chips">
        <span class="chip">${p.scope === 'counter' ? t(l, 'common.scope.thisCounter') : t(l, 'common.scope.branch')}</span>
        ${p.defaultMinutes !== null ? html`<span class="chip">~${p.defaultMinutes} min</span>` : nothing}
      </span>
    </button>`;
  }
}

/** "Guasto al computer: ci scusiamo, …" → a bold head and the rest, so a tile reads at a glance. */
export function splitText(text: string): { head: string; rest: string } {
  const i = text.indexOf(':');
  if (i > 8 && i < 90) return { head: text.slice(0, i), rest: text.slice(i + 1).trim() };
  return { head: text, rest: '' };
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-preset-grid': BbPresetGrid;
  }
  interface HTMLElementEventMap {
    'bb-pick-preset': CustomEvent<Preset>;
    'bb-pick-other': CustomEvent<void>;
  }
}
