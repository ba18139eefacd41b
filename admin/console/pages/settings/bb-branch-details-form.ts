import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type BranchConfig, type UpdateBranchBody } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { CreateBranchBody } from '../../../../core/config-commands';
import { apiContext, branchesContext, langContext } from '../../data/contexts';
import type { BranchDirectory } from '../../data/branch-directory';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { slugFrom } from '../../parts/slug';
import { timeZones } from '../../parts/time-zones';
import { formStyles } from './form.styles';
import './bb-languages-field';

/**
 * A branch's details — name, address, time zone, screen languages — to open a new branch
 * (`config` null: POST, then `bb-branch-created`) or to change one (PATCH with what changed).
 */
@customElement('bb-branch-details-form')
export class BbBranchDetailsForm extends LitElement {
  static override styles = formStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;
  @consume({ context: branchesContext, subscribe: true }) @state() private branches?: BranchDirectory;

  /** The branch as it is; null to open a new one. */
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property() submitLabel = '';

  @state() private name = '';
  @state() private branchId = '';
  @state() private idTouched = false;
  @state() private address = '';
  @state() private timezone = 'Europe/Rome';
  @state() private languages: string[] = ['it', 'en'];

  private readonly save = new SaveController(this, () => this.language);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('config') && this.config) {
      const c = this.config;
      this.name = c.name;
      this.branchId = c.id;
      this.address = c.address ?? '';
      this.timezone = c.timezone;
      this.languages = [...c.languages];
    }
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    if (!this.config) {
      const parsed = CreateBranchBody.safeParse({
        id: this.branchId,
        name: this.name,
        ...(this.address.trim() ? { address: this.address.trim() } : {}),
        timezone: this.timezone,
        languages: this.languages,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return this.save.fail(ct(u, 'form.check', { field: ct(u, fieldLabel(String(issue.path[0] ?? 'name'))) }), String(issue.path[0] ?? ''));
      }
      const made = await this.save.run(() => this.api.createBranch(parsed.data));
      if (made) {
        await this.branches?.refresh();
        this.dispatchEvent(new CustomEvent('bb-branch-created', { detail: made.id, bubbles: true, composed: true }));
      }
      return;
    }
    const c = this.config;
    const body: UpdateBranchBody = {};
    if (this.name.trim() !== c.name) body.name = this.name.trim();
    if (this.address.trim() !== (c.address ?? '')) body.address = this.address.trim() || null;
    if (this.timezone !== c.timezone) body.timezone = this.timezone;
    if (this.languages.join() !== c.languages.join()) body.languages = this.languages;
    if (Object.keys(body).length === 0) return this.save.reset();
    if (await this.save.run(() => this.api.updateBranch(c.id, body))) await this.branches?.refresh();
  }

  override render() {
    const u = this.language;
    const creating = !this.config;
    const bad = (f: string) => (this.save.field === f ? 'true' : 'false');
    return html`<form @submit=${this.submit} novalidate>
      <div class="grid two">
        <label class="field">
          <span>${ct(u, 'branch.name')}</span>
          <input
            data-testid="branch-name"
            .value=${this.name}
            maxlength="80"
            aria-invalid=${bad('name')}
            @input=${(e: Event) => {
              this.name = (e.target as HTMLInputElement).value;
              if (creating && !this.idTouched) this.branchId = slugFrom(this.name);
            }}
          />
        </label>
        ${creating
          ? html`<label class="field">
              <span>${ct(u, 'branch.id')}</span>
              <input
                data-testid="branch-id"
                .value=${this.branchId}
                maxlength="40"
                aria-invalid=${bad('id')}
                @input=${(e: Event) => {
                  this.branchId = (e.target as HTMLInputElement).value;
                  this.idTouched = true;
                }}
              />
              <span class="hint">${ct(u, 'branch.idHint', { url: `/display/${this.branchId || '…'}` })}</span>
            </label>`
          : html`<div class="field">
              <span>${ct(u, 'branch.id')}</span>
              <code class="fixed">${this.config!.id}</code>
            </div>`}
        <label class="field">
          <span>${ct(u, 'branch.address')}</span>
          <input data-testid="branch-address" .value=${this.address} maxlength="120" @input=${(e: Event) => (this.address = (e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${ct(u, 'branch.timezone')}</span>
          <select data-testid="branch-timezone" @change=${(e: Event) => (this.timezone = (e.target as HTMLSelectElement).value)}>
            ${timeZones().map((z) => html`<option value=${z} ?selected=${z === this.timezone}>${z.replace(/_/g, ' ')}</option>`)}
          </select>
        </label>
      </div>
      <bb-languages-field .ui=${u} .value=${this.languages} @bb-languages=${(e: CustomEvent<string[]>) => (this.languages = e.detail)}></bb-languages-field>
      ${this.renderStatus()}
      <div class="actions">
        <button class="btn primary" type="submit" data-testid="save-branch" aria-busy=${this.save.busy ? 'true' : 'false'}>
          ${this.save.busy ? ct(u, 'common.saving') : this.submitLabel || ct(u, 'common.save')}
        </button>
      </div>
    </form>`;
  }

  private renderStatus() {
    if (this.save.status === 'error') return html`<p class="error" role="alert">${this.save.message}</p>`;
    if (this.save.status === 'saved' && this.config) return html`<p class="ok-note" role="status">${ct(this.language, 'common.saved')}</p>`;
    return nothing;
  }
}

function fieldLabel(f: string) {
  return f === 'id' ? 'branch.id' : f === 'timezone' ? 'branch.timezone' : f === 'languages' ? 'branch.languages' : f === 'address' ? 'branch.address' : 'branch.name';
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-branch-details-form': BbBranchDetailsForm;
  }
  interface HTMLElementEventMap {
    'bb-branch-created': CustomEvent<string>;
  }
}
