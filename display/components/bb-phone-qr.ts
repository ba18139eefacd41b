import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { langStyles, msgs, stacked } from '../../ui/text/lang-text';
import { phoneQrStyles } from './bb-phone-qr.styles';

/**
 * A QR code to the same board for phones. The server draws the SVG (GET /api/qr.svg, only for a
 * board's address), so the screen ships no QR encoder; shown in an <img>, so no markup is ever
 * injected into the page.
 */
@customElement('bb-phone-qr')
export class BbPhoneQr extends LitElement {
  @property() url = '';
  @property({ attribute: false }) langs: readonly string[] = ['en'];

  static override styles = [langStyles, phoneQrStyles];

  override render() {
    return html`${this.url ? html`<img data-testid="phone-qr" src=${`/api/qr.svg?url=${encodeURIComponent(this.url)}`} alt=${this.url} />` : nothing}
      <div class="caption">${stacked(msgs(this.langs, 'lobby.followOnPhone'))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-phone-qr': BbPhoneQr;
  }
}
