import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime } from '../../core';
import { msg } from '../i18n/strings';
import { langStyles } from '../lib/text';

/**
 * Shown while the screen is not hearing the server: says so plainly, and how old the data is, so
 * the board never passes old information off as live. The lobby renders it only when stale.
 */
@customElement('bb-connection-banner')
export class BbConnectionBanner extends LitElement {
  /** Server time of the last message heard, epoch ms. */
  @property({ type: Number }) lastHeardAt: number | null = null;
  @property() timezone = 'UTC';
  @property({ attribute: false }) langs: readonly string[] = ['en'];

  static override styles = [
    langStyles,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        padding: 1rem 2.5rem;
        background: var(--bb-warn);
        color: var(--bb-on-accent);
        font-size: 2.2rem;
        font-weight: 700;
        line-height: 1.2;
      }
      .l1 {
        color: inherit;
        opacity: 0.85;
      }
      svg {
        flex: none;
        width: 3rem;
        height: 3rem;
        animation: spin 2.4s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        svg {
          animation: none;
        }
      }
      @media (max-width: 899px) {
        .banner {
          font-size: 1.05rem;
          padding: 0.75rem 1rem;
          gap: 0.75rem;
        }
        svg {
          width: 1.6rem;
          height: 1.6rem;
        }
      }
    `,
  ];

  override render() {
    const time = this.lastHeardAt !== null ? clockTime(this.lastHeardAt, this.timezone, this.langs[0]) : null;
    const lines = this.langs.map((l) => (time ? `${msg(l, 'reconnecting')} ${msg(l, 'infoAsOf', time)}` : msg(l, 'reconnecting')));
    return html`<div class="banner" data-testid="connection-banner" role="status">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true">
        <path d="M21 12a9 9 0 1 1-3.2-6.9" />
        <path d="M21 3.5v5h-5" />
      </svg>
      <div>
        ${lines.map((t, i) => html`<span class=${i === 0 ? 'l0' : 'l1'} lang=${this.langs[i] ?? nothing}>${t}</span> `)}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-connection-banner': BbConnectionBanner;
  }
}
