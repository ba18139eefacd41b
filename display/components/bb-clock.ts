import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime } from '../../core';

/** The big clock: the server's time (never the TV's own), in the branch's time zone. */
@customElement('bb-clock')
export class BbClock extends LitElement {
  /** Server time, epoch ms. */
  @property({ type: Number }) now = 0;
  @property() timezone = 'UTC';
  @property() language = 'it';

  static override styles = css`
    :host {
      display: block;
      text-align: right;
      font-variant-numeric: tabular-nums;
      line-height: 1;
    }
    .time {
      font-size: 5.6rem;
      font-weight: 700;
      letter-spacing: -0.02em;
    }
    @media (max-width: 899px) {
      .time {
        font-size: 2.4rem;
      }
    }
  `;

  override render() {
    return html`<div class="time">${clockTime(this.now, this.timezone, this.language)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-clock': BbClock;
  }
}
