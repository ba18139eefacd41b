import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  ESTIMATES_MS,
  MAX_CATCHUP_EVENTS,
  publicSnapshot,
  StreamHandshake,
  TICK_MS,
  toPublicEvent,
  type BranchEvent,
  type ClientToServer,
  type ServerToClient,
  type WaitEstimates,
} from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { CommittedEvents } from '../commands/committed';
import type { EventStore } from '../store/event-store';
import { StreamLimits, type Bucket } from './stream-limits';
import { BranchRooms } from './branch-rooms';
import { HeartbeatParts, type HeartbeatPart } from './heartbeat-parts';
import { paceConnects } from './connect-pacer';
import { paceUpgrades } from './upgrade-pacer';
import { forgetRequest, keepsRequest } from './upgrade-request';
import type { WaitEstimateService } from './wait-estimates';

const room = (branchId: string) => `branch:${branchId}`;
/** The branch's sockets that take every waiting ticket's estimate too (phone tickets, kiosks): all but lobbies. */
const ticketsRoom = (branchId: string) => `tickets:${branchId}`;

/** Estimates without the waiting tickets' (what a lobby shows). */
function servicesOnly(e: WaitEstimates): WaitEstimates {
  const { tickets: _tickets, ...rest } = e;
  return rest;
}

type Tick = Parameters<ServerToClient['tick']>[0];

/** Slices of the heartbeat period; a branch is always in the same one. */
const TICK_SLICES = 40;

const ResyncRequest = z.object({ lastSeq: z.number().int().min(0) });

/**
 * What the stream keeps of one socket, in its `socket.data`: the same listeners serve every
 * socket and find it there (`this` is the socket), where a closure per socket held its welcome's
 * whole scope for the socket's life (a few hundred bytes a socket at 10,000 screens).
 */
interface Watcher {
  branch: string;
  address: string;
  /** Resync answers left to this connection: made at its first resync (most never ask). */
  allowance?: Bucket;
}
type StreamSocket = Socket<ClientToServer, ServerToClient>;

/**
 * The one way out: every screen of a branch joins its room and gets a snapshot or the events it
 * missed (from the log on disk, so it works across restarts), then each event in order, and a
 * heartbeat with the server clock. Public and read-only: events go out without the person.
 */
export class BranchStream {
  readonly io: Server<ClientToServer, ServerToClient>;
  /** The server's build, sent with every heartbeat: a screen that sees it change reloads itself. */
  version = '';
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly upgrades: { close(): void };
  private readonly connects: { close(): void };
  /** Branches whose estimates changed since they were last sent: they ride on the branch's next heartbeat. */
  private readonly estimatesDue = new Set<string>();
  /** When each branch's estimates last went out (they are sent at least every ESTIMATES_MS). */
  private readonly estimatesSentAt = new Map<string, number>();
  /** Big branches whose heartbeat goes out a part per turn (heartbeat-parts.ts); done within half a period. */
  private readonly parts = new HeartbeatParts(TICK_SLICES / 2);
  /** Branches with a screen here, by slice (a heartbeat turn visits one slice). */
  private readonly rooms: BranchRooms;
  /** Each connection's client address, taken before its upgrade request is let go (upgrade-request.ts). */
  private readonly addresses = new WeakMap<object, string>();
  /** Shared by every socket (`this` is the socket, its state in `socket.data`): see Watcher. */
  private readonly onLeft: (this: StreamSocket) => void;
  private readonly onResync: (this: StreamSocket, msg: unknown) => void;

