import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { ReconnectBackoff } from '../net/reconnect-backoff';
import {
  BranchReplica,
  STALE_AFTER_MS,
  type BranchEvent,
  type BranchState,
  type ClientToServer,
  type ServerToClient,
  type StreamHandshake,
  type WaitEstimates,
} from '../../core/client';

export type StreamStatus = 'connecting' | 'live' | 'stale';

/** Why the server would not stream this branch (e.g. unknown branch). */
export interface StreamRefusal {
  code: string;
  message: string;
}

/** After a refusal, ask again this often: a screen set up before its branch exists starts by itself. */
const RETRY_REFUSED_MS = 30_000;
/** When the server itself drops or turns away the connection, try again after this, doubling up to the max. */
/** How often the watchdog looks for silence (and the host re-renders its clock). */
const WATCHDOG_MS = 500;
/**
 * Silent this long while connected, the link is dead though the socket does not know (a NAT or
 * Wi-Fi that dropped it): reconnect, and resync from `lastSeq`. The server's heartbeat comes
 * every 2 s; Socket.IO's own ping is slow (25 s), so this is what notices a dead link in seconds.
 */
const RECONNECT_SILENT_MS = 2 * STALE_AFTER_MS;
/**
 * Wait estimates older than this (by server time) are not shown as live. The server sends them
 * every 15 s (ESTIMATES_MS) and with the heartbeat after every change, so this allows two missed rounds.
 */
export const ESTIMATES_MAX_AGE_MS = 45_000;

export interface BranchStreamOptions {
  /** A paired screen's token, sent with every (re)connect so the server knows which screen this is. */
  screen?: () => string | null;
  /** Gets the socket once made, for what rides along on it (a screen's reports, reload, identify). */
  onSocket?: (socket: Socket) => void;
  /**
   * A snapshot the page came with (the lobby's HTML carries one, server/http/lobby-page.ts):
   * shown at once, as if the stream had sent it; the stream then connects with its seq and
   * catches up, exactly as after a reconnect.
   */
  initial?: () => InitialSnapshot | null;
  /** `services`: the page shows only the estimates per service (a lobby), not every ticket's: smaller frames. */
  estimates?: 'services';
}

/** A branch's snapshot and the server's time when it was taken. */
export interface InitialSnapshot {
  state: BranchState;
  serverTime: number;
}

/**
 * Keeps a Lit element in step with one branch: snapshot, then events in seq order through the
 * shared reducer, with gap detection, resync after reconnect (sending `lastSeq`), the server's
 * clock, and a watchdog that marks the data stale when the server falls silent. Used by the
 * lobby screen and the staff app alike, so both show what the server holds.
 */
export class BranchStreamController implements ReactiveController {
  readonly replica = new BranchReplica();
  status: StreamStatus = 'connecting';
  /** Server time minus local time, ms: screens show server time, a TV's own clock may be wrong. */
  clockOffset = 0;
  /** Server time of the last message heard; what "information as of" refers to. */
  lastHeardAt: number | null = null;
  /** Set when the server refused the stream (unknown branch); cleared by the next snapshot. */
  refused: StreamRefusal | null = null;
  /**
   * The latest wait estimates the server sent (a ticket taken now, per service), however old.
   * Screens should show `currentEstimates()`, which is null when they may be out of date.
   */
  estimates: WaitEstimates | null = null;
  /** The server's build as its heartbeat says; a change means a deployment. */
  serverVersion: string | null = null;
  /** Called when the server's version changes under a running page (a screen reloads itself). */
  onNewVersion?: (version: string) => void;
  /** A newly applied event, for elements that animate calls. */
  onEvent?: (e: BranchEvent) => void;

