import type { Server, Socket } from 'socket.io';
import { SCREEN_IDENTIFY_SECONDS, ScreenReport, type ScreenStatus } from '../../core';
import type { ScreenRegistry } from './screen-registry';

const room = (screenId: string) => `screen:${screenId}`;
/** How often screens are checked for silence (down after SCREEN_DOWN_AFTER_MS). */
const SWEEP_MS = 5_000;
/** A screen reports every 15 s; more than a few a second is a bug or abuse. */
const MIN_REPORT_INTERVAL_MS = 250;

export type ScreenListener = (screen: ScreenStatus, removed?: boolean) => void;

/**
 * The paired screens' side of the branch stream: a socket that came with a valid screen token
 * joins its screen's room, sends reports (rendered seq, version, errors, whether its sound
 * works) and receives its sound settings, reload and identify. A token that is no longer valid
 * (unpaired) is told so, and the screen pairs anew.
 */
export class ScreenSockets {
  private readonly listeners: ScreenListener[] = [];
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly io: Server,
    private readonly registry: ScreenRegistry,
    /** When reports arrive and silence is measured (tests move it instead of waiting a minute). */
    private readonly clock: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** Status changes (reports, up/down, paired, renamed, unpaired) for the console's feed. */
  onChange(listener: ScreenListener): void {
    this.listeners.push(listener);
  }

  changed(screen: ScreenStatus, removed = false): void {
    for (const l of this.listeners) l(screen, removed);
  }

  /** Called by the branch stream for a socket whose handshake carried a screen token. */
  async attach(socket: Socket, branchId: string, screenToken: string): Promise<void> {
    const found = this.registry.byToken(screenToken).then((s) => (s && s.branchId === branchId ? s : undefined));
    // Listening from the first tick: the lookup may take a database round trip, and a report sent meanwhile must not be lost.
    let last = 0;
    socket.on('report', async (msg: unknown) => {
      const now = this.clock();
      if (now - last < MIN_REPORT_INTERVAL_MS) return;
      last = now;
      const parsed = ScreenReport.safeParse(msg);
      const screen = await found.catch(() => undefined);
      if (!parsed.success || !screen) return;
      try {
        await this.registry.report(screen.id, parsed.data, now);
        const after = await this.registry.get(screen.id);
        if (after) this.changed(after);
      } catch {
        // Text the database cannot store (a NUL on PostgreSQL) or the database away: this report
        // is dropped, the screen sends the next in 15 s. Never an unhandled rejection: it would end the node.
      }
    });
    const screen = await found;
    if (!screen) {
      socket.emit('unpaired', { at: Date.now() });
      return;
    }
    await socket.join(room(screen.id));
    // Its own sound settings, before anything is called.
    socket.emit('sound', screen.sound);
    // Told it is unpaired (from whichever node), it leaves its room here, after the message went out:
    // leaving from the sender would race the broadcast, which reaches even this node's sockets only
    // once the adapter has published it to the others.
    socket.onAnyOutgoing((event: string) => {
      if (event === 'unpaired') void socket.leave(room(screen.id));
    });
  }

  /** Gives a screen its new sound settings; false when it is not connected (it gets them when it connects). */
  sound(screen: ScreenStatus): Promise<boolean> {
    return this.send(screen.id, 'sound', screen.sound);
  }

  /** Asks a screen to reload; false when it is not connected. */
  reload(screenId: string): Promise<boolean> {
    return this.send(screenId, 'reload', { at: Date.now() });
  }

  /** Asks a screen to show its name for a few seconds, so staff see which TV is which. */
  identify(screen: ScreenStatus): Promise<boolean> {
    return this.send(screen.id, 'identify', { name: screen.name, seconds: SCREEN_IDENTIFY_SECONDS });
  }

  /** Tells an unpaired screen; its sockets leave its room as the message reaches them (see attach). */
  async unpaired(screenId: string): Promise<void> {
    await this.send(screenId, 'unpaired', { at: Date.now() });
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private async send(screenId: string, event: string, payload: unknown): Promise<boolean> {
    this.io.to(room(screenId)).emit(event, payload);
    try {
      return (await this.io.in(room(screenId)).fetchSockets()).length > 0;
    } catch {
      // A node that died a moment ago still counts until its heartbeat times out, and never
      // answers: say what this node knows rather than fail the request.
      return this.io.local.in(room(screenId)).fetchSockets().then((s) => s.length > 0);
    }
  }

  private async sweep(): Promise<void> {
    try {
      for (const id of await this.registry.sweep(this.clock())) {
        const s = await this.registry.get(id);
        if (s) this.changed(s);
      }
    } catch {
      // The database closing under a sweep at shutdown: the next node or start sweeps again.
    }
  }
}
