import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BranchState, Notice } from '../../../core/client';
import { t, type Language } from '../../../ui/i18n/localize';
import { ActionController } from '../../lib/action-controller';
import type { BranchCommands } from '../../lib/api';
import { noticeUpdatedOutcome, outcomeContextFor } from '../../lib/outcomes';
import { buttonStyles, cardStyles } from '../../styles/shared';
import '../bb-duration-choices';
import { noticeFormStyles } from './notice-form.styles';
import { oneLanguageHint, writtenInSelect } from './one-language-hint';

export const TEXT_MAX = 280;

/**
 * "Update": a new expected end (one tap sends it) or a new text, in the language the teller says
 * they typed it in (the tablet's by default), so the lobby labels it truthfully.
 */
@customElement('bb-notice-update-form')
export class BbNoticeUpdateForm extends LitElement {
  static override styles = [buttonStyles, cardStyles, noticeFormStyles];

  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) notice: Notice | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';

  @state() private draftText = '';
  /** The language the text is typed in; null: the tablet's. */
  @state() private typedIn: string | null = null;

  private actions = new ActionController(this, () => this.language);

  private done(): void {
    this.dispatchEvent(new CustomEvent('bb-notice-done', { bubbles: true, composed: true }));
  }

  private async updateEnd(n: Notice, minutes: number | null): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const ctx = outcomeContextFor(this.state, this.counterId, this.language);
    const ok = await this.actions.run(
      `end-${minutes ?? 'unknown'}`,
      () => commands.updateNotice(n.id, { expectedInMinutes: minutes }),
      (reply) => noticeUpdatedOutcome(reply, ctx),
    );
    if (ok) this.done();
  }

  private async updateText(n: Notice): Promise<void> {
    const commands = this.commands;
    const text = this.draftText.trim();
    if (!commands || !text) return;
    const ctx = outcomeContextFor(this.state, this.counterId, this.language);
    const ok = await this.actions.run(
      'text',
      () => commands.updateNotice(n.id, { text: { [this.typedIn ?? this.language]: text } }),
      (reply) => noticeUpdatedOutcome(reply, ctx),
    );
    if (ok) this.done();
  }

  private busyMinutes(): number | null | undefined {
    const key = this.actions.busyKeys.find((k) => k.startsWith('end-'));
    if (key === undefined) return undefined;
    const m = key.slice('end-'.length);
    return m === 'unknown' ? null : Number(m);
  }

  override render() {
    const n = this.notice;
    if (!n) return nothing;
    const l = this.language;
    const branchLangs = this.state?.config?.languages ?? [];
    const typedIn = this.typedIn ?? l;
    return html`<div class="drawer">
      <div class="label">${t(l, 'tablet.notices.newEnd')}</div>
      <bb-duration-choices
        size="compact"
        .language=${l}
        .busy=${this.busyMinutes()}
        label=${t(l, 'tablet.notices.newEnd')}
        @bb-duration=${(e: CustomEvent<{ minutes: number | null }>) => this.updateEnd(n, e.detail.minutes)}
      ></bb-duration-choices>
      <label class="label" for="text">${t(l, 'tablet.notices.newText')}</label>
      <div class="text-row">
        <input
          id="text"
          data-testid="update-notice-text"
          maxlength=${TEXT_MAX}
          aria-describedby="hint"
          .value=${this.draftText}
          @input=${(e: Event) => (this.draftText = (e.target as HTMLInputElement).value)}
        />
        <button
          class="btn primary"
          data-testid="update-notice-save"
          ?disabled=${!this.draftText.trim()}
          aria-busy=${this.actions.busy('text') ? 'true' : 'false'}
          @click=${() => this.updateText(n)}
        >
          ${t(l, 'tablet.notices.saveText')}
        </button>
      </div>
      ${writtenInSelect('update-notice-lang', l, branchLangs, typedIn, (x) => (this.typedIn = x))}
      ${oneLanguageHint('hint', this.draftText, l, branchLangs, typedIn)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-update-form': BbNoticeUpdateForm;
  }
}
