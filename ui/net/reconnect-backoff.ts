/**
 * Connecting a socket again when Socket.IO will not: after the server let it go ("io server
 * disconnect": a restart, a failed overview) or a middleware turned it away. Each try waits twice
 * as long as the last, from 1 s up to 30 s, so a server coming back is not met by every screen
 * and console at once; a connection that works starts the pauses again from the shortest.
 * The lobby, kiosk and phone stream (ui/stream/branch-stream.ts) and the console's staff stream
 * (admin/console/data/staff-stream.ts) share it.
 */
export const RECONNECT_FIRST_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

/** What is reconnected: a Socket.IO client socket. */
export interface Reconnectable {
  readonly connected: boolean;
  connect(): unknown;
}

export class ReconnectBackoff {
  private timer?: ReturnType<typeof setTimeout>;
  private pause = RECONNECT_FIRST_MS;

  /** Connects `socket` after the next pause, unless it is connected by then or `current()` says it is no longer the page's. */
  later(socket: Reconnectable, current: () => boolean): void {
    this.at(this.pause, socket, current);
    this.pause = Math.min(this.pause * 2, RECONNECT_MAX_MS);
  }

  /** Connects `socket` after `ms` whatever the pauses so far (a refusal is asked again at a fixed interval). */
  at(ms: number, socket: Reconnectable, current: () => boolean): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (current() && !socket.connected) socket.connect();
    }, ms);
  }

  /** Connected (or served): the next pause is the shortest again. */
  connected(): void {
    this.pause = RECONNECT_FIRST_MS;
  }

  /** No try pending (the page is going away). */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
