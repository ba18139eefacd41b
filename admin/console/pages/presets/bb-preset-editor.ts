import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CAUSES, EFFECTS, pickText, type BranchConfig, type Cause, type Effect, type Preset } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { PresetBody } from '../../../../core/config-commands';
import { causeLabel, effectLabel } from '../../../../ui/cause/cause-presentation';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { t } from '../../../../ui/i18n/localize';
import { wordsLanguage } from '../../../../ui/i18n/languages';
import { freeId } from '../../parts/slug';
import '../../parts/bb-local-text-field';
import './bb-preset-preview';
import { presetEditorStyles } from './bb-preset-editor.styles';
import { formFooter } from '../../parts/form-footer';

type Scope = Preset['scope'];

/**
 * A preset's form with the lobby's preview beside it: cause, effect, where it applies, how long
 * it usually lasts (or that nobody can know), whether to apologise, its text in each language and
 * its resolved twin. Saves to the branch (its own preset, or its override of the library's) or,
 * for head office, to the bank's library.
 */
@customElement('bb-preset-editor')
export class BbPresetEditor extends LitElement {
  static override styles = presetEditorStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;

  /** The branch (or, for the library, a sample branch in the bank's languages) the preview shows. */
  @property({ attribute: false }) config!: BranchConfig;
  @property({ attribute: false }) preset: Preset | null = null;
  /** `library`: the bank-wide preset (admin); `branch`: this branch's. */
  @property() target: 'branch' | 'library' = 'branch';
  /** Ids already used, for a new preset's id. */
  @property({ attribute: false }) takenIds: readonly string[] = [];
  @property({ type: Number }) now = Date.now();

  @state() private cause: Cause = 'technical_problem';
  @state() private effect: Effect = 'slower_service';
  @state() private scope: Scope = 'counter';
  @state() private services: string[] = [];
  @state() private minutes: number | null = 10;
  @state() private apologise = true;
  @state() private text: Record<string, string> = {};
  @state() private resolvedText: Record<string, string> = {};

