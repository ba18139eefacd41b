import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { clockTime, nextTicketFor, type BranchState, type CounterAction } from '../../core';
import { ActionController } from '../lib/action-controller';
import type { BranchCommands } from '../lib/api';
import { counterOutcome, type OutcomeContext } from '../lib/outcomes';
import { counterView, local, serviceName, statusText, waitingFor } from '../lib/teller-model';
import { durationChoices } from '../../ui/time/durations';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';

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

  @state() private pauseOpen = false;

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

  private async pause(minutes: number | null): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const ctx = this.outcomeContext();
    const ok = await this.actions.run(
      `pause-${minutes ?? 'unknown'}`,
      () => commands.pause(this.counterId, minutes),
      (reply) => counterOutcome('pause', reply, ctx),
    );
    if (ok) this.pauseOpen = false;
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
    const next = nextTicketFor(state, v.config.services);
    const status = v.state.status;
    const current = v.current;
    const busy = (k: string) => (this.actions.busy(k) ? 'true' : 'false');

    return html`
      <section class="card" aria-labelledby="counter-name">
        <header>
          <h2 id="counter-name" data-testid="counter-name">${local(config, v.config.name, l)}</h2>
          <span class="status ${status}" data-testid="counter-status" data-status=${status}>
            <span class="dot" aria-hidden="true"></span>${statusText(v.state, l, clock)}
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
          ${this.pauseOpen ? this.renderPauseChoices() : nothing}
        </div>
      </section>
    `;
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

  static override styles = [
    buttonStyles,
    cardStyles,
    css`
      :host {
        display: block;
        /* Sized by its column, not the screen: narrow columns get the compact rules below. */
        container-type: inline-size;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: 14px;
        padding: 20px 24px 22px;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        flex-wrap: wrap;
      }
      h2 {
        margin: 0;
        font-size: 30px;
        font-weight: 800;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 10px;
        padding: 8px 16px;
        border-radius: 999px;
        font-size: 18px;
        font-weight: 700;
        background: var(--bb-surface-2);
        color: var(--bb-muted);
      }
      .status .dot {
        width: 12px;
        height: 12px;
        border-radius: 50%;
        background: currentColor;
      }
      .status.open {
        background: var(--bb-ok-soft);
        color: var(--bb-ok);
      }
      .status.paused {
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
      }
      .facts {
        display: grid;
        grid-template-columns: 1.3fr 1fr;
        gap: 16px;
      }
      .fact {
        padding: 16px 20px;
        border-radius: 12px;
        background: var(--bb-surface-2);
        border: 1px solid var(--bb-border);
        min-width: 0;
      }
      .ticket,
      .count {
        font-size: 60px;
        line-height: 1.05;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.01em;
        margin: 6px 0 4px;
      }
      .ticket {
        color: var(--bb-primary);
      }
      .ticket.none {
        color: var(--bb-border);
      }
      .sub {
        font-size: 16px;
        color: var(--bb-muted);
      }
      .next {
        margin-top: 2px;
        font-weight: 600;
        color: var(--bb-text);
      }
      .call {
        min-height: 92px;
        font-size: 30px;
        font-weight: 800;
        letter-spacing: 0.01em;
        box-shadow: 0 4px 14px rgba(11, 87, 164, 0.28);
      }
      .row {
        display: grid;
        gap: 12px;
      }
      .row.three {
        grid-template-columns: repeat(3, 1fr);
      }
      .row .btn {
        min-height: 64px;
        padding: 0 10px;
        font-size: 20px;
        white-space: nowrap;
      }
      .counter-state {
        display: flex;
        flex-direction: column;
        gap: 10px;
        padding-top: 14px;
        border-top: 1px solid var(--bb-border);
      }
      .btn.expanded {
        border-color: var(--bb-warn);
        box-shadow: inset 0 0 0 1px var(--bb-warn);
      }
      .pause-choices {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 8px;
        padding: 10px 12px 12px;
        border-radius: 12px;
        background: var(--bb-warn-soft);
      }
      .pause-title {
        grid-column: 1 / -1;
        font-weight: 700;
        color: var(--bb-warn);
      }
      .pause-choices .btn {
        padding: 0 4px;
        white-space: nowrap;
        font-size: 18px;
      }
      /* A narrow panel (a 1024 px landscape tablet): the labels stay inside their buttons. */
      @container (max-width: 520px) {
        section {
          padding: 18px 18px 20px;
        }
        .row .btn {
          font-size: 17px;
          padding: 0 6px;
        }
        .pause-choices {
          padding: 8px 8px 10px;
          gap: 6px;
        }
        .pause-choices .btn {
          font-size: 15px;
          padding: 0 2px;
        }
      }
      /* A phone: labels may wrap rather than spill out. */
      @container (max-width: 400px) {
        .row .btn,
        .pause-choices .btn {
          white-space: normal;
          font-size: 15px;
        }
        .call {
          font-size: 24px;
        }
      }
      /* A short screen: the panel keeps everything in view with smaller figures and a lower "Call next". */
      @media (max-height: 1100px) and (orientation: portrait), (max-height: 780px) and (orientation: landscape) {
        section {
          gap: 12px;
          padding-top: 16px;
          padding-bottom: 18px;
        }
        .fact {
          padding: 12px 18px;
        }
        .ticket,
        .count {
          font-size: 50px;
        }
        .call {
          min-height: 80px;
        }
        .row .btn {
          min-height: 58px;
        }
        .counter-state {
          padding-top: 12px;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-counter-panel': BbCounterPanel;
  }
}
