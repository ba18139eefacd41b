import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { effectivePresets, presetOrigin, presetSources, type Preset } from '../../../../core/client';
import { apiContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct } from '../../i18n/console-strings';
import { BranchPage } from '../../parts/branch-page';
import type { PresetAction } from './bb-preset-row';
import { presetsPageStyles } from './bb-presets-page.styles';
import './bb-preset-editor';
import './bb-preset-row';
import { languageList } from '../../parts/language-names';
import { missingLanguages } from './preview-notice';

/**
 * The branch's presets: the bank's library as this branch has it (some changed here, some
 * hidden) and its own. Editing opens the form beside the lobby's preview.
 */
@customElement('bb-presets-page')
export class BbPresetsPage extends BranchPage {
  static override styles = presetsPageStyles;

  @consume({ context: apiContext }) private api!: ConsoleApi;
  /** The preset open in the editor: its id, 'new', or null. */
  @state() private editing: string | null = null;
  private readonly action = new SaveController(this, () => this.language);

  private async onAction(e: CustomEvent<{ action: PresetAction; id: string }>): Promise<void> {
    const { action, id } = e.detail;
    const branch = this.branch;
    if (action === 'edit') {
      this.editing = id;
      return;
    }
    await this.action.run(() => (action === 'restore' ? this.api.restorePreset(branch, id) : this.api.removePreset(branch, id)));
  }

  override render() {
    const u = this.language;
    const s = this.stream.state;
    const cfg = this.config;
    const head = this.head(
      'page.presets',
      'presets.lede',
      this.editing ? '' : html`<button class="btn primary" data-testid="add-preset" @click=${() => (this.editing = 'new')}>${ct(u, 'preset.add')}</button>`,
    );
    if (!s || !cfg) return html`${head}${this.loading()}`;
    const src = presetSources(s);
    const shown = effectivePresets(src);
    const hidden = src.library.filter((p) => src.hidden.includes(p.id));
    const all: Preset[] = [...shown, ...hidden];
    if (this.editing) {
      const preset = this.editing === 'new' ? null : (all.find((p) => p.id === this.editing) ?? null);
      return html`${head}
        <section class="panel">
          <h2>${preset ? ct(u, 'preset.editTitle') : ct(u, 'preset.add')}</h2>
          ${preset && presetOrigin(src, preset.id) === 'library' ? html`<p class="hint override-note">${ct(u, 'preset.overrideNote')}</p>` : nothing}
          <bb-preset-editor
            .config=${cfg}
            .preset=${preset}
            .takenIds=${all.map((p) => p.id)}
            .now=${this.stream.now()}
            @bb-saved=${() => (this.editing = null)}
            @bb-cancel=${() => (this.editing = null)}
          ></bb-preset-editor>
        </section>`;
    }
    const lacking = shown.filter((p) => missingLanguages(p.text, cfg.languages).length > 0);
    const lackedLangs = cfg.languages.filter((l) => lacking.some((p) => !p.text[l]?.trim()));
    return html`${head}
      ${lacking.length
        ? html`<p class="warn-note" data-testid="presets-missing-summary">
            ${ct(u, 'presets.missingSummary', { n: lacking.length, list: languageList(lackedLangs, u) })}
          </p>`
        : nothing}
      ${this.action.status === 'error' ? html`<p class="error" role="alert">${this.action.message}</p>` : nothing}
      <ul class="presets" data-testid="presets" @bb-preset-action=${this.onAction}>
        ${all.map(
          (p) => html`<li data-testid="preset-row" data-preset=${p.id}>
            <bb-preset-row .preset=${p} .origin=${presetOrigin(src, p.id) ?? 'branch'} .languages=${cfg.languages} .ui=${u}></bb-preset-row>
          </li>`,
        )}
      </ul>
      ${all.length === 0 ? html`<p class="empty">${ct(u, 'preset.none')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-presets-page': BbPresetsPage;
  }
}
