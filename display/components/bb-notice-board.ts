import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BranchConfig, Notice } from '../../core';
import { inline, langStyles, msgs, stacked } from '../../ui/text/lang-text';
import type { BbNoticeCard, NoticeDensity } from './bb-notice-card';
import './bb-notice-card';

/** How long each page of notices stays up when they do not all fit. */
const PAGE_MS = 12_000;

/**
 * The notices column: what is happening in the branch, active ones first, then recently resolved.
 * When the notices do not all fit, they are shown a page at a time, turning every few seconds,
 * with a page indicator: no notice is ever cut in half or silently left out. A new notice brings
 * the first page back at once.
 */
@customElement('bb-notice-board')
export class BbNoticeBoard extends LitElement {
  /** The notices to show, already filtered and ordered (core visibleNotices). */
  @property({ attribute: false }) notices: readonly Notice[] = [];
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property({ type: Number }) now = 0;

  /** Pages as lists of notice ids, from measuring the cards. */
  @state() private pages: string[][] = [];
  @state() private page = 0;

  private resizeObserver?: ResizeObserver;
  private timer?: ReturnType<typeof setInterval>;
  private firstId: string | undefined;

  static override styles = [
    langStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .title {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        margin: 0 0 1.2rem;
      }
      h2 {
        margin: 0;
        font-size: 1.9rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      h2 .i0 {
        color: var(--bb-text);
      }
      .pager {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-size: 1.5rem;
        font-weight: 700;
        color: var(--bb-text-2);
        font-variant-numeric: tabular-nums;
      }
      .dot {
        width: 0.9rem;
        height: 0.9rem;
        border-radius: 50%;
        border: 0.15rem solid var(--bb-text-2);
      }
      .dot.on {
        background: var(--bb-text);
        border-color: var(--bb-text);
      }
      .list {
        position: relative;
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
        min-height: 0;
        overflow: hidden;
      }
      /* Cards on another page keep their size (so they can be measured) but take no room and stay hidden. */
      .list > .off {
        position: absolute;
        top: 0;
        left: 0;
        right: 0;
        visibility: hidden;
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
        .title {
          margin-bottom: 0.6rem;
        }
        h2 {
          font-size: 1rem;
        }
        .pager {
          display: none;
        }
        .list {
          gap: 0.6rem;
          overflow: visible;
        }
        .list > .off {
          position: static;
          visibility: visible;
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      if (this.pages.length > 1) this.page = (this.page + 1) % this.pages.length;
    }, PAGE_MS);
    this.resizeObserver = new ResizeObserver(() => void this.paginate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('notices')) {
      const first = this.notices[0]?.id;
      if (first !== this.firstId) this.page = 0;
      this.firstId = first;
    }
  }

  protected override updated(): void {
    const list = this.renderRoot.querySelector('.list');
    if (list && this.resizeObserver) this.resizeObserver.observe(list);
    void this.paginate();
  }

  /** Packs the cards, in order, into pages that fit the column (once the cards have rendered). */
  private async paginate(): Promise<void> {
    const cards = [...this.renderRoot.querySelectorAll<BbNoticeCard>('.list > bb-notice-card')];
    await Promise.all(cards.map((c) => c.updateComplete));
    if (!this.isConnected) return;
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    const ids = this.notices.map((n) => n.id);
    let pages: string[][];
    if (!list || ids.length === 0 || matchMedia('(max-width: 899px)').matches) {
      pages = [ids];
    } else {
      const room = list.clientHeight;
      const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
      pages = [];
      let current: string[] = [];
      let used = 0;
      for (const card of list.querySelectorAll<HTMLElement>(':scope > bb-notice-card')) {
        const id = card.dataset.id ?? '';
        const h = card.offsetHeight;
        const need = current.length ? used + gap + h : h;
        if (current.length && need > room) {
          pages.push(current);
          current = [id];
          used = h;
        } else {
          current.push(id);
          used = need;
        }
      }
      if (current.length) pages.push(current);
    }
    if (JSON.stringify(pages) !== JSON.stringify(this.pages)) {
      this.pages = pages;
      if (this.page >= pages.length) this.page = 0;
    }
  }

  private density(): NoticeDensity {
    const n = this.notices.length;
    return n <= 1 ? 'large' : n === 2 ? 'normal' : 'compact';
  }

  override render() {
    const langs = this.langs;
    const n = this.notices.length;
    const density = this.density();
    const onPage = new Set(this.pages[this.page] ?? this.notices.map((x) => x.id));
    const pageCount = this.pages.length;
    return html`<div class="title">
        <h2>${inline(msgs(langs, 'lobby.notices'))}</h2>
        ${pageCount > 1
          ? html`<div class="pager" aria-label="${this.page + 1} / ${pageCount}">
              ${this.pages.map((_, i) => html`<span class="dot ${i === this.page ? 'on' : ''}"></span>`)}
              <span>${this.page + 1}/${pageCount}</span>
            </div>`
          : nothing}
      </div>
      ${n === 0
        ? html`<div class="calm">
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.5 3.5 6.5-7" />
            </svg>
            <div>${stacked(msgs(langs, 'lobby.noNotices'))}</div>
          </div>`
        : html`<div class="list" role="list">
            ${repeat(
              this.notices,
              (x) => x.id,
              (x) => html`<bb-notice-card
                role="listitem"
                class=${onPage.has(x.id) ? '' : 'off'}
                aria-hidden=${onPage.has(x.id) ? 'false' : 'true'}
                data-id=${x.id}
                .notice=${x}
                .config=${this.config}
                .langs=${langs}
                .now=${this.now}
                density=${density}
              ></bb-notice-card>`,
            )}
          </div>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-board': BbNoticeBoard;
  }
}
