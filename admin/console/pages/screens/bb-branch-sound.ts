import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BranchConfig } from '../../../../core/client';
import { apiContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { formStyles } from '../settings/form.styles';
import { soundFormStyles, soundSaveButton, soundSaveOutcome } from './sound-form';

const DEFAULT_VOLUME = 0.8;

/**
 * The branch's sound, for every lobby screen that has no setting of its own: chime and spoken
 * calls on or off, and the volume (`BranchConfig.display`; the rest of it — rotation, wording —
 * is kept as it is).
 */
@customElement('bb-branch-sound')
export class BbBranchSound extends LitElement {
  static override styles = [formStyles, soundFormStyles];

  @consume({ context: apiContext }) private api!: ConsoleApi;
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property() branch = '';
  @property() ui: ConsoleLang = 'it';

  @state() private draft: { chime: boolean; voice: boolean; volume: number } | null = null;
  private readonly save = new SaveController(this, () => this.ui);

  private get values() {
    const d = this.config?.display;
    return this.draft ?? { chime: d?.chime ?? true, voice: d?.voice ?? true, volume: d?.volume ?? DEFAULT_VOLUME };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const display = { ...(this.config?.display ?? {}), ...this.values };
    if (await this.save.run(() => this.api.updateBranch(this.branch, { display }))) this.draft = null;
  }

  override render() {
    const u = this.ui;
    const v = this.values;
    const set = (patch: Partial<typeof v>) => (this.draft = { ...v, ...patch });
    return html`<form @submit=${this.submit} novalidate data-testid="branch-sound">
      <p class="hint">${ct(u, 'screens.branchSoundHint')}</p>
      <div class="grid four">
        <label class="check"
          ><input type="checkbox" data-testid="branch-chime" .checked=${v.chime} @change=${(e: Event) => set({ chime: (e.target as HTMLInputElement).checked })} />${ct(u, 'screens.chime')}</label
        >
        <label class="check"
          ><input type="checkbox" data-testid="branch-voice" .checked=${v.voice} @change=${(e: Event) => set({ voice: (e.target as HTMLInputElement).checked })} />${ct(u, 'screens.voice')}</label
        >
        <label class="field"
          ><span>${ct(u, 'screens.volume')}</span>
          <span class="volume"
            ><input
              type="range"
              min="0"
              max="100"
              step="5"
              data-testid="branch-volume"
              .value=${String(Math.round(v.volume * 100))}
              @input=${(e: Event) => set({ volume: Number((e.target as HTMLInputElement).value) / 100 })}
            /><span>${Math.round(v.volume * 100)} %</span></span
          ></label
        >
        ${soundSaveButton(this.save, u, 'branch-sound-save')}
      </div>
      ${soundSaveOutcome(this.save, 'branch-sound-saved', ct(u, 'common.saved'))}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-branch-sound': BbBranchSound;
  }
}
