import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { noticePhase, pickText, type BranchConfig, type Notice } from '../../core';
import { hasApology } from '../../ui/i18n/apology';
import { t } from '../../ui/i18n/localize';
import { causeIcon } from '../../ui/icons/cause-icons';
import { inline, langStyles, localTexts, msgs, perLang, stacked, type LangText } from '../../ui/text/lang-text';
import { whenArgs, type At } from '../../ui/time/when';

export type NoticeDensity = 'large' | 'normal' | 'compact';

/**
 * One notice as customers read it: why (cause icon and words), where (scope), what it means
 * (effect), the staff's text, since when, until when ("we don't know yet" is an honest answer),
 * "taking longer than expected" once the expected end has passed, and, once over, a green
 * "Resolved at" that closes the loop.
 */
@customElement('bb-notice-card')
export class BbNoticeCard extends LitElement {
  @property({ attribute: false }) notice: Notice | null = null;
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  /** Server time, epoch ms. */
  @property({ type: Number }) now = 0;
  @property({ reflect: true }) density: NoticeDensity = 'normal';

  static override styles = [
    langStyles,
    css`
      :host {
        display: block;
        --accent: var(--bb-warn);
        --fs-cause: 1.8rem;
        --fs-meta: 1.45rem;
        --fs-text: 2.2rem;
        --fs-when: 1.75rem;
        --icon: 3.8rem;
      }
      :host([density='large']) {
        --fs-cause: 2.3rem;
        --fs-meta: 1.75rem;
        --fs-text: 3rem;
        --fs-when: 2.3rem;
        --icon: 5rem;
      }
      :host([density='compact']) {
        --fs-cause: 1.55rem;
        --fs-meta: 1.25rem;
        --fs-text: 1.75rem;
        --fs-when: 1.4rem;
        --icon: 3rem;
      }
      /* Icon | cause, with scope and effect right beneath it; "since" (and "updated") float at the
         right, so a two-line one never opens a gap between the cause and its scope, and the scope
         takes the full width once past it. Then the body. */
      article {
        position: relative;
        display: grid;
        grid-template-columns: var(--icon) minmax(0, 1fr);
        grid-template-areas:
          'badge title'
          'body body';
        align-items: start;
        column-gap: 1.6rem;
        row-gap: 0.9rem;
        padding: 1.6rem 2rem 1.6rem 2.2rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        border-left: 0.7rem solid var(--accent);
        line-height: 1.25;
      }
      article[data-status='overdue'] {
        --accent: var(--bb-late);
      }
      article[data-status='resolved'] {
        --accent: var(--bb-ok);
      }
      .badge {
        grid-area: badge;
        width: var(--icon);
        height: var(--icon);
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: var(--accent);
        color: var(--bb-on-accent);
      }
      .badge svg {
        width: 62%;
        height: 62%;
      }
      .title {
        grid-area: title;
        min-width: 0;
      }
      .side {
        float: right;
        margin: 0 0 0.2rem 1.4rem;
      }
      .cause {
        font-size: var(--fs-cause);
        font-weight: 800;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .chip {
        flex: none;
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        padding: 0.25em 0.7em;
        border-radius: 999px;
        border: 0.15rem solid var(--accent);
        color: var(--accent);
        font-size: var(--fs-meta);
        font-weight: 700;
        white-space: nowrap;
      }
      .chip .i1,
      .chip .sep {
        color: inherit;
        opacity: 0.85;
      }
      .chip svg {
        width: 1.1em;
        height: 1.1em;
      }
      .where {
        margin-top: 0.35rem;
        font-size: var(--fs-meta);
        line-height: 1.35;
        overflow-wrap: anywhere;
        color: var(--bb-text-2);
      }
      .where > span {
        display: inline-flex;
        align-items: baseline;
        gap: 0.45em;
        max-width: 100%;
        margin-right: 1.4rem;
      }
      .where svg {
        width: 1em;
        height: 1em;
        align-self: center;
        flex: none;
        color: var(--bb-text-3);
      }
      .where .i0 {
        color: var(--bb-text);
        font-weight: 700;
      }
      .body {
        grid-area: body;
        min-width: 0;
        display: flex;
        flex-direction: column;
        gap: 0.8rem;
      }
      /* Staff and preset text: a long unbroken word (a web address, a compound) breaks rather than
         overflowing the card. */
      .text {
        font-size: var(--fs-text);
        font-weight: 600;
        hyphens: auto;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .text .l1 {
        margin-top: 0.45em;
      }
      .apology {
        font-size: var(--fs-meta);
        font-style: italic;
        color: var(--bb-text-2);
      }
      .when {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 0.6rem 2.4rem;
        padding-top: 0.9rem;
        border-top: 0.1rem solid var(--bb-line);
      }
      .expected {
        flex: 1 1 auto;
        display: flex;
        gap: 0.6em;
        font-size: var(--fs-when);
        font-weight: 800;
        color: var(--accent);
      }
      .expected svg,
      .resolved-line svg {
        flex: none;
        width: 1.1em;
        height: 1.1em;
        margin-top: 0.05em;
      }
      .expected .l1,
      .resolved-line .l1 {
        color: inherit;
        opacity: 0.85;
        font-size: 0.8em;
      }
      .since {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        gap: 0.2em;
        font-size: var(--fs-meta);
        color: var(--bb-text-2);
        font-variant-numeric: tabular-nums;
      }
      .since .i0 {
        color: var(--bb-text);
        font-weight: 600;
      }
      .since .updated .i0 {
        color: var(--accent);
      }
      .text.original {
        font-size: calc(var(--fs-text) * 0.8);
        font-weight: 400;
        color: var(--bb-text-2);
      }
      .text.original .l1 {
        color: var(--bb-text-3);
      }
      .resolved-line {
        display: flex;
        gap: 0.6em;
        font-size: var(--fs-when);
        font-weight: 800;
        color: var(--bb-ok);
      }
      :host([density='compact']) article {
        row-gap: 0.5rem;
        padding: 1rem 1.5rem 1rem 1.7rem;
      }
      :host([density='compact']) .body {
        gap: 0.6rem;
      }
      :host([density='compact']) .when {
        padding-top: 0.6rem;
      }
      :host([density='compact']) .expected .i1,
      :host([density='compact']) .expected .sep,
      :host([density='compact']) .resolved-line .i1,
      :host([density='compact']) .resolved-line .sep {
        color: inherit;
        opacity: 0.8;
        font-weight: 600;
      }
      @media (max-width: 899px) {
        :host,
        :host([density]) {
          --fs-cause: 1.15rem;
          --fs-meta: 0.95rem;
          --fs-text: 1.15rem;
          --fs-when: 1.05rem;
          --icon: 2.6rem;
        }
        .text .l1 {
          font-size: 0.85em;
        }
        article {
          padding: 1rem 1rem 1rem 1.1rem;
          column-gap: 0.8rem;
          row-gap: 0.5rem;
          border-left-width: 0.4rem;
        }
        .title {
          display: flex;
          flex-direction: column;
        }
        .side {
          order: 3;
          float: none;
          margin: 0.35rem 0 0;
        }
        .when {
          gap: 0.4rem 1rem;
        }
        .expected {
          flex-basis: 100%;
        }
        .since {
          align-items: flex-start;
        }
      }
    `,
  ];

