import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type ScreenStatus } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { PairScreenBody } from '../../../../core/config-commands';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { formStyles } from '../settings/form.styles';

/**
 * Pairing a lobby TV (or a ticket kiosk): open /display/ (/kiosk/) on it, it shows a code; type the code here and give the
 * screen a name people recognise ("Sala, sopra la porta").
 */
@customElement('bb-pair-screen-form')
export class BbPairScreenForm extends LitElement {
  static override styles = formStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;
  @property() branch = '';

  @state() private code = '';
  @state() private screenName = '';
  private readonly save = new SaveController(this, () => this.language);

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    const parsed = PairScreenBody.safeParse({ code: this.code, name: this.screenName });
    if (!parsed.success) {
      const f = String(parsed.error.issues[0]?.path[0] ?? 'code');
      return this.save.fail(ct(u, f === 'name' ? 'screens.nameMissing' : 'screens.codeInvalid'), f);
    }
    const screen = await this.save.run(() => this.api.pairScreen(this.branch, parsed.data));
    if (screen) {
      this.code = '';
      this.screenName = '';
      this.dispatchEvent(new CustomEvent<ScreenStatus>('bb-screen-paired', { detail: screen, bubbles: true, composed: true }));
    }
  }

  override render() {
    const u = this.language;
    const origin = globalThis.location?.origin ?? '';
    return html`<form @submit=${this.submit} novalidate data-testid="pair-form">
      <p class="hint">${ct(u, 'screens.pairHow', { url: `${origin}/display/`, kioskUrl: `${origin}/kiosk/` })}</p>
      <div class="grid two">
        <label class="field">
          <span>${ct(u, 'screens.code')}</span>
          <input
            data-testid="pair-code"
            class="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="7"
            placeholder="K7P-2QX"
            .value=${this.code}
            aria-invalid=${this.save.field === 'code' ? 'true' : 'false'}
            @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value.toUpperCase())}
          />
        </label>
        <label class="field">
          <span>${ct(u, 'screens.name')}</span>
          <input
            data-testid="pair-name"
            maxlength="60"
            placeholder=${ct(u, 'screens.namePlaceholder')}
            .value=${this.screenName}
            aria-invalid=${this.save.field === 'name' ? 'true' : 'false'}
            @input=${(e: Event) => (this.screenName = (e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      ${this.save.status === 'error' ? html`<p class="error" role="alert">${this.save.message}</p>` : nothing}
      <div class="actions">
        <button class="btn primary" type="submit" data-testid="pair-submit" aria-busy=${this.save.busy ? 'true' : 'false'}>
          ${this.save.busy ? ct(u, 'common.saving') : ct(u, 'screens.pair')}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-pair-screen-form': BbPairScreenForm;
  }
  interface HTMLElementEventMap {
    'bb-screen-paired': CustomEvent<ScreenStatus>;
  }
}
