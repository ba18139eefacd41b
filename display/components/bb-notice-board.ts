import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BranchConfig, Notice } from '../../core';
import { inline, langStyles, msgs, stacked } from '../lib/text';
import type { NoticeDensity } from './bb-notice-card';
import './bb-notice-card';

/** The notices column: what is happening in the branch, active ones first, then recently resolved. */
@customElement('bb-notice-board')
export class BbNoticeBoard extends LitElement {
  /** The notices to show, already filtered and ordered (core visibleNotices). */
  @property({ attribute: false }) notices: readonly Notice[] = [];
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property({ type: Number }) now = 0;

  static override styles = [
    langStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      h2 {
        margin: 0 0 1.2rem;
        font-size: 1.9rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      h2 .i0 {
        color: var(--bb-text);
      }
      .list {
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
        min-height: 0;
        overflow: hidden;
      }
      .calm {
        display: flex;
        align-items: center;
        gap: 1.6rem;
        padding: 2rem 2.2rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        font-size: 2.2rem;
        font-weight: 600;
      }
      .calm svg {
        flex: none;
        width: 3.6rem;
        height: 3.6rem;
        color: var(--bb-ok);
      }
      @media (max-width: 899px) {
        h2 {
          font-size: 1rem;
          margin-bottom: 0.6rem;
        }
        .list {
          gap: 0.6rem;
        }
        .calm {
          font-size: 1.05rem;
          padding: 1rem;
          gap: 0.8rem;
        }
        .calm svg {
          width: 1.8rem;
          height: 1.8rem;
        }
      }
    `,
  ];

  override render() {
    const langs = this.langs;
    const n = this.notices.length;
    const density: NoticeDensity = n <= 1 ? 'large' : n === 2 ? 'normal' : 'compact';
    return html`<h2>${inline(msgs(langs, 'notices'))}</h2>
      ${n === 0
        ? html`<div class="calm">
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.5 3.5 6.5-7" />
            </svg>
            <div>${stacked(msgs(langs, 'noNotices'))}</div>
          </div>`
        : html`<div class="list" role="list">
            ${repeat(
              this.notices,
              (x) => x.id,
              (x) => html`<bb-notice-card role="listitem" .notice=${x} .config=${this.config} .langs=${langs} .now=${this.now} density=${density}></bb-notice-card>`,
            )}
          </div>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-board': BbNoticeBoard;
  }
}