  override render() {
    const n = this.notice;
    if (!n) return nothing;
    const langs = this.langs;
    const main = langs[0] ?? 'en';
    const tz = this.config?.timezone ?? 'UTC';
    const branchLangs = this.config?.languages ?? [];
    const phase = noticePhase(n, this.now);
    const time = (at: number): At => ({ at, now: this.now, timeZone: tz });
    const texts = localTexts(n.text, langs, branchLangs);

    return html`<article data-testid="notice" data-notice-id=${n.id} data-cause=${n.cause} data-status=${phase}>
      <div class="badge">${causeIcon(n.cause)}</div>
      <div class="title">
        ${this.renderSide(n, phase, time)}
        <div class="cause">${inline(msgs(langs, `common.cause.${n.cause}`))}</div>
        <div class="where">
          <span data-testid="notice-scope">${pinIcon}<span>${inline(this.scopeTexts(n))}</span></span>
          ${phase === 'resolved'
            ? nothing
            : html`<span class="effect">${effectIcon}<span>${inline(msgs(langs, `common.effect.${n.effect}`))}</span></span>`}
        </div>
      </div>
      <div class="body">
        ${phase === 'resolved'
          ? this.renderResolution(n, time)
          : html`<div class="text">${stacked(texts)}</div>
              ${n.apologise ? this.renderApology(texts) : nothing}`}
        ${phase === 'resolved'
          ? nothing
          : html`<div class="when">
              <div class="expected" data-testid="notice-expected">
                ${phase === 'overdue' ? hourglassIcon : clockIcon}
                <div>
                  ${(this.density === 'compact' ? inline : stacked)(
                    n.expectedEndAt === null
                      ? msgs(langs, 'lobby.expectedUnknown')
                      : phase === 'overdue'
                        ? msgs(langs, 'lobby.overdue', whenArgs(time(n.expectedEndAt)))
                        : msgs(langs, 'lobby.expectedAt', whenArgs(time(n.expectedEndAt))),
                  )}
                </div>
              </div>
            </div>`}
      </div>
    </article>`;
  }

