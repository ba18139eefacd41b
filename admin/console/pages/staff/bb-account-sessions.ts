import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { apiContext, langContext } from '../../data/contexts';
import type { AccountSession, ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { accountSessionsStyles } from './bb-account-sessions.styles';

/** Where an account is signed in now — device, address, last seen — each one can be ended, or all at once. */
@customElement('bb-account-sessions')
export class BbAccountSessions extends LitElement {
  static override styles = accountSessionsStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;
  @property() username = '';
  /** The branch's zone: times here read like every other time in the console. */
  @property({ attribute: false }) timeZone: string | undefined = undefined;
  @state() private sessions: AccountSession[] | null = null;
  private readonly action = new SaveController(this, () => this.language);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const list = await this.action.run(() => this.api.sessions(this.username));
    if (list) {
      this.sessions = list;
      this.action.reset();
    }
  }

  private async end(id: string | null): Promise<void> {
    const ok = await this.action.runOk(() => (id ? this.api.revokeSession(this.username, id) : this.api.revokeAllSessions(this.username)));
    if (ok) await this.load();
  }

  override render() {
    const u = this.language;
    const when = (at: number) => new Intl.DateTimeFormat(u, { dateStyle: 'short', timeStyle: 'short', ...(this.timeZone ? { timeZone: this.timeZone } : {}) }).format(at);
    if (this.action.status === 'error') return html`<p class="error" role="alert">${this.action.message}</p>`;
    if (!this.sessions) return html`<p class="muted" role="status">${ct(u, 'shell.loading')}</p>`;
    if (this.sessions.length === 0) return html`<p class="muted">${ct(u, 'sessions.none')}</p>`;
    return html`<ul data-testid="sessions">
        ${this.sessions.map(
          (s) => html`<li>
            <span class="device">${device(s.userAgent)}${s.current ? html` <span class="pill ok">${ct(u, 'sessions.this')}</span>` : nothing}</span>
            <span class="muted">${s.address ?? ''}</span>
            <span class="muted">${ct(u, 'sessions.lastSeen', { time: when(s.lastSeenAt) })}</span>
            ${s.current ? html`<span></span>` : html`<button class="btn quiet danger" @click=${() => this.end(s.id)}>${ct(u, 'sessions.end')}</button>`}
          </li>`,
        )}
      </ul>
      ${this.sessions.length > 1 ? html`<button class="btn" @click=${() => this.end(null)}>${ct(u, 'sessions.endAll')}</button>` : nothing}`;
  }
}

/** "Chrome on Android" from a user agent, enough to tell the tablet from the office PC. */
function device(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPad|iPhone/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-account-sessions': BbAccountSessions;
  }
}
