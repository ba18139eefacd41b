import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BranchConfig, Notice } from '../../core/client';
import { inline, langStyles, msgs, stacked, type LangText, staffTexts } from '../../ui/text/lang-text';
import { t } from '../../ui/i18n/localize';
import { wordsLanguage } from '../../ui/i18n/languages';
import type { BbNoticeCard, NoticeDensity } from '../../ui/notice/bb-notice-card';
import '../../ui/notice/bb-notice-card';
import { packIntoPages } from '../lib/pages';
import { noticeBoardStyles } from './bb-notice-board.styles';
import { pagerStyles } from '../../ui/theme/pager-styles';

/** How long each page of notices stays up when they do not all fit. */
const PAGE_MS = 12_000;
/** Roomiest first. */
const DENSITIES: readonly NoticeDensity[] = ['large', 'normal', 'compact'];

/**
 * The notices column: what is happening in the branch, active notices first, then what is
 * degraded now that no notice says, then recently resolved notices.
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
  /**
   * What is degraded now, in plain words from live data (counters open against the plan, the
   * promise missed), less what an active notice already says (display/lib/degraded.ts). Shown
   * beside the notices, never hidden by one: a notice about a printer must not let the column
   * suggest the printer is the only problem. While anything is, no green "No notices".
   */
  @property({ attribute: false }) degraded: readonly LangText[][] = [];

  /**
   * Pages as lists of notice ids, from measuring the cards; a notice too tall for the column even
   * at the compact size is in parts, "<id>#<k>", each on a page of its own (see `parts`).
   */
  @state() private pages: string[][] = [];
  /** The parts of each notice shown in parts: which pieces of its body each one shows. */
  @state() private parts: Record<string, (readonly [number, number])[]> = {};
  @state() private page = 0;
  /**
   * Steps down from the density the count of notices asks for, measured: a notice taller than
   * the column at that size is drawn smaller, so it always shows whole (its expected end last).
   */
  @state() private shrink = 0;
  /** The column's height when `shrink` was measured: a resize measures again from the top. */
  private shrunkFor = -1;

  private resizeObserver?: ResizeObserver;
  private timer?: ReturnType<typeof setInterval>;
  private firstId: string | undefined;
  private shownIds = '';

  static override styles = [langStyles, pagerStyles, noticeBoardStyles];

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
      const ids = this.notices.map((x) => x.id).join();
      if (ids !== this.shownIds) this.shrink = 0;
      this.shownIds = ids;
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
    // The degraded card, in the list with the notices, is packed with them as the first item.
    const degraded = list?.querySelector<HTMLElement>(':scope > .degraded') ?? null;
    let pages: string[][];
    const parts: Record<string, (readonly [number, number])[]> = {};
    if (!list || ids.length === 0 || matchMedia('(max-width: 899px)').matches) {
      pages = [degraded ? [...ids, DEGRADED] : ids];
    } else {
      const room = list.clientHeight;
      const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
      if (this.shrink > 0 && Math.abs(room - this.shrunkFor) > 1) {
        // The column changed size: try the roomier density again.
        this.shrunkFor = -1;
        this.shrink = 0;
        return;
      }
      const cardEls = [...list.querySelectorAll<BbNoticeCard>(':scope > bb-notice-card')];
      // Measured whole; each card shows its own part again before the frame is painted.
      for (const card of cardEls) card.showPart(null);
      try {
        const first = cardEls[0]?.offsetHeight ?? 0;
        if (
          DENSITIES.indexOf(this.density()) < DENSITIES.length - 1 &&
          (cardEls.some((c) => c.offsetHeight > room) || (degraded !== null && degraded.offsetHeight + gap + first > room))
        ) {
          // One notice alone does not fit at this size: a page of its own would still cut it. Or
          // the degraded card and the first notice do not fit together: smaller, both at once.
          this.shrunkFor = room;
          this.shrink++;
          return;
        }
        const items: { id: string; height: number }[] = [];
        // In the list's order: the degraded card between the active notices and the resolved ones.
        const active = this.notices.filter((x) => x.status === 'active').length;
        for (const [i, card] of cardEls.entries()) {
          if (degraded && i === active) items.push({ id: DEGRADED, height: degraded.offsetHeight });
          const id = card.dataset.id ?? '';
          const split = card.offsetHeight > room ? splitIntoParts(card, room) : [];
          if (split.length < 2) items.push({ id, height: card.offsetHeight });
          else {
            parts[id] = split.map((p) => p.range);
            split.forEach((p, k) => items.push({ id: `${id}#${k}`, height: p.height }));
          }
        }
        if (degraded && cardEls.length === active) items.push({ id: DEGRADED, height: degraded.offsetHeight });
        pages = packIntoPages(items, room, gap);
      } finally {
        for (const card of cardEls) card.showPart(card.piecesShown);
      }
    }
    if (JSON.stringify(pages) !== JSON.stringify(this.pages) || JSON.stringify(parts) !== JSON.stringify(this.parts)) {
      this.pages = pages;
      this.parts = parts;
      if (this.page >= pages.length) this.page = 0;
    }
  }

  private density(): NoticeDensity {
    const n = this.notices.length;
    const byCount = n <= 1 ? 0 : n === 2 ? 1 : 2;
    return DENSITIES[Math.min(DENSITIES.length - 1, byCount + this.shrink)]!;
  }

  /**
   * For screen readers (the phone view): the newest active notice, in the main language — its
   * cause and its text — so a new notice is announced as it appears, like a new call.
   */
  private announcement() {
    const lang = this.langs[0] ?? 'en';
    const newest = [...this.notices].filter((x) => x.status === 'active').sort((a, b) => b.startedAt - a.startedAt)[0];
    if (!newest) return '';
    // The fixed words in their language (English for pt), the staff's text in its own.
    const words = wordsLanguage(lang);
    const said = staffTexts(newest.text, [lang], this.config?.languages ?? [])[0];
    return html`${t(words, 'lobby.notices')}: ${t(words, `common.cause.${newest.cause}`)}.
    ${said ? html`<span lang=${said.lang} dir="auto">${said.text}</span>` : nothing}`;
  }

  /** The degraded card; `listed` beside notices (smaller, paged with them), `off` on another page. */
  private renderDegraded(listed: boolean, off = false) {
    const langs = this.langs;
    return html`<div
      class="degraded ${listed ? 'beside' : ''} ${off ? 'off' : ''}"
      data-testid="degraded"
      role=${listed ? 'listitem' : 'status'}
      aria-hidden=${off ? 'true' : 'false'}
    >
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M12 3.5l9.5 16.5h-19z" /><path d="M12 10v4.5M12 17.2v.1" />
      </svg>
      <div>
        <div class="degraded-title">${(listed ? inline : stacked)(msgs(langs, 'causes.reducedService'))}</div>
        ${this.degraded.map((line) => html`<div class="degraded-line">${inline(line)}</div>`)}
      </div>
    </div>`;
  }

  override render() {
    const langs = this.langs;
    const n = this.notices.length;
    // What is degraded now (counters against the plan, a promise missed), less what a notice
    // already says (display/lib/degraded.ts). With notices it is an item of the list, after the
    // active notices (which say why) and before the resolved ones, drawn smaller and paged with
    // them: when the column has no room for it beside a notice, each gets a page, none is cut.
    const degraded = this.degraded.length > 0;
    const density = this.density();
    const onPage = new Set(this.pages[this.page] ?? [DEGRADED, ...this.notices.map((x) => x.id)]);
    const card = (x: Notice) => html`<bb-notice-card
      role="listitem"
      class=${shown(x.id) ? '' : 'off'}
      aria-hidden=${shown(x.id) ? 'false' : 'true'}
      data-id=${x.id}
      data-part=${this.parts[x.id] ? `${(this.parts[x.id] ?? []).findIndex((_, i) => onPage.has(`${x.id}#${i}`)) + 1}/${this.parts[x.id]!.length}` : nothing}
      .piecesShown=${partOnPage(x.id)}
      .notice=${x}
      .config=${this.config}
      .langs=${langs}
      .now=${this.now}
      density=${density}
    ></bb-notice-card>`;
    // The part of a notice in parts that this page shows, if any.
    const partOnPage = (id: string): readonly [number, number] | null => {
      const k = (this.parts[id] ?? []).findIndex((_, i) => onPage.has(`${id}#${i}`));
      return k < 0 ? null : this.parts[id]![k]!;
    };
    const shown = (id: string) => onPage.has(id) || partOnPage(id) !== null;
    const pageCount = this.pages.length;
    return html`<div class="sr" aria-live="polite" data-testid="notice-announce" lang=${wordsLanguage(this.langs[0] ?? 'en')}>${this.announcement()}</div>
      <div class="title">
        <h2>${inline(msgs(langs, 'lobby.notices'))}</h2>
        ${pageCount > 1
          ? html`<div class="pager" aria-label="${this.page + 1} / ${pageCount}">
              ${this.pages.map((_, i) => html`<span class="dot ${i === this.page ? 'on' : ''}"></span>`)}
              <span>${this.page + 1}/${pageCount}</span>
            </div>`
          : nothing}
      </div>
      ${degraded && n === 0 ? this.renderDegraded(false) : nothing}
      ${n === 0 && this.degraded.length === 0
        ? html`<div class="calm" data-testid="no-notices">
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.5 3.5 6.5-7" />
            </svg>
            <div>${stacked(msgs(langs, 'lobby.noNotices'))}</div>
          </div>`
        : nothing}
      ${n === 0
        ? nothing
        : html`<div class="list" role="list">
            ${repeat(this.notices.filter((x) => x.status === 'active'), (x) => x.id, card)}
            ${degraded ? this.renderDegraded(true, !onPage.has(DEGRADED)) : nothing}
            ${repeat(this.notices.filter((x) => x.status !== 'active'), (x) => x.id, card)}
          </div>`}`;
  }
}

/** The degraded card's id among the pages' notice ids. */
const DEGRADED = 'degraded';

/**
 * A card too tall for `room` even at the compact size, in parts that each fit: every part keeps
 * the card's head and expected end and shows as many of its pieces (a language's line of the
 * text, the apology, …) as fit, in order. Measured by showing each part in turn. A single piece
 * taller than the room still gets a part of its own (a text is at most 280 characters: at 28 px
 * it is far shorter than the column's least height).
 */
function splitIntoParts(card: BbNoticeCard, room: number): { range: readonly [number, number]; height: number }[] {
  const n = card.pieces().length;
  const out: { range: readonly [number, number]; height: number }[] = [];
  for (let from = 0; from < n; ) {
    let to = from + 1;
    card.showPart([from, to]);
    let height = card.offsetHeight;
    while (to < n) {
      card.showPart([from, to + 1]);
      if (card.offsetHeight > room) break;
      height = card.offsetHeight;
      to++;
    }
    out.push({ range: [from, to], height });
    from = to;
  }
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-board': BbNoticeBoard;
  }
}
