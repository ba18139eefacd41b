import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CounterState, Notice } from '../../core/client';
import { t } from '../../ui/i18n/localize';
import { wordsLanguage } from '../../ui/i18n/languages';
import { whenArgs } from '../../ui/time/when';
import { causeIcon } from '../../ui/icons/cause-icons';
import { inline, langStyles, msgs, stacked, type LangText } from '../../ui/text/lang-text';
import { counterTileStyles } from './bb-counter-tile.styles';

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

  static override styles = [langStyles, counterTileStyles];

  override render() {
    const c = this.counter;
    if (!c) return nothing;
    const langs = this.langs;
    const statusWords = msgs(langs, `common.status.${c.status}`);
    const notice = this.notices[0];
    // The cause's word in the language the screen's fixed words are in (English on a pt turn).
    const words = wordsLanguage(langs[0] ?? 'en');
    return html`<div class="tile" data-testid="counter" data-counter=${c.id} data-status=${c.status}>
      <div class="name">${stacked(this.names)}</div>
      ${c.status === 'paused' && notice
        ? // Paused by a notice: why, in the status's place (the card beside tells the whole story).
          html`<div class="status notice">${causeIcon(notice.cause)}<span lang=${words}>${t(words, `common.cause.${notice.cause}`)}</span></div>`
        : html`<div class="status">${STATUS_ICON[c.status]}<span>${inline(statusWords)}</span></div>`}
      ${c.status !== 'closed' && this.ticket ? html`<div class="main" data-testid="counter-ticket">${this.ticket}</div>` : nothing}
      ${c.status === 'paused' && c.backAt !== null
        ? html`<div class="back" data-testid="counter-back" data-late=${this.now >= c.backAt}>
            ${inline(msgs(langs, this.now >= c.backAt ? 'lobby.pausedLate' : 'lobby.pausedBackAt', whenArgs({ at: c.backAt, now: this.now, timeZone: this.timezone })))}
          </div>`
        : nothing}
      ${notice && c.status !== 'paused'
        ? // The notice card beside carries the full, bilingual story; here the icon and the main word point to it.
          html`<div class="notice">${causeIcon(notice.cause)}<span lang=${words}>${t(words, `common.cause.${notice.cause}`)}</span></div>`
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
