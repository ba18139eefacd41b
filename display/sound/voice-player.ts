import type { VoiceLang } from './voice-words';

/** Where a sprite's clips are: name → [start s, duration s]. */
export interface VoiceManifest {
  lang: string;
  voice: string;
  clips: Record<string, [number, number]>;
}

export type SoundState = 'off' | 'loading' | 'on' | 'blocked';

/** One piece of sound that really played to its end (the audio context said so), for the screen's record. */
export interface PlayedClip {
  /** `chime`, or `<lang>:<clip>`. */
  clip: string;
  /** performance.now() when it ended. */
  endedAt: number;
}

const LOG_MAX = 200;

/**
 * Plays the lobby's sounds through one Web Audio context: the chime, and the clips of each
 * language's sprite (served from /voice/, a manager's recordings replacing ours), back to back
 * without gaps or overlaps. Browsers start a context suspended on a page nobody touched: then the
 * state is 'blocked' until `unlock()` (a tap), and nothing is queued up to blast out later.
 */
export class VoicePlayer {
  state: SoundState = 'off';
  /** What played, in order (the latest LOG_MAX). */
  readonly played: PlayedClip[] = [];
  onState?: (s: SoundState) => void;

  private ctx: AudioContext | null = null;
  private sessions = 0;
  private gain: GainNode | null = null;
  private readonly sprites = new Map<string, Promise<{ buffer: AudioBuffer; manifest: VoiceManifest } | null>>();
  private chime: Promise<AudioBuffer | null> | null = null;

  constructor(private readonly base = '/voice/') {}

  /** Starts the audio context (once); reports 'blocked' when the browser holds it suspended. */
  async start(volume: number): Promise<void> {
    if (!this.ctx) {
      try {
        this.ctx = new AudioContext({ latencyHint: 'playback' });
      } catch {
        this.setState('off');
        return;
      }
      this.gain = this.ctx.createGain();
      this.gain.connect(this.ctx.destination);
      this.ctx.onstatechange = () => this.checkRunning();
    }
    this.gain!.gain.value = Math.max(0, Math.min(1, volume));
    this.setState('loading');
    try {
      await Promise.race([this.ctx.resume(), new Promise((r) => setTimeout(r, 300))]);
    } catch {
      /* blocked */
    }
    this.checkRunning();
  }

  /** The volume now (0…1): a change from the console is heard from the next sound on. */
  setVolume(volume: number): void {
    if (this.gain) this.gain.gain.value = Math.max(0, Math.min(1, volume));
  }

  /** A tap on the "sound off" sign: browsers let a context start from a user's gesture. */
  async unlock(): Promise<void> {
    await this.ctx?.resume().catch(() => undefined);
    this.checkRunning();
  }

  /**
   * Which run of the sound this is: it changes when the sound is stopped, so a call being said
   * when it was switched off is not finished minutes later when it is switched on again.
   */
  get session(): number {
    return this.sessions;
  }

  stop(): void {
    this.sessions++;
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
    this.setState('off');
  }

  get running(): boolean {
    return this.ctx?.state === 'running';
  }

  /** Whether a language's sprite has a clip (a manager's recordings may hold fewer). */
  async hasClips(lang: VoiceLang): Promise<Set<string>> {
    const s = await this.sprite(lang);
    return new Set(s ? Object.keys(s.manifest.clips) : []);
  }

  /** Plays the chime, then resolves when it has finished (at once when sound is not running). */
  async playChime(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || !this.running) return;
    this.chime ??= this.load(`${this.base}chime.ogg`);
    const buf = await this.chime;
    // Stopped (and perhaps started again) while it loaded: not for this run of the sound.
    if (buf && this.ctx === ctx) await this.schedule([{ buffer: buf, offset: 0, duration: buf.duration, name: 'chime' }]);
  }

  /** Plays clips of a language's sprite back to back; resolves when the last has finished. */
  async playClips(lang: VoiceLang, clips: readonly string[]): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || !this.running) return;
    const s = await this.sprite(lang);
    if (!s || this.ctx !== ctx) return;
    const parts = clips
      .map((c) => ({ c, at: s.manifest.clips[c] }))
      .filter((p): p is { c: string; at: [number, number] } => !!p.at)
      .map((p) => ({ buffer: s.buffer, offset: p.at[0], duration: p.at[1], name: `${lang}:${p.c}` }));
    await this.schedule(parts);
  }

  private schedule(parts: { buffer: AudioBuffer; offset: number; duration: number; name: string }[]): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || !this.gain || parts.length === 0) return Promise.resolve();
    let when = ctx.currentTime + 0.05;
    const ends: Promise<void>[] = [];
    for (const p of parts) {
      const src = ctx.createBufferSource();
      src.buffer = p.buffer;
      src.connect(this.gain);
      ends.push(
        new Promise((resolve) => {
          src.onended = () => {
            this.played.push({ clip: p.name, endedAt: performance.now() });
            if (this.played.length > LOG_MAX) this.played.splice(0, this.played.length - LOG_MAX);
            resolve();
          };
        }),
      );
      src.start(when, p.offset, p.duration);
      // A short breath between words, as a person would leave.
      when += p.duration + 0.04;
    }
    // Never hang the queue: a context that stops mid-call (a device unplugged) lets it go on.
    const total = (when - ctx.currentTime) * 1000 + 1500;
    return Promise.race([Promise.all(ends).then(() => undefined), new Promise<void>((r) => setTimeout(r, total))]);
  }

  private sprite(lang: VoiceLang) {
    let s = this.sprites.get(lang);
    if (!s) {
      s = (async () => {
        try {
          const res = await fetch(`${this.base}${lang}.json`);
          if (!res.ok) return null;
          const manifest = (await res.json()) as VoiceManifest;
          const buffer = await this.load(`${this.base}${lang}.ogg`);
          return buffer ? { buffer, manifest } : null;
        } catch {
          return null;
        }
      })();
      this.sprites.set(lang, s);
    }
    return s;
  }

  private async load(url: string): Promise<AudioBuffer | null> {
    try {
      const res = await fetch(url);
      if (!res.ok || !this.ctx) return null;
      return await this.ctx.decodeAudioData(await res.arrayBuffer());
    } catch {
      return null;
    }
  }

  private checkRunning(): void {
    if (!this.ctx) return;
    this.setState(this.ctx.state === 'running' ? 'on' : 'blocked');
  }

  private setState(s: SoundState): void {
    if (this.state !== s) {
      this.state = s;
      this.onState?.(s);
    }
  }
}