  /** At the right of the cause: since when (and the last update), or the "resolved" chip. */
  private renderSide(n: Notice, phase: ReturnType<typeof noticePhase>, time: (at: number) => At) {
    const langs = this.langs;
    const lastUpdate = n.updates.at(-1);
    return html`<div class="side">
      ${phase === 'resolved'
        ? html`<div class="chip">${checkMark}${inline(msgs(langs, 'lobby.statusResolved'))}</div>`
        : html`<div class="since">
            <span>${inline(msgs(langs, 'lobby.since', whenArgs(time(n.startedAt))))}</span>
            ${lastUpdate ? html`<span class="updated">${inline(msgs(langs, 'lobby.updatedAt', whenArgs(time(lastUpdate.at))))}</span>` : nothing}
          </div>`}
    </div>`;
  }

  private renderResolution(n: Notice, time: (at: number) => At) {
    const r = n.resolution;
    if (!r) return nothing;
    const langs = this.langs;
    const texts = localTexts(r.text, langs, this.config?.languages ?? []);
    return html`<div class="resolved-line">
        ${checkIcon}
        <div>${(this.density === 'compact' ? inline : stacked)(msgs(langs, 'lobby.resolvedAt', whenArgs(time(r.at))))}</div>
      </div>
      ${texts.length
        ? html`<div class="text resolution">${stacked(texts)}</div>`
        : // No closing words: recall what the notice said, quietly, so the "resolved" has its context.
          html`<div class="text original">${stacked(localTexts(n.text, langs, this.config?.languages ?? []))}</div>`}
      ${r.apologise ? this.renderApology(texts) : nothing}`;
  }

  /** "We apologise" only in the languages whose text does not already say it. */
  private renderApology(texts: readonly LangText[]) {
    const missing = this.langs.filter((l) => {
      const text = texts.find((x) => x.lang === l)?.text ?? '';
      return !hasApology(text, l);
    });
    if (missing.length === 0) return nothing;
    return html`<div class="apology">${inline(msgs(missing, 'common.apology'))}</div>`;
  }

  /** Where the notice applies: the whole branch, or the counters / services it names. */
  private scopeTexts(n: Notice): LangText[] {
    const langs = this.langs;
    const cfg = this.config;
    const branchLangs = cfg?.languages ?? [];
    const scope = n.scope;
    if (scope.type === 'branch') return msgs(langs, 'common.scope.branch');
    const items = scope.type === 'counters' ? (cfg?.counters ?? []) : (cfg?.services ?? []);
    return perLang(langs, (l) =>
      scope.ids.map((id) => {
        const item = items.find((x) => x.id === id);
        return item ? pickText(item.name, l, branchLangs) : id;
      }).join(', '),
    );
  }
}

const pinIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 21.5s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z" /><circle cx="12" cy="9.5" r="2.5" /></svg>`;
const checkMark = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M4.5 12.5l5 5 10-11" /></svg>`;
const effectIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 3.5l9.5 16.5h-19z" /><path d="M12 10v4.5M12 17.2v.1" /></svg>`;
const clockIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="9.5" /><path d="M12 6.5V12l3.5 2.2" /></svg>`;
const hourglassIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M5.5 2.5h13M5.5 21.5h13" /><path d="M7.5 2.5c0 5 4.5 6 4.5 9.5s-4.5 4.5-4.5 9.5M16.5 2.5c0 5-4.5 6-4.5 9.5s4.5 4.5 4.5 9.5" /></svg>`;
const checkIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10" stroke-width="2.2" /><path d="M7 12.5l3.5 3.5 6.5-7" /></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-card': BbNoticeCard;
  }
}
