import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { loginStyles } from './bb-login.styles';

export interface LoginDetail {
  username: string;
  password: string;
}

/** The sign-in form. It only collects the credentials; the app signs in and sets `error`/`busy`. */
@customElement('bb-login')
export class BbLogin extends LitElement {
  @property() language: Language = 'it';
  @property({ type: Boolean }) busy = false;
  @property() error: string | null = null;

  @query('input[name=username]') private usernameInput!: HTMLInputElement;
  @query('input[name=password]') private passwordInput!: HTMLInputElement;

  override firstUpdated(): void {
    this.usernameInput?.focus();
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    const username = this.usernameInput.value.trim();
    const password = this.passwordInput.value;
    if (!username || !password) {
      this.error = t(this.language, 'tablet.login.missing');
      return;
    }
    this.dispatchEvent(new CustomEvent<LoginDetail>('bb-login', { detail: { username, password }, bubbles: true, composed: true }));
  }

  /** Clears the password after a failed try, so the next one starts clean. */
  clearPassword(): void {
    if (this.passwordInput) {
      this.passwordInput.value = '';
      this.passwordInput.focus();
    }
  }

  override render() {
    const l = this.language;
    return html`
      <form class="card" @submit=${this.submit} novalidate>
        <div class="brand" aria-hidden="true"><span class="dot"></span>Branchboard</div>
        <h1>${t(l, 'tablet.login.title')}</h1>
        <p class="muted">${t(l, 'tablet.login.subtitle')}</p>
        <label>
          <span>${t(l, 'tablet.login.username')}</span>
          <input
            name="username"
            data-testid="login-username"
            autocomplete="username"
            autocapitalize="none"
            autocorrect="off"
            spellcheck="false"
            required
          />
        </label>
        <label>
          <span>${t(l, 'tablet.login.password')}</span>
          <input name="password" data-testid="login-password" type="password" autocomplete="current-password" required />
        </label>
        ${this.error
          ? html`<p class="error" role="alert" data-testid="login-error">${this.error}</p>`
          : nothing}
        <button class="btn primary" type="submit" data-testid="login-submit" aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t(l, 'tablet.login.busy') : t(l, 'tablet.login.submit')}
        </button>
      </form>
    `;
  }

  static override styles = [buttonStyles, cardStyles, loginStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-login': BbLogin;
  }
  interface HTMLElementEventMap {
    'bb-login': CustomEvent<LoginDetail>;
  }
}
