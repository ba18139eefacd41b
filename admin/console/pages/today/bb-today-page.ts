import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { clockTime, pickText, promiseAlerts, type CounterState } from '../../../../core/client';
import { causeLabel } from '../../../../ui/cause/cause-presentation';
import { BranchStreamController } from '../../../../ui/stream/branch-stream';
import { BranchCommands } from '../../../lib/api';
import '../../../teller/bb-teller-alerts';
import type { ConsoleApi } from '../../data/console-api';
import { branchFacts } from '../../data/branch-facts';
import { apiContext, langContext } from '../../data/contexts';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { navIcons } from '../../parts/nav-icons';
import { counterHash } from '../../routes';
import { todayPageStyles } from './bb-today-page.styles';

/**
 * A branch's day, live: who waits for what, which counters are open (each with a link to its
 * teller view), and the notices the screens show now. Above them, the tablet's promise alert for
 * every service (waits past the promise that no notice explains: the likely cause and the preset
 * to post, one tap), so the manager sees it at once too.
 */
@customElement('bb-today-page')
export class BbTodayPage extends LitElement {
  static override styles = todayPageStyles;

  @property() branch = '';
  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api?: ConsoleApi;

  private readonly stream = new BranchStreamController(this, () => this.branch);

  override render() {
    const l = this.language;
    const s = this.stream.state;
    const cfg = s?.config;
    if (!s || !cfg) {
      return html`<p class="empty" role="status">${this.stream.refused ? ct(l, 'today.unknownBranch') : ct(l, 'shell.loading')}</p>`;
    }
    const now = this.stream.now();
    const facts = branchFacts(s, now, l);
    const langs = cfg.languages;
    const estimates = this.stream.currentEstimates();
    return html`
      <header class="page-head">
        <div>
          <h1>${cfg.name}</h1>
          <p class="lede">${ct(l, 'today.lede')}</p>
        </div>
        <span class="pill ${this.stream.status === 'live' ? 'ok' : 'warn'}" role="status" data-testid="stream-status">
          ${this.stream.status === 'live' ? ct(l, 'today.live', { time: clockTime(now, cfg.timezone, l) }) : ct(l, 'today.stale')}
        </span>
      </header>

      ${promiseAlerts(s, now, estimates?.services ?? {}).length
        ? html`<bb-teller-alerts
            .language=${l}
            .state=${s}
            .commands=${this.commands()}
            counterId=""
            .now=${now}
            .estimates=${estimates}
          ></bb-teller-alerts>`
        : nothing}

      <section class="stats" aria-label=${ct(l, 'today.atGlance')}>
        <div class="stat panel">
          <span class="label">${ct(l, 'today.waiting')}</span>
          <strong data-testid="today-waiting">${facts.waiting}</strong>
          <span class="muted">${facts.waitingByService.map((w) => `${w.name} ${w.waiting}`).join(' · ')}</span>
        </div>
        <div class="stat panel">
          <span class="label">${ct(l, 'today.countersOpen')}</span>
          <strong>${ct(l, 'today.ofTotal', { n: facts.countersOpen, total: facts.countersTotal })}</strong>
        </div>
        <div class="stat panel">
          <span class="label">${ct(l, 'today.longestWait')}</span>
          <strong>${facts.longestWait ? ct(l, 'today.minutes', { n: facts.longestWait.minutes }) : '—'}</strong>
          <span class="muted">
            ${facts.longestWait?.promiseMinutes != null ? ct(l, 'today.promise', { n: facts.longestWait.promiseMinutes }) : facts.longestWait?.service ?? ''}
          </span>
        </div>
        <div class="stat panel">
          <span class="label">${ct(l, 'today.notices')}</span>
          <strong>${facts.activeNotices.length}</strong>
          <span class="muted">${facts.activeNotices.map((n) => causeLabel(n.cause, l)).join(' · ')}</span>
        </div>
      </section>

      <section class="panel">
        <h2>${ct(l, 'page.counters')}</h2>
        <table>
          <thead>
            <tr>
              <th>${ct(l, 'today.counter')}</th>
              <th>${ct(l, 'today.status')}</th>
              <th>${ct(l, 'today.atCounter')}</th>
              <th><span class="visually-hidden">${ct(l, 'today.openCounterView')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${cfg.counters.map((c) => {
              const cs = s.counters[c.id];
              const ticket = cs?.ticketId ? s.tickets[cs.ticketId] : undefined;
              return html`<tr data-testid="today-counter" data-counter=${c.id}>
                <td><strong>${pickText(c.name, l, langs)}</strong></td>
                <td>${this.status(cs, cfg.timezone, now)}</td>
                <td>${ticket ? html`<strong>${ticket.number}</strong>` : html`<span class="muted">—</span>`}</td>
                <td class="num">
                  <a class="btn quiet" href=${counterHash(this.branch, c.id)} data-testid="open-counter-view">
                    ${navIcons.counterView}${ct(l, 'today.openCounterView')}
                  </a>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>
    `;
  }

  private branchCommands?: BranchCommands;
  /** The branch's commands (the alert's one-tap post), as the tablet sends them. */
  private commands(): BranchCommands | null {
    if (!this.api) return null;
    if (this.branchCommands?.branch !== this.branch) this.branchCommands = new BranchCommands(this.api.client, this.branch);
    return this.branchCommands;
  }

  private status(c: CounterState | undefined, tz: string, now: number) {
    const l = this.language;
    if (!c || c.status === 'closed') return html`<span class="pill">${ct(l, 'today.closed')}</span>`;
    if (c.status === 'paused') {
      // Past its "back at", a pause is a delay: never "paused until" a time gone by.
      if (c.backAt && c.backAt <= now) return html`<span class="pill danger" data-testid="counter-late">${ct(l, 'today.pausedLate', { time: clockTime(c.backAt, tz, l) })}</span>`;
      return html`<span class="pill warn">${c.backAt ? ct(l, 'today.pausedUntil', { time: clockTime(c.backAt, tz, l) }) : ct(l, 'today.paused')}</span>`;
    }
    return html`<span class="pill ok">${ct(l, 'today.open')}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-today-page': BbTodayPage;
  }
}
