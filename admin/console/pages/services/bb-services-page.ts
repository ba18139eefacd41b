import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BranchPage } from '../../parts/branch-page';
import { pageStyles } from '../../parts/page-styles';
import './bb-services-editor';

/** Services page: what customers take a ticket for, with the promise made for each. */
@customElement('bb-services-page')
export class BbServicesPage extends BranchPage {
  static override styles = pageStyles;

  override render() {
    const cfg = this.config;
    return html`${this.head('page.services', 'services.lede')} ${cfg ? html`<bb-services-editor .config=${cfg}></bb-services-editor>` : this.loading()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-services-page': BbServicesPage;
  }
}
