import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, noticePhase, type BranchState, type Notice } from '../../../core/client';
import { causeColor } from '../../../ui/cause/cause-colors';
import { causeLabel, effectLabel } from '../../../ui/cause/cause-presentation';
import { t, type Language } from '../../../ui/i18n/localize';
import { causeIcon } from '../../../ui/icons/cause-icons';
import type { BranchCommands } from '../../lib/api';
import { scopeWords } from '../../../ui/text/scope-words';
import { local } from '../../lib/teller-model';
import { buttonStyles, cardStyles } from '../../styles/shared';
import { noticeItemStyles } from './bb-notice-item.styles';
import { languageName } from '../../../ui/i18n/languages';
import './bb-notice-update-form';
import './bb-notice-resolve-form';

export type NoticeDrawer = 'update' | 'resolve';

export interface NoticeToggleDetail {
  id: string;
  /** The drawer asked for; null to close (after its command succeeded). */
  drawer: NoticeDrawer | null;
}

/**
 * One notice as the teller sees it — cause, effect, text, where, since when, expected end — with
 * "Update" and "Resolved", each opening its drawer beneath (bb-notice-update-form,
 * bb-notice-resolve-form). Which drawer is open is the list's: this fires `bb-notice-toggle`.
 */
@customElement('bb-notice-item')
export class BbNoticeItem extends LitElement {
  static override styles = [buttonStyles, cardStyles, noticeItemStyles];

  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) notice: Notice | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';
  @property({ type: Number }) now = 0;
  @property({ attribute: false }) drawer: NoticeDrawer | null = null;

  private toggle(drawer: NoticeDrawer | null): void {
    const id = this.notice?.id;
    if (id) this.dispatchEvent(new CustomEvent<NoticeToggleDetail>('bb-notice-toggle', { detail: { id, drawer }, bubbles: true, composed: true }));
  }

  /** The latest typed update (kept beside the text, in the language it was typed in): the teller sees what the lobby shows. */
  private renderNote(note: Record<string, string>) {
    const l = this.language;
    const lang = note[l] !== undefined ? l : Object.keys(note)[0];
    if (!lang) return nothing;
    return html`<p class="text note" data-testid="notice-note" lang=${lang}>
      <span class="note-label">${t(l, 'tablet.notices.noteLabel', { language: languageName(lang, l) })}</span> ${note[lang]}
    </p>`;
  }

  override render() {
    const n = this.notice;
    const config = this.state?.config;
    if (!n || !config) return nothing;
    const l = this.language;
    const clock = (at: number) => clockTime(at, config.timezone, l);
    const phase = noticePhase(n, this.now);
    const resolved = phase === 'resolved';
    const drawer = this.drawer;
    return html`<div
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
      ${n.note && !resolved ? this.renderNote(n.note) : nothing}
      <div class="meta">
        <span>${scopeWords(n.scope, config, l, this.counterId)}</span>
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
                class="btn ${drawer === 'update' ? 'selected' : ''}"
                data-testid="update-notice"
                aria-expanded=${drawer === 'update' ? 'true' : 'false'}
                @click=${() => this.toggle('update')}
              >
                ${t(l, 'tablet.notices.update')}
              </button>
              <button
                class="btn ok ${drawer === 'resolve' ? 'selected' : ''}"
                data-testid="resolve-notice"
                aria-expanded=${drawer === 'resolve' ? 'true' : 'false'}
                @click=${() => this.toggle('resolve')}
              >
                ✓ ${t(l, 'tablet.notices.resolve')}
              </button>
            </div>
            ${drawer === 'update'
              ? html`<bb-notice-update-form
                  .language=${l}
                  .state=${this.state}
                  .notice=${n}
                  .commands=${this.commands}
                  .counterId=${this.counterId}
                  @bb-notice-done=${() => this.toggle(null)}
                ></bb-notice-update-form>`
              : nothing}
            ${drawer === 'resolve'
              ? html`<bb-notice-resolve-form
                  .language=${l}
                  .state=${this.state}
                  .notice=${n}
                  .commands=${this.commands}
                  .counterId=${this.counterId}
                  @bb-notice-done=${() => this.toggle(null)}
                ></bb-notice-resolve-form>`
              : nothing}`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-item': BbNoticeItem;
  }
  interface HTMLElementEventMap {
    'bb-notice-toggle': CustomEvent<NoticeToggleDetail>;
    'bb-notice-done': CustomEvent<void>;
  }
}
