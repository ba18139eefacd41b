import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type BranchConfig, type BranchState, type Preset } from '../../../core/client';
// The form checks what it sends with the server's own schema.
import { PostNoticeBody } from '../../../core/commands';
import '../../../ui/dialog/bb-dialog';
import type { BbDialog } from '../../../ui/dialog/bb-dialog';
import { t, type Language } from '../../../ui/i18n/localize';
import { ActionController } from '../../lib/action-controller';
import type { BranchCommands } from '../../lib/api';
import { noticePostedOutcome, outcomeContextFor } from '../../lib/outcomes';
import { buttonStyles } from '../../styles/shared';
import '../bb-duration-choices';
import './bb-chosen-preset';
import './bb-other-notice-form';
import type { BbOtherNoticeForm } from './bb-other-notice-form';
import './bb-preset-grid';
import { presetPickerStyles } from './bb-preset-picker.styles';

type Step = { kind: 'presets' } | { kind: 'duration'; preset: Preset } | { kind: 'other' };

/**
 * "Report a problem" in two taps, as a wizard in a dialog: the branch's presets by cause
 * (bb-preset-grid), then how long it will last (bb-duration-choices: the tap posts). "Other"
 * takes a short free text instead (bb-other-notice-form). Closing comes from the dialog
 * (`bb-close`, which the owner answers by setting `open = false`).
 */
@customElement('bb-preset-picker')
export class BbPresetPicker extends LitElement {
  static override styles = [buttonStyles, presetPickerStyles];

  @property() language: Language = 'it';
  @property({ attribute: false }) config: BranchConfig | null = null;
  /** The live state, to word what a post did to the counter (a notice that closes it pauses it). */
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  /** The teller's counter: the scope of counter presets. */
  @property() counterId = '';
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private step: Step = { kind: 'presets' };
  @state() private otherError: string | null = null;

  @query('bb-dialog') private dialog?: BbDialog;
  @query('bb-other-notice-form') private otherForm?: BbOtherNoticeForm;

  private actions = new ActionController(this, () => this.language);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.step = { kind: 'presets' };
      this.otherError = null;
    }
  }

  override updated(changed: PropertyValues): void {
    // A new step's controls render in their own elements: focus once they are there.
    if (this.open && (changed.has('open') || changed.has('step'))) requestAnimationFrame(() => this.dialog?.focusFirst());
  }

  private async post(body: PostNoticeBody, key: string): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const ctx = outcomeContextFor(this.state, this.counterId, this.language);
    const ok = await this.actions.run(key, () => commands.postNotice(body), (reply) => noticePostedOutcome(reply, ctx));
    if (ok) {
      this.dispatchEvent(new CustomEvent('bb-notice-posted', { bubbles: true, composed: true }));
      this.dispatchEvent(new CustomEvent('bb-close', { bubbles: true, composed: true }));
    }
  }

  private postPreset(preset: Preset, minutes: number | null): void {
    void this.post(
      { presetId: preset.id, ...(preset.scope === 'counter' ? { counterId: this.counterId } : {}), expectedInMinutes: minutes },
      `expected-${minutes ?? 'unknown'}`,
    );
  }

  private postOther(minutes: number | null): void {
    const draft = this.otherForm?.draft;
    if (!draft?.text) {
      this.otherError = t(this.language, 'tablet.presets.otherNeedsText');
      return;
    }
    const body = {
      cause: 'other' as const,
      effect: draft.effect,
      text: { [this.language]: draft.text },
      scope: draft.scope === 'counter' ? { type: 'counters' as const, ids: [this.counterId] } : { type: 'branch' as const },
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

  /** Which duration is being posted (keys are `expected-<minutes|unknown>`), for the buttons' busy state. */
  private busyMinutes(): number | null | undefined {
    const key = this.actions.busyKeys.find((k) => k.startsWith('expected-'));
    if (key === undefined) return undefined;
    const m = key.slice('expected-'.length);
    return m === 'unknown' ? null : Number(m);
  }

  override render() {
    const config = this.config;
    if (!config) return nothing;
    const l = this.language;
    const step = this.step;
    return html`<bb-dialog
      ?open=${this.open}
      label=${step.kind === 'other' ? t(l, 'tablet.presets.otherTitle') : t(l, 'tablet.presets.title')}
      close-label=${t(l, 'tablet.presets.close')}
    >
      ${step.kind !== 'presets'
        ? html`<button slot="header-start" class="btn ghost back" data-testid="preset-back" @click=${() => (this.step = { kind: 'presets' })}>
            ‹ ${t(l, 'tablet.presets.back')}
          </button>`
        : nothing}
      ${step.kind === 'presets' ? html`<p slot="subtitle" class="subtitle">${t(l, 'tablet.presets.subtitle')}</p>` : nothing}
      ${step.kind === 'presets'
        ? html`<bb-preset-grid
            .language=${l}
            .config=${config}
            @bb-pick-preset=${(e: CustomEvent<Preset>) => (this.step = { kind: 'duration', preset: e.detail })}
            @bb-pick-other=${() => (this.step = { kind: 'other' })}
          ></bb-preset-grid>`
        : step.kind === 'duration'
          ? html`<bb-chosen-preset .language=${l} .config=${config} .preset=${step.preset}></bb-chosen-preset>
              ${this.renderDurations(step.preset.defaultMinutes, true, (m) => this.postPreset(step.preset, m))}`
          : html`<bb-other-notice-form
                .language=${l}
                .languages=${config.languages}
                .error=${this.otherError}
                @bb-other-input=${() => (this.otherError = null)}
              ></bb-other-notice-form>
              ${this.renderDurations(null, false, (m) => this.postOther(m))}`}
    </bb-dialog>`;
  }

  private renderDurations(suggested: number | null, markUnknown: boolean, send: (m: number | null) => void) {
    const l = this.language;
    return html`<div class="durations-head">
        <h3>${t(l, 'tablet.presets.howLong')}</h3>
        <p>${t(l, 'tablet.presets.howLongHint')}</p>
      </div>
      <bb-duration-choices
        .language=${l}
        .suggested=${suggested}
        ?mark-unknown=${markUnknown}
        .busy=${this.busyMinutes()}
        label=${t(l, 'tablet.presets.howLong')}
        @bb-duration=${(e: CustomEvent<{ minutes: number | null }>) => send(e.detail.minutes)}
      ></bb-duration-choices>`;
  }
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
