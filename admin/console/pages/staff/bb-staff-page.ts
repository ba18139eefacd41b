import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { mayManageUser, type StaffAccount } from '../../../../core/client';
import type { SessionUser } from '../../../lib/api';
import { apiContext, userContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct } from '../../i18n/console-strings';
import { BranchPage } from '../../parts/branch-page';
import type { AccountCreated } from './bb-account-form';
import { staffPageStyles } from './bb-staff-page.styles';
import './bb-account-form';
import './bb-password-once';
import './bb-account-sessions';

/**
 * The people of a branch: who may sign in (tellers at the counters, managers here), when they
 * last did; add someone, give a new password/PIN (shown once), disable an account (its sessions
 * end at once).
 */
@customElement('bb-staff-page')
export class BbStaffPage extends BranchPage {
  static override styles = staffPageStyles;

  @consume({ context: apiContext }) private api!: ConsoleApi;
  @consume({ context: userContext, subscribe: true }) @state() private me: SessionUser | null = null;

  @state() private accounts: StaffAccount[] | null = null;
  @state() private adding = false;
  @state() private secret: AccountCreated | null = null;
  /** The account whose sessions are open below its row. */
  @state() private showSessions: string | null = null;
  private readonly action = new SaveController(this, () => this.language);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const all = await this.action.run(() => this.api.users());
    if (all) {
      this.accounts = all.filter((a) => a.role === 'admin' || a.branches.includes(this.branch));
      this.action.reset();
    }
  }

  private async reset(a: StaffAccount): Promise<void> {
    const r = await this.action.run(() => this.api.resetPassword(a.username));
    if (r) this.secret = { username: r.user.username, password: r.password };
  }

  private async setDisabled(a: StaffAccount, disabled: boolean): Promise<void> {
    if (await this.action.run(() => this.api.updateUser(a.username, { disabled }))) await this.load();
  }

  override render() {
    const u = this.language;
    const me = this.me;
    return html`${this.head(
        'page.staff',
        'staff.lede',
        this.adding ? '' : html`<button class="btn primary" data-testid="add-account" @click=${() => ((this.adding = true), (this.secret = null))}>${ct(u, 'staff.add')}</button>`,
      )}
      ${this.secret
        ? html`<bb-password-once .ui=${u} .username=${this.secret.username} .password=${this.secret.password} @bb-dismiss=${() => (this.secret = null)}></bb-password-once>`
        : nothing}
      ${this.adding
        ? html`<section class="panel">
            <h2>${ct(u, 'staff.add')}</h2>
            <bb-account-form
              .initialBranches=${[this.branch]}
              @bb-account-created=${(e: CustomEvent<AccountCreated>) => {
                this.secret = e.detail;
                this.adding = false;
                void this.load();
              }}
            ></bb-account-form>
          </section>`
        : nothing}
      ${this.action.status === 'error' ? html`<p class="error" role="alert">${this.action.message}</p>` : nothing}
      <section class="panel">
        ${this.accounts === null
          ? html`<p class="empty" role="status">${ct(u, 'shell.loading')}</p>`
          : html`<table data-testid="staff">
              <thead>
                <tr>
                  <th>${ct(u, 'staff.name')}</th>
                  <th>${ct(u, 'staff.role')}</th>
                  <th>${ct(u, 'staff.lastLogin')}</th>
                  <th>${ct(u, 'staff.status')}</th>
                  <th><span class="visually-hidden">${ct(u, 'staff.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.accounts.map((a) => {
                  const may = me ? mayManageUser(me, a) : false;
                  const open = this.showSessions === a.username;
                  return html`<tr data-testid="account" data-username=${a.username}>
                    <td><strong>${a.name}</strong><br /><span class="muted">${a.username}</span></td>
                    <td>${ct(u, `role.${a.role}`)}</td>
                    <td class="when">${a.lastLoginAt ? lastLogin(a.lastLoginAt, u, this.config?.timezone) : html`<span class="muted">${ct(u, 'staff.never')}</span>`}</td>
                    <td>${a.disabled ? html`<span class="pill danger">${ct(u, 'staff.disabled')}</span>` : html`<span class="pill ok">${ct(u, 'staff.active')}</span>`}</td>
                    <td class="num">
                      <span class="actions end">
                        ${may || a.username === me?.username
                          ? html`<button class="btn quiet" data-testid="show-sessions" aria-expanded=${open ? 'true' : 'false'} @click=${() => (this.showSessions = open ? null : a.username)}>
                              ${ct(u, 'staff.sessions')}
                            </button>`
                          : nothing}
                        ${may
                          ? html`<button class="btn" data-testid="reset-password" @click=${() => this.reset(a)}>${ct(u, 'staff.resetPassword')}</button>
                              <button class="btn ${a.disabled ? '' : 'danger'}" data-testid="toggle-disabled" @click=${() => this.setDisabled(a, !a.disabled)}>
                                ${a.disabled ? ct(u, 'staff.enable') : ct(u, 'staff.disable')}
                              </button>`
                          : nothing}
                      </span>
                    </td>
                  </tr>
                  ${open
                    ? html`<tr class="sessions">
                        <td colspan="5"><bb-account-sessions .username=${a.username} .timeZone=${this.config?.timezone}></bb-account-sessions></td>
                      </tr>`
                    : nothing}`;
                })}
              </tbody>
            </table>`}
      </section>`;
  }
}

/** "1 dic, 09:12" in the branch's zone, like every other time in the console (the year only when it is not this one): one line in the table. */
function lastLogin(at: number, lang: string, timeZone: string | undefined): string {
  const sameYear = new Date(at).getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(lang, { ...(timeZone ? { timeZone } : {}), day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-staff-page': BbStaffPage;
  }
}
