import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { apologyDefault, type BranchState, type Notice } from '../../../core/client';
import { t, type Language } from '../../../ui/i18n/localize';
import { ActionController } from '../../lib/action-controller';
import type { BranchCommands } from '../../lib/api';
import { noticeResolvedOutcome, outcomeContextFor } from '../../lib/outcomes';
import { buttonStyles, cardStyles } from '../../styles/shared';
import { TEXT_MAX } from './bb-notice-update-form';
import { noticeFormStyles } from './notice-form.styles';
import { oneLanguageHint, writtenInSelect } from './one-language-hint';

/** "Resolved": an optional closing message, whether to apologise (the notice's own choice first), and confirm. */
@customElement('bb-notice-resolve-form')
export class BbNoticeResolveForm extends LitElement {
  static override styles = [buttonStyles, cardStyles, noticeFormStyles];

  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) notice: Notice | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';

  @state() private draftText = '';
  /** What the branch will do so it does not happen again: admit, fix, prevent. */
  @state() private draftPrevention = '';
  @state() private apologise = false;
  /** The language the closing message and the prevention are typed in; null: the tablet's. */
  @state() private typedIn: string | null = null;

  private actions = new ActionController(this, () => this.language);

  override willUpdate(changed: PropertyValues<this>): void {
    // A new notice starts from its own choice of apology.
    // Offered when the branch let people down (its fault, or the promise missed); not for a wait within the promise.
    if (changed.has('notice') && changed.get('notice')?.id !== this.notice?.id) {
      const n = this.notice;
      this.apologise = n ? (this.state ? apologyDefault(this.state, n, Math.max(Date.now(), this.state.at)) : n.apologise) : false;
    }
  }

  private async resolve(n: Notice): Promise<void> {
    const commands = this.commands;
    if (!commands) return;
    const text = this.draftText.trim();
    const prevention = this.draftPrevention.trim();
    const ctx = outcomeContextFor(this.state, this.counterId, this.language);
    const lang = this.typedIn ?? this.language;
    const ok = await this.actions.run(
      'resolve',
      () =>
        commands.resolveNotice(n.id, {
          apologise: this.apologise,
          ...(text ? { text: { [lang]: text } } : {}),
          ...(prevention ? { prevention: { [lang]: prevention } } : {}),
        }),
      (reply) => noticeResolvedOutcome(reply, ctx),
    );
    if (ok) this.dispatchEvent(new CustomEvent('bb-notice-done', { bubbles: true, composed: true }));
  }

  override render() {
    const n = this.notice;
    if (!n) return nothing;
    const l = this.language;
    const branchLangs = this.state?.config?.languages ?? [];
    const typedIn = this.typedIn ?? l;
    return html`<div class="drawer">
      <label class="label" for="resolve">${t(l, 'tablet.notices.resolveText')}</label>
      <input
        id="resolve"
        data-testid="resolve-text"
        maxlength=${TEXT_MAX}
        placeholder=${t(l, 'tablet.notices.resolvePlaceholder')}
        aria-describedby="hint"
        .value=${this.draftText}
        @input=${(e: Event) => (this.draftText = (e.target as HTMLInputElement).value)}
      />
      ${oneLanguageHint('hint', this.draftText || this.draftPrevention, l, branchLangs, typedIn)}
      <label class="label" for="prevention">${t(l, 'causes.preventionLabel')}</label>
      <input
        id="prevention"
        data-testid="resolve-prevention"
        maxlength=${TEXT_MAX}
        placeholder=${t(l, 'causes.preventionPlaceholder')}
        .value=${this.draftPrevention}
        @input=${(e: Event) => (this.draftPrevention = (e.target as HTMLInputElement).value)}
      />
      ${writtenInSelect('resolve-lang', l, branchLangs, typedIn, (x) => (this.typedIn = x))}
      <div class="resolve-row">
        <button
          class="btn toggle ${this.apologise ? 'selected' : ''}"
          data-testid="resolve-apologise"
          role="switch"
          aria-checked=${this.apologise ? 'true' : 'false'}
          @click=${() => (this.apologise = !this.apologise)}
        >
          <span class="box" aria-hidden="true">${this.apologise ? '✓' : ''}</span>${t(l, 'tablet.notices.apologise')}
        </button>
        <button
          class="btn primary"
          data-testid="confirm-resolve"
          aria-busy=${this.actions.busy('resolve') ? 'true' : 'false'}
          @click=${() => this.resolve(n)}
        >
          ✓ ${t(l, 'tablet.notices.confirmResolve')}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-resolve-form': BbNoticeResolveForm;
  }
}
