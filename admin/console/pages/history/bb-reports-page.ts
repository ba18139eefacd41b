import type { Chart } from 'chart.js';
import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { CauseFigures, ServiceFigures } from '../../../../core/client';
import { causeLabel } from '../../../../ui/cause/cause-presentation';
import { t } from '../../../../ui/i18n/localize';
import { drawCauseChart } from './cause-chart';
import { decimal, minutes, outOfTurnText } from './format';
import { lastDays, type By, type HistoryApi, type Range, type Report } from './history-api';
import { historyStyles } from './history-styles';
import { rangeForm } from './range-form';
import { HistoryPage } from './history-page';

/**
 * Reports of a branch (or, with no branch, of every branch for the head office): delays by
 * cause as a chart and a table, and figures per service — promise kept, waits, no-shows,
 * out-of-turn calls — by day, week or month, each table also as CSV.
 */
@customElement('bb-reports-page')
export class BbReportsPage extends HistoryPage {
  static override styles = historyStyles;

  /** The period the manager chose; until then the last 30 days as the branch's calendar has them. */
  @state() private picked: Range | null = null;
  private get range(): Range {
    return this.picked ?? lastDays(30, this.tz);
  }
  @state() private by: By = 'day';
  @state() private report: Report | null = null;
  @query('canvas') private canvas?: HTMLCanvasElement;
  private chart?: Chart;

  protected async fetch(h: HistoryApi): Promise<void> {
    this.report = await h.report(this.branch || null, this.range, this.by);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(): void {
    if (this.canvas && this.report) {
      if (this.chart?.canvas !== this.canvas || this.chart.data.labels?.join() !== this.periods().join() || this.chartLang !== this.language) {
        this.chart = drawCauseChart(this.canvas, this.report.causes, this.language, this.chart);
        this.chartLang = this.language;
      }
    }
  }
  private chartLang = '';

  private periods(): string[] {
    return [...new Set((this.report?.causes ?? []).map((c) => c.period))].sort();
  }

  override render() {
    const l = this.language;
    const h = this.h;
    const r = this.report;
    return html`
      <header class="page-head">
        <div>
          <h1>${t(l, 'history.page.reports')}${this.branch ? nothing : html` — ${t(l, 'history.allBranches')}`}</h1>
          <p class="lede">${t(l, 'history.reports.lede')}</p>
        </div>
      </header>
      ${rangeForm(l, this.range, this.by, (range, by) => {
        this.picked = range;
        this.by = by;
        void this.load();
      })}
      ${h && this.branch
        ? html`<div class="downloads">
            <a class="btn quiet" data-testid="csv-figures" href=${h.csv(this.branch, 'figures', this.range, this.by)} download>${t(l, 'history.reports.csvFigures')}</a>
            <a class="btn quiet" data-testid="csv-causes" href=${h.csv(this.branch, 'causes', this.range, this.by)} download>${t(l, 'history.reports.csvCauses')}</a>
            <a class="btn quiet" data-testid="csv-days" href=${h.csv(this.branch, 'days', this.range)} download>${t(l, 'history.reports.csvDays')}</a>
          </div>`
        : nothing}
      ${this.errorLine()}
      ${!r
        ? html`<p class="empty" role="status">${t(l, 'history.loading')}</p>`
        : html`
            <section class="panel" aria-labelledby="delays-title">
              <h2 id="delays-title">${t(l, 'history.reports.delays')}</h2>
              ${r.causes.length
                ? html`<div class="chart">
                      <canvas data-testid="cause-chart" role="img" aria-label=${t(l, 'history.reports.chart', { by: t(l, `history.by.${this.by}`) })}></canvas>
                    </div>
                    ${this.causeTable(r.causes)}`
                : html`<p class="empty">${t(l, 'history.empty')}</p>`}
            </section>
            <section class="panel table-wrap" aria-labelledby="figures-title">
              <h2 id="figures-title">${t(l, 'history.reports.figures')}</h2>
              ${r.services.length ? this.figuresTable(r.services) : html`<p class="empty">${t(l, 'history.empty')}</p>`}
            </section>
          `}
    `;
  }

  private causeTable(rows: CauseFigures[]) {
    const l = this.language;
    return html`<table data-testid="cause-table">
      <thead>
        <tr>
          <th>${t(l, 'history.reports.period')}</th>
          ${this.branch ? nothing : html`<th>${t(l, 'history.branch')}</th>`}
          <th>${t(l, 'history.delays.cause')}</th>
          <th class="num">${t(l, 'history.reports.notices')}</th>
          <th class="num">${t(l, 'history.reports.minutes')}</th>
          <th class="num">${t(l, 'history.delays.touched')}</th>
          <th class="num">${t(l, 'history.reports.apologies')}</th>
          <th class="num">${t(l, 'history.reports.overran')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (c) => html`<tr data-testid="cause-row" data-cause=${c.cause}>
            <td>${c.period}</td>
            ${this.branch ? nothing : html`<td>${c.branchId ?? t(l, 'history.allBranches')}</td>`}
            <td>${causeLabel(c.cause, l)}</td>
            <td class="num">${c.notices}</td>
            <td class="num">${decimal(c.minutes, l)}</td>
            <td class="num">${c.touched}</td>
            <td class="num">${c.apologies}</td>
            <td class="num">${c.overran}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private serviceName(id: string): string {
    const s = this.config?.services.find((x) => x.id === id);
    return s ? (s.name[this.language] ?? Object.values(s.name)[0] ?? id) : id;
  }

  private figuresTable(rows: ServiceFigures[]) {
    const l = this.language;
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
    return html`<table data-testid="figures-table">
      <thead>
        <tr>
          <th>${t(l, 'history.reports.period')}</th>
          <th>${t(l, 'history.reports.service')}</th>
          <th class="num">${t(l, 'history.reports.issued')}</th>
          <th class="num">${t(l, 'history.reports.served')}</th>
          <th class="num">${t(l, 'history.reports.noShows')}</th>
          <th class="num">${t(l, 'history.reports.waitMedian')}</th>
          <th class="num">${t(l, 'history.reports.waitP90')}</th>
          <th class="num">${t(l, 'history.reports.promise')}</th>
          <th>${t(l, 'history.reports.outOfTurn')}</th>
          <th class="num">${t(l, 'history.delays.touched')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (f) => html`<tr data-testid="figures-row" data-service=${f.service ?? 'all'}>
            <td>${f.period}${f.branchId && !this.branch ? html`<br /><span class="muted">${f.branchId}</span>` : nothing}</td>
            <td>${f.service ? this.serviceName(f.service) : t(l, 'history.reports.allServices')}</td>
            <td class="num">${f.issued}</td>
            <td class="num">${f.served}</td>
            <td class="num">${f.noShows}</td>
            <td class="num">${minutes(f.waitMedianMs, l)}</td>
            <td class="num">${minutes(f.waitP90Ms, l)}</td>
            <td class="num" data-testid="promise-kept">${pct(f.promiseKeptShare)}</td>
            <td>${outOfTurnText(f.outOfTurn, l)}</td>
            <td class="num">${f.touched}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-reports-page': BbReportsPage;
  }
}
