import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText, type BranchConfig, type CounterConfig } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { CounterBody } from '../../../../core/config-commands';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { freeId } from '../../parts/slug';
import '../../parts/bb-local-text-field';
import { counterFormStyles } from './bb-counter-form.styles';
import { suggestedCounterName } from './counter-names';
import { emitSaved, formFooter } from '../../parts/form-footer';

/** A counter, new or existing: its name in each language and the services it serves, most preferred first. */
@customElement('bb-counter-form')
export class BbCounterForm extends LitElement {
  static override styles = counterFormStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;

  @property({ attribute: false }) config!: BranchConfig;
  @property({ attribute: false }) counter: CounterConfig | null = null;

  @state() private name: Record<string, string> = {};
  /** Served services, in preference order. */
  @state() private services: string[] = [];

  private readonly save = new SaveController(this, () => this.language);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('counter')) {
      const c = this.counter;
      this.name = c ? { ...c.name } : suggestedCounterName(this.config.counters.length + 1, this.config.languages);
      this.services = c ? [...c.services] : this.config.services.map((s) => s.id);
      this.save.reset();
    }
  }

  private toggle(id: string, on: boolean): void {
    this.services = on ? [...this.services, id] : this.services.filter((s) => s !== id);
  }

  private up(i: number): void {
    const next = [...this.services];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    this.services = next;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    const cfg = this.config;
    const parsed = CounterBody.safeParse({ name: this.name, services: this.services });
    if (!parsed.success) {
      const f = String(parsed.error.issues[0]?.path[0] ?? 'name');
      return this.save.fail(ct(u, f === 'services' ? 'counter.servicesMissing' : 'counter.nameMissing'), f);
    }
    const id = this.counter?.id ?? freeId(pickText(this.name, cfg.languages[0] ?? 'en', cfg.languages), cfg.counters.map((c) => c.id), 'counter');
    if (await this.save.run(() => this.api.saveCounter(cfg.id, id, parsed.data))) emitSaved(this, id);
  }

  override render() {
    const u = this.language;
    const cfg = this.config;
    const name = (id: string) => {
      const s = cfg.services.find((x) => x.id === id);
      return s ? pickText(s.name, u, cfg.languages) : id;
    };
    const others = cfg.services.filter((s) => !this.services.includes(s.id));
    return html`<form @submit=${this.submit} novalidate data-testid="counter-form">
      <bb-local-text-field
        name="counter-name"
        .label=${ct(u, 'counter.name')}
        .languages=${cfg.languages}
        .value=${this.name}
        .ui=${u}
        .maxLength=${40}
        .error=${this.save.field === 'name' ? this.save.message : null}
        @bb-local-text=${(e: CustomEvent<Record<string, string>>) => (this.name = e.detail)}
      ></bb-local-text-field>
      <fieldset class="field">
        <legend>${ct(u, 'counter.services')}</legend>
        <p class="hint">${ct(u, 'counter.servicesHint')}</p>
        <ol class="prefs">
          ${this.services.map(
            (id, i) => html`<li>
              <span class="n">${i + 1}</span>
              <label class="check">
                <input type="checkbox" checked data-testid="counter-service" data-service=${id} @change=${() => this.toggle(id, false)} />
                ${name(id)}
              </label>
              <button type="button" class="icon" ?disabled=${i === 0} @click=${() => this.up(i)} aria-label=${ct(u, 'counter.preferUp', { name: name(id) })}>↑</button>
            </li>`,
          )}
        </ol>
        ${others.length
          ? html`<div class="checks">
              ${others.map(
                (s) => html`<label class="check">
                  <input type="checkbox" data-testid="counter-service" data-service=${s.id} @change=${() => this.toggle(s.id, true)} />
                  ${name(s.id)}
                </label>`,
              )}
            </div>`
          : nothing}
      </fieldset>
      ${formFooter(this, u, this.save, { testid: 'save-counter', label: this.counter ? ct(u, 'common.save') : ct(u, 'counter.add'), field: 'name' })}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counter-form': BbCounterForm;
  }
}
