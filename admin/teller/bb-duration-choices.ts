import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type Language } from '../../ui/i18n/localize';
import { durationChoices } from '../../ui/time/durations';
import { buttonStyles } from '../styles/shared';
import { durationChoicesStyles } from './bb-duration-choices.styles';

export interface DurationDetail {
  /** Minutes from now; null for "don't know". */
  minutes: number | null;
}

/**
 * "How long will it last?": the quick durations (ui/time/durations.ts) and "don't know", as
 * big buttons; a tap fires `bb-duration` — the owner posts at once (one tap, never a second
 * "confirm"). A preset's own default is added and marked "suggested", never pre-sent.
 */
@customElement('bb-duration-choices')
export class BbDurationChoices extends LitElement {
  static override styles = [buttonStyles, durationChoicesStyles];

  @property() language: Language = 'it';
  /** The preset's default duration: added to the choices and marked. */
  @property({ type: Number }) suggested: number | null = null;
  /** Whether "don't know" is marked when it is the suggestion (a preset whose end is usually unknown). */
  @property({ type: Boolean, attribute: 'mark-unknown' }) markUnknown = false;
  /** The choice whose command is under way (shown busy); the others are disabled meanwhile. */
  @property({ attribute: false }) busy: number | null | undefined = undefined;
  /** `large` (a dialog's main question) or `compact` (a row in a drawer). */
  @property({ reflect: true }) size: 'large' | 'compact' = 'large';
  @property() label = '';

  private choose(minutes: number | null): void {
    this.dispatchEvent(new CustomEvent<DurationDetail>('bb-duration', { detail: { minutes }, bubbles: true, composed: true }));
  }

  override render() {
    const l = this.language;
    const choices: (number | null)[] = [...durationChoices(this.suggested), null];
    const anyBusy = this.busy !== undefined;
    return html`<div class="durations" role="group" aria-label=${this.label || nothing}>
      ${choices.map((m) => {
        const isSuggested = this.size === 'large' && m === this.suggested && (m !== null || this.markUnknown);
        const busy = anyBusy && this.busy === m;
        return html`<button
          class="btn ${isSuggested ? 'selected suggested' : ''}"
          data-testid="expected"
          data-minutes=${m ?? 'unknown'}
          aria-busy=${busy ? 'true' : 'false'}
          ?disabled=${anyBusy && !busy}
          @click=${() => this.choose(m)}
        >
          <span class="big">${m === null ? t(l, 'common.duration.unknown') : t(l, 'common.duration.minutes', { n: m })}</span>
          ${isSuggested ? html`<span class="hint">${t(l, 'common.duration.suggested')}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-duration-choices': BbDurationChoices;
  }
  interface HTMLElementEventMap {
    'bb-duration': CustomEvent<DurationDetail>;
  }
}