  constructor(
    httpServer: HttpServer,
    private readonly states: BranchStates,
    private readonly store: EventStore,
    private readonly waits: WaitEstimateService,
    committed: CommittedEvents,
    /** Socket.IO between nodes (server/cluster: Redis or PostgreSQL); none: this node alone. */
    adapter?: ServerOptions['adapter'],
    /** Sockets per address, resyncs per connection and address (see stream-limits.ts). */
    private readonly limits: StreamLimits = new StreamLimits(false),
  ) {
    // Socket.IO's upgrades are taken a few ms' worth per turn (upgrade-pacer.ts): a reconnect storm
    // no longer holds the event loop.
    let made: Server<ClientToServer, ServerToClient> | undefined;
    this.upgrades = paceUpgrades(httpServer, () => (made = new Server(httpServer, {
      ...(adapter ? { adapter } : {}),
      serveClient: false,
      // Socket.IO's default pings (25 s, 20 s to answer): the 2-second heartbeat already proves the
      // link to a screen, which reconnects after 10 s of silence (ui/stream/branch-stream.ts); a
      // ping every 5 s was a fifth of all socket writes (and as many reads) at 10,000 screens.
      // The server notices a vanished screen within 45 s (its socket's memory, nothing shown).
      pingInterval: 25_000,
      pingTimeout: 20_000,
      maxHttpBufferSize: 16_384,
    })));
    this.io = made!;
    // And their namespace connects a few dozen per turn too (connect-pacer.ts).
    this.connects = paceConnects(this.io);
    this.rooms = new BranchRooms(this.io.of('/').adapter, [TICK_SLICES], (id) => {
      this.estimatesDue.delete(id);
      this.estimatesSentAt.delete(id);
    });
    this.io.engine.on('connection', (raw: { request: IncomingMessage | null }) => {
      if (!raw.request || keepsRequest(raw.request)) return;
      this.addresses.set(raw, this.limits.addressOf(raw.request));
      forgetRequest(raw);
    });
    const streamLimits = this.limits;
    const resync = (socket: StreamSocket, msg: unknown) => this.resync(socket, msg);
    this.onLeft = function () {
      streamLimits.release((this.data as Watcher).address, Date.now());
    };
    this.onResync = function (msg) {
      resync(this, msg);
    };
    this.io.on('connection', (socket) => void this.welcome(socket).catch((err: unknown) => this.letGo(socket, err)));
    committed.on(this.broadcast);
    // Heartbeats go out in slices spread over their period: each branch still hears one every
    // TICK_MS, but 10,000 screens are never written to in one burst, which held every command
    // and delivery behind it.
    let slice = 0;
    this.ticker = setInterval(() => this.tick(slice++ % TICK_SLICES), TICK_MS / TICK_SLICES);
    this.ticker.unref();
  }

  /** Told of a connection that failed (the database did not answer): the app logs it. */
  onFailure?: (err: unknown) => void;

  /**
   * A connection that could not be served (the database failed it): let go without a refusal, so
   * the screen shows its data as stale and connects again; never an unhandled rejection, which
   * would end the node.
   */
  private letGo(socket: StreamSocket, err: unknown): void {
    this.onFailure?.(err);
    socket.disconnect(true);
  }

  /** Paired screens (reports, reload, identify): set by the app when screens can be paired. */
  onScreen?: (socket: Socket, branchId: string, screenToken: string) => Promise<void>;

  /** Sends freshly committed events to every screen of the branch. */
  private readonly broadcast = (branchId: string, events: readonly BranchEvent[]): void => {
    // Node-local: every node hears every committed event (its own and the others', through its
    // cache) and sends it to its own screens; through the adapter each screen would get it once per node.
    // A branch no screen of this node watches costs no frame (a kiosk-only branch, a node behind a
    // balancer that sends the screens elsewhere): encoding one for an empty room was ~2% of a command.
    if (this.io.of('/').adapter.rooms.get(room(branchId))?.size) {
      for (const e of events) this.io.local.to(room(branchId)).emit('event', toPublicEvent(e));
    }
    this.waits.observe(branchId, events);
    // The new estimates go with the branch's next heartbeat (within TICK_MS): one frame per screen
    // instead of two, and a burst of commands (a kiosk queue at opening) yields one update.
    this.estimatesDue.add(branchId);
  };

  close(): Promise<void> {
    clearInterval(this.ticker);
    this.upgrades.close();
    this.connects.close();
    return this.io.close().then(() => undefined);
  }

