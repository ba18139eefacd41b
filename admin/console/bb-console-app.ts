import { provide } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { ApiClient, ApiError, type SessionUser } from '../lib/api';
import { SessionController } from '../lib/session-controller';
import type { BbLogin, LoginDetail } from '../teller/bb-login';
import '../teller/bb-login';
import { consolePrefs } from './console-prefs';
import { apiContext, branchesContext, langContext, userContext } from './data/contexts';
import type { BranchDirectory } from './data/branch-directory';
import { ConsoleApi } from './data/console-api';
import { ct, type ConsoleLang } from './i18n/console-strings';
import { mayOpen, pageById, startPage, type ConsolePage } from './pages';
import { consoleHash, navigate, parseHash, type ConsoleRoute } from './routes';
import { consoleAppStyles } from './bb-console-app.styles';
import './bb-console-nav';


/**
 * The manager console at /admin/#/console: signs in, then shows the navigation beside the page
 * the URL names. It owns the session, the console's language and the list of branches, and gives
 * them to every page through contexts (data/contexts.ts). Pages are listed in pages.ts.
 */
@customElement('bb-console-app')
export class BbConsoleApp extends LitElement {
  static override styles = consoleAppStyles;

  @provide({ context: langContext }) @state() private language: ConsoleLang = consolePrefs.lang();
  @provide({ context: userContext }) @state() private user: SessionUser | null = null;
  @provide({ context: apiContext }) readonly api = new ConsoleApi(new ApiClient({ onUnauthorized: () => this.sessionEnded() }));
  @provide({ context: branchesContext }) @state() private branches: BranchDirectory = { items: [], refresh: () => this.loadBranches() };

  @state() private route: ConsoleRoute = { kind: 'start' };
  /** Pages whose module has loaded. */
  @state() private loaded = new Set<string>();

  @query('bb-login') private loginForm?: BbLogin;
  private readonly session = new SessionController(this, {
    check: () => this.api.session(),
    login: (username, password) => this.api.login(username, password),
    accept: (user) => this.signedIn(user),
    loginError: (err) => (err instanceof ApiError && err.status === 401 ? ct(this.language, 'login.bad') : err instanceof Error ? err.message : String(err)),
    failed: () => this.loginForm?.clearPassword(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.onHash();
    this.applyLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = (): void => {
    const r = parseHash(location.hash);
    if (r.app === 'console') this.route = r.route;
  };

  /** The account in the console; false for a teller (the tablet's app is theirs). */
  private signedIn(user: SessionUser): boolean {
    if (user.role === 'teller') {
      // Tellers work at a counter: the tablet's app is theirs.
      location.hash = '';
      return false;
    }
    this.user = user;
    void this.loadBranches();
    return true;
  }

  private async loadBranches(): Promise<void> {
    if (!this.user) return;
    const items = await this.api.branches();
    this.branches = { items, refresh: () => this.loadBranches() };
  }

  private sessionEnded(): void {
    if (this.session.phase !== 'ready') return;
    this.user = null;
    this.session.signedOut(ct(this.language, 'shell.sessionEnded'));
  }

  private async logout(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      /* the cookie may be gone already */
    }
    this.user = null;
    this.session.signedOut();
  }

  private setLang(lang: ConsoleLang): void {
    this.language = lang;
    consolePrefs.setLang(lang);
    this.applyLang();
  }

  private applyLang(): void {
    document.documentElement.lang = this.language;
    document.title = ct(this.language, 'shell.title');
  }

  /** The page the route names, or where a user starts. */
  private resolve(user: SessionUser): { page: ConsolePage; branch?: string } | { problem: 'unknown' | 'forbidden' | 'no-branch' } {
    const r = this.route;
    if (r.kind === 'start') {
      const start = startPage(user);
      if (!start) return { problem: 'no-branch' };
      // Say where we are in the address bar (a reload, a bookmark), without a history step.
      const route: ConsoleRoute = start.branch ? { kind: 'branch', branch: start.branch, page: start.page.id } : { kind: 'bank', page: start.page.id };
      history.replaceState(null, '', consoleHash(route));
      this.route = route;
      return start;
    }
    const page = pageById(r.page || (r.kind === 'branch' ? 'today' : ''));
    if (!page || page.area !== r.kind) return { problem: 'unknown' };
    if (!mayOpen(page, user)) return { problem: 'forbidden' };
    if (r.kind === 'branch') {
      if (user.role !== 'admin' && !user.branches.includes(r.branch)) return { problem: 'forbidden' };
      return { page, branch: r.branch };
    }
    return { page };
  }

  override render() {
    const l = this.language;
    switch (this.session.phase) {
      case 'checking':
        return html`<div class="center muted" role="status">${ct(l, 'shell.loading')}</div>`;
      case 'offline':
        return html`<div class="center" role="alert">${ct(l, 'shell.offline')}</div>`;
      case 'login':
        return html`<main class="login"><bb-login
          .language=${l}
          .busy=${this.session.busy}
          .error=${this.session.error}
          @bb-login=${(e: CustomEvent<LoginDetail>) => this.session.login(e.detail.username, e.detail.password)}
        ></bb-login></main>`;
      case 'ready':
        return this.renderConsole();
    }
    return nothing;
  }

  private renderConsole() {
    const user = this.user!;
    const l = this.language;
    const target = this.resolve(user);
    const current = 'page' in target ? target : null;
    return html`<div class="layout">
      <bb-console-nav
        .current=${current ? { pageId: current.page.id, branch: current.branch ?? null } : null}
        @bb-console-lang=${(e: CustomEvent<ConsoleLang>) => this.setLang(e.detail)}
        @bb-console-logout=${() => this.logout()}
        @bb-console-go=${(e: CustomEvent<ConsoleRoute>) => navigate(e.detail)}
      ></bb-console-nav>
      <main class="page" id="main">
        ${'problem' in target
          ? html`<p class="problem" role="alert">
              ${ct(l, target.problem === 'unknown' ? 'shell.unknownPage' : target.problem === 'forbidden' ? 'shell.forbiddenPage' : 'shell.noBranch')}
            </p>`
          : this.renderPage(target.page, target.branch)}
      </main>
    </div>`;
  }

  private renderPage(page: ConsolePage, branch: string | undefined) {
    if (!this.loaded.has(page.id)) {
      void page.load().then(() => {
        this.loaded = new Set([...this.loaded, page.id]);
      });
      return html`<div class="center muted" role="status">${ct(this.language, 'shell.loading')}</div>`;
    }
    const tag = unsafeStatic(page.tag);
    // Keyed by branch: a page opened for another branch starts fresh (its own stream, its own forms).
    return keyed(
      `${page.id}|${branch ?? ''}`,
      branch ? staticHtml`<${tag} .branch=${branch} data-branch=${branch}></${tag}>` : staticHtml`<${tag}></${tag}>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-console-app': BbConsoleApp;
  }
}
