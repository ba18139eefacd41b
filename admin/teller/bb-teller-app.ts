import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ApiClient, ApiError, BranchCommands, type SessionUser } from '../lib/api';
import { errorMessage } from '../lib/messages';
import { prefs } from '../lib/prefs';
import { SessionController } from '../lib/session-controller';
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


/**
 * The teller tablet at /admin/: sign in → pick the branch (when the account has several) → pick
 * the counter → work. Owns the session, the language and the toasts; the branch view owns the
 * live stream.
 */
@customElement('bb-teller-app')
export class BbTellerApp extends LitElement {
  @state() private language: Language = prefs.lang();
  @state() private user: SessionUser | null = null;
  @state() private branch: string | null = null;
  @state() private branchChoices: BranchChoice[] = [];

  @query('bb-toast') private toaster?: BbToast;
  @query('bb-login') private loginForm?: BbLogin;

  private readonly api = new ApiClient({ onUnauthorized: () => this.sessionEnded() });
  private commands: BranchCommands | null = null;
  private readonly session = new SessionController(this, {
    check: () => this.api.getSession(),
    login: (username, password) => this.api.login(username, password),
    accept: (user) => this.signedIn(user),
    loginError: (err) =>
      err instanceof ApiError && err.status === 401
        ? t(this.language, 'tablet.login.bad')
        : err instanceof ApiError && err.status === 429
          ? t(this.language, 'tablet.login.tooMany')
          : errorMessage(this.language, err),
    failed: () => this.loginForm?.clearPassword(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(TOAST_EVENT, this.onToast);
    this.addEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    // Toasts from elements already removed (e.g. the "Report a problem" dialog closing) arrive here.
    document.addEventListener(TOAST_EVENT, this.onToast);
    document.addEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    this.applyLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(TOAST_EVENT, this.onToast);
    this.removeEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
    document.removeEventListener(TOAST_EVENT, this.onToast);
    document.removeEventListener(TOAST_CLEAR_EVENT, this.onToastClear);
  }

  private readonly onToast = (e: CustomEvent<ToastDetail>): void => {
    e.stopPropagation();
    this.toaster?.show(e.detail.kind, e.detail.message, e.detail.source);
  };

  private readonly onToastClear = (e: CustomEvent<ToastClearDetail>): void => {
    e.stopPropagation();
    this.toaster?.clear(e.detail.source, e.detail.kind);
  };

  /** The account at the tablet; false when it belongs on the console instead. */
  private signedIn(user: SessionUser): boolean {
    // Managers and head office land on the console, unless they opened a counter from it.
    if (user.role !== 'teller' && !opensCounter(location.hash)) {
      location.hash = consoleHash({ kind: 'start' });
      return false;
    }
    this.user = user;
    const remembered = prefs.branch();
    const branch =
      user.branches.length === 1 && user.branches[0] !== '*'
        ? user.branches[0]!
        : remembered && (user.branches.includes(remembered) || user.role === 'admin')
          ? remembered
          : null;
    this.setBranch(branch);
    if (!branch) void this.loadBranchNames(user.branches);
    return true;
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
    this.session.signedOut();
  }

  private sessionEnded(): void {
    if (this.session.phase !== 'ready') return;
    this.user = null;
    this.setBranch(null);
    this.session.signedOut(t(this.language, 'common.err.unauthorized'));
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
    switch (this.session.phase) {
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
          <bb-login
            .language=${l}
            .busy=${this.session.busy}
            .error=${this.session.error}
            @bb-login=${(e: CustomEvent<LoginDetail>) => this.session.login(e.detail.username, e.detail.password)}
          ></bb-login>`;
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
