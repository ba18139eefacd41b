import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { SCREEN_LANGUAGES, languageLabel, languageList, languageName } from '../../parts/language-names';
import { languagesFieldStyles } from './bb-languages-field.styles';
import { untranslatedLanguages } from '../../../../ui/i18n/languages';

/**
 * The languages a branch's screens show, in order: the first is the main one (large on the TV),
 * the others follow smaller. Add, remove, move up. Emits `bb-languages` with the new order.
 */
@customElement('bb-languages-field')
export class BbLanguagesField extends LitElement {
  static override styles = languagesFieldStyles;

  @property({ attribute: false }) value: readonly string[] = [];
  @property() ui: ConsoleLang = 'it';
  @state() private adding = '';

  private emit(next: string[]): void {
    this.dispatchEvent(new CustomEvent('bb-languages', { detail: next, bubbles: true, composed: true }));
  }

  private move(i: number): void {
    const next = [...this.value];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    this.emit(next);
  }

  override render() {
    const u = this.ui;
    const left = SCREEN_LANGUAGES.filter((l) => !this.value.includes(l));
    // Said before the branch is saved: which languages the screens will show only staff texts in.
    const untranslated = untranslatedLanguages(this.value);
    return html`<fieldset>
      <legend>${ct(u, 'branch.languages')}</legend>
      <p class="hint">${ct(u, 'branch.languagesHint')}</p>
      <ol data-testid="languages">
        ${this.value.map(
          (l, i) => html`<li data-lang=${l}>
            <span class="n">${i + 1}</span>
            <span class="name">${languageLabel(l, u)}</span>
            ${i === 0 ? html`<span class="main">${ct(u, 'text.main')}</span>` : html`<span></span>`}
            <span class="tools">
              <button type="button" class="icon" ?disabled=${i === 0} @click=${() => this.move(i)} aria-label=${ct(u, 'branch.langUp', { lang: languageName(l, u) })}>↑</button>
              <button
                type="button"
                class="icon"
                ?disabled=${this.value.length === 1}
                @click=${() => this.emit(this.value.filter((x) => x !== l))}
                aria-label=${ct(u, 'branch.langRemove', { lang: languageName(l, u) })}
              >
                ✕
              </button>
            </span>
          </li>`,
        )}
      </ol>
      ${untranslated.length
        ? html`<p class="warn" role="note" data-testid="languages-untranslated">
            ${ct(u, 'branch.languagesUntranslated', { langs: languageList(untranslated, u) })}
          </p>`
        : nothing}
      <div class="add">
        <label class="visually-hidden" for="add-lang">${ct(u, 'branch.langAdd')}</label>
        <select id="add-lang" data-testid="add-language" .value=${this.adding} @change=${(e: Event) => (this.adding = (e.target as HTMLSelectElement).value)}>
          <option value="">${ct(u, 'branch.langChoose')}</option>
          ${left.map((l) => html`<option value=${l}>${languageLabel(l, u)}</option>`)}
        </select>
        <button
          type="button"
          class="btn"
          data-testid="add-language-button"
          ?disabled=${!this.adding}
          @click=${() => {
            if (this.adding) this.emit([...this.value, this.adding]);
            this.adding = '';
          }}
        >
          ${ct(u, 'branch.langAdd')}
        </button>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-languages-field': BbLanguagesField;
  }
  interface HTMLElementEventMap {
    'bb-languages': CustomEvent<string[]>;
  }
}
