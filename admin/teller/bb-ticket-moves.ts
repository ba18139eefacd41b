import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { OUT_OF_TURN_REASONS, nextTicketFor, type BranchState, type OutOfTurnReason, type Ticket } from '../../core/client';
import { t, type Language } from '../../ui/i18n/localize';
import { ActionController } from '../lib/action-controller';
import type { BranchCommands } from '../lib/api';
import { local, serviceName } from '../lib/teller-model';
import { buttonStyles } from '../styles/shared';

/**
 * Out of plain order, said why: call a specific waiting ticket (the teller picks the reason the
 * room will read beside the call), call back a no-show, or transfer the customer at the counter
 * to another service or counter (same number, same place by issue time).
 */
@customElement('bb-ticket-moves')
export class BbTicketMoves extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';
  @property({ type: Number }) now = 0;

  @state() private open: 'call' | 'transfer' | null = null;
  @state() private picked: string | null = null;

  private actions = new ActionController(this, () => this.language);

  private call(ticket: Ticket, reason?: OutOfTurnReason): void {
    const commands = this.commands;
    if (!commands) return;
    void this.actions
      .run(`call-${ticket.id}`, () => commands.callTicket(this.counterId, { ticketId: ticket.id, ...(reason ? { reason } : {}) }), t(this.language, 'causes.calledToast', { number: ticket.number }))
      .then((ok) => ok && this.closePanel());
  }

  private transfer(number: string, body: { service?: string; toCounterId?: string }): void {
    const commands = this.commands;
    if (!commands) return;
    void this.actions
      .run('transfer', () => commands.transfer(this.counterId, body), t(this.language, 'causes.transferredToast', { number }))
      .then((ok) => ok && this.closePanel());
  }

  private closePanel(): void {
    this.open = null;
    this.picked = null;
  }

  override render() {
    const state = this.state;
    const config = state?.config;
    const counterCfg = config?.counters.find((c) => c.id === this.counterId);
    if (!state || !config || !counterCfg) return nothing;
    const l = this.language;
    const currentId = state.counters[this.counterId]?.ticketId;
    const current = currentId ? state.tickets[currentId] : undefined;
    return html`<div class="row">
        <button class="btn" data-testid="call-specific" aria-expanded=${this.open === 'call' ? 'true' : 'false'} @click=${() => (this.open = this.open === 'call' ? null : 'call')}>
          ${t(l, 'causes.callSpecific')}
        </button>
        <button
          class="btn"
          data-testid="transfer"
          ?disabled=${!current}
          aria-expanded=${this.open === 'transfer' ? 'true' : 'false'}
          @click=${() => (this.open = this.open === 'transfer' ? null : 'transfer')}
        >
          ${t(l, 'causes.transfer')}
        </button>
      </div>
      ${this.open === 'call' ? this.renderCall(state) : nothing} ${this.open === 'transfer' && current ? this.renderTransfer(state, current) : nothing}`;
  }

  private renderCall(state: BranchState) {
    const l = this.language;
    const config = state.config!;
    const services = config.counters.find((c) => c.id === this.counterId)!.services;
    const next = nextTicketFor(state, services, this.counterId);
    const waiting = Object.values(state.queues)
      .flat()
      .map((id) => state.tickets[id]!)
      .filter((tk) => tk && (tk.assignedCounterId ? tk.assignedCounterId === this.counterId : true))
      .sort((a, b) => a.issuedSeq - b.issuedSeq);
    const noShows = Object.values(state.noShows ?? {}).sort((a, b) => b.noShowAt - a.noShowAt);
    const picked = this.picked ? (state.tickets[this.picked] ?? state.noShows?.[this.picked]) : undefined;
    if (picked) {
      const isNoShow = !!state.noShows?.[picked.id];
      const reasons = isNoShow ? (['no_show_callback'] as const) : OUT_OF_TURN_REASONS.filter((r) => r !== 'no_show_callback');
      return html`<div class="panel" data-testid="call-reasons" role="group" aria-label=${t(l, 'causes.callWhy', { number: picked.number })}>
        <div class="title">${t(l, 'causes.callWhy', { number: picked.number })}</div>
        <div class="grid">
          ${reasons.map(
            (r) => html`<button class="btn" data-testid="call-reason" data-reason=${r} @click=${() => this.call(picked, r)}>${t(l, `causes.callReason.${r}`)}</button>`,
          )}
        </div>
        <button class="btn" @click=${() => (this.picked = null)}>${t(l, 'causes.notNow')}</button>
      </div>`;
    }
    const minutes = (tk: Ticket) => Math.max(0, Math.floor((this.now - tk.issuedAt) / 60_000));
    return html`<div class="panel" data-testid="call-list">
      <div class="grid">
        ${waiting.map(
          (tk) => html`<button
            class="btn ticket"
            data-testid="call-ticket"
            data-ticket=${tk.number}
            @click=${() => (tk.id === next?.id ? this.call(tk) : (this.picked = tk.id))}
          >
            <strong>${tk.number}</strong><span>${serviceName(config, tk.service, l)} · ${minutes(tk)}′</span>
          </button>`,
        )}
      </div>
      ${noShows.length
        ? html`<div class="title">${t(l, 'causes.noShowsToday')}</div>
            <div class="grid">
              ${noShows.map(
                (tk) => html`<button class="btn ticket" data-testid="call-ticket" data-ticket=${tk.number} @click=${() => (this.picked = tk.id)}>
                  <strong>${tk.number}</strong><span>${serviceName(config, tk.service, l)}</span>
                </button>`,
              )}
            </div>`
        : nothing}
    </div>`;
  }

  private renderTransfer(state: BranchState, current: Ticket) {
    const l = this.language;
    const config = state.config!;
    return html`<div class="panel" data-testid="transfer-targets">
      <div class="grid">
        ${config.services
          .filter((s) => s.id !== current.service)
          .map(
            (s) => html`<button class="btn" data-testid="transfer-service" data-service=${s.id} @click=${() => this.transfer(current.number, { service: s.id })}>
              ${t(l, 'causes.transferTo', { name: local(config, s.name, l) })}
            </button>`,
          )}
        ${config.counters
          .filter((c) => c.id !== this.counterId)
          .map((c) => {
            // A closed counter has nobody to call the customer (the server refuses it too); a paused one is said so.
            const status = state.counters[c.id]?.status ?? 'closed';
            return html`<button
              class="btn target"
              data-testid="transfer-counter"
              data-counter=${c.id}
              data-status=${status}
              ?disabled=${status === 'closed'}
              @click=${() => this.transfer(current.number, { toCounterId: c.id })}
            >
              <span>${t(l, 'causes.transferTo', { name: local(config, c.name, l) })}</span>
              ${status === 'open' ? nothing : html`<span class="mark">${t(l, `common.status.${status}`)}</span>`}
            </button>`;
          })}
      </div>
    </div>`;
  }

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        margin-top: 10px;
      }
      .row {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 10px;
      }
      .panel {
        margin-top: 10px;
        padding: 10px 12px;
        border-radius: 12px;
        background: var(--bb-surface-2);
        border: 1px solid var(--bb-border);
        display: grid;
        gap: 8px;
      }
      .title {
        font-weight: 700;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 8px;
      }
      .ticket {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        padding: 6px 10px;
        line-height: 1.2;
      }
      .target {
        display: flex;
        flex-direction: column;
        align-items: center;
        line-height: 1.2;
      }
      .target .mark {
        font-size: 14px;
        font-weight: 400;
      }
      .ticket span {
        font-size: 14px;
        font-weight: 400;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-ticket-moves': BbTicketMoves;
  }
}