  private socket?: Socket<ServerToClient, ClientToServer>;
  private watchdog?: ReturnType<typeof setInterval>;
  private readonly reconnect = new ReconnectBackoff();
  private lastHeardLocal = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly branch: () => string,
    private readonly options: BranchStreamOptions = {},
  ) {
    host.addController(this);
  }

  get state(): BranchState | null {
    return this.replica.state;
  }

  /**
   * The estimates, only while they can be shown as live: the stream is live and they were made
   * at most `maxAgeMs` ago by the server's clock. Null otherwise (or before any arrived).
   */
  currentEstimates(maxAgeMs = ESTIMATES_MAX_AGE_MS): WaitEstimates | null {
    const e = this.estimates;
    if (!e || this.status !== 'live') return null;
    const age = this.now() - e.at;
    return age <= maxAgeMs ? e : null;
  }

  /** Current server time, as best known. */
  now(): number {
    return Date.now() + this.clockOffset;
  }

  hostConnected(): void {
    const initial = this.replica.state ? null : this.options.initial?.();
    if (initial) {
      this.heard(initial.serverTime);
      this.replica.loadSnapshot(initial.state);
      this.setStatus('live');
    }
    const socket: Socket<ServerToClient, ClientToServer> = io({
      // A function, so every reconnect sends the seq we hold now.
      auth: (cb) => {
        const screen = this.options.screen?.();
        const estimates = this.options.estimates;
        cb({ branch: this.branch(), ...(this.replica.state ? { lastSeq: this.replica.seq } : {}), ...(screen ? { screen } : {}), ...(estimates ? { estimates } : {}) } satisfies StreamHandshake);
      },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.socket = socket;
    this.options.onSocket?.(socket);
    socket.on('snapshot', ({ state, serverTime, estimates }) => {
      this.heard(serverTime);
      this.replica.loadSnapshot(state);
      if (estimates) this.takeEstimates(estimates);
      this.refused = null;
      this.reconnect.connected();
      this.setStatus('live');
      // A snapshot after a resync arrives while already live: render it now, not at the next tick.
      this.host.requestUpdate();
    });
    socket.on('catchup', ({ events, serverTime, estimates }) => {
      this.heard(serverTime);
      if (estimates) this.takeEstimates(estimates);
      if (this.replica.receiveAll(events) === 'gap' || this.replica.needsSnapshot) this.resync();
      else this.setStatus('live');
      this.reconnect.connected();
      this.host.requestUpdate();
    });
    socket.on('refused', (r) => this.refuse(socket, r));
    socket.on('connect_error', (err: Error & { data?: { code?: unknown; message?: unknown } }) => {
      if (socket.active) return; // a network error: socket.io retries by itself
      // Turned away by a server middleware: socket.io will not retry by itself.
      if (err.data?.code === 'unknown_branch') {
        this.refuse(socket, { code: 'unknown_branch', message: typeof err.data.message === 'string' ? err.data.message : err.message });
      } else {
        this.reconnect.later(socket, () => this.socket === socket);
      }
    });
    socket.on('event', (e) => {
      this.heard(null);
      const r = this.replica.receive(e);
      if (r === 'gap') this.resync();
      else if (r === 'applied') {
        this.onEvent?.(e);
        this.host.requestUpdate();
        // A long queue's copy lists only its first tickets: ask for more before they run out.
        if (this.replica.needsSnapshot) this.resync();
      }
    });
    socket.on('estimates', (msg) => {
      this.heard(null);
      this.takeEstimates(msg);
    });
    socket.on('tick', ({ serverTime, seq, version, estimates }) => {
      this.heard(serverTime);
      if (estimates) this.takeEstimates(estimates);
      if (typeof version === 'string' && version) {
        const before = this.serverVersion;
        this.serverVersion = version;
        if (before !== null && before !== version) this.onNewVersion?.(version);
      }
      if (seq > this.replica.seq) this.resync();
      else if (this.status === 'stale' && socket.connected && this.replica.state) this.setStatus('live');
    });
    socket.on('disconnect', (reason) => {
      this.setStatus('stale');
      // The server closed the connection itself (e.g. a restart): socket.io leaves reconnecting to us.
      if (reason === 'io server disconnect' && !this.refused) this.reconnect.later(socket, () => this.socket === socket);
    });
    socket.io.on('reconnect_attempt', this.onReconnectAttempt);
    this.watchdog = setInterval(() => {
      if (this.status === 'live' && Date.now() - this.lastHeardLocal > STALE_AFTER_MS) this.setStatus('stale');
      if (socket.connected && this.lastHeardLocal && Date.now() - this.lastHeardLocal > RECONNECT_SILENT_MS) {
        this.lastHeardLocal = Date.now(); // one reconnect per silence, not one per watchdog turn
        socket.disconnect().connect();
      }
      this.host.requestUpdate();
    }, WATCHDOG_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.watchdog);
    this.reconnect.cancel();
    this.socket?.removeAllListeners();
    this.socket?.io.off('reconnect_attempt', this.onReconnectAttempt);
    this.socket?.disconnect();
    this.socket = undefined;
  }

  /** The server will not stream this branch: say so, stop, and ask again later. */
  private refuse(socket: Socket<ServerToClient, ClientToServer>, r: StreamRefusal): void {
    this.refused = { code: String(r.code), message: String(r.message) };
    this.estimates = null;
    socket.disconnect();
    this.reconnect.at(RETRY_REFUSED_MS, socket, () => this.socket === socket);
    this.host.requestUpdate();
  }

  private readonly onReconnectAttempt = (): void => this.host.requestUpdate();

  /** Derived data, not in the log: the newest simply replaces what we had. */
  private takeEstimates(msg: WaitEstimates): void {
    if (msg && typeof msg.at === 'number' && msg.services && typeof msg.services === 'object') {
      this.estimates = msg;
      this.host.requestUpdate();
    }
  }

  private resync(): void {
    // Without lastSeq the server sends a fresh snapshot (a partial copy cannot be caught up).
    this.socket?.emit('resync', this.replica.needsSnapshot ? {} : { lastSeq: this.replica.seq });
  }

  /** Notes that the server spoke; `serverTime` (when the message carries the server's "now") sets the clock offset. */
  private heard(serverTime: number | null): void {
    this.lastHeardLocal = Date.now();
    if (serverTime !== null) this.clockOffset = serverTime - this.lastHeardLocal;
    this.lastHeardAt = this.now();
  }

  private setStatus(s: StreamStatus): void {
    if (this.status !== s) {
      this.status = s;
      this.host.requestUpdate();
    }
  }
}
