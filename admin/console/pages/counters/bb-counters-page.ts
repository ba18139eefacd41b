import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BranchPage } from '../../parts/branch-page';
import { pageStyles } from '../../parts/page-styles';
import './bb-counters-editor';

/** Counters page: the desks of the branch and what each serves, in its order. */
@customElement('bb-counters-page')
export class BbCountersPage extends BranchPage {
  static override styles = pageStyles;

  override render() {
    const cfg = this.config;
    return html`${this.head('page.counters', 'counters.lede')} ${cfg ? html`<bb-counters-editor .config=${cfg} counterLinks></bb-counters-editor>` : this.loading()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counters-page': BbCountersPage;
  }
}
