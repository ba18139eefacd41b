import { nothing, type ReactiveControllerHost } from 'lit';
import type { BranchState, ScreenReport, ScreenSound } from '../../core/client';
import type { LobbySound } from '../sound/lobby-sound';
import type { SoundState } from '../sound/voice-player';

/**
 * The lobby's sound (display/sound/lobby-sound.ts, unchanged), loaded and started once the board
 * has painted its first frame: its code is not in the screen's first download, and starting it
 * (an AudioContext takes a quarter of a second of the main thread in Chromium) does not hold
 * that frame back (issue 9). Until then it is silent, as the sound is while it starts; the first
 * state it was shown is handed to it first, so the calls already on screen then are not
 * announced and every call since is, exactly as when it was there from the start.
 */
export class LazySound {
  private sound?: LobbySound;
  private loading = false;
  private first?: { state: BranchState; langs: readonly string[]; now: number };
  private own: ScreenSound = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly audible: () => boolean,
  ) {}

  /** This screen's own settings from the console. */
  get screenSound(): ScreenSound {
    return this.sound?.screenSound ?? this.own;
  }
  set screenSound(s: ScreenSound) {
    this.own = s;
    if (this.sound) this.sound.screenSound = s;
  }

  get leading(): string | null {
    return this.sound?.leading ?? null;
  }

  get soundState(): SoundState {
    return this.sound?.soundState ?? 'off';
  }

  get played(): LobbySound['player']['played'] {
    return this.sound?.player.played ?? [];
  }

  get announced(): LobbySound['announcer']['announced'] {
    return this.sound?.announcer.announced ?? [];
  }

  /** Undefined while the sound starts (as LobbySound says it). */
  report(serverNow: number): ScreenReport['sound'] {
    return this.sound?.report(serverNow);
  }

  sign(langs: readonly string[]) {
    return this.sound ? this.sound.sign(langs) : nothing;
  }

  observe(state: BranchState, langs: readonly string[], now: number): void {
    if (this.sound) return this.sound.observe(state, langs, now);
    this.first ??= { state, langs, now };
    if (this.loading) return;
    this.loading = true;
    // After the frame that draws this state: a timer set in the frame's own callback runs once it is painted.
    requestAnimationFrame(() => setTimeout(() => this.load(), 0));
  }

  private load(): void {
    import('../sound/lobby-sound').then(
      ({ LobbySound }) => {
        const sound = new LobbySound(this.host, this.audible);
        sound.screenSound = this.own;
        const first = this.first!;
        sound.observe(first.state, first.langs, first.now);
        this.sound = sound;
        // The next render observes the state as it is now: calls made meanwhile are announced.
        this.host.requestUpdate();
      },
      () => {
        this.loading = false; // asked again at the next render
      },
    );
  }
}
