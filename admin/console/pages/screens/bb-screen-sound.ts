import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScreenSound, ScreenStatus } from '../../../../core/client';
import { apiContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { formStyles } from '../settings/form.styles';
import { soundFormStyles, soundSaveButton, soundSaveOutcome } from './sound-form';

type Choice = 'branch' | 'on' | 'off';
const choiceOf = (v: boolean | null | undefined): Choice => (v === true ? 'on' : v === false ? 'off' : 'branch');
const valueOf = (c: Choice): boolean | null => (c === 'on' ? true : c === 'off' ? false : null);

/**
 * A lobby screen's sound, on its card: whether it works — what the screen itself last said over
 * its socket (played, and when; on but nothing played yet; blocked by the browser; off) — and its
 * own chime, spoken calls and volume, each "as the branch" until set. Saving pushes them to the
 * screen at once.
 */
@customElement('bb-screen-sound')
export class BbScreenSound extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      .works {
        display: flex;
        align-items: center;
        gap: 10px;
        margin: 0 0 12px;
      }
      form {
        gap: 12px;
      }
    `,
    soundFormStyles,
  ];

  @consume({ context: apiContext }) private api!: ConsoleApi;
  @property({ attribute: false }) screen!: ScreenStatus;
  @property() branch = '';
  @property() ui: ConsoleLang = 'it';
  @property({ type: Number }) now = Date.now();

  /** The form's values while editing (null: as the screen has them). */
  @state() private draft: ScreenSound | null = null;
  private readonly save = new SaveController(this, () => this.ui);

  private get values(): ScreenSound {
    return this.draft ?? this.screen.sound ?? {};
  }

  private set(patch: ScreenSound): void {
    this.draft = { chime: this.values.chime ?? null, voice: this.values.voice ?? null, volume: this.values.volume ?? null, ...patch };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const sound = { chime: this.values.chime ?? null, voice: this.values.voice ?? null, volume: this.values.volume ?? null };
    const after = await this.save.run(() => this.api.setScreenSound(this.branch, this.screen.id, sound));
    if (after) {
      this.draft = null;
      this.dispatchEvent(new CustomEvent<ScreenStatus>('bb-screen-updated', { detail: after, bubbles: true, composed: true }));
    }
  }

  /** What the screen said of its sound, in words, with a pill of its colour. */
  private renderWorks() {
    const u = this.ui;
    const r = this.screen.soundReport;
    const [tone, words] = !r
      ? ['', ct(u, 'screens.soundUnknown')]
      : r.state === 'played'
        ? ['ok', ct(u, 'screens.soundPlayed', { ago: this.ago(r.playedAt ?? r.at) })]
        : r.state === 'ready'
          ? ['ok', ct(u, 'screens.soundReady')]
          : r.state === 'blocked'
            ? ['danger', ct(u, 'screens.soundBlocked')]
            : ['', ct(u, 'screens.soundOff')];
    return html`<p class="works" data-testid="screen-sound" data-state=${r?.state ?? 'unknown'}>
      <span class="pill ${tone}">${ct(u, 'screens.sound')}</span><span>${words}</span>
    </p>`;
  }

  private ago(at: number): string {
    const s = Math.max(0, Math.round((this.now - at) / 1000));
    if (s < 60) return ct(this.ui, 'screens.secondsAgo', { n: s });
    const m = Math.round(s / 60);
    if (m < 120) return ct(this.ui, 'screens.minutesAgo', { n: m });
    return new Intl.DateTimeFormat(this.ui, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  }

  override render() {
    const u = this.ui;
    const v = this.values;
    const choice = (name: 'chime' | 'voice', label: string) => html`<label class="field">
      <span>${label}</span>
      <select data-testid=${`sound-${name}`} @change=${(e: Event) => this.set({ [name]: valueOf((e.target as HTMLSelectElement).value as Choice) })}>
        ${(['branch', 'on', 'off'] as const).map(
          (c) => html`<option value=${c} ?selected=${choiceOf(v[name]) === c}>${ct(u, c === 'branch' ? 'screens.asBranch' : c === 'on' ? 'screens.soundOn' : 'screens.soundOff')}</option>`,
        )}
      </select>
    </label>`;
    const followsVolume = v.volume === null || v.volume === undefined;
    return html`${this.renderWorks()}
      <form @submit=${this.submit} novalidate data-testid="sound-form">
        <div class="grid four">
          ${choice('chime', ct(u, 'screens.chime'))} ${choice('voice', ct(u, 'screens.voice'))}
          <div class="field">
            <span id="vol-${this.screen.id}">${ct(u, 'screens.volume')}</span>
            <label class="check"
              ><input type="checkbox" data-testid="sound-volume-branch" .checked=${followsVolume} @change=${(e: Event) => this.set({ volume: (e.target as HTMLInputElement).checked ? null : 0.8 })} />${ct(
                u,
                'screens.asBranch',
              )}</label
            >
            ${followsVolume
              ? nothing
              : html`<div class="volume">
                  <input
                    type="range"
                    min="0"
                    max="100"
                    step="5"
                    data-testid="sound-volume"
                    aria-labelledby="vol-${this.screen.id}"
                    .value=${String(Math.round((v.volume ?? 0.8) * 100))}
                    @input=${(e: Event) => this.set({ volume: Number((e.target as HTMLInputElement).value) / 100 })}
                  /><span>${Math.round((v.volume ?? 0.8) * 100)} %</span>
                </div>`}
          </div>
          ${soundSaveButton(this.save, u, 'sound-save')}
        </div>
        ${soundSaveOutcome(this.save, 'sound-saved', ct(u, 'screens.soundSaved'))}
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-screen-sound': BbScreenSound;
  }
  interface HTMLElementEventMap {
    'bb-screen-updated': CustomEvent<ScreenStatus>;
  }
}
