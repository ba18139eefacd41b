import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, type BranchState } from '../../core/client';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { counterView, local, serviceName, statusText } from '../lib/teller-model';
import { counterPickerStyles } from './bb-counter-picker.styles';

/** "Which counter are you at?": one big button per counter, with its status and what it serves. */
@customElement('bb-counter-picker')
export class BbCounterPicker extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  /** The counter remembered from last time, highlighted. */
  @property() selected: string | null = null;
  /** Set when the remembered counter is gone from the branch. */
  @property({ type: Boolean }) missing = false;

  private pick(id: string): void {
    this.dispatchEvent(new CustomEvent<string>('bb-pick-counter', { detail: id, bubbles: true, composed: true }));
  }

  override render() {
    const l = this.language;
    const state = this.state;
    const config = state?.config;
    if (!state || !config) return nothing;
    const clock = (at: number) => clockTime(at, config.timezone, l);
    return html`
      <header>
        <h1>${t(l, 'tablet.counter.pick')}</h1>
        <p class="muted">${config.name} · ${t(l, 'tablet.counter.pickHint')}</p>
        ${this.missing ? html`<p class="warn" role="alert">${t(l, 'tablet.counter.unknown')}</p>` : nothing}
      </header>
      <div class="grid">
        ${config.counters.map((c) => {
          const v = counterView(state, c.id);
          const status = v?.state.status ?? 'closed';
          return html`<button
            class="btn ${c.id === this.selected ? 'selected' : ''}"
            data-testid="pick-counter"
            data-counter=${c.id}
            @click=${() => this.pick(c.id)}
          >
            <span class="head">
              <span class="name">${local(config, c.name, l)}</span>
              ${v?.current
                ? html`<span class="ticket" data-testid="picker-ticket"
                    ><span class="ticket-label">${t(l, 'tablet.panel.nowServing')}</span> ${v.current.number}</span
                  >`
                : nothing}
            </span>
            <span class="status ${status}">${v ? statusText(v.state, l, clock) : ''}</span>
            <span class="services muted"
              >${t(l, 'tablet.counter.services', { list: c.services.map((s) => serviceName(config, s, l)).join(', ') })}</span
            >
          </button>`;
        })}
      </div>
    `;
  }

  static override styles = [buttonStyles, cardStyles, counterPickerStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counter-picker': BbCounterPicker;
  }
  interface HTMLElementEventMap {
    'bb-pick-counter': CustomEvent<string>;
  }
}
