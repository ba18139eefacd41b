import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText, type BranchConfig } from '../../../../core/client';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { listEditorStyles } from '../../parts/list-editor.styles';
import { counterHash } from '../../routes';
import './bb-counter-form';

/** The counters of a branch, each with the services it serves in its order; add, change, remove. */
@customElement('bb-counters-editor')
export class BbCountersEditor extends LitElement {
  static override styles = listEditorStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;

  @property({ attribute: false }) config!: BranchConfig;
  /** Offer the link to each counter's teller view (not while setting up a new branch). */
  @property({ type: Boolean }) counterLinks = false;
  @state() private editing: string | null = null;
  private readonly removal = new SaveController(this, () => this.language);

  override render() {
    const u = this.language;
    const cfg = this.config;
    const langs = cfg.languages;
    const serviceName = (id: string) => {
      const s = cfg.services.find((x) => x.id === id);
      return s ? pickText(s.name, u, langs) : id;
    };
    if (cfg.services.length === 0) return html`<p class="empty">${ct(u, 'counter.needService')}</p>`;
    return html`
      ${this.removal.status === 'error' ? html`<p class="error" role="alert">${this.removal.message}</p>` : nothing}
      ${cfg.counters.length === 0 && this.editing !== 'new' ? html`<p class="empty">${ct(u, 'counter.none')}</p>` : nothing}
      <ul class="items" data-testid="counters">
        ${cfg.counters.map((c) =>
          this.editing === c.id
            ? html`<li class="editing">${this.form(c.id)}</li>`
            : html`<li data-testid="counter" data-counter=${c.id}>
                <span class="badge" aria-hidden="true">${cfg.counters.indexOf(c) + 1}</span>
                <div class="main">
                  <strong>${pickText(c.name, u, langs)}</strong>
                  <span class="muted">${langs.map((l) => c.name[l]).filter(Boolean).join(' · ')}</span>
                </div>
                <div class="facts">
                  <span>${c.services.map(serviceName).join(' → ')}</span>
                  <span class="muted">${ct(u, 'counter.inOrder')}</span>
                </div>
                <div class="row-actions">
                  ${this.counterLinks ? html`<a class="btn quiet" href=${counterHash(cfg.id, c.id)}>${ct(u, 'today.openCounterView')}</a>` : nothing}
                  <button class="btn" data-testid="edit-counter" @click=${() => (this.editing = c.id)}>${ct(u, 'common.edit')}</button>
                  <button class="btn danger quiet" data-testid="remove-counter" @click=${() => this.removal.run(() => this.api.removeCounter(cfg.id, c.id))}>
                    ${ct(u, 'common.remove')}
                  </button>
                </div>
              </li>`,
        )}
        ${this.editing === 'new' ? html`<li class="editing">${this.form(null)}</li>` : nothing}
      </ul>
      ${this.editing === null ? html`<button class="btn primary" data-testid="add-counter" @click=${() => (this.editing = 'new')}>${ct(u, 'counter.add')}</button>` : nothing}
    `;
  }

  private form(id: string | null) {
    const counter = id ? (this.config.counters.find((c) => c.id === id) ?? null) : null;
    return html`<bb-counter-form .config=${this.config} .counter=${counter} @bb-saved=${() => (this.editing = null)} @bb-cancel=${() => (this.editing = null)}></bb-counter-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counters-editor': BbCountersEditor;
  }
}
