import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buttonStyles } from '../styles/shared';
import { LANGUAGES, LANGUAGE_NAMES, t, type Language } from '../../ui/i18n/localize';

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
        <span class="brand"><span class="mark" aria-hidden="true"></span>Branchboard</span>
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

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        min-height: 64px;
        padding: 4px 12px 4px 20px;
        box-sizing: border-box;
        background: var(--bb-surface);
        border-bottom: 1px solid var(--bb-border);
      }
      .where,
      .tools {
        display: flex;
        align-items: center;
        gap: 14px;
        min-width: 0;
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font-weight: 800;
        font-size: 17px;
        color: var(--bb-primary);
        white-space: nowrap;
      }
      .mark {
        width: 14px;
        height: 14px;
        border-radius: 4px;
        background: var(--bb-primary);
      }
      .branch {
        font-size: 16px;
        color: var(--bb-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .counter {
        gap: 10px;
        padding: 0 12px;
        white-space: nowrap;
        min-width: 0;
      }
      .cname {
        overflow: hidden;
        text-overflow: ellipsis;
        font-size: 18px;
        font-weight: 800;
      }
      .change {
        font-size: 14px;
        font-weight: 600;
        color: var(--bb-primary);
        text-decoration: underline;
        text-underline-offset: 3px;
      }
      .clock {
        font-size: 22px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .langs select {
        min-height: var(--bb-touch);
        padding: 0 12px;
        font: inherit;
        font-size: 16px;
        font-weight: 600;
        color: var(--bb-text);
        background: var(--bb-surface);
        border: 1px solid var(--bb-border);
        border-radius: 10px;
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .user {
        font-size: 15px;
        color: var(--bb-muted);
        white-space: nowrap;
      }
      /* Where the branch's name shows, it gives way (ellipsis) before the counter's. */
      @media (min-width: 901px) {
        .counter {
          flex-shrink: 0;
        }
      }
      @media (max-width: 900px) {
        .branch,
        .user,
        .change {
          display: none;
        }
      }
    `,
  ];
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
