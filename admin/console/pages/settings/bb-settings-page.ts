import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ct } from '../../i18n/console-strings';
import { BranchPage } from '../../parts/branch-page';
import { pageStyles } from '../../parts/page-styles';
import './bb-branch-details-form';
import './bb-hours-editor';

/** Branch settings: name, address, time zone, the screens' languages, and the opening hours. */
@customElement('bb-settings-page')
export class BbSettingsPage extends BranchPage {
  static override styles = pageStyles;

  override render() {
    const cfg = this.config;
    if (!cfg) return html`${this.head('page.settings', 'settings.lede')} ${this.loading()}`;
    return html`${this.head('page.settings', 'settings.lede')}
      <section class="panel">
        <h2>${ct(this.language, 'settings.details')}</h2>
        <bb-branch-details-form .config=${cfg}></bb-branch-details-form>
      </section>
      <section class="panel">
        <h2>${ct(this.language, 'settings.hours')}</h2>
        <bb-hours-editor .config=${cfg}></bb-hours-editor>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-settings-page': BbSettingsPage;
  }
}
