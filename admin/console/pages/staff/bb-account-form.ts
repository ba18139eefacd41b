import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type StaffRole } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { CreateUserBody } from '../../../../core/staff';
import type { SessionUser } from '../../../lib/api';
import type { BranchDirectory } from '../../data/branch-directory';
import { apiContext, branchesContext, langContext, userContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { formStyles } from '../settings/form.styles';
import './bb-password-once';
import { formFooter } from '../../parts/form-footer';

export interface AccountCreated {
  username: string;
  password: string;
}

/**
 * A new staff account: name, username, role (a manager may create tellers; head office also
 * managers and admins), and the branches it works at. The password comes back once, and is shown
 * by the one who asked (`bb-account-created`).
 */
@customElement('bb-account-form')
export class BbAccountForm extends LitElement {
  static override styles = formStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;
  @consume({ context: userContext, subscribe: true }) @state() private me: SessionUser | null = null;
  @consume({ context: branchesContext, subscribe: true }) @state() private branches?: BranchDirectory;

  /** Branches ticked at the start (the branch the form is opened in). */
  @property({ attribute: false }) initialBranches: string[] = [];
  @property() initialRole: StaffRole = 'teller';

  @state() private name = '';
  @state() private username = '';
  @state() private usernameTouched = false;
  @state() private accountRole: StaffRole | null = null;
  @state() private chosen: string[] | null = null;

  private readonly save = new SaveController(this, () => this.language);

  private get roles(): StaffRole[] {
    return this.me?.role === 'admin' ? ['teller', 'manager', 'admin'] : ['teller'];
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    const role = this.accountRole ?? this.initialRole;
    const parsed = CreateUserBody.safeParse({ username: this.username, name: this.name, role, branches: role === 'admin' ? [] : (this.chosen ?? this.initialBranches) });
    if (!parsed.success) {
      const f = String(parsed.error.issues[0]?.path[0] ?? 'name');
      return this.save.fail(ct(u, f === 'username' ? 'staff.usernameInvalid' : f === 'branches' ? 'staff.branchesMissing' : 'staff.nameMissing'), f);
    }
    const made = await this.save.run(() => this.api.createUser(parsed.data));
    if (made) {
      this.dispatchEvent(new CustomEvent<AccountCreated>('bb-account-created', { detail: { username: made.user.username, password: made.password }, bubbles: true, composed: true }));
      this.name = '';
      this.username = '';
      this.usernameTouched = false;
    }
  }

  override render() {
    const u = this.language;
    const role = this.accountRole ?? this.initialRole;
    const chosen = this.chosen ?? this.initialBranches;
    const bad = (f: string) => (this.save.field === f ? 'true' : 'false');
    return html`<form @submit=${this.submit} novalidate data-testid="account-form">
      <div class="grid three">
        <label class="field">
          <span>${ct(u, 'staff.name')}</span>
          <input
            data-testid="account-name"
            .value=${this.name}
            maxlength="80"
            aria-invalid=${bad('name')}
            @input=${(e: Event) => {
              this.name = (e.target as HTMLInputElement).value;
              if (!this.usernameTouched) this.username = usernameFrom(this.name);
            }}
          />
        </label>
        <label class="field">
          <span>${ct(u, 'staff.username')}</span>
          <input
            data-testid="account-username"
            .value=${this.username}
            maxlength="64"
            autocapitalize="none"
            spellcheck="false"
            aria-invalid=${bad('username')}
            @input=${(e: Event) => {
              this.username = (e.target as HTMLInputElement).value;
              this.usernameTouched = true;
            }}
          />
        </label>
        <label class="field">
          <span>${ct(u, 'staff.role')}</span>
          <select data-testid="account-role" @change=${(e: Event) => (this.accountRole = (e.target as HTMLSelectElement).value as StaffRole)}>
            ${this.roles.map((r) => html`<option value=${r} ?selected=${r === role}>${ct(u, `role.${r}`)}</option>`)}
          </select>
        </label>
      </div>
      ${role === 'admin'
        ? html`<p class="hint">${ct(u, 'staff.adminAllBranches')}</p>`
        : html`<fieldset class="field">
            <legend>${ct(u, 'staff.branches')}</legend>
            <div class="checks">
              ${(this.branches?.items ?? [])
                .filter((b) => this.me?.role === 'admin' || this.me?.branches.includes(b.id))
                .map(
                  (b) => html`<label class="check">
                    <input
                      type="checkbox"
                      data-testid="account-branch"
                      data-branch=${b.id}
                      .checked=${chosen.includes(b.id)}
                      @change=${(e: Event) => (this.chosen = (e.target as HTMLInputElement).checked ? [...chosen, b.id] : chosen.filter((x) => x !== b.id))}
                    />
                    ${b.name}
                  </label>`,
                )}
            </div>
          </fieldset>`}
      ${formFooter(this, u, this.save, { testid: 'create-account', label: ct(u, 'staff.create'), cancel: false })}
    </form>`;
  }
}

/** "Giulia Bianchi" → "giulia.bianchi". */
function usernameFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/^[._-]+/, '')
    .slice(0, 64);
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-account-form': BbAccountForm;
  }
  interface HTMLElementEventMap {
    'bb-account-created': CustomEvent<AccountCreated>;
  }
}
