import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { langContext } from '../../data/contexts';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { pageStyles } from '../../parts/page-styles';
import { navigate } from '../../routes';
import '../settings/bb-branch-details-form';
import './bb-wizard-steps';

/**
 * Opening a branch, step 1: its name, address, time zone and languages. Saving creates it (with
 * the bank's preset library); the setup page then walks through hours, services, counters and
 * its manager.
 */
@customElement('bb-new-branch-page')
export class BbNewBranchPage extends LitElement {
  static override styles = pageStyles;
  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';

  override render() {
    const u = this.language;
    return html`<header class="page-head">
        <div>
          <h1>${ct(u, 'page.newBranch')}</h1>
          <p class="lede">${ct(u, 'wizard.lede')}</p>
        </div>
      </header>
      <bb-wizard-steps .ui=${u} current="details"></bb-wizard-steps>
      <section class="panel">
        <h2>${ct(u, 'wizard.details')}</h2>
        <bb-branch-details-form
          .submitLabel=${ct(u, 'wizard.create')}
          @bb-branch-created=${(e: CustomEvent<string>) => navigate({ kind: 'branch', branch: e.detail, page: 'setup' })}
        ></bb-branch-details-form>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-new-branch-page': BbNewBranchPage;
  }
}