  private async welcome(socket: StreamSocket): Promise<void> {
    const address = this.addresses.get(socket.conn) ?? this.limits.addressOf(socket.request);
    const crowded = this.limits.admit(address, Date.now());
    if (crowded) {
      socket.emit('refused', { code: crowded, message: 'too many connections from this address: try again later' });
      socket.disconnect(true);
      return;
    }
    const watcher: Watcher = socket.data;
    watcher.address = address;
    socket.on('disconnect', this.onLeft);
    const hs = StreamHandshake.safeParse(socket.handshake.auth);
    if (!hs.success) {
      socket.emit('refused', { code: 'invalid', message: 'connect with auth {branch, lastSeq?}' });
      socket.disconnect(true);
      return;
    }
    const branchId = hs.data.branch;
    watcher.branch = branchId;
    if (!(await this.states.get(branchId))) {
      socket.emit('refused', { code: 'unknown_branch', message: `no branch "${branchId}"` });
      socket.disconnect(true);
      return;
    }
    if (socket.disconnected) return;
    // A paired screen's listeners go on before its snapshot: it reports as soon as it has rendered one.
    const screen = hs.data.screen && this.onScreen ? this.onScreen(socket as unknown as Socket, branchId, hs.data.screen) : undefined;
    // The estimates come in the same frame as the snapshot, or, while the branch's estimator still
    // learns (the first screen after a restart), with the branch's first heartbeat after it is done.
    const tickets = hs.data.estimates !== 'services';
    await this.sendFrom(socket, branchId, hs.data.lastSeq, () => void socket.join(tickets ? [room(branchId), ticketsRoom(branchId)] : room(branchId)), tickets ? 'all' : 'services');
    await screen;
    void this.waits.ready(branchId).then(() => this.estimatesDue.add(branchId));
    socket.on('resync', this.onResync);
  }

  /**
   * A client resyncs after a gap, rarely: more is a bug or abuse, and each answer may be a
   * whole snapshot. One turned down asks again at the next heartbeat.
   */
  private resync(socket: StreamSocket, msg: unknown): void {
    const watcher = socket.data as Watcher;
    // Made at the first resync (a fresh bucket is full, as one made at connect would be by then):
    // most screens never resync, and 10,000 idle ones held 10,000 buckets.
    watcher.allowance ??= this.limits.connectionBucket(Date.now());
    if (!this.limits.mayResync(watcher.allowance, watcher.address, Date.now())) return;
    const parsed = ResyncRequest.safeParse(msg);
    this.sendFrom(socket, watcher.branch, parsed.success ? parsed.data.lastSeq : undefined).catch((err: unknown) => this.letGo(socket, err));
  }

  /**
   * Sends a client what it lacks after `lastSeq`: the events it missed, or a snapshot. `join`
   * runs in the same tick as the send, after any read, so no event slips in between.
   */
  private async sendFrom(socket: StreamSocket, branchId: string, lastSeq: number | undefined, join?: () => void, withEstimates?: 'all' | 'services'): Promise<void> {
    let state = this.states.peek(branchId) ?? (await this.states.get(branchId))!;
    const behind = lastSeq === undefined ? Infinity : state.seq - lastSeq;
    // A client ahead of the log (a database restored from backup) or too far behind gets a fresh snapshot.
    let events: BranchEvent[] | undefined;
    if (behind >= 0 && behind <= MAX_CATCHUP_EVENTS) {
      events = this.states.recentSince(branchId, lastSeq!);
      if (!events) {
        const read = await this.store.readSince(branchId, lastSeq!, MAX_CATCHUP_EVENTS);
        state = this.states.peek(branchId) ?? state;
        // Whatever this node committed during the read follows from memory.
        const after = read.length ? read[read.length - 1]!.seq : lastSeq!;
        const tail = this.states.recentSince(branchId, after);
        // Nothing beyond what this node holds: later events reach the screen through the room, once.
        const held = this.states.peek(branchId)?.seq ?? state.seq;
        events = tail ? [...read, ...tail].filter((e) => e.seq <= held) : undefined;
      }
    }
    join?.();
    const serverTime = Date.now();
    const estimates = withEstimates && this.waits.isReady(branchId) ? this.waits.estimates(branchId, serverTime) : undefined;
    const extra = estimates ? { estimates: withEstimates === 'services' ? servicesOnly(estimates) : estimates } : {};
    if (events) socket.emit('catchup', { events: events.map(toPublicEvent), serverTime, ...extra });
    // However long the queue, a screen gets its first tickets and the counts (core/public-snapshot.ts).
    else socket.emit('snapshot', { state: publicSnapshot(this.states.peek(branchId) ?? state), serverTime, ...extra });
  }

