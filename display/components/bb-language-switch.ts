import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { nativeLanguageName, wordsLanguage } from '../../ui/i18n/languages';
import { t } from '../../ui/i18n/localize';

/**
 * The phone view's language switch: a native, labelled <select> (keyboard, screen readers and
 * phones' own pickers work with it), each language named in itself ("Deutsch", "Français"),
 * the branch's languages first. Choosing one fires `bb-language` with its code.
 */
@customElement('bb-language-switch')
export class BbLanguageSwitch extends LitElement {
  /** The language shown now. */
  @property() current = 'en';
  /** The languages to offer, in order. */
  @property({ attribute: false }) languages: readonly string[] = [];

  static override styles = css`
    :host {
      display: block;
    }
    label {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      font-size: 0.9rem;
      color: var(--bb-text-2);
    }
    select {
      font: inherit;
      font-size: 1rem;
      min-height: 2.75rem;
      padding: 0.3rem 0.6rem;
      border: 0.08rem solid var(--bb-line);
      border-radius: 0.5rem;
      background: var(--bb-surface);
      color: var(--bb-text);
    }
    select:focus-visible {
      outline: 0.15rem solid var(--bb-call);
      outline-offset: 0.1rem;
    }
  `;

  override render() {
    // Its label in the fixed words' language (English for pt); each option named in itself.
    return html`<label lang=${wordsLanguage(this.current)}
      ><span>${t(this.current, 'lobby.phoneLanguage')}</span>
      <select data-testid="language-switch" @change=${this.changed}>
        ${this.languages.map(
          (l) => html`<option value=${l} lang=${l} ?selected=${l === this.current}>${nativeLanguageName(l)}</option>`,
        )}
      </select></label
    >`;
  }

  private changed(e: Event): void {
    const lang = (e.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent('bb-language', { detail: lang, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-language-switch': BbLanguageSwitch;
  }
  interface HTMLElementEventMap {
    'bb-language': CustomEvent<string>;
  }
}
