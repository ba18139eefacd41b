import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { NoticeRecord } from '../../../../core/client';
import { causeLabel, effectLabel } from '../../../../ui/cause/cause-presentation';
import { t } from '../../../../ui/i18n/localize';
import { minutes, scopeText, when, who } from './format';
import { lastDays, type HistoryApi, type Range } from './history-api';
import { historyStyles } from './history-styles';
import { rangeForm } from './range-form';
import { HistoryPage } from './history-page';

/**
 * Delay history: every notice of a period with its cause, where, the end announced against the
 * real one, its updates, who posted and resolved it, the customers it touched and their extra
 * wait — and a link that opens the lobby as it was when it went up.
 */
@customElement('bb-delays-page')
export class BbDelaysPage extends HistoryPage {
  static override styles = historyStyles;

  /** The period the manager chose; until then the last 30 days as the branch's calendar has them. */
  @state() private picked: Range | null = null;
  private get range(): Range {
    return this.picked ?? lastDays(30, this.tz);
  }
  @state() private notices: NoticeRecord[] | null = null;

  protected async fetch(h: HistoryApi): Promise<void> {
    this.notices = (await h.notices(this.branch, this.range)).notices.reverse();
  }

  override render() {
    const l = this.language;
    const h = this.h;
    return html`
      ${this.head('history.page.delays', 'history.delays.lede')}
      ${rangeForm(l, this.range, null, (r) => {
        this.picked = r;
        void this.load();
      })}
      ${h
        ? html`<div class="downloads">
            <a class="btn quiet" data-testid="csv-notices" href=${h.csv(this.branch, 'notices', this.range)} download>${t(l, 'history.reports.csvNotices')}</a>
            <a class="btn quiet" data-testid="csv-tickets" href=${h.csv(this.branch, 'tickets', this.range)} download>${t(l, 'history.reports.csvTickets')}</a>
          </div>`
        : nothing}
      ${this.errorLine()}
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
