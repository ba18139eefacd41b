import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { ReconnectBackoff } from '../../../ui/net/reconnect-backoff';
import type { BranchSummary, ScreenStatus, ServerToStaff, StaffToServer } from '../../../core/client';

/** A feed the server let go is asked for again after 1 s, then 2, 4… up to 30 s. */

/**
 * The console's live feed (Socket.IO namespace `/staff`, signed in by the session cookie): one
 * summary per branch the account may see, and the status of screens, as they change. Used by
 * the all-branches table and the screens page; the server decides what this account may see.
 * The server sends only what changes (an idle feed is silent), so "live" is the socket being
 * connected: Socket.IO's own ping notices a dead connection.
 */
export class StaffStreamController implements ReactiveController {
  readonly branches = new Map<string, BranchSummary>();
  readonly screens = new Map<string, ScreenStatus>();
  /** Server time minus local time, ms. */
  clockOffset = 0;
  connected = false;
  private socket?: Socket<ServerToStaff, StaffToServer>;
  private ticker?: ReturnType<typeof setInterval>;
  private readonly reconnect = new ReconnectBackoff();

  /** `opts.screensOf`: the branch whose every screen report this page wants (the screens page), not only up and down. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: { screensOf?: () => string } = {},
  ) {
    host.addController(this);
  }

  /** Live: connected (the server pushes every change; Socket.IO's ping notices a dead link). */
  get live(): boolean {
    return this.connected;
  }

  now(): number {
    return Date.now() + this.clockOffset;
  }

  hostConnected(): void {
    const socket: Socket<ServerToStaff, StaffToServer> = io('/staff', { transports: ['websocket'], withCredentials: true });
    this.socket = socket;
    socket.on('connect', () => {
      this.connected = true;
      this.reconnect.connected();
      const branch = this.opts.screensOf?.();
      if (branch) socket.emit('watch-screens', branch);
      this.host.requestUpdate();
    });
    socket.on('disconnect', (reason) => {
      this.connected = false;
      // The server let the socket go (its database failed the overview, a restart): Socket.IO
      // leaves reconnecting to us. An ended session is refused at the next connect, which stops it.
      if (reason === 'io server disconnect') this.reconnect.later(socket, () => this.socket === socket);
      this.host.requestUpdate();
    });
    socket.on('overview', ({ branches, serverTime }) => {
      this.heard(serverTime);
      this.branches.clear();
      for (const b of branches) this.branches.set(b.id, b);
      this.host.requestUpdate();
    });
    socket.on('branch', ({ summary, serverTime }) => {
      this.heard(serverTime);
      this.branches.set(summary.id, summary);
      this.host.requestUpdate();
    });
    socket.on('screen', ({ screen, removed, serverTime }) => {
      this.heard(serverTime);
      if (removed) this.screens.delete(screen.id);
      else this.screens.set(screen.id, screen);
      this.host.requestUpdate();
    });
    // Ages ("for 6 min") move on between messages.
    this.ticker = setInterval(() => this.host.requestUpdate(), 5_000);
  }

  hostDisconnected(): void {
    clearInterval(this.ticker);
    this.reconnect.cancel();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    this.connected = false;
  }

  private heard(serverTime: number): void {
    this.clockOffset = serverTime - Date.now();
  }
}
