import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { causeLabel } from '../../../../ui/cause/cause-presentation';
import { BranchStreamController } from '../../../../ui/stream/branch-stream';
import { branchFacts } from '../../data/branch-facts';
import type { BranchDirectory } from '../../data/branch-directory';
import { branchesContext, langContext } from '../../data/contexts';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { consoleHash } from '../../routes';
import { allBranchesPageStyles } from './bb-all-branches-page.styles';

/**
 * Every branch the user may see, one row each, live: waiting, open counters, notices up (cause
 * and age), the longest wait against the promise. Each row follows its branch's own stream, so
 * it changes as the branch does, without a refresh.
 */
@customElement('bb-all-branches-page')
export class BbAllBranchesPage extends LitElement {
  static override styles = allBranchesPageStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: branchesContext, subscribe: true }) @state() private branches?: BranchDirectory;

  private readonly streams = new Map<string, BranchStreamController>();

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('branches')) this.followBranches();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const [id, c] of this.streams) this.drop(id, c);
  }

  /** One stream per listed branch: new branches are followed, gone ones dropped. */
  private followBranches(): void {
    const ids = new Set((this.branches?.items ?? []).map((b) => b.id));
    for (const [id, c] of this.streams) if (!ids.has(id)) this.drop(id, c);
    for (const id of ids) if (!this.streams.has(id)) this.streams.set(id, new BranchStreamController(this, () => id));
  }

  private drop(id: string, c: BranchStreamController): void {
    c.hostDisconnected();
    this.removeController(c);
    this.streams.delete(id);
  }

  override render() {
    const l = this.language;
    const items = this.branches?.items ?? [];
    return html`
      <header class="page-head">
        <div>
          <h1>${ct(l, 'page.allBranches')}</h1>
          <p class="lede">${ct(l, 'allBranches.lede')}</p>
        </div>
      </header>
      <section class="panel">
        ${items.length === 0
          ? html`<p class="empty">${ct(l, 'shell.noBranch')}</p>`
          : html`<table data-testid="all-branches">
              <thead>
                <tr>
                  <th>${ct(l, 'shell.branch')}</th>
                  <th class="num">${ct(l, 'today.waiting')}</th>
                  <th class="num">${ct(l, 'today.countersOpen')}</th>
                  <th>${ct(l, 'today.notices')}</th>
                  <th>${ct(l, 'today.longestWait')}</th>
                </tr>
              </thead>
              <tbody>
                ${items.map((b) => this.row(b.id, b.name))}
              </tbody>
            </table>`}
      </section>
    `;
  }

  private row(id: string, name: string) {
    const l = this.language;
    const stream = this.streams.get(id);
    const s = stream?.state;
    const link = html`<a href=${consoleHash({ kind: 'branch', branch: id, page: 'today' })}>${s?.config?.name ?? name}</a>`;
    if (!stream || !s?.config) {
      return html`<tr data-testid="branch-row" data-branch=${id}>
        <td>${link}</td>
        <td colspan="4" class="muted">${stream?.refused ? ct(l, 'allBranches.notSetUp') : ct(l, 'shell.loading')}</td>
      </tr>`;
    }
    const now = stream.now();
    const f = branchFacts(s, now, l);
    const late = f.longestWait && f.longestWait.promiseMinutes !== null && f.longestWait.minutes > f.longestWait.promiseMinutes;
    return html`<tr data-testid="branch-row" data-branch=${id} data-live=${stream.status === 'live' ? 'true' : 'false'}>
      <td>
        ${link}
        ${stream.status === 'live' ? nothing : html`<span class="pill warn">${ct(l, 'today.stale')}</span>`}
      </td>
      <td class="num" data-testid="branch-waiting">${f.waiting}</td>
      <td class="num" data-testid="branch-open">${ct(l, 'today.ofTotal', { n: f.countersOpen, total: f.countersTotal })}</td>
      <td data-testid="branch-notices">
        ${f.activeNotices.length === 0
          ? html`<span class="muted">—</span>`
          : f.activeNotices.map(
              (n) => html`<div>${causeLabel(n.cause, l)} <span class="muted">· ${ct(l, 'allBranches.age', { n: Math.max(0, Math.floor((now - n.since) / 60_000)) })}</span></div>`,
            )}
      </td>
      <td>
        ${f.longestWait
          ? html`<span class=${late ? 'pill danger' : 'pill ok'}>${ct(l, 'today.minutes', { n: f.longestWait.minutes })}</span>
              ${f.longestWait.promiseMinutes !== null ? html`<span class="muted">${ct(l, 'today.promise', { n: f.longestWait.promiseMinutes })}</span>` : nothing}`
          : html`<span class="muted">—</span>`}
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-all-branches-page': BbAllBranchesPage;
  }
}
