import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatPairingCode, type PairingTicket } from '../../core';
import { claimPairing, requestPairing } from '../lib/pairing';
import type { ScreenIdentity } from '../lib/screen-identity';
import { pairingScreenStyles } from './bb-pairing-screen.styles';

const CLAIM_EVERY_MS = 2_000;
const RETRY_MS = 5_000;

/** What the TV says while unpaired, in the TV's own language and in English. */
const WORDS: Record<string, { title: string; how: string; waiting: string }> = {
  it: { title: 'Abbina questo schermo', how: 'Nella console di Branchboard apri Schermi → Abbina un nuovo schermo e scrivi questo codice.', waiting: 'In attesa…' },
  en: { title: 'Pair this screen', how: 'In the Branchboard console, open Screens → Pair a new screen and type this code.', waiting: 'Waiting…' },
  fr: { title: 'Associer cet écran', how: 'Dans la console Branchboard, ouvrez Écrans → Associer un écran et saisissez ce code.', waiting: 'En attente…' },
  es: { title: 'Vincular esta pantalla', how: 'En la consola de Branchboard, abra Pantallas → Vincular una pantalla y escriba este código.', waiting: 'Esperando…' },
  de: { title: 'Diesen Bildschirm koppeln', how: 'Öffnen Sie in der Branchboard-Konsole Bildschirme → Neuen Bildschirm koppeln und geben Sie diesen Code ein.', waiting: 'Warten…' },
  nl: { title: 'Dit scherm koppelen', how: 'Open in de Branchboard-console Schermen → Nieuw scherm koppelen en typ deze code.', waiting: 'Wachten…' },
};

/**
 * A lobby TV started without a screen identity (/display/): it asks for a pairing code, shows it
 * large enough to read from across the room, and waits until a manager types it in the console;
 * then it is that branch's screen (`bb-paired` with its identity). A code that expires is
 * replaced by a new one.
 */
@customElement('bb-pairing-screen')
export class BbPairingScreen extends LitElement {
  static override styles = pairingScreenStyles;

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
      this.ticket = await requestPairing();
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
    const own = (globalThis.navigator?.language ?? 'en').slice(0, 2);
    const langs = [...new Set([WORDS[own] ? own : 'en', 'en'])];
    return html`<main>
      <p class="brand">Branchboard</p>
      ${langs.map((l, i) => html`<h1 class=${i ? 'second' : ''} lang=${l}>${WORDS[l]!.title}</h1>`)}
      <p class="code" data-testid="pairing-code" aria-live="polite">${this.ticket ? formatPairingCode(this.ticket.code) : '· · ·'}</p>
      ${langs.map((l, i) => html`<p class="how ${i ? 'second' : ''}" lang=${l}>${WORDS[l]!.how}</p>`)}
      ${this.problem ? html`<p class="waiting">${WORDS[langs[0]!]!.waiting}</p>` : nothing}
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
