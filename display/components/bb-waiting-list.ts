import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Capacity, ServiceConfig, ServicePromise, WaitEstimate } from '../../core/client';
import { t } from '../../ui/i18n/localize';
import { inline, langStyles, localTexts, msgs, stacked } from '../../ui/text/lang-text';
import { packIntoPages } from '../lib/pages';
import './bb-wait-estimate';
import { waitingListStyles } from './bb-waiting-list.styles';
import { pagerStyles } from '../../ui/theme/pager-styles';

/** How long each page of services stays up when they do not all fit. */
const PAGE_MS = 10_000;

/**
 * How many people wait for each service, and how long a ticket taken now is expected to wait.
 * On the TV the list gets what "now serving" and the counters leave; when its services do not
 * all fit they are shown a page at a time (a row is never cut, the counters never pushed off).
 */
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
  /** How long the longest-waiting ticket of each service has waited, ms (ui/queue/missing-estimate.ts). */
  @property({ attribute: false }) longest: Readonly<Record<string, number>> = {};
  /** Counters open against the plan: said beside the waiting counts when below it. */
  @property({ attribute: false }) capacity: Capacity | null = null;

  /** Pages as lists of service ids, measured with every row laid out; one page when all fit. */
  @state() private pages: string[][] = [];
  @state() private page = 0;
  /** The list's height when the pages were measured: kept while paging, so the board stays still. */
  @state() private room = 0;
  /** One render with every row in flow, to measure them. */
  @state() private measuring = true;
  private timer?: ReturnType<typeof setInterval>;
  private readonly onResize = () => (this.measuring = true);

  static override styles = [langStyles, pagerStyles, waitingListStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      if (this.pages.length > 1) this.page = (this.page + 1) % this.pages.length;
    }, PAGE_MS);
    addEventListener('resize', this.onResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    removeEventListener('resize', this.onResize);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // What changes the rows' heights is measured again (the page turning is not).
    if (['services', 'queues', 'unlisted', 'langs', 'estimates', 'estimatesCurrent', 'promises', 'longest', 'capacity'].some((k) => (changed as Map<PropertyKey, unknown>).has(k))) {
      this.measuring = true;
    }
  }

  protected override updated(): void {
    if (this.measuring) this.paginate();
  }

  /** Packs the rows, in order, into pages that fit the list (synchronously, before the frame is painted). */
  private paginate(): void {
    const ul = this.renderRoot.querySelector<HTMLElement>('ul');
    const ids = this.services.map((s) => s.id);
    let pages: string[][] = [ids];
    let room = 0;
    if (ul && ids.length > 1 && !matchMedia('(max-width: 899px)').matches && ul.scrollHeight > ul.clientHeight + 1) {
      room = ul.clientHeight;
      const gap = parseFloat(getComputedStyle(ul).rowGap) || 0;
      const rows = [...ul.querySelectorAll<HTMLElement>(':scope > li')].map((li) => ({ id: li.dataset.service ?? '', height: li.offsetHeight }));
      pages = packIntoPages(rows, room, gap);
    }
    this.measuring = false;
    this.room = room;
    if (JSON.stringify(pages) !== JSON.stringify(this.pages)) {
      this.pages = pages;
      if (this.page >= pages.length) this.page = 0;
    }
  }

  override render() {
    const langs = this.langs;
    const cap = this.capacity;
    const paged = !this.measuring && this.pages.length > 1;
    const onPage = paged ? new Set(this.pages[this.page] ?? []) : null;
    const shown = onPage ? this.services.filter((s) => onPage.has(s.id)) : this.services;
    return html`<div class="head">
        <h2>${inline(msgs(langs, 'lobby.waiting'))}</h2>
        ${paged
          ? html`<div class="pager" aria-hidden="true">${this.pages.map((_, i) => html`<span class="dot ${i === this.page ? 'on' : ''}"></span>`)}<span
                >${this.page + 1}/${this.pages.length}</span
              ></div>`
          : nothing}
        ${cap?.belowPlan
          ? html`<div class="capacity" data-testid="capacity" role="status">${inline(msgs(langs, 'causes.capacity', { open: cap.open, planned: cap.planned }))}</div>`
          : nothing}
      </div>
      <ul style=${paged ? `height: ${this.room}px` : ''}>
        ${shown.map((s) => {
          const n = (this.queues[s.id]?.length ?? 0) + (this.unlisted[s.id] ?? 0);
          const name = localTexts(s.name, langs, this.branchLangs);
          const estimates = this.estimates;
          return html`<li class=${estimates ? '' : 'plain'} data-service=${s.id}>
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
                    .longestWaitMs=${this.longest[s.id] ?? 0}
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
