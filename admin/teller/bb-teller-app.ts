import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ApiClient, ApiError, BranchCommands, type SessionUser } from '../lib/api';
import { errorMessage } from '../lib/messages';
import { prefs } from '../lib/prefs';
import { TOAST_CLEAR_EVENT, TOAST_EVENT, type ToastClearDetail, type ToastDetail } from '../lib/toast-events';
import { tokens } from '../styles/shared';
import { consoleHash, opensCounter } from '../console/routes';
import { t, type Language } from '../../ui/i18n/localize';
import type { BranchChoice } from './bb-branch-picker';
import type { LoginDetail, BbLogin } from './bb-login';
import type { BbToast } from './bb-toast';
import './bb-top-bar';
import './bb-login';
import './bb-branch-picker';
import './bb-teller-branch';
import './bb-toast';
import { tellerAppStyles } from './bb-teller-app.styles';

type Phase = 'checking' | 'offline' | 'login' | 'ready';

const RECHECK_MS = 3000;

/**
 * The teller tablet at /admin/: sign in → pick the branch (when the account has several) → pick
 * the counter → work. Owns the session, the language and the toasts; the branch view owns the
 * live stream.
 */
@customElement('bb-teller-app')
export class BbTellerApp extends LitElement {
  @state() private language: Language = prefs.lang();
  @state() private phase: Phase = 'checking';
  @state() private user: SessionUser | null = null;
  @state() private branch: string | null = null;
  @state() private branchChoices: BranchChoice[] = [];
  @state() private loginBusy = false;
  @state() private loginError: string | null = null;

  @query('bb-toast') private toaster?: BbToast;
  @query('bb-login') private loginForm?: BbLogin;

  private readonly api = new ApiClient({ onUnauthorized: () => this.sessionEnded() });
  private commands: BranchCommands | null = null;
  private recheck?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(TOAST_EVENT, this.onToast);
    this.addEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    // Toasts from elements already removed (e.g. the "Report a problem" dialog closing) arrive here.
    document.addEventListener(TOAST_EVENT, this.onToast);
    document.addEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    this.applyLang();
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(TOAST_EVENT, this.onToast);
    this.removeEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    document.removeEventListener(TOAST_EVENT, this.onToast);
    document.removeEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    clearTimeout(this.recheck);
  }

  private readonly onToast = (e: CustomEvent<ToastDetail>): void => {
    e.stopPropagation();
    this.toaster?.show(e.detail.kind, e.detail.message, e.detail.source);
  };

  private readonly onToastClear = (e: CustomEvent<ToastClearDetail>): void => {
    e.stopPropagation();
    this.toaster?.clear(e.detail.source, e.detail.kind);
  };

  private async checkSession(): Promise<void> {
    clearTimeout(this.recheck);
    try {
      const user = await this.api.getSession();
      if (user) this.signedIn(user);
      else this.phase = 'login';
    } catch {
      // The server is down or restarting: say so, and try again by itself.
      this.phase = 'offline';
      this.recheck = setTimeout(() => void this.checkSession(), RECHECK_MS);
    }
  }

  private async login(e: CustomEvent<LoginDetail>): Promise<void> {
    this.loginBusy = true;
    this.loginError = null;
    try {
      const user = await this.api.login(e.detail.username, e.detail.password);
      this.signedIn(user);
    } catch (err) {
      this.loginError =
        err instanceof ApiError && err.status === 401
          ? t(this.language, 'tablet.login.bad')
          : err instanceof ApiError && err.status === 429
            ? t(this.language, 'tablet.login.tooMany')
            : errorMessage(this.language, err);
      this.loginForm?.clearPassword();
    } finally {
      this.loginBusy = false;
    }
  }

  private signedIn(user: SessionUser): void {
    // Managers and head office land on the console, unless they opened a counter from it.
    if (user.role !== 'teller' && !opensCounter(location.hash)) {
      location.hash = consoleHash({ kind: 'start' });
      return;
    }
    this.user = user;
    this.phase = 'ready';
    const remembered = prefs.branch();
    const branch =
      user.branches.length === 1 && user.branches[0] !== '*'
        ? user.branches[0]!
        : remembered && (user.branches.includes(remembered) || user.role === 'admin')
          ? remembered
          : null;
    this.setBranch(branch);
    if (!branch) void this.loadBranchNames(user.branches);
  }

  private setBranch(branch: string | null): void {
    this.branch = branch;
    this.commands = branch ? new BranchCommands(this.api, branch) : null;
    if (branch) prefs.setBranch(branch);
  }

  private async loadBranchNames(ids: string[]): Promise<void> {
    this.branchChoices = ids.map((id) => ({ id, name: null }));
    const names = await Promise.all(
      ids.map((id) =>
        this.api.branchState(id).then(
          (r) => r.state.config?.name ?? null,
          () => null,
        ),
      ),
    );
    this.branchChoices = ids.map((id, i) => ({ id, name: names[i] ?? null }));
  }

  private async logout(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      /* the cookie may already be gone; sign out here anyway */
    }
    this.user = null;
    this.setBranch(null);
    this.loginError = null;
    this.phase = 'login';
  }

  private sessionEnded(): void {
    if (this.phase !== 'ready') return;
    this.user = null;
    this.setBranch(null);
    this.loginError = t(this.language, 'common.err.unauthorized');
    this.phase = 'login';
  }

  private setLang(lang: Language): void {
    this.language = lang;
    prefs.setLang(lang);
    this.applyLang();
  }

  private applyLang(): void {
    document.documentElement.lang = this.language;
    document.title = t(this.language, 'tablet.app.title');
  }

  override render() {
    return html`
      <div class="screen" @bb-lang=${(e: CustomEvent<Language>) => this.setLang(e.detail)} @bb-logout=${() => this.logout()}>
        ${this.renderPhase()}
      </div>
      <bb-toast .language=${this.language}></bb-toast>
    `;
  }

  private renderPhase() {
    const l = this.language;
    switch (this.phase) {
      case 'checking':
        return html`<bb-top-bar .language=${l}></bb-top-bar>
          <div class="center muted" role="status">${t(l, 'tablet.app.loading')}</div>`;
      case 'offline':
        return html`<bb-top-bar .language=${l}></bb-top-bar>
          <div class="center" role="alert">
            <p>${t(l, 'tablet.app.serverUnreachable')}</p>
          </div>`;
      case 'login':
        return html`<bb-top-bar .language=${l}></bb-top-bar>
          <bb-login .language=${l} .busy=${this.loginBusy} .error=${this.loginError} @bb-login=${this.login}></bb-login>`;
      case 'ready':
        if (!this.branch) {
          return html`<bb-top-bar .language=${l} .userName=${this.user?.name ?? null}></bb-top-bar>
            <bb-branch-picker
              .language=${l}
              .branches=${this.branchChoices}
              @bb-pick-branch=${(e: CustomEvent<string>) => this.setBranch(e.detail)}
            ></bb-branch-picker>`;
        }
        return keyed(
          this.branch,
          html`<bb-teller-branch .language=${l} .branch=${this.branch} .user=${this.user} .commands=${this.commands}></bb-teller-branch>`,
        );
    }
    return nothing;
  }

  static override styles = [tokens, tellerAppStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-teller-app': BbTellerApp;
  }
}
