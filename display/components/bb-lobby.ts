import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { visibleNotices, type BranchConfig, type BranchState, type Call, type Effect, type Notice } from '../../core/client';
import { degradedWords, servingEmptyKey, lobbyPromises } from '../lib/degraded';
import { longestWaits } from '../../ui/queue/missing-estimate';
import { BranchStreamController, type InitialSnapshot } from '../../ui/stream/branch-stream';
import type { LobbySource } from '../lib/lobby-source';
import { CALL_HIGHLIGHT_MS, callKey } from '../lib/calls';
import { useWording } from '../../ui/i18n/localize';
import { BoardWords, loadBoardWords } from '../../ui/i18n/board-words';
import { isLanguage, LANGUAGES, matchLanguage, wordsLanguage } from '../../ui/i18n/languages';
import { LobbySound } from '../sound/lobby-sound';
import { nextOpening, showClosed } from '../lib/opening';
import { burnInShift } from '../lib/burn-in';

/** The phone's address for the QR code: the branch's board, keeping a language the screen was asked for. */
function qrUrl(url: string, lang: string): string {
  if (!lang) return url;
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return u.toString();
}
import { rotatingLanguages } from '../lib/rotation';
import { inline, langStyles, localTexts, msgs, stacked } from '../../ui/text/lang-text';
import { themeTokens } from '../../ui/theme/lobby-theme';
import { ScreenLink } from '../lib/screen-link';
import './bb-screen-name';
import './bb-clock';
import './bb-connection-banner';
import './bb-counter-tile';
import './bb-notice-board';
import './bb-now-serving';
import './bb-phone-qr';
import './bb-waiting-list';
import { lobbyStyles } from './bb-lobby.styles';

/**
 * Parts a board does not draw at its first paint as a rule, loaded when first shown and fetched
 * right after the first paint anyway (a TV must be able to show them later without the network).
 * Lit sets their properties before they are defined; they draw once their code is here.
 */
const later = {
  closedScreen: () => import('./bb-closed-screen').catch(() => undefined),
  languageSwitch: () => import('./bb-language-switch').catch(() => undefined),
};

/** Where a phone keeps the language its reader chose, for the next visit (a QR code has none). */
const PHONE_LANG_KEY = 'branchboard.phone.lang';
function storedLanguage(): string {
  try {
    const v = globalThis.localStorage?.getItem(PHONE_LANG_KEY) ?? '';
    return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? v : '';
  } catch {
    return '';
  }
}

/**
 * The lobby screen of one branch (/display/<branch>), and its phone view. It owns the branch
 * stream; every child element is a plain view of the data handed to it.
 *
 * On the TV (no `language`) it shows the branch's languages together, the first one large; with
 * `language` (the phone's ?lang=en) it shows that one only.
 */
@customElement('bb-lobby')
export class BbLobby extends LitElement {
  /** The branch id, from /display/<branch>. Set before the element is connected. */
  @property() branch = '';
  /** One language only; empty for the branch's own languages. */
  @property() language = '';
  /** The address phones should open (the QR code); empty hides the code. */
  @property() phoneUrl = '';

  /** The branch's snapshot the page came with (display/main.ts), drawn before the stream connects. */
  @property({ attribute: false }) initial: InitialSnapshot | null = null;

  /** Set on a paired TV: its screen token, so the server knows which screen this is. */
  @property() screenToken = '';
  /** The screen's name while the console asked it to show it. */
  @state() private identifying: string | null = null;
  private identifyTimer?: ReturnType<typeof setTimeout>;
  /** The log replayed to a moment, shown instead of the live stream (staff only: /display/<branch>?at=…). */
  @property({ attribute: false }) replay: LobbySource | null = null;

  private readonly screenLink = new ScreenLink({
    onIdentify: (name, seconds) => {
      this.identifying = name;
      clearTimeout(this.identifyTimer);
      this.identifyTimer = setTimeout(() => (this.identifying = null), seconds * 1000);
    },
    onUnpaired: () => this.dispatchEvent(new CustomEvent('bb-unpaired', { bubbles: true, composed: true })),
    onSound: (sound) => {
      this.sound.screenSound = sound;
      this.requestUpdate();
    },
    soundReport: () => this.sound.report(this.stream.now()),
  });

  private live?: BranchStreamController;
  private fetchedLater = false;
  /** The board's words, fetched for the languages it shows (and the parser, for a branch's ICU wording). */
  private readonly words = new BoardWords(this);
  private get stream(): LobbySource {
    return this.replay ?? this.live!;
  }

