import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionUser } from '../lib/api';
import { branchesContext, langContext, userContext } from './data/contexts';
import type { BranchDirectory } from './data/branch-directory';
import { LANGUAGE_NAMES } from '../../ui/i18n/languages';
import { CONSOLE_LANGS, ct, type ConsoleLang } from './i18n/console-strings';
import { mayOpen, PAGES, type ConsolePage } from './pages';
import { navIcons } from './parts/nav-icons';
import { consoleHash, navigate } from './routes';
import { consoleNavStyles } from './bb-console-nav.styles';


export interface NavPosition {
  pageId: string;
  branch: string | null;
}

/** The console's side bar: the bank's pages, then the chosen branch's, then who is signed in. Built from pages.ts. */
@customElement('bb-console-nav')
export class BbConsoleNav extends LitElement {
  static override styles = consoleNavStyles;

  @consume({ context: userContext, subscribe: true }) @state() private user: SessionUser | null = null;
  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: branchesContext, subscribe: true }) @state() private branches?: BranchDirectory;

  @property({ attribute: false }) current: NavPosition | null = null;
  /** The branch whose pages the bar lists: the one open, else the last one open, else the first. */
  @state() private branch: string | null = null;

  override willUpdate(): void {
    if (this.current?.branch) this.branch = this.current.branch;
    if (!this.branch || !this.branches?.items.some((b) => b.id === this.branch)) {
      this.branch = this.current?.branch ?? this.branches?.items[0]?.id ?? null;
    }
  }

  private emit(name: 'bb-console-lang' | 'bb-console-logout', detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private switchBranch(id: string): void {
    this.branch = id;
    const page = this.current?.branch ? this.current.pageId : 'today';
    navigate({ kind: 'branch', branch: id, page });
  }

  override render() {
    const user = this.user;
    if (!user) return nothing;
    const l = this.language;
    const listed = (p: ConsolePage) => mayOpen(p, user) && (p.listed?.(user) ?? true);
    const bankPages = PAGES.filter((p) => p.area === 'bank' && listed(p));
    const branchPages = PAGES.filter((p) => p.area === 'branch' && !p.group && listed(p));
    const historyPages = PAGES.filter((p) => p.area === 'branch' && p.group === 'history' && listed(p));
    const branchLink = (p: ConsolePage) =>
      this.link(p, consoleHash({ kind: 'branch', branch: this.branch!, page: p.id }), this.current?.pageId === p.id && this.current.branch === this.branch);
    const items = this.branches?.items ?? [];
    return html`<nav aria-label=${ct(l, 'shell.nav')}>
      <a class="brand" href=${consoleHash({ kind: 'start' })}><span class="mark" aria-hidden="true"></span>Branchboard</a>
      ${bankPages.length
        ? html`<h2 class="section">${ct(l, 'shell.bank')}</h2>
            <ul>
              ${bankPages.map((p) => this.link(p, consoleHash({ kind: 'bank', page: p.id }), this.current?.pageId === p.id && !this.current.branch))}
            </ul>`
        : nothing}
      ${this.branch
        ? html`<h2 class="section">${ct(l, 'shell.branch')}</h2>
            ${items.length > 1
              ? html`<label class="switch">
                  <span class="visually-hidden">${ct(l, 'shell.pickBranch')}</span>
                  <select data-testid="nav-branch" @change=${(e: Event) => this.switchBranch((e.target as HTMLSelectElement).value)}>
                    ${items.map((b) => html`<option value=${b.id} ?selected=${b.id === this.branch}>${b.name}</option>`)}
                  </select>
                </label>`
              : html`<p class="branch-name" data-testid="nav-branch-name">${items[0]?.name ?? this.branch}</p>`}
            <ul>
              ${branchPages.map(branchLink)}
            </ul>
            ${historyPages.length
              ? html`<h2 class="section">${ct(l, 'shell.history')}</h2>
                  <ul>
                    ${historyPages.map(branchLink)}
                  </ul>`
              : nothing}`
        : nothing}
      <div class="foot">
        <p class="who">${ct(l, 'shell.signedInAs', { name: user.name })}</p>
        <div class="foot-row">
        <label class="lang">
          <span class="visually-hidden">${ct(l, 'shell.language')}</span>
          <select data-testid="console-lang" @change=${(e: Event) => this.emit('bb-console-lang', (e.target as HTMLSelectElement).value)}>
            ${CONSOLE_LANGS.map((x) => html`<option value=${x} lang=${x} ?selected=${x === l}>${LANGUAGE_NAMES[x]}</option>`)}
          </select>
        </label>
        <button class="logout" data-testid="logout" @click=${() => this.emit('bb-console-logout')}>${navIcons.logout}${ct(l, 'shell.logout')}</button>
        </div>
      </div>
    </nav>`;
  }

  private link(p: ConsolePage, href: string, here: boolean) {
    return html`<li>
      <a href=${href} data-testid="nav-${p.id}" aria-current=${here ? 'page' : 'false'}>${p.icon}<span>${ct(this.language, p.title)}</span></a>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-console-nav': BbConsoleNav;
  }
  interface HTMLElementEventMap {
    'bb-console-lang': CustomEvent<ConsoleLang>;
    'bb-console-logout': CustomEvent<undefined>;
  }
}
