import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BranchConfig, Preset } from '../../../../core/client';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { presetsPageStyles } from '../presets/bb-presets-page.styles';
import { suggestedCounterName } from '../counters/counter-names';
import type { PresetAction } from '../presets/bb-preset-row';
import '../presets/bb-preset-editor';
import '../presets/bb-preset-row';

/** The bank's languages, for the library's texts: every branch takes its own from these. */
const BANK_LANGUAGES = ['it', 'en', 'fr', 'es', 'de', 'nl'];

/** A sample branch for the library's preview: one counter, one service, the bank's languages. */
const SAMPLE: BranchConfig = {
  id: 'library',
  name: 'Branchboard',
  timezone: 'Europe/Rome',
  languages: BANK_LANGUAGES,
  services: [{ id: 'cash', name: { it: 'Cassa', en: 'Teller', fr: 'Caisse', es: 'Caja', de: 'Kasse', nl: 'Kassa' }, prefix: 'A' }],
  counters: [{ id: '1', name: suggestedCounterName(1, BANK_LANGUAGES), services: ['cash'] }],
  presets: [],
};

/**
 * The bank-wide preset library (head office): every branch starts with it and inherits changes
 * to it, except where a branch changed or hid a preset for itself.
 */
@customElement('bb-library-page')
export class BbLibraryPage extends LitElement {
  static override styles = presetsPageStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;
  @state() private presets: Preset[] | null = null;
  @state() private editing: string | null = null;
  private readonly action = new SaveController(this, () => this.language);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const p = await this.action.run(() => this.api.library());
    if (p) {
      this.presets = p;
      this.action.reset();
    }
  }

  private async onAction(e: CustomEvent<{ action: PresetAction; id: string }>): Promise<void> {
    if (e.detail.action === 'edit') this.editing = e.detail.id;
    else if (e.detail.action === 'remove' && (await this.action.runOk(() => this.api.removeLibraryPreset(e.detail.id)))) await this.load();
  }

  override render() {
    const u = this.language;
    const list = this.presets ?? [];
    const head = html`<header class="page-head">
      <div>
        <h1>${ct(u, 'page.library')}</h1>
        <p class="lede">${ct(u, 'library.lede')}</p>
      </div>
      ${this.editing ? '' : html`<button class="btn primary" data-testid="add-preset" @click=${() => (this.editing = 'new')}>${ct(u, 'preset.add')}</button>`}
    </header>`;
    if (this.editing) {
      const preset = this.editing === 'new' ? null : (list.find((p) => p.id === this.editing) ?? null);
      return html`${head}<section class="panel">
          <bb-preset-editor
            target="library"
            .config=${SAMPLE}
            .preset=${preset}
            .takenIds=${list.map((p) => p.id)}
            @bb-saved=${() => ((this.editing = null), void this.load())}
            @bb-cancel=${() => (this.editing = null)}
          ></bb-preset-editor>
        </section>`;
    }
    return html`${head}
      ${this.action.status === 'error' ? html`<p class="error" role="alert">${this.action.message}</p>` : nothing}
      ${this.presets === null
        ? html`<p class="empty" role="status">${ct(u, 'shell.loading')}</p>`
        : html`<ul class="presets" @bb-preset-action=${this.onAction}>
            ${list.map((p) => html`<li data-testid="library-preset" data-preset=${p.id}><bb-preset-row .preset=${p} .languages=${BANK_LANGUAGES} .ui=${u}></bb-preset-row></li>`)}
          </ul>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-library-page': BbLibraryPage;
  }
}
