import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { passwordOnceStyles } from './bb-password-once.styles';
import { ct, type ConsoleLang } from '../../i18n/console-strings';

/**
 * A new password/PIN, shown this once: the server keeps only its hash and will not show it again.
 * Large, in a monospace face (no 0/O doubt), with the account it is for.
 */
@customElement('bb-password-once')
export class BbPasswordOnce extends LitElement {
  @property() ui: ConsoleLang = 'it';
  @property() username = '';
  @property() password = '';

  override render() {
    const u = this.ui;
    return html`<div class="once" role="status" data-testid="password-once">
      <p class="title">${ct(u, 'staff.passwordTitle', { username: this.username })}</p>
      <p class="pw"><code data-testid="new-password">${this.password}</code></p>
      <p class="hint">${ct(u, 'staff.passwordHint')}</p>
      <button class="btn" @click=${() => this.dispatchEvent(new CustomEvent('bb-dismiss', { bubbles: true, composed: true }))}>${ct(u, 'staff.passwordDone')}</button>
    </div>`;
  }

  static override styles = passwordOnceStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-password-once': BbPasswordOnce;
  }
  interface HTMLElementEventMap {
    'bb-dismiss': CustomEvent<undefined>;
  }
}
