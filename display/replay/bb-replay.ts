import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ReplayMoment } from '../../core/client';
import '../components/bb-lobby';
import type { LobbySource } from '../lib/lobby-source';
import { themeTokens } from '../../ui/theme/lobby-theme';
import { replayMoment, replayWords } from './replay-strings';

/** One moment of the log, as GET /api/branches/<branch>/replay answers it. */
type Moment = ReplayMoment;

const SPEEDS = [1, 10, 60] as const;
const PLAY_STEP_MS = 250;

/**
 * /display/<branch>?at=<local date and time>: the lobby exactly as it was at that moment, drawn
 * by the lobby's own components from the log, under a banner that says it is a replay. Staff
 * only: the server answers the moment to a manager's session and to nobody else.
 */
@customElement('bb-replay')
export class BbReplay extends LitElement {
  @property() branch = '';
  /** The moment asked for: a local date and time in the branch's zone, or epoch ms. */
  @property() at = '';
  /** For the server's PNG export: the banner without the controls. */
  @property({ type: Boolean }) capture = false;
  @property() phoneUrl = '';

  @state() private moment: Moment | null = null;
  @state() private error: 'staff_only' | 'failed' | null = null;
  @state() private playing = false;
  @state() private speed: (typeof SPEEDS)[number] = 1;
  /** The time drawn: the moment's, moving on while playing. */
  @state() private shownAt = 0;
  private timer?: ReturnType<typeof setInterval>;
  private loading = false;

  private readonly staffLang = (() => {
    const l = (navigator.language || 'en').split('-')[0] ?? 'en';
    return ['it', 'en', 'fr', 'es', 'de', 'nl'].includes(l) ? l : 'en';
  })();

