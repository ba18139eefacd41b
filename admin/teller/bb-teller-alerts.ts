import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  capacity,
  clockTime,
  longTransactionAt,
  promiseAlerts,
  promiseAlertsForCounter,
  type BranchState,
  type LikelyCause,
  type PromiseAlert,
  type WaitEstimates,
} from '../../core/client';
import { t, type Language } from '../../ui/i18n/localize';
import { ActionController } from '../lib/action-controller';
import type { BranchCommands } from '../lib/api';
import { local, serviceName } from '../lib/teller-model';
import { buttonStyles } from '../styles/shared';

/**
 * What the teller should tell the room and has not: waits past the service promise that no notice
 * explains (with the likely cause and its preset, posted in one tap), and a customer at this
 * counter for much longer than usual ("Operation longer than usual — tell the room?").
 * Everything is derived from the live state and the server clock; nothing here is stored.
 */
@customElement('bb-teller-alerts')
export class BbTellerAlerts extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  /** The teller's counter; empty for the console (every service's alerts). */
  @property() counterId = '';
  @property({ type: Number }) now = 0;
  @property({ attribute: false }) estimates: WaitEstimates | null = null;

  /** Long transactions the teller chose not to announce (by ticket): asked once per customer. */
  @state() private dismissed = new Set<string>();

  private actions = new ActionController(this, () => this.language);

  override render() {
    const state = this.state;
    if (!state?.config || !this.now) return nothing;
    const services = this.estimates?.services ?? {};
    const alerts = this.counterId ? promiseAlertsForCounter(state, this.counterId, this.now, services) : promiseAlerts(state, this.now, services);
    const long = this.counterId ? longTransactionAt(state, this.counterId, this.now, this.estimates?.serviceSec ?? {}) : null;
    const showLong = long && !long.announced && !this.dismissed.has(long.ticketId) ? long : null;
    if (!alerts.length && !showLong) return nothing;
    return html`<div class="alerts" role="alert">
      ${alerts.map((a) => this.renderPromiseAlert(state, a))} ${showLong ? this.renderLong(state, showLong.ticketId, showLong.number, showLong.since) : nothing}
    </div>`;
  }

  private renderPromiseAlert(state: BranchState, a: PromiseAlert) {
    const l = this.language;
    const config = state.config!;
    const p = a.promise;
    const preset = a.cause?.presetId ? config.presets.find((x) => x.id === a.cause!.presetId) : undefined;
    const key = `promise-${a.service}`;
    return html`<section class="alert" data-testid="promise-alert" data-service=${a.service} data-cause=${a.cause?.code ?? ''}>
      <h3>${t(l, 'causes.alertTitle', { service: serviceName(config, a.service, l), min: p.promiseMinutes })}</h3>
      <p>${t(l, 'causes.alertWaiting', { n: p.passed, wait: Math.floor(p.longestWaitMs / 60_000) })} · ${t(l, 'causes.noNoticeExplains')}</p>
      <p class="cause" data-testid="likely-cause">${this.causeWords(state, a.cause)}</p>
      ${preset
        ? html`<button
            class="btn primary"
            data-testid="post-suggested"
            data-preset=${preset.id}
            aria-busy=${this.actions.busy(key) ? 'true' : 'false'}
            @click=${() => this.post(key, preset.id, preset.scope === 'counter' ? (a.cause?.counterId ?? this.counterId) : undefined)}
          >
            ${t(l, 'causes.postSuggested', { cause: t(l, `common.cause.${preset.cause}`) })}
          </button>`
        : nothing}
    </section>`;
  }

  private renderLong(state: BranchState, ticketId: string, number: string, since: number) {
    const l = this.language;
    const preset = state.config!.presets.find((p) => p.cause === 'long_transaction' && p.scope === 'counter');
    const key = 'long-transaction';
    return html`<section class="alert" data-testid="long-transaction">
      <h3>${t(l, 'causes.longTitle')}</h3>
      <p>${t(l, 'causes.longBody', { number, min: Math.floor((this.now - since) / 60_000) })}</p>
      <div class="row">
        ${preset
          ? html`<button class="btn primary" data-testid="long-post" aria-busy=${this.actions.busy(key) ? 'true' : 'false'} @click=${() => this.post(key, preset.id, this.counterId)}>
              ${t(l, 'causes.longPost')}
            </button>`
          : nothing}
        <button class="btn" data-testid="long-dismiss" @click=${() => (this.dismissed = new Set([...this.dismissed, ticketId]))}>${t(l, 'causes.notNow')}</button>
      </div>
    </section>`;
  }

  private causeWords(state: BranchState, c: LikelyCause | null): string {
    const l = this.language;
    if (!c) return t(l, 'causes.cause.none');
    const config = state.config!;
    if (c.code === 'counter_late') {
      const counter = config.counters.find((x) => x.id === c.counterId);
      const backAt = c.counterId ? state.counters[c.counterId]?.backAt : null;
      return t(l, 'causes.cause.counter_late', {
        counter: counter ? local(config, counter.name, l) : (c.counterId ?? ''),
        time: backAt ? clockTime(backAt, config.timezone, l) : '',
      });
    }
    if (c.code === 'below_plan') {
      const cap = capacity(state, this.now);
      return t(l, 'causes.cause.below_plan', { open: cap.open, planned: cap.planned });
    }
    return t(l, `causes.cause.${c.code}`);
  }

  private post(key: string, presetId: string, counterId: string | undefined): void {
    const commands = this.commands;
    if (!commands) return;
    void this.actions.run(key, () => commands.postNotice({ presetId, ...(counterId ? { counterId } : {}) }), t(this.language, 'causes.posted'));
  }

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .alerts {
        display: grid;
        gap: 10px;
      }
      .alert {
        padding: 12px 14px;
        border-radius: var(--bb-radius);
        border: 2px solid var(--bb-warn);
        background: var(--bb-warn-soft);
        color: var(--bb-text);
      }
      h3 {
        margin: 0 0 4px;
        font-size: 17px;
        color: var(--bb-warn);
      }
      p {
        margin: 0 0 6px;
        font-size: 15px;
      }
      .cause {
        font-weight: 700;
      }
      .row {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-teller-alerts': BbTellerAlerts;
  }
}