  override connectedCallback(): void {
    // A replay never opens the live stream (nor reports as a screen).
    if (!this.replay && !this.live) {
      this.live = new BranchStreamController(this, () => this.branch, {
        screen: () => this.screenToken || null,
        initial: () => this.initial,
        // The board shows the wait per service, never a ticket's own.
        estimates: 'services',
        onSocket: (socket) => {
          if (this.screenToken) this.screenLink.attach(socket);
        },
      });
      // A deployment: the page that runs (display/main.ts) reloads to get the new build.
      this.live.onNewVersion = (version) =>
        this.dispatchEvent(new CustomEvent('bb-new-version', { detail: version, bubbles: true, composed: true }));
    }
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.screenLink.close();
    clearTimeout(this.identifyTimer);
  }

  /** Chime and spoken calls on the TV (a phone stays silent), and which call leads now-serving. */
  private readonly sound = new LobbySound(this, () => !this.phoneView());

  /** What the screen's sound did, for the console and the end-to-end tests. */
  get soundReport() {
    return { state: this.sound.soundState, played: [...this.sound.player.played], announced: [...this.sound.announcer.announced] };
  }

  static override styles = [themeTokens, langStyles, lobbyStyles];

  /**
   * The calls still in their highlight time, by the server's clock: a call (or a repeat) made in
   * the last CALL_HIGHLIGHT_MS, however the screen learnt of it (live, or catching up after a
   * short drop). The watchdog re-renders twice a second, so the highlight ends on time.
   */
  private highlighted(calls: readonly Call[], now: number): Set<string> {
    return new Set(calls.filter((c) => now - c.at < CALL_HIGHLIGHT_MS && c.at - now < CALL_HIGHLIGHT_MS).map(callKey));
  }

  /**
   * The languages to show: the branch's own, or the one a phone asked for (?lang=en) when the
   * branch shows it. A language the branch does not show (?lang=xx) would give labels in one
   * language over texts in another; the screen shows the branch's languages instead.
   */
  private langsFor(config: BranchConfig, now = this.stream.now()): string[] {
    const asked = this.language || (this.phoneView() ? storedLanguage() || this.deviceLanguage(config) : '');
    if (asked) {
      const base = asked.split('-')[0]!;
      const match = config.languages.find((l) => l === asked) ?? config.languages.find((l) => l === base || l.split('-')[0] === base);
      // A language the branch does not show still gets the catalogue's words (staff texts fall back).
      return [match ?? (isLanguage(base) ? base : config.languages[0] ?? 'en')];
    }
    return rotatingLanguages(config.languages, now, config.display?.rotateSeconds);
  }

  /** A phone (or any narrow window) shows one language; the TV shows the main one and a rotating second. */
  private phoneView(): boolean {
    return !!this.language || matchMedia('(max-width: 899px)').matches;
  }

  /**
   * The reader chose a language on the phone: shown at once, kept for the next visit and in the
   * page's address (?lang=), so a reload or a shared link opens in it. The aria-live regions
   * then speak it too (they are rendered in the board's languages).
   */
  private chooseLanguage(e: CustomEvent<string>): void {
    const lang = e.detail;
    // One of the six, or one the branch shows (its staff texts are in it; the fixed words in English).
    if (!isLanguage(lang) && !this.stream.state?.config?.languages.includes(lang)) return;
    this.language = lang;
    try {
      globalThis.localStorage?.setItem(PHONE_LANG_KEY, lang);
    } catch {
      /* no storage: the address keeps it */
    }
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }

  /** The phone follows the browser's language, among the six the catalogue has. */
  private deviceLanguage(config: BranchConfig): string {
    return matchLanguage(navigator.languages ?? [navigator.language], config.languages) ?? matchLanguage(navigator.languages ?? [navigator.language], LANGUAGES) ?? config.languages[0] ?? 'en';
  }

  protected override updated(): void {
    const st = this.stream.state;
    if (st?.config && !this.fetchedLater) {
      this.fetchedLater = true;
      // Once the first frame is painted (a timer set in the frame's own callback runs after it).
      const phone = this.phoneView();
      requestAnimationFrame(() =>
        setTimeout(() => {
          void later.closedScreen();
          if (phone) void later.languageSwitch();
        }, 0),
      );
    }
    if (st?.config && this.stream.status === 'live') this.sound.observe(st, st.config.languages, this.stream.now());
    if (this.screenToken && this.stream.state) {
      this.screenLink.rendered(this.stream.state.seq);
      this.screenLink.soundChanged();
    }
    const config = this.stream.state?.config;
    const title = config ? `${config.name} · Branchboard` : 'Branchboard';
    if (document.title !== title) document.title = title;
    // The page's language is its fixed words' (English for ?lang=pt); what is in another is marked where it is.
    const asked = config ? this.langsFor(config)[0] : this.language || undefined;
    const lang = asked && wordsLanguage(asked);
    if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }

