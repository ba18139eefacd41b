import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { apiContext } from '../../data/contexts';
import type { IntegrationToken } from '../../../../core/client';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct } from '../../i18n/console-strings';
import { BranchPage } from '../../parts/branch-page';
import { integrationsPageStyles } from './bb-integrations-page.styles';

/**
 * The keys an existing queue system (ticket dispenser, calling system) sends this branch its
 * tickets and calls with (the ingest API): make one (its secret shown this once), see each with
 * who made it and when it was last used, revoke one (the system is shut out at once).
 */
@customElement('bb-integrations-page')
export class BbIntegrationsPage extends BranchPage {
  static override styles = integrationsPageStyles;

  @consume({ context: apiContext }) private api!: ConsoleApi;

  @state() private tokens: IntegrationToken[] | null = null;
  /** The token just made, with its secret (or without it, on a retry of the same action). */
  @state() private made: { token: IntegrationToken; secret?: string } | null = null;
  /** The token whose revocation waits for a second, explicit click (it shuts a system out at once). */
  @state() private confirming: string | null = null;
  private readonly action = new SaveController(this, () => this.language);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const list = await this.action.run(() => this.api.integrationTokens(this.branch));
    if (list) {
      this.tokens = [...list].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt - a.createdAt);
      this.action.reset();
    }
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const made = await this.action.run(() => this.api.createIntegrationToken(this.branch, name));
    if (!made) return;
    this.made = made;
    form.reset();
    await this.load();
  }

  private async revoke(t: IntegrationToken): Promise<void> {
    this.confirming = null;
    if (await this.action.runOk(() => this.api.revokeIntegrationToken(this.branch, t.id))) await this.load();
  }

  override render() {
    const u = this.language;
    const date = (at: number) => new Intl.DateTimeFormat(u, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
    return html`${this.head('page.integrations', 'integrations.lede')}
      ${this.made ? this.renderMade(this.made) : nothing}
      <section class="panel">
        <h2>${ct(u, 'integrations.new')}</h2>
        <form class="new" @submit=${this.create} data-testid="token-form">
          <label class="field">
            <span>${ct(u, 'integrations.name')}</span>
            <input name="name" required maxlength="60" autocomplete="off" placeholder=${ct(u, 'integrations.namePlaceholder')} data-testid="token-name" />
          </label>
          <button class="btn primary" type="submit" ?disabled=${this.action.busy} data-testid="token-create">${ct(u, 'integrations.create')}</button>
        </form>
      </section>
      ${this.action.status === 'error' ? html`<p class="error" role="alert">${this.action.message}</p>` : nothing}
      <section class="panel">
        ${this.tokens === null
          ? html`<p class="empty" role="status">${ct(u, 'shell.loading')}</p>`
          : !this.tokens.length
            ? html`<p class="empty" data-testid="tokens-none">${ct(u, 'integrations.none')}</p>`
            : html`<table data-testid="tokens">
                <thead>
                  <tr>
                    <th>${ct(u, 'staff.name')}</th>
                    <th>${ct(u, 'integrations.created')}</th>
                    <th>${ct(u, 'integrations.lastUsed')}</th>
                    <th>${ct(u, 'integrations.status')}</th>
                    <th><span class="visually-hidden">${ct(u, 'integrations.revoke')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${this.tokens.map(
                    (t) => html`<tr data-testid="token" data-token=${t.id} data-revoked=${t.revokedAt !== null ? 'true' : 'false'}>
                      <td><strong>${t.name}</strong></td>
                      <td class="when">${ct(u, 'integrations.createdBy', { date: date(t.createdAt), user: t.createdBy })}</td>
                      <td class="when">${t.lastUsedAt ? date(t.lastUsedAt) : html`<span class="muted">${ct(u, 'integrations.never')}</span>`}</td>
                      <td>
                        ${t.revokedAt === null
                          ? html`<span class="pill ok">${ct(u, 'integrations.active')}</span>`
                          : html`<span class="pill">${ct(u, 'integrations.revoked', { date: date(t.revokedAt) })}</span>`}
                      </td>
                      <td class="num">
                        ${t.revokedAt !== null
                          ? nothing
                          : this.confirming === t.id
                            ? html`<span class="actions end" role="group" aria-label=${ct(u, 'integrations.confirmRevoke', { name: t.name })}>
                                <span class="muted">${ct(u, 'integrations.confirmRevoke', { name: t.name })}</span>
                                <button class="btn danger" data-testid="token-revoke-confirm" @click=${() => this.revoke(t)}>${ct(u, 'integrations.revoke')}</button>
                                <button class="btn quiet" @click=${() => (this.confirming = null)}>${ct(u, 'common.cancel')}</button>
                              </span>`
                            : html`<button class="btn danger" data-testid="token-revoke" @click=${() => (this.confirming = t.id)}>${ct(u, 'integrations.revoke')}</button>`}
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>`}
      </section>
      <section class="panel">
        <details>
          <summary>${ct(u, 'integrations.example')}</summary>
          <pre><code>${this.example()}</code></pre>
        </details>
      </section>`;
  }

  private renderMade(m: { token: IntegrationToken; secret?: string }) {
    const u = this.language;
    return html`<div class="once" role="status" data-testid="token-once">
      <p class="title">${ct(u, 'integrations.secretTitle', { name: m.token.name })}</p>
      ${m.secret ? html`<code data-testid="token-secret">${m.secret}</code><p>${ct(u, 'integrations.secretHint')}</p>` : html`<p>${ct(u, 'integrations.replayed')}</p>`}
      <button class="btn" data-testid="token-done" @click=${() => (this.made = null)}>${ct(u, 'integrations.done')}</button>
    </div>`;
  }

  private example(): string {
    const url = `${location.origin}/api/branches/${this.branch}/ingest`;
    return `curl -X POST ${url} \\
  -H 'content-type: application/json' -H "Authorization: Bearer $TOKEN" \\
  -d '{"events": [{"type": "issued", "ticket": "QM-0042", "number": "A042", "service": "${this.config?.services[0]?.id ?? 'teller'}"}]}'`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-integrations-page': BbIntegrationsPage;
  }
}
