import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText, type BranchConfig, type ServiceConfig } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { ServiceBody } from '../../../../core/config-commands';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { freeId } from '../../parts/slug';
import '../../parts/bb-local-text-field';
import { formStyles } from '../settings/form.styles';
import { emitSaved, formFooter } from '../../parts/form-footer';

/**
 * A service, new or existing: its name in each language, the letter its tickets start with, the
 * promise ("we aim to serve you within N minutes", optional) and the counters that serve it.
 */
@customElement('bb-service-form')
export class BbServiceForm extends LitElement {
  static override styles = formStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;

  @property({ attribute: false }) config!: BranchConfig;
  /** The service to change; null for a new one. */
  @property({ attribute: false }) service: ServiceConfig | null = null;

  @state() private name: Record<string, string> = {};
  @state() private letter = '';
  @state() private promise: number | null = null;
  @state() private counters: string[] = [];

  private readonly save = new SaveController(this, () => this.language);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('service')) {
      const s = this.service;
      this.name = s ? { ...s.name } : {};
      this.letter = s?.prefix ?? nextFreeLetter(this.config);
      this.promise = s?.promiseMinutes ?? null;
      this.counters = s ? this.config.counters.filter((c) => c.services.includes(s.id)).map((c) => c.id) : [];
      this.save.reset();
    }
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    const cfg = this.config;
    const body = { name: this.name, prefix: this.letter.trim().toUpperCase(), promiseMinutes: this.promise, ...(cfg.counters.length ? { counters: this.counters } : {}) };
    const parsed = ServiceBody.safeParse(body);
    if (!parsed.success) {
      const f = String(parsed.error.issues[0]?.path[0] ?? 'name');
      return this.save.fail(ct(u, f === 'prefix' ? 'service.prefixInvalid' : f === 'promiseMinutes' ? 'service.promiseInvalid' : 'service.nameMissing'), f);
    }
    const main = pickText(this.name, cfg.languages[0] ?? 'en', cfg.languages);
    const id = this.service?.id ?? freeId(main, cfg.services.map((s) => s.id), 'service');
    const saved = await this.save.run(() => this.api.saveService(cfg.id, id, parsed.data));
    if (saved) emitSaved(this, id);
  }

  override render() {
    const u = this.language;
    const cfg = this.config;
    return html`<form @submit=${this.submit} novalidate data-testid="service-form">
      <bb-local-text-field
        name="service-name"
        .label=${ct(u, 'service.name')}
        .languages=${cfg.languages}
        .value=${this.name}
        .ui=${u}
        .maxLength=${60}
        .error=${this.save.field === 'name' ? this.save.message : null}
        @bb-local-text=${(e: CustomEvent<Record<string, string>>) => (this.name = e.detail)}
      ></bb-local-text-field>
      <div class="grid two">
        <label class="field">
          <span>${ct(u, 'service.prefix')}</span>
          <input
            data-testid="service-prefix"
            maxlength="1"
            .value=${this.letter}
            aria-invalid=${this.save.field === 'prefix' ? 'true' : 'false'}
            @input=${(e: Event) => (this.letter = (e.target as HTMLInputElement).value.toUpperCase())}
          />
          <span class="hint">${ct(u, 'service.prefixHint', { example: `${this.letter || 'A'}001` })}</span>
        </label>
        <div class="field">
          <span id="promise-label">${ct(u, 'service.promise')}</span>
          <label class="check">
            <input
              type="checkbox"
              data-testid="service-has-promise"
              .checked=${this.promise !== null}
              @change=${(e: Event) => (this.promise = (e.target as HTMLInputElement).checked ? (this.promise ?? 15) : null)}
            />
            ${ct(u, 'service.promiseMake')}
          </label>
          ${this.promise !== null
            ? html`<span class="inline">
                <input
                  type="number"
                  min="1"
                  max="480"
                  data-testid="service-promise"
                  aria-labelledby="promise-label"
                  .value=${String(this.promise)}
                  aria-invalid=${this.save.field === 'promiseMinutes' ? 'true' : 'false'}
                  @input=${(e: Event) => (this.promise = Number((e.target as HTMLInputElement).value) || 0)}
                />
                <span>${ct(u, 'service.promiseUnit')}</span>
              </span>`
            : html`<span class="hint">${ct(u, 'service.promiseHint')}</span>`}
        </div>
      </div>
      ${cfg.counters.length
        ? html`<fieldset class="field">
            <legend>${ct(u, 'service.counters')}</legend>
            <div class="checks">
              ${cfg.counters.map(
                (c) => html`<label class="check">
                  <input
                    type="checkbox"
                    data-testid="service-counter"
                    data-counter=${c.id}
                    .checked=${this.counters.includes(c.id)}
                    @change=${(e: Event) =>
                      (this.counters = (e.target as HTMLInputElement).checked ? [...this.counters, c.id] : this.counters.filter((x) => x !== c.id))}
                  />
                  ${pickText(c.name, u, cfg.languages)}
                </label>`,
              )}
            </div>
          </fieldset>`
        : nothing}
      ${formFooter(this, u, this.save, { testid: 'save-service', label: this.service ? ct(u, 'common.save') : ct(u, 'service.add'), field: 'name' })}
    </form>`;
  }
}

/** The first letter no service of the branch uses yet. */
function nextFreeLetter(cfg: BranchConfig): string {
  const used = new Set(cfg.services.map((s) => s.prefix));
  return [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((l) => !used.has(l)) ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-service-form': BbServiceForm;
  }
  interface HTMLElementEventMap {
    'bb-saved': CustomEvent<string>;
    'bb-cancel': CustomEvent<undefined>;
  }
}
