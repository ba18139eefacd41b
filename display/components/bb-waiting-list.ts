import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Capacity, ServiceConfig, ServicePromise, WaitEstimate } from '../../core/client';
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
  /** Waiting tickets a long queue's snapshot counts without listing (state.hiddenWaiting). */
  @property({ attribute: false }) unlisted: Readonly<Record<string, number>> = {};
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property({ attribute: false }) branchLangs: readonly string[] = [];
  /** The latest wait estimates per service (WaitEstimates.services); null before any arrived. */
  @property({ attribute: false }) estimates: Readonly<Record<string, WaitEstimate>> | null = null;
  /** False when the estimates may be out of date (stream not live, or too old): no figure is shown. */
  @property({ type: Boolean }) estimatesCurrent = false;
  /** The promise of each service that has one, at the screen's (server) time. */
  @property({ attribute: false }) promises: Readonly<Record<string, ServicePromise>> = {};
  /** Counters open against the plan: said beside the waiting counts when below it. */
  @property({ attribute: false }) capacity: Capacity | null = null;

  static override styles = [langStyles, waitingListStyles];

  override render() {
    const langs = this.langs;
    const cap = this.capacity;
    return html`<div class="head">
        <h2>${inline(msgs(langs, 'lobby.waiting'))}</h2>
        ${cap?.belowPlan
          ? html`<div class="capacity" data-testid="capacity" role="status">${inline(msgs(langs, 'causes.capacity', { open: cap.open, planned: cap.planned }))}</div>`
          : nothing}
      </div>
      <ul>
        ${this.services.map((s) => {
          const n = (this.queues[s.id]?.length ?? 0) + (this.unlisted[s.id] ?? 0);
          const name = localTexts(s.name, langs, this.branchLangs);
          const estimates = this.estimates;
          return html`<li class=${estimates ? '' : 'plain'}>
            <span class="count" data-testid="waiting-count" data-service=${s.id} aria-hidden="true">${n}</span>
            <span class="name"
              >${stacked(name)}<span class="sr">${`: ${n} ${t(langs[0] ?? 'en', 'lobby.waitingUnit', { n })}`}</span></span
            >
            <div class="facts">
              ${estimates
                ? html`<bb-wait-estimate
                    service=${s.id}
                    .estimate=${estimates[s.id] ?? null}
                    .current=${this.estimatesCurrent}
                    .langs=${langs}
                  ></bb-wait-estimate>`
                : nothing}
              ${this.renderPromise(s.id)}
            </div>
          </li>`;
        })}
      </ul>`;
  }

  /** "Our promise: within 15 min", and when it is being missed, how many wait past it. */
  private renderPromise(service: string) {
    const p = this.promises[service];
    if (!p) return nothing;
    const langs = this.langs;
    const min = p.promiseMinutes;
    return html`<div class="promise" data-testid="promise" data-service=${service} data-status=${p.status}>
      <span class="aim">${inline(msgs(langs, 'lobby.promiseShort', { n: min }))}</span>
      ${p.status === 'missed'
        ? html`<span class="missed" data-testid="promise-missed">${stacked(msgs(langs, 'causes.promisePassed', { n: p.passed, min }))}</span>`
        : p.status === 'at_risk'
          ? html`<span class="missed" data-testid="promise-at-risk">${stacked(msgs(langs, 'causes.promiseAtRisk', { min }))}</span>`
          : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-waiting-list': BbWaitingList;
  }
}
