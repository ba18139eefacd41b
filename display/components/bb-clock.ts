import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime } from '../../core/client';
import { clockStyles } from './bb-clock.styles';

/** The big clock: the server's time (never the TV's own), in the branch's time zone. */
@customElement('bb-clock')
export class BbClock extends LitElement {
  /** Server time, epoch ms. */
  @property({ type: Number }) now = 0;
  @property() timezone = 'UTC';
  @property() language = 'it';

  static override styles = clockStyles;

  override render() {
    return html`<div class="time">${clockTime(this.now, this.timezone, this.language)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-clock': BbClock;
  }
}
