import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BranchConfig, Call } from '../../core';
import { callKey } from '../lib/calls';
import { inline, langStyles, localTexts, msgs, stacked } from '../lib/text';

/**
 * "Now serving": the latest calls, newest first, ticket number → counter, big enough to read
 * across the room. A call that just happened (or was repeated) is highlighted for a few seconds.
 */
@customElement('bb-now-serving')
export class BbNowServing extends LitElement {
  @property({ attribute: false }) calls: readonly Call[] = [];
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  /** Keys (see callKey) of the calls to highlight now. */
  @property({ attribute: false }) highlighted: ReadonlySet<string> = new Set();
  /** At most this many rows. */
  @property({ type: Number }) max = 6;

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
      /* Only whole rows: a row that does not fit wraps into a second column, outside the clip,
         instead of showing cut in half. */
      ol {
        flex: 1;
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        flex-wrap: wrap;
        align-content: flex-start;
        column-gap: 4rem;
        row-gap: 0.7rem;
        min-height: 0;
        overflow: hidden;
      }
      ol > li {
        width: 100%;
        box-sizing: border-box;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, auto) 3rem minmax(0, 1fr);
        align-items: center;
        gap: 1.2rem;
        padding: 0.45rem 1.6rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        border: 0.2rem solid transparent;
      }
      .ticket {
        font-size: 3.3rem;
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.01em;
        color: var(--bb-call);
      }
      .arrow {
        width: 3rem;
        height: 3rem;
        color: var(--bb-text-3);
      }
      .counter {
        font-size: 2rem;
        font-weight: 700;
        line-height: 1.1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .recall {
        display: block;
        margin-top: 0.3rem;
        font-size: 1.35rem;
        font-weight: 700;
        color: var(--bb-call);
      }
      .recall .i1,
      .recall .sep {
        color: inherit;
        opacity: 0.85;
      }
      li:not(.first) .recall {
        font-size: 0.62em;
        margin-top: 0.1rem;
      }
      /* Rows after the first: the names side by side, "Sportello 2 · Counter 2". */
      li:not(.first) .counter .l0,
      li:not(.first) .counter .l1 {
        display: inline;
        font-size: 1em;
      }
      li:not(.first) .counter .l1::before {
        content: ' · ';
      }
      li.first {
        padding: 1rem 1.8rem;
        background: var(--bb-surface-2);
      }
      li.first .ticket {
        font-size: 6.2rem;
      }
      li.first .counter {
        font-size: 3rem;
      }
      li.fresh {
        border-color: var(--bb-call);
        animation: flash 1.2s ease-in-out 3;
      }
      @keyframes flash {
        0%,
        100% {
          background: var(--bb-surface-2);
        }
        50% {
          background: #4a3f12;
        }
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .empty {
        font-size: 2.2rem;
        font-weight: 600;
        color: var(--bb-text-2);
        padding: 2rem 2.2rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
      }
      @media (prefers-reduced-motion: reduce) {
        li.fresh {
          animation: none;
        }
      }
      @media (max-width: 899px) {
        h2 {
          font-size: 1rem;
          margin-bottom: 0.6rem;
        }
        ol {
          flex-wrap: nowrap;
          row-gap: 0.5rem;
        }
        li,
        li.first {
          gap: 0.6rem;
          padding: 0.6rem 0.9rem;
          grid-template-columns: minmax(0, auto) 1.4rem minmax(0, 1fr);
        }
        .ticket {
          font-size: 2rem;
        }
        li.first .ticket {
          font-size: 2.8rem;
        }
        .counter,
        li.first .counter {
          font-size: 1.25rem;
        }
        li:not(.first) .counter .l0,
        li:not(.first) .counter .l1 {
          display: block;
        }
        li:not(.first) .counter .l1 {
          font-size: 0.72em;
        }
        li:not(.first) .counter .l1::before {
          content: none;
        }
        .arrow {
          width: 1.4rem;
          height: 1.4rem;
        }
        .recall,
        li:not(.first) .recall {
          font-size: 0.8rem;
        }
        .empty {
          font-size: 1.05rem;
          padding: 1rem;
        }
      }
    `,
  ];

  override render() {
    const langs = this.langs;
    const branchLangs = this.config?.languages ?? [];
    const counterName = (id: string) => this.config?.counters.find((c) => c.id === id)?.name ?? { [langs[0] ?? 'en']: id };
    const calls = this.calls.slice(0, this.max);
    // For screen readers (the phone view): the call being highlighted now, said once.
    const fresh = calls.find((c) => this.highlighted.has(callKey(c)));
    const main = langs[0] ?? 'en';
    const announce = fresh ? `${fresh.number} → ${localTexts(counterName(fresh.counterId), [main], branchLangs)[0]?.text ?? fresh.counterId}` : '';
    return html`<div class="sr" aria-live="polite">${announce}</div>
      <h2>${inline(msgs(langs, 'nowServing'))}</h2>
      ${calls.length === 0
        ? html`<div class="empty">${stacked(msgs(langs, 'noCallsYet'))}</div>`
        : html`<ol>
            ${repeat(
              calls,
              (c) => callKey(c),
              (c, i) => html`<li
                data-testid="call"
                data-ticket=${c.number}
                data-counter=${c.counterId}
                class="${i === 0 ? 'first' : ''} ${this.highlighted.has(callKey(c)) ? 'fresh' : ''}"
              >
                <span class="ticket">${c.number}</span>
                <svg class="arrow" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
                  <path d="M4 12h15M13 6l6 6-6 6" />
                </svg>
                <span class="counter"
                  >${stacked(localTexts(counterName(c.counterId), langs, branchLangs))}${c.recall
                    ? html`<span class="recall">${inline(msgs(langs, 'calledAgain'))}</span>`
                    : nothing}</span
                >
              </li>`,
            )}
          </ol>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-now-serving': BbNowServing;
  }
}
