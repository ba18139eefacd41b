import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  clockTime,
  noticePhase,
  visibleNotices,
  type BranchConfig,
  type BranchState,
  type Notice,
} from '../../core';
import { causeIcon } from '../../ui/icons/cause-icons';
import { ActionController } from '../lib/action-controller';
import type { BranchCommands } from '../lib/api';
import { noticeResolvedOutcome, noticeUpdatedOutcome, type OutcomeContext } from '../lib/outcomes';
import { local, scopeText } from '../lib/teller-model';
import { durationChoices } from '../../ui/time/durations';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { causeColor } from '../../ui/cause/cause-colors';
import { causeLabel, effectLabel } from '../../ui/cause/cause-presentation';

type Open = { id: string; mode: 'update' | 'resolve' } | null;

const TEXT_MAX = 280;

/**
 * The notices the screens show now (active, then the recently resolved), each with what the
 * customers read, and the teller's two follow-ups: a new expected end or text, and "Resolved".
 */
@customElement('bb-notice-list')
export class BbNoticeList extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';
  /** Server time now, epoch ms. */
  @property({ type: Number }) now = 0;

  @state() private opened: Open = null;
  @state() private draftText = '';
  @state() private draftApologise = false;

  private actions = new ActionController(this, () => this.language);

  /** Closes any open drawer (e.g. when the "Report a problem" dialog opens over the list). */
  collapse(): void {
    this.opened = null;
  }

  private toggle(n: Notice, mode: 'update' | 'resolve'): void {
    if (this.opened?.id === n.id && this.opened.mode === mode) {
      this.opened = null;
      return;
    }
    this.opened = { id: n.id, mode };
    this.draftText = '';
    this.draftApologise = n.apologise;
  }

  /** What the toast needs to word an outcome (see lib/outcomes). */
  private outcomeContext(): OutcomeContext {
    const lang = this.language;
    const state = this.state;
    const timezone = state?.config?.timezone ?? 'UTC';
    const cs = state?.counters[this.counterId];
    const ticketBefore = cs?.ticketId ? (state?.tickets[cs.ticketId]?.number ?? null) : null;
    return { lang, clock: (at) => clockTime(at, timezone, lang), ticketBefore };
  }

  private async updateEnd(n: Notice, minutes: number | null): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const ctx = this.outcomeContext();
    const ok = await this.actions.run(
      `${n.id}:end-${minutes ?? 'unknown'}`,
      () => commands.updateNotice(n.id, { expectedInMinutes: minutes }),
      (reply) => noticeUpdatedOutcome(reply, ctx),
    );
    if (ok) this.opened = null;
  }

  private async updateText(n: Notice): Promise<void> {
    const commands = this.commands;
    const text = this.draftText.trim();
    if (!commands || !text) return;
    const ctx = this.outcomeContext();
    const ok = await this.actions.run(
      `${n.id}:text`,
      () => commands.updateNotice(n.id, { text: { [this.language]: text } }),
      (reply) => noticeUpdatedOutcome(reply, ctx),
    );
    if (ok) this.opened = null;
  }

  private async resolve(n: Notice): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const text = this.draftText.trim();
    const ctx = this.outcomeContext();
    const ok = await this.actions.run(
      `${n.id}:resolve`,
      () => commands.resolveNotice(n.id, { apologise: this.draftApologise, ...(text ? { text: { [this.language]: text } } : {}) }),
      (reply) => noticeResolvedOutcome(reply, ctx),
    );
    if (ok) this.opened = null;
  }

  override render() {
    const l = this.language;
    const config = this.state?.config;
    if (!this.state || !config) return nothing;
    const notices = visibleNotices(this.state.notices, this.now);
    if (notices.length === 0) return html`<p class="empty muted" data-testid="no-notices">${t(l, 'tablet.notices.none')}</p>`;
    return html`<ul>
      ${repeat(
        notices,
        (n) => n.id,
        (n) => this.renderNotice(config, n),
      )}
    </ul>`;
  }

  private renderNotice(config: BranchConfig, n: Notice) {
    const l = this.language;
    const clock = (at: number) => clockTime(at, config.timezone, l);
    const phase = noticePhase(n, this.now);
    const resolved = phase === 'resolved';
    const opened = this.opened?.id === n.id ? this.opened.mode : null;
    return html`<li
      class="notice ${phase}"
      style="--cause:${causeColor(n.cause)}"
      data-testid=${resolved ? 'resolved-notice' : 'active-notice'}
      data-notice-id=${n.id}
      data-cause=${n.cause}
      data-phase=${phase}
    >
      <div class="top">
        <span class="cause">${causeIcon(n.cause, { size: '22px' })}${causeLabel(n.cause, l)}</span>
        <span class="effect">${effectLabel(n.effect, l)}</span>
        ${n.apologise ? html`<span class="tag">${t(l, 'tablet.notices.apology')}</span>` : nothing}
      </div>
      <p class="text">${local(config, n.text, l)}</p>
      <div class="meta">
        <span>${scopeText(n, config, l, this.counterId)}</span>
        <span>${t(l, 'tablet.notices.since', { time: clock(n.startedAt) })}</span>
        ${resolved && n.resolution
          ? html`<span class="resolved-at">${t(l, 'tablet.notices.resolvedAt', { time: clock(n.resolution.at) })}</span>`
          : html`<span class="end" data-testid="notice-expected">
              ${n.expectedEndAt !== null ? t(l, 'tablet.notices.expectedEnd', { time: clock(n.expectedEndAt) }) : t(l, 'tablet.notices.expectedUnknown')}
            </span>`}
      </div>
      ${phase === 'overdue' && n.expectedEndAt !== null
        ? html`<p class="overdue" role="status">${t(l, 'tablet.notices.overdue', { time: clock(n.expectedEndAt) })}</p>`
        : nothing}
      ${resolved && n.resolution?.text ? html`<p class="text closing">${local(config, n.resolution.text, l)}</p>` : nothing}
      ${resolved
        ? nothing
        : html`<div class="actions">
              <button
                class="btn ${opened === 'update' ? 'selected' : ''}"
                data-testid="update-notice"
                aria-expanded=${opened === 'update' ? 'true' : 'false'}
                @click=${() => this.toggle(n, 'update')}
              >
                ${t(l, 'tablet.notices.update')}
              </button>
              <button
                class="btn ok ${opened === 'resolve' ? 'selected' : ''}"
                data-testid="resolve-notice"
                aria-expanded=${opened === 'resolve' ? 'true' : 'false'}
                @click=${() => this.toggle(n, 'resolve')}
              >
                ✓ ${t(l, 'tablet.notices.resolve')}
              </button>
            </div>
            ${opened === 'update' ? this.renderUpdate(n) : nothing} ${opened === 'resolve' ? this.renderResolve(n) : nothing}`}
    </li>`;
  }

  /**
   * Under a field being typed in: the text goes out in the tablet's language only (the lobby shows
   * it once, in that language), while presets speak every language of the branch.
   */
  private renderOneLanguageHint(id: string) {
    const languages = this.state?.config?.languages ?? [];
    if (!this.draftText.trim() || !languages.some((x) => x !== this.language)) return nothing;
    return html`<p class="hint" id=${id} data-testid="one-language-hint">${t(this.language, 'tablet.notices.oneLanguage')}</p>`;
  }

  private renderUpdate(n: Notice) {
    const l = this.language;
    const choices: (number | null)[] = [...durationChoices(), null];
    return html`<div class="drawer">
      <div class="label">${t(l, 'tablet.notices.newEnd')}</div>
      <div class="durations">
        ${choices.map((m) => {
          const key = `${n.id}:end-${m ?? 'unknown'}`;
          return html`<button
            class="btn"
            data-testid="expected"
            data-minutes=${m ?? 'unknown'}
            aria-busy=${this.actions.busy(key) ? 'true' : 'false'}
            @click=${() => this.updateEnd(n, m)}
          >
            ${m === null ? t(l, 'common.duration.unknown') : t(l, 'common.duration.minutes', { n: m })}
          </button>`;
        })}
      </div>
      <label class="label" for="text-${n.id}">${t(l, 'tablet.notices.newText')}</label>
      <div class="text-row">
        <input
          id="text-${n.id}"
          data-testid="update-notice-text"
          maxlength=${TEXT_MAX}
          aria-describedby="hint-${n.id}"
          .value=${this.draftText}
          @input=${(e: Event) => (this.draftText = (e.target as HTMLInputElement).value)}
        />
        <button
          class="btn primary"
          data-testid="update-notice-save"
          ?disabled=${!this.draftText.trim()}
          aria-busy=${this.actions.busy(`${n.id}:text`) ? 'true' : 'false'}
          @click=${() => this.updateText(n)}
        >
          ${t(l, 'tablet.notices.saveText')}
        </button>
      </div>
      ${this.renderOneLanguageHint(`hint-${n.id}`)}
    </div>`;
  }

  private renderResolve(n: Notice) {
    const l = this.language;
    return html`<div class="drawer">
      <label class="label" for="resolve-${n.id}">${t(l, 'tablet.notices.resolveText')}</label>
      <input
        id="resolve-${n.id}"
        data-testid="resolve-text"
        maxlength=${TEXT_MAX}
        placeholder=${t(l, 'tablet.notices.resolvePlaceholder')}
        aria-describedby="hint-${n.id}"
        .value=${this.draftText}
        @input=${(e: Event) => (this.draftText = (e.target as HTMLInputElement).value)}
      />
      ${this.renderOneLanguageHint(`hint-${n.id}`)}
      <div class="resolve-row">
        <button
          class="btn toggle ${this.draftApologise ? 'selected' : ''}"
          data-testid="resolve-apologise"
          role="switch"
          aria-checked=${this.draftApologise ? 'true' : 'false'}
          @click=${() => (this.draftApologise = !this.draftApologise)}
        >
          <span class="box" aria-hidden="true">${this.draftApologise ? '✓' : ''}</span>${t(l, 'tablet.notices.apologise')}
        </button>
        <button
          class="btn primary"
          data-testid="confirm-resolve"
          aria-busy=${this.actions.busy(`${n.id}:resolve`) ? 'true' : 'false'}
          @click=${() => this.resolve(n)}
        >
          ✓ ${t(l, 'tablet.notices.confirmResolve')}
        </button>
      </div>
    </div>`;
  }

  static override styles = [
    buttonStyles,
    cardStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .empty {
        margin: 0;
        padding: 28px 20px;
        text-align: center;
        font-size: 17px;
        border: 1.5px dashed var(--bb-border);
        border-radius: var(--bb-radius);
      }
      .notice {
        padding: 14px 16px 16px 18px;
        background: var(--bb-surface);
        border: 1px solid var(--bb-border);
        border-left: 6px solid var(--cause);
        border-radius: var(--bb-radius);
        box-shadow: var(--bb-shadow);
      }
      .notice.resolved {
        border-left-color: var(--bb-ok);
        background: var(--bb-surface-2);
        box-shadow: none;
        opacity: 0.8;
      }
      .notice.overdue {
        border-color: var(--bb-warn);
        border-left-color: var(--cause);
      }
      .top {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 6px 12px;
      }
      .cause {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font-weight: 800;
        font-size: 17px;
        color: var(--cause);
      }
      .effect {
        font-size: 15px;
        font-weight: 600;
        color: var(--bb-muted);
      }
      .tag {
        margin-left: auto;
        padding: 2px 10px;
        border-radius: 999px;
        font-size: 13px;
        font-weight: 700;
        background: var(--bb-surface-2);
        border: 1px solid var(--bb-border);
        color: var(--bb-muted);
      }
      .text {
        margin: 8px 0 6px;
        font-size: 17px;
        line-height: 1.4;
        overflow-wrap: anywhere;
      }
      .closing {
        font-style: italic;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 8px;
        font-size: 15px;
        color: var(--bb-muted);
      }
      .meta > span + span::before {
        content: '·';
        margin-right: 8px;
        color: var(--bb-muted);
        font-weight: 400;
      }
      .end {
        font-weight: 700;
        color: var(--bb-text);
      }
      .resolved-at {
        font-weight: 700;
        color: var(--bb-ok);
      }
      .overdue {
        margin: 10px 0 0;
        padding: 8px 12px;
        border-radius: 10px;
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
        font-weight: 600;
        font-size: 15px;
      }
      .actions {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 10px;
        margin-top: 12px;
      }
      .drawer {
        display: flex;
        flex-direction: column;
        gap: 10px;
        margin-top: 12px;
        padding: 14px;
        border-radius: 12px;
        background: var(--bb-surface-2);
        border: 1px solid var(--bb-border);
      }
      .durations {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 8px;
      }
      .durations .btn {
        padding: 0 4px;
        font-size: 17px;
        white-space: nowrap;
      }
      .text-row {
        display: flex;
        gap: 8px;
      }
      .text-row input {
        flex: 1;
        min-width: 0;
      }
      input {
        font: inherit;
        font-size: 18px;
        min-height: 56px;
        padding: 0 14px;
        box-sizing: border-box;
        border: 1.5px solid var(--bb-border);
        border-radius: 12px;
        background: var(--bb-surface);
      }
      input:focus {
        outline: 3px solid var(--bb-primary-soft);
        border-color: var(--bb-primary);
      }
      .hint {
        margin: -4px 0 0;
        font-size: 15px;
        color: var(--bb-muted);
      }
      .resolve-row {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
      }
      .resolve-row .btn {
        flex: 1 1 200px;
      }
      .toggle {
        justify-content: flex-start;
        font-weight: 600;
        font-size: 17px;
      }
      .box {
        display: inline-grid;
        place-items: center;
        width: 26px;
        height: 26px;
        border-radius: 6px;
        border: 2px solid currentColor;
        font-size: 16px;
        font-weight: 800;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-list': BbNoticeList;
  }
}