  override render() {
    const s = this.stream;
    const state = s.state;
    const config = state?.config;
    // The TV fetches all its branch's languages at once (it rotates through them); nothing is worded before they are here.
    const langs = s.refused || !config ? this.screenLangs() : [...this.langsFor(config), ...(this.phoneView() ? [] : config.languages)];
    if (!this.words.ready(langs, config?.display?.wording)) return this.renderBoot();
    if (s.refused) return this.renderRefused();
    if (!state || !config) return this.renderLoading(state);
    // A phone may switch to any language: the others come once the board is up.
    if (this.phoneView()) void loadBoardWords(LANGUAGES).catch(() => undefined);
    return html`${this.renderBoard(state)}${this.identifying !== null ? html`<bb-screen-name .name=${this.identifying}></bb-screen-name>` : nothing}`;
  }

  private renderBoard(state: BranchState) {
    const config = state.config!;
    // The branch's own wording, before any element words anything.
    useWording(config.display?.wording);
    const langs = this.langsFor(config);
    const main = langs[0] ?? 'en';
    const now = this.stream.now();
    if (showClosed(state, now)) {
      void later.closedScreen();
      return html`<bb-closed-screen
        branchName=${config.name}
        .langs=${langs}
        .now=${now}
        timezone=${config.timezone}
        .opensAt=${nextOpening(config, now)}
      ></bb-closed-screen>`;
    }
    const stale = this.stream.status !== 'live';
    const notices = byWeight(visibleNotices(state.notices, now));
    // Capacity and the promise from live data: the board never looks rosier than the truth.
    const { capacity: cap, promises } = lobbyPromises(state, now, this.stream.currentEstimates()?.services);
    const activeByCounter = (id: string): Notice[] =>
      byWeight(state.notices.filter((n) => n.status === 'active' && n.scope.type === 'counters' && n.scope.ids.includes(id)));
    const activeCount = notices.filter((n) => n.status === 'active').length;

    const date = new Intl.DateTimeFormat(main, { timeZone: config.timezone, weekday: 'long', day: 'numeric', month: 'long' }).format(now);

    const shift = this.phoneView() ? { x: 0, y: 0 } : burnInShift(now);
    if (this.phoneView()) void later.languageSwitch();
    return html`<div
      class="screen ${stale ? 'stale' : ''}"
      data-sound=${this.sound.soundState}
      data-langs=${langs.join(' ')}
      data-shift="${shift.x},${shift.y}"
      style="--shift-x:${shift.x}px;--shift-y:${shift.y}px"
    >
      <header>
        ${stale
          ? html`<bb-connection-banner .lastHeardAt=${this.stream.lastHeardAt} .now=${now} timezone=${config.timezone} .langs=${langs}></bb-connection-banner>`
          : nothing}
        <div class="branch">
          <div class="branch-name">${config.name}</div>
          <div class="date" lang=${main}>${date}</div>
        </div>
        ${this.phoneView()
          ? html`<bb-language-switch
              class="lang-switch"
              .current=${main}
              .languages=${[...config.languages, ...LANGUAGES.filter((l) => !config.languages.includes(l))]}
              @bb-language=${this.chooseLanguage}
            ></bb-language-switch>`
          : nothing}
        <div class="header-end">
          ${this.phoneUrl ? html`<bb-phone-qr url=${qrUrl(this.phoneUrl, this.language)} .langs=${langs}></bb-phone-qr>` : nothing}
          <bb-clock .now=${now} timezone=${config.timezone} language=${main}></bb-clock>
        </div>
      </header>
      <main aria-busy=${stale ? 'true' : 'false'} class=${config.counters.length > 4 ? 'many' : ''} style="--calls:${state.calls.length}">
        ${activeCount > 0
          ? html`<button class="jump" type="button" data-testid="notices-jump" @click=${this.showNotices}>
              ${jumpIcon}<span>${inline(msgs(langs, 'lobby.noticesBelow', { n: activeCount }))}</span>
            </button>`
          : nothing}
        <bb-now-serving .leading=${this.sound.leading} .calls=${state.calls} .config=${config} .langs=${langs} .emptyKey=${servingEmptyKey(state)} .highlighted=${stale ? new Set<string>() : this.highlighted(state.calls, now)}></bb-now-serving>
        <bb-notice-board id="notices" .notices=${notices} .config=${config} .langs=${langs} .now=${now} .degraded=${degradedWords(state, cap, promises, notices, langs)}></bb-notice-board>
        <bb-waiting-list
          .services=${config.services}
          .queues=${state.queues}
          .unlisted=${state.hiddenWaiting ?? {}}
          .langs=${langs}
          .branchLangs=${config.languages}
          .estimates=${this.stream.estimates?.services ?? null}
          .estimatesCurrent=${this.stream.currentEstimates() !== null}
          .promises=${promises}
          .longest=${longestWaits(state, now)}
          .capacity=${cap}
        ></bb-waiting-list>
        <section class="counters">
          <h2 class="section-title">${inline(msgs(langs, 'lobby.counters'))}</h2>
          <div class="tiles">
            ${config.counters.map((c) => {
              const cs = state.counters[c.id];
              const ticketId = cs?.ticketId;
              return html`<bb-counter-tile
                .counter=${cs ?? null}
                .names=${localTexts(c.name, langs, config.languages)}
                .ticket=${ticketId ? (state.tickets[ticketId]?.number ?? null) : null}
                .notices=${activeByCounter(c.id)}
                .langs=${langs}
                timezone=${config.timezone}
                .now=${now}
              ></bb-counter-tile>`;
            })}
          </div>
        </section>
      </main>
      ${this.staffLine(langs)}
    </div>`;
  }

