import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { pickText, type BranchState, type ScreenReport, type ScreenSound } from '../../core/client';
import { t } from '../../ui/i18n/localize';
import { wordsLanguage } from '../../ui/i18n/languages';
import { callKey } from '../lib/calls';
import { CallAnnouncer } from './call-announcer';
import { VoicePlayer, type SoundState } from './voice-player';

/** A call older than this when the screen first sees it (a catch-up after a long drop) is not announced. */
const ANNOUNCE_WITHIN_MS = 30_000;
const DEFAULT_VOLUME = 0.8;

/**
 * The lobby's sound: every new call and recall is announced — chime, then the call spoken in the
 * branch's languages — one after another (CallAnnouncer), and the call being announced leads
 * "now serving". Chime, voice and volume are the screen's own (set from the console), else the
 * branch's (`BranchConfig.display`); `report()` says whether the sound works, for the console.
 * When the browser blocks sound, `sign()` is a discreet "sound off — tap to enable" button rather
 * than a silent failure.
 */
export class LobbySound implements ReactiveController {
  readonly player = new VoicePlayer();
  readonly announcer: CallAnnouncer;
  private readonly seen = new Set<string>();
  private primed = false;
  private started = false;
  private state: BranchState | null = null;
  private langs: readonly string[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Whether this page makes sound at all (the TV yes, a phone no). */
    private readonly audible: () => boolean,
  ) {
    host.addController(this);
    this.player.onState = () => host.requestUpdate();
    this.announcer = new CallAnnouncer(this.player, () => {
      const config = this.state?.config;
      const { chime, voice } = this.settings();
      return {
        chime,
        voice,
        langs: this.langs,
        counterName: (id, lang) => {
          const c = config?.counters.find((x) => x.id === id);
          return c ? pickText(c.name, lang, config?.languages ?? []) : id;
        },
      };
    });
    this.announcer.onChange = () => host.requestUpdate();
  }

  /** This screen's own settings from the console (each unset one follows the branch's). */
  screenSound: ScreenSound = {};

  /** Chime, voice and volume as this screen plays them: its own setting, else the branch's, else on at 0.8. */
  settings(): { chime: boolean; voice: boolean; volume: number } {
    const d = this.state?.config?.display;
    const own = this.screenSound;
    return { chime: own.chime ?? d?.chime ?? true, voice: own.voice ?? d?.voice ?? true, volume: own.volume ?? d?.volume ?? DEFAULT_VOLUME };
  }

  /**
   * Whether this screen's sound works, for the console (the screen's report): played (with when,
   * by the server's clock `now`), ready, blocked by the browser, or off; undefined while starting.
   */
  report(serverNow: number): ScreenReport['sound'] {
    const { chime, voice, volume } = this.settings();
    if (!this.audible() || (!chime && !voice) || volume === 0) return { state: 'off' };
    const s = this.player.state;
    if (s === 'blocked') return { state: 'blocked' };
    if (s === 'off') return { state: 'off' };
    if (s !== 'on') return undefined;
    const last = this.player.played.at(-1);
    if (!last) return { state: 'ready' };
    return { state: 'played', playedAt: Math.round(serverNow - (performance.now() - last.endedAt)) };
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.player.stop();
    this.started = false;
  }

  /** The key (see callKey) of the call being announced, which takes the large slot. */
  get leading(): string | null {
    return this.announcer.current?.key ?? null;
  }

  get soundState(): SoundState {
    return this.player.state;
  }

  /** Looks at the state the screen shows: calls it has not seen are announced (not those on screen at load). */
  observe(state: BranchState, langs: readonly string[], now: number): void {
    this.state = state;
    this.langs = langs;
    const { chime, voice, volume } = this.settings();
    const wantSound = this.audible() && (chime || voice);
    if (wantSound && !this.started) {
      this.started = true;
      void this.player.start(volume);
    } else if (!wantSound && this.started) {
      this.player.stop();
      this.started = false;
    } else if (wantSound) this.player.setVolume(volume);
    for (const c of state.calls) {
      const key = callKey(c);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      if (this.primed && now - c.at < ANNOUNCE_WITHIN_MS) this.announcer.enqueue({ key, ticket: c.number, counterId: c.counterId, recall: c.recall });
    }
    this.primed = true;
    if (this.seen.size > 500) for (const k of [...this.seen].slice(0, 250)) this.seen.delete(k);
  }

  /** "Sound off — tap to enable", while the browser holds the sound back. */
  sign(langs: readonly string[]) {
    if (this.player.state !== 'blocked') return nothing;
    const main = wordsLanguage(langs[0] ?? 'en');
    return html`<button class="sound-blocked" data-testid="sound-blocked" data-staff lang=${main} @click=${() => void this.player.unlock()}>
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M11 5 6 9H3v6h3l5 4z" /><path d="m16 9 5 6M21 9l-5 6" />
      </svg>
      <span>${t(main, 'lobby.soundBlocked')}</span>
    </button>`;
  }
}