  static override styles = [
    themeTokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        background: var(--bb-bg);
        color: var(--bb-text);
        font-family: var(--bb-font);
      }
      .banner {
        flex: none;
        display: flex;
        align-items: center;
        gap: 0.6rem;
        flex-wrap: wrap;
        padding: 0.5rem 3rem;
        background: #ffd66b;
        color: #0b1a30;
        font-size: 1.4rem;
        /* The lobby's page is color-scheme dark: its select and date field would be dark grey under navy text. */
        color-scheme: light;
      }
      .title {
        font-weight: 800;
        margin-right: auto;
      }
      button,
      a,
      select,
      input {
        font: inherit;
        font-size: 0.9rem;
        color: #0b1a30;
      }
      button,
      a.button,
      select,
      input {
        padding: 0.3rem 0.6rem;
        border: 0.12rem solid #0b1a30;
        border-radius: 0.5rem;
        background: #fff3c4;
        cursor: pointer;
        text-decoration: none;
      }
      button:disabled {
        opacity: 0.45;
        cursor: default;
      }
      button:focus-visible,
      a:focus-visible,
      input:focus-visible,
      select:focus-visible {
        outline: 0.2rem solid #0b1a30;
        outline-offset: 0.15rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        font-size: 0.9rem;
      }
      bb-lobby {
        flex: 1;
        min-height: 0;
      }
      .message {
        flex: 1;
        display: grid;
        place-content: center;
        gap: 1.5rem;
        text-align: center;
        font-size: 2rem;
      }
      .message a {
        color: var(--bb-call);
        font-size: 1.6rem;
      }
      @media (max-width: 899px) {
        .banner {
          padding: 0.6rem 1rem;
          font-size: 1.1rem;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(this.at);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async load(at: string | number): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const res = await fetch(`/api/branches/${encodeURIComponent(this.branch)}/replay?at=${encodeURIComponent(String(at))}`, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (res.status === 401 || res.status === 403) {
        this.error = 'staff_only';
        this.stop();
        return;
      }
      if (!res.ok) {
        this.error = 'failed';
        this.stop();
        return;
      }
      const body = (await res.json()) as Moment & { ok: boolean };
      this.error = null;
      this.moment = body;
      this.shownAt = body.at;
      history.replaceState(null, '', `${location.pathname}?${this.query(body.local)}`);
      await this.updateComplete;
      this.dataset.replayReady = String(body.seq);
    } catch {
      this.error = 'failed';
      this.stop();
    } finally {
      this.loading = false;
    }
  }

  private query(local: string): string {
    const q = new URLSearchParams(location.search);
    q.set('at', local);
    return q.toString().replace(/%3A/g, ':');
  }

  /** The lobby's data source for the moment shown: always "live" (it is the log), clock stopped at the moment. */
  private source(m: Moment): LobbySource {
    const at = this.shownAt;
    const estimates = m.estimates;
    return {
      state: m.state,
      status: 'live',
      lastHeardAt: at,
      refused: null,
      estimates,
      now: () => at,
      // As on the live board: estimates older than 45 s are not shown.
      currentEstimates: () => (estimates && at - estimates.at <= 45_000 ? estimates : null),
    };
  }

  private togglePlay(): void {
    if (this.playing) return this.stop();
    this.playing = true;
    this.timer = setInterval(() => {
      const m = this.moment;
      if (!m) return;
      const t = this.shownAt + PLAY_STEP_MS * this.speed;
      if (m.next !== null && t >= m.next) void this.load(m.next);
      else this.shownAt = Math.min(t, Date.now());
    }, PLAY_STEP_MS);
  }

  private stop(): void {
    this.playing = false;
    clearInterval(this.timer);
  }

  override render() {
    const w = replayWords(this.staffLang);
    if (this.error === 'staff_only') {
      return html`<div class="message" role="alert" data-testid="replay-staff-only">
        <div>${w.staffOnly}</div>
        <a href="/admin/">${w.login}</a>
      </div>`;
    }
    const m = this.moment;
    if (!m) return html`<div class="message" role="status">${this.error ? w.noMoment : w.loading}</div>`;
    const api = `/api/branches/${encodeURIComponent(this.branch)}/replay`;
    return html`
      <div class="banner" role="region" aria-label=${w.replay} data-testid="replay-banner">
        <span class="title" data-testid="replay-title">${w.replay} — ${replayMoment(this.shownAt, m.timezone, this.staffLang)}</span>
        ${this.capture
          ? nothing
          : html`
              <button type="button" data-testid="replay-prev" ?disabled=${m.prev === null} @click=${() => m.prev !== null && this.load(m.prev)}>◀ ${w.previous}</button>
              <button type="button" data-testid="replay-play" aria-pressed=${this.playing ? 'true' : 'false'} @click=${this.togglePlay}>
                ${this.playing ? `❚❚ ${w.pause}` : `▶ ${w.play}`}
              </button>
              <label
                >${w.speed}
                <select data-testid="replay-speed" @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value) as (typeof SPEEDS)[number])}>
                  ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
                </select></label
              >
              <button type="button" data-testid="replay-next" ?disabled=${m.next === null} @click=${() => m.next !== null && this.load(m.next)}>${w.next} ▶</button>
              <label
                >${w.moment}
                <input
                  type="datetime-local"
                  step="1"
                  data-testid="replay-pick"
                  .value=${m.local.slice(0, 19)}
                  @change=${(e: Event) => {
                    this.stop();
                    void this.load((e.target as HTMLInputElement).value);
                  }}
              /></label>
              <a class="button" data-testid="replay-png" href="${api}.png?at=${m.at}" download>${w.png}</a>
              <a class="button" data-testid="replay-json" href="${api}.json?at=${m.at}" download>${w.json}</a>
              <a class="button" href="/display/${encodeURIComponent(this.branch)}">${w.live}</a>
            `}
      </div>
      <bb-lobby .branch=${this.branch} .replay=${this.source(m)} .phoneUrl=${this.phoneUrl}></bb-lobby>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-replay': BbReplay;
  }
}
