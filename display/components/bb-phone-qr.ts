import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import QRCode from 'qrcode';
import { langStyles, msgs, stacked } from '../../ui/text/lang-text';
import { phoneQrStyles } from './bb-phone-qr.styles';

/**
 * A QR code to the same board for phones. The SVG is made here from our own URL, and shown as a
 * data: URL in an <img>, so no markup is ever injected into the page.
 */
@customElement('bb-phone-qr')
export class BbPhoneQr extends LitElement {
  @property() url = '';
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @state() private src = '';

  static override styles = [langStyles, phoneQrStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('url')) void this.makeCode(this.url);
  }

  private async makeCode(url: string): Promise<void> {
    if (!url) {
      this.src = '';
      return;
    }
    const svgText = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#0b1a30', light: '#ffffff' } });
    if (url === this.url) this.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  }

  override render() {
    return html`${this.src ? html`<img data-testid="phone-qr" src=${this.src} alt=${this.url} />` : nothing}
      <div class="caption">${stacked(msgs(this.langs, 'lobby.followOnPhone'))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-phone-qr': BbPhoneQr;
  }
}
