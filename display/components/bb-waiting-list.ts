import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ServiceConfig } from '../../core';
import { msg } from '../i18n/strings';
import { inline, langStyles, localTexts, msgs, stacked } from '../lib/text';

/** How many people wait for each service. */
@customElement('bb-waiting-list')
export class BbWaitingList extends LitElement {
  @property({ attribute: false }) services: readonly ServiceConfig[] = [];
  /** Waiting ticket ids per service (state.queues). */
  @property({ attribute: false }) queues: Readonly<Record<string, readonly string[]>> = {};
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  @property({ attribute: false }) branchLangs: readonly string[] = [];

  static override styles = [
    langStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 0.6rem;
        font-size: 1.45rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      h2 .i0 {
        color: var(--bb-text);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 1rem;
      }
      li {
        min-width: 0;
        display: flex;
        align-items: center;
        gap: 1.2rem;
        padding: 0.6rem 1.4rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
      }
      .count {
        flex: none;
        font-size: 4rem;
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        min-width: 1.3em;
        text-align: center;
      }
      .name {
        min-width: 0;
        font-size: 1.9rem;
        font-weight: 700;
        line-height: 1.1;
      }
      .name .l1 {
        font-size: 0.72em;
      }
      @media (max-width: 899px) {
        h2 {
          font-size: 1rem;
          margin-bottom: 0.6rem;
        }
        ul {
          grid-template-columns: 1fr;
          gap: 0.5rem;
        }
        li {
          padding: 0.6rem 0.8rem;
          gap: 0.7rem;
        }
        .count {
          font-size: 2.2rem;
        }
        .name {
          font-size: 1.05rem;
        }
      }
    `,
  ];

  override render() {
    const langs = this.langs;
    return html`<h2>${inline(msgs(langs, 'waiting'))}</h2>
      <ul>
        ${this.services.map((s) => {
          const n = this.queues[s.id]?.length ?? 0;
          return html`<li aria-label=${`${localTexts(s.name, langs, this.branchLangs)[0]?.text ?? s.id}: ${n} ${msg(langs[0] ?? 'en', 'waitingUnit', n)}`}>
            <span class="count" data-testid="waiting-count" data-service=${s.id}>${n}</span>
            <span class="name">${stacked(localTexts(s.name, langs, this.branchLangs))}</span>
          </li>`;
        })}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-waiting-list': BbWaitingList;
  }
}
