import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BranchConfig } from '../../../../core/client';
import { CATALOGUES } from '../../../../ui/i18n/catalogue';
import { apiContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { languageLabel, languageName } from '../../parts/language-names';
import { formStyles } from '../settings/form.styles';

interface Row {
  lang: string;
  key: string;
  text: string;
}

/** The keys a branch may word its own way: the fixed texts of its screens (lobby, phone, kiosk). */
const SCREEN_KEYS = Object.keys(CATALOGUES.en).filter((k) => /^(lobby|common|causes|kiosk)\./.test(k)).sort();

/**
 * The branch's own words for fixed texts of its screens (`BranchConfig.display.wording`): one row
 * a language and key. The server checks each with the parser the board formats it with and
 * refuses markup or a message that would not parse, naming the language and key: the row is
 * marked and the reason said beside it, instead of the screens quietly showing the catalogue's.
 */
@customElement('bb-branch-wording')
export class BbBranchWording extends LitElement {
  static override styles = [
    formStyles,
    css`
      .rows {
        display: grid;
        grid-template-columns: minmax(110px, 0.6fr) minmax(0, 1.2fr) minmax(0, 2fr) auto;
        gap: 8px 12px;
        align-items: end;
      }
      .row-error {
        grid-column: 1 / -1;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .row-error .why {
        font-weight: 400;
      }
    `,
  ];

  @consume({ context: apiContext }) private api!: ConsoleApi;
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property() branch = '';
  @property() ui: ConsoleLang = 'it';

  @state() private draft: Row[] | null = null;
  private readonly save = new SaveController(this, () => this.ui);

  private get rows(): Row[] {
    if (this.draft) return this.draft;
    const wording = this.config?.display?.wording ?? {};
    return Object.entries(wording).flatMap(([lang, byKey]) => Object.entries(byKey ?? {}).map(([key, text]) => ({ lang, key, text: String(text) })));
  }

  private change(i: number, patch: Partial<Row>): void {
    this.draft = this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
  }

  private add(): void {
    this.draft = [...this.rows, { lang: this.config?.languages[0] ?? 'it', key: '', text: '' }];
  }

  private removeRow(i: number): void {
    this.draft = this.rows.filter((_, j) => j !== i);
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const rows = this.rows;
    if (rows.some((r) => !r.key.trim() || !r.text.trim())) return this.save.fail(ct(this.ui, 'screens.wordingIncomplete'));
    const wording: Record<string, Record<string, string>> = {};
    for (const r of rows) (wording[r.lang] ??= {})[r.key.trim()] = r.text;
    const { wording: _old, ...rest } = this.config?.display ?? {};
    const display = rows.length ? { ...rest, wording } : rest;
    if (await this.save.run(() => this.api.updateBranch(this.branch, { display }))) this.draft = null;
  }

  /** The row the server named (field "display.wording.<lang>.<key>"), if any. */
  private refused(): number {
    const field = this.save.status === 'error' ? this.save.field : null;
    return field ? this.rows.findIndex((r) => field === `display.wording.${r.lang}.${r.key.trim()}`) : -1;
  }

  /** The server's reason for the refused row, without the field it names (the row shows which). */
  private reason(): string {
    const field = this.save.field ?? '';
    return (this.save.message ?? '').replace(`${field}: `, '').replace(` (${field})`, '');
  }

  override render() {
    const u = this.ui;
    const rows = this.rows;
    const langs = [...new Set([...(this.config?.languages ?? []), ...rows.map((r) => r.lang)])];
    const bad = this.refused();
    return html`<form @submit=${this.submit} novalidate data-testid="branch-wording">
      <p class="hint">${ct(u, 'screens.wordingHint')}</p>
      <datalist id="screen-keys">${SCREEN_KEYS.map((k) => html`<option value=${k}></option>`)}</datalist>
      ${rows.length
        ? html`<div class="rows">
            ${rows.map((r, i) => {
              const invalid = i === bad;
              return html`<label class="field"
                  ><span>${ct(u, 'screens.wordingLang')}</span
                  ><select data-testid="wording-lang" @change=${(e: Event) => this.change(i, { lang: (e.target as HTMLSelectElement).value })}>
                    ${langs.map((l) => html`<option value=${l} ?selected=${l === r.lang}>${languageLabel(l, u)}</option>`)}
                  </select></label
                >
                <label class="field"
                  ><span>${ct(u, 'screens.wordingKey')}</span
                  ><input
                    data-testid="wording-key"
                    list="screen-keys"
                    spellcheck="false"
                    .value=${r.key}
                    @input=${(e: Event) => this.change(i, { key: (e.target as HTMLInputElement).value })}
                /></label>
                <label class="field"
                  ><span>${ct(u, 'screens.wordingText')}</span
                  ><input
                    data-testid="wording-text"
                    maxlength="500"
                    dir="auto"
                    lang=${r.lang}
                    aria-invalid=${invalid ? 'true' : 'false'}
                    aria-describedby=${invalid ? 'wording-refused' : nothing}
                    .value=${r.text}
                    @input=${(e: Event) => this.change(i, { text: (e.target as HTMLInputElement).value })}
                /></label>
                <div class="actions">
                  <button class="btn quiet" type="button" data-testid="wording-remove" @click=${() => this.removeRow(i)}>${ct(u, 'screens.wordingRemove')}</button>
                </div>
                ${invalid
                  ? html`<p class="error row-error" id="wording-refused" role="alert">
                      <span data-testid="wording-refused">${ct(u, 'screens.wordingInvalid', { language: languageName(r.lang, u), key: r.key.trim() })}</span>
                      <span class="why" data-testid="wording-why">${this.reason()}</span>
                    </p>`
                  : nothing}`;
            })}
          </div>`
        : nothing}
      <div class="actions">
        <button class="btn" type="button" data-testid="wording-add" @click=${this.add}>${ct(u, 'screens.wordingAdd')}</button>
        <button class="btn primary" type="submit" data-testid="wording-save" aria-busy=${this.save.busy ? 'true' : 'false'}>
          ${this.save.busy ? ct(u, 'common.saving') : ct(u, 'screens.wordingSave')}
        </button>
      </div>
      ${this.save.status === 'error' && bad < 0 ? html`<p class="error" role="alert" data-testid="wording-error">${this.save.message}</p>` : nothing}
      ${this.save.status === 'saved' ? html`<p class="ok-note" role="status" data-testid="wording-saved">${ct(u, 'common.saved')}</p>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-branch-wording': BbBranchWording;
  }
}