  private readonly save = new SaveController(this, () => this.language);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('preset')) {
      const p = this.preset;
      this.cause = p?.cause ?? 'technical_problem';
      this.effect = p?.effect ?? 'slower_service';
      this.scope = p?.scope ?? 'counter';
      this.services = p?.services ? [...p.services] : [];
      this.minutes = p ? p.defaultMinutes : 10;
      this.apologise = p?.apologise ?? true;
      this.text = p ? { ...p.text } : {};
      this.resolvedText = p?.resolvedText ? { ...p.resolvedText } : {};
      this.save.reset();
    }
  }

  private get body(): PresetBody {
    return {
      cause: this.cause,
      effect: this.effect,
      scope: this.scope,
      ...(this.scope === 'service' ? { services: this.services } : {}),
      text: this.text,
      ...(Object.keys(this.resolvedText).length ? { resolvedText: this.resolvedText } : {}),
      apologise: this.apologise,
      defaultMinutes: this.minutes,
    };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    const parsed = PresetBody.safeParse(this.body);
    if (!parsed.success) {
      const f = String(parsed.error.issues[0]?.path[0] ?? 'text');
      return this.save.fail(ct(u, f === 'services' ? 'preset.servicesMissing' : f === 'defaultMinutes' ? 'preset.minutesInvalid' : 'preset.textMissing'), f);
    }
    const main = this.config.languages[0] ?? 'en';
    const id = this.preset?.id ?? freeId(pickText(this.text, main, this.config.languages).split(/\s+/).slice(0, 4).join(' '), this.takenIds, 'preset');
    const done = await this.save.runOk(() =>
      this.target === 'library' ? this.api.saveLibraryPreset(id, parsed.data) : this.api.savePreset(this.config.id, id, parsed.data),
    );
    if (done) this.dispatchEvent(new CustomEvent('bb-saved', { detail: id, bubbles: true, composed: true }));
  }

  /**
   * What the screens show for a resolved twin empty in `lang` (ui/notice/bb-notice-card.ts): with no
   * twin at all, their general words (quoted as they read, English for a language without them);
   * with a twin in other languages, those only.
   */
  private resolvedMissing(lang: string) {
    const u = this.language;
    if (Object.values(this.resolvedText).some((v) => v.trim())) return ct(u, 'text.missingResolvedOther');
    const words = wordsLanguage(lang);
    return html`${ct(u, 'text.missingResolvedNone')} <q lang=${words} data-testid="resolved-general">${t(words, 'lobby.resolvedDone')}</q>`;
  }

  override render() {
    const u = this.language;
    const cfg = this.config;
    const langs = cfg.languages;
    return html`<div class="split">
      <form @submit=${this.submit} novalidate data-testid="preset-form">
        <div class="grid two">
          <label class="field">
            <span>${ct(u, 'preset.cause')}</span>
            <select data-testid="preset-cause" @change=${(e: Event) => (this.cause = (e.target as HTMLSelectElement).value as Cause)}>
              ${CAUSES.map((c) => html`<option value=${c} ?selected=${c === this.cause}>${causeLabel(c, u)}</option>`)}
            </select>
          </label>
          <label class="field">
            <span>${ct(u, 'preset.effect')}</span>
            <select data-testid="preset-effect" @change=${(e: Event) => (this.effect = (e.target as HTMLSelectElement).value as Effect)}>
              ${EFFECTS.map((x) => html`<option value=${x} ?selected=${x === this.effect}>${effectLabel(x, u)}</option>`)}
            </select>
          </label>
        </div>
        <fieldset class="field">
          <legend>${ct(u, 'preset.scope')}</legend>
          <div class="checks">
            ${(['counter', 'branch', 'service'] as const).map(
              (s) => html`<label class="check">
                <input type="radio" name="scope" data-testid="preset-scope" data-scope=${s} .checked=${this.scope === s} @change=${() => (this.scope = s)} />
                ${ct(u, `preset.scope_${s}`)}
              </label>`,
            )}
          </div>
          ${this.scope === 'service'
            ? html`<div class="checks sub">
                ${cfg.services.map(
                  (s) => html`<label class="check">
                    <input
                      type="checkbox"
                      .checked=${this.services.includes(s.id)}
                      @change=${(e: Event) => (this.services = (e.target as HTMLInputElement).checked ? [...this.services, s.id] : this.services.filter((x) => x !== s.id))}
                    />
                    ${pickText(s.name, u, langs)}
                  </label>`,
                )}
              </div>`
            : nothing}
        </fieldset>
        <div class="grid two">
          <fieldset class="field">
            <legend>${ct(u, 'preset.duration')}</legend>
            <label class="check">
              <input type="radio" name="duration" .checked=${this.minutes !== null} @change=${() => (this.minutes = 10)} />
              <span class="inline">
                ${ct(u, 'preset.about')}
                <input
                  type="number"
                  min="1"
                  max="480"
                  data-testid="preset-minutes"
                  aria-label=${ct(u, 'preset.minutes')}
                  .value=${this.minutes === null ? '' : String(this.minutes)}
                  ?disabled=${this.minutes === null}
                  @input=${(e: Event) => (this.minutes = Number((e.target as HTMLInputElement).value) || 0)}
                />
                ${ct(u, 'service.promiseUnit')}
              </span>
            </label>
            <label class="check">
              <input type="radio" name="duration" data-testid="preset-unknown" .checked=${this.minutes === null} @change=${() => (this.minutes = null)} />
              ${ct(u, 'preset.unknown')}
            </label>
          </fieldset>
          <fieldset class="field">
            <legend>${ct(u, 'preset.apology')}</legend>
            <label class="check">
              <input type="checkbox" data-testid="preset-apologise" .checked=${this.apologise} @change=${(e: Event) => (this.apologise = (e.target as HTMLInputElement).checked)} />
              ${ct(u, 'preset.apologise')}
            </label>
            <span class="hint">${ct(u, 'preset.apologiseHint')}</span>
          </fieldset>
        </div>
        <bb-local-text-field
          name="preset-text"
          multiline
          .label=${ct(u, 'preset.text')}
          .hint=${ct(u, 'preset.textHint')}
          .languages=${langs}
          .value=${this.text}
          .ui=${u}
          .error=${this.save.field === 'text' ? this.save.message : null}
          @bb-local-text=${(e: CustomEvent<Record<string, string>>) => (this.text = e.detail)}
        ></bb-local-text-field>
        <bb-local-text-field
          name="preset-resolved"
          multiline
          .label=${ct(u, 'preset.resolvedText')}
          .hint=${ct(u, 'preset.resolvedHint')}
          .languages=${langs}
          .value=${this.resolvedText}
          .ui=${u}
          .missingFlag=${(lang: string) => this.resolvedMissing(lang)}
          @bb-local-text=${(e: CustomEvent<Record<string, string>>) => (this.resolvedText = e.detail)}
        ></bb-local-text-field>
        ${formFooter(this, u, this.save, { testid: 'save-preset', label: ct(u, this.target === 'library' ? 'preset.saveLibrary' : 'preset.save'), field: 'text' })}
      </form>
      <aside class="preview">
        <bb-preset-preview .preset=${this.body} .config=${cfg} .languages=${langs} .ui=${u} .now=${this.now}></bb-preset-preview>
      </aside>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-preset-editor': BbPresetEditor;
  }
}
