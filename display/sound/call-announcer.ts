import { spokenCall, VOICE_LANGS, type VoiceLang } from './voice-words';
import type { VoicePlayer } from './voice-player';

/** One call to announce: a ticket at a counter (a recall is a new announcement). */
export interface Announcement {
  key: string;
  ticket: string;
  counterId: string;
  recall: boolean;
}

export interface AnnounceSettings {
  chime: boolean;
  voice: boolean;
  /** The languages to speak, main first (those without a voice are skipped). */
  langs: readonly string[];
  /** The counter's name as the manager wrote it, in a language. */
  counterName: (counterId: string, lang: string) => string;
}

/** A call keeps the large slot at least this long, with or without sound, so none flashes by. */
export const HOLD_MS = 4_000;

export interface AnnouncedCall {
  key: string;
  startedAt: number;
  endedAt: number | null;
}

/**
 * Announces calls one after another, never over each other: each takes the large slot of "now
 * serving" (`current`) while its chime and voice play — at least HOLD_MS — then the next. A
 * burst of calls (four counters within two seconds) is so shown and said one by one.
 */
export class CallAnnouncer {
  current: Announcement | null = null;
  /** The record of announcements (the latest 50), for the screen's tests and diagnostics. */
  readonly announced: AnnouncedCall[] = [];
  onChange?: () => void;

  private readonly queue: Announcement[] = [];
  private running = false;

  constructor(
    private readonly player: VoicePlayer,
    private readonly settings: () => AnnounceSettings,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  enqueue(a: Announcement): void {
    if (this.current?.key === a.key || this.queue.some((q) => q.key === a.key)) return;
    this.queue.push(a);
    if (!this.running) void this.run();
  }

  /** Calls waiting their turn (not the current one). */
  get waiting(): readonly Announcement[] {
    return this.queue;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let a = this.queue.shift(); a; a = this.queue.shift()) {
        this.current = a;
        const rec: AnnouncedCall = { key: a.key, startedAt: performance.now(), endedAt: null };
        this.announced.push(rec);
        if (this.announced.length > 50) this.announced.shift();
        this.onChange?.();
        await Promise.all([this.say(a), this.wait(HOLD_MS)]);
        rec.endedAt = performance.now();
      }
    } finally {
      this.current = null;
      this.running = false;
      this.onChange?.();
    }
  }

  private async say(a: Announcement): Promise<void> {
    const s = this.settings();
    if (!this.player.running) return;
    // Sound switched off meanwhile (and perhaps on again): the rest of this call is not said.
    const session = this.player.session;
    const still = () => this.player.session === session;
    if (s.chime) await this.player.playChime();
    if (!s.voice) return;
    for (const lang of s.langs) {
      const base = lang.split('-')[0] as VoiceLang;
      if (!VOICE_LANGS.includes(base)) continue;
      const has = await this.player.hasClips(base);
      if (!still()) return;
      await this.player.playClips(base, spokenCall(a.ticket, s.counterName(a.counterId, lang), base, a.recall, (c) => has.has(c)));
    }
  }
}
