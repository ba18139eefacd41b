import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  clockTime,
  PostNoticeBody,
  type BranchState,
  type BranchConfig,
  type Effect,
  type Preset,
} from '../../core';
import { causeIcon } from '../../ui/icons/cause-icons';
import { ActionController } from '../lib/action-controller';
import type { BranchCommands } from '../lib/api';
import { noticePostedOutcome, type OutcomeContext } from '../lib/outcomes';
import { local, presetsByCause } from '../lib/teller-model';
import { durationChoices } from '../../ui/time/durations';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { causeColor } from '../../ui/cause/cause-colors';
import { causeLabel } from '../../ui/cause/cause-presentation';

type Step = { kind: 'presets' } | { kind: 'duration'; preset: Preset } | { kind: 'other' };

const OTHER_MAX = 280;

/**
 * "Report a problem" in two taps: the branch's presets grouped by cause, then how long it will
 * last (the tap on a duration posts the notice). "Other" takes a short free text instead.
 */
@customElement('bb-preset-picker')
export class BbPresetPicker extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) config: BranchConfig | null = null;
  /** The live state, to word what a post did to the counter (a notice that closes it pauses it). */
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  /** The teller's counter: the scope of counter presets. */
  @property() counterId = '';
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private step: Step = { kind: 'presets' };
  @state() private otherText = '';
  @state() private otherEffect: Extract<Effect, 'info' | 'slower_service'> = 'slower_service';
  @state() private otherScope: 'counter' | 'branch' = 'counter';
  @state() private otherError: string | null = null;

  private actions = new ActionController(this, () => this.language);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.open && e.key === 'Escape') this.close();
  };

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open) {
      this.step = { kind: 'presets' };
      this.otherText = '';
      this.otherError = null;
    }
  }

  override updated(changed: PropertyValues): void {
    if ((changed.has('open') && this.open) || changed.has('step')) {
      const root = this.renderRoot;
      (root.querySelector<HTMLElement>('[autofocus]') ?? root.querySelector<HTMLElement>('.panel'))?.focus();
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('bb-close', { bubbles: true, composed: true }));
  }

  private async post(body: PostNoticeBody, key: string): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const ctx = this.outcomeContext();
    const ok = await this.actions.run(key, () => commands.postNotice(body), (reply) => noticePostedOutcome(reply, ctx));
    if (ok) {
      this.dispatchEvent(new CustomEvent('bb-notice-posted', { bubbles: true, composed: true }));
      this.close();
    }
  }

  private outcomeContext(): OutcomeContext {
    const lang = this.language;
    const timezone = this.config?.timezone ?? 'UTC';
    const cs = this.state?.counters[this.counterId];
    const ticketBefore = cs?.ticketId ? (this.state?.tickets[cs.ticketId]?.number ?? null) : null;
    return { lang, clock: (at) => clockTime(at, timezone, lang), ticketBefore };
  }

  private postPreset(preset: Preset, minutes: number | null): void {
    void this.post(
      {
        presetId: preset.id,
        ...(preset.scope === 'counter' ? { counterId: this.counterId } : {}),
        expectedInMinutes: minutes,
      },
      `expected-${minutes ?? 'unknown'}`,
    );
  }

  private postOther(minutes: number | null): void {
    const text = this.otherText.trim();
    if (!text) {
      this.otherError = t(this.language, 'tablet.presets.otherNeedsText');
      return;
    }
    const body = {
      cause: 'other' as const,
      effect: this.otherEffect,
      text: { [this.language]: text },
      scope: this.otherScope === 'counter' ? { type: 'counters' as const, ids: [this.counterId] } : { type: 'branch' as const },
      apologise: false,
      expectedInMinutes: minutes,
    };
    // The same rules the server applies, so a mistake is shown here, beside the field.
    const check = PostNoticeBody.safeParse(body);
    if (!check.success) {
      this.otherError = check.error.issues[0]?.message ?? 'invalid';
      return;
    }
    this.otherError = null;
    void this.post(check.data, `expected-${minutes ?? 'unknown'}`);
  }

  override render() {
    if (!this.open || !this.config) return nothing;
    const l = this.language;
    const step = this.step;
    return html`
      <div class="backdrop" @click=${this.close}></div>
      <div class="panel card" role="dialog" aria-modal="true" aria-labelledby="picker-title" tabindex="-1">
        <header>
          ${step.kind !== 'presets'
            ? html`<button class="btn ghost back" data-testid="preset-back" @click=${() => (this.step = { kind: 'presets' })}>
                ‹ ${t(l, 'tablet.presets.back')}
              </button>`
            : nothing}
          <div class="titles">
            <h2 id="picker-title">${step.kind === 'other' ? t(l, 'tablet.presets.otherTitle') : t(l, 'tablet.presets.title')}</h2>
            ${step.kind === 'presets' ? html`<p class="muted">${t(l, 'tablet.presets.subtitle')}</p>` : nothing}
          </div>
          <button class="btn ghost x" data-testid="preset-close" aria-label=${t(l, 'tablet.presets.close')} @click=${this.close}>✕</button>
        </header>
        <div class="body">
          ${step.kind === 'presets'
            ? this.renderPresets(this.config)
            : step.kind === 'duration'
              ? this.renderDuration(this.config, step.preset)
              : this.renderOther()}
        </div>
      </div>
    `;
  }

  private renderPresets(config: BranchConfig) {
    const l = this.language;
    const groups = presetsByCause(config.presets);
    return html`
      ${groups.length === 0 ? html`<p class="muted">${t(l, 'tablet.presets.none')}</p>` : nothing}
      <div class="groups">
        ${groups.map(
          (g) => html`<section class="group" style="--cause:${causeColor(g.cause)}" data-cause=${g.cause}>
            <h3>${causeIcon(g.cause, { size: '22px' })}<span>${causeLabel(g.cause, l)}</span></h3>
            ${g.presets.map((p) => this.renderPresetTile(config, p))}
          </section>`,
        )}
        <section class="group" style="--cause:${causeColor('other')}" data-cause="other">
          <h3>${causeIcon('other', { size: '22px' })}<span>${causeLabel('other', l)}</span></h3>
          <button class="tile other" data-testid="preset-other" @click=${() => (this.step = { kind: 'other' })}>
            <span class="head">${t(l, 'tablet.presets.other')}</span>
          </button>
        </section>
      </div>
    `;
  }

  private renderPresetTile(config: BranchConfig, p: Preset) {
    const l = this.language;
    const { head, rest } = splitText(local(config, p.text, l));
    return html`<button class="tile" data-testid="preset" data-preset=${p.id} @click=${() => (this.step = { kind: 'duration', preset: p })}>
      <span class="head">${head}</span>
      ${rest ? html`<span class="rest">${rest}</span>` : nothing}
      <span class="chips">
        <span class="chip">${p.scope === 'counter' ? t(l, 'common.scope.thisCounter') : t(l, 'common.scope.branch')}</span>
        ${p.defaultMinutes !== null ? html`<span class="chip">~${p.defaultMinutes} min</span>` : nothing}
      </span>
    </button>`;
  }

  private renderDuration(config: BranchConfig, p: Preset) {
    const l = this.language;
    return html`
      <div class="chosen" style="--cause:${causeColor(p.cause)}">
        <div class="chosen-cause">${causeIcon(p.cause, { size: '24px' })}<span>${causeLabel(p.cause, l)}</span></div>
        <p class="chosen-text">${local(config, p.text, l)}</p>
        <span class="chip">${p.scope === 'counter' ? t(l, 'common.scope.thisCounter') : t(l, 'common.scope.branch')}</span>
      </div>
      ${this.renderDurations(p.defaultMinutes, (m) => this.postPreset(p, m))}
    `;
  }

  private renderOther() {
    const l = this.language;
    const chars = this.otherText.length;
    return html`
      <div class="other-form">
        <label class="field">
          <span class="label">${t(l, 'tablet.presets.otherText')}</span>
          <textarea
            data-testid="other-text"
            maxlength=${OTHER_MAX}
            rows="3"
            autofocus
            aria-describedby="other-hint"
            placeholder=${t(l, 'tablet.presets.otherPlaceholder')}
            .value=${this.otherText}
            @input=${(e: Event) => {
              this.otherText = (e.target as HTMLTextAreaElement).value;
              this.otherError = null;
            }}
          ></textarea>
          <span class="under">
            ${this.otherText.trim() && (this.config?.languages ?? []).some((x) => x !== l)
              ? html`<span class="hint" id="other-hint" data-testid="one-language-hint">${t(l, 'tablet.notices.oneLanguage')}</span>`
              : nothing}
            <span class="count muted">${chars}/${OTHER_MAX}</span>
          </span>
        </label>
        ${this.otherError ? html`<p class="error" role="alert">${this.otherError}</p>` : nothing}
        <div class="choice-row">
          <span class="label">${t(l, 'tablet.presets.effect')}</span>
          ${(['slower_service', 'info'] as const).map(
            (e) => html`<button
              class="btn ${this.otherEffect === e ? 'selected' : ''}"
              data-testid="other-effect"
              data-effect=${e}
              aria-pressed=${this.otherEffect === e ? 'true' : 'false'}
              @click=${() => (this.otherEffect = e)}
            >
              ${e === 'info' ? t(l, 'tablet.presets.effectInfo') : t(l, 'tablet.presets.effectSlower')}
            </button>`,
          )}
        </div>
        <div class="choice-row">
          <span class="label">${t(l, 'tablet.presets.scope')}</span>
          ${(['counter', 'branch'] as const).map(
            (s) => html`<button
              class="btn ${this.otherScope === s ? 'selected' : ''}"
              data-testid="other-scope"
              data-scope=${s}
              aria-pressed=${this.otherScope === s ? 'true' : 'false'}
              @click=${() => (this.otherScope = s)}
            >
              ${s === 'counter' ? t(l, 'common.scope.thisCounter') : t(l, 'common.scope.branch')}
            </button>`,
          )}
        </div>
      </div>
      ${this.renderDurations(null, (m) => this.postOther(m), false)}
    `;
  }

  /** The expected-end buttons; a tap posts. The suggested one is marked (never pre-sent). */
  private renderDurations(suggested: number | null, send: (m: number | null) => void, markUnknown = true) {
    const l = this.language;
    const choices: (number | null)[] = [...durationChoices(suggested), null];
    const busy = this.actions.anyBusy;
    return html`
      <div class="durations-head">
        <h3>${t(l, 'tablet.presets.howLong')}</h3>
        <p class="muted">${t(l, 'tablet.presets.howLongHint')}</p>
      </div>
      <div class="durations" role="group" aria-label=${t(l, 'tablet.presets.howLong')}>
        ${choices.map((m) => {
          const key = `expected-${m ?? 'unknown'}`;
          const isSuggested = m === suggested && (m !== null || markUnknown);
          return html`<button
            class="btn ${isSuggested ? 'selected suggested' : ''}"
            data-testid="expected"
            data-minutes=${m ?? 'unknown'}
            aria-busy=${this.actions.busy(key) ? 'true' : 'false'}
            ?disabled=${busy && !this.actions.busy(key)}
            @click=${() => send(m)}
          >
            <span class="big">${m === null ? t(l, 'common.duration.unknown') : t(l, 'common.duration.minutes', { n: m })}</span>
            ${isSuggested ? html`<span class="hint">${t(l, 'common.duration.suggested')}</span>` : nothing}
          </button>`;
        })}
      </div>
    `;
  }

  static override styles = [
    buttonStyles,
    cardStyles,
    css`
      :host {
        display: contents;
      }
      .backdrop {
        position: fixed;
        inset: 0;
        z-index: 50;
        background: rgba(15, 23, 33, 0.45);
      }
      .panel {
        position: fixed;
        z-index: 51;
        inset: 12px;
        margin: auto;
        max-width: 1180px;
        display: flex;
        flex-direction: column;
        overflow: hidden;
        outline: none;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 8px 12px 8px 24px;
        border-bottom: 1px solid var(--bb-border);
      }
      .titles {
        flex: 1;
        min-width: 0;
        display: flex;
        align-items: baseline;
        flex-wrap: wrap;
        gap: 2px 16px;
      }
      h2 {
        margin: 0;
        font-size: 24px;
      }
      header p {
        margin: 0;
        font-size: 15px;
      }
      .back {
        margin-left: -12px;
        font-size: 18px;
      }
      .x {
        font-size: 22px;
      }
      .body {
        flex: 1;
        overflow: auto;
        padding: 14px 24px 20px;
        -webkit-overflow-scrolling: touch;
      }
      .groups {
        columns: 3 300px;
        column-gap: 16px;
      }
      .group {
        break-inside: avoid;
        display: flex;
        flex-direction: column;
        gap: 8px;
        margin-bottom: 14px;
      }
      .group h3 {
        display: flex;
        align-items: center;
        gap: 8px;
        margin: 0;
        font-size: 15px;
        font-weight: 700;
        letter-spacing: 0.02em;
        color: var(--cause);
      }
      .tile {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 4px;
        width: 100%;
        min-height: 64px;
        padding: 10px 14px 10px 16px;
        border: 1.5px solid var(--bb-border);
        border-left: 6px solid var(--cause);
        border-radius: 12px;
        background: var(--bb-surface);
        color: var(--bb-text);
        font: inherit;
        text-align: left;
        cursor: pointer;
        touch-action: manipulation;
        -webkit-tap-highlight-color: transparent;
      }
      .tile:active {
        background: var(--bb-surface-2);
      }
      .tile:focus-visible {
        outline: 3px solid var(--bb-primary);
        outline-offset: 2px;
      }
      .tile .head {
        font-size: 17px;
        font-weight: 700;
        line-height: 1.25;
      }
      .tile .rest {
        font-size: 14px;
        line-height: 1.3;
        color: var(--bb-muted);
        display: -webkit-box;
        -webkit-line-clamp: 1;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .tile.other {
        justify-content: center;
        border-style: dashed;
        border-left-style: solid;
      }
      .chips {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
        margin-top: 4px;
      }
      .chip {
        display: inline-block;
        padding: 2px 10px;
        border-radius: 999px;
        background: var(--bb-surface-2);
        border: 1px solid var(--bb-border);
        font-size: 13px;
        font-weight: 600;
        color: var(--bb-muted);
      }
      .chosen {
        padding: 18px 20px;
        border-radius: 12px;
        border: 1.5px solid var(--bb-border);
        border-left: 8px solid var(--cause);
        background: var(--bb-surface-2);
      }
      .chosen-cause {
        display: flex;
        align-items: center;
        gap: 8px;
        font-weight: 700;
        color: var(--cause);
      }
      .chosen-text {
        margin: 8px 0 10px;
        font-size: 22px;
        line-height: 1.35;
      }
      .durations-head h3 {
        margin: 24px 0 2px;
        font-size: 22px;
      }
      .durations-head p {
        margin: 0 0 12px;
      }
      .durations {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
        gap: 12px;
      }
      .durations .btn {
        flex-direction: column;
        gap: 2px;
        min-height: 88px;
      }
      .durations .big {
        font-size: 24px;
        font-weight: 800;
      }
      .durations .hint {
        font-size: 13px;
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .other-form {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      textarea {
        font: inherit;
        font-size: 20px;
        padding: 12px 14px;
        border: 1.5px solid var(--bb-border);
        border-radius: 12px;
        resize: vertical;
        min-height: 96px;
      }
      textarea:focus {
        outline: 3px solid var(--bb-primary-soft);
        border-color: var(--bb-primary);
      }
      .under {
        display: flex;
        align-items: baseline;
        gap: 12px;
      }
      .hint {
        font-size: 15px;
        color: var(--bb-muted);
      }
      .count {
        margin-left: auto;
        font-size: 13px;
      }
      .error {
        margin: 0;
        padding: 10px 14px;
        border-radius: 10px;
        background: var(--bb-danger-soft);
        color: var(--bb-danger);
        font-weight: 600;
      }
      .choice-row {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 10px;
      }
      .choice-row .label {
        min-width: 90px;
      }
      @media (max-width: 900px) {
        .groups {
          columns: 2 260px;
        }
      }
    `,
  ];
}

/** "Guasto al computer: ci scusiamo, …" → a bold head and the rest, so a tile reads at a glance. */
function splitText(text: string): { head: string; rest: string } {
  const i = text.indexOf(':');
  if (i > 8 && i < 90) return { head: text.slice(0, i), rest: text.slice(i + 1).trim() };
  return { head: text, rest: '' };
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-preset-picker': BbPresetPicker;
  }
  interface HTMLElementEventMap {
    'bb-close': CustomEvent<void>;
    'bb-notice-posted': CustomEvent<void>;
  }
}
