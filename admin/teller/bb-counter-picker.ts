import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, type BranchState } from '../../core';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { counterView, local, serviceName, statusText } from '../lib/teller-model';

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

  static override styles = [
    buttonStyles,
    cardStyles,
    css`
      :host {
        display: block;
        width: 100%;
        padding: 32px;
        max-width: 1100px;
        margin: 0 auto;
        box-sizing: border-box;
      }
      h1 {
        font-size: 30px;
        margin: 0 0 6px;
      }
      header p {
        margin: 0 0 24px;
        font-size: 17px;
      }
      .warn {
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
        font-weight: 600;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 16px;
      }
      .btn {
        position: relative;
        flex-direction: column;
        align-items: flex-start;
        justify-content: flex-start;
        gap: 6px;
        min-height: 150px;
        padding: 20px;
        text-align: left;
      }
      /* The name and the ticket at the counter share a row; a long name pushes the ticket below, never under it. */
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 2px 12px;
        width: 100%;
      }
      .name {
        min-width: 0;
        font-size: 24px;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .status {
        font-size: 16px;
        font-weight: 600;
        padding: 2px 10px;
        /* A pill on one line, a rounded box when "Paused until 15:54" wraps. */
        border-radius: 10px;
        background: var(--bb-surface-2);
        color: var(--bb-muted);
      }
      .status.open {
        background: var(--bb-ok-soft);
        color: var(--bb-ok);
      }
      .status.paused {
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
      }
      .services {
        font-size: 15px;
        font-weight: 500;
      }
      .ticket {
        flex: none;
        white-space: nowrap;
        font-size: 20px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        color: var(--bb-primary);
      }
      .ticket-label {
        font-size: 13px;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-muted);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counter-picker': BbCounterPicker;
  }
  interface HTMLElementEventMap {
    'bb-pick-counter': CustomEvent<string>;
  }
}
