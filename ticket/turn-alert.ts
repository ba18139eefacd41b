/**
 * Telling a customer it is their turn while the phone is in their pocket: vibration where the
 * browser allows it (Android Chrome; not iOS Safari), a short two-tone chime through Web Audio
 * once the page was tapped (browsers refuse sound before a gesture), and the tab's title.
 */
export class TurnAlert {
  private audio: AudioContext | null = null;

  /** Whether a chime can be played: the page has been tapped and Web Audio exists. */
  get soundReady(): boolean {
    return this.audio !== null && this.audio.state === 'running';
  }

  /** Call from a tap: unlocks sound for later. */
  async unlock(): Promise<boolean> {
    try {
      const Ctx = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
      if (!Ctx) return false;
      this.audio ??= new Ctx();
      if (this.audio.state !== 'running') await this.audio.resume();
      return this.audio.state === 'running';
    } catch {
      return false;
    }
  }

  /** Vibrate and chime (each only where allowed). */
  ring(): void {
    try {
      navigator.vibrate?.([300, 150, 300, 150, 600]);
    } catch {
      // Not allowed here: the screen and the title still say it.
    }
    const ctx = this.audio;
    if (!ctx || ctx.state !== 'running') return;
    const t0 = ctx.currentTime;
    for (const [i, freq] of [659.25, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0 + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + i * 0.35 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.35 + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + i * 0.35);
      osc.stop(t0 + i * 0.35 + 0.65);
    }
  }
}
