import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NoticeRecord } from '../../../../core/client';
import { causeLabel, effectLabel } from '../../../../ui/cause/cause-presentation';
import { t } from '../../../../ui/i18n/localize';
import type { BranchConfig } from '../../../../core/client';
import type { ConsoleApi } from '../../data/console-api';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleLang } from '../../i18n/console-strings';
import { minutes, scopeText, when, who } from './format';
import { HistoryApi, lastDays, type Range } from './history-api';
import { historyStyles } from './history-styles';
import { rangeForm } from './range-form';

/**
 * Delay history: every notice of a period with its cause, where, the end announced against the
 * real one, its updates, who posted and resolved it, the customers it touched and their extra
 * wait — and a link that opens the lobby as it was when it went up.
 */
@customElement('bb-delays-page')
export class BbDelaysPage extends LitElement {
  static override styles = historyStyles;

  @property() branch = '';
  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api?: ConsoleApi;

  @state() private range: Range = lastDays();
  @state() private notices: NoticeRecord[] | null = null;
  @state() private error = '';
  /** The branch's zone and names; times are shown in its zone. */
  @state() private config: BranchConfig | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.api) return;
    if (!this.config && this.branch) this.config = await new HistoryApi(this.api).config(this.branch).catch(() => null);
    this.error = '';
    try {
      this.notices = (await new HistoryApi(this.api).notices(this.branch, this.range)).notices.reverse();
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private get tz(): string | undefined {
    return this.config?.timezone;
  }

  override render() {
    const l = this.language;
    const h = this.api ? new HistoryApi(this.api) : null;
    return html`
      <header class="page-head">
        <div>
          <h1>${t(l, 'history.page.delays')}</h1>
          <p class="lede">${t(l, 'history.delays.lede')}</p>
        </div>
      </header>
      ${rangeForm(l, this.range, null, (r) => {
        this.range = r;
        void this.load();
      })}
      ${h
        ? html`<div class="downloads">
            <a class="btn quiet" data-testid="csv-notices" href=${h.csv(this.branch, 'notices', this.range)} download>${t(l, 'history.reports.csvNotices')}</a>
            <a class="btn quiet" data-testid="csv-tickets" href=${h.csv(this.branch, 'tickets', this.range)} download>${t(l, 'history.reports.csvTickets')}</a>
          </div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${t(l, 'history.error', { message: this.error })}</p>` : nothing}
      <section class="panel table-wrap">${this.table()}</section>
    `;
  }

  private table() {
    const l = this.language;
    const rows = this.notices;
    if (!rows) return html`<p class="empty" role="status">${t(l, 'history.loading')}</p>`;
    if (!rows.length) return html`<p class="empty">${t(l, 'history.empty')}</p>`;
    return html`<table data-testid="delays-table">
      <thead>
        <tr>
          <th>${t(l, 'history.delays.started')}</th>
          <th>${t(l, 'history.delays.cause')}</th>
          <th>${t(l, 'history.delays.scope')}</th>
          <th>${t(l, 'history.delays.expected')}</th>
          <th>${t(l, 'history.delays.ended')}</th>
          <th>${t(l, 'history.delays.postedBy')}</th>
          <th class="num">${t(l, 'history.delays.touched')}</th>
          <th class="num">${t(l, 'history.delays.extraWait')}</th>
          <th><span class="visually-hidden">${t(l, 'history.delays.replay')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((n) => {
          const over = n.endedAt !== null && n.expectedEndAt !== null ? n.endedAt - n.expectedEndAt : null;
          return html`<tr data-testid="delay-row" data-notice=${n.id} data-cause=${n.cause}>
            <td>${when(n.startedAt, l, this.tz)}</td>
            <td class="wrap">
              <strong>${causeLabel(n.cause, l)}</strong><br /><span class="muted">${effectLabel(n.effect, l)}</span>
              ${n.apologise || n.resolution?.apologise ? html`<br /><span class="pill">${t(l, 'history.delays.apologised')}</span>` : nothing}
            </td>
            <td>${scopeText(n.scope, l)}</td>
            <td>
              ${when(n.firstExpectedEndAt, l, this.tz)}${n.expectedEndAt !== n.firstExpectedEndAt ? html`<br /><span class="muted">→ ${when(n.expectedEndAt, l, this.tz)}</span>` : nothing}
              ${n.updates.length ? html`<br /><span class="muted">${t(l, 'history.delays.updates')}: ${n.updates.length}</span>` : nothing}
            </td>
            <td>
              ${n.endedAt === null ? html`<span class="pill warn">${t(l, 'history.delays.active')}</span>` : when(n.endedAt, l, this.tz)}
              ${n.endedAt !== null ? html`<br /><span class="muted">${t(l, 'history.delays.duration')}: ${minutes(n.endedAt - n.startedAt, l)}</span>` : nothing}
              ${over !== null && over > 60_000 ? html`<br /><span class="pill danger">${t(l, 'history.delays.overran', { n: Math.round(over / 60_000) })}</span>` : nothing}
            </td>
            <td>
              ${who(n.postedBy)}
              ${n.resolvedBy ? html`<br /><span class="muted">${t(l, 'history.delays.resolvedBy')}: ${who(n.resolvedBy)}</span>` : nothing}
            </td>
            <td class="num" data-testid="delay-touched">${n.touched}</td>
            <td class="num">${n.touchedCompared ? minutes(n.extraWaitMs / n.touchedCompared, l) : '—'}</td>
            <td><a class="btn quiet" data-testid="delay-replay" href="/display/${encodeURIComponent(this.branch)}?at=${n.startedAt}" target="_blank" rel="noopener">${t(l, 'history.delays.replay')}</a></td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-delays-page': BbDelaysPage;
  }
}
