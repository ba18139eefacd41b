import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ServiceConfig, WaitEstimate } from '../../core';
import { t } from '../../ui/i18n/localize';
import { inline, langStyles, localTexts, msgs, stacked } from '../../ui/text/lang-text';
import './bb-wait-estimate';
import { waitingListStyles } from './bb-waiting-list.styles';

/** How many people wait for each service, and how long a ticket taken now is expected to wait. */
@customElement('bb-waiting-list')
export class BbWaitingList extends LitElement {
  @property({ attribute: false }) services: readonly ServiceConfig[] = [];
  /** Waiting ticket ids per service (state.queues). */
  @property({ attribute: false }) queues: Readonly<Record<string, readonly string[]>> = {};
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property({ attribute: false }) branchLangs: readonly string[] = [];
  /** The latest wait estimates per service (WaitEstimates.services); null before any arrived. */
  @property({ attribute: false }) estimates: Readonly<Record<string, WaitEstimate>> | null = null;
  /** False when the estimates may be out of date (stream not live, or too old): no figure is shown. */
  @property({ type: Boolean }) estimatesCurrent = false;

  static override styles = [langStyles, waitingListStyles];

  override render() {
    const langs = this.langs;
    return html`<h2>${inline(msgs(langs, 'lobby.waiting'))}</h2>
      <ul>
        ${this.services.map((s) => {
          const n = this.queues[s.id]?.length ?? 0;
          const name = localTexts(s.name, langs, this.branchLangs);
          const estimates = this.estimates;
          return html`<li class=${estimates ? '' : 'plain'}>
            <span class="count" data-testid="waiting-count" data-service=${s.id} aria-hidden="true">${n}</span>
            <span class="name"
              >${stacked(name)}<span class="sr">${`: ${n} ${t(langs[0] ?? 'en', 'lobby.waitingUnit', { n })}`}</span></span
            >
            ${estimates
              ? html`<bb-wait-estimate
                  service=${s.id}
                  .estimate=${estimates[s.id] ?? null}
                  .current=${this.estimatesCurrent}
                  .langs=${langs}
                ></bb-wait-estimate>`
              : nothing}
          </li>`;
        })}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-waiting-list': BbWaitingList;
  }
}
