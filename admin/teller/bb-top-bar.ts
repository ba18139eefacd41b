import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buttonStyles } from '../styles/shared';
import { LANGUAGES, LANGUAGE_NAMES, t, type Language } from '../../ui/i18n/localize';
import { topBarStyles } from './bb-top-bar.styles';

/** The strip at the top: where the tablet is (branch, counter), the server's clock, language, who is signed in. */
@customElement('bb-top-bar')
export class BbTopBar extends LitElement {
  @property() language: Language = 'it';
  @property() branchName: string | null = null;
  @property() counterName: string | null = null;
  /** Server clock, HH:MM in the branch's zone. */
  @property() clock: string | null = null;
  @property() userName: string | null = null;

  private emit(name: 'bb-lang' | 'bb-logout' | 'bb-change-counter', detail?: Language): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const l = this.language;
    return html`
      <div class="where">
        <span class="brand"><span class="mark" aria-hidden="true"></span><span class="brand-name">Branchboard</span></span>
        ${this.branchName ? html`<span class="branch" data-testid="branch-name">${this.branchName}</span>` : nothing}
        ${this.counterName
          ? html`<button class="btn ghost counter" data-testid="change-counter" @click=${() => this.emit('bb-change-counter')}>
              <span class="cname">${this.counterName}</span><span class="change">${t(l, 'tablet.app.changeCounter')}</span>
            </button>`
          : nothing}
      </div>
      <div class="tools">
        ${this.clock ? html`<span class="clock" data-testid="clock">${this.clock}</span>` : nothing}
        <label class="langs">
          <span class="sr">${t(l, 'common.language')}</span>
          <select data-testid="lang" @change=${(e: Event) => this.emit('bb-lang', (e.target as HTMLSelectElement).value as Language)}>
            ${LANGUAGES.map((x) => html`<option value=${x} lang=${x} ?selected=${x === l}>${LANGUAGE_NAMES[x]}</option>`)}
          </select>
        </label>
        ${this.userName
          ? html`<span class="user">${this.userName}</span>
              <button class="btn ghost" data-testid="logout" @click=${() => this.emit('bb-logout')}>${t(l, 'tablet.app.logout')}</button>`
          : nothing}
      </div>
    `;
  }

  static override styles = [buttonStyles, topBarStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-top-bar': BbTopBar;
  }
  interface HTMLElementEventMap {
    'bb-lang': CustomEvent<Language>;
    'bb-logout': CustomEvent<undefined>;
    'bb-change-counter': CustomEvent<undefined>;
  }
}
