import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText, type BranchConfig } from '../../../../core/client';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { listEditorStyles } from '../../parts/list-editor.styles';
import './bb-service-form';

/** The services of a branch: what customers take a ticket for. A list, and the form to add or change one. */
@customElement('bb-services-editor')
export class BbServicesEditor extends LitElement {
  static override styles = listEditorStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;

  @property({ attribute: false }) config!: BranchConfig;
  /** The service being edited: its id, 'new', or null. */
  @state() private editing: string | null = null;
  private readonly removal = new SaveController(this, () => this.language);

  private async removeService(id: string): Promise<void> {
    await this.removal.run(() => this.api.removeService(this.config.id, id));
  }

  override render() {
    const u = this.language;
    const cfg = this.config;
    const langs = cfg.languages;
    return html`
      ${this.removal.status === 'error' ? html`<p class="error" role="alert">${this.removal.message}</p>` : nothing}
      ${cfg.services.length === 0 && this.editing !== 'new' ? html`<p class="empty">${ct(u, 'service.none')}</p>` : nothing}
      <ul class="items" data-testid="services">
        ${cfg.services.map((s) =>
          this.editing === s.id
            ? html`<li class="editing">${this.form(s.id)}</li>`
            : html`<li data-testid="service" data-service=${s.id}>
                <span class="badge" aria-hidden="true">${s.prefix}</span>
                <div class="main">
                  <strong>${pickText(s.name, u, langs)}</strong>
                  <span class="muted">
                    ${langs.map((l) => s.name[l]).filter(Boolean).join(' · ')}
                  </span>
                </div>
                <div class="facts">
                  <span>${s.promiseMinutes ? ct(u, 'service.promiseShort', { n: s.promiseMinutes }) : ct(u, 'service.noPromise')}</span>
                  <span class="muted">
                    ${ct(u, 'service.servedBy', {
                      list: cfg.counters.filter((c) => c.services.includes(s.id)).map((c) => pickText(c.name, u, langs)).join(', ') || '—',
                    })}
                  </span>
                </div>
                <div class="row-actions">
                  <button class="btn" data-testid="edit-service" @click=${() => (this.editing = s.id)}>${ct(u, 'common.edit')}</button>
                  <button class="btn danger quiet" data-testid="remove-service" @click=${() => this.removeService(s.id)}>${ct(u, 'common.remove')}</button>
                </div>
              </li>`,
        )}
        ${this.editing === 'new' ? html`<li class="editing">${this.form(null)}</li>` : nothing}
      </ul>
      ${this.editing === null
        ? html`<button class="btn primary" data-testid="add-service" @click=${() => (this.editing = 'new')}>${ct(u, 'service.add')}</button>`
        : nothing}
    `;
  }

  private form(id: string | null) {
    const service = id ? (this.config.services.find((s) => s.id === id) ?? null) : null;
    return html`<bb-service-form
      .config=${this.config}
      .service=${service}
      @bb-saved=${() => (this.editing = null)}
      @bb-cancel=${() => (this.editing = null)}
    ></bb-service-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-services-editor': BbServicesEditor;
  }
}
