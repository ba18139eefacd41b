import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { pageStyles } from '../../parts/page-styles';

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

  static override styles = [
    pageStyles,
    css`
      .once {
        padding: 18px 20px;
        border-radius: var(--bb-radius);
        background: var(--bb-ok-soft);
        border: 1px solid color-mix(in srgb, var(--bb-ok) 35%, white);
      }
      .title {
        margin: 0;
        font-weight: 700;
      }
      .pw {
        margin: 10px 0;
      }
      code {
        font-size: 26px;
        font-weight: 700;
        letter-spacing: 0.08em;
        padding: 6px 14px;
        border-radius: 8px;
        background: var(--bb-surface);
        user-select: all;
      }
      .hint {
        margin: 0 0 12px;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-password-once': BbPasswordOnce;
  }
  interface HTMLElementEventMap {
    'bb-dismiss': CustomEvent<undefined>;
  }
}
