import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CounterState, Notice } from '../../core';
import { t } from '../../ui/i18n/localize';
import { whenArgs } from '../../ui/time/when';
import { causeIcon } from '../../ui/icons/cause-icons';
import { inline, langStyles, msgs, stacked, type LangText } from '../../ui/text/lang-text';

/** One counter: its name, whether it is open, paused (and until when) or closed, and whom it serves. */
@customElement('bb-counter-tile')
export class BbCounterTile extends LitElement {
  @property({ attribute: false }) counter: CounterState | null = null;
  /** The counter's name in the screen's languages. */
  @property({ attribute: false }) names: readonly LangText[] = [];
  /** Number of the ticket at this counter, if any. */
  @property() ticket: string | null = null;
  /** Active notices that name this counter. */
  @property({ attribute: false }) notices: readonly Notice[] = [];
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property() timezone = 'UTC';
  /** Server time now, to tell a "back at" still ahead from one already gone. */
  @property({ attribute: false }) now = 0;

  static override styles = [
    langStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        container-type: inline-size;
      }
      .tile {
        --accent: var(--bb-off);
        height: 100%;
        box-sizing: border-box;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas:
          'name main'
          'status status'
          'back back'
          'notice notice';
        align-content: start;
        gap: 0 1rem;
        padding: 0.8rem 1.2rem 0.9rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        border-top: 0.45rem solid var(--accent);
      }
      .tile[data-status='open'] {
        --accent: var(--bb-ok);
      }
      .tile[data-status='paused'] {
        --accent: var(--bb-warn);
      }
      .tile[data-status='closed'] {
        background: transparent;
        box-shadow: inset 0 0 0 0.12rem var(--bb-line);
      }
      .name {
        grid-area: name;
        font-size: 1.7rem;
        font-weight: 800;
        line-height: 1.1;
        min-width: 0;
        overflow-wrap: break-word;
      }
      .name .l1 {
        font-size: 0.68em;
        margin-top: 0.1em;
      }
      .status {
        grid-area: status;
        margin-top: 0.35rem;
        display: flex;
        align-items: center;
        gap: 0.45em;
        font-size: 1.35rem;
        font-weight: 700;
        color: var(--accent);
      }
      .status svg {
        flex: none;
        width: 1.2em;
        height: 1.2em;
      }
      .status .i1,
      .status .sep {
        color: inherit;
        opacity: 0.85;
      }
      .main {
        grid-area: main;
        font-size: 2.8rem;
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        color: var(--bb-call);
      }
      /* When a paused counter is back: its own line under the status, the full width of the tile,
         so a long one ("In ritardo sul previsto (15:48)", a day before the time) wraps there and
         never crowds the counter's name. */
      .back {
        grid-area: back;
        margin-top: 0.3rem;
        font-size: 1.3rem;
        font-weight: 700;
        line-height: 1.2;
        color: var(--bb-text);
        font-variant-numeric: tabular-nums;
        min-width: 0;
      }
      .back[data-late='true'] {
        color: var(--bb-late);
      }
      .back .l1 {
        margin-top: 0.1em;
        font-size: 0.85em;
        font-weight: 600;
        color: inherit;
        opacity: 0.8;
      }
      .notice {
        grid-area: notice;
        margin-top: 0.35rem;
        display: flex;
        align-items: center;
        gap: 0.45em;
        font-size: 1.2rem;
        font-weight: 700;
        color: var(--bb-warn);
        min-width: 0;
      }
      .notice svg {
        flex: none;
        width: 1.3em;
        height: 1.3em;
      }
      /* A narrow tile (many counters in a row): the name across the top, the ticket beside the status. */
      @container (max-width: 21rem) {
        .tile {
          grid-template-areas:
            'name name'
            'status main'
            'back back'
            'notice notice';
          padding: 0.7rem 1rem 0.8rem;
        }
        .name {
          font-size: 1.5rem;
        }
        .main {
          font-size: 2.4rem;
          align-self: end;
        }
        .status {
          font-size: 1.2rem;
          align-items: flex-start;
        }
        .status .sep {
          display: none;
        }
        .status .i1 {
          display: block;
          font-size: 0.85em;
        }
      }
      @media (max-width: 899px) {
        .tile {
          padding: 0.6rem 0.8rem 0.7rem;
          column-gap: 0.6rem;
          border-top-width: 0.3rem;
        }
        .name {
          font-size: 1.05rem;
        }
        .status {
          font-size: 0.9rem;
        }
        .main {
          font-size: 1.5rem;
        }
        .back {
          font-size: 0.9rem;
        }

        .notice {
          font-size: 0.85rem;
        }
      }
    `,
  ];

  override render() {
    const c = this.counter;
    if (!c) return nothing;
    const langs = this.langs;
    const statusWords = msgs(langs, `common.status.${c.status}`);
    const notice = this.notices[0];
    return html`<div class="tile" data-testid="counter" data-counter=${c.id} data-status=${c.status}>
      <div class="name">${stacked(this.names)}</div>
      <div class="status">${STATUS_ICON[c.status]}<span>${inline(statusWords)}</span></div>
      ${c.status === 'open' && this.ticket ? html`<div class="main">${this.ticket}</div>` : nothing}
      ${c.status === 'paused' && c.backAt !== null
        ? html`<div class="back" data-testid="counter-back" data-late=${this.now >= c.backAt}>
            ${stacked(msgs(langs, this.now >= c.backAt ? 'lobby.pausedLate' : 'lobby.pausedBackAt', whenArgs({ at: c.backAt, now: this.now, timeZone: this.timezone })))}
          </div>`
        : nothing}
      ${notice
        ? // The notice card beside carries the full, bilingual story; here the icon and the main word point to it.
          html`<div class="notice">${causeIcon(notice.cause)}<span lang=${langs[0] ?? 'en'}>${t(langs[0] ?? 'en', `common.cause.${notice.cause}`)}</span></div>`
        : nothing}
    </div>`;
  }
}

const STATUS_ICON = {
  open: html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.5 3.5 6.5-7" /></svg>`,
  paused: html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10" /><path d="M9.5 8v8M14.5 8v8" /></svg>`,
  closed: html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10" /><path d="M5 19L19 5" /></svg>`,
} as const;

declare global {
  interface HTMLElementTagNameMap {
    'bb-counter-tile': BbCounterTile;
  }
}
