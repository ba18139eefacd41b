import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { langStyles, msgs, stacked } from '../../ui/text/lang-text';
import { whenArgs } from '../../ui/time/when';
import { closedScreenStyles } from './bb-closed-screen.styles';

/**
 * Outside opening hours, with nobody waiting: a calm screen that says the branch is closed and
 * when it opens ("We open tomorrow at 08:30"), instead of an empty board that looks broken.
 */
@customElement('bb-closed-screen')
export class BbClosedScreen extends LitElement {
  static override styles = [langStyles, closedScreenStyles];

  @property() branchName = '';
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property({ type: Number }) now = 0;
  @property() timezone = 'UTC';
  /** When the branch opens next; null when its hours say nothing about the next two weeks. */
  @property({ attribute: false }) opensAt: number | null = null;

  override render() {
    const langs = this.langs;
    return html`<div class="box" data-testid="closed-screen" role="status">
      <div class="branch">${this.branchName}</div>
      <svg class="moon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" />
      </svg>
      <h1>${stacked(msgs(langs, 'lobby.closedNow'))}</h1>
      ${this.opensAt !== null
        ? html`<div class="opens" data-testid="closed-opens">
            ${stacked(msgs(langs, 'lobby.opensAt', whenArgs({ at: this.opensAt, now: this.now, timeZone: this.timezone })))}
          </div>`
        : html`<div class="thanks">${stacked(msgs(langs, 'lobby.closedThanks'))}</div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-closed-screen': BbClosedScreen;
  }
}
