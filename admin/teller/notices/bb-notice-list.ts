import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { visibleNotices, type BranchState } from '../../../core/client';
import { t, type Language } from '../../../ui/i18n/localize';
import type { BranchCommands } from '../../lib/api';
import { cardStyles } from '../../styles/shared';
import { noticeListStyles } from './bb-notice-list.styles';
import './bb-notice-item';
import type { NoticeDrawer, NoticeToggleDetail } from './bb-notice-item';

/**
 * The notices the screens show now (active, then the recently resolved), each a bb-notice-item
 * with the teller's two follow-ups. One follow-up drawer is open at a time, across the list.
 */
@customElement('bb-notice-list')
export class BbNoticeList extends LitElement {
  static override styles = [cardStyles, noticeListStyles];

  @property() language: Language = 'it';
  @property({ attribute: false }) state: BranchState | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;
  @property() counterId = '';
  /** Server time now, epoch ms. */
  @property({ type: Number }) now = 0;

  @state() private opened: { id: string; drawer: NoticeDrawer } | null = null;

  /** Closes any open drawer (e.g. when the "Report a problem" dialog opens over the list). */
  collapse(): void {
    this.opened = null;
  }

  private toggle(e: CustomEvent<NoticeToggleDetail>): void {
    const { id, drawer } = e.detail;
    this.opened = drawer && !(this.opened?.id === id && this.opened.drawer === drawer) ? { id, drawer } : null;
  }

  override render() {
    const l = this.language;
    const state = this.state;
    const config = state?.config;
    if (!state || !config) return nothing;
    const notices = visibleNotices(state.notices, this.now);
    if (notices.length === 0) return html`<p class="empty muted" data-testid="no-notices">${t(l, 'tablet.notices.none')}</p>`;
    return html`<ul @bb-notice-toggle=${this.toggle}>
      ${repeat(
        notices,
        (n) => n.id,
        (n) => html`<li>
          <bb-notice-item
            .language=${l}
            .state=${state}
            .notice=${n}
            .commands=${this.commands}
            .counterId=${this.counterId}
            .now=${this.now}
            .drawer=${this.opened?.id === n.id ? this.opened.drawer : null}
          ></bb-notice-item>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-list': BbNoticeList;
  }
}
