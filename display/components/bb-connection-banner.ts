import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../ui/i18n/localize';
import { langStyles, perLang, stacked, wordsLangs } from '../../ui/text/lang-text';
import { atArgs } from '../../ui/time/when';
import { connectionBannerStyles } from './bb-connection-banner.styles';

/**
 * Shown while the screen is not hearing the server: says so plainly, and how old the data is, so
 * the board never passes old information off as live. The lobby renders it only when stale.
 */
@customElement('bb-connection-banner')
export class BbConnectionBanner extends LitElement {
  /** Server time of the last message heard, epoch ms. */
  @property({ type: Number }) lastHeardAt: number | null = null;
  @property() timezone = 'UTC';
  /** Server time now, as best known: data heard yesterday evening says "yesterday". */
  @property({ type: Number }) now = 0;
  @property({ attribute: false }) langs: readonly string[] = ['en'];

  static override styles = [langStyles, connectionBannerStyles];

  override render() {
    const heard = this.lastHeardAt;
    const when = heard !== null ? { at: heard, now: Math.max(this.now, heard), timeZone: this.timezone } : null;
    const lines = perLang(wordsLangs(this.langs), (l) => (when ? `${t(l, 'lobby.reconnecting')} ${t(l, 'lobby.infoAsOf', atArgs(when, l))}` : t(l, 'lobby.reconnecting')));
    return html`<div class="banner" data-testid="connection-banner" role="status">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true">
        <path d="M21 12a9 9 0 1 1-3.2-6.9" />
        <path d="M21 3.5v5h-5" />
      </svg>
      <div>${stacked(lines)}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-connection-banner': BbConnectionBanner;
  }
}