  /**
   * One slice's heartbeats. A branch's estimates ride along when they changed since last sent,
   * and at least every ESTIMATES_MS (they age: the rest of a wait shrinks as time passes), so a
   * screen gets one frame per period, not a heartbeat and estimates apart.
   */
  private tick(slice: number): void {
    const serverTime = Date.now();
    if (slice === 0) this.limits.sweep(serverTime);
    const rooms = this.io.of('/').adapter.rooms;
    for (const id of this.rooms.inSlice(slice, TICK_SLICES)) {
      const due = this.estimatesDue.has(id) || serverTime - (this.estimatesSentAt.get(id) ?? 0) >= ESTIMATES_MS;
      const withTickets = rooms.has(ticketsRoom(id));
      // Undefined while the branch's estimator still learns: due again next turn.
      const estimates = due ? this.waits.estimates(id, serverTime, withTickets) : undefined;
      if (estimates) {
        this.estimatesDue.delete(id);
        this.estimatesSentAt.set(id, serverTime);
      }
      const screens = rooms.get(room(id));
      if (screens && this.parts.splits(screens.size)) this.parts.add(id, [...screens], new Set(rooms.get(ticketsRoom(id))), estimates);
      else this.beat(id, serverTime, estimates, withTickets);
    }
    for (const part of this.parts.take()) this.beatPart(part, serverTime);
  }

  /** A branch's heartbeat to all its screens here: one frame, encoded once (two when phones want every ticket's estimate). */
  private beat(id: string, serverTime: number, estimates: WaitEstimates | undefined, withTickets: boolean): void {
    const tick = this.heartbeat(id, serverTime);
    if (!estimates) {
      this.io.local.to(room(id)).emit('tick', tick);
      return;
    }
    // Two frames for the branch, each encoded once: lobbies get the services' estimates, the
    // phones and kiosks among its sockets every ticket's too.
    if (!withTickets) {
      this.io.local.to(room(id)).emit('tick', { ...tick, estimates });
    } else {
      this.io.local.to(room(id)).except(ticketsRoom(id)).emit('tick', { ...tick, estimates: servicesOnly(estimates) });
      this.io.local.to(ticketsRoom(id)).emit('tick', { ...tick, estimates });
    }
  }

  /** One part of a big branch's heartbeat (heartbeat-parts.ts), to its sockets by their own rooms. */
  private beatPart(part: HeartbeatPart, serverTime: number): void {
    const tick = this.heartbeat(part.branchId, serverTime);
    const estimates = part.estimates;
    if (!estimates) {
      this.io.local.to(part.sids).emit('tick', tick);
      return;
    }
    if (!part.phones.length) {
      this.io.local.to(part.sids).emit('tick', { ...tick, estimates: servicesOnly(estimates) });
      return;
    }
    const phones = new Set(part.phones);
    const lobbies = part.sids.filter((sid) => !phones.has(sid));
    if (lobbies.length) this.io.local.to(lobbies).emit('tick', { ...tick, estimates: servicesOnly(estimates) });
    this.io.local.to(part.phones).emit('tick', { ...tick, estimates });
  }

  /** The heartbeat itself: the server's clock, the branch's seq here (never ahead of what its sockets were sent), the build. */
  private heartbeat(id: string, serverTime: number): Tick {
    return { serverTime, seq: this.states.peek(id)?.seq ?? 0, ...(this.version ? { version: this.version } : {}) };
  }


  /** How many branches have a screen on this node. */
  branchCount(): number {
    return this.rooms.size;
  }
}