  /**
   * "Sound off — tap to enable" while the browser blocks sound: a line of its own under the
   * board (the board gives it the room), so it covers nothing the room reads, in either
   * orientation — over the header it hid the branch's name on a TV on its side.
   */
  private staffLine(langs: readonly string[]) {
    const sign = this.sound.sign(langs);
    return sign === nothing ? nothing : html`<div class="staff-line">${sign}</div>`;
  }

  /** Phone view: the notices come after the queue; this takes the reader down to them. */
  private showNotices(): void {
    const board = this.renderRoot.querySelector('#notices');
    board?.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
  }

  /** While the words are on their way: the brand, as the page's own shell shows it. */
  private renderBoot() {
    return html`<div class="message" role="status" aria-busy="true">
      <div class="brand">Branchboard</div>
      <div class="pulse" aria-hidden="true"></div>
    </div>`;
  }

  private renderLoading(state: BranchState | null) {
    const langs = this.screenLangs();
    return html`<div class="message" role="status">
      <div class="brand">Branchboard</div>
      <div class="pulse" aria-hidden="true"></div>
      <div class="title">${stacked(msgs(langs, state && !state.config ? 'lobby.notConfigured' : 'lobby.connecting'))}</div>
    </div>`;
  }

  private renderRefused() {
    const langs = this.screenLangs();
    return html`<div class="message" role="alert" data-testid="unknown-branch">
      <div class="brand">Branchboard</div>
      <div class="title">${stacked(msgs(langs, 'lobby.unknownBranch'))}</div>
      <div class="hint">${stacked(msgs(langs, 'lobby.unknownBranchHint', { id: this.branch }))}</div>
    </div>`;
  }

  /** Languages before the branch's config is known: the asked one, else the device's and English. */
  private screenLangs(): string[] {
    if (this.language) return [this.language];
    const device = (navigator.language || 'en').split('-')[0] ?? 'en';
    return device === 'en' ? ['en'] : [device, 'en'];
  }
}

/** How much a notice's effect changes the visit: a closed counter or a missing service first, information last. */
const EFFECT_WEIGHT: Record<Effect, number> = {
  counter_closed: 0,
  service_unavailable: 0,
  reduced_service: 1,
  slower_service: 1,
  info: 2,
};

/**
 * Active notices by weight (what stops people being served first), newest first within the same
 * weight; resolved ones after them, in the order given (core visibleNotices: newest first).
 */
function byWeight(notices: readonly Notice[]): Notice[] {
  const active = notices.filter((n) => n.status === 'active');
  const rest = notices.filter((n) => n.status !== 'active');
  active.sort((a, b) => EFFECT_WEIGHT[a.effect] - EFFECT_WEIGHT[b.effect] || b.startedAt - a.startedAt);
  return [...active, ...rest];
}

const jumpIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 3.5l9.5 16.5h-19z" /><path d="M12 10v4.5M12 17.2v.1" /></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'bb-lobby': BbLobby;
  }
}
