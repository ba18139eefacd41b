import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { UNDO_NO_SHOW_MS, clockTime, lastNoShowAt, nextTicketFor, type BranchState, type CounterAction, type WaitEstimates } from '../../core/client';
import { ActionController } from '../lib/action-controller';
import type { BranchCommands } from '../lib/api';
import { counterOutcome, type OutcomeContext } from '../lib/outcomes';
import { counterView, local, serviceName, statusText, waitingFor } from '../lib/teller-model';
import { durationChoices } from '../../ui/time/durations';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { counterPanelStyles } from './bb-counter-panel.styles';
import './bb-teller-alerts';
import './bb-ticket-moves';

type SimpleAction = Exclude<CounterAction, 'pause'>;

/**
 * The teller's counter: who is at it now, how many wait, the big "Call next", and the counter's
 * own status (open, paused until, closed).
 */
@customElement('bb-counter-panel')
export class BbCounterPanel extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';
  /** Server time, so a "back at" that has passed reads as late, and the alerts below are timely. */
  @property({ type: Number }) now = 0;
  /** The latest estimates (reasons and usual service times feed the alerts). */
  @property({ attribute: false }) estimates: WaitEstimates | null = null;

  @state() private pauseOpen = false;
  /** A pause chosen while a customer is at the counter: the teller says whether they stay. */
  @state() private pendingPause: { minutes: number | null } | null = null;

  private actions = new ActionController(this, () => this.language);

  private act(action: SimpleAction): void {
    const commands = this.commands;
    if (!commands) return;
    // Taken at the tap: a ticket the action finishes has left the live state when the reply comes.
    const ctx = this.outcomeContext();
    void this.actions.run(
      action,
      () => commands.counterAction(this.counterId, action),
      (reply) => counterOutcome(action, reply, ctx),
    );
  }

  private async pause(minutes: number | null, finishCurrent?: boolean): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const current = this.state ? counterView(this.state, this.counterId)?.current : null;
    // A customer at the counter: a pause no longer finishes them silently; the teller says.
    if (current && finishCurrent === undefined) {
      this.pendingPause = { minutes };
      return;
    }
    const ctx = this.outcomeContext();
    const ok = await this.actions.run(
      `pause-${minutes ?? 'unknown'}`,
      () => commands.pause(this.counterId, minutes, finishCurrent ?? false),
      (reply) => counterOutcome('pause', reply, ctx),
    );
    if (ok) {
      this.pauseOpen = false;
      this.pendingPause = null;
    }
  }

  private undoNoShow(): void {
    const commands = this.commands;
    if (!commands) return;
    const ctx = this.outcomeContext();
    void this.actions.run('undo-no-show', () => commands.undoNoShow(this.counterId), (reply) => counterOutcome('call-next', reply, ctx));
  }

  /** What the toast needs to word an outcome: the ticket at the counter now, and the branch's clock. */
  private outcomeContext(): OutcomeContext {
    const lang = this.language;
    const state = this.state;
    const v = state ? counterView(state, this.counterId) : null;
    const timezone = state?.config?.timezone;
    return {
      lang,
      clock: (at) => clockTime(at, timezone ?? 'UTC', lang),
      ticketBefore: v?.current?.number ?? null,
      // Read when the reply comes: the ticket called is one that was waiting, so the state has it.
      ticketNumber: (id) => this.state?.tickets[id]?.number,
    };
  }

  override render() {
    const l = this.language;
    const state = this.state;
    const config = state?.config;
    const v = state ? counterView(state, this.counterId) : null;
    if (!state || !config || !v) return nothing;
    const clock = (at: number) => clockTime(at, config.timezone, l);
    const waiting = waitingFor(state, v.config.services);
    const next = nextTicketFor(state, v.config.services, this.counterId);
    const noShow = lastNoShowAt(state, this.counterId);
    const undoable = noShow && this.now > 0 && this.now - noShow.noShowAt <= UNDO_NO_SHOW_MS ? noShow : null;
    const status = v.state.status;
    const current = v.current;
    const busy = (k: string) => (this.actions.busy(k) ? 'true' : 'false');

    return html`
      <section class="card" aria-labelledby="counter-name">
        <header>
          <h2 id="counter-name" data-testid="counter-name">${local(config, v.config.name, l)}</h2>
          <span class="status ${status}" data-testid="counter-status" data-status=${status}>
            <span class="dot" aria-hidden="true"></span>${statusText(v.state, l, clock, this.now || undefined)}
          </span>
        </header>

        <div class="facts">
          <div class="fact now">
            <div class="label">${t(l, 'tablet.panel.nowServing')}</div>
            ${current
              ? html`<div class="ticket" data-testid="current-ticket" data-ticket=${current.number}>${current.number}</div>
                  <div class="sub">
                    ${serviceName(config, current.service, l)}
                    ${current.calledAt !== null ? html` · ${t(l, 'tablet.panel.calledAt', { time: clock(current.calledAt) })}` : nothing}
                    ${current.recalls > 0 ? html` · ${t(l, 'tablet.panel.recalls', { n: current.recalls })}` : nothing}
                  </div>`
              : html`<div class="ticket none" data-testid="current-ticket" data-ticket="">—</div>
                  <div class="sub">${t(l, 'tablet.panel.nobody')}</div>`}
          </div>
          <div class="fact waiting">
            <div class="label">${t(l, 'tablet.panel.waiting')}</div>
            <div class="count" data-testid="waiting-count" data-count=${waiting.total}>${waiting.total}</div>
            <div class="sub">
              ${waiting.perService.map((s) => `${serviceName(config, s.id, l)}: ${s.count}`).join(' · ')}
              <div class="next">${next ? t(l, 'tablet.panel.next', { number: next.number }) : t(l, 'tablet.panel.waitingNone')}</div>
            </div>
          </div>
        </div>

        <button
          class="btn primary call"
          data-testid="call-next"
          aria-busy=${busy('call-next')}
          @click=${() => this.act('call-next')}
        >
          ${t(l, 'tablet.panel.callNext')}
        </button>

        <div class="row three">
          <button class="btn" data-testid="recall" ?disabled=${!current} aria-busy=${busy('recall')} @click=${() => this.act('recall')}>
            ${t(l, 'tablet.panel.recall')}
          </button>
          <button class="btn ok" data-testid="done" ?disabled=${!current} aria-busy=${busy('done')} @click=${() => this.act('done')}>
            ${t(l, 'tablet.panel.done')}
          </button>
          <button class="btn danger" data-testid="no-show" ?disabled=${!current} aria-busy=${busy('no-show')} @click=${() => this.act('no-show')}>
            ${t(l, 'tablet.panel.noShow')}
          </button>
        </div>

        ${undoable
          ? html`<button class="btn undo" data-testid="undo-no-show" aria-busy=${busy('undo-no-show')} @click=${() => this.undoNoShow()}>
              ${t(l, 'causes.undoNoShow', { number: undoable.number })}
            </button>`
          : nothing}

        <bb-ticket-moves .language=${l} .state=${state} .commands=${this.commands} .counterId=${this.counterId} .now=${this.now}></bb-ticket-moves>

        <bb-teller-alerts
          .language=${l}
          .state=${state}
          .commands=${this.commands}
          .counterId=${this.counterId}
          .now=${this.now}
          .estimates=${this.estimates}
        ></bb-teller-alerts>

        <div class="counter-state">
          <div class="label">${t(l, 'tablet.panel.counterStatus')}</div>
          <div class="row three" role="group" aria-label=${t(l, 'tablet.panel.counterStatus')}>
            <button
              class="btn ${status === 'open' ? 'selected' : ''}"
              data-testid="open"
              aria-pressed=${status === 'open' ? 'true' : 'false'}
              aria-busy=${busy('open')}
              @click=${() => this.act('open')}
            >
              ${t(l, 'tablet.panel.open')}
            </button>
            <button
              class="btn ${status === 'paused' ? 'selected' : ''} ${this.pauseOpen ? 'expanded' : ''}"
              data-testid="pause"
              aria-pressed=${status === 'paused' ? 'true' : 'false'}
              aria-expanded=${this.pauseOpen ? 'true' : 'false'}
              @click=${() => (this.pauseOpen = !this.pauseOpen)}
            >
              ${t(l, 'tablet.panel.pause')}
            </button>
            <button
              class="btn ${status === 'closed' ? 'selected' : ''}"
              data-testid="close"
              aria-pressed=${status === 'closed' ? 'true' : 'false'}
              aria-busy=${busy('close')}
              @click=${() => this.act('close')}
            >
              ${t(l, 'tablet.panel.close')}
            </button>
          </div>
          ${this.pendingPause && current ? this.renderPauseAsk(current.number) : this.pauseOpen ? this.renderPauseChoices() : nothing}
        </div>
      </section>
    `;
  }

  /** Pausing with a customer at the counter: keep them (the default), or finish them first. */
  private renderPauseAsk(number: string) {
    const l = this.language;
    const minutes = this.pendingPause!.minutes;
    return html`<div class="pause-choices ask" role="group" data-testid="pause-ask" aria-label=${t(l, 'causes.pauseAsk', { number })}>
      <span class="pause-title">${t(l, 'causes.pauseAsk', { number })}</span>
      <button class="btn" data-testid="pause-keep" @click=${() => this.pause(minutes, false)}>${t(l, 'causes.pauseKeep', { number })}</button>
      <button class="btn" data-testid="pause-finish" @click=${() => this.pause(minutes, true)}>${t(l, 'causes.pauseFinish', { number })}</button>
      <button class="btn" data-testid="pause-cancel" @click=${() => (this.pendingPause = null)}>${t(l, 'causes.notNow')}</button>
    </div>`;
  }

  private renderPauseChoices() {
    const l = this.language;
    return html`<div class="pause-choices" role="group" aria-label=${t(l, 'tablet.panel.pauseFor')}>
      <span class="pause-title">${t(l, 'tablet.panel.pauseFor')}</span>
      ${durationChoices().map(
        (m) => html`<button
          class="btn"
          data-testid="pause-minutes"
          data-minutes=${m}
          aria-busy=${this.actions.busy(`pause-${m}`) ? 'true' : 'false'}
          @click=${() => this.pause(m)}
        >
          ${t(l, 'common.duration.minutes', { n: m })}
        </button>`,
      )}
      <button
        class="btn"
        data-testid="pause-minutes"
        data-minutes="unknown"
        aria-busy=${this.actions.busy('pause-unknown') ? 'true' : 'false'}
        @click=${() => this.pause(null)}
      >
        ${t(l, 'common.duration.unknown')}
      </button>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated?.(changed);
    // "Back in…" (or the question about the customer) opens under the fold of a 820 px tablet: bring it into view.
    if ((changed.has('pauseOpen') && this.pauseOpen) || (changed.has('pendingPause') && this.pendingPause)) {
      this.renderRoot.querySelector('.pause-choices')?.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    }
  }

  static override styles = [buttonStyles, cardStyles, counterPanelStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counter-panel': BbCounterPanel;
  }
}
