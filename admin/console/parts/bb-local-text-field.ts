import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ct, type ConsoleLang } from '../i18n/console-strings';
import { languageLabel } from './language-names';
import { localTextFieldStyles } from './bb-local-text-field.styles';

/**
 * One text in each language the branch shows (a service's name, a preset's message): a line per
 * language, the main one first, each empty one flagged, since the screens would show nothing in
 * that language. Emits `bb-local-text` with the whole text on every keystroke.
 */
@customElement('bb-local-text-field')
export class BbLocalTextField extends LitElement {
  static override styles = localTextFieldStyles;

  @property() label = '';
  @property() hint = '';
  /** Ids for tests: `<name>-<lang>`. */
  @property() name = 'text';
  @property({ attribute: false }) languages: readonly string[] = [];
  @property({ attribute: false }) value: Record<string, string> = {};
  @property() ui: ConsoleLang = 'it';
  /** A textarea (messages) instead of one line (names). */
  @property({ type: Boolean }) multiline = false;
  @property({ type: Number }) maxLength = 280;
  /** Flag empty languages as missing (on by default: a name or message should exist in each). */
  @property({ type: Boolean }) flagMissing = true;
  @property() error: string | null = null;
  /** What the screens do for an empty language, when not "nothing" (a resolved twin: the screens' own words). */
  @property({ attribute: false }) missingFlag: ((lang: string) => unknown) | null = null;

  private edit(lang: string, text: string): void {
    const next = { ...this.value };
    if (text.trim()) next[lang] = text;
    else delete next[lang];
    this.dispatchEvent(new CustomEvent('bb-local-text', { detail: next, bubbles: true, composed: true }));
  }

  override render() {
    const u = this.ui;
    return html`<fieldset>
      <legend>${this.label}</legend>
      ${this.hint ? html`<p class="hint">${this.hint}</p>` : nothing}
      ${this.languages.map((lang, i) => {
        const v = this.value[lang] ?? '';
        const missing = this.flagMissing && !v.trim();
        const id = `${this.name}-${lang}`;
        return html`<div class="row ${missing ? 'missing' : ''}">
          <label for=${id}>
            <span class="lang">${languageLabel(lang, u)}</span>
            ${i === 0 ? html`<span class="main">${ct(u, 'text.main')}</span>` : nothing}
          </label>
          ${this.multiline
            ? html`<textarea
                id=${id}
                data-testid=${id}
                lang=${lang}
                dir="auto"
                rows="2"
                maxlength=${this.maxLength}
                .value=${v}
                aria-invalid=${missing || this.error ? 'true' : 'false'}
                @input=${(e: Event) => this.edit(lang, (e.target as HTMLTextAreaElement).value)}
              ></textarea>`
            : html`<input
                id=${id}
                data-testid=${id}
                lang=${lang}
                dir="auto"
                maxlength=${this.maxLength}
                .value=${v}
                aria-invalid=${missing || this.error ? 'true' : 'false'}
                @input=${(e: Event) => this.edit(lang, (e.target as HTMLInputElement).value)}
              />`}
          ${missing ? html`<span class="flag" data-testid="missing-${id}">${this.missingFlag ? this.missingFlag(lang) : ct(u, 'text.missing')}</span>` : nothing}
        </div>`;
      })}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-local-text-field': BbLocalTextField;
  }
  interface HTMLElementEventMap {
    'bb-local-text': CustomEvent<Record<string, string>>;
  }
}
