import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Effect } from '../../../core/client';
import { t, type Language } from '../../../ui/i18n/localize';
import { buttonStyles, cardStyles } from '../../styles/shared';
import { otherNoticeFormStyles } from './bb-other-notice-form.styles';

export const OTHER_MAX = 280;

export interface OtherDraft {
  text: string;
  effect: Extract<Effect, 'info' | 'slower_service'>;
  scope: 'counter' | 'branch';
}

/**
 * "Something else": a short text typed by the teller (shown in the tablet's language only, and
 * said so under the field), whether it slows service or is just information, and where. The
 * picker reads `draft` when a duration is tapped and shows a refusal in `error`.
 */
@customElement('bb-other-notice-form')
export class BbOtherNoticeForm extends LitElement {
  static override styles = [buttonStyles, cardStyles, otherNoticeFormStyles];

  @property() language: Language = 'it';
  /** The branch's languages: the one-language hint shows when there are others. */
  @property({ attribute: false }) languages: readonly string[] = [];
  @property() error: string | null = null;

  @state() private text = '';
  @state() private effect: OtherDraft['effect'] = 'slower_service';
  @state() private scope: OtherDraft['scope'] = 'counter';

  get draft(): OtherDraft {
    return { text: this.text.trim(), effect: this.effect, scope: this.scope };
  }

  override render() {
    const l = this.language;
    return html`<div class="other-form">
      <label class="field">
        <span class="label">${t(l, 'tablet.presets.otherText')}</span>
        <textarea
          data-testid="other-text"
          maxlength=${OTHER_MAX}
          rows="3"
          autofocus
          aria-describedby="other-hint"
          placeholder=${t(l, 'tablet.presets.otherPlaceholder')}
          .value=${this.text}
          @input=${(e: Event) => {
            this.text = (e.target as HTMLTextAreaElement).value;
            // The owner clears its refusal: the text changed.
            this.dispatchEvent(new CustomEvent('bb-other-input', { bubbles: true, composed: true }));
          }}
        ></textarea>
        <span class="under">
          ${this.text.trim() && this.languages.some((x) => x !== l)
            ? html`<span class="hint" id="other-hint" data-testid="one-language-hint">${t(l, 'tablet.notices.oneLanguage')}</span>`
            : nothing}
          <span class="count">${this.text.length}/${OTHER_MAX}</span>
        </span>
      </label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="choice-row">
        <span class="label">${t(l, 'tablet.presets.effect')}</span>
        ${(['slower_service', 'info'] as const).map(
          (e) => html`<button
            class="btn ${this.effect === e ? 'selected' : ''}"
            data-testid="other-effect"
            data-effect=${e}
            aria-pressed=${this.effect === e ? 'true' : 'false'}
            @click=${() => (this.effect = e)}
          >
            ${e === 'info' ? t(l, 'tablet.presets.effectInfo') : t(l, 'tablet.presets.effectSlower')}
          </button>`,
        )}
      </div>
      <div class="choice-row">
        <span class="label">${t(l, 'tablet.presets.scope')}</span>
        ${(['counter', 'branch'] as const).map(
          (s) => html`<button
            class="btn ${this.scope === s ? 'selected' : ''}"
            data-testid="other-scope"
            data-scope=${s}
            aria-pressed=${this.scope === s ? 'true' : 'false'}
            @click=${() => (this.scope = s)}
          >
            ${s === 'counter' ? t(l, 'common.scope.thisCounter') : t(l, 'common.scope.branch')}
          </button>`,
        )}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-other-notice-form': BbOtherNoticeForm;
  }
  interface HTMLElementEventMap {
    'bb-other-input': CustomEvent<void>;
  }
}
