import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { BranchSummary, ScreenStatus, ServerToStaff } from '../../../core/client';

/** After this long without a word from the server, what the console shows is marked not live. */
const SILENT_MS = 10_000;

/**
 * The console's live feed (Socket.IO namespace `/staff`, signed in by the session cookie): one
 * summary per branch the account may see, and the status of screens, as they change. Used by
 * the all-branches table and the screens page; the server decides what this account may see.
 */
export class StaffStreamController implements ReactiveController {
  readonly branches = new Map<string, BranchSummary>();
  readonly screens = new Map<string, ScreenStatus>();
  /** Server time minus local time, ms. */
  clockOffset = 0;
  connected = false;
  private lastHeard = 0;
  private socket?: Socket<ServerToStaff>;
  private watchdog?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Live: connected and heard from recently. */
  get live(): boolean {
    return this.connected && Date.now() - this.lastHeard < SILENT_MS;
  }

  now(): number {
    return Date.now() + this.clockOffset;
  }

  hostConnected(): void {
    const socket: Socket<ServerToStaff> = io('/staff', { transports: ['websocket'], withCredentials: true });
    this.socket = socket;
    socket.on('connect', () => {
      this.connected = true;
      this.host.requestUpdate();
    });
    socket.on('disconnect', () => {
      this.connected = false;
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
    // Ages ("for 6 min") move on between messages; a silent server shows as not live.
    this.watchdog = setInterval(() => this.host.requestUpdate(), 5_000);
  }

  hostDisconnected(): void {
    clearInterval(this.watchdog);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    this.connected = false;
  }

  private heard(serverTime: number): void {
    this.lastHeard = Date.now();
    this.clockOffset = serverTime - this.lastHeard;
  }
}
