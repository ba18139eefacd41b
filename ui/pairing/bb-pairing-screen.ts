import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatPairingCode, type PairingTicket, type ScreenKind } from '../../core/client';
import { catalogueLanguage } from '../i18n/languages';
import { t } from '../i18n/localize';
import { claimPairing, requestPairing } from './pairing';
import type { ScreenIdentity } from './screen-identity';
import { pairingScreenStyles } from './bb-pairing-screen.styles';

const CLAIM_EVERY_MS = 2_000;
const RETRY_MS = 5_000;


/**
 * A lobby TV (/display/) or a ticket kiosk (/kiosk/) started without a screen identity: it asks
 * for a pairing code, shows it large enough to read from across the room, and waits until a
 * manager types it in the console; then it is that branch's screen or kiosk (`bb-paired` with
 * its identity). A code that expires is replaced by a new one.
 */
@customElement('bb-pairing-screen')
export class BbPairingScreen extends LitElement {
  static override styles = pairingScreenStyles;

  /** What is being paired: the console lists it as a lobby screen or a kiosk. */
  @property() kind: ScreenKind = 'lobby';
  /** The app's version, reported with the code. */
  @property() version = '';
  @state() private ticket: PairingTicket | null = null;
  @state() private problem = false;
  private timer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.newCode();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async newCode(): Promise<void> {
    clearTimeout(this.timer);
    try {
      this.ticket = await requestPairing(this.kind, this.version);
      this.problem = false;
      this.timer = setTimeout(() => void this.claim(), CLAIM_EVERY_MS);
    } catch {
      this.problem = true;
      this.timer = setTimeout(() => void this.newCode(), RETRY_MS);
    }
  }

  private async claim(): Promise<void> {
    const t = this.ticket;
    if (!t) return;
    try {
      const r = await claimPairing(t.pairingToken);
      if (r.status === 'paired') {
        const identity: ScreenIdentity = { screenToken: r.screenToken, branchId: r.screen.branchId, name: r.screen.name };
        this.dispatchEvent(new CustomEvent<ScreenIdentity>('bb-paired', { detail: identity, bubbles: true, composed: true }));
        return;
      }
      if (r.status === 'expired' || Date.now() > t.expiresAt) return void this.newCode();
      this.problem = false;
    } catch {
      this.problem = true;
    }
    this.timer = setTimeout(() => void this.claim(), CLAIM_EVERY_MS);
  }

  override render() {
    // The TV's own language (the browser's), and English for whoever installs it.
    const langs = [...new Set([catalogueLanguage(globalThis.navigator?.language ?? 'en'), 'en'])];
    return html`<main>
      <p class="brand">Branchboard</p>
      ${langs.map((l, i) => html`<h1 class=${i ? 'second' : ''} lang=${l}>${t(l, this.kind === 'kiosk' ? 'lobby.pairing.kioskTitle' : 'lobby.pairing.title')}</h1>`)}
      <p class="code" data-testid="pairing-code" aria-live="polite">${this.ticket ? formatPairingCode(this.ticket.code) : '· · ·'}</p>
      ${langs.map((l, i) => html`<p class="how ${i ? 'second' : ''}" lang=${l}>${t(l, 'lobby.pairing.how')}</p>`)}
      ${this.problem ? html`<p class="waiting">${t(langs[0]!, 'lobby.pairing.waiting')}</p>` : nothing}
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-pairing-screen': BbPairingScreen;
  }
  interface HTMLElementEventMap {
    'bb-paired': CustomEvent<ScreenIdentity>;
  }
}
