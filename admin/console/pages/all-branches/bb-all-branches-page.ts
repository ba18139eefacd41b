import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BranchSummary } from '../../../../core/client';
import { causeLabel } from '../../../../ui/cause/cause-presentation';
import { langContext } from '../../data/contexts';
import { StaffStreamController } from '../../data/staff-stream';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { consoleHash } from '../../routes';
import { allBranchesPageStyles } from './bb-all-branches-page.styles';

/**
 * Every branch the user may see, one row each, live from the staff feed (/staff socket): who
 * waits, open counters, notices up (cause and age), the longest wait against the promise, and
 * screens not reporting. Rows change as the branches do, without a refresh.
 */
@customElement('bb-all-branches-page')
export class BbAllBranchesPage extends LitElement {
  static override styles = allBranchesPageStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  private readonly feed = new StaffStreamController(this);

  override render() {
    const l = this.language;
    const rows = [...this.feed.branches.values()].sort((a, b) => a.name.localeCompare(b.name));
    return html`
      <header class="page-head">
        <div>
          <h1>${ct(l, 'page.allBranches')}</h1>
          <p class="lede">${ct(l, 'allBranches.lede')}</p>
        </div>
        <span class="pill ${this.feed.live ? 'ok' : 'warn'}" role="status" data-testid="feed-status">${this.feed.live ? ct(l, 'allBranches.live') : ct(l, 'today.stale')}</span>
      </header>
      <section class="panel">
        ${rows.length === 0
          ? html`<p class="empty" role="status">${this.feed.connected ? ct(l, 'shell.noBranch') : ct(l, 'shell.loading')}</p>`
          : html`<table data-testid="all-branches">
              <thead>
                <tr>
                  <th>${ct(l, 'shell.branch')}</th>
                  <th class="num">${ct(l, 'today.waiting')}</th>
                  <th class="num">${ct(l, 'today.countersOpen')}</th>
                  <th>${ct(l, 'today.notices')}</th>
                  <th>${ct(l, 'today.longestWait')}</th>
                  <th>${ct(l, 'page.screens')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((b) => this.row(b))}
              </tbody>
            </table>`}
      </section>
    `;
  }

  private row(b: BranchSummary) {
    const l = this.language;
    const now = this.feed.now();
    const mins = (since: number) => Math.max(0, Math.floor((now - since) / 60_000));
    const w = b.longestWait;
    const late = w && w.promiseMinutes !== null && mins(w.since) > w.promiseMinutes;
    return html`<tr data-testid="branch-row" data-branch=${b.id}>
      <td><a href=${consoleHash({ kind: 'branch', branch: b.id, page: 'today' })}>${b.name}</a></td>
      <td class="num" data-testid="branch-waiting">${b.waiting}</td>
      <td class="num" data-testid="branch-open">${ct(l, 'today.ofTotal', { n: b.counters.open, total: b.counters.total })}</td>
      <td data-testid="branch-notices">
        ${b.notices.length === 0
          ? html`<span class="muted">—</span>`
          : b.notices.map((n) => html`<div>${causeLabel(n.cause, l)} <span class="muted">· ${ct(l, 'allBranches.age', { n: mins(n.startedAt) })}</span></div>`)}
      </td>
      <td>
        ${w
          ? html`<span class=${late ? 'pill danger' : 'pill ok'}>${ct(l, 'today.minutes', { n: mins(w.since) })}</span>
              ${w.promiseMinutes !== null ? html`<span class="muted">${ct(l, 'today.promise', { n: w.promiseMinutes })}</span>` : nothing}`
          : html`<span class="muted">—</span>`}
      </td>
      <td data-testid="branch-screens">
        ${b.screens.total === 0
          ? html`<span class="muted">—</span>`
          : b.screens.down > 0
            ? html`<span class="pill danger">${ct(l, 'allBranches.screensDown', { n: b.screens.down, total: b.screens.total })}</span>`
            : html`<span class="pill ok">${ct(l, 'allBranches.screensUp', { total: b.screens.total })}</span>`}
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-all-branches-page': BbAllBranchesPage;
  }
}
